"""Seeded random playthroughs: for tests, benchmarks and ``play --auto``."""

from __future__ import annotations

import random

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
        else:
            # Drawn among the enabled options in authored order, not the order shown, so a seed
            # takes the same choices whatever order the options appear in.
            enabled = [c.id for c in sorted(run.choices(), key=lambda c: c.authored) if c.enabled]
            if not enabled:
                raise StoryError(f"{story.source}: decision {run.node_id!r} offers no enabled choice")
            run.choose(rng.choice(enabled))
    raise StoryError(f"{story.source}: no ending reached after {MAX_STEPS} steps (seed {seed})")


def auto_choices(story: Story, seed: int) -> list[str]:
    """The choice ids a seeded random playthrough takes, in order."""
    return [h.chosen for h in auto_play(story, seed).history]


def play_choices(story: Story, choices: list[str], seed: int = 0) -> Run:
    """Play the given choice ids in order, advancing through scenes; stops at an ending or when out of choices."""
    run = Run(story, seed=seed)
    queue = list(choices)
    for _ in range(MAX_STEPS):
        if run.ended:
            break
        if run.kind == "scene":
            run.advance()
        elif queue:
            run.choose(queue.pop(0))
        else:
            break
    if queue:
        raise StoryError(f"{len(queue)} choice(s) left over after the ending: {', '.join(queue)}")
    return run
