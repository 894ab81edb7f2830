"""What several commands share: checks on command-line values made before any work starts (so a
mistake costs nothing: a playthrough is not played, an LRS not queried, for a folder we cannot
write), the bundled folders, the session key, and the LRS options and client.

Standard library only at the top, like every command module.
"""

from __future__ import annotations

import argparse
import math
import os
import sys

from game.errors import UserError
from game.paths import ASSETS_DIR, ROOT, SCENARIOS_DIR, split_web_address, writable_folder

__all__ = ["ASSETS_DIR", "ROOT", "SCENARIOS_DIR", "KEY_ENV", "LRS_USER_ENV", "LRS_PASSWORD_ENV", "add_lrs_login",
           "lrs_client", "note", "warn", "seconds", "session_key_from", "split_web_address", "writable_folder"]

KEY_ENV = "RIGHTSPATH_SESSION_KEY"
LRS_USER_ENV = "RIGHTSPATH_LRS_USER"
LRS_PASSWORD_ENV = "RIGHTSPATH_LRS_PASSWORD"
LRS_TIMEOUT = 30.0


def seconds(text: str) -> float:
    """argparse type for a time limit: a finite number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds above zero")
    return value


def note(text: str) -> None:
    """A line for the user on standard error (progress, a warning, a summary): the callback the
    commands hand to library code that has something to say while it works."""
    print(text, file=sys.stderr)


def warn(text: str) -> None:
    """A warning for the user on standard error, prefixed like the command's errors."""
    print(f"rightspath: {text}", file=sys.stderr)


def session_key_from(args: argparse.Namespace) -> str | None:
    """--session-key, else $RIGHTSPATH_SESSION_KEY; an empty --session-key is refused (exit 2)."""
    from game.exports.signing import key_from

    return key_from(getattr(args, "session_key", None))


def add_lrs_login(p: argparse.ArgumentParser) -> None:
    """--user, --password (with their $RIGHTSPATH_LRS_* defaults) and --timeout: the same for every
    command that talks to an LRS (lrs push, lrs pull, report --lrs)."""
    p.add_argument("--user", default=os.environ.get(LRS_USER_ENV), help=f"user (or ${LRS_USER_ENV})")
    p.add_argument("--password", default=os.environ.get(LRS_PASSWORD_ENV),
                   help=f"password (or ${LRS_PASSWORD_ENV})")
    p.add_argument("--timeout", type=seconds, default=LRS_TIMEOUT,
                   help=f"seconds to wait for the LRS (default {LRS_TIMEOUT:g})")


def lrs_client(endpoint: str, args: argparse.Namespace):
    """An LRSClient for ``endpoint`` with the login and timeout of ``args``; UserError (exit 2) for
    an endpoint that is not an http(s) address."""
    from game.lrs.client import LRSClient, LRSError

    try:
        return LRSClient(endpoint, args.user, args.password, timeout=args.timeout)
    except LRSError as exc:
        raise UserError(str(exc), 2) from None


def fetch_session(endpoint: str, args: argparse.Namespace, command: str) -> tuple[list, list, str]:
    """(records, notes, the store's endpoint as used) of ``args.session`` pulled from the store at
    ``endpoint``; UserError (exit 1) with the store's reason, named by ``command``. The client is
    closed either way."""
    from game.lrs.client import LRSError
    from game.lrs.records import fetch_records

    client = lrs_client(endpoint, args)
    try:
        return (*fetch_records(client, args.session), client.endpoint)
    except LRSError as exc:
        raise UserError(f"{command}: {exc}", 1) from None
    finally:
        client.close()
