"""Small single-colour icons drawn by code: ``render(name, size, color) -> Surface`` (with alpha).

Shapes, never colour alone, carry the meaning: a check for ``upholds``, a cross for ``breaches``, an
open circle with a dash for ``missed``, an empty box drawn only at its corners for ``misses`` (a
measure that was available and not used: a box left unticked, neither a check nor a cross). Drawn in a 100x100 design box at four times the size and
smooth-scaled, so they stay crisp from 16 px up. ``NAMES`` lists every icon; ``ALIASES`` maps other
names the UI may use. Results are cached and shared: copy before drawing on them.
"""

from __future__ import annotations

import math

import pygame

from game.ui.art.draw import LRU, Painter, downsample, quad_bezier

ICON_SUPERSAMPLE = 4
CLEAR = (0, 0, 0, 0)  # drawing with this on an alpha surface cuts a hole
_cache = LRU(256)


def _check(p, c):
    p.stroke(c, [(18, 54), (40, 76), (84, 26)], 13)


def _cross(p, c):
    p.stroke(c, [(22, 22), (78, 78)], 13)
    p.stroke(c, [(78, 22), (22, 78)], 13)


def _missed(p, c):
    p.circle(c, 50, 50, 40, width=9)
    p.stroke(c, [(32, 50), (68, 50)], 10)


def _misses(p, c):  # an empty box, only its corners drawn: a measure on offer, left unused
    for (x, y), (dx, dy) in (((16, 16), (1, 1)), ((84, 16), (-1, 1)), ((84, 84), (-1, -1)), ((16, 84), (1, -1))):
        p.stroke(c, [(x, y + 26 * dy), (x, y), (x + 26 * dx, y)], 10)
    p.circle(c, 50, 50, 8)


def _info(p, c):
    p.circle(c, 50, 50, 44)
    p.circle(CLEAR, 50, 29, 7)
    p.rect(CLEAR, 43, 42, 14, 36, radius=5)


def _pause(p, c):
    p.rect(c, 22, 16, 20, 68, radius=6)
    p.rect(c, 58, 16, 20, 68, radius=6)


def _resume(p, c):
    pts = [(30, 18), (82, 50), (30, 82)]
    p.polygon(c, pts)
    p.stroke(c, pts, 8, closed=True)


def _replay(p, c):
    arc = [(50 + 34 * math.cos(a), 52 + 34 * math.sin(a)) for a in
           (math.radians(d) for d in range(-60, 215, 10))]
    p.stroke(c, arc, 10)
    tip = arc[0]
    p.polygon(c, [(tip[0] - 18, tip[1] - 10), (tip[0] + 16, tip[1] - 14), (tip[0] + 4, tip[1] + 18)])


def _export(p, c):
    p.stroke(c, [(16, 56), (16, 84), (84, 84), (84, 56)], 9)
    p.stroke(c, [(50, 66), (50, 18)], 9)
    p.stroke(c, [(30, 36), (50, 16), (70, 36)], 9)


def _download(p, c):
    p.stroke(c, [(16, 56), (16, 84), (84, 84), (84, 56)], 9)
    p.stroke(c, [(50, 14), (50, 62)], 9)
    p.stroke(c, [(30, 44), (50, 64), (70, 44)], 9)


def _settings(p, c):
    for i in range(8):
        a = i * math.pi / 4
        p.polygon(c, [(50 + math.cos(a - 0.22) * 30, 50 + math.sin(a - 0.22) * 30),
                      (50 + math.cos(a - 0.14) * 45, 50 + math.sin(a - 0.14) * 45),
                      (50 + math.cos(a + 0.14) * 45, 50 + math.sin(a + 0.14) * 45),
                      (50 + math.cos(a + 0.22) * 30, 50 + math.sin(a + 0.22) * 30)])
    p.circle(c, 50, 50, 34)
    p.circle(CLEAR, 50, 50, 14)


