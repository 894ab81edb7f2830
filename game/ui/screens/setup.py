"""Setup: who plays (a pseudonym or the facilitator's code), as which role, in which language and
mode, with which text size and contrast. Every value can also come from the command line or a link."""

from __future__ import annotations

import pygame

from game.engine.vocab import MODES, ROLE_LABELS, ROLES
from game.ui import draw
from game.ui.labels import LANGUAGE_NAMES, MODE_LABELS, MODE_SHORT, SIZE_LABELS, languages
from game.ui.screens.base import WidgetScene
from game.ui.screens.select import SelectScene
from game.ui.tr import N_, _
from game.ui.widgets import Button, Selector, TextField

HINT = N_("Up/Down or Tab: move · Left/Right: change · Enter: continue · Esc: back")


class SetupScene(WidgetScene):
    name = "setup"

    def layout(self) -> None:
        ui, p = self.app, self.app.prefs
        w = 900
        x = (ui.size[0] - w) // 2
        gap = 12
        # Seven rows between the heading and the key hint, at any text size.
        hint_h = max(60, draw.hint_height(ui, _(HINT)) + 8)
        rh = min(ui.fonts.px("button") * 2 + 10, (ui.size[1] - 150 - hint_h - 6 * gap - 10) // 7)
        langs = languages(ui)
        role_opts = [("", N_("Not given"))] + [(r, ROLE_LABELS[r]) for r in ROLES]
        widgets = [
            TextField(N_("Pseudonym or code"), p.trainee, on_change=lambda v: setattr(p, "trainee", v.strip())),
            Selector(N_("Your role"), role_opts, [o[0] for o in role_opts].index(p.role) if p.role in ROLES else 0,
                     on_change=lambda v: setattr(p, "role", v)),
            Selector(N_("Language"), [(lang, LANGUAGE_NAMES.get(lang, lang)) for lang in langs],
                     langs.index(p.language), on_change=self._language),
            Selector(N_("Mode"), [(m, MODE_SHORT[m]) for m in MODES], MODES.index(p.mode), on_change=self._mode),
            Selector(N_("Text size"), [(n, SIZE_LABELS[n]) for n in (1, 2, 3)], p.text_size - 1, on_change=self._size),
            Selector(N_("Contrast"), [(False, N_("Standard")), (True, N_("High"))], int(p.high_contrast),
                     on_change=self._contrast),
            Button(N_("Continue"), self.proceed, align="center"),
        ]
        y = 150
        for wd in widgets:
            wd.rect = pygame.Rect(x, y, w, rh)
            y += rh + gap
        widgets[-1].rect = pygame.Rect(x + w - 320, widgets[-1].rect.y + 4, 320, rh)
        focus = self.group.focus if self.group.widgets else len(widgets) - 1
        self.group.set(widgets, focus=focus)

    def _language(self, value) -> None:
        self.app.prefs.language = value
        self.app.apply_prefs()

    def _mode(self, value) -> None:
        self.app.prefs.mode = value
        self.app.apply_prefs()

    def _size(self, value) -> None:
        self.app.prefs.text_size = value
        self.app.apply_prefs()

    def _contrast(self, value) -> None:
        self.app.prefs.high_contrast = value
        self.app.apply_prefs()

    def proceed(self) -> None:
        self.app.prefs.save(self.app.platform)
        select = SelectScene(self.app)
        self.app.scenes.push(select)
        select.open_preset()

    def on_back(self) -> bool:
        self.app.prefs.save(self.app.platform)
        self.close()
        return True

    def draw(self, surface) -> None:
        ui = self.app
        surface.fill(ui.theme.backdrop)
        draw.label(surface, ui, _("Before you start"), (ui.size[0] // 2, 60), role="heading",
                   color=ui.theme.backdrop_text, bold=True, anchor="center")
        draw.label(surface, ui, _(MODE_LABELS[ui.prefs.mode]), (ui.size[0] // 2, 104), role="label",
                   color=ui.theme.backdrop_muted, anchor="center")
        self.group.draw(surface, ui)
        draw.hint(surface, ui, _(HINT))
