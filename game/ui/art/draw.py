"""Drawing primitives shared by the backgrounds, portraits and icons.

Art is designed in a fixed "design space" (1280x720 for backgrounds, 200x240 for portraits, 100x100
for icons) and painted onto a surface that is ``SUPERSAMPLE`` times the requested size; the caller
then smooth-scales it down, which gives soft anti-aliased edges with plain ``pygame.draw``.
A ``Painter`` maps design coordinates to pixels so every drawing routine stays size-independent.
"""

from __future__ import annotations

import math
import random
import zlib
from collections import OrderedDict
from typing import Callable, Sequence

import pygame

Color = tuple  # (r, g, b) or (r, g, b, a)
Point = tuple[float, float]

SUPERSAMPLE = 2


def seeded(name: str) -> random.Random:
    """A random generator that depends only on ``name`` (str hashes differ per process; crc32 does not)."""
    return random.Random(zlib.crc32(name.encode("utf-8")))


def mix(a: Color, b: Color, t: float) -> tuple[int, int, int]:
    """Blend two colours: t=0 gives a, t=1 gives b."""
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def shade(c: Color, amount: float) -> tuple[int, int, int]:
    """Darken (amount < 0) towards black or lighten (amount > 0) towards white."""
    return mix(c, (0, 0, 0), -amount) if amount < 0 else mix(c, (255, 255, 255), amount)


def quad_bezier(p0: Point, p1: Point, p2: Point, steps: int = 12) -> list[Point]:
    pts = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        pts.append((u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
                    u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1]))
    return pts


def check_size(size) -> tuple[int, int]:
    try:
        w, h = int(size[0]), int(size[1])
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"size must be (width, height), got {size!r}") from None
    if w < 1 or h < 1 or w > 8192 or h > 8192:
        raise ValueError(f"size must be between 1 and 8192 pixels each way, got {size!r}")
    return w, h


