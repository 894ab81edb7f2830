"""Replays are attempts of one learner: the report counts each participant once and says which attempt
counts (issue 12). The same trainee code in another session is another participant."""

from __future__ import annotations

import csv
import io
import re

import pytest

from game.exports import build_record, folder_writer, write_exports
from tests.exports import helpers
from tests.report.test_report import rightspath


def table(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """S/T01 plays three times (09:00, 10:00, 11:00), S/T02 once, and S2/T01 (another person) once."""
    folder = tmp_path_factory.mktemp("attempts")
    story = helpers.story()
    plays = [("S", "T01", 9, 11), ("S", "T01", 10, 12), ("S", "T01", 11, 13), ("S", "T02", 9, 14),
             ("S2", "T01", 9, 15)]
    records = []
    for session, trainee, hour, seed in plays:
        record = build_record(helpers.played(seed, story), story, helpers.meta(
            0, session=session, trainee=trainee, started_at=f"2026-11-23T{hour:02d}:00:00Z",
            ended_at=f"2026-11-23T{hour:02d}:20:00Z"))
        write_exports(record, "json", folder_writer(folder / "in"))
        records.append(record)
    assert len({r["score"]["scaled"] for r in records[:3]}) > 1, "the three attempts should score differently"
    return folder, records


@pytest.mark.parametrize("rule", ["first", "best", "last", "all"])
def test_each_participant_is_counted_once_by_the_attempt_rule(room, rule):
    folder, records = room
    out = folder / f"csv-{rule}"
    result = rightspath("report", folder / "in", "-o", out, "--format", "csv", "--attempt", rule)
    assert result.returncode == 0, result.stderr
    t01 = records[:3]
    pick = {"first": [t01[0]], "last": [t01[2]], "all": t01,
            "best": [max(t01, key=lambda r: (r["score"]["scaled"], -t01.index(r)))]}[rule]
    expected = pick + records[3:]
    rows = table(out / "participants.csv")
    assert sorted((r["session"], r["trainee"], r["started_at"]) for r in rows) == \
        sorted((r["session"], r["trainee"], r["started_at"]) for r in expected)
    for row in rows:
        assert row["attempts"] == ("3" if (row["session"], row["trainee"]) == ("S", "T01") else "1")
        assert row["evidence"] == "unsigned file"
    overview = table(out / "overview.csv")[0]
    assert overview["participants"] == "3" and overview["played"] == "5" and overview["attempt_rule"] == rule
    assert overview["counted"] == str(len(expected))
    mean = sum(r["score"]["scaled"] for r in expected) / len(expected)
    assert float(overview["mean"]) == pytest.approx(mean, abs=1e-4)


def test_the_html_report_counts_participants_and_shows_attempts(room):
    folder, _ = room
    result = rightspath("report", folder / "in", "-o", folder / "r.html")
    assert result.returncode == 0, result.stderr
    assert "3 participant(s), attempt rule first (2 other attempt(s) not counted)" in result.stdout
    html = (folder / "r.html").read_text(encoding="utf-8")
    assert re.search(r'data-figure="participants">3<', html)
    assert "The first attempt of each is counted (2 other attempts are not; see --attempt)" in html
    assert html.count('data-attempts="3"') == 1 and html.count('data-attempts="1"') == 2
