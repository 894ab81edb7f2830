"""Live results: the outbox and sender deliver a playthrough's statements to a real Ralph through the
desktop platform's non-blocking HTTP, driven the way the frame loop drives them (one tick per
iteration, the loop yielding in between), and survive a restart, an unreachable store, a retry whose
answer was lost, and a refused credential."""

from __future__ import annotations

import asyncio
import json

from game.delivery import LrsTarget, Outbox, Sender
from game.delivery.sender import KEPT, SENT, WAITING
from game.exports import build_record, statements
from game.platform.desktop import DesktopPlatform
from tests.exports import helpers
from tests.lrs import lrs_server

EXT_SESSION = "https://rightspath.eu/xapi/extensions/session"


def playthrough_statements(i: int, session: str) -> list[dict]:
    story = helpers.story()
    record = build_record(helpers.played(i, story, seconds=True), story, helpers.meta(i, session=session))
    return statements(record)


def drive(sender: Sender, until, iterations: int = 20_000, dt: float = 1 / 60) -> float:
    """Run ticks inside an asyncio loop as App.run does (tick, then yield), on a virtual clock."""

    async def loop():
        now = 0.0
        for _ in range(iterations):
            sender.tick(now)
            if until(sender):
                return now
            await asyncio.sleep(0.001)  # the frame's yield (a real frame waits ~16 ms)
            now += dt
        raise AssertionError(f"not done after {iterations} ticks: {sender.state} {sender.problem!r}")

    return asyncio.run(loop())


def stored(lrs, session: str) -> list[dict]:
    return [s for s in lrs.statements() if s["context"]["extensions"].get(EXT_SESSION) == session]


def test_statements_reach_the_store_once_in_order(lrs, tmp_path):
    session = "LIVE-A"
    platform = DesktopPlatform(tmp_path / "data")
    outbox = Outbox(platform)
    stmts = playthrough_statements(1, session)
    assert outbox.add(stmts) == len(stmts) and outbox.add(stmts) == 0  # queued once
    sender = Sender(platform, outbox, LrsTarget.basic(lrs.url, lrs.user, lrs.password))
    assert sender.state == WAITING and sender.waiting == len(stmts)
    drive(sender, lambda s: s.state == SENT)
    assert sender.sent == len(stmts) and sender.problem == ""
    assert sorted(s["id"] for s in stored(lrs, session)) == sorted(s["id"] for s in stmts)
    assert not [k for k in platform.keys() if k.startswith("xapi-outbox")]  # nothing left on the device


def test_a_queue_survives_a_restart_and_a_lost_answer_stores_nothing_twice(lrs, tmp_path):
    session = "LIVE-B"
    stmts = playthrough_statements(2, session)
    target = LrsTarget.basic(lrs.url, lrs.user, lrs.password)
    first = DesktopPlatform(tmp_path / "data")
    Outbox(first).add(stmts)
    # The process is killed here. A new one finds the queue on disk and sends it.
    again = DesktopPlatform(tmp_path / "data")
    outbox = Outbox(again)
    assert [s["id"] for s in outbox.items] == [s["id"] for s in stmts]
    drive(Sender(again, outbox, target), lambda s: s.state == SENT)
    # A retry whose first answer never arrived: the same statements again. The store answers 409
    # for the batch; the sender PUTs them by id, which accepts identical ones.
    outbox.add(stmts)
    sender = Sender(again, outbox, target)
    drive(sender, lambda s: s.state == SENT)
    assert sender.sent == len(stmts)
    mine = stored(lrs, session)
    assert len(mine) == len(stmts) and len({s["id"] for s in mine}) == len(stmts)


