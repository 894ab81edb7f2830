"""The record keeps the order each decision's options were shown in (issue 12): "option 3 as shown"."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from game.exports import build_record, record_from_json, record_from_statements, record_to_json, statements
from game.exports.record import RecordError
from game.exports.tables import decisions_csv
from game.exports.xapi import EXT
from tests.exports import helpers


@pytest.mark.parametrize("seed", range(4))
def test_each_decision_records_the_order_shown(seed):
    story = helpers.story()
    run = helpers.played(seed, story)
    record = build_record(run, story, helpers.meta(seed))
    helpers.validate(record)
    for d, rec in zip(record["decisions"], run.history):
        assert d["order"] == rec.order and d["order"], d
        # every option that was on screen, enabled or not, exactly once
        assert sorted(d["order"]) == sorted(d["shown"] + d["disabled"])
        assert d["chosen"] in d["order"]
    assert record_from_json(record_to_json(record)) == record


def test_the_order_differs_between_seeds_so_it_is_really_recorded():
    story = helpers.story()
    orders = {json.dumps([d["order"] for d in build_record(helpers.played(s, story), story,
                                                          helpers.meta(s))["decisions"][:3]])
              for s in range(8)}
    assert len(orders) > 1


def test_the_schema_and_the_reader_refuse_a_bad_order():
    story = helpers.story()
    record = build_record(helpers.played(1, story), story, helpers.meta(1))
    bad = copy.deepcopy(record)
    bad["decisions"][0]["order"] = "1,2,3"
    with pytest.raises(jsonschema.ValidationError):
        helpers.validate(bad)
    with pytest.raises(RecordError, match=r"decisions\[0\]\.order"):
        record_from_json(json.dumps(bad))


def test_a_record_from_before_the_order_was_kept_is_still_read():
    story = helpers.story()
    record = build_record(helpers.played(2, story), story, helpers.meta(2))
    old = copy.deepcopy(record)
    for d in old["decisions"]:
        del d["order"]
    helpers.validate(old)
    assert record_from_json(json.dumps(old))["decisions"][0]["chosen"] == record["decisions"][0]["chosen"]


def test_xapi_carries_the_order_shown_and_the_position_chosen():
    story = helpers.story()
    record = build_record(helpers.played(3, story), story, helpers.meta(3))
    stmts = statements(record)
    answered = [s for s in stmts if s["verb"]["id"].endswith("/answered")]
    assert len(answered) == len(record["decisions"])
    for s, d in zip(answered, record["decisions"]):
        assert s["result"]["extensions"][EXT + "shown-order"] == d["order"]
        assert s["result"]["extensions"][EXT + "shown-position"] == d["order"].index(d["chosen"]) + 1
    assert record_from_statements(json.loads(json.dumps(stmts))) == record


def test_the_decisions_table_says_which_option_as_shown():
    import csv
    import io

    story = helpers.story()
    record = build_record(helpers.played(5, story, votes=True), story, helpers.meta(5))
    rows = list(csv.DictReader(io.StringIO(decisions_csv(record).lstrip("\ufeff"))))
    assert len(rows) == len(record["decisions"])
    for row, d in zip(rows, record["decisions"]):
        assert row["shown_position"] == str(d["order"].index(d["chosen"]) + 1)
        assert row["shown_order"] == ";".join(d["order"])


def test_replay_checks_the_order_and_still_accepts_a_record_from_before_it_was_kept():
    """The order shown follows from the seed, so a changed order is caught like any other figure; a
    record written before the order was kept (no decisions[].order) was played as authored and
    replays so."""
    from game.exports.replay import replay_record

    story = helpers.story()
    record = build_record(helpers.played(1, story), story, helpers.meta(1))
    assert replay_record(record, lambda r: story).ok
    forged = copy.deepcopy(record)
    forged["decisions"][0]["order"] = list(reversed(forged["decisions"][0]["order"]))
    result = replay_record(forged, lambda r: story)
    assert not result.ok and "order" in result.reason
    old = copy.deepcopy(record)
    for d in old["decisions"]:
        del d["order"]
    assert replay_record(old, lambda r: story).ok, replay_record(old, lambda r: story).reason
