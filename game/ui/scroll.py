"""A tall block of content drawn once onto its own surface and shown through a viewport."""

from __future__ import annotations

import pygame

from game.ui import actions as A


class ScrollView:
    def __init__(self, viewport: pygame.Rect, content: pygame.Surface):
        self.viewport = pygame.Rect(viewport)
        self.content = content
        self.offset = 0

    @property
    def max_offset(self) -> int:
        return max(0, self.content.get_height() - self.viewport.h)

    @property
    def scrollable(self) -> bool:
        return self.max_offset > 0

    def scroll(self, dy: int) -> bool:
        new = max(0, min(self.max_offset, self.offset + dy))
        changed = new != self.offset
        self.offset = new
        return changed

    def handle(self, action: A.Action) -> bool:
        step = self.viewport.h // 6
        if action.kind == A.SCROLL:
            return self.scroll(-action.amount * step)
        if action.kind == A.PAGE_DOWN:
            return self.scroll(self.viewport.h - 40)
        if action.kind == A.PAGE_UP:
            return self.scroll(-(self.viewport.h - 40))
        if action.kind == A.FOCUS_NEXT and not action.tab and self.offset < self.max_offset:
            return self.scroll(step)
        if action.kind == A.FOCUS_PREV and not action.tab and self.offset > 0:
            return self.scroll(-step)
        return False

    def draw(self, surface, theme) -> None:
        h = min(self.viewport.h, self.content.get_height())
        area = pygame.Rect(0, self.offset, self.viewport.w, h)
        surface.blit(self.content, self.viewport.topleft, area)
        if self.scrollable:
            # A scroll bar, and "more" marks that say there is more text above or below.
            track = pygame.Rect(self.viewport.right + 6, self.viewport.y, 6, self.viewport.h)
            pygame.draw.rect(surface, theme.panel_alt, track, border_radius=3)
            frac = self.viewport.h / self.content.get_height()
            thumb = pygame.Rect(track.x, track.y + int(track.h * self.offset / self.content.get_height()),
                                6, max(20, int(track.h * frac)))
            pygame.draw.rect(surface, theme.accent, thumb, border_radius=3)
