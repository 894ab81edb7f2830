"""Typing a count (issue 15): in facilitated mode C on an option asks how many votes were cast for it
by hand (a show of hands), instead of pressing its number that many times. The phones' votes of a
live room stay as they are; the number typed replaces the option's typed votes. Returns the count,
or None when the facilitator goes back.
"""

from __future__ import annotations

import pygame

from game.ui import actions as A
from game.ui import draw
from game.ui.screens.base import WidgetScene
from game.ui.tr import N_, _
from game.ui.widgets import Button, TextField

WIDTH = 900
MAX_COUNT = 999


class CountField(TextField):
    ALLOWED = set("0123456789")


class CountScene(WidgetScene):
    name = "count"
    opaque = False

    def __init__(self, app, view, typed: int, phones: int):
        super().__init__(app)
        self.view, self.typed, self.phones = view, typed, phones
        self.value = str(typed) if typed else ""
        self.problem = ""
        self.rect = pygame.Rect(0, 0, WIDTH, 300)

    def message(self) -> str:
        text = _("Option {n}: {text}").format(n=self.view.index, text=self.view.text)
        if self.phones:
            text += "\n" + _("Phones' votes for it: {n} (they stay; the number you type is added to them).").format(
                n=self.phones)
        return text

    def layout(self) -> None:
        ui = self.app
        inner = WIDTH - 80
        rh = ui.fonts.px("button") * 2 + 10
        h_title = draw.block_height(ui, _("Votes typed in by hand"), inner, "heading", bold=True)
        h_msg = draw.block_height(ui, self.message(), inner, "small")
        height = 36 + h_title + 14 + h_msg + 20 + 2 * (rh + 12) + 50
        self.rect = pygame.Rect(0, 0, WIDTH, min(height, ui.size[1] - 80))
        self.rect.center = (ui.size[0] // 2, ui.size[1] // 2 - 20)
        x = self.rect.x + 40
        y = self.rect.y + 36 + h_title + 14 + h_msg + 20
        field = CountField(N_("How many"), self.value, 3, rect=(x, y, inner, rh), on_change=self._type)
        half = (inner - 20) // 2
        top = y + rh + 12
        self.ok = Button(N_("Set the count"), self.confirm, (x, top, half, rh), align="center")
        back = Button(N_("Back"), lambda: self.close(None), (x + half + 20, top, half, rh), align="center")
        self.group.set([field, self.ok, back], focus=self.group.focus if self.group.widgets else 0)

    def _type(self, value: str) -> None:
        self.value = value
        self.problem = ""

    def confirm(self) -> None:
        if not self.value.isdigit() or int(self.value) > MAX_COUNT:
            self.problem = _("Type a number of votes from 0 to {max}.").format(max=MAX_COUNT)
            self.group.focus = 0
            self.app.mark_dirty()
            return
        self.close(int(self.value))

    def handle(self, action: A.Action) -> bool:
        if action.kind == A.MENU:
            self.close(None)
            return True
        if action.kind == A.ACTIVATE and self.group.focus == 0:  # Enter in the field sets the count
            self.confirm()
            return True
        return super().handle(action)

    def on_back(self) -> bool:
        self.close(None)
        return True

    def draw(self, surface) -> None:
        ui = self.app
        draw.scrim(surface, ui.theme)
        draw.panel(surface, ui.theme, self.rect)
        x, y = self.rect.x + 40, self.rect.y + 36
        y = draw.block(surface, ui, _("Votes typed in by hand"), (x, y, WIDTH - 80, 200), "heading",
                       ui.theme.heading, bold=True) + 14
        draw.block(surface, ui, self.message(), (x, y, WIDTH - 80, 300), "small", ui.theme.text)
        self.group.draw(surface, ui)
        if self.problem:
            draw.block(surface, ui, self.problem, (x, self.ok.rect.bottom + 8, WIDTH - 80, 60), "small",
                       ui.theme.text, bold=True)
