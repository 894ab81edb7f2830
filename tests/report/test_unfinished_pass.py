"""A pass counts only for a playthrough that reached an ending (issue 12): a run stopped after its good
first decisions, or a record cut down to them by whoever holds its key, replays correctly and scores
high, but the report does not count it as passed."""

from __future__ import annotations

import csv
import io

from game.engine import Run
from game.exports import build_record, folder_writer, write_exports
from tests.exports import helpers
from tests.report.test_report import rightspath


def table(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def best_first_decision_only(story) -> Run:
    run = Run(story, seed=3)
    while run.kind == "scene":
        run.advance()
    node = story.nodes[run.node_id]
    best = max(node["choices"], key=lambda c: sum(a["weight"] if a["verdict"] == "upholds" else -a["weight"]
                                                   for a in c.get("assess", ())))
    run.choose(best["id"])
    return run


def test_a_high_scoring_unfinished_run_is_not_a_pass(tmp_path):
    story = helpers.story()
    run = best_first_decision_only(story)
    record = build_record(run, story, helpers.meta(0, session="S", trainee="CUT"))
    assert not record["finished"] and record["score"]["scaled"] >= record["score"]["mastery"]
    finished = build_record(helpers.played(11, story), story, helpers.meta(1, session="S", trainee="FULL"))
    for r in (record, finished):
        write_exports(r, "json", folder_writer(tmp_path / "in"))
    result = rightspath("report", tmp_path / "in", "-o", tmp_path / "out", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = {r["trainee"]: r for r in table(tmp_path / "out" / "participants.csv")}
    assert rows["CUT"]["passed"].lower() in ("false", "no", "0", "")
    overview = table(tmp_path / "out" / "overview.csv")[0]
    assert int(overview["passed"]) == (1 if finished["score"]["passed"] and finished["finished"] else 0)
