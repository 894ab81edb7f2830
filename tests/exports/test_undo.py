"""The facilitator undoes the room's choice once it has been played (issue 15). The record keeps the
undone choice (``undone``, each replayed at the point it was taken), the xAPI statements keep the
answer that was sent and void it (xAPI 1.0.3 voiding: verb voided, object a StatementRef) with new ids
for what follows, the statements rebuild the record, the replay checks an undone choice like any other,
and a record with nothing undone is byte for byte what it was."""

from __future__ import annotations

import json

import pytest

from game.exports import build_record, record_from_statements, sign_record, statements
from game.exports.record import check_record, record_to_json
from game.exports.replay import Shelf, replay_record
from game.exports.xapi import EXT, VERBS, live_statements
from tests.exports import helpers


def undone_run(story, seed=3, at=2):
    """A facilitated playthrough in which the room's choice at decision ``at`` was played, undone and
    replaced by another option: (final run, what was undone, the first try's record entry)."""
    played = helpers.played(seed, story, votes=True, seconds=True)
    back = played.before_decision(at)
    first = next(cid for cid in (c.id for c in back.choices() if c.enabled) if cid != played.history[at - 1].chosen)
    trial = played.before_decision(at)
    votes = {c.id: 1 for c in trial.choices() if c.enabled}
    rec = trial.choose(first, seconds=7.5, votes=votes)
    undo = {"index": at, "chosen": first, "seconds": 7.5, "votes": votes}
    return played, undo, rec


def test_before_decision_is_the_run_just_before_that_choice():
    story = helpers.story()
    run = helpers.played(3, story, votes=True, seconds=True)
    back = run.before_decision(2)
    assert len(back.history) == 1 and back.kind == "decision" and back.node_id == run.history[1].node
    assert [h.to_dict() for h in back.history] == [run.history[0].to_dict()]
    # the same choice again gives the same run as far as it went
    back.choose(run.history[1].chosen, seconds=run.history[1].seconds, votes=run.history[1].votes)
    assert back.history[1].to_dict() == run.history[1].to_dict()
    with pytest.raises(ValueError, match="no decision 99"):
        run.before_decision(99)


def test_the_record_keeps_the_undone_choice_and_nothing_changes_without_one():
    story = helpers.story()
    run, undo, rec = undone_run(story)
    meta = helpers.meta(mode="facilitated")
    plain = build_record(run, story, meta)
    record = build_record(run, story, {**meta, "undone": [undo]})
    helpers.validate(record)
    check_record(json.loads(json.dumps(record)))
    assert "undone" not in plain
    assert {k: v for k, v in record.items() if k != "undone"} == plain  # the played decisions and score as without
    [entry] = record["undone"]
    assert entry["index"] == 2 and entry["chosen"] == undo["chosen"] and entry["votes"] == undo["votes"]
    assert entry["earned"] == rec.earned and entry["verdicts"] == [
        {k: v[k] for k in ("right", "verdict", "weight")} for v in rec.verdicts]
    assert entry["node"] == record["decisions"][1]["node"]


def test_xapi_keeps_the_sent_answer_voids_it_and_the_rest_follows_with_new_ids():
    story = helpers.story()
    run, undo, _rec = undone_run(story)
    meta = helpers.meta(mode="facilitated")
    plain = statements(build_record(run, story, meta))
    record = build_record(run, story, {**meta, "undone": [undo]})
    stmts = statements(record)
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in stmts]
    assert verbs[:5] == ["initialized", "answered", "answered", "voided", "answered"]
    assert len(stmts) == len(plain) + 2
    first_try, voiding = stmts[2], stmts[3]
    assert first_try["result"]["response"] == undo["chosen"]
    assert voiding["object"] == {"objectType": "StatementRef", "id": first_try["id"]}
    assert voiding["verb"]["id"] == VERBS["voided"] and "platform" not in voiding["context"]
    assert voiding["context"]["extensions"][EXT + "undone-decision"] == record["undone"][0]
    assert voiding["actor"] == first_try["actor"] and voiding["context"]["registration"] == first_try["context"]["registration"]
    assert len({s["id"] for s in stmts}) == len(stmts)
    # the answers before the undo are the very statements sent before it (the outbox already holds them)
    before_undo = live_statements(build_record(run.before_decision(2), story, {**meta, "ended_at": None}))
    assert [s["id"] for s in before_undo] == [s["id"] for s in stmts[:2]]
    at_undo = build_record(run.before_decision(2), story, {**meta, "undone": [undo]})
    live = live_statements(at_undo)
    assert [s["id"] for s in live] == [s["id"] for s in stmts[:4]]
    assert live[2] == stmts[2] and live[3] == stmts[3]


def test_the_statements_rebuild_the_record_whether_or_not_the_store_hides_voided_answers():
    story = helpers.story()
    run, undo, _rec = undone_run(story)
    record = sign_record(build_record(run, story, helpers.meta(mode="facilitated", undone=[undo])), "k")
    stmts = statements(record)
    assert record_from_statements(stmts) == record
    assert record_from_statements(list(reversed(stmts))) == record  # a store's newest-first order
    voided_ids = {s["object"]["id"] for s in stmts if s["verb"]["id"] == VERBS["voided"]}
    hidden = [s for s in stmts if s["id"] not in voided_ids]  # a conforming store leaves voided ones out
    assert record_from_statements(hidden) == record


