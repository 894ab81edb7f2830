"""Settings: text size (three steps), high contrast, reduced motion, language."""

from __future__ import annotations

import pygame

from game.ui import draw
from game.ui.screens.base import WidgetScene
from game.ui.labels import LANGUAGE_NAMES, SIZE_LABELS, languages
from game.ui.tr import N_, _
from game.ui.widgets import Button, Selector


HINT = N_("Up/Down: move · Left/Right or Enter: change · Esc: done")


class SettingsScene(WidgetScene):
    name = "settings"

    def layout(self) -> None:
        ui, p = self.app, self.app.prefs
        w = 820 if ui.fonts.scale <= 1.2 else 1040
        x = (ui.size[0] - w) // 2
        rows, gap = 7, 10
        hint_h = max(60, draw.hint_height(ui, _(HINT)) + 8)
        rh = min(ui.fonts.px("button") * 2 + 12, (ui.size[1] - 160 - hint_h - (rows - 1) * gap - 10) // rows)
        langs = languages(ui)
        widgets = [
            Selector(N_("Text size"), [(n, SIZE_LABELS[n]) for n in (1, 2, 3)], p.text_size - 1,
                     on_change=lambda v: self._set("text_size", v)),
            Selector(N_("High contrast"), [(False, N_("Off")), (True, N_("On"))], int(p.high_contrast),
                     on_change=lambda v: self._set("high_contrast", v)),
            Selector(N_("Reduce motion"), [(False, N_("Off")), (True, N_("On"))], int(p.reduce_motion),
                     on_change=lambda v: self._set("reduce_motion", v)),
            Selector(N_("Language"), [(lang, LANGUAGE_NAMES.get(lang, lang)) for lang in langs], langs.index(p.language),
                     on_change=lambda v: self._set("language", v)),
            Selector(N_("Confirm answers"), [(True, N_("On")), (False, N_("Off"))], int(not p.confirm_answers),
                     on_change=lambda v: self._set("confirm_answers", v)),
            Selector(N_("Shortcut keys"), [(True, N_("On")), (False, N_("Off"))], int(not p.shortcuts),
                     on_change=lambda v: self._set("shortcuts", v)),
            Button(N_("Done"), self.on_back, align="center"),
        ]
        y = 160
        for wd in widgets:
            wd.rect = pygame.Rect(x, y, w, rh)
            y += rh + gap
        widgets[-1].rect = pygame.Rect(x + w - 300, widgets[-1].rect.y + 6, 300, rh)
        self.group.set(widgets, focus=self.group.focus if self.group.widgets else 0)

    def _set(self, key, value) -> None:
        setattr(self.app.prefs, key, value)
        self.app.apply_prefs()

    def on_back(self) -> bool:
        self.app.prefs.save(self.app.platform)
        self.close()
        return True

    def draw(self, surface) -> None:
        ui = self.app
        surface.fill(ui.theme.backdrop)
        draw.label(surface, ui, _("Settings"), (ui.size[0] // 2, 70), role="heading", color=ui.theme.backdrop_text,
                   bold=True, anchor="center")
        draw.label(surface, ui, _("Changes apply at once and are kept for next time."), (ui.size[0] // 2, 112),
                   role="label", color=ui.theme.backdrop_muted, anchor="center")
        self.group.draw(surface, ui)
        draw.hint(surface, ui, _(HINT))