def _vote_up(p, c):
    p.stroke(c, [(50, 18), (50, 82)], 14)
    p.stroke(c, [(18, 50), (82, 50)], 14)


def _vote_down(p, c):
    p.stroke(c, [(18, 50), (82, 50)], 14)


def _heart(p, c, cx=50, cy=50, s=1.0):
    left = quad_bezier((cx, cy + 30 * s), (cx - 48 * s, cy - 2 * s), (cx - 22 * s, cy - 26 * s), 10)
    left += quad_bezier((cx - 22 * s, cy - 26 * s), (cx - 6 * s, cy - 34 * s), (cx, cy - 14 * s), 6)
    right = [(2 * cx - x, y) for x, y in reversed(left)]
    p.polygon(c, left + right)


def _trust(p, c):
    _heart(p, c, 50, 40, 0.78)
    # two hands cupped beneath the heart
    p.stroke(c, [(10, 56), (22, 74), (42, 82), (50, 80)], 9)
    p.stroke(c, [(90, 56), (78, 74), (58, 82), (50, 80)], 9)


def _stress(p, c):
    for row, y in enumerate((36, 64)):
        pts = [(10 + i * 4, y + math.sin(i * 0.55 + row) * 10) for i in range(21)]
        p.stroke(c, pts, 8)


def _first_contact(p, c):  # a person with a speech bubble: someone comes forward and speaks
    p.circle(c, 34, 40, 14)
    p.polygon(c, quad_bezier((10, 88), (34, 44), (58, 88), 12))
    p.rect(c, 54, 10, 38, 28, radius=10)
    p.polygon(c, [(60, 34), (72, 34), (58, 46)])


def _police_interview(p, c):  # two speech bubbles: a conversation
    p.rect(c, 8, 14, 54, 36, radius=12)
    p.polygon(c, [(18, 46), (32, 46), (14, 62)])
    p.rect(c, 40, 48, 52, 34, radius=12)
    p.rect(CLEAR, 46, 54, 40, 22, radius=8)
    p.polygon(c, [(78, 80), (66, 80), (86, 94)])


def _individual_assessment(p, c):  # a clipboard with ticked lines
    p.rect(c, 18, 14, 64, 80, radius=8)
    p.rect(CLEAR, 26, 26, 48, 60, radius=4)
    p.rect(c, 36, 8, 28, 14, radius=4)
    for i in range(3):
        y = 38 + i * 16
        p.stroke(c, [(32, y), (36, y + 4), (42, y - 4)], 4)
        p.stroke(c, [(50, y), (68, y)], 4)


def _support_services(p, c):  # a house holding a heart
    p.polygon(c, [(50, 10), (92, 46), (82, 46), (82, 90), (18, 90), (18, 46), (8, 46)])
    p.polygon(CLEAR, [(50, 24), (72, 44), (72, 82), (28, 82), (28, 44)])
    _heart(p, c, 50, 60, 0.42)


def _prosecution(p, c):  # a case file with a folded corner
    p.polygon(c, [(20, 8), (64, 8), (84, 28), (84, 92), (20, 92)])
    p.polygon(CLEAR, [(28, 16), (58, 16), (58, 34), (76, 34), (76, 84), (28, 84)])
    for i in range(3):
        p.stroke(c, [(36, 48 + i * 12), (68, 48 + i * 12)], 4)


def _court(p, c):  # balanced scales
    p.stroke(c, [(50, 12), (50, 82)], 7)
    p.stroke(c, [(16, 26), (84, 26)], 7)
    p.rect(c, 30, 82, 40, 9, radius=3)
    for x in (22, 78):
        p.stroke(c, [(x, 26), (x - 14, 58)], 3)
        p.stroke(c, [(x, 26), (x + 14, 58)], 3)
        p.polygon(c, quad_bezier((x - 18, 58), (x, 78), (x + 18, 58), 10))


