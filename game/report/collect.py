"""Gathering a room's exports for the facilitator's report: which records go in, and why the others do not.

One bad file never stops the report: each is either included or listed with its reason (corrupt,
unknown version, tampered, unsigned when signatures are checked, figures that do not follow from the
decisions when replayed on the story, choices not possible in it, a story not at hand, another
scenario or version, a duplicate of a file already read).

Then attempts: playthroughs of the same learner (``learner`` in the record: session + trainee code,
the room, or the LMS's learner) are attempts of one participant. ``attempt`` picks which one counts:
``first`` (the default: the earliest start), ``best`` (the highest scaled score, earliest on a tie),
``last`` (the latest start) or ``all`` (every attempt counts as a row of its own). Participants are
counted once whatever the rule; each row says how many attempts its learner made.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Story
from game.engine.safeio import read_regular, scan_folder
from game.exports import registration_id, verify_bytes
from game.exports.replay import Shelf
from game.exports.xapi import learner_of

ATTEMPT_RULES = ("first", "best", "last", "all")
SIGNED, SIGNED_UNCHECKED, UNSIGNED_FILE = "signed file", "signed file, signature not checked", "unsigned file"


@dataclass
class Source:
    name: str
    data: bytes | None = None  # None: could not be read (reason in ``error``)
    error: str = ""
    record: dict | None = None  # already a record (e.g. rebuilt from an LRS)
    origin: str = "file"  # "file" | "lrs" (statements pulled back from an LRS)


@dataclass
class Collection:
    records: list[dict] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    duplicates: int = 0
    signatures_checked: bool = False
    unchecked_signed: int = 0  # signed records included without a key to check them
    scenario: dict | None = None  # {"id", "version", "content_hash", "title"} the report covers
    evidence: list[str] = field(default_factory=list)  # per record: signed file / unsigned file / ...
    attempts: list[int] = field(default_factory=list)  # per record: how many attempts its learner made
    attempt_no: list[int] = field(default_factory=list)  # per record: which attempt it is (1 = first)
    attempt_rule: str = "first"
    learners: int = 0  # distinct participants
    played: int = 0  # playthroughs before the attempt rule
    replayed: int = 0  # records whose figures were recomputed and matched (all included ones)


def json_files(folder) -> list[Path]:
    """The .json files under ``folder``, sorted, with the entries named so that cannot be read as
    files (a named pipe, a broken or looping symbolic link, a folder called x.json): reading one
    reports why, and no reader ever waits on a pipe. Symbolic links to folders are not followed.
    The one expansion of a folder of exports, for report, verify and lrs push."""
    found, skipped = scan_folder(folder, (".json",), hidden_dirs=True)
    return sorted(found + [path for path, _ in skipped])


def sources_from_paths(inputs: list[str]) -> list[Source]:
    """Files named are read whatever their extension; folders contribute their *.json files."""
    out: list[Source] = []
    for item in inputs:
        path = Path(item)
        files = json_files(path) if path.is_dir() else [path]
        for f in files:
            try:
                out.append(Source(str(f), read_regular(f)))
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


def _evidence(check, origin: str) -> str:
    kind = SIGNED if check.signed else SIGNED_UNCHECKED if "signature" in check.record else UNSIGNED_FILE
    return kind + (" (statements pulled from an LRS)" if origin == "lrs" else "")


def collect(sources: list[Source], *, key: str | None = None, story: Story | None = None,
            stories: Shelf | None = None, attempt: str = "first") -> Collection:
    """Read, check (signature and replay), keep one scenario, merge duplicates, apply the attempt rule.

    ``stories`` supplies the stories to replay on (``story`` is added to it); every record's figures
    are recomputed, and one whose figures or choices are wrong, or whose story is not at hand, is left out.
    """
    if attempt not in ATTEMPT_RULES:
        raise ValueError(f"attempt rule {attempt!r} is not one of {', '.join(ATTEMPT_RULES)}")
    shelf = stories if stories is not None else Shelf()
    if story is not None:
        shelf.add(story)
    out = Collection(signatures_checked=bool(key), attempt_rule=attempt)
    candidates: list[tuple[str, dict, str]] = []
    for src in sources:
        data = src.data
        if src.record is not None:
            from game.exports import record_to_json

            data = record_to_json(src.record).encode("utf-8")
        if data is None:
            out.excluded.append((src.name, src.error or "cannot be read"))
            continue
        if src.name.lower().endswith(".csv"):
            out.excluded.append((src.name, "a CSV table; the report reads the JSON or xAPI exports"))
            continue
        check = verify_bytes(data, key, src.name, stories=shelf, key_optional=True)
        if check.bad and check.status == "unsigned":
            out.excluded.append((src.name, "not signed, but this report checks signatures (a session key "
                                           "was given)"))
            continue
        if check.status == "unchecked" and check.record is not None:
            candidates.append((src.name, check.record, "unchecked: " + check.reason))  # placed below
            continue
        if check.bad:
            out.excluded.append((src.name, f"{check.status}: {check.reason}"))
            continue
        if "signature" in check.record and not check.signed:
            out.unchecked_signed += 1
        candidates.append((src.name, check.record, _evidence(check, src.origin)))

    if story is not None:
        target = (story.id, story.version, story.hash, story.scenario.get("language", ""))
        title = story.title
    elif candidates:
        checked = [c for c in candidates if not c[2].startswith("unchecked: ")] or candidates
        target = Counter(_scenario_key(r) for _, r, _ in checked).most_common(1)[0][0]
        title = next(r["scenario"].get("title", "") for _, r, _ in checked if _scenario_key(r) == target)
    else:
        target, title = None, ""
    if target:
        out.scenario = {"id": target[0], "version": target[1], "content_hash": target[2], "title": title,
                        "language": target[3]}

    seen: set[str] = set()
    kept: list[tuple[str, dict, str]] = []
    for name, record, evidence in candidates:
        why = mismatch(_scenario_key(record), target)
        if why:
            out.excluded.append((name, why))
            continue
        if evidence.startswith("unchecked: "):  # its story is not at hand: its figures cannot be trusted
            out.excluded.append((name, evidence))
            continue
        ident = registration_id({k: v for k, v in record.items() if k != "signature"})
        if ident in seen:  # the same playthrough as JSON and as xAPI, or copied twice
            out.duplicates += 1
            continue
        seen.add(ident)
        kept.append((name, record, evidence))
    out.played = out.replayed = len(kept)
    _apply_attempts(out, kept, attempt)
    return out


def extras(col: Collection) -> list[dict]:
    """Per record counted: the evidence it is and its attempt numbers (for aggregate.summarise)."""
    return [{"evidence": e, "attempt": n, "attempts": t}
            for e, n, t in zip(col.evidence, col.attempt_no, col.attempts)]


def learner_key(record: dict, fallback: str) -> str:
    """One key per participant: the learner's account, or (no learner) the playthrough itself."""
    learner = learner_of(record)
    if learner is None:
        return "playthrough:" + fallback
    return f"{learner['home_page']}\x00{learner['name']}"


def _apply_attempts(out: Collection, kept: list[tuple[str, dict, str]], attempt: str) -> None:
    groups: dict[str, list[tuple[str, dict, str]]] = {}
    for item in kept:
        groups.setdefault(learner_key(item[1], item[0]), []).append(item)
    out.learners = len(groups)
    chosen: list[tuple[tuple[str, dict, str], int, int]] = []
    for items in groups.values():
        items.sort(key=lambda it: (it[1]["started_at"], it[1]["ended_at"], it[0]))
        numbered = [(it, n) for n, it in enumerate(items, start=1)]
        if attempt == "all":
            picks = numbered
        elif attempt == "last":
            picks = [numbered[-1]]
        elif attempt == "best":
            picks = [max(numbered, key=lambda p: (p[0][1]["score"]["scaled"], -p[1]))]
        else:
            picks = [numbered[0]]
        chosen.extend((it, len(items), n) for it, n in picks)
    chosen.sort(key=lambda c: kept.index(c[0]))
    for (name, record, evidence), total, n in chosen:
        out.records.append(record)
        out.names.append(name)
        out.evidence.append(evidence)
        out.attempts.append(total)
        out.attempt_no.append(n)
