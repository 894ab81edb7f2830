"""Forgeries that a signature cannot catch (the forger holds the key, or nothing is signed) are caught by
the replay: ``verify`` names them, and ``report`` leaves them out of every figure (issue 12).

The same forgeries are pushed to a real Ralph in tests/lrs/test_actors.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.exports import forgeries

REPO = Path(__file__).resolve().parents[2]


def rightspath(*args):
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=300, env={**os.environ, "RIGHTSPATH_SESSION_KEY": ""})


def figure(html: str, name: str) -> str:
    return re.search(rf'data-figure="{name}">([^<]*)<', html).group(1)


@pytest.mark.parametrize("name", sorted(forgeries.FORGERIES))
def test_a_re_signed_forgery_is_caught_by_verify(tmp_path, name):
    make, words = forgeries.FORGERIES[name]
    path = forgeries.write(tmp_path, name, make("FORGE-1"))
    out = rightspath("verify", path, "--session-key", forgeries.KEY)
    assert out.returncode == 1, out.stdout
    assert ": valid" not in out.stdout and words in out.stdout, out.stdout
    assert "Traceback" not in out.stderr


def test_an_unsigned_forgery_is_caught_by_verify(tmp_path):
    path = forgeries.write(tmp_path, "unsigned", forgeries.raised_score("FORGE-1"), signed=False)
    out = rightspath("verify", path)
    assert out.returncode == 1, out.stdout
    assert f"{path}: rejected — its figures do not follow from its decisions: score." in out.stdout


def test_honest_records_pass_verify_signed_and_unsigned(tmp_path):
    forgeries.honest_room(tmp_path / "signed", 2)
    forgeries.honest_room(tmp_path / "plain", 2, signed=False)
    signed = rightspath("verify", tmp_path / "signed", "--session-key", forgeries.KEY)
    assert signed.returncode == 0, signed.stdout
    assert signed.stdout.count(": valid — signature matches; figures recomputed from the decisions and match") == 2
    plain = rightspath("verify", tmp_path / "plain")
    assert plain.returncode == 0, plain.stdout
    assert plain.stdout.count(": unsigned — no signature; figures recomputed from the decisions and match") == 2


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
def test_the_report_leaves_every_forgery_out_of_its_figures(tmp_path, signed):
    room = forgeries.honest_room(tmp_path / "in", 3, signed=signed)
    for name, (make, _) in forgeries.FORGERIES.items():
        forgeries.write(tmp_path / "in", name, make("FORGE-1"), signed=signed)
    key = ["--session-key", forgeries.KEY] if signed else []
    out = rightspath("report", tmp_path / "in", "-o", tmp_path / "r.html", *key)
    assert out.returncode == 0, out.stderr
    assert "3 playthrough(s) included, 4 file(s) not included" in out.stdout
    for name, (_, words) in forgeries.FORGERIES.items():
        line = next(line for line in out.stderr.splitlines() if f"{name}.json" in line)
        if name == "other-version":  # beside records of the version at hand, the report says which it covers
            words = "another scenario version: tutorial 0.9.0"
        assert words in line, line
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert figure(html, "participants") == "3"
    passed = sum(r["score"]["passed"] for r in room)
    assert figure(html, "pass-rate") == f"{passed / 3:.0%}"
    mean = sum(r["score"]["scaled"] for r in room) / 3
    assert figure(html, "mean") == f"{mean:.0%}"
    for name in forgeries.FORGERIES:
        assert name.upper().replace("-", "") not in html.split('id="not-included"')[0]


def test_verify_and_push_replay_on_the_story_given_with_story(tmp_path):
    import json

    from game.exports import build_record, folder_writer, write_exports
    from tests.exports import helpers
    from tests.report.room import other_version_story

    story = other_version_story()  # version 9.9.9: not bundled
    write_exports(build_record(helpers.played(1, story), story, helpers.meta(1)), "json",
                  folder_writer(tmp_path / "in"))
    out = rightspath("verify", tmp_path / "in")
    assert out.returncode == 1 and ": unchecked — its scenario 'tutorial' version 9.9.9" in out.stdout
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "t.json").write_text(json.dumps(story.data), encoding="utf-8")
    out = rightspath("verify", tmp_path / "in", "--story", tmp_path / "stories")
    assert out.returncode == 0 and ": unsigned — no signature; figures recomputed" in out.stdout, out.stdout
    bad = rightspath("verify", tmp_path / "in", "--story", tmp_path / "nowhere")
    assert bad.returncode == 2 and "--story" in bad.stderr and "Traceback" not in bad.stderr
