"""Live-results figures: statements per second from a queue of 10,000 to the local Ralph through the
desktop platform's non-blocking HTTP, driven as the frame loop drives it; the queue's size on disk per
1,000 statements; and how long a room of 30 live playthroughs takes to appear in `report --lrs`."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STATEMENTS = 10_000
ROOM = 30


def _statements(n: int, session: str) -> list[dict]:
    from game.engine import auto_play
    from game.exports import build_record, statements
    from tests.exports import helpers

    story = helpers.story()
    out: list[dict] = []
    i = 0
    while len(out) < n:
        out += statements(build_record(auto_play(story, i), story, helpers.meta(i, session=session,
                                                                                trainee=f"T{i:04d}")))
        i += 1
    return out[:n], i


def _drain(sender) -> float:
    async def loop():
        start, now = time.perf_counter(), 0.0
        while sender.state == "waiting":
            sender.tick(now)
            await asyncio.sleep(0)  # a frame's yield; the loop runs flat out, as a headless run does
            now += 1 / 60
            if sender.stopped:
                raise RuntimeError(sender.problem)
        return time.perf_counter() - start

    return asyncio.run(loop())


def bench() -> dict[str, str]:
    from tests.lrs import lrs_server

    if not lrs_server.available():
        return {"live results": "skipped (.venv-lrs missing: make lrs-setup)"}
    from game.delivery import LrsTarget, Outbox, Sender
    from game.platform.desktop import DesktopPlatform

    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        server = lrs_server.RalphServer(tmp / "ralph").start()
        try:
            stmts, _ = _statements(STATEMENTS, "BENCH-LIVE")
            platform = DesktopPlatform(tmp / "data")
            outbox = Outbox(platform)
            t0 = time.perf_counter()
            outbox.add(stmts[:1000])
            size = sum(p.stat().st_size for p in (tmp / "data" / "saves").glob("xapi-outbox-*.json"))
            outbox.add(stmts[1000:])
            queued = time.perf_counter() - t0
            figures["queue on disk per 1,000 statements"] = f"{size / 1000:.0f} kB (pages of 50 statements)"
            figures[f"queue {STATEMENTS:,} statements"] = f"{queued:.2f} s"
            sender = Sender(platform, outbox, LrsTarget.basic(server.url, server.user, server.password))
            seconds = _drain(sender)
            figures[f"send {STATEMENTS:,} queued statements to Ralph"] = (
                f"{STATEMENTS / seconds:,.0f} statements/s ({seconds:.1f} s, batches of 20, one request in flight)")
            # A room of 30: each playthrough's statements go out live; then the facilitator's report.
            room, _ = _statements(1, "BENCH-ROOM")
            from game.engine import auto_play
            from game.exports import build_record, live_statements
            from tests.exports import helpers

            story = helpers.story()
            t1 = time.perf_counter()
            for i in range(ROOM):
                record = build_record(auto_play(story, 1000 + i), story, helpers.meta(
                    i, session="BENCH-ROOM", trainee=f"R{i:02d}"))
                outbox.add(live_statements(record))
            _drain(sender)
            out = subprocess.run([sys.executable, "-m", "game", "report", "--lrs", server.url, "--user", server.user,
                                  "--password", server.password, "--session", "BENCH-ROOM", "--story",
                                  str(helpers.scenario_path()), "-o", str(tmp / "room.html")],
                                 capture_output=True, text=True, timeout=600)
            took = time.perf_counter() - t1
            figures[f"a room of {ROOM} live playthroughs to report --lrs"] = (
                f"{took:.1f} s from the first statement queued to the page written"
                + ("" if out.returncode == 0 else f" (report exit {out.returncode}: {out.stderr.strip()[-200:]})"))
        finally:
            server.stop()
    return figures


if __name__ == "__main__":
    for k, v in bench().items():
        print(f"{k}: {v}")
