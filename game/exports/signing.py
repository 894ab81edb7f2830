"""HMAC-SHA256 signatures over a record's canonical form.

The facilitator gives a session key; exports made with it carry a signature over the canonical JSON
of the record with the ``signature`` field left out. Anyone holding the key can tell whether a
file was changed after the game wrote it.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from game.exports.record import canonical_text

KEY_ENV = "RIGHTSPATH_SESSION_KEY"
ALGORITHM = "HMAC-SHA256"
VALID, TAMPERED, UNSIGNED = "valid", "tampered", "unsigned"


def _mac(record: dict, key: str) -> str:
    body = {k: v for k, v in record.items() if k != "signature"}
    return hmac.new(key.encode("utf-8"), canonical_text(body).encode("utf-8"), hashlib.sha256).hexdigest()


def sign_record(record: dict, key: str) -> dict:
    """A copy of ``record`` carrying a signature made with ``key`` (an empty key means no signature)."""
    out = {k: v for k, v in record.items() if k != "signature"}
    if key:
        out["signature"] = {"algorithm": ALGORITHM, "value": _mac(out, key)}
    return out


def signature_status(record: dict, key: str | None) -> tuple[str, str]:
    """(status, reason) with status one of valid, tampered, unsigned.

    A signed record checked without a key raises ValueError: we cannot say either way.
    """
    sig = record.get("signature")
    if sig is None:
        return UNSIGNED, "no signature"
    if not isinstance(sig, dict) or sig.get("algorithm") != ALGORITHM or not isinstance(sig.get("value"), str):
        return TAMPERED, "the signature field is malformed"
    if not key:
        raise ValueError("the file is signed; give the session key (--session-key or RIGHTSPATH_SESSION_KEY)")
    if hmac.compare_digest(sig["value"], _mac(record, key)):
        return VALID, "signature matches"
    return TAMPERED, "the signature does not match the content (changed after export, or another session key)"


def key_from(given: str | None, environ=None) -> str | None:
    """The session key a command uses: ``given`` (--session-key), else $RIGHTSPATH_SESSION_KEY.

    An empty ``given`` is refused (UserError, exit 2), never taken as "no key": an empty shell
    variable would otherwise switch signing or checking off without a word. An empty environment
    variable counts as unset, as in the shell.
    """
    from game.errors import UserError

    if given is not None:
        if not given.strip():
            raise UserError("--session-key is empty; give the session's secret key, or leave the option out", 2)
        return given
    return (os.environ if environ is None else environ).get(KEY_ENV) or None
