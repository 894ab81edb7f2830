"""Settings: text size (three steps), high contrast, reduced motion, language."""

from __future__ import annotations

from game.ui import draw
from game.ui.screens.base import PrefsScene
from game.ui.labels import LANGUAGE_NAMES, SIZE_LABELS, languages
from game.ui.tr import N_, _
from game.ui.widgets import Button, Selector


HINT = N_("Up/Down: move · Left/Right or Enter: change · Esc: done")


class SettingsScene(PrefsScene):
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
        self.place_rows(widgets, x, 160, w, rh, gap, last_w=300, nudge=6)
        self.group.set(widgets, focus=self.group.focus if self.group.widgets else 0)

    def draw(self, surface) -> None:
        self.draw_page(surface, _("Settings"), _("Changes apply at once and are kept for next time."), 70, 42, _(HINT))
