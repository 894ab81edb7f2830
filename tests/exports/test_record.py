"""The playthrough record: built from real runs, valid against the committed schema, round trips."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from game.exports import RecordError, build_record, check_record, record_from_json, record_to_json
from tests.exports import helpers


@pytest.mark.parametrize("seed", range(6))
def test_record_matches_the_run_and_the_schema(seed):
    story = helpers.story()
    run = helpers.played(seed, story)
    record = build_record(run, story, helpers.meta(seed))
    helpers.validate(record)
    card = run.score()
    assert record["scenario"] == {"id": story.id, "version": story.version, "content_hash": story.hash,
                                  "title": story.title, "language": story.scenario.get("language", "en")}
    assert [d["node"] for d in record["decisions"]] == [h.node for h in run.history]
    assert [d["chosen"] for d in record["decisions"]] == [h.chosen for h in run.history]
    assert [d["index"] for d in record["decisions"]] == list(range(1, len(run.history) + 1))
    assert record["score"]["scaled"] == card.scaled and record["score"]["passed"] == card.passed
    assert record["rights"] == card.rights
    assert record["finished"] is True and record["ending"]["id"] == run.node_id
    assert record["outcome"] == run.ending["outcome"]
    assert record["started_at"] == "2026-11-23T09:00:00Z" and record["ended_at"] == "2026-11-23T09:25:00Z"
    assert record["trainee"] == f"T{seed:03d}" and record["country"] == "SI"


def test_facilitated_votes_and_seconds_are_kept():
    story = helpers.story()
    run = helpers.played(4, story, votes=True, seconds=True)
    record = build_record(run, story, helpers.meta(mode="facilitated"))
    helpers.validate(record)
    assert record["mode"] == "facilitated"
    for d, h in zip(record["decisions"], run.history):
        assert d["votes"] == h.votes and set(d["votes"]) == set(d["shown"])
        assert d["seconds"] == h.seconds and d["seconds"] > 0


def test_unfinished_run_has_no_ending():
    story = helpers.story()
    record = build_record(helpers.unfinished(story), story, helpers.meta())
    helpers.validate(record)
    assert record["finished"] is False and record["ending"] is None and record["outcome"] is None
    assert len(record["decisions"]) == 1


def test_session_key_and_unknown_meta_never_enter_the_record():
    story = helpers.story()
    record = build_record(helpers.played(0, story), story, helpers.meta(session_key="SECRET-KEY", password="x"))
    text = record_to_json(record)
    assert "SECRET-KEY" not in text and "password" not in text
    helpers.validate(record)


def test_optional_fields_default_and_times_normalise_to_utc():
    story = helpers.story()
    record = build_record(helpers.played(1, story), story, {
        "trainee": "Ana", "started_at": "2026-11-23T10:00:00+01:00", "ended_at": "2026-11-23T09:30:00.250+00:00"})
    helpers.validate(record)
    assert record["started_at"] == "2026-11-23T09:00:00Z" and record["ended_at"] == "2026-11-23T09:30:00Z"
    assert record["role"] is None and record["country"] is None and record["organisation_type"] is None
    assert record["session"] == "" and record["mode"] == "learning"


def test_start_after_end_is_refused():
    story = helpers.story()
    with pytest.raises(RecordError, match="after"):
        build_record(helpers.played(1, story), story, helpers.meta(started_at="2026-11-23T10:00:00Z"))
    with pytest.raises(RecordError, match="ISO 8601"):
        build_record(helpers.played(1, story), story, helpers.meta(ended_at="yesterday"))


@pytest.mark.parametrize("seed", range(4))
def test_json_round_trip(seed):
    story = helpers.story()
    record = build_record(helpers.played(seed, story, votes=seed % 2 == 0, seconds=True), story,
                          helpers.meta(seed, trainee="Žana «Ñ» 😊", session="Sesión-1"))
    text = record_to_json(record)
    assert text.endswith("\n") and "Žana" in text  # UTF-8 kept, not escaped
    again = record_from_json(text)
    assert again == record
    assert record_to_json(again) == text  # canonical: the same bytes again
    helpers.validate(again)


def test_schema_rejects_what_the_reader_rejects():
    story = helpers.story()
    record = build_record(helpers.played(0, story), story, helpers.meta())
    broken = json.loads(record_to_json(record))
    broken["decisions"][0]["verdicts"][0]["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        helpers.validate(broken)
    broken = json.loads(record_to_json(record))
    broken["record_version"] = 3
    with pytest.raises(jsonschema.ValidationError):
        helpers.validate(broken)


@pytest.mark.parametrize("text,reason", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "not a RightsPath record"),
    ('{"format": "rightspath-save"}', "not a RightsPath record"),
    ('{"format": "rightspath-record", "record_version": 7}', "unknown record version 7"),
    ('{"format": "rightspath-record", "record_version": 1}', "missing"),
])
def test_reader_gives_reasons(text, reason):
    with pytest.raises(RecordError, match=reason):
        record_from_json(text)


def test_reader_rejects_bad_bytes_and_scores():
    with pytest.raises(RecordError, match="UTF-8"):
        record_from_json(b"\xff\xfe{}")
    story = helpers.story()
    record = build_record(helpers.played(0, story), story, helpers.meta())
    record["score"]["scaled"] = 1.5
    with pytest.raises(RecordError, match="scaled"):
        check_record(record)


@pytest.mark.parametrize("path,value,where", [
    (("decisions", 0, "best_choices"), None, "decisions[0].best_choices"),
    (("decisions", 0, "verdicts", 0, "weight"), "2", "decisions[0].verdicts[0].weight"),
    (("score", "passed"), 1, "score.passed"),
    (("rights",), [], "rights"),
    (("ending",), {"id": "x"}, "ending.outcome is missing"),
])
def test_every_field_the_tools_read_is_checked(path, value, where):
    story = helpers.story()
    record = json.loads(record_to_json(build_record(helpers.played(0, story), story, helpers.meta())))
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(RecordError, match=re.escape(where)):
        check_record(record)
    with pytest.raises(jsonschema.ValidationError):
        helpers.validate(record)  # the committed schema agrees
