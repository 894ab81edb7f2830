"""The facilitator's report shows an individual assessment's items (issue 19): each item with how many
marked it, missed it (it applies) or flagged it (no basis in the facts), the items that apply starred
and explained. Real records of the fixture scenario, the real command line."""

from __future__ import annotations

import re
from html import unescape

from game.engine import auto_play
from game.exports import build_record, folder_writer, write_exports
from game.report.aggregate import decisions
from tests.engine.assessment_fixture import FIRST, SOURCE, story as load
from tests.exports import helpers
from tests.report.test_report import rightspath


def _records(story, seeds=range(6)):
    return [build_record(auto_play(story, seed), story, helpers.meta(seed)) for seed in seeds]


def test_the_summary_counts_each_item(tmp_path):
    story = load()
    records = _records(story)
    met = {d["node"]: d for d in decisions(records, story)}
    first = met[FIRST]
    assert first["kind"] == "assessment" and first["met"] == 6
    by_id = {o["id"]: o for o in first["options"]}
    assert list(by_id)[:2] == ["age", "disability"]  # authored order
    for iid, o in by_id.items():
        marked = sum(1 for r in records for i in r["decisions"][0]["items"] if i["id"] == iid and i["marked"])
        assert o["chosen"] == marked
        if o["recommended"]:  # applies: whoever did not mark it missed it
            assert o["missed"] == 6 - marked and o["flagged"] == 0
        else:
            assert o["flagged"] == marked and o["missed"] == 0
    assert by_id["age"]["recommended"] and not by_id["disability"]["recommended"]


def test_the_html_report_lists_the_items(tmp_path):
    story = load()
    for record in _records(story):
        write_exports(record, "json", folder_writer(tmp_path / "room"))
    out = tmp_path / "debrief.html"
    result = rightspath("report", tmp_path / "room", "--story", SOURCE, "-o", out)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    start = html.index(f'id="decision-{FIRST}"')
    block = unescape(html[start:html.index("</article>", start)])
    assert "<th>Item</th>" in block and "marked it" in block and "flagged" in block
    assert "She is 14, and so presumed to have specific protection needs." in block
    assert "★ Applies:" in block
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", block, flags=re.S)
    assert len([r for r in rows if "<td" in r]) == 12
