"""The facilitator undoes the room's choice after it has been played (issue 15), through the real UI,
headless: U (or the button) on the feedback, a confirmation, and the decision opens again with the
room's votes; the room then chooses again. The record keeps the undone choice, the outbox keeps the
answer already queued and voids it, the autosave keeps it for a resumed room, the replay checks it,
and a choice that reached the ending is not reported as the end of the playthrough until the
facilitator goes on to the debrief."""

from __future__ import annotations

import pygame
import pytest

from game.exports import statements
from game.exports.replay import Shelf, replay_record
from game.exports.xapi import VERBS
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from game.ui.exporting import record_for
from game.ui.playthrough import Playthrough
from game.ui.saves import read_save
from tests.ui.driving import open_story
from tests.ui.pilot import Pilot
from tests.ui.stories import fixture_story


def start(tmp_path, mode="facilitated"):
    story = fixture_story()
    app = App([story], AppOptions(reduce_motion=True, seed=0, mode=mode), DesktopPlatform(tmp_path / "d"))
    pilot = Pilot(app)
    open_story(pilot, story)
    while pilot.scene.name != "decision":
        pilot.press(pygame.K_SPACE)
    return story, app, pilot


def vote_and_play(pilot, view, n=3):
    for _ in range(n):
        pilot.press(getattr(pygame, f"K_{view.index}"))
    pilot.click(pilot.scene.play_button.rect.center)


def queued(app) -> list[dict]:
    return app.live_results().outbox.first(10_000)


def verbs(stmts) -> list[str]:
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in stmts]


def test_undo_reopens_the_decision_with_its_votes_and_the_record_keeps_both_choices(tmp_path):
    story, app, pilot = start(tmp_path)
    try:
        scene = pilot.scene
        node = scene.node_id
        first, second = [v for v in scene.views if v.enabled][:2]
        vote_and_play(pilot, first)
        assert pilot.scene.name == "feedback" and app.playthrough.run.history[-1].chosen == first.id
        assert "Undo the room's choice" in [a["label"] for a in app.a11y_model["actions"]]
        sent_before = queued(app)
        assert verbs(sent_before) == ["initialized", "answered"]

        pilot.press(pygame.K_u)
        assert pilot.scene.name == "confirm-undo" and "Nothing is erased" in pilot.scene.message
        pilot.press(pygame.K_ESCAPE)  # Keep it
        assert pilot.scene.name == "feedback" and len(app.playthrough.run.history) == 1

        pilot.press(pygame.K_u)
        pilot.press(pygame.K_RETURN)  # Undo the choice
        again = pilot.scene
        assert again.name == "decision" and again.node_id == node and app.playthrough.run.history == []
        assert again.votes[first.id] == 3 and again.revealed
        assert any("Choice undone: the votes as they were" in t for t in app.a11y_model["text"])
        # the voiding statement follows the answer already queued, which stays as it was
        after_undo = queued(app)
        assert after_undo[:2] == sent_before and verbs(after_undo) == ["initialized", "answered", "voided"]
        assert after_undo[2]["object"] == {"objectType": "StatementRef", "id": sent_before[1]["id"]}

        for _ in range(2):
            pilot.press(pygame.K_u)  # typed votes come back as typed: U takes them back one by one
        assert again.votes[first.id] == 1
        vote_and_play(pilot, second)  # 3 against 1: the room now chooses the second option
        assert pilot.scene.name == "feedback" and app.playthrough.run.history[-1].chosen == second.id

        record = record_for(app.playthrough)
        assert [u["chosen"] for u in record["undone"]] == [first.id]
        assert record["undone"][0]["votes"][first.id] == 3 and record["decisions"][0]["chosen"] == second.id
        stmts = statements(record)
        live = queued(app)
        assert live == stmts[:len(live)] and verbs(live)[-1] == "answered"  # the same ids, the same content
        assert replay_record(record, Shelf([story])).ok

        # Kept with the autosave: a room resumed after a crash still exports the undone choice.
        info = read_save(app.platform, story, app.save_prefix)
        resumed = Playthrough.resumed(app, info)
        assert resumed.undone == app.playthrough.undone
        info.meta["undone"] = [{"index": 1, "chosen": "no-such-option", "seconds": 1.0, "votes": None}]
        assert Playthrough.resumed(app, info).undone == []  # a tampered save's do not replay: dropped
    finally:
        pygame.quit()


