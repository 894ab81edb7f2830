"""The title screen: start, resume a saved playthrough, settings, quit.

It imports only what its first frame draws (issue 16): the screens it opens, the playthrough and the
message dialog are imported when first used; by then the warm-up (game.ui.warmup) has usually compiled
them in the loop's spare time.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pygame

from game.ui import deferred, draw
from game.ui.constants import IS_BROWSER
from game.ui.saves import read_save
from game.ui.screens.base import WidgetScene
from game.ui.tr import N_, _
from game.ui.widgets import Button

SUBTITLE = N_("Child victims' rights in practice")
TAGLINE = N_("A training simulation for professionals who meet child victims of crime. "
           "Every decision is weighed against the rights in Directive 2012/29/EU.")

HINT = N_("Keys: arrows or Tab to move · Enter to choose · Esc for the menu")

# Translators: {reason} is the game's technical reason, in English.
SAVE_PROBLEM = N_("“{title}”: the save could not be read (details: {reason}).")


def _later() -> SimpleNamespace:
    """What the title opens or shows only on demand: the setup and settings screens, the playthrough
    (resume), the message dialog and the language names."""
    # Imported when first used, not before the title's first frame (the warm-up compiles them first).
    return SimpleNamespace(labels=deferred.load("game.ui.labels"), playthrough=deferred.load("game.ui.playthrough"),
                           dialog=deferred.load("game.ui.screens.dialog"),
                           settings=deferred.load("game.ui.screens.settings"),
                           setup=deferred.load("game.ui.screens.setup"))


def _line(ui) -> int:
    return draw.block_height(ui, "Ag", 400, "body")


class TitleScene(WidgetScene):
    name = "title"

    def __init__(self, app):
        super().__init__(app)
        self.saves = []
        self._checked = False

    def enter(self) -> None:
        self._check_saves()
        super().enter()

    def _check_saves(self) -> None:
        """Look for autosaves once; report (and set aside) any that cannot be resumed."""
        if self._checked:
            return
        self._checked = True
        problems = []
        storage_problem = ""
        for story in list(self.app.stories):
            info = read_save(self.app.platform, story, self.app.save_prefix, ready=self.app.story_ready)
            if info is None:
                continue
            if info.storage_failed:  # not one bad save: nothing can be stored here at all
                storage_problem = info.problem
                continue
            if info.run is not None:
                self.saves.append(info)
            else:
                where = _(" It was moved to {path} so nothing is lost.").format(path=info.moved_to) \
                    if info.moved_to else ""
                # The engine's reason stays as it is (English, precise); the sentence around it is translated.
                problems.append(_(SAVE_PROBLEM).format(title=story.title, reason=info.problem.rstrip(".")) + where)
        if problems:
            text = (_("A saved playthrough could not be resumed.") + " " + " ".join(problems)
                    + " " + _("You can start this scenario fresh."))
            _later().dialog.message(self.app, N_("A saved game could not be opened"), text, icon="warning",
                                    name="save-problem")
        if storage_problem:
            self.app.storage_warned = True  # the playthrough need not say it again at the first autosave
            text = _("Progress cannot be saved here: {reason}. You can play, but if you close the page or the "
                     "game, the playthrough is lost. At the end, use “Export results” to keep your results."
                     ).format(reason=storage_problem.rstrip("."))
            _later().dialog.message(self.app, N_("Progress is not being saved"), text, icon="warning",
                                    name="save-failed")
        self._note_missing_language()
        self._note_left_out()

    def _note_left_out(self) -> None:
        """Scenario files that could not be opened (a broken draft in the folder): named, once; the
        reasons went to the terminal."""
        names = getattr(self.app, "left_out", None)
        if not names:
            return
        _later().dialog.left_out(self.app, names)

    def _note_missing_language(self) -> None:
        """The link or option asked for a language we do not have: say, once, that English is used."""
        missing = self.app.missing_language
        if not missing:
            return
        name = _later().labels.LANGUAGE_NAMES.get(missing, missing)
        text = _("RightsPath is not available in {language} yet, so it is shown in English. "
                 "Your results will record English.").format(language=name)
        _later().dialog.message(self.app, N_("Shown in English"), text, icon="info")

    def _place_tagline(self, lift: int = 0) -> None:
        """Measure the tagline and put the journey motif below it: at the largest text size (or in a
        longer language) it needs more lines, and the motif and buttons move down instead of crossing it.
        ``lift`` moves the whole heading up when the buttons need the room."""
        ui = self.app
        self.lift = lift
        text = _(TAGLINE)
        width = 820
        # Widen (up to most of the screen) before letting it take a third line.
        while width < ui.size[0] - 200 and draw.block_height(ui, text, width, "body") > 2 * _line(ui):
            width += 60
        height = draw.block_height(ui, text, width, "body")
        self.tagline_rect = pygame.Rect((ui.size[0] - width) // 2, 216 - lift, width, height)
        self.motif_y = max(300 - lift, self.tagline_rect.bottom + 22)
        self.compact = False  # the largest text sizes: no tagline and no motif (see layout)

    def layout(self) -> None:
        ui = self.app
        self._place_tagline()
        w = 520 if ui.fonts.scale <= 1.2 else 800  # wider for labels at twice the size
        x = (ui.size[0] - w) // 2
        bh = ui.fonts.px("button") * 2 + 18
        if ui.fonts.scale > 1.2:
            bh = ui.fonts.px("button") + 34  # one line of a large label, not two
        items = []
        for info in self.saves:
            if info.run.ended:
                label, key = _("See the debrief of “{title}”").format(title=info.story.title), "See the debrief"
            else:
                label, key = _("Resume “{title}”").format(title=info.story.title), "Resume"
            note = (_("1 decision made") if info.decisions == 1 else
                    _("{n} decisions made").format(n=info.decisions))
            items.append(Button(label, (lambda i=info: self.resume_save(i)), note=note, key=key))
        items.append(Button(N_("Start a training"), self.start))
        items.append(Button(N_("Settings"), self.settings))
        if not IS_BROWSER:
            items.append(Button(N_("Quit"), self.app.quit))
        gap = 16 if len(items) <= 4 else 10
        heights = [max(bh, b.needed_height(ui, w)) for b in items]
        total = sum(heights) + gap * (len(items) - 1)
        y = max(360 if len(items) <= 3 else 330, self.motif_y + 30)
        bottom = ui.size[1] - max(48, draw.hint_height(ui, _(HINT)) + 8)
        if y + total > bottom and ui.fonts.scale > 1.2:
            # Twice the text does not leave room for the tagline: the buttons come first (the
            # tagline is still in the screen-reader layer's text).
            self.compact = True
            y = ui.fonts.px("heading") + 170
        # Keep the last button clear of the key hint: lift the heading (at most 60 px), then close the gaps.
        overflow = y + total - bottom
        if overflow > 0:
            self._place_tagline(lift=min(60, overflow))
            if not self.compact:
                y = max(360 - self.lift if len(items) <= 3 else 330 - self.lift, self.motif_y + 30)
            overflow = y + total - bottom
            if overflow > 0 and len(items) > 1:
                gap = max(6, gap - math.ceil(overflow / (len(items) - 1)))
        for b, h in zip(items, heights):
            b.rect = pygame.Rect(x, y, w, h)
            y += h + gap
        self.group.set(items)

    def start(self) -> None:
        self.app.scenes.push(_later().setup.SetupScene(self.app))

    def settings(self) -> None:
        self.app.scenes.push(_later().settings.SettingsScene(self.app))

    def resume_save(self, info) -> None:
        self.app.playthrough = _later().playthrough.Playthrough.resumed(self.app, info)
        self.saves = [s for s in self.saves if s is not info]
        self.app.playthrough.begin()

    def draw(self, surface) -> None:
        ui = self.app
        theme = ui.theme
        surface.fill(theme.backdrop)
        # A quiet motif: the child's path as seven stations.
        w = ui.size[0]
        y = self.motif_y
        if self.compact:
            title_y = ui.fonts.px("title") // 2 + 14 - self.lift
            draw.label(surface, ui, "RightsPath", (w // 2, title_y), role="title", color=theme.backdrop_text,
                       bold=True, anchor="center")
            draw.label(surface, ui, _(SUBTITLE), (w // 2, title_y + ui.fonts.px("title") // 2 + ui.fonts.px("heading") // 2 + 14),
                       role="heading", color=theme.backdrop_text, anchor="center")
            self.group.draw(surface, ui)
            draw.hint(surface, ui, _(HINT))
            return
        pygame.draw.line(surface, theme.backdrop_muted, (200, y), (w - 200, y), 2)
        for i in range(7):
            cx = 200 + i * (w - 400) // 6
            pygame.draw.circle(surface, theme.backdrop_muted, (cx, y), 7 if i else 10, 0 if i == 0 else 2)
        draw.label(surface, ui, "RightsPath", (w // 2, 120 - self.lift), role="title", color=theme.backdrop_text, bold=True,
                   anchor="center")
        draw.label(surface, ui, _(SUBTITLE), (w // 2, 180 - self.lift), role="heading", color=theme.backdrop_text, anchor="center")
        draw.block(surface, ui, _(TAGLINE), self.tagline_rect, "body", theme.backdrop_muted, align="center")
        self.group.draw(surface, ui)
        draw.hint(surface, ui, _(HINT))