class LRU:
    """A small bounded cache of rendered surfaces (the whole set would not fit a browser tab)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.items: OrderedDict = OrderedDict()

    def get_or_make(self, key, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
            return found
        made = make()
        self.items[key] = made
        if len(self.items) > self.limit:
            self.items.popitem(last=False)
        return made

    def clear(self) -> None:
        self.items.clear()


class Painter:
    """Draws in design units on a pixel surface: pixel = offset + design * scale."""

    def __init__(self, surface: pygame.Surface, scale: float, offset: Point = (0.0, 0.0)):
        self.surface = surface
        self.k = scale
        self.ox, self.oy = offset

    def shifted(self, dx: float, dy: float) -> "Painter":
        """The same canvas with the design moved by (dx, dy): to set a group of things further back."""
        return Painter(self.surface, self.k, (self.ox + dx * self.k, self.oy + dy * self.k))

    # coordinate helpers -------------------------------------------------------------------------
    def p(self, x: float, y: float) -> tuple[int, int]:
        return round(self.ox + x * self.k), round(self.oy + y * self.k)

    def r(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        x0, y0 = self.p(x, y)
        x1, y1 = self.p(x + w, y + h)
        return pygame.Rect(x0, y0, max(1, x1 - x0), max(1, y1 - y0))

    def d(self, v: float) -> int:
        return max(1, round(v * self.k))

    # shapes -------------------------------------------------------------------------------------
    def rect(self, color: Color, x, y, w, h, radius: float = 0, width: float = 0) -> None:
        pygame.draw.rect(self.surface, color, self.r(x, y, w, h),
                         self.d(width) if width else 0, border_radius=round(radius * self.k) if radius else -1)

    def ellipse(self, color: Color, cx, cy, rx, ry, width: float = 0) -> None:
        pygame.draw.ellipse(self.surface, color, self.r(cx - rx, cy - ry, 2 * rx, 2 * ry),
                            self.d(width) if width else 0)

    def circle(self, color: Color, cx, cy, radius, width: float = 0) -> None:
        self.ellipse(color, cx, cy, radius, radius, width)

    def polygon(self, color: Color, points: Sequence[Point]) -> None:
        pygame.draw.polygon(self.surface, color, [self.p(x, y) for x, y in points])

    def stroke(self, color: Color, points: Sequence[Point], width: float, closed: bool = False) -> None:
        """A thick polyline with round joins and caps (pygame's thick lines have square, gappy joins)."""
        pts = [self.p(x, y) for x, y in points]
        if closed:
            pts.append(pts[0])
        half = max(0.5, width * self.k / 2)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            dx, dy = x1 - x0, y1 - y0
            length = math.hypot(dx, dy) or 1.0
            nx, ny = -dy / length * half, dx / length * half
            pygame.draw.polygon(self.surface, color,
                                [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])
        radius = round(half)
        if radius >= 1:
            for x, y in pts:
                pygame.draw.circle(self.surface, color, (x, y), radius)

    def curve(self, color: Color, p0: Point, p1: Point, p2: Point, width: float) -> None:
        self.stroke(color, quad_bezier(p0, p1, p2), width)

    # soft effects -------------------------------------------------------------------------------
    def gradient(self, top: Color, bottom: Color, x, y, w, h, radius: float = 0,
                 horizontal: bool = False) -> None:
        """A smooth two-colour gradient, optionally with rounded corners."""
        rect = self.r(x, y, w, h)
        n = rect.width if horizontal else rect.height
        if not radius:
            # straight onto the canvas, one fill per run of rows (or columns) of one colour: the pixels
            # of the strip-and-stretch below, without the strip, the stretch or a fill per row
            for start, end, color in _bands(top, bottom, n):
                if horizontal:
                    self.surface.fill(color, (rect.x + start, rect.y, end - start, rect.height))
                else:
                    self.surface.fill(color, (rect.x, rect.y + start, rect.width, end - start))
            return
        # one pixel per row (or column), stretched without interpolation: exact and cheap
        strip = pygame.Surface((n, 1) if horizontal else (1, n))
        for start, end, color in _bands(top, bottom, n):
            strip.fill(color, (start, 0, end - start, 1) if horizontal else (0, start, 1, end - start))
        grad = pygame.transform.scale(strip, rect.size)
        if radius:
            mask = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=round(radius * self.k))
            grad = _with_alpha(grad)
            grad.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        self.surface.blit(grad, rect.topleft)

    def glow(self, color: Color, alpha: int, cx, cy, rx, ry) -> None:
        """A soft-edged translucent ellipse (light pools, shadows): a small radial falloff scaled up."""
        rect = self.r(cx - rx, cy - ry, 2 * rx, 2 * ry)
        soft = pygame.transform.smoothscale(_falloff(tuple(color[:3]), alpha), rect.size)
        self.surface.blit(soft, rect.topleft)

    def shadow(self, x, y, w, h, alpha: int = 60) -> None:
        """A soft contact shadow under furniture."""
        self.glow((20, 24, 30), alpha, x + w / 2, y + h / 2, w / 2, h / 2)

    def clipped(self, x, y, w, h):
        """Limit drawing to a rectangle: ``with p.clipped(...):``."""
        return _Clip(self.surface, self.r(x, y, w, h))

    def blit(self, picture: pygame.Surface, topleft: tuple[int, int]) -> None:
        """Put a finished picture (in pixels, not design units) onto the canvas."""
        self.surface.blit(picture, topleft)

    def translucent(self, color: Color, alpha: int, draw: Callable[["Painter"], None]) -> None:
        """Run ``draw`` onto a transparent layer and blend it with ``alpha`` (pygame.draw does not blend).
        The layer covers only what ``draw`` paints (a canvas-sized one cost 8-11 ms to make, one of
        the longest single steps of a room); outside it a whole-canvas layer would be transparent."""
        area = _Bounds.of(draw, self)
        if area is None:  # a drawing the bounds cannot follow: the whole canvas
            area = self.surface.get_rect()
        area = area.clip(self.surface.get_rect())
        if not area.w or not area.h:
            return
        layer = pygame.Surface(area.size, pygame.SRCALPHA)
        draw(_Moved(layer, self.k, (self.ox, self.oy), area.topleft))
        layer.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        self.surface.blit(layer, area.topleft)


