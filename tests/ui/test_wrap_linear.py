"""Wrapping and fitting stay linear in the length of the text (issue 11, H3): a 5,000-character
word or a 2 MB option made a headless run take 18-23 s. Measured by counting what the real font is
asked to measure (calls and characters), never by a clock; and a headless run of such a draft."""

from __future__ import annotations

import pygame
import pytest

from game.ui import text
from game.ui.fonts import FontBook
from tests.authoring.hostile import cli, draft


class Counting:
    """A real pygame font that counts what it measures (the wrapping code sees a font)."""

    def __init__(self, font: pygame.font.Font):
        self.font, self.calls, self.chars = font, 0, 0

    def size(self, s: str):
        self.calls += 1
        self.chars += len(s)
        return self.font.size(s)

    def __getattr__(self, name):
        return getattr(self.font, name)


class CountingBook:
    def __init__(self, book: FontBook):
        self.book, self.fonts = book, {}

    def font_px(self, px: int, bold: bool = False):
        key = (px, bold)
        if key not in self.fonts:
            self.fonts[key] = Counting(self.book.font_px(px, bold))
        return self.fonts[key]

    @property
    def chars(self) -> int:
        return sum(f.chars for f in self.fonts.values())


@pytest.fixture(scope="module")
def book():
    pygame.font.init()
    return FontBook()


def _measured_wrap(book, word_length: int) -> tuple[int, int]:
    font = Counting(book.font_px(22))
    lines = text.wrap("start " + "x" * word_length + " end", font, 400)
    assert "".join(lines).replace(" ", "") == "start" + "x" * word_length + "end"  # nothing lost
    assert all(font.font.size(line)[0] <= 400 for line in lines)
    return font.chars, len(lines)


def test_breaking_a_long_word_measures_in_proportion_to_its_length(book):
    small, small_lines = _measured_wrap(book, 1_500)
    large, large_lines = _measured_wrap(book, 6_000)
    # Four times the word, about four times the work (it was sixteen: every cut re-measured the rest).
    assert large <= 5 * small, (small, large)
    assert large <= 120 * 6_000, large


def test_fitting_a_huge_option_text_measures_only_what_can_show(book):
    def measured(words: int) -> int:
        counting = CountingBook(book)
        font, lines = text.fit(counting, "word " * words, 22, 600, max_lines=3)
        assert 1 <= len(lines) <= 3 and lines[-1].endswith(text.ELLIPSIS)
        return counting.chars

    few, many = measured(2_000), measured(100_000)
    assert many <= 2 * few, (few, many)


def test_clipping_and_ellipsizing_a_huge_text_are_bounded(book):
    for words in (2_000, 20_000):
        font = Counting(book.font_px(18))
        lines = text.clip_lines("word " * words, font, 500, 2)
        assert len(lines) == 2 and lines[-1].endswith(text.ELLIPSIS)
        one = text.ellipsize("y" * (words * 5), font, 500)
        assert one.endswith(text.ELLIPSIS) and font.font.size(one)[0] <= 500
        assert font.chars <= 200_000, (words, font.chars)


def test_a_draft_with_a_huge_word_and_a_huge_option_plays_headless(tmp_path):
    path = draft(tmp_path, replace={'text: "Hello."': 'text: "Hello ' + "o" * 5_000 + '."',
                                    'text: "Rush on."': 'text: "' + "Rush on. " * 40_000 + '"'})
    out = cli("play", str(path), "--headless", "--auto", "--seed", "2", data_dir=tmp_path / "data", timeout=600)
    assert out.returncode == 0, out.stderr
    assert "Ending:" in out.stdout
    warned = cli("validate", str(path))
    assert warned.returncode == 0 and (warned.stdout + warned.stderr).count("W412") == 2
