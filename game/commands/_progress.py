"""A plain-text progress bar on stderr: redrawn in place on a terminal, a few lines in a log."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30


class Progress:
    def __init__(self, label: str, total: int, *, unit: str = "", enabled: bool = True,
                 stream: TextIO | None = None):
        self.label, self.total, self.unit = label, max(0, total), unit
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.done = 0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_quarter = -1
        self._drawn = False

    def _line(self) -> str:
        filled = WIDTH * self.done // self.total
        return (f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total}"
                + (f" {self.unit}" if self.unit else ""))

    def advance(self, n: int = 1) -> None:
        if not self.enabled:
            return
        self.done = min(self.total, self.done + n)
        if self.tty:
            self.stream.write("\r" + self._line())
            self._drawn = True
        else:  # logs get a line at 0, 25, 50, 75 and 100 %
            quarter = 4 * self.done // self.total
            if quarter != self._last_quarter:
                self._last_quarter = quarter
                self.stream.write(self._line() + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