def test_the_replay_checks_an_undone_choice_and_refuses_a_forged_one():
    story = helpers.story()
    run, undo, _rec = undone_run(story)
    record = build_record(run, story, helpers.meta(mode="facilitated", undone=[undo]))
    assert replay_record(sign_record(record, "k"), Shelf([story])).ok
    forged = json.loads(record_to_json(record))
    forged["undone"][0]["earned"] = forged["undone"][0]["best"]
    answer = replay_record(forged, Shelf([story]))
    assert not answer.ok and "undone[0].earned" in answer.reason
    moved = json.loads(record_to_json(record))
    moved["undone"][0]["chosen"] = "no-such-option"
    answer = replay_record(moved, Shelf([story]))
    assert not answer.ok and "no-such-option" in answer.reason
    dropped = json.loads(record_to_json(record))
    del dropped["undone"]
    assert replay_record(dropped, Shelf([story])).ok  # a record without it is a record without an undo
    extra = json.loads(record_to_json(build_record(run, story, helpers.meta(mode="facilitated"))))
    extra["undone"] = []
    answer = replay_record(extra, Shelf([story]))
    assert not answer.ok and "undone" in answer.reason


@pytest.mark.parametrize("bad, words", [
    ([{"index": 99, "chosen": "x", "seconds": 1, "votes": None}], "names decision 99"),
    ([{"index": 2, "chosen": "no-such-option", "seconds": 1, "votes": None}], "no-such-option"),
    ([{"index": 3, "chosen": None, "seconds": 1, "votes": None}, {"index": 2, "chosen": None, "seconds": 1,
                                                                   "votes": None}], "comes after"),
    ([{"index": 2, "chosen": None, "seconds": -4, "votes": None}], "not a duration"),
    ([{"index": 2, "chosen": None, "seconds": float("nan"), "votes": None}], "not a duration"),
    ("not a list", "should be a list"),
    ([{"index": 2, "chosen": None, "seconds": 1, "votes": None, "overrule": "x"}], "overrule should be an object"),
    ([{"index": 2, "chosen": ["a"], "seconds": 1, "votes": None}], "should be an option id"),
    ([{"index": 2, "chosen": None, "seconds": 1, "votes": {"a": "3"}}], "votes should map"),
    (["x"], "is not an object"),
])
def test_an_undone_choice_that_does_not_fit_the_run_is_refused(bad, words):
    story = helpers.story()
    run = helpers.played(3, story, votes=True)
    if isinstance(bad, list):
        for item in bad:
            if isinstance(item, dict) and item["chosen"] is None:
                item["chosen"] = run.history[item["index"] - 1].chosen
    with pytest.raises(ValueError, match=words):
        build_record(run, story, helpers.meta(mode="facilitated", undone=bad))


def test_a_choice_undone_twice_and_one_left_open_keep_their_order():
    story = helpers.story()
    run = helpers.played(5, story, votes=True, seconds=True)
    n = len(run.history)
    shown = [c.id for c in run.before_decision(1).choices() if c.enabled]
    last = [c.id for c in run.before_decision(n).choices() if c.enabled]
    undone = [{"index": 1, "chosen": shown[0], "seconds": 3.0, "votes": None},
              {"index": 1, "chosen": shown[-1], "seconds": 4.0, "votes": None},
              {"index": n, "chosen": last[0], "seconds": 2.0, "votes": None}]
    # the last decision undone and its screen open again: a run that stops before it
    open_again = run.before_decision(n)
    record = build_record(open_again, story, helpers.meta(mode="facilitated", undone=undone))
    assert [u["index"] for u in record["undone"]] == [1, 1, n]
    stmts = statements(record)
    answered = [s for s in stmts if s["verb"]["id"] in (VERBS["answered"], VERBS["voided"])]
    kinds = [s["verb"]["id"].rsplit("/", 1)[1] for s in answered]
    assert kinds[:5] == ["answered", "voided", "answered", "voided", "answered"]
    assert kinds[-2:] == ["answered", "voided"]
    assert record_from_statements(stmts) == record
    assert replay_record(record, Shelf([story])).ok


def test_the_csv_tables_name_the_undone_choices_and_an_overrule():
    from game.exports.tables import decision_rows, decisions_csv, summary_row

    story = helpers.story()
    run, undo, _rec = undone_run(story)
    other = next(cid for cid in run.history[0].shown if cid != run.history[0].chosen)
    reason = "=SUM(A1) the room wanted speed"  # a formula-like reason stays text
    record = build_record(run, story, helpers.meta(mode="facilitated", undone=[undo],
                                                   overrules={1: {"room_choice": other, "reason": reason}}))
    rows = decision_rows(record)
    assert rows[1]["undone_choices"] == undo["chosen"] and rows[0]["undone_choices"] == ""
    assert rows[0]["overruled_room_choice"] == other and rows[1]["overruled_room_choice"] == ""
    assert "'=SUM(A1) the room wanted speed" in decisions_csv(record)
    assert summary_row(record)["undone"] == 1
    assert summary_row(build_record(run, story, helpers.meta(mode="facilitated")))["undone"] == 0
