"""The live room through the real UI, headless (issue 18): facilitated mode with a room code publishes
the decision shown to a real Ralph; phones' votes (posted as build/vote.html posts them) join the
votes typed in by hand in the screen's counts, hidden until the reveal; the room's choice is played
and the record carries the counts."""

from __future__ import annotations

import asyncio

import pygame
import requests

from game.platform.desktop import DesktopPlatform
from game.room import parse_state, registration, vote_statement
from game.ui.app import App, AppOptions
from tests.ui.pilot import Pilot
from tests.ui.driving import open_story
from tests.ui.stories import fixture_story


def run(pilot, until, frames=6000):
    async def loop():
        for _ in range(frames):
            pilot.step()
            if until():
                return
            await asyncio.sleep(0.001)
        raise AssertionError(f"not done; room: {pilot.app.room.host.state} {pilot.app.room.host.problem!r}")

    asyncio.run(loop())


def test_phones_votes_join_the_projectors_counts_hidden_until_the_reveal(lrs, tmp_path, monkeypatch):
    code = "PROJ55"
    monkeypatch.setenv("RIGHTSPATH_ROOM", code)
    monkeypatch.setenv("RIGHTSPATH_LRS_ENDPOINT", lrs.url)
    monkeypatch.setenv("RIGHTSPATH_LRS_USER", lrs.user)
    monkeypatch.setenv("RIGHTSPATH_LRS_PASSWORD", lrs.password)
    story = fixture_story()
    app = App([story], AppOptions(reduce_motion=True, seed=0, mode="facilitated"), DesktopPlatform(tmp_path / "d"))
    pilot = Pilot(app)
    try:
        open_story(pilot, story)
        while pilot.scene.name != "decision":
            pilot.press(pygame.K_SPACE)
        scene = pilot.scene
        host = app.room.host
        run(pilot, lambda: host.polls >= 1)
        published = [parse_state(s, code) for s in requests.get(
            lrs.url + "statements", params={"registration": registration(code)}, auth=(lrs.user, lrs.password),
            headers={"X-Experience-API-Version": "1.0.3"}, timeout=30).json()["statements"]]
        enabled = [v for v in scene.views if v.enabled]
        assert [o for o, _ in published[0].options] == [v.id for v in enabled]  # in the order shown
        assert published[0].decision == scene.node_id and published[0].state == "open"

        first, second = enabled[0], enabled[1]
        for voter, option in (("phone-0001", first.id), ("phone-0002", first.id), ("phone-0003", second.id),
                              ("phone-0003", first.id)):  # the third phone changes its mind
            answer = requests.post(lrs.url + "statements", json=vote_statement(code, host.round_id, option, voter),
                                   auth=(lrs.user, lrs.password), headers={"X-Experience-API-Version": "1.0.3"},
                                   timeout=30)
            assert answer.status_code == 200, answer.text
        pilot.press(getattr(pygame, f"K_{second.index}"))  # one vote typed in for someone without a phone
        run(pilot, lambda: host.tally.voters == 3)
        pilot.step()
        assert scene.votes[first.id] == 3 and scene.votes[second.id] == 1
        assert "4 votes cast · R: show the votes" in app.a11y_model["text"]
        assert not any(t.startswith("Option ") for t in app.a11y_model["text"])  # hidden until the reveal
        assert f"Room {code}: 4 of 4 voted" == app.room.status_text()  # 3 phones (none said it joined), 1 typed
        # The projector shows the join line and a QR code of the phones' link (with the store).
        assert app.room.join == lrs.url[: -len("xAPI/")] + f"vote.html#room={code}&lang=en"
        assert app.room.link.startswith(app.room.join + "&lrsauth=Basic%20")
        picture = app.room.qr_picture()
        app.draw()
        pygame.image.save(app.surface, str(tmp_path / "projector.png"))  # for a look when it fails
        corner = picture.get_rect(topright=(app.surface.get_width() - 4, 100))
        assert any(tuple(app.surface.get_at((x, y)))[:3] == (0, 0, 0)
                   for x in range(corner.left, corner.right) for y in range(corner.top, corner.bottom))

        pilot.press(pygame.K_r)
        run(pilot, lambda: host.state == "revealed" and host.settled)
        assert f"Option {first.index}: 3 votes" in app.a11y_model["text"]
        assert scene.play_button.label == f"Play the room's choice: option {first.index}"
        pilot.click(scene.play_button.rect.center)
        played = app.playthrough.run.history[-1]
        assert played.chosen == first.id
        assert played.votes[first.id] == 3 and played.votes[second.id] == 1  # phones and typed, one count
        run(pilot, lambda: host.state == "closed" or host.round_no == 2 or app.scenes.top.name != "decision")

        # The facilitator undoes it (issue 15): with phones, a new round; the old votes are not added again.
        assert pilot.scene.name == "feedback"
        pilot.press(pygame.K_u)
        pilot.press(pygame.K_RETURN)
        again = pilot.scene
        assert again.name == "decision" and again.node_id == scene.node_id and app.playthrough.run.history == []
        assert not any(again.votes.values()) and again.reopened == "Choice undone: the room votes again"
        run(pilot, lambda: host.round_no == 2 and host.state == "open")
        polls = host.polls
        run(pilot, lambda: host.polls > polls)
        answer = requests.post(lrs.url + "statements", json=vote_statement(code, host.round_id, second.id, "phone-0001"),
                               auth=(lrs.user, lrs.password), headers={"X-Experience-API-Version": "1.0.3"}, timeout=30)
        assert answer.status_code == 200, answer.text
        run(pilot, lambda: host.tally.voters == 1)
        pilot.step()
        assert again.votes[second.id] == 1 and again.votes[first.id] == 0
    finally:
        pygame.quit()


def test_the_timer_publishes_a_deadline_and_closes_the_round_by_itself(lrs, tmp_path, monkeypatch):
    code = "TIMER7"
    for key, value in {"RIGHTSPATH_ROOM": code, "RIGHTSPATH_ROOM_SECONDS": "10", "RIGHTSPATH_LRS_ENDPOINT": lrs.url,
                       "RIGHTSPATH_LRS_USER": lrs.user, "RIGHTSPATH_LRS_PASSWORD": lrs.password}.items():
        monkeypatch.setenv(key, value)
    story = fixture_story()
    app = App([story], AppOptions(reduce_motion=True, seed=0, mode="facilitated"), DesktopPlatform(tmp_path / "d"))
    pilot = Pilot(app)
    try:
        open_story(pilot, story)
        while pilot.scene.name != "decision":
            pilot.press(pygame.K_SPACE)
        host = app.room.host
        run(pilot, lambda: host.polls >= 1)
        assert host.deadline.endswith("Z") and host.state == "open"
        assert app.room.status_text().startswith(f"Room {code}: 0 of 0 voted · ")
        assert app.room.status_text().endswith(" s left")
        run(pilot, lambda: host.state == "closed" and host.settled, frames=2000)
        assert app.clock.now >= 10 and not pilot.scene.revealed  # the reveal stays the facilitator's
    finally:
        pygame.quit()
