"""W420: no surface cue predicts the recommended option (issue 12), through the real `validate`.

Over a whole scenario: no authored position holds the recommended (top-scoring) option in more than
half of the decisions, and it is the longest, or the shortest, option in at most a third of them.
"""

from __future__ import annotations

import json

from tests.authoring.cues import LONG, MID, SHORT, balanced, first_and_longest, write_scenario
from tests.authoring.helpers import rightspath


def _w420(result) -> list[dict]:
    data = json.loads(result.stdout)
    return [d for d in data["diagnostics"] if d["code"] == "W420"]


def test_recommended_first_and_longest_everywhere_is_warned_with_figures_and_decisions(tmp_path):
    path = write_scenario(tmp_path, "cued", first_and_longest(6))
    result = rightspath("validate", "--format", "json", str(path))
    assert result.returncode == 0, result.stdout + result.stderr  # a warning by default
    found = _w420(result)
    assert [d["severity"] for d in found] == ["warning", "warning"], found
    text = " | ".join(d["message"] for d in found)
    assert "position 1" in text and "6 of 6 decisions" in text and "more than half" in text
    assert "longest" in text and "more than a third" in text
    assert "d1, d2, d3, d4, d5, d6" in text  # the decisions are listed
    assert all(d["hint"] for d in found)


def test_strict_makes_it_an_error(tmp_path):
    path = write_scenario(tmp_path, "cued", first_and_longest(6))
    result = rightspath("validate", "--strict", str(path))
    assert result.returncode == 1
    assert "error W420" in result.stdout and "Traceback" not in result.stderr


def test_a_balanced_scenario_passes_even_strict(tmp_path):
    path = write_scenario(tmp_path, "balanced", balanced(6))
    result = rightspath("validate", "--strict", "--format", "json", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert _w420(result) == []


def test_the_shortest_is_a_cue_too(tmp_path):
    rows = []
    for i in range(6):
        options = [(f"{LONG} ({i})", -1), (f"{MID} ({i})", -2)]
        options.insert(i % 3, (f"{SHORT} ({i})", 2))  # positions vary; always the shortest
        rows.append(options)
    result = rightspath("validate", "--format", "json", str(write_scenario(tmp_path, "short", rows)))
    found = _w420(result)
    assert len(found) == 1 and "shortest" in found[0]["message"] and "6 of 6" in found[0]["message"], found


def test_exactly_half_in_one_position_and_a_third_longest_is_allowed(tmp_path):
    rows = balanced(6)
    # move the recommended option of d2 to position 1: position 1 then holds 3 of 6 (half, not more)
    best = next(o for o in rows[1] if o[1] > 0)
    rows[1] = [best] + [o for o in rows[1] if o is not best]
    result = rightspath("validate", "--format", "json", str(write_scenario(tmp_path, "half", rows)))
    assert _w420(result) == [], result.stdout
    best = next(o for o in rows[4] if o[1] > 0)
    rows[4] = [best] + [o for o in rows[4] if o is not best]  # 4 of 6 now
    result = rightspath("validate", "--format", "json", str(write_scenario(tmp_path, "half", rows)))
    found = _w420(result)
    assert len(found) == 1 and "4 of 6" in found[0]["message"], found


def test_a_small_draft_is_not_judged(tmp_path):
    """Fewer than four decisions with a recommended option say nothing about a pattern."""
    result = rightspath("validate", "--format", "json", str(write_scenario(tmp_path, "tiny", first_and_longest(3))))
    assert _w420(result) == []
