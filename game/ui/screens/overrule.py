"""Overruling the room (issue 18): after the reveal the facilitator may play another option than the
room's, and says why. The record keeps both (the option played, the room's choice and the reason:
``decisions[].overrule``). Opened from a facilitated decision with O; it returns ``(option id,
reason)``, or None when the facilitator goes back.
"""

from __future__ import annotations

import pygame

from game.ui import actions as A
from game.ui import draw
from game.ui.screens.base import WidgetScene
from game.ui.tr import N_, _
from game.ui.widgets import Button, Selector, TextField

WIDTH = 940
MAX_REASON = 200
HINT = N_("Left/Right: the option · Tab: move · Esc: back")


class ReasonField(TextField):
    """The facilitator's reason: any printable text (the name field's letters are too few for it);
    the end of a long reason is shown."""

    def handle(self, action: A.Action, focused: bool) -> bool:
        if focused and action.kind == A.TEXT and action.text:
            typed = "".join(ch for ch in action.text if ch.isprintable())
            self.value = (self.value + typed)[: self.max_len]
            if self.on_change:
                self.on_change(self.value)
            return True
        return super().handle(action, focused)

    def draw(self, surface, ui, focused: bool) -> None:
        full = self.value
        box = self.box()
        font = ui.fonts.font("button")
        shown = full
        while shown and font.size("…" + shown + "|")[0] > box.w - 20:
            shown = shown[1:]
        self.value = shown if shown == full else "…" + shown
        try:
            super().draw(surface, ui, focused)
        finally:
            self.value = full


class OverruleScene(WidgetScene):
    name = "overrule"
    opaque = False

    def __init__(self, app, room_choice, others):
        """``room_choice``: the ChoiceView the room chose; ``others``: the other enabled ChoiceViews."""
        super().__init__(app)
        self.room_choice = room_choice
        self.others = list(others)
        self.choice = self.others[0].id if self.others else ""
        self.reason = ""
        self.problem = ""
        self.rect = pygame.Rect(0, 0, WIDTH, 300)

    def message(self) -> str:
        return _("The room chose option {n}: {text}\nPlay another option instead, and say why: the record "
                 "keeps the room's choice, the option played and your reason.").format(
            n=self.room_choice.index, text=self.room_choice.text)

    def picked_text(self) -> str:
        view = next((v for v in self.others if v.id == self.choice), None)
        return _("Option {n}: {text}").format(n=view.index, text=view.text) if view else ""

    def layout(self) -> None:
        ui = self.app
        inner = WIDTH - 80
        rh = ui.fonts.px("button") * 2 + 10
        h_title = draw.block_height(ui, _("Overrule the room"), inner, "heading", bold=True)
        h_msg = draw.block_height(ui, self.message(), inner, "small")
        self.h_pick = max((draw.block_height(ui, _("Option {n}: {text}").format(n=v.index, text=v.text), inner, "small")
                           for v in self.others), default=0)
        hint_h = draw.hint_height(ui, _(HINT))
        height = 36 + h_title + 14 + h_msg + 20 + 3 * (rh + 12) + self.h_pick + 12 + 40
        self.rect = pygame.Rect(0, 0, WIDTH, min(height, ui.size[1] - hint_h - 24))
        self.rect.midtop = (ui.size[0] // 2, max(8, (ui.size[1] - hint_h - 16 - self.rect.h) // 2))
        x = self.rect.x + 40
        y = self.rect.y + 36 + h_title + 14 + h_msg + 20
        options = [(v.id, _("Option {n}").format(n=v.index)) for v in self.others]
        index = next((i for i, v in enumerate(self.others) if v.id == self.choice), 0)
        pick = Selector(N_("Play instead"), options, index, on_change=self._pick, rect=(x, y, inner, rh))
        self.pick_top = y + rh + 8
        y += rh + 8 + self.h_pick + 12
        field = ReasonField(N_("Why"), self.reason, MAX_REASON, rect=(x, y, inner, rh), on_change=self._type)
        half = (inner - 20) // 2
        top = y + rh + 12
        self.play = Button(N_("Play this option instead"), self.confirm, (x, top, half, rh), align="center")
        back = Button(N_("Back to the room's choice"), lambda: self.close(None), (x + half + 20, top, half, rh),
                      align="center")
        focus = self.group.focus if self.group.widgets else 1
        self.group.set([pick, field, self.play, back], focus=focus)

    def _pick(self, value) -> None:
        self.choice = value
        self.app.mark_dirty()

    def _type(self, value: str) -> None:
        self.reason = value
        self.problem = ""

    def confirm(self) -> None:
        if not self.reason.strip():
            self.problem = _("Say why first: the record keeps your reason with the room's choice.")
            self.group.focus = 1
            self.app.mark_dirty()
            return
        self.close((self.choice, self.reason.strip()))

    def on_back(self) -> bool:
        self.close(None)
        return True

    def handle(self, action: A.Action) -> bool:
        # The reason field takes Backspace for itself; Esc (MENU) goes back.
        if action.kind == A.MENU:
            return self.on_back()
        return super().handle(action)

    def draw(self, surface) -> None:
        ui = self.app
        draw.scrim(surface, ui.theme)
        draw.panel(surface, ui.theme, self.rect)
        x, y = self.rect.x + 40, self.rect.y + 36
        y = draw.block(surface, ui, _("Overrule the room"), (x, y, WIDTH - 80, 200), "heading", ui.theme.heading,
                       bold=True) + 14
        draw.block(surface, ui, self.message(), (x, y, WIDTH - 80, 400), "small", ui.theme.text)
        draw.block(surface, ui, self.picked_text(), (x, self.pick_top, WIDTH - 80, self.h_pick), "small", ui.theme.text)
        self.group.draw(surface, ui)
        bottom = self.play.rect.bottom + 8
        if self.problem:
            draw.block(surface, ui, self.problem, (x, bottom, WIDTH - 80, 80), "small", ui.theme.text, bold=True)
        draw.hint(surface, ui, _(HINT))


def overrule_line(playthrough, node) -> str:
    """'The room chose: …; the facilitator played this instead: <reason>' when the last decision was
    overruled, else ""."""
    overrule = getattr(playthrough, "overrules", {}).get(len(playthrough.run.history))
    if not overrule:
        return ""
    room = next((c for c in node.get("choices", []) if c["id"] == overrule["room_choice"]), {})
    return _("The room chose: {choice}\nThe facilitator played this instead: {reason}").format(
        choice=room.get("text", overrule["room_choice"]), reason=overrule["reason"])
