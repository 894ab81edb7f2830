"""The assessment node through the real UI headless (issue 19): the form by keyboard, pointer and
touch, the confirmation in assessment mode, the per-item feedback and the summary, the screen-reader
text, facilitated mode, the revision that starts from the earlier marks, and the debrief."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.engine import assessment as assessing
from tests.engine.assessment_fixture import FIRST, FIRST_BEST, REVIEW, REVIEW_BEST, story as load
from tests.ui.conftest import make_pilot, platform  # noqa: F401  (fixtures)
from tests.ui.driving import open_story
from tests.ui.test_touch_scroll import swipe, tap

SHOTS = os.environ.get("RIGHTSPATH_SHOTS")  # a folder to keep the screenshots in, to look at them


def shot(pilot, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        pygame.image.save(pilot.app.surface, str(Path(SHOTS) / f"{name}.png"))


def to_assessment(pilot, story, node=FIRST):
    for _ in range(200):
        scene = pilot.scene
        if scene.name == "assessment" and scene.node_id == node:
            return scene
        if scene.name == "story":
            pilot.press(pygame.K_SPACE)
        elif scene.name == "feedback":
            pilot.press(pygame.K_RETURN)
        else:
            raise AssertionError(f"unexpected screen {pilot.screen}")
    raise AssertionError(f"no assessment {node}")


def focus(pilot, widget, key=pygame.K_TAB):
    group = pilot.scene.group
    for _ in range(len(group.widgets) + 1):
        if group.focused is widget:
            return
        pilot.press(key)
    raise AssertionError(f"could not focus {widget.label!r}")


def a11y(platform, screen_id):  # noqa: F811
    models = [m for m in getattr(platform, "a11y_log", []) if m.get("id") == screen_id]
    assert models, f"no screen-reader model for {screen_id}"
    return models[-1]


def test_marked_by_keyboard_submitted_with_enter_and_told_item_by_item(make_pilot, platform):  # noqa: F811
    story = load()
    pilot = make_pilot([story], mode="learning")
    open_story(pilot, story)
    scene = to_assessment(pilot, story)
    assert pilot.screen == f"assessment:{FIRST}"
    # sections as headings in order, items in the seed's order within them
    assert [t[1] for t in scene.texts if t[0] == "section"] == [
        "Lina's personal characteristics", "The crime and its circumstances", "Lina's own views", "Risks",
        "Measures that follow"]
    model = a11y(platform, pilot.screen)
    assert "Lina's personal characteristics" in model["text"]
    assert any(a["id"] == "item-age" and a["label"].endswith("(not marked)") for a in model["actions"])
    shot(pilot, "assessment-form-top")
    for iid in sorted(FIRST_BEST):
        toggle = scene.toggles[iid]
        focus(pilot, toggle)
        pilot.press(pygame.K_SPACE)
        assert toggle.marked and toggle.note == "marked"
    # Space again unmarks; Space once more marks it back
    toggle = scene.toggles["age"]
    focus(pilot, toggle)
    pilot.press(pygame.K_SPACE)
    assert not toggle.marked and toggle.note == "not marked"
    pilot.press(pygame.K_SPACE)
    model = a11y(platform, pilot.screen)
    assert any(a["id"] == "item-age" and a["label"].endswith("(marked)") for a in model["actions"])
    assert "7 of 12 items marked" in model["text"]
    assert scene.scroll > 0, "moving the focus down the form scrolls it"
    shot(pilot, "assessment-form-scrolled")
    focus(pilot, scene.submit_button)
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "feedback" and pilot.screen == f"feedback:{FIRST}"
    rec = pilot.app.playthrough.run.history[-1]
    assert rec.kind == "assessment" and set(i["id"] for i in rec.items if i["marked"]) == FIRST_BEST
    text = a11y(platform, pilot.screen)["text"]
    assert text[0] == "Recommended choice" and text[1] == "12 of 12 items right (100 % of the weight)"
    assert "Marked, and it applies" in text and "Rightly left unmarked: the facts do not support it" in text
    assert "Upholds Art. 22(4) Directive 2012/29/EU — Children presumed to have specific protection needs" in text
    assert "Rests on: Art. 24(1)(b) Directive 2012/29/EU" in text
    assert "Why: A child victim is presumed to have specific protection needs (22(4))." in text
    shot(pilot, "assessment-feedback")
    pilot.press(pygame.K_RETURN)
    # the revision (22(7)) starts from the earlier marks for the items it shares
    scene = to_assessment(pilot, story, REVIEW)
    assert {iid for iid, t in scene.toggles.items() if t.marked} == {"retaliation", "mother-present",
                                                                     "support-referral"}
    assert any("updates an earlier one" in t for t in a11y(platform, pilot.screen)["text"])


def test_missed_and_flagged_items_in_their_own_words(make_pilot, platform):  # noqa: F811
    story = load()
    pilot = make_pilot([story], mode="learning")
    open_story(pilot, story)
    scene = to_assessment(pilot, story)
    for iid in ("age", "special-representative"):  # one right, one without a basis; the rest missed
        pilot.click(scene.toggles[iid])
    focus(pilot, scene.submit_button)
    pilot.press(pygame.K_RETURN)
    text = a11y(platform, pilot.screen)["text"]
    assert "Missed: it applies, and was not marked" in text
    assert "Flagged: marked without a basis in the facts" in text
    assert "Breaches Art. 24(1)(b) Directive 2012/29/EU — Special representative" in text
    assert any(t.startswith("Does not use the measure Art. 24(1)(a)") for t in text)  # a 'may' measure missed
    # a characteristic missed is not "a measure not used"
    assert "Not taken into account: Art. 22(3) Directive 2012/29/EU — What the assessment considers" in text
    # right: 'age' and the four left unmarked that do not apply (7 of the 18 weight)
    assert text[1] == "5 of 12 items right (39 % of the weight): 6 missed, 1 flagged"
    assert any(t.startswith("Lina's trust −10") for t in text)  # the "poor" effects


def test_pointer_clicks_toggle_and_a_swipe_scrolls_without_toggling(make_pilot, platform):  # noqa: F811
    story = load()
    pilot = make_pilot([story], mode="learning", text_size=3)
    open_story(pilot, story, via="touch")
    scene = to_assessment(pilot, story)
    assert scene.max_scroll > 0
    first = scene.group.widgets[0]
    pilot.click(first)
    assert first.marked
    pilot.click(first)
    assert not first.marked
    pilot.tap(first)
    assert first.marked
    # a swipe that starts on an item scrolls the page and leaves the item as it was
    before = {iid: t.marked for iid, t in scene.toggles.items()}
    vp = scene.viewport()
    start = (vp.centerx, vp.bottom - 40)
    assert scene.group.at(start) is not None  # the finger comes down on an item
    swipe(pilot, start, (start[0], start[1] - 250))
    assert scene.scroll == min(250, scene.max_scroll)
    assert {iid: t.marked for iid, t in scene.toggles.items()} == before
    swipe(pilot, (start[0], start[1] - 250), start)
    assert scene.scroll == 0
    # scroll to the end with a swipe, then tap Submit
    for _ in range(20):
        if scene.submit_button.rect.bottom < scene.viewport().bottom:
            break
        swipe(pilot, (640, 500), (640, 200))
    shot(pilot, "assessment-form-end-touch")
    tap(pilot, scene.submit_button.rect.center)
    assert pilot.scene.name == "feedback"


def test_assessment_mode_confirms_before_a_graded_submission(make_pilot, platform):  # noqa: F811
    story = load()
    pilot = make_pilot([story], mode="assessment")
    open_story(pilot, story)
    scene = to_assessment(pilot, story)
    focus(pilot, scene.toggles["age"])
    pilot.press(pygame.K_SPACE)
    focus(pilot, scene.submit_button)
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "confirm-assessment"
    assert "You marked 1 of 12 items." in pilot.scene.message
    shot(pilot, "assessment-confirm")
    pilot.click("Go back to the form")
    assert pilot.scene is scene and pilot.app.playthrough.run.history == []
    assert scene.toggles["age"].marked  # nothing lost
    pilot.press(pygame.K_RETURN)
    pilot.click("Submit the assessment")
    # assessment mode: no feedback between decisions; on to the next screen
    assert pilot.scene.name == "story"
    assert len(pilot.app.playthrough.run.history) == 1


def test_facilitated_the_room_marks_together_on_the_projector(make_pilot, platform):  # noqa: F811
    story = load()
    pilot = make_pilot([story], mode="facilitated")
    open_story(pilot, story)
    scene = to_assessment(pilot, story)
    assert scene.facilitated and pilot.app.fonts.scale > 1.0  # the projector's text size
    model = a11y(platform, pilot.screen)
    assert "Group assessment" in model["text"]
    assert "• Which of her characteristics does the Directive ask you to consider?" in model["text"]
    shot(pilot, "assessment-facilitated")
    for iid in REVIEW_BEST & set(scene.toggles) | {"age"}:
        focus(pilot, scene.toggles[iid])
        pilot.press(pygame.K_SPACE)
    focus(pilot, scene.submit_button)
    pilot.press(pygame.K_RETURN)
    text = a11y(platform, pilot.screen)["text"]
    assert "To discuss now" in text  # the points for after, now the room has submitted


def test_the_debrief_lists_the_assessments_items(make_pilot, platform):  # noqa: F811
    story = load()
    pilot = make_pilot([story], mode="learning")
    open_story(pilot, story)
    for node, marks in ((FIRST, FIRST_BEST), (REVIEW, {"update-recorded"})):
        scene = to_assessment(pilot, story, node)
        for iid, toggle in scene.toggles.items():
            if toggle.marked != (iid in marks):
                focus(pilot, toggle)
                pilot.press(pygame.K_SPACE)
        focus(pilot, scene.submit_button)
        pilot.press(pygame.K_RETURN)
        pilot.press(pygame.K_RETURN)
    for _ in range(50):
        if pilot.scene.name == "debrief":
            break
        pilot.press(pygame.K_SPACE)
    assert pilot.scene.name == "debrief"
    scene = pilot.scene
    if scene.tab_name == "summary":
        scene.toggle()
        pilot.app.mark_dirty()
        pilot.step()
    text = a11y(platform, pilot.screen)["text"]
    assert any(t.startswith("12 of 12 items right") for t in text), text
    assert any(t.startswith("4 of 6 items right") and "2 missed" in t for t in text), text
    shot(pilot, "assessment-debrief")


@pytest.mark.parametrize("mode", ["learning", "assessment", "facilitated"])
def test_the_headless_autopilot_plays_assessments_from_marks_tokens(make_pilot, platform, mode):  # noqa: F811
    from game.engine import auto_choices, auto_play
    from game.ui.autopilot import Autopilot

    story = load()
    choices = auto_choices(story, 4)
    assert all(c.startswith("+") for c in choices)
    pilot = make_pilot([story], mode=mode)
    app = pilot.app
    app.driver = Autopilot(app, story, choices)
    for _ in range(20000):
        if not app.running:
            break
        app.step()
    assert app.error is None, app.error
    want = auto_play(story, 4).score()
    assert app.result.scaled == want.scaled and app.result.rights == want.rights
