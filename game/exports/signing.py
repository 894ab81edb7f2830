"""HMAC-SHA256 signatures over a record's canonical form, with a key per trainee.

The scheme (docs/CONTRACTS.md §11, "Signatures"):

- The facilitator holds a **session key**: a secret, distinct from the session code (which is public:
  it is in every link and QR code). ``rightspath links`` makes one (or takes ``--session-key``).
- Each trainee gets a **trainee key** = HMAC-SHA256(session key, "rightspath-trainee-key-v1" NUL
  session NUL trainee), hex, first 32 characters, in the URL *fragment* of their link
  (``#k=...``): browsers do not send a fragment to any server, and the page removes it from the
  address bar at once.
- The game signs a record with the trainee key of its session and trainee code: the signature is
  ``{"algorithm": "HMAC-SHA256", "scheme": "trainee-key-v1", "value": HMAC(trainee key, canonical
  JSON of the record without "signature")}``.
- ``verify --session-key`` derives each record's trainee key from the session key and the record's
  own session and trainee fields, and checks the value.

What a valid signature proves: the file is byte for byte what a game holding that trainee's key
wrote for that session and trainee code. Someone without the key (a colleague, a mail server, a
spreadsheet, another trainee of the session) cannot change it, or move it to another trainee code,
without the check failing. It cannot prove anything against the holder of the key: the trainee whose
link it is, or whoever has the facilitator's session key, can write a file that verifies. The replay
(``game.exports.replay``) is what proves that a record's figures follow from its decisions.

A signature without ``scheme`` (made before this scheme) was made with the key itself; it is still
checked that way.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from game.engine.story import canonical_json

KEY_ENV = "RIGHTSPATH_SESSION_KEY"
ALGORITHM = "HMAC-SHA256"
SCHEME = "trainee-key-v1"
VALID, TAMPERED, UNSIGNED = "valid", "tampered", "unsigned"
TRAINEE_KEY_LENGTH = 32  # hex characters (128 bits): short enough for a QR code, [0-9a-f] in a URL


def _mac(record: dict, key: str) -> str:
    body = {k: v for k, v in record.items() if k != "signature"}
    return hmac.new(key.encode("utf-8"), canonical_json(body, allow_nan=False).encode("utf-8"), hashlib.sha256).hexdigest()


def trainee_key(session_key: str, session: str, trainee: str) -> str:
    """The key one trainee's device signs with: it opens only that session and trainee code."""
    message = "\x00".join(("rightspath-trainee-key-v1", session, trainee)).encode("utf-8")
    return hmac.new(session_key.encode("utf-8"), message, hashlib.sha256).hexdigest()[:TRAINEE_KEY_LENGTH]


def sign_record(record: dict, key: str, *, is_trainee_key: bool = False) -> dict:
    """A copy of ``record`` signed for its session and trainee (an empty key means no signature).

    ``key`` is the facilitator's session key (the trainee key is derived from it and the record's
    session and trainee), or with ``is_trainee_key`` the trainee key itself (what a trainee's device holds).
    """
    out = {k: v for k, v in record.items() if k != "signature"}
    if key:
        tkey = key if is_trainee_key else trainee_key(key, out.get("session", ""), out.get("trainee", ""))
        out["signature"] = {"algorithm": ALGORITHM, "scheme": SCHEME, "value": _mac(out, tkey)}
    return out


def signature_status(record: dict, key: str | None) -> tuple[str, str]:
    """(status, reason) with status one of valid, tampered, unsigned.

    A signed record checked without a key raises ValueError: we cannot say either way.
    """
    sig = record.get("signature")
    if sig is None:
        return UNSIGNED, "no signature"
    if not isinstance(sig, dict) or sig.get("algorithm") != ALGORITHM or not isinstance(sig.get("value"), str) \
            or set(sig) - {"algorithm", "scheme", "value"} or sig.get("scheme", SCHEME) != SCHEME:
        return TAMPERED, "the signature field is malformed"
    if not key:
        raise ValueError("the file is signed; give the session key (--session-key or RIGHTSPATH_SESSION_KEY)")
    if "scheme" in sig:
        key = trainee_key(key, str(record.get("session", "")), str(record.get("trainee", "")))
    if hmac.compare_digest(sig["value"], _mac(record, key)):
        return VALID, "signature matches"
    return TAMPERED, ("the signature does not match the content (changed after export, moved to another "
                      "session or trainee code, or another session key)")


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
