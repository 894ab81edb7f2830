"""Shared helpers for the cross-scenario checks: the bundled scenarios, compiled once, and the real
command line run as a subprocess (so what is checked is exactly what a user types)."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"
GOLDEN = REPO / "tests" / "golden"
CLI_TIMEOUT = 600  # seconds; a hung UI run fails instead of blocking the suite

# Scenarios still being written: their own assertions are expected to fail for now (xfail, not
# strict, so a pass shows as XPASS and never breaks the build). Empty once every scenario is done.
IN_PROGRESS: dict[str, str] = {}


def scenario_paths() -> list[Path]:
    """Every bundled scenario: a new scenarios/*.yaml is checked without editing these tests."""
    return sorted(SCENARIOS.glob("*.yaml"))


def scenario_ids() -> list[str]:
    return [p.stem for p in scenario_paths()]


def scenario_params(include_tutorial: bool = True) -> list:
    """One pytest parameter per bundled scenario; a scenario in progress is marked xfail."""
    import pytest

    out = []
    for sid in scenario_ids():
        if sid == "tutorial" and not include_tutorial:
            continue
        marks = [pytest.mark.xfail(strict=False, reason=IN_PROGRESS[sid])] if sid in IN_PROGRESS else []
        out.append(pytest.param(sid, marks=marks, id=sid))
    return out


@lru_cache(maxsize=None)
def story(scenario_id: str):
    from tests.support.stories import load_story_from_yaml

    return load_story_from_yaml(SCENARIOS / f"{scenario_id}.yaml")


def cli_env(data_dir: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    if data_dir is not None:
        env["RIGHTSPATH_DATA_DIR"] = str(data_dir)  # never touch the developer's own saves
    return env


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "game", *args]


def rightspath(*args: str, data_dir: Path | None = None, timeout: int = CLI_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(cli_command(*args), cwd=REPO, env=cli_env(data_dir), capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)


def rightspath_many(arg_lists: list[list[str]], data_dir: Path | None = None) -> list[tuple[int, str, str]]:
    """Run several CLI calls at once (the machine has more than one core); (returncode, out, err) each."""
    procs = [subprocess.Popen(cli_command(*args), cwd=REPO, env=cli_env(data_dir), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, encoding="utf-8") for args in arg_lists]
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=CLI_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            err += f"\n(killed after {CLI_TIMEOUT} s)"
        results.append((proc.returncode, out, err))
    return results


def text_play_args(scenario_id: str, choices: list[str]) -> list[str]:
    return ["play", "--text", f"scenarios/{scenario_id}.yaml", "--choices", ",".join(choices)]


def scorecard(stdout: str) -> str:
    """The score card: from its first rule of '=' to the end."""
    return stdout[stdout.index("=" * 20):]
