"""``rightspath lrs push`` and ``rightspath lrs pull``."""

from __future__ import annotations

import sys
from pathlib import Path

from game.cli_args import writable_folder
from game.engine.safeio import read_regular, scan_folder
from game.errors import UserError
from game.exports import (
    KeyNeeded, RecordError, folder_writer, record_to_json, statements, verify_bytes,
)
from game.exports.files import base_name
from game.exports.xapi import EXT, group_by_registration, record_from_statements, session_iri
from game.lrs.client import LRSClient, LRSError
from game.lrs.progress import Progress


def export_files(inputs: list[str]) -> list[Path]:
    """The .json files named, and those inside folders named (sorted); a UserError for missing paths."""
    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():  # a pipe or a broken link among them is reported when read, never waited on
            found, skipped = scan_folder(path, (".json",), hidden_dirs=True)
            out.extend(sorted(found + [p for p, _ in skipped]))
        elif path.exists():
            out.append(path)
        else:
            raise UserError(f"{path}: no such file or folder", 2)
    return out


def _client(args) -> LRSClient:
    try:
        return LRSClient(args.endpoint, args.user, args.password, timeout=args.timeout)
    except LRSError as exc:
        raise UserError(str(exc), 2) from None


def push(args) -> int:
    files = export_files(args.files)
    if not files:
        raise UserError("no .json exports found in what was given", 2)
    if args.batch < 1:
        raise UserError("--batch must be at least 1", 2)
    from game.exports.signing import key_from
    from game.report.stories import shelf

    key = key_from(getattr(args, "session_key", None))
    stories = shelf(getattr(args, "story", None))  # every record is replayed; wrong figures are never sent
    problems = 0
    pending: dict[str, dict] = {}  # statement id -> statement; a record and its xAPI file send once
    registrations: set[str] = set()
    for path in files:
        try:
            data = read_regular(path)
            verdict = verify_bytes(data, key, str(path), stories=stories, key_optional=True)
            if verdict.bad:
                raise RecordError(f"{verdict.status}: {verdict.reason}")
            record = verdict.record
        except OSError as exc:
            print(f"{path}: skipped — cannot read it ({exc.strerror or exc})", file=sys.stderr)
            problems += 1
            continue
        except (RecordError, KeyNeeded) as exc:
            print(f"{path}: skipped — {exc}", file=sys.stderr)
            problems += 1
            continue
        for s in statements(record):
            registrations.add(s["context"]["registration"])
            pending.setdefault(s["id"], s)
    batch = list(pending.values())
    client = _client(args)
    progress = Progress("pushing", len(batch), unit="statements", enabled=len(files) > 1)
    stored = 0
    try:
        for start in range(0, len(batch), args.batch):
            chunk = batch[start:start + args.batch]
            stored += client.send(chunk)
            progress.advance(len(chunk))
    except LRSError as exc:
        progress.finish()
        raise UserError(f"lrs push: {exc}", 1) from None
    finally:
        client.close()
    progress.finish()
    print(f"sent {len(batch)} statements of {len(registrations)} playthrough(s) from {len(files) - problems} "
          f"file(s) to {client.endpoint}; "
          f"{stored} newly stored, the others were already there")
    if problems:
        print(f"{problems} file(s) skipped (see above)", file=sys.stderr)
        return 1
    return 0


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


def pull(args) -> int:
    if not args.session:
        raise UserError("--session must name a session", 2)
    writable_folder(Path(args.output), "-o")  # before asking the LRS for anything
    client = _client(args)
    try:
        records, notes = fetch_records(client, args.session)
    except LRSError as exc:
        raise UserError(f"lrs pull: {exc}", 1) from None
    finally:
        client.close()
    write = folder_writer(Path(args.output))
    used: set[str] = set()
    for record in records:
        name, n = base_name(record), 1
        while name + ".json" in used:  # two playthroughs with the same trainee, session and end second
            n += 1
            name = f"{base_name(record)}-{n}"
        used.add(name + ".json")
        try:
            written = write(name + ".json", record_to_json(record), "application/json")
        except OSError as exc:
            raise UserError(f"-o {args.output}: cannot write the records ({exc.strerror or exc})", 1) from None
        print(f"wrote {written}")
    for note in notes:
        print(f"not rebuilt: {note}", file=sys.stderr)
    print(f"{len(records)} record(s) of session {args.session!r} from {client.endpoint}")
    return 1 if notes else 0
