"""The verdict ``misses`` in every export (issue 13), and records from before it (record version 1,
story format 2) still verify and report. Real files, the real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from game.exports import record_from_json, record_from_statements
from game.exports.record import record_to_json

REPO = Path(__file__).resolve().parents[2]
OLD = REPO / "tests" / "fixtures" / "record-v1"  # written by RightsPath before the verdict existed
OLD_KEY = "0123456789abcdef0123456789abcdef"
KEY = "fedcba9876543210fedcba9876543210"
# The tutorial's worst path: "office-notes" at plan-interview does not use the recording of 24(1)(a).
WORST = (REPO / "tests" / "golden" / "tutorial" / "worst.choices").read_text(encoding="utf-8").split()


def rightspath(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, "RIGHTSPATH_SESSION_KEY": "", **(env or {})})


def _export(tmp_path: Path) -> dict[str, Path]:
    out = tmp_path / "results"
    done = rightspath("play", "--text", "scenarios/tutorial.yaml", "--choices", ",".join(WORST), "--trainee", "T1",
                      "--session", "S1", "--export", out, "--formats", "json,csv,xapi", "--session-key", KEY)
    assert done.returncode == 0, done.stderr
    files = sorted(out.iterdir())
    return {kind: next(p for p in files if p.name.endswith(end)) for kind, end in (
        ("decisions", "-decisions.csv"), ("summary", "-summary.csv"), ("xapi", "-xapi.json"))} | {
        "json": next(p for p in files if p.suffix == ".json" and not p.name.endswith("-xapi.json"))}


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_measure_not_used_has_its_own_verdict_count_and_columns_in_every_export(tmp_path):
    files = _export(tmp_path)
    record = record_from_json(files["json"].read_bytes())
    assert record["record_version"] == 2
    plan = next(d for d in record["decisions"] if d["node"] == "plan-interview")
    assert {"right": "24(1)(a)", "verdict": "misses", "weight": 1} in plan["verdicts"]
    assert record["rights"]["24(1)(a)"]["not_used"] == 1 and record["rights"]["24(1)(a)"]["breached"] == 0
    assert all("not_used" in t for t in record["rights"].values())
    # decisions CSV: its own column; summary CSV: its own column
    row = next(r for r in _csv(files["decisions"]) if r["node"] == "plan-interview")
    assert row["measures_not_used"] == "24(1)(a):1"
    assert "24(1)(a):misses:1" in row["verdicts"].split(";")
    assert all(r["measures_not_used"] == "" for r in _csv(files["decisions"]) if r["node"] != "plan-interview")
    assert _csv(files["summary"])[0]["measures_not_used"] == "24(1)(a)=1"
    # xAPI: the answered statement names it, and the record comes back exactly
    stmts = json.loads(files["xapi"].read_text(encoding="utf-8"))
    answered = next(s for s in stmts if s["verb"]["id"].endswith("/answered")
                    and s["result"]["response"] == "office-notes")
    assert answered["result"]["extensions"]["https://rightspath.eu/xapi/extensions/measures-not-used"] == ["24(1)(a)"]
    assert record_from_statements(stmts) == record
    # the replay recomputes it all: valid
    ok = rightspath("verify", files["json"], files["xapi"], "--session-key", KEY)
    assert ok.returncode == 0 and ok.stdout.count(": valid") == 2, ok.stdout + ok.stderr
    # a misses turned into a breach is caught by the replay
    forged = json.loads(files["json"].read_text(encoding="utf-8"))
    forged.pop("signature")
    for v in next(d for d in forged["decisions"] if d["node"] == "plan-interview")["verdicts"]:
        if v["verdict"] == "misses":
            v["verdict"] = "breaches"
    (tmp_path / "forged.json").write_text(record_to_json(forged), encoding="utf-8")  # canonical, unsigned
    bad = rightspath("verify", tmp_path / "forged.json")
    assert bad.returncode == 1 and "rejected" in bad.stdout and "verdict" in bad.stdout, bad.stdout


def test_the_report_has_a_column_for_measures_not_used(tmp_path):
    files = _export(tmp_path)
    html = tmp_path / "debrief.html"
    done = rightspath("report", files["json"].parent, "-o", html, "--session-key", KEY)
    assert done.returncode == 0, done.stderr
    page = html.read_text(encoding="utf-8")
    assert "not used or left out" in page
    tables = tmp_path / "tables"
    done = rightspath("report", files["json"].parent, "-o", tables, "--format", "csv", "--session-key", KEY)
    assert done.returncode == 0, done.stderr
    rights = {r["right"]: r for r in _csv(tables / "rights.csv")}
    assert rights["24(1)(a)"]["not_used"] == "1" and rights["24(1)(a)"]["breached"] == "0"


def test_an_old_record_still_verifies_and_reports(tmp_path):
    """A version-1 record and its format-2 story, both written by RightsPath before ``misses``."""
    old = json.loads((OLD / "record.json").read_text(encoding="utf-8"))
    story = json.loads((OLD / "tutorial-format2.json").read_text(encoding="utf-8"))
    assert old["record_version"] == 1 and story["format_version"] == 2
    assert all("not_used" not in t for t in old["rights"].values())
    story_file = OLD / "tutorial-format2.json"
    ok = rightspath("verify", OLD / "record.json", OLD / "record-xapi.json", "--story", story_file,
                    "--session-key", OLD_KEY)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.count(": valid — signature matches; figures recomputed from the decisions and match") == 2
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "record.json").write_bytes((OLD / "record.json").read_bytes())
    html = tmp_path / "old.html"
    done = rightspath("report", folder, "--story", story_file, "-o", html, "--session-key", OLD_KEY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 playthrough(s) included" in done.stderr + done.stdout
    tables = tmp_path / "old-tables"
    done = rightspath("report", folder, "--story", story_file, "-o", tables, "--format", "csv",
                      "--session-key", OLD_KEY)
    assert done.returncode == 0, done.stderr
    rights = _csv(tables / "rights.csv")
    assert rights and all(r["not_used"] == "0" for r in rights)
