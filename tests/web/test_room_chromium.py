"""A whole live room (issue 18): the facilitator's game through the real UI, headless, and 20 phones
in Chromium (Playwright, one browser context each) on build/vote.html, against a real Ralph on
127.0.0.1 behind ``serve-web --lrs-proxy``. The phones open the projector's own link (the one in its
QR code), join (half with a display name), vote, change a vote, one votes while offline and sends
it when back; one vote is typed in by hand; the projector counts "N of M voted" and shows no split
until the reveal; the split equals the votes cast; the room's choice is played; the record and its
xAPI statements carry the votes. One asyncio loop runs the game's frames and Playwright's async API.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections import Counter
from pathlib import Path

import pygame
import pytest

from game.exports import build_record, statements
from game.exports.xapi import EXT
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from tests.ui.pilot import Pilot
from tests.lrs import lrs_server
from tests.ui.driving import open_story
from tests.ui.stories import fixture_story

CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.browser, pytest.mark.lrs, pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)"),
    pytest.mark.skipif(not lrs_server.available(), reason="Ralph LRS not installed: run 'make lrs-setup'"),
]
PHONES = 20
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    server = lrs_server.RalphServer(tmp_path_factory.mktemp("ralph-full-room")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(web_build, ralph):
    from game.webbuild.serve import make_server

    server = make_server(Path(web_build.web_dir), "127.0.0.1", 0, lrs_proxy=ralph.url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Room:
    """The facilitator's game stepped in the background of the test's own coroutine."""

    def __init__(self, pilot):
        self.pilot, self.running = pilot, True

    async def frames(self):
        while self.running:
            self.pilot.step()
            await asyncio.sleep(0.004)

    async def until(self, check, what, seconds=120.0):
        end = time.monotonic() + seconds
        while not check():
            if time.monotonic() > end:
                host = self.pilot.app.room.host
                raise AssertionError(f"not done: {what}; room {host.state} {host.problem!r} {host.tally} "
                                     f"present {len(host.present)}")
            await asyncio.sleep(0.02)


async def status_is(page, text):
    await page.wait_for_function("t => document.getElementById('status').textContent === t", arg=text,
                                 timeout=60_000)


def test_twenty_phones_and_the_projector_run_a_room_through_the_real_ui(site, ralph, tmp_path, monkeypatch):
    code = "FULL20"
    for key, value in {"RIGHTSPATH_ROOM": code, "RIGHTSPATH_LRS_ENDPOINT": site + "xAPI/",
                       "RIGHTSPATH_LRS_USER": ralph.user, "RIGHTSPATH_LRS_PASSWORD": ralph.password}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("RIGHTSPATH_ROOM_URL", raising=False)
    monkeypatch.delenv("RIGHTSPATH_ROOM_SECONDS", raising=False)
    story = fixture_story()
    app = App([story], AppOptions(reduce_motion=True, seed=0, mode="facilitated"), DesktopPlatform(tmp_path / "d"))
    pilot = Pilot(app)
    started = time.monotonic()
    try:
        open_story(pilot, story)
        while pilot.scene.name != "decision":
            pilot.press(pygame.K_SPACE)
        scene = pilot.scene
        assert app.room.join == f"{site}vote.html#room={code}&lang=en"
        enabled = [v for v in scene.views if v.enabled]
        first, second = enabled[0], enabled[1]
        # Phones 0-11 end on the first option (0 and 1 change to it), 12-19 on the second (19 offline).
        final = {i: (first if i < 12 else second) for i in range(PHONES)}
        asyncio.run(_room(Room(pilot), app, scene, first, second, final))
        expected = Counter(v.id for v in final.values()) + Counter({first.id: 1})  # and one typed vote

        played = app.playthrough.run.history[0]
        votes = {first.id: 13, second.id: 8, **{v.id: 0 for v in scene.views if not v.enabled}}
        assert played.chosen == first.id and played.votes == votes
        assert {k: n for k, n in votes.items() if n} == dict(expected)
        record = build_record(app.playthrough.run, story, {"mode": "facilitated", "session": code})
        assert record["decisions"][0]["votes"] == votes and record["chooser"] == "room"
        answered = [s for s in statements(record) if s["verb"]["id"].endswith("/answered")]
        assert answered[0]["result"]["extensions"][EXT + "votes"] == votes
        assert answered[0]["result"]["response"] == first.id
    finally:
        pygame.quit()
    print(f"\n20-phone room through the real UI: {time.monotonic() - started:.1f} s")


async def _room(room, app, scene, first, second, final):
    from playwright.async_api import async_playwright

    host = app.room.host
    ticking = asyncio.ensure_future(room.frames())
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            phones = []
            for i in range(PHONES):
                context = await browser.new_context(locale="en-GB")
                page = await context.new_page()
                await page.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
                await page.goto(app.room.link)  # the QR code's link: the store and its credential in it
                if i < PHONES // 2:
                    await page.get_by_label("Display name (optional)").fill(f"Participant {i}")
                await page.get_by_role("button", name="Join").click()
                phones.append(page)
            for page in phones:
                await page.get_by_role("button", name=first.text).wait_for(timeout=60_000)
            await room.until(lambda: len(host.present) == PHONES, "every phone joined")
            assert app.room.status_text() == f"Room FULL20: 0 of {PHONES} voted"

            for i in (0, 1):  # first the second option, then changed to the first
                await phones[i].get_by_role("button", name=second.text).click()
                await status_is(phones[i], f"Vote received: {second.text}.")
            offline = phones[PHONES - 1]
            await offline.context.set_offline(True)
            await offline.get_by_role("button", name=second.text).click()
            await offline.wait_for_function(
                "document.getElementById('status').textContent.startsWith('No connection: your vote is kept')")
            for i, option in final.items():
                if i != PHONES - 1:
                    await phones[i].get_by_role("button", name=option.text).click()
            for i, option in final.items():
                if i != PHONES - 1:
                    await status_is(phones[i], f"Vote received: {option.text}.")
            await room.until(lambda: host.tally.voters == PHONES - 1, "19 phones counted")
            assert app.room.status_text() == f"Room FULL20: {PHONES - 1} of {PHONES} voted"
            await offline.context.set_offline(False)  # back: the kept vote goes (the 'online' event, or the poll)
            await status_is(offline, f"Vote received: {second.text}.")
            await room.until(lambda: host.tally.voters == PHONES, "the offline phone's vote counted")

            room.pilot.press(getattr(pygame, f"K_{first.index}"))  # typed in for someone without a phone
            await room.until(lambda: app.room.status_text() == f"Room FULL20: {PHONES + 1} of {PHONES + 1} voted",
                             "the typed vote in the same count")
            assert host.tally.counts == {first.id: 12, second.id: 8}
            assert scene.votes == {first.id: 13, second.id: 8, **{v.id: 0 for v in scene.views if not v.enabled}}
            assert not any(t.startswith("Option ") for t in app.a11y_model["text"])  # hidden until the reveal
            for page in phones[:3]:  # no phone learns the counts or who voted what
                text = await page.locator("main").inner_text()
                assert "13" not in text and "Participant 1 " not in text and "%" not in text

            room.pilot.press(pygame.K_r)
            await room.until(lambda: host.state == "revealed" and host.settled, "revealed")
            for page in phones:
                await status_is(page, "Voting is closed. The result is on the screen.")
                assert await page.get_by_role("button", name=first.text).is_disabled()
            assert f"Option {first.index}: 13 votes" in app.a11y_model["text"]
            assert f"Option {second.index}: 8 votes" in app.a11y_model["text"]
            assert host.tally.counts == {first.id: 12, second.id: 8} and host.tally.late == 0
            assert sorted(host.tally.names.values()) == sorted(f"Participant {i}" for i in range(PHONES // 2))
            assert scene.play_button.label == f"Play the room's choice: option {first.index}"
            room.pilot.click(scene.play_button.rect.center)

            # The second decision: a closer split; then the end, and the room's debrief on the phones.
            pilot = room.pilot
            await room.until(lambda: pilot.scene.name == "feedback", "the feedback screen")
            pilot.press(pygame.K_RETURN)
            while pilot.scene.name == "story":
                pilot.press(pygame.K_SPACE)
            second_scene = pilot.scene
            assert second_scene.name == "decision" and second_scene is not scene
            await room.until(lambda: host.round_no == 2 and host.polls >= 1 and host.state == "open", "round 2")
            two = [v for v in second_scene.views if v.enabled]
            for page in phones:
                await page.get_by_role("button", name=two[0].text).wait_for(timeout=60_000)
            for i, page in enumerate(phones):
                await page.get_by_role("button", name=two[0 if i < 11 else 1].text).click()
            await room.until(lambda: host.tally.voters == PHONES, "round 2 counted")
            pilot.press(pygame.K_r)
            await room.until(lambda: host.state == "revealed" and host.settled, "round 2 revealed")
            pilot.click(second_scene.play_button.rect.center)
            while pilot.scene.name != "debrief":
                pilot.press(pygame.K_RETURN if pilot.scene.name == "feedback" else pygame.K_SPACE)
            await room.until(lambda: host.debrief is not None and not host._outgoing, "the debrief published")
            lines = app.room.debrief_lines()
            assert any(line.startswith("Split: ") for line in lines), lines
            for page in phones[:2]:
                await page.get_by_role("heading", name="The room's debrief").wait_for(timeout=60_000)
                await status_is(page, "The session has ended. Thank you for voting.")
                body = await page.locator("#debrief").inner_text()
                assert f"{first.text} — 13 votes (62%)" in body and f"{second.text} — 8 votes (38%)" in body
                assert f"{two[0].text} — 11 votes (55%)" in body and "voted for the recommended option" in body
                assert "Participant" not in body and "p-" not in body  # counts only
                assert await page.locator("#vote").is_hidden()
            await browser.close()
    finally:
        room.running = False
        await ticking
