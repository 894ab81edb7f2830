"""The assessment node outside the window (issue 19): ``play --text`` (scripted by a marks token, and
typed as item numbers), ``--auto``, the real command line."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from game.textplay import play_text
from tests.engine.assessment_fixture import FIRST_BEST, REVIEW_BEST, ROOT, SOURCE, story as load


def rightspath(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


def token(marks) -> str:
    return "+" + "+".join(sorted(marks))


def test_play_text_scripted_with_marks_tokens():
    out = rightspath("play", "--text", SOURCE, "--choices", f"{token(FIRST_BEST)},{token(REVIEW_BEST)}")
    assert out.returncode == 0, out.stderr
    assert "Lina's personal characteristics" in out.stdout and "[ ] She is 14" in out.stdout
    assert "12 of 12 items right (+18; best +18)." in out.stdout
    assert "✓ rightly left unmarked: She has a disability" in out.stdout
    assert "Scaled: 1.000" in out.stdout and "PASSED" in out.stdout
    # the revision starts from the earlier marks
    assert "[x] He can still contact her" in out.stdout


def test_play_text_refuses_a_bad_token_with_a_message():
    for bad, words in (("age", "not an assessment's marks"), ("+agee", "agee: not an item")):
        out = rightspath("play", "--text", SOURCE, "--choices", bad)
        assert out.returncode == 2 and words in out.stderr and "Traceback" not in out.stderr, out.stderr


def test_play_text_typed_numbers():
    story = load()
    answers = iter(["99", "", "2"])  # 99 is refused; Enter keeps the (no) marks; then item 2
    buf = io.StringIO()
    run = play_text(story, ask=lambda prompt: next(answers), out=buf)
    assert "Please type item numbers from 1 to 12" in buf.getvalue()
    assert [sum(i["marked"] for i in h.items) for h in run.history] == [0, 1]


def test_play_text_auto_reaches_an_ending():
    out = rightspath("play", "--text", SOURCE, "--auto", "--seed", "7")
    assert out.returncode == 0, out.stderr
    assert "SCORE CARD" in out.stdout and "Ending:" in out.stdout
