"""The facilitator's report says where the facilitator did not play the room's choice (issues 18 and
15): an overrule with the room's choice, the option played and the reason; a choice played and then
undone, and what was played instead. Undone choices count in no figure. Real records, the real
command line, the bundled scenario."""

from __future__ import annotations

import re
from html import unescape

from game.exports import build_record, folder_writer, write_exports
from tests.exports import helpers
from tests.exports.test_undo import undone_run
from tests.report.test_report import rightspath

REASON = "The room wanted to see what a rushed start costs."


def test_the_report_lists_overrules_and_undone_choices_and_counts_neither(tmp_path):
    story = helpers.story()
    run, undo, _rec = undone_run(story)
    other = next(cid for cid in run.history[0].shown if cid != run.history[0].chosen)
    changed = build_record(run, story, helpers.meta(1, session="ROOM-1", mode="facilitated", undone=[undo],
                                                    overrules={1: {"room_choice": other, "reason": REASON}}))
    plain = build_record(run, story, helpers.meta(1, session="ROOM-1", mode="facilitated"))
    for folder, record in (("changed", changed), ("plain", plain)):
        write_exports(record, "json", folder_writer(tmp_path / folder))
    pages = {}
    for folder in ("changed", "plain"):
        out = tmp_path / f"{folder}.html"
        result = rightspath("report", tmp_path / folder, "--story", helpers.scenario_path(), "-o", out)
        assert result.returncode == 0, result.stderr
        pages[folder] = unescape(out.read_text(encoding="utf-8"))
    assert 'id="changes"' not in pages["plain"]
    html = pages["changed"]
    section = html[html.index('id="changes"'):html.index("</section>", html.index('id="changes"'))]
    text = {c["id"]: c.get("text", "") for n in story.nodes.values() for c in n.get("choices", ())}
    first = story.nodes[run.history[0].node]
    assert first["prompt"] in section
    assert f"Overruled: the room chose “{text[other]}”; “{text[run.history[0].chosen]}” was played." in section
    assert REASON in section
    assert (f"Undone: “{text[undo['chosen']]}” was played, then taken back; “{text[run.history[1].chosen]}” "
            "was played instead.") in section
    # the figures are those of the record without the changes
    figures = lambda page: re.findall(r'data-figure="[a-z-]+">([^<]*)<', page)  # noqa: E731
    assert figures(html) == figures(pages["plain"])