def _after_trial(p, c):  # a seedling: what grows afterwards
    p.stroke(c, [(50, 88), (50, 40)], 7)
    p.polygon(c, quad_bezier((50, 52), (18, 52), (16, 24), 10) + quad_bezier((16, 24), (46, 22), (50, 52), 10))
    p.polygon(c, quad_bezier((50, 44), (84, 42), (86, 12), 10) + quad_bezier((86, 12), (54, 12), (50, 44), 10))
    p.rect(c, 26, 84, 48, 8, radius=4)


def _next(p, c):
    p.stroke(c, [(16, 50), (80, 50)], 10)
    p.stroke(c, [(56, 26), (82, 50), (56, 74)], 10)


def _back(p, c):
    p.stroke(c, [(84, 50), (20, 50)], 10)
    p.stroke(c, [(44, 26), (18, 50), (44, 74)], 10)


def _close(p, c):  # thin cross in a ring (distinct from the bold ``breaches`` cross)
    p.circle(c, 50, 50, 42, width=6)
    p.stroke(c, [(34, 34), (66, 66)], 6)
    p.stroke(c, [(66, 34), (34, 66)], 6)


def _menu(p, c):
    for y in (26, 50, 74):
        p.stroke(c, [(18, y), (82, y)], 9)


def _home(p, c):
    p.polygon(c, [(50, 12), (90, 48), (80, 48), (80, 88), (20, 88), (20, 48), (10, 48)])
    p.rect(CLEAR, 42, 60, 16, 28, radius=3)


def _clock(p, c):
    p.circle(c, 50, 50, 42, width=8)
    p.stroke(c, [(50, 26), (50, 52), (68, 62)], 7)


def _group(p, c):
    for x, y, r in ((30, 34, 11), (70, 34, 11), (50, 44, 13)):
        p.circle(c, x, y, r)
    p.polygon(c, quad_bezier((10, 80), (30, 44), (50, 80), 10))
    p.polygon(c, quad_bezier((50, 80), (70, 44), (90, 80), 10))
    p.polygon(c, quad_bezier((24, 90), (50, 50), (76, 90), 12))


def _contrast(p, c):
    p.circle(c, 50, 50, 42, width=7)
    p.polygon(c, [(50 + 40 * math.cos(a), 50 + 40 * math.sin(a)) for a in
                  (math.radians(d) for d in range(-90, 91, 10))])


def _lock(p, c):
    p.stroke(c, [(32, 46), (32, 30)] + quad_bezier((32, 30), (50, 2), (68, 30), 10) + [(68, 46)], 8)
    p.rect(c, 22, 44, 56, 44, radius=8)
    p.circle(CLEAR, 50, 62, 6)


def _star(p, c):
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        r = 44 if i % 2 == 0 else 19
        pts.append((50 + r * math.cos(a), 54 + r * math.sin(a)))
    p.polygon(c, pts)


def _person(p, c):
    p.circle(c, 50, 32, 18)
    p.polygon(c, quad_bezier((16, 92), (50, 30), (84, 92), 14))


def _warning(p, c):  # a soft, rounded triangle with a cut-out mark
    pts = [(50, 12), (90, 84), (10, 84)]
    p.polygon(c, pts)
    p.stroke(c, pts, 10, closed=True)
    p.rect(CLEAR, 45, 36, 10, 28, radius=4)
    p.circle(CLEAR, 50, 74, 6)


def _up(p, c):
    p.stroke(c, [(50, 86), (50, 20)], 11)
    p.stroke(c, [(24, 44), (50, 16), (76, 44)], 11)


def _down(p, c):
    p.stroke(c, [(50, 14), (50, 80)], 11)
    p.stroke(c, [(24, 56), (50, 84), (76, 56)], 11)


def _recommended(p, c):  # a full disc with a check cut out of it
    p.circle(c, 50, 50, 45)
    p.stroke(CLEAR, [(28, 52), (44, 68), (73, 36)], 10)


