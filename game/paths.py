"""Where things are, and the checks on a folder or a web address a user names.

The one definition of the bundled ``scenarios/`` and ``assets/`` folders: beside the ``game``
package, in a checkout and in a staged web build alike (the build ships this module; see
``game.webbuild.stage.SHIPPED_MODULES``). Standard library only, so every layer may import it.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS_DIR = ROOT / "scenarios"
ASSETS_DIR = ROOT / "assets"
LOCALE_DIR = ASSETS_DIR / "locale"  # compiled interface catalogues, <lang>.json
FONTS_DIR = ASSETS_DIR / "fonts"


def writable_folder(folder: Path, option: str) -> None:
    """Create ``folder`` if needed and make sure this user can write into it; UserError (exit 2) if
    not. Checked before any work starts, so a mistake costs nothing."""
    from game.errors import UserError

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