def test_an_unreachable_store_keeps_trying_with_back_off_then_delivers(lrs, tmp_path):
    session = "LIVE-C"
    platform = DesktopPlatform(tmp_path / "data")
    outbox = Outbox(platform)
    outbox.add(playthrough_statements(3, session))
    closed = f"http://127.0.0.1:{lrs_server.free_port()}/xAPI/"  # nothing listens there
    sender = Sender(platform, outbox, LrsTarget.basic(closed, lrs.user, lrs.password))
    drive(sender, lambda s: bool(s.problem) and not s.busy)
    assert sender.state == WAITING and "could not reach" in sender.problem
    first_retry = sender._retry_at
    drive(sender, lambda s: s._retry_at > first_retry and not s.busy)
    assert sender._retry_at - first_retry > 2.0  # the wait grew
    assert len(outbox) == len(playthrough_statements(3, session))  # nothing lost
    # The wifi comes back (here: the right address).
    sender.target = LrsTarget.basic(lrs.url, lrs.user, lrs.password)
    sender._retry_at = 0.0
    drive(sender, lambda s: s.state == SENT)
    assert len(stored(lrs, session)) == sender.sent > 0


def test_a_refused_credential_stops_and_keeps_the_results(lrs, tmp_path):
    platform = DesktopPlatform(tmp_path / "data")
    outbox = Outbox(platform)
    stmts = playthrough_statements(4, "LIVE-D")
    outbox.add(stmts)
    sender = Sender(platform, outbox, LrsTarget.basic(lrs.url, lrs.user, "wrong"))
    drive(sender, lambda s: s.stopped)
    assert sender.state == KEPT and "refused the credential (HTTP 401)" in sender.problem
    assert len(Outbox(platform)) == len(stmts)  # still on the device, for a later push


def test_an_unreadable_page_is_set_aside_not_overwritten_and_the_rest_still_goes(tmp_path):
    platform = DesktopPlatform(tmp_path / "data")
    first = Outbox(platform)
    first.add([{"id": f"00000000-0000-4000-8000-{i:012d}"} for i in range(120)])  # three pages
    assert [k for k in platform.keys() if k.startswith("xapi-outbox")] == [
        "xapi-outbox-00000001", "xapi-outbox-00000002", "xapi-outbox-00000003"]
    platform.save("xapi-outbox-00000002", "[" * 300_000)
    outbox = Outbox(platform)
    assert len(outbox) == 70 and "could not be read" in outbox.problem and "kept as" in outbox.problem
    aside = [p for p in (tmp_path / "data").rglob("*") if p.is_file() and "outbox" in p.name]
    assert any(p.read_text(encoding="utf-8") == "[" * 300_000 for p in aside)
    outbox.add([{"id": "00000000-0000-4000-8000-999999999999"}])
    assert Outbox(platform).items[-1]["id"].endswith("999999999999")


def test_acknowledging_rewrites_only_the_pages_it_touches(tmp_path):
    platform = DesktopPlatform(tmp_path / "data")
    outbox = Outbox(platform)
    outbox.add([{"id": f"id-{i:05d}"} for i in range(200)])  # four pages of 50
    late = (tmp_path / "data" / "saves" / "xapi-outbox-00000004.json")
    before = late.stat().st_mtime_ns, late.read_bytes()
    outbox.drop([f"id-{i:05d}" for i in range(60)])  # page 1 emptied, page 2 cut
    assert [k for k in platform.keys() if k.startswith("xapi-outbox")] == [
        "xapi-outbox-00000002", "xapi-outbox-00000003", "xapi-outbox-00000004"]
    assert (late.stat().st_mtime_ns, late.read_bytes()) == before
    assert [s["id"] for s in Outbox(platform).first(3)] == ["id-00060", "id-00061", "id-00062"]
    assert len(Outbox(platform)) == 140


def test_without_a_store_results_are_kept_on_the_device(tmp_path):
    platform = DesktopPlatform(tmp_path / "data")
    outbox = Outbox(platform)
    outbox.add(playthrough_statements(5, "LIVE-E"))
    sender = Sender(platform, outbox, None)
    sender.tick(0.0)
    assert sender.state == KEPT and not sender.busy
