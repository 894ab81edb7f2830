"""Writing a record's exports through a writer: a folder on desktop, a download in the browser.

A writer is any ``writer(filename, text, mime) -> str`` (``Platform.download`` is one); it returns
where the file went (a path or a message), which ``write_exports`` hands back to show the trainee.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from game.exports.record import RecordError, check_record, record_to_json
from game.exports.signing import sign_record
from game.exports.tables import decisions_csv, summary_csv
from game.exports.xapi import statements

Writer = Callable[[str, str, str], str]
FORMATS = ("json", "csv", "xapi")


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:40]
    return slug or fallback


def base_name(record: dict) -> str:
    """rightspath-<scenario>-<session>-<trainee>-<end time>: safe on every file system."""
    stamp = record["ended_at"].replace("-", "").replace(":", "")
    return "-".join(("rightspath", _slug(record["scenario"]["id"], "scenario"),
                     _slug(record["session"], "nosession"), _slug(record["trainee"], "anonymous"), stamp))


def xapi_to_json(record: dict) -> str:
    return json.dumps(statements(record), sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def parse_formats(formats: str | Iterable[str]) -> list[str]:
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    out = []
    for f in (i.strip().lower() for i in items):
        if not f:
            continue
        if f not in FORMATS:
            raise RecordError(f"unknown export format {f!r} (choose from {', '.join(FORMATS)})", 2)
        if f not in out:
            out.append(f)
    if not out:
        raise RecordError(f"no export format given (choose from {', '.join(FORMATS)})", 2)
    return out


def write_exports(record: dict, formats: str | Iterable[str], writer: Writer,
                  session_key: str | None = None) -> list[str]:
    """Write ``record`` in each format through ``writer``; sign first when a session key is given.

    Returns what the writer returned for each file, in order: json, csv (decisions, summary), xapi.
    """
    check_record(record)
    if session_key:
        record = sign_record(record, session_key)
    base = base_name(record)
    done = []
    for fmt in parse_formats(formats):
        if fmt == "json":
            done.append(writer(f"{base}.json", record_to_json(record), "application/json"))
        elif fmt == "csv":
            done.append(writer(f"{base}-decisions.csv", decisions_csv(record), "text/csv"))
            done.append(writer(f"{base}-summary.csv", summary_csv(record), "text/csv"))
        elif fmt == "xapi":
            done.append(writer(f"{base}-xapi.json", xapi_to_json(record), "application/json"))
    return done


def folder_writer(folder: str | Path) -> Writer:
    """A writer that puts files into ``folder`` (created if needed), each written atomically."""
    folder = Path(folder)

    def write(filename: str, text: str, mime: str = "application/json") -> str:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / Path(filename).name
        fd, tmp = tempfile.mkstemp(prefix=".part-", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; results are meant to be shared
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return str(target)

    return write
