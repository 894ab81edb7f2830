"""Checking an exported file: valid, tampered, unsigned, or corrupt (with the reason).

A signed export is written in canonical form (sorted keys, compact separators), so the check is
strict: the signature must match the content *and* the bytes must be exactly what the game wrote.
That way any changed byte is caught — even one that leaves the JSON meaning the same.
JSON records and xAPI statement files are checked; CSV tables carry no signature of their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from game.exports.files import xapi_to_json
from game.exports.record import RecordError, check_record, record_to_json
from game.exports.signing import TAMPERED, UNSIGNED, VALID, signature_status
from game.exports.xapi import record_from_statements

CORRUPT, UNREADABLE = "corrupt", "unreadable"


class KeyNeeded(ValueError):
    """A signed file was given but no session key to check it with."""


@dataclass
class Verdict:
    status: str  # valid | tampered | unsigned | corrupt | unreadable
    reason: str
    record: dict | None = None
    kind: str = ""  # "record" | "xapi" | "csv" | ""

    @property
    def bad(self) -> bool:
        return self.status in (TAMPERED, CORRUPT, UNREADABLE)


def load_export(data: bytes, name: str = "") -> tuple[dict, str, str]:
    """(record, kind, text) from the bytes of a JSON record or an xAPI statements file; RecordError if neither."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RecordError("corrupt: the file is not UTF-8 text") from None
    try:
        parsed = json.loads(text)
    except ValueError as exc:
        raise RecordError(f"corrupt: not valid JSON ({exc})") from None
    try:
        if isinstance(parsed, list):
            return record_from_statements(parsed), "xapi", text
        return check_record(parsed), "record", text
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, RecordError):
            raise
        raise RecordError(f"not a usable RightsPath export ({type(exc).__name__}: {exc})") from None


def verify_bytes(data: bytes, key: str | None, name: str = "") -> Verdict:
    if name.lower().endswith(".csv"):
        return Verdict(UNSIGNED, "CSV tables carry no signature; verify the JSON export of the same playthrough",
                       kind="csv")
    try:
        record, kind, text = load_export(data, name)
    except RecordError as exc:
        reason = str(exc)
        return Verdict(CORRUPT, reason[len("corrupt: "):] if reason.startswith("corrupt: ") else reason)
    try:
        expected = record_to_json(record) if kind == "record" else xapi_to_json(record)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        return Verdict(CORRUPT, f"the record is malformed ({type(exc).__name__}: {exc})", record, kind)
    as_written = text == expected  # the game writes one exact text per record
    if "signature" not in record:
        if not as_written:
            return Verdict(TAMPERED, "unsigned, and the file is not as the game wrote it (edited, reformatted, "
                                     "or a signature removed)", record, kind)
        return Verdict(UNSIGNED, "no signature (exported without a session key)", record, kind)
    try:
        status, reason = signature_status(record, key)
    except ValueError as exc:
        raise KeyNeeded(str(exc)) from None
    if status == VALID and not as_written:
        return Verdict(TAMPERED, "the content is signed correctly but the file's bytes were changed "
                                 "(reformatted or edited)", record, kind)
    return Verdict(status, reason, record, kind)


def verify_file(path, key: str | None) -> Verdict:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return Verdict(UNREADABLE, exc.strerror or str(exc))
    return verify_bytes(data, key, str(path))
