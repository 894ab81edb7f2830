"""The assessment in every export (issue 19): the record's decision entry (kind "assessment" and its
items), the schema, the CSV columns, the xAPI statement (items in result.extensions) and its exact
round trip, and verify's replay, which recomputes every item's result and refuses a forged one."""

from __future__ import annotations

import copy
import csv
import io
import json

import jsonschema
import pytest

from game.engine import Run, auto_play
from game.exports import record_from_statements
from game.exports.record import build_record, check_record, record_from_json, record_to_json, RecordError
from game.exports.replay import Shelf, replay_record
from game.exports.tables import decisions_csv
from game.exports.xapi import EXT, VERBS, statements
from tests.engine.assessment_fixture import FIRST, FIRST_BEST, story as load
from tests.exports.helpers import meta, schema

ITEMS_IRI = EXT + "assessment-items"


@pytest.fixture(scope="module")
def story():
    return load()


def _record(story, seed=3, **extra):
    return build_record(auto_play(story, seed), story, meta(**extra))


def test_the_record_holds_the_assessment_as_a_decision_entry(story):
    run = Run(story, seed=1)
    run.advance()
    run.assess(FIRST_BEST - {"recorded"} | {"special-representative"}, seconds=40.0)
    record = build_record(run, story, meta())
    d = record["decisions"][0]
    assert d["kind"] == "assessment" and d["node"] == FIRST and d["chosen"] == ""
    items = {i["id"]: i for i in d["items"]}
    assert items["recorded"] == {"id": "recorded", "section": "measures", "measure": True, "marked": False,
                                 "applies": True, "result": "missed", "value": -1,
                                 "verdicts": [{"right": "24(1)(a)", "verdict": "misses", "weight": 1}]}
    assert items["special-representative"]["result"] == "flagged"
    assert items["disability"]["result"] == "clear" and items["disability"]["verdicts"] == []
    assert [i["id"] for i in d["items"]][:2] == ["age", "disability"]  # authored order
    assert sorted(d["order"]) == sorted(d["shown"]) and d["best_choices"] == [
        "age", "sexual-violence", "mother-present", "retaliation", "adapted-room", "recorded", "support-referral"]
    jsonschema.Draft202012Validator(schema()).validate(record)
    assert record_from_json(record_to_json(record)) == record


def test_a_decision_entry_still_has_no_kind(story):
    from tests.exports.helpers import played, story as tutorial

    record = build_record(played(2, tutorial()), tutorial(), meta())
    assert all("kind" not in d and "items" not in d for d in record["decisions"])


@pytest.mark.parametrize("seed", range(0, 40, 7))
def test_xapi_one_statement_per_assessment_and_an_exact_round_trip(story, seed):
    record = _record(story, seed)
    stmts = statements(record)
    answered = [s for s in stmts if s["verb"]["id"] == VERBS["answered"]]
    assert len(answered) == len(record["decisions"]) == 2
    first, d = answered[0], record["decisions"][0]
    assert first["result"]["extensions"][ITEMS_IRI] == d["items"]
    marked = [i["id"] for i in d["items"] if i["marked"]]
    assert first["result"]["response"] == "[,]".join(marked)
    assert first["object"]["definition"]["correctResponsesPattern"] == ["[,]".join(d["best_choices"])]
    assert "shown-position" not in json.dumps(first["result"]["extensions"])
    assert "items" not in first["context"]["extensions"][EXT + "decision"]
    assert record_from_statements(list(reversed(stmts))) == record


def test_csv_has_the_items_of_an_assessment(story):
    record = _record(story, 5)
    rows = list(csv.DictReader(io.StringIO(decisions_csv(record).lstrip("\ufeff"))))
    assert [r["kind"] for r in rows] == ["assessment", "assessment"]
    d = record["decisions"][0]
    assert rows[0]["items"] == ";".join(f"{i['id']}:{i['result']}:{i['value']}" for i in d["items"])
    assert rows[0]["shown_position"] == "" and rows[0]["chosen"] == ""


def test_verify_replays_the_assessment_and_refuses_a_forged_item(story):
    record = _record(story, 8)
    shelf = Shelf([story])
    assert replay_record(record, shelf).ok
    forged = copy.deepcopy(record)
    item = next(i for i in forged["decisions"][0]["items"] if i["result"] in ("missed", "flagged"))
    item["result"], item["value"] = "marked", -item["value"]
    item["verdicts"] = [dict(v, verdict="upholds") for v in item["verdicts"]]
    result = replay_record(check_record(forged), shelf)
    assert not result.ok and "items" in result.reason, result.reason
    # a mark that changes the figures without changing them in the file
    forged = copy.deepcopy(record)
    forged["decisions"][0]["items"][0]["marked"] = not forged["decisions"][0]["items"][0]["marked"]
    result = replay_record(check_record(forged), shelf)
    assert not result.ok and "do not follow" in result.reason
    forged = copy.deepcopy(record)
    forged["decisions"][0]["items"][0]["id"] = "invented"
    result = replay_record(check_record(forged), shelf)
    assert not result.ok and "'invented' is not an item" in result.reason


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("kind"), "has kind None and items"),
    (lambda d: d.update(kind="quiz"), "kind 'quiz'"),
    (lambda d: d["items"][0].update(result="great"), "unknown result"),
    (lambda d: d["items"][0].update(marked="yes"), "should be a bool"),
])
def test_a_malformed_assessment_entry_is_refused(story, change, message):
    record = copy.deepcopy(_record(story, 2))
    change(record["decisions"][0])
    with pytest.raises(RecordError, match=message):
        check_record(record)
