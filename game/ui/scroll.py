"""A tall block of content drawn once onto its own surface and shown through a viewport."""

from __future__ import annotations

import pygame

from game.ui import actions as A


BAR_ZONE = 34  # touch width of the scroll bar beside the viewport (the bar itself is drawn 6 px wide)
DRAG_SLOP = 8  # px a finger may wander before a press on the text becomes a swipe


class ScrollView:
    def __init__(self, viewport: pygame.Rect, content: pygame.Surface):
        self.viewport = pygame.Rect(viewport)
        self.content = content
        self.offset = 0
        self._drag = None  # (kind "text" | "bar", start y, start offset) while a finger or button is down

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

    # -- pointer and touch: swipe the text, tap or drag the scroll bar ---------------------------
    def bar_zone(self) -> pygame.Rect:
        return pygame.Rect(self.viewport.right, self.viewport.y, BAR_ZONE, self.viewport.h)

    def _jump(self, y: int) -> bool:
        """Put the part of the content at the bar's ``y`` in the middle of the viewport."""
        total = self.max_offset + self.viewport.h
        frac = (y - self.viewport.y) / max(1, self.viewport.h)
        return self.scroll(int(frac * total - self.viewport.h / 2) - self.offset)

    def _pointer(self, action: A.Action) -> bool:
        pos = action.pos
        if action.kind == A.POINTER_DOWN and pos is not None and self.scrollable:
            if self.bar_zone().collidepoint(pos):
                self._drag = ("bar", pos[1], self.offset)
                self._jump(pos[1])
                return True
            if self.viewport.collidepoint(pos):
                self._drag = ("text", pos[1], self.offset)
                return True
            return False
        if self._drag is None:
            return False
        kind, y0, off0 = self._drag
        if action.kind == A.POINTER_MOVE and pos is not None:
            if kind == "bar":
                return self._jump(pos[1])
            dy = pos[1] - y0
            if abs(dy) < DRAG_SLOP and self.offset == off0:
                return True
            return self.scroll(off0 - dy - self.offset) or True
        if action.kind == A.POINTER_UP:
            self._drag = None
            return True  # it began on the text or the bar: never a press of something else
        return False

    def handle(self, action: A.Action) -> bool:
        if action.kind in (A.POINTER_DOWN, A.POINTER_MOVE, A.POINTER_UP) and self._pointer(action):
            return True
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


class ChunkedScrollView(ScrollView):
    """A long report made of pieces (one per decision), painted when they come into view.

    Each piece is painted once up front to learn its height and then let go; only the pieces near
    the viewport are kept (a few megabytes), instead of one surface for the whole report, which for
    a 25-decision debrief is some 35 MB of the browser's never-shrinking heap.
    """

    KEEP = 6  # painted pieces kept around the viewport

    def __init__(self, viewport: pygame.Rect, painters: list, background):
        self.viewport = pygame.Rect(viewport)
        self.offset = 0
        self._drag = None
        self.painters = list(painters)
        self.background = background
        self._painted: dict[int, pygame.Surface] = {}
        self.heights = []
        for i, paint in enumerate(self.painters):
            surf = paint()
            self.heights.append(surf.get_height())
            if i < self.KEEP:
                self._painted[i] = surf
        self.tops = []
        y = 0
        for h in self.heights:
            self.tops.append(y)
            y += h
        self.total_height = y

    @property
    def max_offset(self) -> int:
        return max(0, self.total_height - self.viewport.h)

    def _piece(self, i: int) -> pygame.Surface:
        surf = self._painted.get(i)
        if surf is None:
            surf = self._painted[i] = self.painters[i]()
            # Let go of the pieces farthest from this one.
            while len(self._painted) > self.KEEP:
                far = max(self._painted, key=lambda k: abs(k - i))
                del self._painted[far]
        return surf

    def visible(self) -> list[int]:
        top, bottom = self.offset, self.offset + self.viewport.h
        return [i for i, (t, h) in enumerate(zip(self.tops, self.heights)) if t < bottom and t + h > top]

    def draw(self, surface, theme) -> None:
        surface.fill(self.background, self.viewport)
        clip = surface.get_clip()
        surface.set_clip(self.viewport)
        for i in self.visible():
            surface.blit(self._piece(i), (self.viewport.x, self.viewport.y + self.tops[i] - self.offset))
        surface.set_clip(clip)
        if self.scrollable:
            track = pygame.Rect(self.viewport.right + 6, self.viewport.y, 6, self.viewport.h)
            pygame.draw.rect(surface, theme.panel_alt, track, border_radius=3)
            frac = self.viewport.h / self.total_height
            thumb = pygame.Rect(track.x, track.y + int(track.h * self.offset / self.total_height),
                                6, max(20, int(track.h * frac)))
            pygame.draw.rect(surface, theme.accent, thumb, border_radius=3)


def page_step(scene, viewport: pygame.Rect, down: bool) -> int:
    """How far Page Down (or Up) scrolls: a page less 60 px, or, for a scene that names its
    ``page_items()`` ((top, bottom) of each option as scroll offsets: at ``scroll == top`` the option's
    top is just inside the view), so that a page shows whole options: down, the first option below
    that is not wholly in view comes to the top; up, the page that ends where this one begins. An
    option taller than the view is paged through like text."""
    page = viewport.h - 60
    items = scene.page_items() if callable(getattr(scene, "page_items", None)) else []
    now = scene.scroll
    if down:
        cut = next((top for top, bottom in items if top > now and bottom > now + viewport.h), None)
        return (cut if cut is not None else now + page) - now
    if now - page <= 0:
        return -now
    earlier = [top for top, _bottom in items if now - viewport.h + 16 <= top < now]  # nothing skipped
    return (min(earlier) if earlier else now - page) - now


def swipe_over_widgets(scene, action: A.Action, viewport: pygame.Rect) -> bool:
    """Scrolling a scene whose buttons scroll inside ``viewport`` (decision options, assessment items):
    the wheel and Page Up/Down scroll; a press on a button stays a tap on it unless the finger moves
    DRAG_SLOP px first, and then it is a swipe that presses nothing. The scene has ``scroll``,
    ``max_scroll``, ``scroll_by(dy)``, ``group`` and ``_drag`` (None, or (y, scroll, moving) while down)."""
    if not scene.max_scroll:
        return False
    if action.kind == A.SCROLL:
        return scene.scroll_by(-action.amount * viewport.h // 6) or True
    if action.kind in (A.PAGE_DOWN, A.PAGE_UP):
        return scene.scroll_by(page_step(scene, viewport, action.kind == A.PAGE_DOWN)) or True
    pos = action.pos
    if action.kind == A.POINTER_DOWN and pos is not None and viewport.collidepoint(pos):
        scene._drag = (pos[1], scene.scroll, False)
        return False  # the press may still be a tap on a button
    if scene._drag is None:
        return False
    y0, s0, moving = scene._drag
    if action.kind == A.POINTER_MOVE and pos is not None:
        if moving or abs(pos[1] - y0) >= DRAG_SLOP:
            scene._drag = (y0, s0, True)
            scene.group._pressed = None  # a swipe is not a tap on the button it began on
            scene.scroll_by(s0 - (pos[1] - y0) - scene.scroll)
            return True
        return False
    if action.kind == A.POINTER_UP:
        scene._drag = None
        if moving:
            scene.group._pressed = None
        return moving
    return False
