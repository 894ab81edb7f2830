"""CSV exports read back with the csv module; formula injection is neutralised."""

from __future__ import annotations

import csv
import io
import json

import pytest

from game.exports import build_record, decisions_csv, sign_record, summary_csv
from game.exports.tables import DECISION_COLUMNS, SUMMARY_COLUMNS, neutralise
from tests.exports import helpers


def read(text: str) -> list[dict]:
    assert text.startswith("\ufeff"), "CSV exports start with a UTF-8 byte-order mark"
    data = text.encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return rows


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


@pytest.mark.parametrize("seed", range(4))
def test_decisions_table_matches_the_record(seed):
    story = helpers.story()
    record = build_record(helpers.played(seed, story, votes=True, seconds=True), story, helpers.meta(seed))
    helpers.validate(record)
    rows = read(decisions_csv(record))
    assert len(rows) == len(record["decisions"])
    assert list(rows[0]) == list(DECISION_COLUMNS)
    for row, d in zip(rows, record["decisions"]):
        assert row["session"] == record["session"] and row["trainee"] == record["trainee"]
        assert row["scenario_id"] == record["scenario"]["id"]
        assert int(row["index"]) == d["index"] and row["node"] == d["node"] and row["stage"] == d["stage"]
        assert row["shown"].split(";") == d["shown"] and row["chosen"] == d["chosen"]
        assert json.loads(row["votes"]) == d["votes"]
        assert float(row["seconds"]) == d["seconds"]
        assert (int(row["earned"]), int(row["best"]), int(row["worst"])) == (d["earned"], d["best"], d["worst"])
        assert row["recommended"] == yes_no(d["recommended"])
        assert row["best_choices"].split(";") == d["best_choices"]
        verdicts = [v.rsplit(":", 2) for v in row["verdicts"].split(";")] if row["verdicts"] else []
        assert [{"right": r, "verdict": v, "weight": int(w)} for r, v, w in verdicts] == d["verdicts"]
        assert json.loads(row["deltas"]) == d["deltas"]


def test_summary_row_matches_the_record():
    story = helpers.story()
    record = sign_record(build_record(helpers.played(2, story), story, helpers.meta(2)), "key")
    helpers.validate(record)
    (row,) = read(summary_csv(record))
    assert list(row) == list(SUMMARY_COLUMNS)
    s = record["score"]
    assert row["trainee"] == "T002" and row["role"] == "police_officer" and row["country"] == "SI"
    assert row["content_hash"] == record["scenario"]["content_hash"]
    assert row["started_at"] == record["started_at"] and row["ended_at"] == record["ended_at"]
    assert float(row["scaled"]) == s["scaled"] and float(row["mastery"]) == s["mastery"]
    assert row["passed"] == yes_no(s["passed"]) and int(row["decisions"]) == s["decisions"]
    assert row["ending"] == record["ending"]["id"] and row["outcome"] == record["outcome"]
    assert row["record_signature"] == record["signature"]["value"]
    rights = dict(item.split("=") for item in row["rights"].split(";"))
    assert {rid: "{upheld}/{breached}/{missed}".format(**t) for rid, t in record["rights"].items()} == rights


@pytest.mark.parametrize("evil", [
    "=HYPERLINK(\"http://x.invalid\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR",
    "  =1+1", " \t@x",
])
def test_formula_cells_are_neutralised(evil):
    story = helpers.story()
    record = build_record(helpers.played(0, story), story, helpers.meta(trainee=evil, session=evil))
    helpers.validate(record)
    for text in (decisions_csv(record), summary_csv(record)):
        for row in read(text):
            assert row["trainee"] == "'" + evil
    (row,) = read(summary_csv(record))
    assert row["session"] == "'" + evil


def test_harmless_text_and_negative_numbers_are_left_alone():
    assert neutralise("Ana-Maria") == "Ana-Maria"
    assert neutralise("a=b") == "a=b"
    assert neutralise(-3) == -3 and neutralise(None) is None
    story = helpers.story()
    worst = None
    for seed in range(30):  # find a playthrough with a negative decision score
        record = build_record(helpers.played(seed, story), story, helpers.meta())
        if any(d["earned"] < 0 for d in record["decisions"]):
            worst = record
            break
    assert worst is not None, "the scenario should have at least one option that breaches a right"
    rows = read(decisions_csv(worst))
    assert any(r["earned"].startswith("-") and int(r["earned"]) < 0 for r in rows)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_any_trainee_text_reads_back_as_itself_or_neutralised(text):
    from game.exports.tables import rows_csv

    (row,) = read(rows_csv(("trainee",), [{"trainee": text}]))
    # csv with newline="" keeps every character; only the apostrophe may be added, and only when needed
    dangerous = text[0] in "\t\r" or text.strip()[:1] in ("=", "+", "-", "@")
    assert row["trainee"] == ("'" + text if dangerous else text)
    assert not row["trainee"].strip()[:1] in ("=", "+", "-", "@") or row["trainee"].startswith("'")
