"""The debrief report says where each option stood as shown (issue 12): each playthrough has its order."""

from __future__ import annotations

import re
from collections import defaultdict
from html import unescape

from game.exports import build_record, folder_writer, write_exports
from tests.exports import helpers
from tests.report.test_report import rightspath


def _rows(block: str) -> dict[str, str]:
    """option text (start) -> the 'as shown' cell, from a decision's options table."""
    out = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", block, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        shown = re.findall(r'<td class="n shown">(.*?)</td>', row, flags=re.S)
        if cells and shown:
            out[unescape(re.sub(r"\s+", " ", cells[1]).strip())] = shown[0].strip()
    return out


def test_each_option_lists_the_positions_it_was_shown_at(tmp_path):
    story = helpers.story()
    records = []
    for seed in (0, 1, 2, 3):
        record = build_record(helpers.played(seed, story), story, helpers.meta(seed))
        write_exports(record, "json", folder_writer(tmp_path / "room"))
        records.append(record)
    out = tmp_path / "debrief.html"
    result = rightspath("report", tmp_path / "room", "-o", out)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "as shown" in html
    positions: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in records:
        for d in r["decisions"]:
            for pos, cid in enumerate(d["order"], 1):
                positions[d["node"]][cid].add(pos)
    checked = 0
    for node_id, by_option in positions.items():
        start = html.index(f'id="decision-{node_id}"')
        block = html[start:html.index("</article>", start)]
        rows = _rows(block)
        texts = {c["id"]: c["text"] for c in story.nodes[node_id]["choices"]}
        for cid, seen in by_option.items():
            cell = rows[re.sub(r"\s+", " ", texts[cid]).strip()]
            assert cell == ", ".join(str(p) for p in sorted(seen)), (node_id, cid, cell, seen)
            checked += 1
    assert checked >= 6
