"""The staged browser entry point plays a whole scenario natively, headless, without blocking calls."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.webbuild.stage import stage
from tests.web.conftest import scenarios_to_bundle

DRIVER = Path(__file__).with_name("staged_main_driver.py")


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    return stage(tmp_path_factory.mktemp("stage") / "rightspath", scenarios_to_bundle())


@pytest.mark.parametrize("seed", [1, 7])
def test_staged_main_plays_a_scripted_run(staged, tmp_path, seed):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(staged.folder), str(tmp_path / "data"), str(seed)],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["entry_calls"] == ["main"]  # main.py starts the game with asyncio.run(main())
    assert Path(result["game_file"]).resolve().is_relative_to(staged.folder.resolve())
    assert result["problems"] == []
    assert result["opts"] == {"mode": "assessment", "language": "en", "session": "SOF-0412",
                              "trainee": "T07", "scenario": result["story"]}
    assert result["choices"], "the scripted run made no decisions"
    assert result["card"] == result["expected"]
