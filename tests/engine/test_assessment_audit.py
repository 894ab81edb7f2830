"""The audit's fixed answer strategies at an individual assessment (issue 19): "first" marks every
item, "last" none, "longest"/"shortest" the longest/shortest item of each section, "random" each item
with probability 1/2 (game/commands/audit.py)."""

from __future__ import annotations

from game.commands.audit import audit
from tests.engine.assessment_fixture import story as load


def test_the_audit_plays_assessments():
    result = {row["strategy"]: row for row in audit(load(), seeds=50)["strategies"]}
    # "first" marks every item, "last" none: each scores the share of the weight it gets right
    # the weight right: first assessment 11 of 18 (all) or 7 of 18 (none), the review 4 of 8 either way
    assert result["first"]["mean_scaled"] == round((2 * 11 + 2 * 4) / (36 + 16), 4)
    assert result["last"]["mean_scaled"] == round((2 * 7 + 2 * 4) / (36 + 16), 4)
    assert result["first"]["pass_rate"] == 0 and result["last"]["pass_rate"] == 0
    assert all(row["unfinished"] == 0 for row in result.values())
    # the fixture's items that apply are written longer: the audit finds that cue
    assert result["longest"]["mean_scaled"] > load().mastery
