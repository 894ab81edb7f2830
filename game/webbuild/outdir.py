"""The output folder of ``build-web``: build aside, then swap ``stage/`` and ``web/`` into place.

A build can fail late (a scenario error, pygbag failing or running out of time, the archive over
budget). Building straight into ``<out>/web`` would throw the last good build away first, so the
build goes into a fresh hidden folder inside ``<out>`` (same file system, so renames are atomic)
and only a finished build replaces the old ``stage/`` and ``web/``. Nothing else in ``<out>`` is
ever touched, and an existing ``stage/`` or ``web/`` that is not one of our builds is refused
rather than deleted (``--out ~`` must not cost anyone their ``~/web`` folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from game.errors import UserError

PARTS = ("stage", "web")
TEMP_PREFIX = ".build-web-"
# What a previous build left in each part (pygbag's outputs; the staged app and pygbag's run folder).
SIGNATURE = {
    "web": ("index.html", "rightspath.tar.gz"),
    "stage": ("rightspath/main.py",),
}


def resolve_out(out: Path) -> Path:
    """An absolute path (pygbag runs in another folder, so a relative one would point elsewhere)."""
    path = Path(os.path.abspath(os.path.expanduser(str(out))))
    if path.exists() and not path.is_dir():
        raise UserError(f"--out {out}: is a file, not a folder", 2)
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            raise UserError(f"--out {out}: {parent} is a file, not a folder", 2)
    return path


def is_our_build(folder: Path, part: str) -> bool:
    """True for a missing or empty folder or one a previous ``build-web`` produced."""
    if not folder.exists():
        return True
    if not folder.is_dir() or folder.is_symlink():
        return False
    if not any(folder.iterdir()):
        return True
    return all((folder / rel).is_file() for rel in SIGNATURE[part])


def check_replaceable(out: Path) -> None:
    """Refuse before building when ``stage/`` or ``web/`` holds something that is not ours."""
    for part in PARTS:
        target = out / part
        if not is_our_build(target, part):
            raise UserError(
                f"{target}: exists and is not a RightsPath build; move it away or choose another --out", 2
            )


def make_temp(out: Path) -> Path:
    """A fresh folder inside ``out`` (created if needed) to build in."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=out))
    except OSError as exc:
        raise UserError(f"--out {out}: cannot create a folder there ({exc.strerror or exc})", 2) from None


def swap_into_place(temp: Path, out: Path) -> None:
    """Replace ``out/stage`` and ``out/web`` with the finished ones from ``temp``.

    Each old part is first renamed into ``temp`` (deleted with it afterwards), so at no moment is
    there a half-written part in ``out``; if the second rename fails the old part is put back.
    """
    check_replaceable(out)  # again: something may have appeared there while pygbag ran
    for part in PARTS:
        target, new, old = out / part, temp / part, temp / f"old-{part}"
        if target.exists():
            target.rename(old)
        try:
            new.rename(target)
        except OSError:
            if old.exists():
                old.rename(target)
            raise


def discard(temp: Path) -> None:
    shutil.rmtree(temp, ignore_errors=True)