class _Moved(Painter):
    """A Painter onto a layer whose top-left corner is pixel ``origin`` of the canvas: the canvas's
    pixel coordinates, moved by whole pixels (so the same pixels, in the layer's place)."""

    def __init__(self, surface: pygame.Surface, scale: float, offset: Point, origin: tuple[int, int]):
        super().__init__(surface, scale, offset)
        self.origin = origin

    def shifted(self, dx: float, dy: float) -> "Painter":
        return _Moved(self.surface, self.k, (self.ox + dx * self.k, self.oy + dy * self.k), self.origin)

    def p(self, x: float, y: float) -> tuple[int, int]:
        px, py = super().p(x, y)
        return px - self.origin[0], py - self.origin[1]

    def blit(self, picture: pygame.Surface, topleft: tuple[int, int]) -> None:
        self.surface.blit(picture, (topleft[0] - self.origin[0], topleft[1] - self.origin[1]))


class _Bounds(Painter):
    """Draws nothing: the pixel rectangle (with a margin) that a drawing's shapes would touch."""

    MARGIN = 2

    def __init__(self, scale: float, offset: Point, rects: list):
        super().__init__(None, scale, offset)  # no surface: a drawing call not listed here fails
        self.rects = rects

    @classmethod
    def of(cls, draw: Callable[["Painter"], None], painter: Painter) -> pygame.Rect | None:
        rects: list[pygame.Rect] = []
        try:
            draw(cls(painter.k, (painter.ox, painter.oy), rects))
        except (AttributeError, TypeError):
            return None
        if not rects:
            return pygame.Rect(0, 0, 0, 0)
        return rects[0].unionall(rects[1:]).inflate(2 * cls.MARGIN, 2 * cls.MARGIN)

    def shifted(self, dx: float, dy: float) -> "Painter":
        return _Bounds(self.k, (self.ox + dx * self.k, self.oy + dy * self.k), self.rects)

    def _points(self, pts, grow: float = 0) -> None:
        xs, ys = [x for x, _ in pts], [y for _, y in pts]
        g = math.ceil(grow)
        self.rects.append(pygame.Rect(min(xs) - g, min(ys) - g, max(xs) - min(xs) + 1 + 2 * g,
                                      max(ys) - min(ys) + 1 + 2 * g))

    def rect(self, color, x, y, w, h, radius: float = 0, width: float = 0) -> None:
        self.rects.append(self.r(x, y, w, h))

    def ellipse(self, color, cx, cy, rx, ry, width: float = 0) -> None:
        self.rects.append(self.r(cx - rx, cy - ry, 2 * rx, 2 * ry))

    def polygon(self, color, points) -> None:
        self._points([self.p(x, y) for x, y in points])

    def stroke(self, color, points, width: float, closed: bool = False) -> None:
        self._points([self.p(x, y) for x, y in points], max(0.5, width * self.k / 2) + 1)

    def gradient(self, top, bottom, x, y, w, h, radius: float = 0, horizontal: bool = False) -> None:
        self.rects.append(self.r(x, y, w, h))

    def glow(self, color, alpha: int, cx, cy, rx, ry) -> None:
        self.rects.append(self.r(cx - rx, cy - ry, 2 * rx, 2 * ry))

    def blit(self, picture: pygame.Surface, topleft: tuple[int, int]) -> None:
        self.rects.append(picture.get_rect(topleft=topleft))

    def translucent(self, color, alpha: int, draw) -> None:
        draw(self)

    def clipped(self, x, y, w, h):
        return _NoClip()


class _NoClip:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


