"""An individual assessment (issue 19) in the terminal, for ``play --text``: the sections and items
numbered in the order shown, the marks from the script (a marks token, '+a+b'; '+' for none) or
typed as item numbers, then (learning mode) each item's result with its provisions and why."""

from __future__ import annotations

import textwrap
from typing import Callable

from game.engine import Run, Story
from game.engine import assessment as assessing
from game.engine.autoplay import token_marks
from game.engine.vocab import ROLE_LABELS
from game.errors import UserError

WIDTH = 88
RESULT_WORDS = {
    "marked": "✓ marked, and it applies",
    "clear": "✓ rightly left unmarked",
    "missed": "○ missed: it applies, and was not marked",
    "flagged": "✗ flagged: marked without a basis in the facts",
}


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def numbered(run: Run) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """(section id, title, [(number, item id)]) in the order shown; numbers count from 1 over the form."""
    node = run.node
    titles = {s["id"]: s.get("title", s["id"]) for s in node.get("sections", ())}
    titles[assessing.MEASURES] = (node.get("measures") or {}).get("title", "Measures that follow")
    out, n = [], 0
    for section, ids in run.assessment_order().items():
        rows = []
        for iid in ids:
            n += 1
            rows.append((n, iid))
        out.append((section, titles.get(section, section), rows))
    return out


def play_assessment(run: Run, story: Story, queue: list[str] | None, ask: Callable[[str], str], say,
                    mode: str) -> None:
    node = run.node
    items = {i["id"]: i for i in assessing.items(node)}
    say()
    say(_wrap(f"[{ROLE_LABELS.get(node.get('role', ''), node.get('role', ''))}] {node.get('prompt', '')}"))
    start = run.start_marks()
    if node.get("revises"):
        say(_wrap("This assessment updates an earlier one (Art. 22(7)); it starts from the marks given then.", "   "))
    form = numbered(run)
    by_number = {}
    for _section, title, rows in form:
        say(f"   {title}")
        for n, iid in rows:
            by_number[str(n)] = iid
            box = "[x]" if iid in start else "[ ]"
            say(_wrap(f"{n:>2}. {box} {items[iid].get('text', iid)}", "     "))
    if queue is not None:
        if not queue:
            raise UserError(f"the scripted choices ran out at assessment {run.node_id!r}", 2)
        token = queue.pop(0)
        try:
            marks = token_marks(token)
        except ValueError as exc:
            raise UserError(f"at assessment {run.node_id!r}: {exc}", 2) from None
        unknown = sorted(marks - set(items))
        if unknown:
            raise UserError(f"{', '.join(unknown)}: not an item of assessment {run.node_id!r}; items: "
                            f"{', '.join(items)}", 2)
    else:
        marks = _ask_marks(by_number, start, ask, say)
    rec = run.assess(marks)
    say(f"   → marked: {', '.join(i['id'] for i in rec.items if i['marked']) or 'nothing'}")
    right = sum(1 for i in rec.items if i["result"] in ("marked", "clear"))
    say(_wrap(f"{right} of {len(rec.items)} items right ({rec.earned:+d}; best {rec.best:+d}).", "   "))
    if mode != "learning":
        return
    for item in rec.items:
        say(_wrap(f"{RESULT_WORDS[item['result']]}: {items[item['id']].get('text', item['id'])}", "   "))
        for v in item["verdicts"]:
            right_ = story.right(v["right"])
            sign = {"upholds": "upholds", "breaches": "breaches", "misses": "does not use the measure of"}[v["verdict"]]
            if v["verdict"] == "misses" and not item["measure"]:  # a characteristic, not a measure
                sign = "not taken into account:" if item["result"] == "missed" else "no basis in the facts for"
            say(_wrap(f"{sign} {right_.get('citation', v['right'])} — {right_.get('title', '')}", "       "))
        if items[item["id"]].get("feedback"):
            say(_wrap(items[item["id"]]["feedback"], "       "))
    if rec.deltas:
        changes = ", ".join(f"{story.variables[k].get('label', k)} {d:+d}" for k, d in rec.deltas.items()
                            if story.variables[k].get("shown", True) and d)
        if changes:
            say(f"     ({changes})")


def _ask_marks(by_number: dict[str, str], start: set[str], ask, say) -> set[str]:
    while True:
        try:
            answer = ask("Items to mark (numbers separated by spaces; Enter keeps the marks shown): ").strip()
        except EOFError:
            raise UserError("input ended before the scenario did", 1) from None
        if not answer:
            return set(start)
        words = answer.replace(",", " ").split()
        if all(w in by_number for w in words):
            return {by_number[w] for w in words}
        say(f"   Please type item numbers from 1 to {len(by_number)}")
