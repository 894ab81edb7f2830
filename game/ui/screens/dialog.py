"""A modal dialog: a title, a message, and buttons; it returns the chosen button's value."""

from __future__ import annotations

import pygame

from game.ui import draw
from game.ui.screens.base import WidgetScene
from game.ui.scroll import ScrollView
from game.ui.tr import N_, _
from game.ui.widgets import Button

WIDTH = 820


class Dialog(WidgetScene):
    name = "dialog"
    opaque = False

    def __init__(self, app, title: str, message: str, buttons: list[tuple[str, object]],
                 cancel: object = None, icon: str | None = None, name: str | None = None):
        super().__init__(app)
        self.title = title
        self.message = message
        self.buttons = buttons
        self.cancel = cancel  # what Esc returns; None: Esc does nothing
        self.icon = icon
        if name:
            self.name = name
        self.rect = pygame.Rect(0, 0, WIDTH, 300)
        self.view: ScrollView | None = None  # set by layout() when the message needs scrolling

    def layout(self) -> None:
        ui = self.app
        inner = WIDTH - 80
        # Measured at the width it is drawn at: beside the icon when there is one.
        title_w = inner - (ui.fonts.px("heading") + 4 + 14 if self.icon else 0)
        h_title = draw.block_height(ui, _(self.title), title_w, "heading", bold=True)
        h_msg = draw.block_height(ui, _(self.message), inner, "body")
        btn_h = ui.fonts.px("button") * 2 + 16
        # Buttons side by side while their labels fit on one line at this text size; else in rows
        # (the text is never shrunk to squeeze them in).
        n = len(self.buttons)
        gap = 20
        font = ui.fonts.font("button", bold=True)
        widest = max((font.size(_(label))[0] for label, _v in self.buttons), default=0) + 40
        cols = n
        while cols > 1 and (inner - gap * (cols - 1)) // cols < widest:
            cols -= 1
        rows = -(-n // cols) if n else 0
        if cols < n:
            btn_h = ui.fonts.px("button") + 30
        buttons_h = rows * btn_h + (rows - 1) * 12 if rows else 0
        height = 40 + h_title + 18 + h_msg + 30 + buttons_h + 36
        self.rect = pygame.Rect(0, 0, WIDTH, min(height, ui.size[1] - 40))
        self.rect.center = (ui.size[0] // 2, ui.size[1] // 2)
        # A message taller than the screen allows (large text, long notes) scrolls inside the dialog.
        room = self.rect.h - (40 + h_title + 18 + 30 + buttons_h + 36)
        self.view = None
        if h_msg > room:
            cw = inner - 20  # leave the scroll bar its own strip
            ch = draw.block_height(ui, _(self.message), cw, "body")
            content = pygame.Surface((cw, ch))
            content.fill(ui.theme.panel)
            draw.block(content, ui, _(self.message), (0, 0, cw, ch), "body", ui.theme.text)
            top = self.rect.y + 36 + h_title + 18
            self.view = ScrollView(pygame.Rect(self.rect.x + 40, top, cw, room), content)
        bw = (inner - gap * (cols - 1)) // cols if n else 0
        top = self.rect.bottom - 36 - buttons_h
        widgets = []
        for i, (label, value) in enumerate(self.buttons):
            r, c = divmod(i, cols)
            b = Button(label, (lambda v=value: self.close(v)),
                       (self.rect.x + 40 + c * (bw + gap), top + r * (btn_h + 12), bw, btn_h), align="center")
            widgets.append(b)
        self.group.set(widgets, focus=0)

    def handle(self, action) -> bool:
        if self.view is not None and self.view.handle(action):
            return True
        return super().handle(action)

    def on_back(self) -> bool:
        if self.cancel is not None:
            self.close(self.cancel)
            return True
        return True  # a dialog keeps the input to itself

    def draw(self, surface) -> None:
        ui = self.app
        draw.scrim(surface, ui.theme)
        draw.panel(surface, ui.theme, self.rect)
        x, y = self.rect.x + 40, self.rect.y + 36
        if self.icon:
            size = ui.fonts.px("heading") + 4
            surface.blit(ui.art.icon(self.icon, size, ui.theme.heading), (x, y))
            tx = x + size + 14
        else:
            tx = x
        y = draw.block(surface, ui, _(self.title), (tx, y, self.rect.right - 40 - tx, 200), "heading",
                       ui.theme.heading, bold=True)
        y += 18
        if self.view is not None:
            self.view.draw(surface, ui.theme)
        else:
            draw.block(surface, ui, _(self.message), (x, y, WIDTH - 80, 400), "body", ui.theme.text)
        self.group.draw(surface, ui)


def message(app, title: str, text: str, on_close=None, icon: str = "info", name: str = "notice") -> Dialog:
    dlg = Dialog(app, title, text, [(N_("OK"), True)], cancel=True, icon=icon, name=name)
    app.scenes.push(dlg, on_close or (lambda _r: None))
    return dlg


def left_out(app, names) -> Dialog:
    """Scenario files that could not be opened (a broken draft in the folder, a damaged bundle file),
    named; the reasons went to the terminal."""
    text = _("These scenario files could not be opened and are not offered: {files}. The other "
             "scenarios can be played.").format(files=", ".join(names))
    return message(app, N_("Some scenarios were left out"), text, icon="warning", name="left-out")
