"""What the real UI drew, read back for the overflow tests: the texts a paint rendered (from the UI's
own text cache) and where images were put (a pygame Surface that notes its blits)."""

from __future__ import annotations

import pygame


def drawn(app, paint) -> list[tuple[str, int, bool]]:
    """(text, px, bold) of each text ``paint()`` rendered, in order: the UI's text cache moves each
    text it renders to its end, so what follows a marker rendered first is what ``paint`` drew."""
    fonts = app.fonts
    marker = f"⟦marker {id(paint)} {len(fonts._text)}⟧"
    fonts.render(marker, fonts.font("small"), (1, 2, 3))
    paint()
    keys = list(fonts._text)
    after = keys[keys.index((marker, id(fonts.font("small")), (1, 2, 3))) + 1:]
    sizes = {id(font): key for key, font in fonts._fonts.items()}
    return [(text, *sizes[font_id]) for text, font_id, _color in after]


def label_drawn(app, widget) -> tuple[list[str], int]:
    """The lines and px of a button's label as the UI draws it focused (bold, the widest)."""
    surface = pygame.Surface(app.size)
    texts = drawn(app, lambda: widget.draw(surface, app, True))
    if getattr(widget, "number", None) is not None:  # the number badge is drawn first
        assert texts[0][0] == str(widget.number)
        texts = texts[1:]
    elif texts and texts[0][0] == "▶":  # else the focus marker
        texts = texts[1:]
    if widget.note:  # the note ("Marked") is drawn last
        texts = texts[:-1]
    sizes = {(px, bold) for _t, px, bold in texts}
    assert len(sizes) == 1 and next(iter(sizes))[1], texts  # one font, bold: the label
    return [t for t, _px, _b in texts], next(iter(sizes))[0]


def whole(text: str, lines: list[str]) -> bool:
    return " ".join(lines).split() == text.split()


class Recording(pygame.Surface):
    """A screen that notes where each image was put (pygame's Surface; our code draws on it as on any)."""

    def __init__(self, size):
        super().__init__(size)
        self.blits: list[tuple[pygame.Surface, pygame.Rect]] = []

    def blit(self, source, dest, area=None, special_flags=0):
        rect = pygame.Rect(dest) if len(dest) == 4 else pygame.Rect(dest, (0, 0))
        size = area.size if area is not None else source.get_size()
        self.blits.append((source, pygame.Rect(rect.topleft, size)))
        return super().blit(source, dest, area, special_flags)

    def where_all(self, image) -> list[pygame.Rect]:
        return [rect for source, rect in self.blits if source is image]

    def where(self, image) -> pygame.Rect:
        found = self.where_all(image)
        assert len(found) == 1, found
        return found[0]
