"""Seeded random playthroughs: for tests, benchmarks and ``play --auto``."""

from __future__ import annotations

import random
from typing import Callable, Iterable

from game.engine.assessment import item_ids
from game.engine.run import Run
from game.engine.story import Story, StoryError

MAX_STEPS = 100_000

# What to do at the run's current decision (a choice id) or assessment (the item ids marked);
# None stops the playthrough where it is.
Pick = Callable[[Run], "str | Iterable[str] | None"]


def play_to_end(run: Run, pick: Pick, *, what: str = "") -> Run:
    """The one "play to an ending" loop: through the scenes, taking ``pick(run)`` at each decision
    or assessment, until an ending (or until ``pick`` says None). StoryError when no ending comes
    within MAX_STEPS steps (``what`` is added to that message)."""
    for _ in range(MAX_STEPS):
        if run.ended:
            return run
        if run.kind == "scene":
            run.advance()
            continue
        step = pick(run)
        if step is None:
            return run
        if run.kind == "assessment":
            run.assess(step)
        else:
            run.choose(step)
    raise StoryError(f"{run.story.source}: no ending reached after {MAX_STEPS} steps{what}")


def auto_play(story: Story, seed: int) -> Run:
    """Play to an ending, choosing uniformly among the enabled choices with ``random.Random(seed)``."""
    rng = random.Random(seed)

    def pick(run: Run):
        if run.kind == "assessment":
            # Each item marked with probability 1/2, drawn in authored order (as options are).
            return {iid for iid in item_ids(run.node) if rng.random() < 0.5}
        # Drawn among the enabled options in authored order, not the order shown, so a seed
        # takes the same choices whatever order the options appear in.
        enabled = [c.id for c in sorted(run.choices(), key=lambda c: c.authored) if c.enabled]
        if not enabled:
            raise StoryError(f"{story.source}: decision {run.node_id!r} offers no enabled choice")
        return rng.choice(enabled)

    return play_to_end(Run(story, seed=seed), pick, what=f" (seed {seed})")


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
    queue = list(choices)

    def pick(run: Run):
        if not queue:
            return None
        if run.kind == "assessment":
            try:
                return token_marks(queue.pop(0))
            except ValueError as exc:
                raise StoryError(f"at assessment {run.node_id!r}: {exc}") from None
        return queue.pop(0)

    run = play_to_end(Run(story, seed=seed), pick)
    if queue:
        raise StoryError(f"{len(queue)} choice(s) left over after the ending: {', '.join(queue)}")
    return run
