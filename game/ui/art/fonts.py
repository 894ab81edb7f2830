"""Where the bundled TTF fonts are, in a checkout and in the browser bundle.

In the repository the fonts sit in ``assets/fonts/`` three levels above this file. In the pygbag
bundle ``main.py`` is at the top of the app folder with ``assets/`` beside it; the runtime starts in
that folder and puts it first on ``sys.path``, so both are searched too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REGULAR = "RightsPathSans.ttf"
BOLD = "RightsPathSans-Bold.ttf"


def candidate_dirs() -> list[Path]:
    """Folders that may hold ``assets/fonts``, most specific first, without duplicates."""
    bases = [Path(__file__).resolve().parents[3], Path(os.getcwd())]
    if sys.path and sys.path[0]:
        bases.append(Path(sys.path[0]))
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file:
        bases.append(Path(main_file).resolve().parent)
    seen: list[Path] = []
    for base in bases:
        folder = base / "assets" / "fonts"
        if folder not in seen:
            seen.append(folder)
    return seen


def font_path(bold: bool = False) -> str:
    """The bundled font file; FileNotFoundError naming the folders searched when it is absent."""
    name = BOLD if bold else REGULAR
    folders = candidate_dirs()
    for folder in folders:
        path = folder / name
        if path.is_file():
            return str(path)
    searched = ", ".join(str(f) for f in folders)
    raise FileNotFoundError(f"{name} not found (looked in {searched}); "
                            "run `python assets/fonts/make_font.py` to make it")
