"""Playing a story in the terminal: for authors checking a draft, for scripted runs, and for tests.

The same score card is printed at the end of a headless UI playthrough, so the two can be compared.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Callable, TextIO

from game.engine import Run, Story
from game.engine.citations import display_id
from game.engine.scoring import RATING_LABELS, ScoreCard, rating
from game.engine.vocab import OUTCOME_LABELS, ROLE_LABELS, STAGE_LABELS
from game.errors import UserError

WIDTH = 88


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(textwrap.fill(p, WIDTH, initial_indent=indent, subsequent_indent=indent)
                     for p in str(text).split("\n") if p.strip()) or indent


def format_scorecard(card: ScoreCard, story: Story) -> str:
    """The score card, identical for text and headless UI playthroughs of the same choices."""
    lines = [
        "=" * WIDTH,
        f"SCORE CARD — {story.title} ({story.id} {story.version})",
        f"Ending: {card.ending_id or '(not reached)'}"
        + (f" — {OUTCOME_LABELS.get(card.outcome, card.outcome)}" if card.outcome else ""),
        f"Decisions: {card.decisions}   Recommended choices: {card.recommended}/{card.decisions}"
        f" ({card.recommended_share:.0%})",
        f"Rights score: {card.earned} (range {card.worst} to {card.best})   "
        f"Scaled: {card.scaled:.3f}   Mastery: {card.mastery:.2f}   "
        f"{'PASSED' if card.passed else 'NOT PASSED'}",
    ]
    if card.rights:
        lines.append(f"{'Right':<22}{'upheld':>8}{'breached':>10}{'not used':>10}{'missed':>8}  Citation")
        for rid, tally in card.rights.items():
            cite = story.right(rid).get("citation", rid)
            shown = display_id(rid, story.scenario.get("language", "en"))  # bg: 23(2)(г)
            lines.append(f"{shown:<22}{tally['upheld']:>8}{tally['breached']:>10}{tally.get('not_used', 0):>10}"
                         f"{tally['missed']:>8}  {cite}")
    lines.append("=" * WIDTH)
    return "\n".join(lines)


def _speaker(story: Story, who: str) -> str:
    if who == "narrator":
        return ""
    return story.characters.get(who, {}).get("name", who)


def play_text(
    story: Story,
    *,
    choices: list[str] | None = None,
    mode: str = "learning",
    seed: int = 0,
    out: TextIO = sys.stdout,
    ask: Callable[[str], str] | None = None,
) -> Run:
    """Play to an ending. With ``choices`` the run is scripted; otherwise ``ask`` reads each answer."""
    run = Run(story, seed=seed)
    queue = list(choices) if choices is not None else None
    stage = None
    say = lambda s="": print(s, file=out)  # noqa: E731
    say(_wrap(f"{story.title}"))
    if story.scenario.get("content_warning"):
        say(_wrap(f"Content warning: {story.scenario['content_warning']}"))
    while not run.ended:
        if run.stage != stage:
            stage = run.stage
            say()
            say(f"── {STAGE_LABELS.get(stage, stage)} " + "─" * max(0, WIDTH - 4 - len(STAGE_LABELS.get(stage, stage))))
        node = run.node
        if run.kind == "scene":
            for line in node.get("lines", ()):
                name = _speaker(story, line.get("speaker", "narrator"))
                say(_wrap(f"{name}: {line['text']}" if name else line["text"], "  "))
            run.advance()
            continue
        if run.kind == "assessment":  # an individual assessment (issue 19): game/textassess.py
            from game.textassess import play_assessment

            play_assessment(run, story, queue, ask or input, say, mode)
            continue
        views = run.choices()
        say()
        say(_wrap(f"[{ROLE_LABELS.get(node.get('role', ''), node.get('role', ''))}] {node.get('prompt', '')}"))
        for v in views:
            mark = "" if v.enabled else " (not available now)"
            say(_wrap(f"{v.index}. {v.text}{mark}", "   "))
        if queue is not None:
            if not queue:
                raise UserError(f"the scripted choices ran out at decision {run.node_id!r}; "
                                f"available: {', '.join(v.id for v in views if v.enabled)}", 2)
            cid = queue.pop(0)
            if cid.isdigit() and 1 <= int(cid) <= len(views):
                cid = views[int(cid) - 1].id
            if cid not in {v.id for v in views if v.enabled}:
                raise UserError(f"{cid!r} is not an available choice at decision {run.node_id!r}; "
                                f"available: {', '.join(v.id for v in views if v.enabled)}", 2)
        else:
            cid = _ask_choice(views, ask or input, say)
        result = run.choose(cid)
        say(f"   → {cid}")
        if mode == "learning":
            label = RATING_LABELS[rating(result.earned, result.best, result.worst)][0]
            say(_wrap(f"{label} ({result.earned:+d}; best {result.best:+d}).", "   "))
            for v in result.verdicts:
                right = story.right(v["right"])
                sign = {"upholds": "✓ upholds", "breaches": "✗ breaches",
                        "misses": "○ did not use the measure of"}[v["verdict"]]
                say(_wrap(f"{sign} {right.get('citation', v['right'])} — {right.get('title', '')}", "     "))
            feedback = next(v.data for v in views if v.id == cid).get("feedback", "")
            if feedback:
                say(_wrap(feedback, "     "))
            if result.deltas:
                changes = ", ".join(f"{story.variables[k].get('label', k)} {d:+d}" for k, d in result.deltas.items()
                                    if story.variables[k].get("shown", True) and d)
                if changes:
                    say(f"     ({changes})")
    if queue:
        raise UserError(f"{len(queue)} scripted choice(s) left over after the ending: {', '.join(queue)}", 2)
    ending = run.ending
    say()
    say(_wrap(f"ENDING — {ending.get('title', '')}"))
    say(_wrap(ending.get("text", ""), "  "))
    return run


def _ask_choice(views, ask, say) -> str:
    enabled = {str(v.index): v.id for v in views if v.enabled}
    while True:
        try:
            answer = ask(f"Your choice (1-{len(views)}): ").strip()
        except EOFError:
            raise UserError("input ended before the scenario did", 1) from None
        if answer in enabled:
            return enabled[answer]
        if answer in enabled.values():
            return answer
        say(f"   Please type one of: {', '.join(enabled)}")
