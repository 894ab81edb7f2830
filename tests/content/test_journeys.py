"""Journeys through every bundled scenario (issue 5, "Checks"), each through the real engine or CLI:

- golden scripted playthroughs (tests/golden/<scenario>/<path>.choices + .txt): each committed choice
  list replayed with ``rightspath play --text`` prints its committed transcript and score card byte
  for byte, and together the paths of a scenario visit every node and reach every ending of the
  story as it is compiled today;
- 1,000 seeded auto-play runs per scenario end cleanly with scores and variables in bounds;
- a headless run of the real UI on the best path prints the text score card and one PNG per screen.

``UPDATE_GOLDEN=1 pytest tests/content/test_journeys.py`` searches the paths again
(tests/support/golden.py) and rewrites the golden files of every scenario.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.support import golden
from game.engine import Run, auto_choices, auto_play
from tests.content.journeys import (
    GOLDEN, REPO, rightspath, rightspath_many, scenario_ids, scenario_params, scorecard, story, text_play_args,
)

SEEDS = range(1000)
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
_regenerated: set[str] = set()


# -- golden files ---------------------------------------------------------------------------------
def golden_dir(scenario_id: str) -> Path:
    """The scenario's golden folder, rewritten first (once per session) under UPDATE_GOLDEN=1."""
    folder = GOLDEN / scenario_id
    if UPDATE and scenario_id not in _regenerated:
        _regenerate(scenario_id, folder)
        _regenerated.add(scenario_id)
    return folder


def _regenerate(scenario_id: str, folder: Path) -> None:
    paths, cov = golden.golden_paths(story(scenario_id))
    assert cov.complete, (f"{scenario_id}: no playthrough found reaching nodes {cov.missing_nodes} / endings "
                          f"{cov.missing_endings}; are they reachable at all?")
    folder.mkdir(parents=True, exist_ok=True)
    for old in list(folder.glob("*.choices")) + list(folder.glob("*.txt")):
        old.unlink()
    outputs = rightspath_many([text_play_args(scenario_id, p.choices) for p in paths])
    for p, (code, out, err) in zip(paths, outputs):
        assert code == 0, f"{scenario_id}/{p.name}: play --text failed: {err}"
        (folder / f"{p.name}.choices").write_text("\n".join(p.choices) + "\n", encoding="utf-8")
        (folder / f"{p.name}.txt").write_text(out, encoding="utf-8")


def committed_paths(folder: Path) -> dict[str, list[str]]:
    return {f.stem: f.read_text(encoding="utf-8").split() for f in sorted(folder.glob("*.choices"))}


def _missing_goldens(scenario_id: str) -> str:
    return (f"no golden paths for scenario {scenario_id!r} in tests/golden/{scenario_id}/; "
            "make them with: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/content/test_journeys.py")


@pytest.mark.parametrize("scenario_id", scenario_params())
def test_golden_transcripts_replay_byte_for_byte(scenario_id):
    folder = golden_dir(scenario_id)
    paths = committed_paths(folder)
    assert paths, _missing_goldens(scenario_id)
    outputs = rightspath_many([text_play_args(scenario_id, choices) for choices in paths.values()])
    problems = []
    for name, (code, out, err) in zip(paths, outputs):
        expected_file = folder / f"{name}.txt"
        if code != 0:
            problems.append(f"{name}: rightspath play --text exited {code}: {err.strip()}")
            continue
        expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else ""
        if out != expected:
            diff = difflib.unified_diff(expected.splitlines(keepends=True), out.splitlines(keepends=True),
                                        fromfile=str(expected_file.relative_to(REPO)),
                                        tofile=f"rightspath play --text scenarios/{scenario_id}.yaml "
                                               f"--choices <{name}.choices>")
            problems.append("".join(diff))
    if problems:
        print("\n".join(problems))
    assert not problems, (f"{len(problems)} golden transcript(s) of {scenario_id} changed (diff above). "
                          "If the change is intended: UPDATE_GOLDEN=1 .venv/bin/python -m pytest "
                          "tests/content/test_journeys.py\n" + "\n".join(p[:3000] for p in problems))


