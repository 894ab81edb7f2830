"""Shared set-up: a private copy of the real tutorial and catalogues, so tests may write beside them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder laid out like the repository (scenarios/, scenarios/rights/), made the working folder."""
    scenarios = tmp_path / "scenarios"
    (scenarios / "rights").mkdir(parents=True)
    shutil.copy(ROOT / "scenarios" / "tutorial.yaml", scenarios / "tutorial.yaml")
    for catalogue in (ROOT / "scenarios" / "rights").glob("*.yaml"):
        shutil.copy(catalogue, scenarios / "rights" / catalogue.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(*argv: str) -> int:
    from game.cli import main

    return main(list(argv))


@pytest.fixture
def repo(tmp_path):
    """A copy of the repository's translations and of the source folders the interface strings are
    extracted from (game/ui, game/exports, game/engine, game/report), for tests that break them."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios", ignore=ignore)
    for folder in ("locale", "ui", "exports", "engine", "report"):
        shutil.copytree(ROOT / "game" / folder, tmp_path / "game" / folder, ignore=ignore)
    return tmp_path


def rightspath(cwd, *argv) -> subprocess.CompletedProcess:
    """The real command line in a subprocess. A copy made by ``repo`` has no game/__init__.py, so the
    package imported is still the repository's (PYTHONPATH)."""
    return subprocess.run([sys.executable, "-m", "game", *argv], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "SDL_VIDEODRIVER": "dummy",
                               "SDL_AUDIODRIVER": "dummy"})
