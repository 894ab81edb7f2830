"""The third verdict, ``misses`` (issue 13): a lawful choice not to use a measure the provision makes
available. It counts against the option at its weight (DESIGN's earned/best/worst stays the rule),
has its own count per right (``not_used``), and needs story format 3 (docs/CONTRACTS.md §2, §5)."""

from __future__ import annotations

import copy

import pytest

from game.engine import Run, Story, StoryError
from game.engine.story import READER_VERSION, content_hash, discussion
from tests.engine.stories import choice, finish, two_stage_story, up


def miss(right: str, weight: int = 1) -> dict:
    return {"right": right, "verdict": "misses", "weight": weight}


def _story(**overrides) -> dict:
    data = two_stage_story()
    data["nodes"]["d1"]["choices"] = [
        choice("record", "check", [up("24(1)(a)", 2)]),
        choice("notes", "check", [miss("24(1)(a)")]),
        choice("nothing", "check", []),
    ]
    data["nodes"]["d1"]["order"] = "fixed"
    data.update(overrides)
    return finish(data)


def test_a_measure_not_used_counts_against_the_option_at_its_weight():
    run = Run(Story(_story()))
    while run.kind == "scene":
        run.advance()
    res = run.choose("notes")
    assert (res.earned, res.best, res.worst) == (-1, 2, -1)
    assert res.verdicts == [{"right": "24(1)(a)", "verdict": "misses", "weight": 1}]
    assert not res.recommended
    tally = run.score().rights["24(1)(a)"]
    # its own count, never a breach; "missed" (an upholding option was shown) is still counted too
    assert tally == {"upheld": 0, "breached": 0, "not_used": 1, "missed": 1}


def test_misses_needs_story_format_3_and_an_older_format_refuses_it():
    data = _story(format_version=2, min_reader_version=2)
    with pytest.raises(StoryError, match="bad assessment"):
        Story(data)
    Story(_story(format_version=3, min_reader_version=3))  # the format that has it


def test_a_story_asking_for_a_newer_reader_is_refused_with_update_rightspath():
    with pytest.raises(StoryError, match="Update RightsPath"):
        # one past what this engine reads (format 4, the assessment node, is read since issue 19)
        Story(_story(format_version=READER_VERSION + 1, min_reader_version=READER_VERSION + 1))


def test_discussion_reads_the_list_of_older_formats_as_before_and_format_3_as_before_and_after():
    assert discussion({"discuss": ["Why?"]}) == (["Why?"], [])
    assert discussion({"discuss": {"before": ["Q"], "after": ["P"]}}) == (["Q"], ["P"])
    assert discussion({}) == ([], [])
    data = two_stage_story()
    data["nodes"]["d1"]["discuss"] = {"before": ["Q"], "after": ["P"]}
    Story(finish(data))
    old = copy.deepcopy(data)
    old.update(format_version=2, min_reader_version=2)
    with pytest.raises(StoryError, match="discuss must be a list"):
        Story(finish(old))
    bad = copy.deepcopy(data)
    bad["nodes"]["d1"]["discuss"] = {"during": ["Q"]}
    with pytest.raises(StoryError, match="discuss"):
        Story(finish(bad))


def test_the_content_hash_covers_the_verdict():
    a, b = _story(), _story()
    b["nodes"]["d1"]["choices"][1]["assess"][0]["verdict"] = "breaches"
    assert content_hash(a) != content_hash(b)
