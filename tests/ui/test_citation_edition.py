"""The player sees which text of an instrument a citation follows (issue 13): the feedback screen's
source line, "Source: Art. 24(1)(a) Directive 2012/29/EU (2012 text)", taken from the catalogue's
``edition`` (beside its ``version``), in the story's language. The real UI headless."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from tests.support.stories import load_story_from_yaml
from game.engine import Story, auto_choices
from tests.ui.conftest import make_pilot, platform  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]
MAX_FRAMES = 20000


def _feedback_texts(app, platform, story) -> list[str]:  # noqa: F811
    from game.ui.autopilot import Autopilot

    app.driver = Autopilot(app, story, auto_choices(story, 0))
    for _ in range(MAX_FRAMES):
        if not app.running:
            break
        app.step()
    assert app.error is None and not app.running
    return [t for m in getattr(platform, "a11y_log", []) if m.get("screen") == "feedback" for t in m["text"]]


def test_every_catalogue_names_the_text_it_follows():
    for path in sorted((ROOT / "scenarios" / "rights").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("edition"), f"{path.name} has no edition"
        assert data["edition"].split()[0] in data["version"] or data["edition"] in data["version"] or \
            "amended" in data["version"], (path.name, data["edition"])


def test_the_feedback_source_line_names_the_edition(make_pilot, platform):  # noqa: F811
    story = load_story_from_yaml(ROOT / "scenarios" / "tutorial.yaml")
    assert all(r.get("edition") == "2012 text" for r in story.rights.values())
    pilot = make_pilot([story], mode="learning")
    texts = _feedback_texts(pilot.app, platform, story)
    sources = [t for t in texts if t.startswith("Source: ")]
    assert sources and all(t.endswith(" Directive 2012/29/EU (2012 text)") for t in sources), sources[:3]


def test_the_bulgarian_source_line(make_pilot, platform):  # noqa: F811
    from game.engine import l10n
    from game.i18n.build import compile_translation

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        story = Story(compile_translation(ROOT / "scenarios" / "tutorial.yaml", "bg")[0])
    finally:
        os.chdir(here)
    pilot = make_pilot([story], language="bg", mode="learning")
    try:
        texts = _feedback_texts(pilot.app, platform, story)
    finally:
        l10n.install(l10n.Translations())
    sources = [t for t in texts if t.startswith("Източник: чл. ")]
    assert sources and all(t.endswith(" от Директива 2012/29/ЕС (текст от 2012 г.)") for t in sources), texts[:8]
