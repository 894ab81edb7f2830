"""Gathering a room's exports for the debrief: which records go in, and why the others do not.

One bad file never stops the report: each is either included or listed with its reason (corrupt,
unknown version, tampered, unsigned when signatures are checked, another scenario or version, a
duplicate of a file already read).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Story
from game.exports import KeyNeeded, RecordError, load_export, registration_id, verify_bytes


@dataclass
class Source:
    name: str
    data: bytes | None = None  # None: could not be read (reason in ``error``)
    error: str = ""
    record: dict | None = None  # already a record (e.g. rebuilt from an LRS)


@dataclass
class Collection:
    records: list[dict] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    duplicates: int = 0
    signatures_checked: bool = False
    unchecked_signed: int = 0  # signed records included without a key to check them
    scenario: dict | None = None  # {"id", "version", "content_hash", "title"} the report covers


def sources_from_paths(inputs: list[str]) -> list[Source]:
    """Files named are read whatever their extension; folders contribute their *.json files."""
    out: list[Source] = []
    for item in inputs:
        path = Path(item)
        files = sorted(p for p in path.rglob("*.json") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                out.append(Source(str(f), f.read_bytes()))
            except OSError as exc:
                out.append(Source(str(f), None, f"cannot be read ({exc.strerror or exc})"))
    return out


def _scenario_key(record: dict) -> tuple[str, str, str, str]:
    sc = record["scenario"]
    return sc["id"], sc["version"], sc["content_hash"], sc.get("language", "")


def mismatch(got: tuple, target: tuple) -> str | None:
    """Why a record of scenario ``got`` does not belong in a report on ``target`` (None: it does).

    The same scenario version played in another language has another content hash (its texts differ)
    but the same nodes and choices, so a multilingual room is reported together.
    """
    if got[0] != target[0]:
        return f"another scenario: {got[0]!r} (this report covers {target[0]!r})"
    if got[1] != target[1]:
        return (f"another scenario version: {got[0]} {got[1]} ({got[2][:15]}…); this report covers "
                f"{target[1]} ({target[2][:15]}…)")
    if got[2] != target[2] and got[3] == target[3]:
        return (f"another scenario version: {got[0]} {got[1]} with different content ({got[2][:15]}…, "
                f"this report covers {target[2][:15]}…); the scenario changed without a new version number")
    return None


def collect(sources: list[Source], *, key: str | None = None, story: Story | None = None) -> Collection:
    out = Collection(signatures_checked=bool(key))
    candidates: list[tuple[str, dict]] = []
    for src in sources:
        if src.record is not None:
            candidates.append((src.name, src.record))
            continue
        if src.data is None:
            out.excluded.append((src.name, src.error or "cannot be read"))
            continue
        if src.name.lower().endswith(".csv"):
            out.excluded.append((src.name, "a CSV table; the report reads the JSON or xAPI exports"))
            continue
        if key:
            verdict = verify_bytes(src.data, key, src.name)
            if verdict.bad:
                out.excluded.append((src.name, f"{verdict.status}: {verdict.reason}"))
                continue
            if verdict.status == "unsigned":
                out.excluded.append((src.name, "not signed, but this report checks signatures (a session key "
                                               "was given)"))
                continue
            record = verdict.record
        else:
            try:
                record = load_export(src.data, src.name)[0]
            except (RecordError, KeyNeeded) as exc:
                reason = str(exc)
                out.excluded.append((src.name, reason if reason.startswith("corrupt") else f"corrupt: {reason}"))
                continue
            if "signature" in record:
                out.unchecked_signed += 1
        candidates.append((src.name, record))

    if story is not None:
        target = (story.id, story.version, story.hash, story.scenario.get("language", ""))
        title = story.title
    elif candidates:
        target = Counter(_scenario_key(r) for _, r in candidates).most_common(1)[0][0]
        title = next(r["scenario"].get("title", "") for _, r in candidates if _scenario_key(r) == target)
    else:
        target, title = None, ""
    if target:
        out.scenario = {"id": target[0], "version": target[1], "content_hash": target[2], "title": title,
                        "language": target[3]}

    seen: set[str] = set()
    for name, record in candidates:
        why = mismatch(_scenario_key(record), target)
        if why:
            out.excluded.append((name, why))
            continue
        ident = registration_id({k: v for k, v in record.items() if k != "signature"})
        if ident in seen:  # the same playthrough as JSON and as xAPI, or copied twice
            out.duplicates += 1
            continue
        seen.add(ident)
        out.records.append(record)
        out.names.append(name)
    return out
