"""A virtual clock: the loop advances it by real time, tests advance it by hand.

Timers and animations read only this clock, so a test that advances it by 0.5 s sees exactly what a
player sees half a second later, with no real waiting and no flakiness.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(order=True)
class _Timer:
    due: float
    seq: int
    callback: Callable[[], None] = field(compare=False)
    cancelled: bool = field(default=False, compare=False)


class VirtualClock:
    def __init__(self) -> None:
        self.now = 0.0
        self._timers: list[_Timer] = []
        self._seq = 0

    def schedule(self, delay: float, callback: Callable[[], None]) -> _Timer:
        self._seq += 1
        timer = _Timer(self.now + max(0.0, delay), self._seq, callback)
        self._timers.append(timer)
        self._timers.sort()
        return timer

    def cancel_all(self) -> None:
        for t in self._timers:
            t.cancelled = True
        self._timers.clear()

    def advance(self, seconds: float) -> int:
        """Move time forward and fire the timers that fall due; return how many fired."""
        self.now += max(0.0, seconds)
        fired = 0
        while self._timers and self._timers[0].due <= self.now:
            timer = self._timers.pop(0)
            if not timer.cancelled:
                timer.callback()
                fired += 1
        return fired

    def pending(self) -> int:
        return sum(1 for t in self._timers if not t.cancelled)

    def next_due(self) -> float | None:
        live = [t.due for t in self._timers if not t.cancelled]
        return min(live) if live else None


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
