"""Setup: who plays (a pseudonym or the facilitator's code), as which role, in which language and
mode, with which text size and contrast. Every value can also come from the command line or a link."""

from __future__ import annotations

from game.engine.vocab import MODES, ROLE_LABELS, ROLES
from game.ui import draw
from game.ui.labels import LANGUAGE_NAMES, MODE_LABELS, MODE_SHORT, SIZE_LABELS, languages
from game.ui.screens.base import PrefsScene
from game.ui.screens.select import SelectScene
from game.ui.tr import N_, _
from game.ui.widgets import Button, Selector, TextField

HINT = N_("Up/Down or Tab: move · Left/Right: change · Enter: continue · Esc: back")


class SetupScene(PrefsScene):
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
                     langs.index(p.language), on_change=lambda v: self._set("language", v)),
            Selector(N_("Mode"), [(m, MODE_SHORT[m]) for m in MODES], MODES.index(p.mode), on_change=lambda v: self._set("mode", v)),
            Selector(N_("Text size"), [(n, SIZE_LABELS[n]) for n in (1, 2, 3)], p.text_size - 1, on_change=lambda v: self._set("text_size", v)),
            Selector(N_("Contrast"), [(False, N_("Standard")), (True, N_("High"))], int(p.high_contrast),
                     on_change=lambda v: self._set("high_contrast", v)),
            Button(N_("Continue"), self.proceed, align="center"),
        ]
        self.place_rows(widgets, x, 150, w, rh, gap, last_w=320, nudge=4)
        focus = self.group.focus if self.group.widgets else len(widgets) - 1
        self.group.set(widgets, focus=focus)


    def proceed(self) -> None:
        self.app.prefs.save(self.app.platform)
        select = SelectScene(self.app)
        self.app.scenes.push(select)
        select.open_preset()

    def draw(self, surface) -> None:
        self.draw_page(surface, _("Before you start"), _(MODE_LABELS[self.app.prefs.mode]), 60, 44, _(HINT))
