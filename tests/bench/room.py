"""Live-room figures (issue 18): time from a phone's vote being stored to the projector's count (votes matched to counts in the order sent: the tally gives numbers, not who), with
30 and 300 simulated phones voting against the local Ralph, the facilitator's real RoomHost polling
through the desktop platform's non-blocking HTTP as the frame loop drives it; and requests per
minute (each phone's page polls the room every 2 s)."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import threading
import time
from pathlib import Path

PHONES = (30, 300)
OPTIONS = [("a", "A"), ("b", "B"), ("c", "C")]


def _room(lrs, n: int, data: Path) -> dict[str, str]:
    import requests

    from game.delivery import LrsTarget
    from game.platform.desktop import DesktopPlatform
    from game.room import RoomHost, vote_statement

    code = f"BENCH{n}"
    host = RoomHost(DesktopPlatform(data), LrsTarget.basic(lrs.url, lrs.user, lrs.password), code)
    round_id = host.publish("d1", "Prompt", OPTIONS)
    sent: dict[str, float] = {}
    counted: dict[str, float] = {}
    requests_made = {"host": 0}

    def phones():
        session = requests.Session()
        session.auth = (lrs.user, lrs.password)
        session.headers["X-Experience-API-Version"] = "1.0.3"
        for i in range(n):
            voter = f"phone-{i:06d}"
            session.post(lrs.url + "statements", json=vote_statement(code, round_id, OPTIONS[i % 3][0], voter),
                         timeout=60).raise_for_status()
            sent[voter] = time.perf_counter()
            time.sleep(0.01)  # phones do not all press at the same instant

    original = host.platform.http_request

    def counting(*args):
        requests_made["host"] += 1
        return original(*args)

    host.platform.http_request = counting

    async def loop():
        started = time.perf_counter()
        worker = threading.Thread(target=phones)
        worker.start()
        seen = 0
        while len(counted) < n and time.perf_counter() - started < 600:
            host.tick(time.perf_counter() - started)
            if host.polls != seen:
                seen = host.polls
                stamp = time.perf_counter()
                for voter in list(sent):
                    if voter not in counted and host.tally.voters >= len(counted) + 1:
                        counted[voter] = stamp
                        if len(counted) >= host.tally.voters:
                            break
            await asyncio.sleep(1 / 60)
        worker.join()
        return time.perf_counter() - started

    elapsed = asyncio.run(loop())
    latencies = sorted(counted[v] - sent[v] for v in counted)
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    return {
        f"{n} phones: vote to projector count, median": f"{statistics.median(latencies):.2f} s",
        f"{n} phones: vote to projector count, p95": f"{p95:.2f} s",
        f"{n} phones: projector's requests per minute": f"{requests_made['host'] / elapsed * 60:.0f}",
    }


def bench() -> dict[str, str]:
    from tests.lrs import lrs_server

    if not lrs_server.available():
        return {"room": "Ralph not installed (make lrs-setup)"}
    out = {"phone's requests per minute": "30 polls + 1 per vote (each poll 1 GET per 100 room statements)"}
    with tempfile.TemporaryDirectory() as tmp:
        lrs = lrs_server.RalphServer(Path(tmp) / "ralph").start()
        try:
            for n in PHONES:
                out.update(_room(lrs, n, Path(tmp) / f"d{n}"))
        finally:
            lrs.stop()
    size = (Path(__file__).resolve().parents[2] / "build" / "vote.html").read_bytes()
    import gzip

    out["vote.html"] = f"{len(size) / 1000:.1f} kB, {len(gzip.compress(size, 9)) / 1000:.1f} kB gzipped"
    return out
