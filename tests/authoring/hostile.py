"""Drafts made from the valid base fixture with one hostile change, for tests of content that
validates but cannot be played (issue 11): written to a folder with the fixture catalogue beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.authoring.helpers import INVALID, ROOT

BASE = INVALID / "valid-base.yaml"
CATALOGUE = INVALID / "rights" / "fixture-vrd.yaml"


def draft(folder: Path, name: str = "draft", *, explain: dict | None = None, rush: dict | None = None,
          replace: dict[str, str] | None = None) -> Path:
    """The base scenario as ``folder/<name>.yaml``: ``explain``/``rush`` add keys to those choices
    (e.g. ``{"show_if": "false"}``), ``replace`` swaps exact pieces of the text."""
    text = BASE.read_text(encoding="utf-8").replace("id: valid-base", f"id: {name}")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    for anchor, extra in (('text: "Explain simply."', explain), ('text: "Rush on."', rush)):
        if extra:
            keys = "".join(f"\n        {k}: {v!r}".replace("'", '"') for k, v in extra.items())
            text = text.replace(anchor, anchor + keys)
    (folder / "rights").mkdir(parents=True, exist_ok=True)
    if not (folder / "rights" / CATALOGUE.name).exists():
        shutil.copy(CATALOGUE, folder / "rights" / CATALOGUE.name)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args: str, cwd: Path = ROOT, data_dir: Path | None = None, input_text: str | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    """The real command line, with SDL's dummy drivers for --headless."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    if data_dir is not None:
        env["RIGHTSPATH_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          input=input_text, timeout=timeout)
