"""A virtual clock: the loop advances it by real time, tests advance it by hand.

Animations read only this clock, so a test that advances it by 0.5 s sees exactly what a player
sees half a second later, with no real waiting and no flakiness.
"""

from __future__ import annotations


class VirtualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def advance(self, seconds: float) -> None:
        """Move time forward (never back)."""
        self.now += max(0.0, seconds)


class Tween:
    """A value that moves from ``start`` to ``end`` over ``duration`` seconds of the virtual clock."""

    def __init__(self, clock: VirtualClock, start: float, end: float, duration: float):
        self.clock = clock
        self.start, self.end = start, end
        self.t0 = clock.now
        self.duration = max(0.0, duration)

    @property
    def done(self) -> bool:
        return self.duration == 0 or self.clock.now - self.t0 >= self.duration

    @property
    def value(self) -> float:
        if self.done:
            return self.end
        p = (self.clock.now - self.t0) / self.duration
        p = 1 - (1 - p) * (1 - p)  # ease out: calm, no bounce
        return self.start + (self.end - self.start) * p
