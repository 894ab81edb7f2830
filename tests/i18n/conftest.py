"""Shared set-up: a private copy of the real tutorial and catalogues, so tests may write beside them."""

from __future__ import annotations

import shutil
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
