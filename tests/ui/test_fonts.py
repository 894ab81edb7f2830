"""The bundled font is found by path and used; it covers the scripts the game may be played in."""

from __future__ import annotations

import pygame

from game.ui.fonts import FontBook, find_font_files


def test_bundled_font_is_found_and_used():
    pygame.font.init()
    files = find_font_files()
    assert files.get("regular") and files["regular"].suffix == ".ttf"
    book = FontBook()
    default = pygame.font.Font(None, 22)
    ours = book.font("body")
    text = "Права на жертвите · Δικαιώματα · Prawa ofiar"
    # The default font has no Cyrillic or Greek: ours draws them wider than its boxes of nothing.
    assert ours.size(text) != default.size(text)
    notdef = ours.metrics("\uffff")[0]
    assert all(ours.metrics(ch)[0] != notdef for ch in "жЖΔώłę")


def test_text_is_rendered_once_and_cached():
    pygame.font.init()
    book = FontBook()
    font = book.font("body")
    a = book.render("Same words", font, (0, 0, 0))
    b = book.render("Same words", font, (0, 0, 0))
    assert a is b and book.renders == 1
    book.render("Same words", font, (255, 255, 255))
    assert book.renders == 2


def test_missing_font_files_fall_back_to_pygame_default():
    pygame.font.init()
    book = FontBook(files={})
    assert book.font("body").size("abc")[0] > 0
    assert book.font("body", bold=True).bold
