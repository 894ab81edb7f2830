"""``play --text --export`` writes the same files the debrief buttons write, and they verify."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.exports import record_from_json
from tests.exports import helpers

REPO = Path(__file__).resolve().parents[2]


def play(*args):
    return subprocess.run([sys.executable, "-m", "game", "play", "--text", str(helpers.scenario_path()), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=300,
                          env={**os.environ, "RIGHTSPATH_SESSION_KEY": ""})


def test_scripted_play_exports_and_verifies(tmp_path):
    out = play("--auto", "--seed", "5", "--trainee", "P-17", "--session", "ROOM-3", "--mode", "assessment",
               "--export", tmp_path, "--formats", "json,csv,xapi", "--session-key", "k-123")
    assert out.returncode == 0, out.stderr
    files = sorted(tmp_path.iterdir())
    assert [f.name.rsplit("Z", 1)[-1] for f in files] == ["-decisions.csv", "-summary.csv", "-xapi.json", ".json"]
    assert all(f"wrote {f}" in out.stdout for f in files)
    record = record_from_json(next(f for f in files if f.name.endswith("Z.json")).read_bytes())
    helpers.validate(record)
    assert record["trainee"] == "P-17" and record["session"] == "ROOM-3" and record["mode"] == "assessment"
    assert record["finished"] and record["signature"]["algorithm"] == "HMAC-SHA256"
    jsons = [f for f in files if f.suffix == ".json"]
    ok = subprocess.run([sys.executable, "-m", "game", "verify", *map(str, jsons), "--session-key", "k-123"],
                        capture_output=True, text=True, cwd=REPO, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.count(": valid") == 2 and ok.stdout.count("figures recomputed from the decisions and match") == 2
    # A CSV table is not covered by any signature: verify says so and does not pass it.
    csv = subprocess.run([sys.executable, "-m", "game", "verify", str(files[1]), "--session-key", "k-123"],
                         capture_output=True, text=True, cwd=REPO, timeout=120)
    assert csv.returncode == 1 and "unchecked — a CSV table cannot be verified" in csv.stdout
    xapi = json.loads(next(f for f in files if f.name.endswith("-xapi.json")).read_text(encoding="utf-8"))
    assert xapi[0]["actor"]["account"]["name"] == "ROOM-3/P-17"


def test_unknown_format_is_a_clear_error(tmp_path):
    out = play("--auto", "--export", tmp_path, "--formats", "json,pdf")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "pdf" in out.stderr
