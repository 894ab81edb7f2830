"""Checking an exported file: valid, unsigned, tampered, rejected, unchecked, corrupt (with the reason).

Two checks, both needed. The signature (when there is one) says whether the file is as the game
wrote it for whoever holds the session key. The replay (``game.exports.replay``, when stories are
given) says whether its figures follow from its decisions on the story it names; a record whose
figures differ or whose choices are impossible is *rejected*, one whose story is not at hand is
*unchecked*. Signed and unsigned records are replayed alike.

A signed export is written in canonical form (sorted keys, compact separators), so the check is
strict: the signature must match the content *and* the bytes must be exactly what the game wrote.
That way any changed byte is caught — even one that leaves the JSON meaning the same.
JSON records and xAPI statement files are checked; CSV tables carry no signature of their own
(the summary's ``record_signature`` column repeats the JSON record's signature for matching the two;
it does not cover the CSV), so a CSV file cannot be verified.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import safeio
from game.exports.files import xapi_to_json
from game.exports.record import RecordError, check_record, decode_json, record_to_json
from game.exports.replay import Shelf, StoryFinder, replay_record
from game.exports.signing import TAMPERED, UNSIGNED, VALID, signature_status
from game.exports.xapi import record_from_statements

CORRUPT, UNREADABLE = "corrupt", "unreadable"
REJECTED = "rejected"  # the figures do not follow from the decisions, or the choices are impossible
UNCHECKED = "unchecked"  # the story is not at hand (or a CSV table): nothing can be confirmed
NOT_CHECKED = "signed"  # signed, but no key was given to check it (only with key_optional)
BAD = (TAMPERED, CORRUPT, UNREADABLE, REJECTED, UNCHECKED)


class KeyNeeded(ValueError):
    """A signed file was given but no session key to check it with."""


@dataclass
class CheckResult:
    """The result of checking one file (not a right's assessment, nor a decision's rating)."""

    status: str  # valid | tampered | unsigned | corrupt | unreadable
    reason: str
    record: dict | None = None
    kind: str = ""  # "record" | "xapi" | "csv" | ""
    key_given: bool = False  # with a key every file must be signed by it: unsigned is then bad
    signed: bool = False  # the file carries a signature that the key given confirmed
    replayed: bool = False  # the figures were recomputed and match

    @property
    def bad(self) -> bool:
        return self.status in BAD or (self.status == UNSIGNED and self.key_given)


def load_export(data: bytes, name: str = "") -> tuple[dict, str, str]:
    """(record, kind, text) from the bytes of a JSON record or an xAPI statements file; RecordError if neither."""
    parsed, text = decode_json(data)
    try:
        if isinstance(parsed, list):
            return record_from_statements(parsed), "xapi", text
        return check_record(parsed), "record", text
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, RecordError):
            raise
        raise RecordError(f"not a usable RightsPath export ({type(exc).__name__}: {exc})") from None


def verify_bytes(data: bytes, key: str | None, name: str = "", *,
                 stories: Shelf | StoryFinder | None = None, key_optional: bool = False) -> CheckResult:
    """The signature check, then (with ``stories``) the replay of a file that passed it.

    A signed file and no key raises KeyNeeded, unless ``key_optional``: then its status is "signed"
    (the signature not checked) and it is still replayed.
    """
    result = _signature_check(data, key, name, key_optional)
    result.key_given = bool(key)
    if stories is None or result.record is None or result.status not in (VALID, UNSIGNED, NOT_CHECKED):
        return result
    replay = replay_record(result.record, stories)
    if replay.ok:
        result.replayed = True
        return result
    status = UNCHECKED if replay.story is None else REJECTED
    return CheckResult(status, replay.reason, result.record, result.kind, result.key_given, result.signed)


def _signature_check(data: bytes, key: str | None, name: str, key_optional: bool = False) -> CheckResult:
    if name.lower().endswith(".csv"):
        return CheckResult(UNCHECKED, "a CSV table cannot be verified: no signature covers it (the summary's "
                                  "record_signature column only repeats the JSON record's); verify the JSON "
                                  "export of the same playthrough", kind="csv")
    try:
        record, kind, text = load_export(data, name)
    except RecordError as exc:
        reason = str(exc)
        return CheckResult(CORRUPT, reason[len("corrupt: "):] if reason.startswith("corrupt: ") else reason)
    try:
        expected = record_to_json(record) if kind == "record" else xapi_to_json(record)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        return CheckResult(CORRUPT, f"the record is malformed ({type(exc).__name__}: {exc})", record, kind)
    as_written = text == expected  # the game writes one exact text per record
    if "signature" not in record:
        if not as_written:
            return CheckResult(TAMPERED, "unsigned, and the file is not as the game wrote it (edited, reformatted, "
                                     "or a signature removed)", record, kind)
        if key:
            return CheckResult(UNSIGNED, "not signed by the session key given: the file carries no signature "
                                     "(exported without a key, or its signature was removed)", record, kind)
        return CheckResult(UNSIGNED, "no signature", record, kind)
    if not key and key_optional:
        if not as_written:
            return CheckResult(TAMPERED, "the file's bytes are not as the game wrote them (reformatted or edited)",
                           record, kind)
        return CheckResult(NOT_CHECKED, "signed; the signature was not checked (no session key given)", record, kind)
    try:
        status, reason = signature_status(record, key)
    except ValueError as exc:
        raise KeyNeeded(str(exc)) from None
    if status == VALID and not as_written:
        return CheckResult(TAMPERED, "the content is signed correctly but the file's bytes were changed "
                                 "(reformatted or edited)", record, kind)
    return CheckResult(status, reason, record, kind, signed=status == VALID)


def verify_file(path, key: str | None, *, stories: Shelf | StoryFinder | None = None) -> CheckResult:
    try:
        data = safeio.read_regular(path)  # never waits on a named pipe
    except OSError as exc:
        return CheckResult(UNREADABLE, exc.strerror or str(exc))
    return verify_bytes(data, key, str(path), stories=stories)