def test_a_choice_that_reached_the_ending_is_not_the_end_until_the_debrief(tmp_path):
    story, app, pilot = start(tmp_path)
    try:
        while True:
            scene = pilot.scene
            if scene.name == "decision":
                view = next(v for v in scene.views if v.enabled)
                vote_and_play(pilot, view, n=1)
                if app.playthrough.run.ended:
                    break
                pilot.press(pygame.K_SPACE)
            else:
                pilot.press(pygame.K_SPACE)
        assert pilot.scene.name == "feedback"
        assert "completed" not in verbs(queued(app)) and "terminated" not in verbs(queued(app))
        pilot.press(pygame.K_u)
        pilot.press(pygame.K_RETURN)
        assert pilot.scene.name == "decision" and not app.playthrough.run.ended
        view = next(v for v in pilot.scene.views if v.enabled)
        pilot.click(pilot.scene.play_button.rect.center)  # the restored votes: the same option again
        assert app.playthrough.run.ended and pilot.scene.name == "feedback"
        pilot.press(pygame.K_SPACE)
        assert pilot.scene.name == "debrief"
        record = record_for(app.playthrough)
        assert record["finished"] and len(record["undone"]) == 1 and record["undone"][0]["chosen"] == view.id
        live = queued(app)
        assert verbs(live)[-2:] in (["passed", "terminated"], ["failed", "terminated"])
        assert [s["id"] for s in live] == [s["id"] for s in statements(record)]
        assert sum(1 for v in verbs(live) if v == "voided") == 1
        assert not app.playthrough.can_undo()  # the debrief reached: the results are final
    finally:
        pygame.quit()


def test_learning_mode_has_no_undo(tmp_path):
    _story, app, pilot = start(tmp_path, mode="learning")
    try:
        view = next(v for v in pilot.scene.views if v.enabled)
        pilot.press(getattr(pygame, f"K_{view.index}"))
        assert pilot.scene.name == "feedback"
        assert "Undo the room's choice" not in [a["label"] for a in app.a11y_model["actions"]]
        pilot.press(pygame.K_u)
        assert pilot.scene.name == "feedback" and len(app.playthrough.run.history) == 1
        assert VERBS["voided"] not in {s["verb"]["id"] for s in queued(app)}
    finally:
        pygame.quit()



@pytest.mark.parametrize("size", [1, 2, 3])
@pytest.mark.parametrize("language", ["en", "bg"])
def test_the_undo_button_and_the_scroll_hint_keep_their_words_at_every_size(tmp_path, size, language):
    """The feedback's bottom row with the undo button: Menu, undo and Continue side by side, none over
    another, the undo label whole (the row grows to the lines it needs), and the scroll hint on a line
    of its own above them (at Largest in Bulgarian it was cut to "О …" and the label to "…на …")."""
    story = fixture_story()
    app = App([story], AppOptions(reduce_motion=True, seed=0, mode="facilitated", text_size=size, language=language),
              DesktopPlatform(tmp_path / "d"))
    pilot = Pilot(app)
    try:
        open_story(pilot, story)
        while pilot.scene.name != "decision":
            pilot.press(pygame.K_SPACE)
        view = next(v for v in pilot.scene.views if v.enabled)
        pilot.press(getattr(pygame, f"K_{view.index}"))
        pilot.scene.scroll_by(10_000)
        pilot.click(pilot.scene.play_button.rect.center)
        scene = pilot.scene
        assert scene.name == "feedback"
        undo, cont = scene.group.widgets
        menu = scene.menu.widgets[0]
        rects = [menu.rect, undo.rect, cont.rect]
        assert all(not a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])
        assert undo.needed_height(app, undo.rect.w) <= undo.rect.h  # every line of its label fits
        box = scene.hint_box()
        assert box.w >= 400 and not any(box.colliderect(r) for r in rects)
        assert scene.view.viewport.bottom <= box.top and box.bottom <= cont.rect.top
    finally:
        pygame.quit()
