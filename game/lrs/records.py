"""The records an LRS is sent and gives back: the statements of exported files, checked before they
go (``prepare_push``), sent in batches (``send``), and a session's statements rebuilt into records
(``fetch_records``). ``rightspath lrs push|pull`` (``game.commands.lrs``) prints what they return."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.engine.safeio import read_regular
from game.exports import KeyNeeded, RecordError, statements, verify_bytes
from game.exports.xapi import EXT, group_by_registration, record_from_statements, session_iri
from game.lrs.client import LRSClient


@dataclass
class PushBatch:
    """The statements of the files that passed (each once, by id), and why the others were skipped."""
    statements: list[dict] = field(default_factory=list)
    registrations: set[str] = field(default_factory=set)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (file, reason)
    files: int = 0


def prepare_push(files: Iterable[Path], key: str | None, stories) -> PushBatch:
    """Read and check every file (signature with ``key`` when given; figures replayed on ``stories``):
    a record whose figures do not follow from its decisions is never sent."""
    batch = PushBatch()
    pending: dict[str, dict] = {}  # statement id -> statement; a record and its xAPI file send once
    for path in files:
        batch.files += 1
        try:
            data = read_regular(path)
            check = verify_bytes(data, key, str(path), stories=stories, key_optional=True)
            if check.bad:
                raise RecordError(f"{check.status}: {check.reason}")
            record = check.record
        except OSError as exc:
            batch.skipped.append((path, f"cannot read it ({exc.strerror or exc})"))
            continue
        except (RecordError, KeyNeeded) as exc:
            batch.skipped.append((path, str(exc)))
            continue
        for s in statements(record):
            batch.registrations.add(s["context"]["registration"])
            pending.setdefault(s["id"], s)
    batch.statements = list(pending.values())
    return batch


def send(client: LRSClient, stmts: list[dict], size: int, progress: Callable[[int], None] | None = None) -> int:
    """Send ``stmts`` in batches of ``size``; how many the LRS newly stored. ``progress`` hears how many
    went with each batch. LRSError when the LRS refuses or cannot be reached."""
    stored = 0
    for start in range(0, len(stmts), size):
        chunk = stmts[start:start + size]
        stored += client.send(chunk)
        if progress:
            progress(len(chunk))
    return stored


def in_session(stmt: dict, session: str) -> bool:
    ext = ((stmt.get("context") or {}).get("extensions") or {}) if isinstance(stmt, dict) else {}
    return ext.get(EXT + "session") == session


def fetch_records(client: LRSClient, session: str) -> tuple[list[dict], list[str]]:
    """The records of ``session`` in the LRS, and a note for each playthrough that could not be rebuilt."""
    stmts = [s for s in client.fetch(activity=session_iri(session), related_activities="true")
             if in_session(s, session)]
    if not stmts:
        # Some LRSs (Ralph's filesystem backend among them) do not filter by context activities;
        # then read everything once and keep this session's statements ourselves.
        stmts = [s for s in client.fetch() if in_session(s, session)]
    records, notes = [], []
    for reg, group in group_by_registration(stmts).items():
        try:
            records.append(record_from_statements(group))
        except (RecordError, KeyError, TypeError, ValueError) as exc:
            notes.append(f"registration {reg}: {exc}")
    records.sort(key=lambda r: (r["started_at"], r["trainee"]))
    return records, notes
