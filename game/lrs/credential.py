"""A session's own credential on the learning-record store: one that can only write statements, to
put in the trainees' links instead of an administrator's password (issue 14; README "Live results").

Ralph keeps its users in a JSON file (``RALPH_AUTH_FILE``), each with bcrypt-hashed password and
scopes; ``ralph auth … -w`` adds one. ``create_on_ralph`` makes a fresh user ``rp-<session>-<8 hex>``
with a random password and the single scope ``statements/write`` through Ralph's own command (so the
hash is Ralph's), and ``revoke_on_ralph`` takes a user out of the file again. Ralph enforces scopes
only when it runs with ``RALPH_LRS_RESTRICT_BY_SCOPES=True`` (which needs
``RALPH_LRS_RESTRICT_BY_AUTHORITY=True``), and reads the users file once at start: restart it after
creating or revoking. With those settings, whoever holds the link can POST/PUT statements (as that
user, its authority on each) and nothing else: not read statements (HTTP 401), not use another
user's rights. They can still write statements that look like any trainee's, so revoke it after the
session. Other stores (Learning Locker, SQL LRS) have their own way to make a write-only key: make
one there and pass it as ``lrsauth``.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from game.errors import UserError

SCOPE = "statements/write"
_SESSION = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


@dataclass(frozen=True)
class Credential:
    username: str
    password: str

    @property
    def authorization(self) -> str:
        token = base64.b64encode(f"{self.username}:{self.password}".encode("utf-8")).decode("ascii")
        return f"Basic {token}"

    def fragment(self, endpoint: str) -> str:
        """The link's fragment for the game's page (docs/CONTRACTS.md §14): ``#lrs=…&lrsauth=…``."""
        return f"#lrs={quote(endpoint, safe=':/')}&lrsauth={quote(self.authorization, safe='')}"


def new_credential(session: str) -> Credential:
    if not _SESSION.match(session or ""):
        raise UserError(f"--session {session!r}: 1-40 letters, digits, '-' or '_' (the session code of the links)", 2)
    return Credential(f"rp-{session}-{secrets.token_hex(4)}", secrets.token_urlsafe(24))


def _users(auth_file: Path) -> list:
    try:
        data = json.loads(auth_file.read_text(encoding="utf-8") or "[]")
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise UserError(f"{auth_file}: not a Ralph users file ({exc})", 2) from None
    if not isinstance(data, list):
        raise UserError(f"{auth_file}: not a Ralph users file (a JSON list of users)", 2)
    return data


def create_on_ralph(session: str, auth_file: Path, ralph: str = "ralph", environ=None) -> Credential:
    """Add a write-only user for ``session`` to Ralph's users file (through ``ralph auth``, run with
    ``environ`` — Ralph's own settings, as where it runs — and ``RALPH_AUTH_FILE`` set to the file)."""
    auth_file = Path(auth_file)
    users = _users(auth_file)
    cred = new_credential(session)
    while any(isinstance(u, dict) and u.get("username") == cred.username for u in users):
        cred = new_credential(session)
    env = {**(os.environ if environ is None else environ), "RALPH_AUTH_FILE": str(auth_file)}
    try:
        proc = subprocess.run([ralph, "auth", "-u", cred.username, "-p", cred.password, "-s", SCOPE,
                               "-A", cred.username, "https://rightspath.eu", "-w"],
                              env=env, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise UserError(f"{ralph}: Ralph's command is not installed here (give --ralph PATH)", 2) from None
    except subprocess.TimeoutExpired:
        raise UserError(f"{ralph} auth did not finish within 120 s", 1) from None
    if proc.returncode != 0:
        raise UserError(f"{ralph} auth failed: {(proc.stderr or proc.stdout).strip()[-400:]}", 1)
    if not any(isinstance(u, dict) and u.get("username") == cred.username for u in _users(auth_file)):
        raise UserError(f"{ralph} auth did not add {cred.username} to {auth_file}", 1)
    return cred


def revoke_on_ralph(username: str, auth_file: Path) -> bool:
    """Take ``username`` out of Ralph's users file (the file is rewritten whole, atomically); False
    when it was not there."""
    auth_file = Path(auth_file)
    users = _users(auth_file)
    kept = [u for u in users if not (isinstance(u, dict) and u.get("username") == username)]
    if len(kept) == len(users):
        return False
    tmp = auth_file.with_name(auth_file.name + ".rightspath-tmp")
    tmp.write_text(json.dumps(kept, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, auth_file)
    return True
