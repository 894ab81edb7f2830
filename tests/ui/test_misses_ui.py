"""The verdict ``misses`` on screen (issue 13): its own words and icon on the feedback screen and
in the debrief, never "Breaches". The real UI headless, the tutorial's worst path (its
'office-notes' option does not use the recording Art. 24(1)(a) makes available)."""

from __future__ import annotations

import itertools
from pathlib import Path

from tests.support.stories import load_story_from_yaml
from game.ui.art import icons
from tests.art.helpers import alpha_mask, iou
from tests.ui.conftest import make_pilot, platform  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]
WORST = (ROOT / "tests" / "golden" / "tutorial" / "worst.choices").read_text(encoding="utf-8").split()
MAX_FRAMES = 20000


def test_the_misses_icon_has_a_shape_of_its_own():
    names = ("upholds", "breaches", "missed", "misses")
    masks = {n: alpha_mask(icons.render(n, 48, (30, 30, 30))) for n in names}
    for a, b in itertools.combinations(names, 2):
        assert iou(masks[a], masks[b]) < 0.4, (a, b)
    assert icons.ALIASES["not_used"] == "misses"


def test_feedback_and_debrief_tell_a_measure_not_used_in_its_own_words(make_pilot, platform):  # noqa: F811
    from game.ui.autopilot import Autopilot

    story = load_story_from_yaml(ROOT / "scenarios" / "tutorial.yaml")
    pilot = make_pilot([story], mode="learning")
    app = pilot.app
    app.driver = Autopilot(app, story, WORST)
    drawn: set[str] = set()
    for _ in range(MAX_FRAMES):
        if not app.running:
            break
        app.step()
        drawn.update(key[0] for key in app.fonts._text)
    assert app.error is None and not app.running
    models = getattr(platform, "a11y_log", [])
    feedback = [t for m in models if m.get("id") == "feedback:plan-interview" for t in m["text"]]
    wanted = "Does not use the measure Art. 24(1)(a) Directive 2012/29/EU makes available — "
    assert any(t.startswith(wanted) for t in feedback), feedback
    assert not any(t.startswith("Breaches Art. 24(1)(a) ") for t in feedback)
    # drawn line by line, wrapped: the sentence's start is on screen
    assert any(t.startswith("Does not use the measure Art. 24(1)(a)") for t in drawn), "not drawn on the feedback screen"
    debrief = [t for m in models if m.get("screen") == "debrief" for t in m["text"]]
    row = next(t for t in debrief if t.startswith("Art. 24(1)(a) "))
    assert "not used or left out 1" in row and "breached" not in row, row
