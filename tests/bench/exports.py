"""Exports figures: 1,000 exported records -> debrief report, verify, and a push to the local Ralph LRS.

Records come from seeded playthroughs of the real scenario by the real engine, signed and written as
JSON files, exactly as a room of trainees would hand them in.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from argparse import Namespace
from pathlib import Path

RECORDS = 1000
KEY = "bench-session-key"


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _write_room(folder: Path) -> int:
    from game.engine import auto_play
    from game.exports import build_record, folder_writer, write_exports
    from tests.exports import helpers
    from tests.report.room import COUNTRIES, ROLES

    story = helpers.story()
    write = folder_writer(folder)
    for i in range(RECORDS):
        record = build_record(auto_play(story, i), story, helpers.meta(
            i, session="BENCH", role=ROLES[i % len(ROLES)], country=COUNTRIES[i % len(COUNTRIES)]))
        write_exports(record, "json", write, session_key=KEY)
    return sum(f.stat().st_size for f in folder.glob("*.json"))


def _report(folder: Path, out: Path, fmt: str = "html") -> int:
    from game.report.collect import collect, sources_from_paths
    from game.report.render import csv_tables, html_report
    from tests.exports import helpers

    story = helpers.story()
    col = collect(sources_from_paths([str(folder)]), key=KEY, story=story)
    assert len(col.records) == RECORDS, (len(col.records), col.excluded[:3])
    if fmt == "csv":
        return sum(len(t) for t in csv_tables(col, story).values())
    html = html_report(col, story)
    out.write_text(html, encoding="utf-8")
    return len(html.encode("utf-8"))


def _push(folder: Path, url: str, user: str, password: str) -> None:
    from game.commands.lrs import run_push

    args = Namespace(files=[str(folder)], endpoint=url, user=user, password=password, timeout=120.0, batch=500,
                     session_key=None)
    assert run_push(args) == 0


def bench() -> dict[str, str]:
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from game.exports import verify_file

    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        room = tmp / "room"
        seconds, size = _timed(lambda: _write_room(room))
        figures["1,000 records: play + build + sign + write"] = f"{seconds:.2f} s ({size / 1e6:.1f} MB of JSON)"
        seconds, _ = _timed(lambda: [verify_file(p, KEY) for p in room.glob("*.json")])
        figures["verify 1,000 signed records"] = f"{seconds:.2f} s"
        seconds, size = _timed(lambda: _report(room, tmp / "debrief.html"))
        figures["report 1,000 records -> HTML (target <= 5 s)"] = f"{seconds:.2f} s ({size / 1e3:.0f} kB page)"
        cli = [sys.executable, "-m", "game", "report", str(room), "-o", str(tmp / "cli.html"), "--session-key", KEY]
        seconds, _ = _timed(lambda: subprocess.run(cli, check=True, capture_output=True, timeout=600))
        figures["rightspath report (command line, incl. start-up)"] = f"{seconds:.2f} s"
        seconds, size = _timed(lambda: _report(room, tmp / "unused", "csv"))
        figures["report 1,000 records -> CSV tables"] = f"{seconds:.2f} s"

        from tests.lrs import lrs_server

        if not lrs_server.available():
            figures["push to local Ralph LRS"] = "skipped (.venv-lrs missing: make lrs-setup)"
            return figures
        server = lrs_server.RalphServer(tmp / "ralph").start()
        try:
            from game.exports import load_export, statements

            total = sum(len(statements(load_export(p.read_bytes())[0])) for p in room.glob("*.json"))
            sink = io.StringIO()
            with redirect_stdout(sink), redirect_stderr(sink):
                seconds, _ = _timed(lambda: _push(room, server.url, server.user, server.password))
                again, _ = _timed(lambda: _push(room, server.url, server.user, server.password))
            stored = len(server.statements())
            figures["push 1,000 records to Ralph (first time)"] = (
                f"{seconds:.2f} s ({total} statements, {total / seconds:.0f}/s, batches of 500)")
            figures["push again (all duplicates, none stored)"] = f"{again:.2f} s; LRS holds {stored} statements"
            from game.lrs.client import LRSClient
            from game.lrs.records import fetch_records

            client = LRSClient(server.url, server.user, server.password, timeout=120)
            seconds, (records, _) = _timed(lambda: fetch_records(client, "BENCH"))
            client.close()
            figures["pull the session back into records"] = f"{seconds:.2f} s ({len(records)} records)"
        finally:
            server.stop()
    return figures
