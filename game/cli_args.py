"""Checks on command-line values shared by several commands, made before any work starts, so a
mistake costs nothing: a playthrough is not played, an LRS not queried, for a folder we cannot write."""

from __future__ import annotations

import argparse
import math
import os
from pathlib import Path

from game.errors import UserError


def seconds(text: str) -> float:
    """argparse type for a time limit: a finite number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds above zero")
    return value


def writable_folder(folder: Path, option: str) -> None:
    """Create ``folder`` if needed and make sure this user can write into it; UserError (exit 2) if not."""
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{option} {folder}: that is a file; give a folder", 2)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{option} {folder}: cannot create the folder ({exc.strerror or exc})", 2) from None
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise UserError(f"{option} {folder}: not a folder this user can write to", 2)


def split_web_address(url: str):
    """``urlsplit(url)`` for an http(s) address given by a user; ValueError with a plain reason when
    urllib cannot take it apart (an unclosed IPv6 bracket, a port that is not a number or out of
    range). The one check behind --base-url (links), --endpoint (lrs) and --lrs (report)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)  # ValueError: "Invalid IPv6 URL"
    parts.port  # noqa: B018  (raises ValueError for a port that is not a number, or out of range)
    return parts
