"""Word wrap, measured by the caller: the one algorithm the screen (``game/ui/text.py``, with the
font's width) and the translations' overflow check (``game/i18n/layout.py``) both use, so what the
check says fits is what the screen draws. Standard library only; shipped with the game.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

Measure = Callable[[str], int]  # the width of a piece of text, in the caller's units (pixels)

_WORD = re.compile(r"\S+")


def wrap(text: str, measure: Measure, width: int, limit: int | None = None) -> list[str]:
    """Lines of ``text`` at most ``width`` wide; explicit newlines start new paragraphs, an empty
    paragraph is an empty line. Words move to the next line; a word wider than the line is split by
    characters, so nothing is ever cut off. With ``limit``, stops once it has that many lines.
    The work is proportional to the length of the text (each piece of a long word is found by
    measuring at most about twice its own length, never the rest of the word)."""
    lines = list(_lines(text, measure, width, limit))
    return lines[:limit] if limit is not None else lines


def _lines(text: str, measure: Measure, width: int, limit: int | None) -> Iterator[str]:
    count = 0
    for paragraph in text.split("\n"):
        if limit is not None and count >= limit:
            return
        current = ""
        for match in _WORD.finditer(paragraph):
            if limit is not None and count >= limit:
                return
            word = match.group(0)
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= width:
                current = candidate
                continue
            if current:
                yield current
                count += 1
            while len(word) > 1 and (limit is None or count < limit):  # a word wider than the line
                cut = fitting_prefix(word, lambda piece: measure(piece) <= width)
                if cut >= len(word):
                    break
                yield word[:cut]
                count += 1
                word = word[cut:]
            current = word
        yield current
        count += 1


def fitting_prefix(text: str, fits: Callable[[str], bool]) -> int:
    """The largest n >= 1 with ``fits(text[:n])``, or len(text) when all of it fits. Doubling, then
    halving: what is measured is bounded by about twice the answer, times the log of it."""
    good, probe = 1, 64
    while True:
        probe = min(probe, len(text))
        if not fits(text[:probe]):
            bad = probe
            break
        good = probe
        if probe == len(text):
            return probe
        probe *= 2
    while bad - good > 1:  # fits(text[:good]) holds (or good == 1), fits(text[:bad]) does not
        mid = (good + bad) // 2
        if fits(text[:mid]):
            good = mid
        else:
            bad = mid
    return good
