"""A live room's overrule (issue 18): the facilitator played another option than the room's and said
why. The record keeps both (the option played in ``chosen``, the room's in ``overrule``), the xAPI
statements carry it and rebuild it, the replay takes it as given and checks it; a record without an
overrule is byte for byte what it was."""

from __future__ import annotations

import json

import pytest

from game.exports import build_record, record_from_statements, sign_record, statements
from game.exports.record import check_record
from game.exports.replay import Shelf, replay_record
from game.exports.xapi import EXT
from tests.exports import helpers

REASON = "The room's choice would send the girl home before the social worker has seen her."


def overruled(story, seed=3):
    run = helpers.played(seed, story, votes=True, seconds=True)
    rec = run.history[1]
    other = next(cid for cid in rec.shown if cid != rec.chosen)
    meta = helpers.meta(mode="facilitated", overrules={2: {"room_choice": other, "reason": REASON + "  "}})
    return run, other, build_record(run, story, meta)


def test_the_record_keeps_the_rooms_choice_the_played_one_and_why():
    story = helpers.story()
    run, other, record = overruled(story)
    helpers.validate(record)
    check_record(json.loads(json.dumps(record)))
    d = record["decisions"][1]
    assert d["chosen"] == run.history[1].chosen and d["overrule"] == {"room_choice": other, "reason": REASON}
    assert all("overrule" not in x for i, x in enumerate(record["decisions"]) if i != 1)
    plain = build_record(run, story, helpers.meta(mode="facilitated"))
    assert [{k: v for k, v in x.items() if k != "overrule"} for x in record["decisions"]] == plain["decisions"]
    assert all("overrule" not in x for x in plain["decisions"])  # additive: runs without one are unchanged

    assert replay_record(sign_record(record, "k"), Shelf([story])).ok
    forged = json.loads(json.dumps(record))
    forged["decisions"][1]["overrule"]["room_choice"] = forged["decisions"][1]["chosen"]
    answer = replay_record(forged, Shelf([story]))
    assert not answer.ok and "was not another option on offer" in answer.reason


def test_xapi_carries_the_overrule_and_rebuilds_it():
    story = helpers.story()
    _, other, record = overruled(story)
    stmts = statements(record)
    answered = [s for s in stmts if s["verb"]["id"].endswith("answered")]
    assert answered[1]["result"]["extensions"][EXT + "overrule"] == {"room_choice": other, "reason": REASON}
    assert all(EXT + "overrule" not in s["result"]["extensions"] for i, s in enumerate(answered) if i != 1)
    assert record_from_statements(stmts) == record


@pytest.mark.parametrize("bad, words", [
    ({2: {"room_choice": "no-such-option", "reason": REASON}}, "was not another option on offer"),
    ({2: {"room_choice": None, "reason": REASON}}, "was not another option on offer"),
    ({99: {"room_choice": "x", "reason": REASON}}, "names decision 99"),
])
def test_an_overrule_that_does_not_fit_the_run_is_refused(bad, words):
    story = helpers.story()
    run = helpers.played(3, story, votes=True)
    with pytest.raises(ValueError, match=words):
        build_record(run, story, helpers.meta(mode="facilitated", overrules=bad))
    other = next(cid for cid in run.history[1].shown if cid != run.history[1].chosen)
    with pytest.raises(ValueError, match="reason"):
        build_record(run, story, helpers.meta(mode="facilitated", overrules={2: {"room_choice": other, "reason": " "}}))
