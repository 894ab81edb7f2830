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
