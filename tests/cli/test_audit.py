"""`rightspath audit` through the real command line (issue 12): answer strategies against mastery."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.authoring.cues import balanced, first_and_longest, write_scenario

REPO = Path(__file__).resolve().parents[2]
FIRST_WINS = REPO / "tests" / "fixtures" / "audit" / "first-wins.yaml"
BUNDLED = [REPO / "scenarios" / f"{sid}.yaml" for sid in ("tutorial", "mira", "andrei", "nia")]
STRATEGIES = ["first", "last", "longest", "shortest", "random"]


def rp(*args):
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=300,
                          cwd=REPO)


def audit_json(path, *extra):
    out = rp("audit", str(path), "--json", *extra)
    assert "Traceback" not in out.stderr, out.stderr
    return out, json.loads(out.stdout)


def by_name(data):
    return {row["strategy"]: row for row in data["strategies"]}


def test_always_first_passes_a_fixed_order_scenario_and_is_flagged():
    out, data = audit_json(FIRST_WINS, "--seeds", "50")
    assert out.returncode == 0  # figures only, unless asked to require
    rows = by_name(data)
    assert list(rows) == STRATEGIES and all(r["playthroughs"] == 50 for r in rows.values())
    assert rows["first"]["mean_scaled"] == 1.0 and rows["first"]["pass_rate"] == 1.0
    assert rows["first"]["reaches_mastery"] and rows["longest"]["reaches_mastery"]
    assert rows["last"]["pass_rate"] == 0.0 and rows["shortest"]["mean_scaled"] == 0.0
    assert data["ok"] is False and data["scenario"] == {"id": "first-wins", "version": "1.0.0", "mastery": 0.7}
    required = rp("audit", str(FIRST_WINS), "--seeds", "50", "--require-below-mastery")
    assert required.returncode == 1 and "REACHES MASTERY" in required.stdout
    assert "always the first option shown" in required.stdout


def test_shuffling_breaks_always_first_but_not_always_longest(tmp_path):
    path = write_scenario(tmp_path, "shuffled", first_and_longest(6))  # same options, order not fixed
    _, data = audit_json(path, "--seeds", "300")
    rows = by_name(data)
    assert rows["first"]["mean_scaled"] < 0.7 and rows["first"]["pass_rate"] < 0.5
    assert rows["longest"]["pass_rate"] == 1.0  # length is still a cue: the lint rule W420 says so


def test_a_balanced_scenario_keeps_length_strategies_below_mastery(tmp_path):
    path = write_scenario(tmp_path, "balanced", balanced(6))
    _, data = audit_json(path, "--seeds", "100")
    rows = by_name(data)
    for name in ("longest", "shortest"):
        assert rows[name]["mean_scaled"] < 0.7 and rows[name]["pass_rate"] == 0.0, rows[name]
    assert all(0.0 <= r["min_scaled"] <= r["mean_scaled"] <= r["max_scaled"] <= 1.0 for r in rows.values())


def test_max_pass_rate_sets_how_many_lucky_passes_are_allowed(tmp_path):
    path = write_scenario(tmp_path, "shuffled", first_and_longest(6))
    _, strict = audit_json(path, "--seeds", "300", "--max-pass-rate", "0")
    lucky = by_name(strict)["random"]
    assert 0 < lucky["pass_rate"] < 0.5 and lucky["reaches_mastery"]  # 0: no pass is allowed
    _, lenient = audit_json(path, "--seeds", "300", "--max-pass-rate", "0.5")
    assert not by_name(lenient)["random"]["reaches_mastery"]
    assert by_name(lenient)["longest"]["reaches_mastery"]  # its mean score reaches mastery whatever the rate


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_scenarios_are_audited_and_the_exit_code_follows_the_table(path):
    out, data = audit_json(path, "--seeds", "100")
    assert out.returncode == 0
    rows = by_name(data)
    assert list(rows) == STRATEGIES and data["scenario"]["id"] == path.stem
    for row in rows.values():
        assert row["playthroughs"] == 100 and 0.0 <= row["min_scaled"] <= row["max_scaled"] <= 1.0
        assert row["reaches_mastery"] == (row["mean_scaled"] >= data["scenario"]["mastery"]
                                          or row["pass_rate"] > data["max_pass_rate"])
    required = rp("audit", str(path), "--seeds", "100", "--require-below-mastery")
    assert required.returncode == (0 if data["ok"] else 1)
    assert required.stdout.splitlines()[0].startswith(f"audit: {path.stem} ")


@pytest.mark.parametrize("args, code, words", [
    (["nowhere.yaml"], 2, "no such file"),
    ([str(FIRST_WINS), "--seeds", "0"], 2, "--seeds"),
    ([str(FIRST_WINS), "--max-pass-rate", "nan"], 2, "--max-pass-rate"),
    ([str(FIRST_WINS), "--max-pass-rate", "1.5"], 2, "--max-pass-rate"),
])
def test_mistakes_are_told_without_a_traceback(args, code, words):
    out = rp("audit", *args)
    assert out.returncode == code and words in out.stderr and "Traceback" not in out.stderr, out.stderr


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_no_strategy_that_ignores_the_law_is_a_way_to_pass_a_bundled_scenario(path):
    """Issue 12's bar, over 1,000 seeds: every strategy's mean stays below mastery and at most the
    default share (10 %) of its playthroughs passes by luck."""
    out = rp("audit", str(path), "--require-below-mastery")
    assert out.returncode == 0, out.stdout + out.stderr
