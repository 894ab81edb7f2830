"""The play screen: the location, the speaker's portrait with mood, the name, and the text box
with wrapping and paging; the journey bar and the meters sit on top."""

from __future__ import annotations

import pygame

from game.ui import actions as A
from game.ui import draw
from game.ui.artcache import PORTRAIT_SIZE
from game.ui.hud import JOURNEY_HEIGHT, Meters, draw_journey
from game.ui.screens.play import PlayScene
from game.ui.text import line_height, paginate, wrap
from game.ui.tr import _
from game.ui.widgets import menu_button

REVEAL_CPS = 60  # characters per second when text appears gradually
TEXT_BOX = pygame.Rect(40, 486, 1200, 214)


def text_box(ui) -> pygame.Rect:
    """The text box: TEXT_BOX at Standard; taller at larger text sizes, so a page still holds four
    lines of text at twice the size (it grows upwards, over the room)."""
    lh = line_height(ui.fonts.font("body"))
    h = max(TEXT_BOX.h, 70 + 4 * lh)
    return pygame.Rect(TEXT_BOX.x, TEXT_BOX.bottom - h, TEXT_BOX.w, h)


class StoryScene(PlayScene):
    name = "story"

    def __init__(self, app, playthrough):
        super().__init__(app, playthrough)
        self.lines = self.node.get("lines") or [{"speaker": "narrator", "text": ""}]
        self.line = 0
        self.page = 0
        self.pages: list[list[str]] = []
        self.shown_at = app.clock.now
        self.meters = Meters(app, playthrough.story, playthrough.meters_shown)
        self.meters.set(self.run.variables)
        playthrough.meters_shown = dict(self.run.variables)
        self.layout()

    def layout(self) -> None:
        ui = self.app
        self.menu.set([menu_button(ui, self.pause)], focus=-1)
        font = ui.fonts.font("body")
        text = self.lines[self.line].get("text", "")
        self.box = text_box(ui)
        lines = wrap(text, font, self.box.w - 60)
        self.pages = paginate(lines, line_height(font), self.box.h - 64)
        self.page = min(self.page, len(self.pages) - 1)

    def screen_id(self) -> str:
        return f"story:{self.node_id}:{self.line}:{self.page}"

    # -- text reveal ----------------------------------------------------------------------------
    def _page_chars(self) -> int:
        return sum(len(line) for line in self.pages[self.page])

    def _revealed(self) -> int:
        if self.app.reduce_motion:
            return 1 << 30
        return int((self.app.clock.now - self.shown_at) * REVEAL_CPS)

    def revealing(self) -> bool:
        return self._revealed() < self._page_chars()

    def update(self) -> None:
        self.meters.update()

    @property
    def animating(self) -> bool:
        return self.revealing() or self.meters.animating

    # -- input ----------------------------------------------------------------------------------
    def handle(self, action: A.Action) -> bool:
        pointer = (A.POINTER_DOWN, A.POINTER_UP, A.POINTER_MOVE)
        if self.handle_menu(action, pointer):  # the Menu button shows its hover too
            return True
        if action.kind in pointer:
            if action.kind == A.POINTER_UP:
                self.next()
                return True
            return False
        if action.kind in (A.ADVANCE, A.ACTIVATE, A.RIGHT, A.PAGE_DOWN):
            self.next()
            return True
        return False

    def next(self) -> None:
        """Finish the page being revealed, else turn the page, else the next line, else move on."""
        if self.revealing():
            self.shown_at = -1e9
            return
        self.shown_at = self.app.clock.now
        if self.page + 1 < len(self.pages):
            self.page += 1
            return
        if self.line + 1 < len(self.lines):
            self.line += 1
            self.page = 0
            self.layout()
            return
        self.playthrough.advance()

    # -- drawing --------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ui = self.app
        theme = ui.theme
        run = self.run
        surface.blit(ui.art.background(self.node.get("location") or "office", ui.size), (0, 0))
        line = self.lines[self.line]
        speaker = line.get("speaker", "narrator")
        who = self.playthrough.story.characters.get(speaker, {})
        portrait = ui.art.portrait(who.get("portrait", "narrator"), line.get("mood") or "neutral", PORTRAIT_SIZE) \
            if speaker != "narrator" else None
        if portrait is not None:
            surface.blit(portrait, (90, self.box.y + 24 - PORTRAIT_SIZE[1]))
        draw_journey(surface, ui, run.stage, self.playthrough.story.stages())
        self.meters.draw(surface, (ui.size[0] - 20, JOURNEY_HEIGHT + 14))
        self.menu.draw(surface, ui)
        box = draw.panel(surface, theme, self.box)
        if speaker != "narrator":
            draw.badge(surface, ui, who.get("name", speaker), (box.x + 28, box.y - 2), theme.accent,
                       theme.accent_text, role="label", anchor="bottomleft")
        font = ui.fonts.font("body")
        lh = line_height(font)
        budget = self._revealed()
        y = box.y + 26
        color = theme.text_muted if speaker == "narrator" else theme.text
        for text in self.pages[self.page]:
            shown = text[:max(0, budget)]
            budget -= len(text)
            if shown:
                # Render the whole line once (cached) and uncover it: no new text surface per frame.
                img = ui.fonts.render(text, font, color)
                width = img.get_width() if shown == text else font.size(shown)[0]
                surface.blit(img, (box.x + 30, y), pygame.Rect(0, 0, width, img.get_height()))
            y += lh
        if not self.revealing():
            more = self.page + 1 < len(self.pages) or self.line + 1 < len(self.lines)
            hint = _("Continue ↓  (Space or click)") if more else _("Continue →  (Space or click)")
            draw.label(surface, ui, hint, (box.right - 24, box.bottom - 14), role="small",
                       color=theme.text_muted, bold=True, anchor="bottomright")
        total = len(self.lines)
        draw.label(surface, ui, f"{self.line + 1} / {total}", (box.x + 30, box.bottom - 14), role="small",
                   color=theme.text_muted, anchor="bottomleft")
