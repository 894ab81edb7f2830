"""Seeded random playthroughs: for tests, benchmarks and ``play --auto``."""

from __future__ import annotations

import random

from game.engine.assessment import item_ids
from game.engine.run import Run
from game.engine.story import Story, StoryError

MAX_STEPS = 100_000


def auto_play(story: Story, seed: int) -> Run:
    """Play to an ending, choosing uniformly among the enabled choices with ``random.Random(seed)``."""
    rng = random.Random(seed)
    run = Run(story, seed=seed)
    for _ in range(MAX_STEPS):
        if run.ended:
            return run
        if run.kind == "scene":
            run.advance()
        elif run.kind == "assessment":
            # Each item marked with probability 1/2, drawn in authored order (as options are).
            run.assess({iid for iid in item_ids(run.node) if rng.random() < 0.5})
        else:
            # Drawn among the enabled options in authored order, not the order shown, so a seed
            # takes the same choices whatever order the options appear in.
            enabled = [c.id for c in sorted(run.choices(), key=lambda c: c.authored) if c.enabled]
            if not enabled:
                raise StoryError(f"{story.source}: decision {run.node_id!r} offers no enabled choice")
            run.choose(rng.choice(enabled))
    raise StoryError(f"{story.source}: no ending reached after {MAX_STEPS} steps (seed {seed})")


def marks_token(marks) -> str:
    """An assessment's marks as one entry of a choice list: '+' and the item ids joined by '+'
    ('+' alone: nothing marked). A choice id never holds '+', so the two cannot be confused."""
    return "+" + "+".join(sorted(marks))


def token_marks(token: str) -> set[str]:
    """The marks of a marks_token (ValueError for a token that is not one)."""
    if not token.startswith("+"):
        raise ValueError(f"{token!r} is not an assessment's marks (write '+item+item', or '+' for none)")
    return {part for part in token[1:].split("+") if part}


def auto_choices(story: Story, seed: int) -> list[str]:
    """The choice ids a seeded random playthrough takes, in order (an assessment: its marks_token)."""
    return [h.chosen if h.kind != "assessment" else marks_token(i["id"] for i in h.items if i["marked"])
            for h in auto_play(story, seed).history]


def play_choices(story: Story, choices: list[str], seed: int = 0) -> Run:
    """Play the given choice ids in order, advancing through scenes; stops at an ending or when out of choices."""
    run = Run(story, seed=seed)
    queue = list(choices)
    for _ in range(MAX_STEPS):
        if run.ended:
            break
        if run.kind == "scene":
            run.advance()
        elif queue and run.kind == "assessment":
            try:
                marks = token_marks(queue[0])
            except ValueError as exc:
                raise StoryError(f"at assessment {run.node_id!r}: {exc}") from None
            queue.pop(0)
            run.assess(marks)
        elif queue:
            run.choose(queue.pop(0))
        else:
            break
    if queue:
        raise StoryError(f"{len(queue)} choice(s) left over after the ending: {', '.join(queue)}")
    return run
