"""Discussion prompts in facilitated play are split (issue 13): questions for before the room votes,
points for after the choice is revealed. The decision screen shows only the questions; the points
come on the feedback screen once the room's choice is played. Real scenarios, the real UI headless,
the real compiler and i18n extraction."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.support.stories import load_story_from_yaml
from game.engine import auto_choices
from game.engine.story import discussion
from tests.ui.conftest import make_pilot, platform  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]
MAX_FRAMES = 20000


def _raw(name: str) -> dict:
    return yaml.safe_load((ROOT / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8"))


def test_prompts_that_give_the_answer_away_come_after_the_vote():
    """The review's kind of give-away (a question that names the answer) is never asked before the vote."""
    give_aways = {
        ("tutorial", "assessment"): "presumed to have specific protection needs",
        ("tutorial", "support"): "depend on whether the family keeps the complaint",
        ("mira", "interview-plan"): "planned into one interview",
        ("mira", "representative"): "conflict of interest",
        ("mira", "medical"): "one examination serve them all",
        ("mira", "public-hearing"): "if the public leaves",
        ("andrei", "d-guardian"): "Whose interests does the 'uncle' serve",
        ("andrei", "d-interview-plan"): "each time the story is told again",
        ("nia", "d-companion"): "reasons that are recorded",
        ("nia", "d-removal"): "preserve a copy securely",
    }
    for (name, node_id), words in give_aways.items():
        node = next(n for n in _raw(name)["nodes"] if n["id"] == node_id)
        before, after = node["discuss"]["before"], node["discuss"]["after"]
        assert before, (name, node_id, "a question is still asked before the vote")
        assert not any(words in q for q in before), (name, node_id, before)
        assert any(words in p for p in after), (name, node_id, after)


def test_the_compiler_and_i18n_carry_both_parts_with_stable_ids():
    story = load_story_from_yaml(ROOT / "scenarios" / "tutorial.yaml")
    node = story.nodes["assessment"]
    assert set(node["discuss"]) == {"before", "after"}
    before, after = discussion(node)
    assert len(before) == 1 and len(after) == 1
    pot = (ROOT / "scenarios" / "tutorial.pot").read_text(encoding="utf-8")
    assert 'msgctxt "tutorial:assessment:discuss0"' in pot and 'msgctxt "tutorial:assessment:after0"' in pot
    assert 'msgctxt "tutorial:assessment:discuss1"' not in pot
    po = (ROOT / "scenarios" / "tutorial.bg.po").read_text(encoding="utf-8")
    assert 'msgctxt "tutorial:assessment:after0"' in po  # the translation followed its text


def test_facilitated_screens_show_questions_before_and_points_after(make_pilot, platform):  # noqa: F811
    from game.ui.autopilot import Autopilot

    story = load_story_from_yaml(ROOT / "scenarios" / "tutorial.yaml")
    before, after = discussion(story.nodes["assessment"])
    pilot = make_pilot([story], mode="facilitated")
    app = pilot.app
    app.driver = Autopilot(app, story, auto_choices(story, 0))
    for _ in range(MAX_FRAMES):
        if not app.running:
            break
        app.step()
    assert app.error is None and not app.running
    models = getattr(platform, "a11y_log", [])
    on_decision = [m for m in models if m.get("id") == "decision:assessment"]
    on_feedback = [m for m in models if m.get("id") == "feedback:assessment"]
    assert on_decision and on_feedback, sorted({m.get("id") for m in models})
    shown = " ".join(t for m in on_decision for t in m["text"])
    assert all(q in shown for q in before)
    assert not any(p in shown for p in after), "a point for after the reveal was shown while the room votes"
    revealed = " ".join(t for m in on_feedback for t in m["text"])
    assert all(p in revealed for p in after)