@pytest.mark.parametrize("scenario_id", scenario_params())
def test_golden_paths_visit_every_node_and_reach_every_ending(scenario_id):
    s = story(scenario_id)
    paths = committed_paths(golden_dir(scenario_id))
    assert paths, _missing_goldens(scenario_id)
    try:
        cov = golden.coverage(s, list(paths.values()))
    except ValueError as exc:  # a committed choice list no longer plays on today's content
        pytest.fail(f"{scenario_id}: a golden path no longer plays ({exc}); regenerate with UPDATE_GOLDEN=1")
    assert cov.complete, (f"{scenario_id}: the golden paths miss nodes {cov.missing_nodes} and endings "
                          f"{cov.missing_endings}; regenerate with UPDATE_GOLDEN=1")
    kinds = {name: golden.path_kind(s, choices) for name, choices in paths.items()}
    assert kinds.get("best") == "best", "best.choices must take a recommended option at every decision"
    assert kinds.get("worst") == "worst", "worst.choices must take a lowest-earning option at every decision"
    mixed = [n for n in paths if n not in ("best", "worst")]
    assert mixed and all(kinds[n] == "mixed" for n in mixed), kinds
    print(f"\n{scenario_id}: {len(paths)} golden paths ({', '.join(paths)}) visit {len(cov.nodes)}/"
          f"{len(s.nodes)} nodes and reach {len(cov.endings)} endings")


def test_every_golden_folder_belongs_to_a_scenario():
    """A renamed or removed scenario leaves no stale goldens behind."""
    folders = {p.name for p in GOLDEN.iterdir() if p.is_dir()} if GOLDEN.exists() else set()
    assert folders <= set(scenario_ids()), folders - set(scenario_ids())


# -- 1,000 seeded auto-play runs ------------------------------------------------------------------
def _check_run(s, seed: int) -> str:
    run = auto_play(s, seed)
    assert run.ended and s.nodes[run.node_id]["kind"] == "ending", (seed, run.node_id)
    card = run.score()
    assert card.finished and card.ending_id == run.node_id, seed
    assert card.outcome == s.nodes[run.node_id]["outcome"], seed
    assert 0.0 <= card.scaled <= 1.0, (seed, card.scaled)
    assert card.worst <= card.earned <= card.best, (seed, card)
    assert card.decisions == len(run.history) > 0, seed
    for rec in run.history:
        assert rec.worst <= rec.earned <= rec.best, (seed, rec.node, rec.chosen)
        if s.nodes[rec.node]["kind"] == "assessment":  # marks, not a choice (issue 19): every item shown
            assert {item["id"] for item in rec.items} == set(rec.shown), (seed, rec.node)
        else:
            assert rec.chosen in rec.shown, (seed, rec.node)
    # Replay step by step to see the variables after every decision, not only at the end.
    replay = Run(s, seed=seed)
    for rec in run.history:
        while replay.kind == "scene":
            replay.advance()
        if replay.kind == "assessment":
            replay.assess({item["id"] for item in rec.items if item["marked"]})
        else:
            replay.choose(rec.chosen)
        for name, value in replay.variables.items():
            spec = s.variables[name]
            assert spec["min"] <= value <= spec["max"], (seed, replay.node_id, name, value)
    while replay.kind == "scene":
        replay.advance()
    assert replay.node_id == run.node_id, seed
    return run.node_id


