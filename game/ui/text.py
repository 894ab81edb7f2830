"""Text layout: word wrapping to a width, and paging to a height."""

from __future__ import annotations

from functools import lru_cache

import pygame


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Lines of ``text`` that fit ``width`` pixels; explicit newlines start new paragraphs.

    A word longer than the width is split by characters so nothing is ever cut off."""
    return list(_wrap_cached(text, font, width))


@lru_cache(maxsize=2048)
def _wrap_cached(text: str, font: pygame.font.Font, width: int) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            # A single word wider than the line: break it where it must.
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return tuple(lines)


ELLIPSIS = "…"


def clip_lines(text: str, font: pygame.font.Font, width: int, max_lines: int) -> list[str]:
    """At most ``max_lines`` wrapped lines; when text is cut, the last line ends in an ellipsis that
    still fits ``width`` (measured, so it holds in every language and text size)."""
    lines = wrap(text, font, width)
    if len(lines) <= max(1, max_lines):
        return lines
    lines = lines[:max(1, max_lines)]
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
    cut = len(text)
    while cut > 0 and font.size(text[:cut].rstrip(" .,;:") + ELLIPSIS)[0] > width:
        cut -= 1
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
    words = text.split()
    for px in range(size, smallest - 1, -1):
        font = book.font_px(px, bold)
        if words and max(font.size(w)[0] for w in words) > width:
            continue
        lines = wrap(text, font, width)
        if len(lines) <= max_lines and (height is None or len(lines) * line_height(font) <= height):
            return font, lines
    font = book.font_px(smallest, bold)
    rows = max_lines if height is None else max(1, min(max_lines, height // line_height(font)))
    lines = clip_lines(text, font, width, rows)
    return font, [ellipsize(line, font, width) for line in lines]
