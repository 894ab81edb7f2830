"""Issue 11 (D1): an export never replaces a file, two playthroughs never share a name, and trainee
and session codes in any script keep readable file names. Through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.exports.helpers import REPO as ROOT

RP = str(ROOT / ".venv" / "bin" / "rightspath")
TUTORIAL = str(ROOT / "scenarios" / "tutorial.yaml")
SUFFIXES = (".json", "-decisions.csv", "-summary.csv", "-xapi.json")


ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def _command(out: Path, seed: int, trainee: str, session: str = "S-1", how: str = "--text") -> list[str]:
    exe = [RP] if os.path.exists(RP) else [sys.executable, "-m", "game"]
    return [*exe, "play", how, TUTORIAL, "--auto", "--seed", str(seed), "--trainee", trainee,
            "--session", session, "--export", str(out)]


def _play(out: Path, seed: int, trainee: str, session: str = "S-1", how: str = "--text") -> subprocess.CompletedProcess:
    return subprocess.run(_command(out, seed, trainee, session, how), cwd=ROOT, env=ENV, capture_output=True,
                          text=True, timeout=300)


def _records(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".json" and not p.name.endswith("-xapi.json")
                  and json.loads(p.read_text(encoding="utf-8")).get("format") == "rightspath-record")


def _written(stdout: str) -> list[Path]:
    return [Path(line[len("wrote "):]) for line in stdout.splitlines() if line.startswith("wrote ")]


def _one_stem(paths: list[Path]) -> str:
    """The stem the four files of one record share (fails if they do not share one)."""
    json_file = next(p for p in paths if p.name.endswith(".json") and not p.name.endswith("-xapi.json"))
    stem = json_file.name[: -len(".json")]
    assert sorted(p.name for p in paths) == sorted(stem + s for s in SUFFIXES), paths
    return stem


def test_three_parallel_playthroughs_of_one_trainee_all_survive(tmp_path):
    out = tmp_path / "results"
    procs = [subprocess.Popen(_command(out, seed, "P-8"), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for seed in (1, 2, 3)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outputs]
    records = _records(out)
    assert len(records) == 3, [p.name for p in out.iterdir()]
    assert len(list(out.iterdir())) == 12  # and nothing else: no temporary file left behind
    written = [_written(stdout) for stdout, _ in outputs]
    stems = {_one_stem(paths) for paths in written}
    assert len(stems) == 3
    # each process names the files it really wrote, and they hold its own playthrough
    seeds = {json.loads(next(p for p in paths if p.name == f"{_one_stem(paths)}.json").read_text(
        encoding="utf-8"))["seed"] for paths in written if paths}
    assert seeds == {1, 2, 3}


@pytest.mark.parametrize("how", ["--text", "--headless"])
def test_an_export_never_replaces_a_file_already_there(tmp_path, how):
    """Files that hold exactly the names the next playthrough would take (every second of the next
    few minutes, so the clash is certain) are kept byte for byte; the record takes the next free name."""
    out = tmp_path / "results"
    out.mkdir()
    now = datetime.now(timezone.utc).replace(microsecond=0)
    decoys = {}
    for second in range(-5, 300):
        stamp = (now + timedelta(seconds=second)).strftime("%Y%m%dT%H%M%SZ")
        for suffix in SUFFIXES:
            path = out / f"rightspath-tutorial-S-1-P-9-{stamp}{suffix}"
            path.write_text(f"precious {stamp}{suffix}\n", encoding="utf-8")
            decoys[path] = path.read_bytes()
    done = _play(out, 4, "P-9", how=how)
    assert done.returncode == 0, done.stderr
    assert all(path.read_bytes() == text for path, text in decoys.items())
    paths = _written(done.stdout)
    stem = _one_stem(paths)
    assert stem.endswith("Z-2") and all(p.exists() and p not in decoys for p in paths)
    assert json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))["trainee"] == "P-9"


def test_codes_in_any_script_keep_readable_distinct_names(tmp_path):
    out = tmp_path / "results"
    decomposed = unicodedata.normalize("NFD", "Андрей")  # й as и + combining breve
    # Session codes travel in links, so they follow the link rule (ASCII letters, digits, - and _;
    # `play --session СОФ-1` is refused); trainee codes are names and may be in any script.
    runs = [_play(out, 1, "Иван", "SOF-1"), _play(out, 1, "Пётр", "SOF-1"),
            _play(out, 1, decomposed, "SOF-2"), _play(out, 1, "a/b:c", "SOF-2")]
    assert [r.returncode for r in runs] == [0, 0, 0, 0], [r.stderr for r in runs]
    stems = [_one_stem(_written(r.stdout)) for r in runs]
    assert stems[0].startswith("rightspath-tutorial-SOF-1-Иван-")
    assert stems[1].startswith("rightspath-tutorial-SOF-1-Пётр-")
    assert stems[2].startswith("rightspath-tutorial-SOF-2-Андрей-")  # composed (NFC)
    assert unicodedata.is_normalized("NFC", stems[2])
    assert stems[3].startswith("rightspath-tutorial-SOF-2-a-b-c-")  # no path separators
    assert len(set(stems)) == 4 and len(_records(out)) == 4
    assert {p.parent for r in runs for p in _written(r.stdout)} == {out}