@pytest.mark.parametrize("scenario_id", scenario_params())
def test_a_thousand_seeded_autoplays_end_cleanly(scenario_id):
    s = story(scenario_id)
    endings = Counter(_check_run(s, seed) for seed in SEEDS)
    assert auto_choices(s, 7) == auto_choices(s, 7)  # a seed means one playthrough
    width = max(len(e) for e in endings)
    print(f"\n{scenario_id}: endings over {len(SEEDS)} seeded auto-play runs")
    for ending, n in sorted(endings.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {ending:<{width}}  {s.nodes[ending]['outcome']:<14} {n:>4}  {n / len(SEEDS):6.1%}")
    assert len(endings) >= 2, f"random play always ends at {set(endings)}: the choices do not matter"


# -- the real UI, headless -------------------------------------------------------------------------
# Screens before the story starts (title, settings, scenario choice, content note...).
PRELUDE = re.compile(r"^(title|setup|select|resume-or-restart|content-note|loading)-")


def expected_screens(s, choices: list[str]) -> Counter:
    """Screen names (as in the screenshot files) a learning-mode playthrough shows after the prelude."""
    run, screens = Run(s, seed=0), Counter()
    queue = list(choices)
    while not run.ended:
        if run.kind == "scene":
            for i, _ in enumerate(run.node.get("lines", ())):
                screens[f"story-{run.node_id}-{i}"] += 1
            run.advance()
        elif run.kind == "assessment":  # a marks token, '+item+item' (issue 19)
            screens[f"assessment-{run.node_id}"] += 1
            screens[f"feedback-{run.node_id}"] += 1
            run.assess({m for m in queue.pop(0).split("+") if m})
        else:
            screens[f"decision-{run.node_id}"] += 1
            screens[f"feedback-{run.node_id}"] += 1
            run.choose(queue.pop(0))
    screens["debrief-summary"] += 1
    return screens


def shot_screen(name: str) -> str:
    """'012-story-arrival-2-0.png' -> 'story-arrival-2' (a page suffix belongs to the same line)."""
    stem = name[:-4].split("-", 1)[1]
    return re.sub(r"-\d+$", "", stem) if stem.startswith("story-") else stem


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", scenario_params())
def test_headless_ui_plays_the_best_path_with_a_screenshot_per_screen(scenario_id, tmp_path):
    import pygame

    s = story(scenario_id)
    choices = [h.chosen if s.nodes[h.node]["kind"] != "assessment"  # an assessment's marks as a token
               else "+" + "+".join(i["id"] for i in h.items if i["marked"])
               for h in golden.play(s, golden.best_pick).history]
    shots = tmp_path / "shots"
    head = rightspath("play", f"scenarios/{scenario_id}.yaml", "--headless", "--choices", ",".join(choices),
                      "--screenshots", str(shots), data_dir=tmp_path / "data")
    assert head.returncode == 0, head.stderr
    assert "Traceback" not in head.stderr
    text = rightspath(*text_play_args(scenario_id, choices), data_dir=tmp_path / "data")
    assert text.returncode == 0, text.stderr
    assert head.stdout == scorecard(text.stdout)

    names = sorted(p.name for p in shots.glob("*.png"))
    assert [int(n[:3]) for n in names] == list(range(1, len(names) + 1)), "screenshots are numbered in order"
    after_prelude = [n for n in names if not PRELUDE.match(n.split("-", 1)[1])]
    assert names[0].startswith("001-title")
    got = Counter(shot_screen(n) for n in after_prelude)
    want = expected_screens(s, choices)
    # A long line may take several pages (several PNGs under one line's name): compare lines as a set,
    # decisions, feedback and the debrief one for one.
    def split(c: Counter) -> tuple[set, Counter]:
        return {k for k in c if k.startswith("story-")}, Counter({k: v for k, v in c.items() if not k.startswith("story-")})
    (got_lines, got_rest), (want_lines, want_rest) = split(got), split(want)
    assert got_lines == want_lines, (f"scene lines without a screenshot: {sorted(want_lines - got_lines)}; "
                                     f"unexpected: {sorted(got_lines - want_lines)}")
    assert got_rest == want_rest, (f"missing screens: {sorted((want_rest - got_rest).elements())}; "
                                   f"unexpected: {sorted((got_rest - want_rest).elements())}")
    assert after_prelude[-1].endswith("debrief-summary.png")
    for n in names[:: max(1, len(names) // 12)] + names[-1:]:  # every PNG is a real picture
        img = pygame.image.load(str(shots / n))
        assert img.get_width() >= 640 and img.get_height() >= 360, n


# -- the path search itself (tests/support/golden.py) ----------------------------------------------
def test_the_path_search_is_deterministic_and_matches_the_committed_tutorial_paths():
    """Regenerating finds the same paths the tutorial's golden folder holds (the search is seeded)."""
    s = story("tutorial")
    paths, cov = golden.golden_paths(s)
    assert cov.complete
    assert [p.name for p in paths][:2] == ["best", "worst"]
    assert {p.name: p.choices for p in paths} == committed_paths(GOLDEN / "tutorial")


def test_coverage_names_what_a_smaller_set_of_paths_misses():
    s = story("tutorial")
    best = committed_paths(GOLDEN / "tutorial")["best"]
    cov = golden.coverage(s, [best])
    _, endings = golden.targets(s)
    assert not cov.complete and cov.endings == {golden.replay(s, best).node_id}
    assert set(cov.missing_endings) == endings - cov.endings and cov.missing_nodes
    with pytest.raises(ValueError, match="left over"):
        golden.replay(s, best + ["one-too-many"])