class Recorder(Painter):
    """A Painter that draws nothing yet: each drawing call is kept, in order, in ``ops`` (callables that
    make it on the real canvas later). A picture can then be painted a few calls at a time across
    frames, with exactly the pixels one pass would give. Coordinates, ``rng`` draws and arguments are
    all fixed when the call is recorded; only the pixels wait."""

    def __init__(self, surface: pygame.Surface, scale: float, offset: Point = (0.0, 0.0),
                 ops: list | None = None):
        super().__init__(surface, scale, offset)
        self.ops: list[Callable[[], None]] = [] if ops is None else ops

    def shifted(self, dx: float, dy: float) -> "Recorder":
        return Recorder(self.surface, self.k, (self.ox + dx * self.k, self.oy + dy * self.k), self.ops)

    def _later(self, name: str, *args, **kwargs) -> None:
        real = Painter(self.surface, self.k, (self.ox, self.oy))
        self.ops.append(lambda: getattr(real, name)(*args, **kwargs))

    # circle, curve and shadow go through ellipse, stroke and glow, so these are all the primitives
    def rect(self, color, x, y, w, h, radius: float = 0, width: float = 0) -> None:
        self._later("rect", color, x, y, w, h, radius=radius, width=width)

    def ellipse(self, color, cx, cy, rx, ry, width: float = 0) -> None:
        self._later("ellipse", color, cx, cy, rx, ry, width=width)

    def polygon(self, color, points) -> None:
        self._later("polygon", color, list(points))

    def stroke(self, color, points, width: float, closed: bool = False) -> None:
        self._later("stroke", color, list(points), width, closed=closed)

    def gradient(self, top, bottom, x, y, w, h, radius: float = 0, horizontal: bool = False) -> None:
        self._later("gradient", top, bottom, x, y, w, h, radius=radius, horizontal=horizontal)

    def glow(self, color, alpha: int, cx, cy, rx, ry) -> None:
        self._later("glow", color, alpha, cx, cy, rx, ry)

    def blit(self, picture, topleft) -> None:
        self._later("blit", picture, tuple(topleft))

    def translucent(self, color, alpha: int, draw) -> None:
        self._later("translucent", color, alpha, draw)

    def clipped(self, x, y, w, h):
        return _RecordedClip(self, self.r(x, y, w, h))


class _RecordedClip:
    """``with recorder.clipped(...):`` — the clip is set and restored at those points of the replay."""

    def __init__(self, recorder: Recorder, rect: pygame.Rect):
        self.recorder, self.rect, self.saved = recorder, rect, []

    def __enter__(self):
        surface = self.recorder.surface

        def enter():
            self.saved.append(surface.get_clip())
            surface.set_clip(self.rect.clip(self.saved[-1]))

        self.recorder.ops.append(enter)

    def __exit__(self, *exc):
        surface = self.recorder.surface
        self.recorder.ops.append(lambda: surface.set_clip(self.saved.pop()))


class _Clip:
    def __init__(self, surface: pygame.Surface, rect: pygame.Rect):
        self.surface, self.rect = surface, rect

    def __enter__(self):
        self.old = self.surface.get_clip()
        self.surface.set_clip(self.rect.clip(self.old))

    def __exit__(self, *exc):
        self.surface.set_clip(self.old)


def _bands(top: Color, bottom: Color, n: int):
    """(start, end, colour) of each run of the ``n`` rows of a gradient from ``top`` to ``bottom``
    whose colour is the same: row ``i`` has ``mix(top, bottom, i / max(1, n - 1))``, computed the
    same way (so the same pixels), only without a call per row."""
    (a0, a1, a2), (b0, b1, b2) = top[:3], bottom[:3]
    d0, d1, d2 = b0 - a0, b1 - a1, b2 - a2
    last, start, current = max(1, n - 1), 0, None
    for i in range(n):
        t = i / last
        color = (round(a0 + d0 * t), round(a1 + d1 * t), round(a2 + d2 * t))
        if color != current:
            if current is not None:
                yield start, i, current
            start, current = i, color
    if current is not None:
        yield start, n, current


_FALLOFF: dict = {}
_FALLOFF_SIZE = 32
_FALLOFF_SHAPE: list[tuple[int, int, float]] = []  # (i, j, fade): the disc's shape, any colour and alpha


def _falloff(color: tuple, alpha: int) -> pygame.Surface:
    """A 32x32 disc whose alpha fades smoothly from the centre to nothing at the edge."""
    key = (color, alpha)
    if key not in _FALLOFF:
        n = _FALLOFF_SIZE
        if not _FALLOFF_SHAPE:
            for j in range(n):
                for i in range(n):
                    d = math.hypot((i + 0.5) / n * 2 - 1, (j + 0.5) / n * 2 - 1)
                    _FALLOFF_SHAPE.append((i, j, max(0.0, 1 - d * d) ** 1.6))
        disc = pygame.Surface((n, n), pygame.SRCALPHA)
        set_at = disc.set_at
        for i, j, fade in _FALLOFF_SHAPE:
            set_at((i, j), (*color, round(alpha * fade)))
        _FALLOFF[key] = disc
    return _FALLOFF[key]


def _with_alpha(surface: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    out.blit(surface, (0, 0))
    return out


def downsample(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """Smooth-scale the supersampled painting to the requested size."""
    if surface.get_size() == size:
        return surface
    return pygame.transform.smoothscale(surface, size)
