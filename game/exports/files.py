"""Writing a record's exports through a writer: a folder on desktop, a download in the browser.

A writer is any ``writer(filename, text, mime) -> str`` (``Platform.download`` is one); it returns
where the file went (a path or a message), which ``write_exports`` hands back to show the trainee.
A writer that also has ``write_set(stem, files)`` (``folder_writer``) gets a record's files together,
so they share one stem and never replace a file (``game.outfiles.create_new``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from game import outfiles
from game.engine.story import canonical_json
from game.exports.record import RecordError, check_record, record_to_json
from game.exports.signing import sign_record
from game.exports.tables import decisions_csv, summary_csv
from game.exports.xapi import statements

Writer = Callable[[str, str, str], str]
FORMATS = ("json", "csv", "xapi")


def _slug(text: str, fallback: str) -> str:
    return outfiles.name_part(text, fallback)


def base_name(record: dict) -> str:
    """rightspath-<scenario>-<session>-<trainee>-<end time>: safe on every file system; letters of
    any script are kept (NFC), only characters unsafe in a file name become ``-``."""
    stamp = record["ended_at"].replace("-", "").replace(":", "")
    return "-".join(("rightspath", _slug(record["scenario"]["id"], "scenario"),
                     _slug(record["session"], "nosession"), _slug(record["trainee"], "anonymous"), stamp))


def xapi_to_json(record: dict) -> str:
    return canonical_json(statements(record)) + "\n"


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
                  session_key: str | None = None, *, trainee_key: str | None = None) -> list[str]:
    """Write ``record`` in each format through ``writer``; sign first when a key is given.

    ``session_key``: the facilitator's secret (the trainee key is derived from it); ``trainee_key``:
    the key from the trainee's link (game.exports.signing). An empty key is refused, never "unsigned".
    Returns what the writer returned for each file, in order: json, csv (decisions, summary), xapi.
    """
    check_record(record)
    if session_key == "" or trainee_key == "":
        raise RecordError("the signing key is empty; give the session's secret key, or none", 2)
    if session_key:
        record = sign_record(record, session_key)
    elif trainee_key:
        record = sign_record(record, trainee_key, is_trainee_key=True)
    base = base_name(record)
    files = []  # (suffix, text, mime)
    for fmt in parse_formats(formats):
        if fmt == "json":
            files.append((".json", record_to_json(record), "application/json"))
        elif fmt == "csv":
            files.append(("-decisions.csv", decisions_csv(record), "text/csv"))
            files.append(("-summary.csv", summary_csv(record), "text/csv"))
        elif fmt == "xapi":
            files.append(("-xapi.json", xapi_to_json(record), "application/json"))
    write_set = getattr(writer, "write_set", None)
    if write_set is not None:
        return write_set(base, [(suffix, text) for suffix, text, _ in files])
    return [writer(f"{base}{suffix}", text, mime) for suffix, text, mime in files]


class FolderWriter:
    """Writes into a folder (created if needed). Never replaces a file: a name already taken (by an
    earlier playthrough, or a parallel process in the same second) moves the files on to the next
    free name, ``<stem>-2``; a record's files keep one stem. Files get 0666 & ~umask."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def write_set(self, stem: str, files: list[tuple[str, str]]) -> list[str]:
        return [str(p) for p in outfiles.create_new(self.folder, stem, files)]

    def __call__(self, filename: str, text: str, mime: str = "application/json") -> str:
        name = Path(filename).name
        dot = name.rfind(".")
        stem, suffix = (name[:dot], name[dot:]) if dot > 0 else (name, "")
        return self.write_set(stem, [(suffix, text)])[0]


def folder_writer(folder: str | Path) -> FolderWriter:
    """A writer that puts files into ``folder``, never replacing one (see ``FolderWriter``)."""
    return FolderWriter(folder)