def _partial(p, c):  # an open ring holding a small check: part of the way there
    p.circle(c, 50, 50, 42, width=8)
    p.stroke(c, [(32, 52), (45, 65), (68, 38)], 8)


def _not_recommended(p, c):  # a diamond (not a disc: the outline differs too) with a cross cut out
    pts = [(50, 4), (96, 50), (50, 96), (4, 50)]
    p.polygon(c, pts)
    p.stroke(c, pts, 6, closed=True)
    p.stroke(CLEAR, [(36, 36), (64, 64)], 9)
    p.stroke(CLEAR, [(64, 36), (36, 64)], 9)


DRAWERS = {
    "upholds": _check, "breaches": _cross, "misses": _misses, "missed": _missed, "info": _info, "pause": _pause,
    "resume": _resume, "replay": _replay, "export": _export, "download": _download, "settings": _settings,
    "vote_up": _vote_up, "vote_down": _vote_down, "trust": _trust, "stress": _stress,
    "stage_first_contact": _first_contact, "stage_police_interview": _police_interview,
    "stage_individual_assessment": _individual_assessment, "stage_support_services": _support_services,
    "stage_prosecution": _prosecution, "stage_court": _court, "stage_after_trial": _after_trial,
    "next": _next, "back": _back, "close": _close, "menu": _menu, "home": _home, "clock": _clock,
    "group": _group, "contrast": _contrast, "lock": _lock, "star": _star, "person": _person,
    "warning": _warning, "up": _up, "down": _down, "recommended": _recommended, "partial": _partial,
    "not_recommended": _not_recommended,
}
NAMES = tuple(DRAWERS)
ALIASES = {
    "check": "upholds", "upheld": "upholds", "cross": "breaches", "breached": "breaches", "not_used": "misses",
    "play": "resume", "continue": "resume", "plus": "vote_up", "minus": "vote_down",
    "heart": "trust", "wave": "stress", "timer": "clock", "facilitated": "group", "notice": "info",
    "increase": "up", "decrease": "down",
    "first_contact": "stage_first_contact", "police_interview": "stage_police_interview",
    "individual_assessment": "stage_individual_assessment", "support_services": "stage_support_services",
    "prosecution": "stage_prosecution", "court": "stage_court", "after_trial": "stage_after_trial",
}


def render(name: str, size: int, color) -> pygame.Surface:
    key = ALIASES.get(name, name)
    if key not in DRAWERS:
        raise ValueError(f"unknown icon {name!r}; known: {', '.join(NAMES)}")
    try:
        px = int(size)
    except (TypeError, ValueError):
        raise ValueError(f"icon size must be a whole number of pixels, got {size!r}") from None
    if not 1 <= px <= 1024:
        raise ValueError(f"icon size must be 1..1024 pixels, got {size!r}")
    rgba = tuple(int(v) for v in color)
    if len(rgba) == 3:
        rgba += (255,)
    if len(rgba) != 4 or not all(0 <= v <= 255 for v in rgba):
        raise ValueError(f"icon colour must be (r, g, b) or (r, g, b, a) in 0..255, got {color!r}")
    return _cache.get_or_make((key, px, rgba), lambda: _paint(key, px, rgba))


def _paint(key: str, px: int, rgba: tuple) -> pygame.Surface:
    big = pygame.Surface((px * ICON_SUPERSAMPLE, px * ICON_SUPERSAMPLE), pygame.SRCALPHA)
    # paint opaque, then apply the colour's alpha once (overlapping strokes would otherwise darken)
    DRAWERS[key](Painter(big, big.get_width() / 100), (*rgba[:3], 255))
    if rgba[3] != 255:
        big.fill((255, 255, 255, rgba[3]), special_flags=pygame.BLEND_RGBA_MULT)
    return downsample(big, (px, px))


def clear_cache() -> None:
    _cache.clear()
