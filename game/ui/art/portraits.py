"""Head-and-shoulders portraits drawn by code: ``render(portrait, mood, (w, h)) -> Surface`` (with alpha).

Every portrait in ``game.engine.vocab.PORTRAITS`` (people in people.py) in every mood. The bust is
designed in a 200x240 box, fitted into the requested size (bottom-centred, aspect kept) and painted at
twice the size, then smooth-scaled. The head is painted on its own layer so a mood can lower and tilt
it. ``narrator`` is a small neutral emblem, the same in every mood. Results are cached and shared:
copy before drawing on them.
"""

from __future__ import annotations

import pygame

from game.ui.art import palette as pal
from game.ui.art.bodies import body
from game.ui.art.draw import LRU, SUPERSAMPLE, Painter, check_size, downsample, mix, quad_bezier, shade
from game.ui.art.faces import HEAD_BY_AGE, Head, features, hair_back, hair_front, head_shape
from game.ui.art.people import PEOPLE, POSTURES

DESIGN_W, DESIGN_H = 200, 240
PORTRAITS = tuple(PEOPLE) + ("narrator",)
MOODS = tuple(POSTURES)
# Every portrait in every mood at one size fits; only those asked for are kept (0.6 MB each at 340x420).
_cache = LRU(len(PEOPLE) * len(POSTURES) + 8)


def render(portrait: str, mood: str, size: tuple[int, int]) -> pygame.Surface:
    if portrait not in PORTRAITS:
        raise ValueError(f"unknown portrait {portrait!r}; known: {', '.join(PORTRAITS)}")
    if mood not in POSTURES:
        raise ValueError(f"unknown mood {mood!r}; known: {', '.join(POSTURES)}")
    w, h = check_size(size)
    if portrait == "narrator":
        mood = "neutral"  # one emblem for every mood; share the cached copy
    return _cache.get_or_make((portrait, mood, w, h), lambda: _paint(portrait, mood, w, h))


def _paint(portrait: str, mood: str, w: int, h: int) -> pygame.Surface:
    big = pygame.Surface((w * SUPERSAMPLE, h * SUPERSAMPLE), pygame.SRCALPHA)
    k = min(big.get_width() / DESIGN_W, big.get_height() / DESIGN_H)
    offset = ((big.get_width() - DESIGN_W * k) / 2, big.get_height() - DESIGN_H * k)
    p = Painter(big, k, offset)
    if portrait == "narrator":
        emblem(p)
    else:
        bust(p, portrait, mood)
    small = downsample(big, (w, h))
    return with_soft_shadow(small)


def with_soft_shadow(figure: pygame.Surface) -> pygame.Surface:
    """A faint blurred shadow of the silhouette behind it, so the figure separates from any room."""
    w, h = figure.get_size()
    silhouette = pygame.mask.from_surface(figure, 40).to_surface(setcolor=(24, 28, 36, 90), unsetcolor=(0, 0, 0, 0))
    tiny = pygame.transform.smoothscale(silhouette, (max(1, w // 10), max(1, h // 10)))
    blurred = pygame.transform.smoothscale(tiny, (w, h))
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    out.blit(blurred, (max(1, w // 90), max(1, h // 80)))
    out.blit(figure, (0, 0))
    return out


def bust(p: Painter, portrait: str, mood: str) -> None:
    person = PEOPLE[portrait]
    post = POSTURES[mood]
    base = HEAD_BY_AGE[person.age]
    head = Head(base.x, base.y + post.head_dy, base.rx, base.ry, base.eye)
    pivot = pygame.Vector2(p.p(100, head.y + head.ry * 0.9))
    # Hair that falls behind the shoulders goes under the body; the head goes over it. Both turn
    # about the neck by the mood's tilt, each on a layer no bigger than it needs (rotation is the
    # costly step).
    if has_hair_back(person):
        box = (head.x - 2.0 * head.rx, head.y - 1.5 * head.ry, 4.0 * head.rx, 3.9 * head.ry)
        draw_turned(p, pivot, post.tilt, box, lambda lp: hair_back(lp, person, head))
    body(p, person, head, post)

    def draw_head(lp: Painter) -> None:
        head_shape(lp, person, head)
        features(lp, person, head, mood)
        hair_front(lp, person, head)

    box = (head.x - 1.5 * head.rx, head.y - 1.5 * head.ry, 3.0 * head.rx, 2.9 * head.ry)
    draw_turned(p, pivot, post.tilt, box, draw_head)


def has_hair_back(person) -> bool:
    return person.hair_style in ("long", "wavy", "bob", "afro", "curly", "ponytail", "bun", "hijab")


def draw_turned(p: Painter, pivot: pygame.Vector2, tilt: float, box, draw) -> None:
    """Run ``draw`` turned by ``tilt`` degrees about ``pivot``; ``box`` (design units) bounds it."""
    if not tilt:
        draw(p)
        return
    bx, by, bw, bh = box
    layer = pygame.Surface((max(1, round(bw * p.k)), max(1, round(bh * p.k))), pygame.SRCALPHA)
    draw(Painter(layer, p.k, (-bx * p.k, -by * p.k)))
    centre = pygame.Vector2(p.p(bx + bw / 2, by + bh / 2))
    layer = pygame.transform.rotate(layer, tilt)
    centre = pivot + (centre - pivot).rotate(-tilt)
    p.surface.blit(layer, layer.get_rect(center=(round(centre.x), round(centre.y))))


def emblem(p: Painter) -> None:
    """The narrator: a round badge with a path winding towards a low sun. No face, no words."""
    cx, cy, r = 100, 150, 62
    # the scene is painted on its own layer and cut to a disc
    box = p.r(cx - r, cy - r, 2 * r, 2 * r)
    layer = pygame.Surface(box.size, pygame.SRCALPHA)
    lp = Painter(layer, p.k, (-(cx - r) * p.k, -(cy - r) * p.k))
    lp.gradient(pal.SKY_TOP, pal.OFF_WHITE, cx - r, cy - r, 2 * r, r * 1.2)
    lp.circle(pal.TOY_YELLOW, cx + 18, cy - 8, 14)
    lp.ellipse(pal.HILL, cx - 30, cy + 40, 80, 42)
    lp.ellipse(pal.LEAF_LIGHT, cx + 40, cy + 46, 70, 40)
    left = quad_bezier((cx + 4, cy + 8), (cx - 30, cy + 30), (cx - 14, cy + r + 4), 12)
    right = quad_bezier((cx + 20, cy + r + 4), (cx - 6, cy + 30), (cx + 8, cy + 8), 12)
    lp.polygon(pal.CARPET_SAND, left + right)
    mask = pygame.Surface(box.size, pygame.SRCALPHA)
    pygame.draw.ellipse(mask, (255, 255, 255, 255), mask.get_rect())
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    p.circle(mix(pal.SKY_TOP, pal.OFF_WHITE, 0.35), cx, cy, r)
    p.surface.blit(layer, box.topleft)
    p.circle(pal.OFF_WHITE, cx, cy, r + 1, width=3)
    p.circle(shade(pal.TEAL, -0.15), cx, cy, r + 6, width=7)


def clear_cache() -> None:
    _cache.clear()
