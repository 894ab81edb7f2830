"""Text layout: word wrapping to a width, and paging to a height."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.wordwrap import fitting_prefix, wrap as wrap_measured


def wrap(text: str, font: pygame.font.Font, width: int, limit: int | None = None) -> list[str]:
    """Lines of ``text`` that fit ``width`` pixels; explicit newlines start new paragraphs.

    A word longer than the width is split by characters so nothing is ever cut off. With
    ``limit``, stops once it has that many lines (a box that shows three lines needs no more).
    The work is proportional to the length of the text wrapped (each piece of a long word is found
    by measuring at most about twice its own length, never the rest of the word)."""
    return list(_wrap_cached(text, font, width, limit))


@lru_cache(maxsize=2048)
def _wrap_cached(text: str, font: pygame.font.Font, width: int, limit: int | None) -> tuple[str, ...]:
    return tuple(wrap_measured(text, lambda piece: font.size(piece)[0], width, limit))  # game/wordwrap.py


def _fitting_prefix(text: str, font: pygame.font.Font, width: int, fits=None) -> int:
    """The largest n >= 1 with ``fits(text[:n])`` (default: it is at most ``width`` wide), or
    len(text) when all of it does. Doubling, then halving: what is measured is bounded by about
    twice the answer, times the log of it."""
    return fitting_prefix(text, fits or (lambda piece: font.size(piece)[0] <= width))


ELLIPSIS = "…"


def clip_lines(text: str, font: pygame.font.Font, width: int, max_lines: int) -> list[str]:
    """At most ``max_lines`` wrapped lines; when text is cut, the last line ends in an ellipsis that
    still fits ``width`` (measured, so it holds in every language and text size)."""
    rows = max(1, max_lines)
    lines = wrap(text, font, width, limit=rows + 1)
    if len(lines) <= rows:
        return lines
    lines = lines[:rows]
    last = lines[-1].rstrip(" .,;:")
    marked = f"{last} {ELLIPSIS}"
    lines[-1] = marked if font.size(marked)[0] <= width else _cut_to_fit(last, font, width)
    return lines


def ellipsize(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` if it fits on one line of ``width``, else its longest start that fits with "…"."""
    if font.size(text)[0] <= width:
        return text
    return _cut_to_fit(text, font, width)


def _cut_to_fit(text: str, font: pygame.font.Font, width: int) -> str:
    if not text or font.size(text[:1].rstrip(" .,;:") + ELLIPSIS)[0] > width:
        cut = 0
    else:
        cut = _fitting_prefix(text, font, width, lambda piece: font.size(piece.rstrip(" .,;:") + ELLIPSIS)[0] <= width)
    head = text[:cut]
    space = head.rfind(" ")
    if cut < len(text) and text[cut] != " " and space > len(head) // 2:
        head = head[:space]  # end at a word when that keeps most of the line
    return head.rstrip(" .,;:") + ELLIPSIS


def paginate(lines: list[str], line_height: int, height: int) -> list[list[str]]:
    """Split lines into pages that fit ``height``; always at least one page."""
    per_page = max(1, height // max(1, line_height))
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    return pages or [[]]


def line_height(font: pygame.font.Font) -> int:
    return round(font.get_linesize() * 1.12)


def draw_lines(surface, book, lines, font, color, x: int, y: int, lh: int | None = None, align="left", width=0) -> int:
    """Blit lines top-down from (x, y); return the y below the last line."""
    lh = lh or line_height(font)
    for line in lines:
        if line:
            img = book.render(line, font, color)
            dx = x
            if align == "center":
                dx = x + (width - img.get_width()) // 2
            elif align == "right":
                dx = x + width - img.get_width()
            surface.blit(img, (dx, y))
        y += lh
    return y


def fit(book, text: str, size: int, width: int, max_lines: int = 1, height: int | None = None,
        bold: bool = False, smallest: int | None = None) -> tuple[pygame.font.Font, list[str]]:
    """(font, lines) for ``text`` in a box: the largest size from ``size`` px down to ``smallest``
    (default three quarters of it) at which it wraps into ``max_lines`` lines of ``width`` without
    breaking a word (and, given ``height``, the lines fit it); at the smallest size, the lines cut
    with an ellipsis. Measured, so a longer language shrinks or ellipsizes instead of spilling."""
    smallest = min(size, smallest or max(12, round(size * 0.75)))
    for px in range(size, smallest - 1, -1):
        font = book.font_px(px, bold)
        lines = wrap(text, font, width, limit=max_lines + 1)  # more than max_lines: too long at px
        if len(lines) > max_lines or (height is not None and len(lines) * line_height(font) > height):
            continue
        # All of the text is in these few lines, so checking its words costs little.
        if any(font.size(w)[0] > width for w in text.split()):
            continue
        return font, lines
    font = book.font_px(smallest, bold)
    rows = max_lines if height is None else max(1, min(max_lines, height // line_height(font)))
    lines = clip_lines(text, font, width, rows)
    return font, [ellipsize(line, font, width) for line in lines]
