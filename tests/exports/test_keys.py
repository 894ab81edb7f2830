"""Keys that mean something (issue 12; review rows R5, R7): the public session code signs nothing, each
trainee's link carries only that trainee's key, and verify says exactly what it could and could not check."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from game.exports import build_record, folder_writer, record_to_json, write_exports
from tests.exports import helpers

REPO = Path(__file__).resolve().parents[2]


def rightspath(*args, env=None):
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=300, env={**os.environ, "RIGHTSPATH_SESSION_KEY": "", **(env or {})})


def record_of(trainee: str, session: str = "SOF-7") -> dict:
    story = helpers.story()
    return build_record(helpers.played(2, story), story, helpers.meta(2, trainee=trainee, session=session))


def test_links_carry_one_trainee_key_each_in_the_fragment_and_it_signs_what_verify_accepts(tmp_path):
    out = rightspath("links", "--base-url", "https://example.org/rp/", "--session", "SOF-7", "--count", "2",
                     "-o", tmp_path / "links.html")
    assert out.returncode == 0, out.stderr
    links = dict(line.split("  ", 1) for line in out.stdout.splitlines())
    secret = re.search(r"session key: ([0-9a-f]{32})\n", out.stderr).group(1)
    keys = {}
    for code, url in links.items():
        query, _, fragment = url.partition("#")
        assert query == f"https://example.org/rp/?session=SOF-7&trainee={code}"
        keys[code] = re.fullmatch(r"k=([0-9a-f]{32})", fragment).group(1)
    assert len(set(keys.values())) == 2 and secret not in keys.values()
    page = (tmp_path / "links.html").read_text(encoding="utf-8")
    assert secret not in page and all(k in page for k in keys.values())

    # What the trainee's game writes with the key from its link...
    write_exports(record_of("T01"), "json", folder_writer(tmp_path / "results"), trainee_key=keys["T01"])
    (path,) = (tmp_path / "results").glob("*.json")
    ok = rightspath("verify", path, "--session-key", secret)
    assert ok.returncode == 0 and ": valid — signature matches" in ok.stdout, ok.stdout
    # ...is not opened by the public session code,
    code = rightspath("verify", path, "--session-key", "SOF-7")
    assert code.returncode == 1 and ": tampered" in code.stdout
    # and cannot be passed off as another trainee's by someone holding only one trainee key.
    moved = json.loads(path.read_text(encoding="utf-8"))
    moved["trainee"] = "T02"
    moved["learner"]["name"] = "SOF-7/T02"
    (tmp_path / "moved.json").write_text(record_to_json(moved), encoding="utf-8")
    other = rightspath("verify", tmp_path / "moved.json", "--session-key", secret)
    assert other.returncode == 1 and "tampered — the signature does not match" in other.stdout

    again = rightspath("links", "--base-url", "https://example.org/rp/", "--session", "SOF-7", "--count", "2",
                       "-o", tmp_path / "again.html", f"--session-key={secret}")
    assert again.returncode == 0 and keys["T02"] in again.stdout and "session key:" not in again.stderr


def test_an_empty_session_key_is_refused_everywhere(tmp_path):
    play = rightspath("play", "--text", helpers.scenario_path(), "--auto", "--session", "S", "--session-key", "",
                      "--export", tmp_path / "out")
    assert play.returncode == 2 and "--session-key is empty" in play.stderr
    assert not (tmp_path / "out").exists()
    for args in (("verify", tmp_path), ("report", tmp_path, "-o", tmp_path / "r.html"),
                 ("links", "--base-url", "https://e.org/", "--session", "S", "--count", "1", "-o", tmp_path / "l.html")):
        out = rightspath(*args, "--session-key", "")
        assert out.returncode == 2 and "--session-key is empty" in out.stderr, (args, out.stderr)
        assert "Traceback" not in out.stderr


def test_verify_of_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    out = rightspath("verify", tmp_path / "empty")
    assert out.returncode == 1 and "no .json exports in this folder; nothing was verified" in out.stderr


def test_a_stripped_signature_is_not_signed_by_the_key(tmp_path):
    write_exports(record_of("T01"), "json", folder_writer(tmp_path), session_key="secret-1")
    (path,) = tmp_path.glob("*.json")
    stripped = json.loads(path.read_text(encoding="utf-8"))
    del stripped["signature"]
    path.write_text(record_to_json(stripped), encoding="utf-8")
    out = rightspath("verify", path, "--session-key", "secret-1")
    assert out.returncode == 1
    assert f"{path}: unsigned — not signed by the session key given" in out.stdout
    assert "exported without a session key)" not in out.stdout


def test_the_csv_summary_is_not_called_unsigned_or_verified(tmp_path):
    write_exports(record_of("T01"), "csv", folder_writer(tmp_path), session_key="secret-1")
    summary = next(tmp_path.glob("*-summary.csv"))
    header = summary.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "record_signature" in header and "signature" not in header
    out = rightspath("verify", summary, "--session-key", "secret-1")
    assert out.returncode == 1 and ": unchecked — a CSV table cannot be verified" in out.stdout
    assert "unsigned" not in out.stdout
