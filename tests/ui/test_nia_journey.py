"""Nia's journeys through the real UI, headless (issue 19): the committed golden paths that end in
withdrawal and in retraumatisation, played with ``rightspath play --headless --screenshots``, so
the screens a trainee meets on the way to those endings are drawn (the best path is played by
tests/content/test_journeys.py for every bundled scenario).

Each run must print the same score card as ``play --text`` for the same choices, draw a PNG for
every screen of the path (the content note, each line, decision, the individual assessment and its
feedback, the debrief), and
show Nia's own rooms and people: the counsellor's room and the cyber-crime unit are different
pictures.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from game.engine import Run
from tests.content.journeys import GOLDEN, rightspath, scorecard, story, text_play_args

PATHS = ["mixed-ending-withdrawn", "mixed-ending-retraumatised"]


def screens_of(choices: list[str]) -> Counter:
    s = story("nia")
    run, want, queue = Run(s, seed=0), Counter(), list(choices)
    while not run.ended:
        if run.kind == "scene":
            for i, _ in enumerate(run.node.get("lines", ())):
                want[f"story-{run.node_id}-{i}"] += 1
            run.advance()
        elif run.kind == "decision":
            want[f"decision-{run.node_id}"] += 1
            want[f"feedback-{run.node_id}"] += 1
            run.choose(queue.pop(0))
        elif run.kind == "assessment":  # a marks token: '+age+withdrawn' (nothing marked: '+')
            want[f"assessment-{run.node_id}"] += 1
            want[f"feedback-{run.node_id}"] += 1
            run.assess({m for m in queue.pop(0).split("+") if m})
        else:
            run.advance()
    want["debrief-summary"] += 1
    return want


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS)
def test_a_nia_journey_draws_every_screen_and_scores_as_the_text_game(path, tmp_path):
    import pygame

    choices = (GOLDEN / "nia" / f"{path}.choices").read_text(encoding="utf-8").split()
    shots = tmp_path / "shots"
    head = rightspath("play", "scenarios/nia.yaml", "--headless", "--choices", ",".join(choices),
                      "--screenshots", str(shots), data_dir=tmp_path / "data")
    assert head.returncode == 0 and "Traceback" not in head.stderr, head.stderr
    text = rightspath(*text_play_args("nia", choices), data_dir=tmp_path / "data")
    assert text.returncode == 0, text.stderr
    assert head.stdout == scorecard(text.stdout)
    ending = path.removeprefix("mixed-")
    assert f"Ending: {ending}" in head.stdout

    names = sorted(p.name for p in shots.glob("*.png"))
    assert any("-content-note-" in n for n in names), "the content note is shown before the story"
    got = Counter()
    for n in names:
        stem = n[:-4].split("-", 1)[1]
        if stem.startswith(("title-", "setup-", "select-", "resume-or-restart-", "content-note-", "loading-")):
            continue
        got[re.sub(r"-\d+$", "", stem) if stem.startswith("story-") else stem] += 1
    want = screens_of(choices)
    lines = {k for k in want if k.startswith("story-")}
    assert {k for k in got if k.startswith("story-")} == lines
    assert +Counter({k: v for k, v in got.items() if not k.startswith("story-")}) == \
        +Counter({k: v for k, v in want.items() if not k.startswith("story-")})

    # Nia's own places: the counsellor's room (first scene) and the cyber-crime unit (its first scene)
    # are drawn, and they are different pictures.
    first = pygame.image.load(str(shots / next(n for n in names if "story-counsellor-door-0" in n)))
    unit = pygame.image.load(str(shots / next(n for n in names if "story-cyber-unit-0" in n)))
    assert first.get_size() == unit.get_size() and first.get_width() >= 640
    strip = pygame.Rect(0, first.get_height() // 4, first.get_width(), first.get_height() // 4)
    assert pygame.image.tobytes(first.subsurface(strip), "RGB") != pygame.image.tobytes(unit.subsurface(strip), "RGB")
