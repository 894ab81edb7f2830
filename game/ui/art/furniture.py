"""Room parts drawn in background design units (1280x720): walls, floors, windows, furniture, plants, toys.

Each function takes a ``Painter`` and a position; anything varied (book colours, leaves, papers) comes
from a ``random.Random`` the caller seeds with the location's name, so pictures never change.
"""

from __future__ import annotations

import math
import random

from game.ui.art import palette as pal
from game.ui.art.draw import Painter, mix, quad_bezier, shade

W, H = 1280, 720


# -- architecture -------------------------------------------------------------------------------
def wall(p: Painter, color, floor_y: float, wainscot=None, wainscot_h: float = 150, stripe=None) -> None:
    p.gradient(shade(color, 0.12), shade(color, -0.04), 0, 0, W, floor_y)
    if wainscot:
        p.gradient(wainscot, shade(wainscot, -0.08), 0, floor_y - wainscot_h, W, wainscot_h)
        p.rect(shade(wainscot, 0.15), 0, floor_y - wainscot_h - 8, W, 8)
    if stripe:
        p.rect(stripe, 0, floor_y - 230, W, 14)
    p.rect(shade(color, -0.25), 0, floor_y - 14, W, 14)  # skirting board


def floor(p: Painter, floor_y: float, color, kind: str = "wood") -> None:
    p.gradient(shade(color, 0.06), shade(color, -0.14), 0, floor_y, W, H - floor_y)
    line = shade(color, -0.09)
    if kind in ("wood", "tile"):
        # seams converge on a vanishing point above the floor: a hint of depth, no more
        vx, vy = W / 2, floor_y - 420
        for i in range(-12, 13):
            bx = W / 2 + i * (150 if kind == "tile" else 110)
            t = (floor_y - vy) / (H - vy)
            tx = vx + (bx - vx) * t
            p.stroke(line, [(tx, floor_y), (bx, H)], 1.6)
        if kind == "tile":
            y, gap = floor_y + 22, 26
            while y < H:
                p.stroke(line, [(0, y), (W, y)], 1.6)
                gap *= 1.35
                y += gap


def window(p: Painter, x, y, w, h, rng: random.Random, outside: str = "trees", frame=pal.OFF_WHITE,
           curtains=None, blinds: bool = False) -> None:
    p.rect(shade(frame, -0.12), x - 10, y - 10, w + 20, h + 20, radius=4)
    p.gradient(pal.SKY_TOP, pal.SKY_LOW, x, y, w, h)
    horizon = y + h * 0.72
    if outside == "trees":
        p.rect(pal.HILL, x, horizon, w, y + h - horizon)
        for i in range(int(w // 55) + 2):
            tx = x + i * 55 + rng.uniform(-10, 10)
            r = rng.uniform(26, 42)
            col = rng.choice([pal.LEAF, pal.LEAF_LIGHT, pal.LEAF_DARK])
            if x + r * 0.4 < tx < x + w - r * 0.4:
                p.circle(mix(col, pal.SKY_LOW, 0.35), tx, horizon - r * 0.5, r)
    elif outside == "city":
        bx = x - 10
        while bx < x + w:
            bw = rng.uniform(40, 90)
            bh = rng.uniform(h * 0.25, h * 0.6)
            col = mix(rng.choice([pal.WALL_GREY, pal.WALL_PEACH, pal.WALL_BLUE, pal.SLATE]), pal.SKY_LOW, 0.45)
            left, right = max(bx, x), min(bx + bw, x + w)
            if right > left:
                p.rect(col, left, y + h - bh, right - left, bh)
            bx += bw + rng.uniform(4, 14)
    p.rect(shade(frame, -0.05), x, y, w, h, width=10)
    p.rect(frame, x + w / 2 - 5, y, 10, h)
    p.rect(frame, x, y + h * 0.45, w, 9)
    p.rect(shade(frame, -0.08), x - 18, y + h + 6, w + 36, 12, radius=3)  # sill
    if blinds:
        for i in range(int(h * 0.35 // 12)):
            p.rect(shade(pal.OFF_WHITE, -0.06 - (i % 2) * 0.03), x, y + i * 12, w, 11)
    if curtains:
        for side in (0, 1):
            cx = x - 40 if side == 0 else x + w - 10
            p.rect(curtains, cx, y - 30, 50, h + 70, radius=10)
            for k in range(3):
                p.rect(shade(curtains, -0.1), cx + 10 + k * 14, y - 26, 4, h + 62, radius=2)
        p.rect(pal.WOOD_DARK, x - 60, y - 36, w + 120, 8, radius=4)


def light_from_window(p: Painter, x, w, floor_y) -> None:
    """A faint pool of daylight on the floor below a window."""
    p.glow(pal.LIGHT_WARM, 60, x + w / 2 + 40, floor_y + 90, w * 0.7, 55)


def door(p: Painter, x, floor_y, w=130, h=300, color=pal.WOOD_MID, glass: bool = False) -> None:
    p.rect(shade(color, -0.25), x - 10, floor_y - h - 10, w + 20, h + 10)
    p.gradient(shade(color, 0.08), shade(color, -0.06), x, floor_y - h, w, h)
    if glass:
        p.gradient(mix(pal.SKY_TOP, pal.OFF_WHITE, 0.4), pal.SKY_LOW, x + 24, floor_y - h + 30, w - 48, 110)
    else:
        p.rect(shade(color, -0.08), x + 18, floor_y - h + 24, w - 36, 110, radius=4, width=3)
    p.rect(shade(color, -0.08), x + 18, floor_y - h + 160, w - 36, 110, radius=4, width=3)
    p.circle(pal.METAL, x + w - 22, floor_y - h / 2, 7)


def picture(p: Painter, x, y, w, h, rng: random.Random, kind: str = "landscape", frame=pal.WOOD_DARK) -> None:
    p.rect(frame, x - 8, y - 8, w + 16, h + 16, radius=3)
    p.rect(pal.PAPER, x, y, w, h)
    if kind == "landscape":
        with p.clipped(x, y, w, h):
            p.gradient(mix(pal.SKY_TOP, pal.PAPER, 0.3), pal.PAPER, x, y, w, h * 0.6)
            p.circle(pal.TOY_YELLOW, x + w * 0.72, y + h * 0.3, h * 0.12)
            p.ellipse(pal.HILL, x + w * 0.3, y + h * 0.95, w * 0.6, h * 0.4)
            p.ellipse(pal.LEAF_LIGHT, x + w * 0.8, y + h, w * 0.5, h * 0.3)
    elif kind == "abstract":
        for _ in range(4):
            col = rng.choice([pal.TEAL, pal.MUSTARD, pal.ROSE, pal.SAGE, pal.LAVENDER])
            r = rng.uniform(0.12, 0.24) * min(w, h)
            p.circle(mix(col, pal.PAPER, 0.2), x + rng.uniform(r, w - r), y + rng.uniform(r, h - r), r)
    elif kind == "drawing":  # a child's drawing: a house, a sun, a flower
        p.circle(pal.TOY_YELLOW, x + w * 0.78, y + h * 0.22, h * 0.11)
        p.rect(pal.TOY_RED, x + w * 0.2, y + h * 0.5, w * 0.32, h * 0.36)
        p.polygon(pal.TOY_BLUE, [(x + w * 0.14, y + h * 0.52), (x + w * 0.36, y + h * 0.26), (x + w * 0.58, y + h * 0.52)])
        p.stroke(pal.TOY_GREEN, [(x + w * 0.05, y + h * 0.9), (x + w * 0.95, y + h * 0.88)], 3)
        p.stroke(pal.TOY_GREEN, [(x + w * 0.75, y + h * 0.88), (x + w * 0.75, y + h * 0.6)], 3)
        p.circle(pal.ROSE, x + w * 0.75, y + h * 0.56, h * 0.07)
    p.rect(shade(pal.PAPER, -0.1), x, y, w, h, width=2)


def clock(p: Painter, cx, cy, r=34) -> None:
    p.circle(pal.CHARCOAL, cx, cy, r + 5)
    p.circle(pal.PAPER, cx, cy, r)
    for i in range(12):
        a = i * math.pi / 6
        p.circle(pal.METAL_DARK, cx + math.cos(a) * r * 0.8, cy + math.sin(a) * r * 0.8, 2)
    p.stroke(pal.CHARCOAL, [(cx, cy), (cx + r * 0.35, cy - r * 0.35)], 4)
    p.stroke(pal.CHARCOAL, [(cx, cy), (cx, cy - r * 0.7)], 3)


def ceiling_light(p: Painter, x, w=220) -> None:
    p.rect(pal.OFF_WHITE, x - w / 2, 0, w, 18, radius=4)
    p.glow(pal.LIGHT_WARM, 70, x, 30, w * 0.8, 60)


def pendant(p: Painter, x, drop=120, color=pal.MUSTARD) -> None:
    p.stroke(pal.CHARCOAL, [(x, 0), (x, drop)], 2)
    p.glow(pal.LIGHT_WARM, 90, x, drop + 40, 160, 90)
    p.polygon(color, [(x - 20, drop), (x + 20, drop), (x + 46, drop + 40), (x - 46, drop + 40)])
    p.ellipse(pal.LIGHT_WARM, x, drop + 40, 40, 7)


def camera_dome(p: Painter, x, y) -> None:
    """A small, discreet recording camera on a wall bracket."""
    p.rect(pal.OFF_WHITE, x - 16, y - 8, 32, 12, radius=3)
    p.ellipse(shade(pal.OFF_WHITE, -0.08), x, y + 8, 20, 14)
    p.circle(pal.CHARCOAL, x, y + 12, 6)
    p.circle(pal.METAL_DARK, x + 2, y + 10, 2)


# -- furniture ----------------------------------------------------------------------------------
def bookcase(p: Painter, x, y, w, h, rng: random.Random, wood=pal.WOOD_MID, shelves: int = 4,
             uniform: bool = False) -> None:
    p.shadow(x - 10, y + h - 10, w + 20, 30)
    p.rect(shade(wood, -0.2), x, y, w, h, radius=3)
    inner = shade(wood, -0.35)
    row_h = (h - 20) / shelves
    colors = [pal.NAVY, pal.TERRACOTTA, pal.SAGE, pal.MUSTARD, pal.TEAL, pal.ROSE, pal.OFF_WHITE, pal.LAVENDER]
    if uniform:
        colors = [pal.NAVY, (120, 52, 48), (60, 90, 70), pal.NAVY]
    for s in range(shelves):
        top = y + 10 + s * row_h
        p.rect(inner, x + 10, top, w - 20, row_h - 8)
        bx = x + 14
        while bx < x + w - 30:
            bw = rng.uniform(10, 20)
            bh = row_h - 8 - rng.uniform(6, 22) * (0.3 if uniform else 1)
            col = rng.choice(colors)
            if rng.random() < 0.12 and not uniform:
                bx += bw + 6  # a gap; someone borrowed a book
                continue
            p.rect(col, bx, top + row_h - 8 - bh, bw, bh, radius=2)
            p.rect(shade(col, 0.25), bx + 2, top + row_h - 8 - bh + 8, bw - 4, 3)
            bx += bw + 1.5
        p.rect(wood, x + 6, top + row_h - 8, w - 12, 8)


def desk(p: Painter, x, top_y, w, floor_y, color=pal.WOOD_LIGHT, drawers: bool = True) -> None:
    p.shadow(x - 10, floor_y - 14, w + 20, 28, 70)
    leg = shade(color, -0.25)
    p.rect(leg, x + 10, top_y, 14, floor_y - top_y)
    p.rect(leg, x + w - 24, top_y, 14, floor_y - top_y)
    if drawers:
        dw = min(150, w * 0.35)
        p.rect(shade(color, -0.08), x + w - dw - 10, top_y + 12, dw, floor_y - top_y - 12, radius=3)
        for i in range(3):
            dy = top_y + 20 + i * (floor_y - top_y - 20) / 3
            p.rect(shade(color, -0.16), x + w - dw - 2, dy, dw - 16, (floor_y - top_y) / 3 - 14, radius=3, width=2)
            p.rect(pal.METAL_DARK, x + w - dw / 2 - 22, dy + 12, 28, 5, radius=2)
    p.rect(shade(color, 0.1), x - 8, top_y - 16, w + 16, 18, radius=4)
    p.rect(shade(color, -0.12), x - 8, top_y - 2, w + 16, 4)


def monitor(p: Painter, x, desk_top, w=170, h=110, back: bool = False) -> None:
    p.rect(pal.METAL_DARK, x + w / 2 - 8, desk_top - 40, 16, 40)
    p.rect(pal.METAL_DARK, x + w / 2 - 40, desk_top - 8, 80, 8, radius=3)
    p.rect(pal.CHARCOAL, x, desk_top - 40 - h, w, h, radius=6)
    if not back:
        p.gradient((86, 120, 140), (58, 84, 104), x + 8, desk_top - 32 - h, w - 16, h - 16, radius=3)
        p.rect((110, 148, 166), x + 20, desk_top - 20 - h, w * 0.4, 8, radius=3)


def papers(p: Painter, x, y, rng: random.Random, n: int = 3) -> None:
    for i in range(n):
        p.rect(shade(pal.PAPER, -0.03 * i), x + rng.uniform(-8, 8) + i * 6, y - 4 - i * 3, 70, 6, radius=1)


def mug(p: Painter, x, y, color=pal.TEAL) -> None:
    p.rect(color, x, y - 26, 22, 26, radius=4)
    p.circle(color, x + 24, y - 14, 7, width=4)


def office_chair(p: Painter, cx, floor_y, color=pal.SLATE, back_h: float = 130) -> None:
    p.shadow(cx - 60, floor_y - 10, 120, 20, 60)
    p.stroke(pal.CHARCOAL, [(cx - 50, floor_y - 6), (cx + 50, floor_y - 6)], 6)
    p.rect(pal.CHARCOAL, cx - 6, floor_y - 90, 12, 84)
    p.rect(color, cx - 55, floor_y - 110, 110, 26, radius=12)
    p.rect(color, cx - 48, floor_y - 110 - back_h, 96, back_h, radius=20)
    p.rect(shade(color, 0.1), cx - 38, floor_y - 100 - back_h, 76, back_h - 30, radius=16)


def plain_chair(p: Painter, cx, floor_y, color=pal.WOOD_MID, seat=None) -> None:
    p.shadow(cx - 45, floor_y - 8, 90, 16, 50)
    leg = shade(color, -0.2)
    for lx in (cx - 36, cx + 28):
        p.rect(leg, lx, floor_y - 100, 8, 100)
    p.rect(leg, cx - 36, floor_y - 170, 8, 70)
    p.rect(leg, cx + 28, floor_y - 170, 8, 70)
    p.rect(color, cx - 42, floor_y - 200, 84, 56, radius=10)
    p.rect(seat or color, cx - 46, floor_y - 108, 92, 16, radius=6)


def armchair(p: Painter, cx, floor_y, w=200, color=pal.TEAL) -> None:
    """A soft, rounded armchair (the kind that makes a room feel safe)."""
    p.shadow(cx - w / 2 - 10, floor_y - 14, w + 20, 28, 70)
    dark = shade(color, -0.12)
    p.rect(pal.WOOD_DARK, cx - w / 2 + 14, floor_y - 20, 10, 20)
    p.rect(pal.WOOD_DARK, cx + w / 2 - 24, floor_y - 20, 10, 20)
    p.rect(dark, cx - w / 2 + 16, floor_y - 190, w - 32, 130, radius=34)  # back
    p.rect(color, cx - w / 2 + 26, floor_y - 100, w - 52, 60, radius=18)  # seat cushion
    p.rect(shade(color, 0.08), cx - w / 2 + 26, floor_y - 100, w - 52, 20, radius=10)
    for side in (-1, 1):
        ax = cx - w / 2 if side < 0 else cx + w / 2 - 44
        p.rect(dark, ax, floor_y - 120, 44, 100, radius=20)
        p.rect(shade(color, 0.06), ax + 4, floor_y - 120, 36, 18, radius=10)


def sofa(p: Painter, x, floor_y, w=360, color=pal.SAGE, cushions=None) -> None:
    p.shadow(x - 10, floor_y - 14, w + 20, 28, 70)
    dark = shade(color, -0.12)
    p.rect(dark, x + 20, floor_y - 180, w - 40, 110, radius=28)
    p.rect(color, x + 40, floor_y - 100, w - 80, 70, radius=16)
    p.rect(shade(color, 0.07), x + 40, floor_y - 100, w - 80, 18, radius=10)
    p.stroke(shade(color, -0.06), [(x + w / 2, floor_y - 96), (x + w / 2, floor_y - 36)], 3)
    for ax in (x, x + w - 50):
        p.rect(dark, ax, floor_y - 124, 50, 104, radius=20)
    p.rect(pal.WOOD_DARK, x + 20, floor_y - 22, w - 40, 22, radius=4)
    for i, col in enumerate(cushions or []):
        cx = x + 70 + i * (w - 170) / max(1, len(cushions) - 1) if len(cushions) > 1 else x + w / 2 - 40
        p.rect(col, cx, floor_y - 152, 80, 64, radius=18)


def round_table(p: Painter, cx, top_y, r=110, color=pal.WOOD_LIGHT, floor_y=None) -> None:
    floor_y = floor_y if floor_y is not None else top_y + 90
    p.shadow(cx - r, floor_y - 14, 2 * r, 28, 60)
    p.rect(shade(color, -0.25), cx - 8, top_y, 16, floor_y - top_y)
    p.ellipse(shade(color, -0.25), cx, floor_y - 4, r * 0.45, 8)
    p.ellipse(shade(color, -0.18), cx, top_y + 8, r, r * 0.22)
    p.ellipse(color, cx, top_y, r, r * 0.22)


def coffee_table(p: Painter, x, top_y, w, floor_y, color=pal.WOOD_LIGHT) -> None:
    p.shadow(x - 10, floor_y - 12, w + 20, 24, 60)
    leg = shade(color, -0.25)
    p.rect(leg, x + 12, top_y, 10, floor_y - top_y)
    p.rect(leg, x + w - 22, top_y, 10, floor_y - top_y)
    p.rect(color, x, top_y - 14, w, 16, radius=6)


def rug(p: Painter, cx, cy, rx, ry, color, border=None) -> None:
    p.ellipse(shade(color, -0.08), cx, cy + 4, rx, ry)
    p.ellipse(color, cx, cy, rx, ry)
    if border:
        p.ellipse(border, cx, cy, rx * 0.82, ry * 0.74, width=5)


def filing_cabinet(p: Painter, x, floor_y, w=110, h=210, color=pal.METAL) -> None:
    p.shadow(x - 6, floor_y - 10, w + 12, 20, 60)
    p.rect(color, x, floor_y - h, w, h, radius=4)
    n = 3
    for i in range(n):
        dy = floor_y - h + 8 + i * (h - 8) / n
        p.rect(shade(color, -0.1), x + 8, dy, w - 16, (h - 8) / n - 8, radius=3, width=2)
        p.rect(pal.METAL_DARK, x + w / 2 - 18, dy + 16, 36, 6, radius=3)


def bench(p: Painter, x, floor_y, w, color=pal.WOOD_MID, padded=None) -> None:
    p.shadow(x - 10, floor_y - 10, w + 20, 20, 60)
    leg = pal.METAL_DARK
    for lx in (x + 16, x + w - 26):
        p.rect(leg, lx, floor_y - 84, 10, 84)
    p.rect(padded or color, x, floor_y - 96, w, 20, radius=8)
    p.rect(padded or color, x + 6, floor_y - 180, w - 12, 60, radius=12)
    p.rect(leg, x + 20, floor_y - 122, 8, 30)
    p.rect(leg, x + w - 28, floor_y - 122, 8, 30)


def counter(p: Painter, x, floor_y, w, h=150, color=pal.WOOD_LIGHT, top=pal.OFF_WHITE) -> None:
    p.shadow(x - 10, floor_y - 12, w + 20, 24, 70)
    p.gradient(shade(color, 0.05), shade(color, -0.1), x, floor_y - h, w, h)
    for i in range(1, 4):
        p.rect(shade(color, -0.12), x + i * w / 4 - 2, floor_y - h + 16, 4, h - 28)
    p.rect(top, x - 12, floor_y - h - 16, w + 24, 18, radius=4)


def water_cooler(p: Painter, x, floor_y) -> None:
    p.shadow(x - 10, floor_y - 8, 80, 16, 50)
    p.rect(pal.OFF_WHITE, x, floor_y - 190, 60, 190, radius=6)
    p.rect(pal.METAL_DARK, x + 22, floor_y - 150, 16, 10, radius=2)
    p.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.35), x + 4, floor_y - 290, 52, 100, radius=18)
    p.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.6), x + 12, floor_y - 280, 12, 70, radius=6)


def floor_lamp(p: Painter, x, floor_y, color=pal.MUSTARD) -> None:
    p.glow(pal.LIGHT_WARM, 80, x, floor_y - 300, 170, 130)
    p.ellipse(pal.CHARCOAL, x, floor_y - 4, 34, 8)
    p.rect(pal.CHARCOAL, x - 3, floor_y - 300, 6, 296)
    p.polygon(color, [(x - 30, floor_y - 360), (x + 30, floor_y - 360), (x + 50, floor_y - 290), (x - 50, floor_y - 290)])


def noticeboard(p: Painter, x, y, w, h, rng: random.Random) -> None:
    p.rect(pal.WOOD_MID, x - 8, y - 8, w + 16, h + 16, radius=4)
    p.rect((196, 162, 118), x, y, w, h)
    cols = [pal.PAPER, pal.OFF_WHITE, (236, 226, 170), (206, 226, 214), (222, 210, 230)]
    for i in range(6):
        pw, ph = rng.uniform(50, 80), rng.uniform(60, 90)
        px, py = x + 10 + (i % 3) * (w - 20) / 3 + rng.uniform(0, 12), y + 10 + (i // 3) * (h - 20) / 2
        p.rect(rng.choice(cols), px, py, min(pw, x + w - px - 6), min(ph, y + h - py - 6))
        for k in range(3):  # lines suggesting writing, never legible text
            p.rect(shade(pal.PAPER, -0.18), px + 8, py + 16 + k * 12, min(pw, x + w - px - 6) - 18, 3)
        p.circle(rng.choice([pal.TOY_RED, pal.TOY_BLUE, pal.TOY_GREEN]), px + 12, py + 6, 4)


def board(p: Painter, x, y, w, h, rng: random.Random, chalk: bool = True) -> None:
    """A classroom board with soft marks: a few shapes and underlines, no words."""
    surface = (66, 100, 86) if chalk else pal.PAPER
    ink = (226, 232, 222) if chalk else pal.TOY_BLUE
    p.rect(pal.WOOD_MID, x - 12, y - 12, w + 24, h + 24, radius=4)
    p.rect(surface, x, y, w, h)
    p.circle(ink, x + w * 0.18, y + h * 0.32, h * 0.12, width=3)
    p.polygon(ink, [(x + w * 0.32, y + h * 0.44), (x + w * 0.4, y + h * 0.2), (x + w * 0.48, y + h * 0.44)])
    p.polygon(surface, [(x + w * 0.335, y + h * 0.425), (x + w * 0.4, y + h * 0.25), (x + w * 0.465, y + h * 0.425)])
    for k in range(3):
        lx = x + w * 0.58
        p.stroke(ink, [(lx, y + h * (0.22 + k * 0.14)), (lx + rng.uniform(w * 0.18, w * 0.32), y + h * (0.22 + k * 0.14))], 3)
    wave = [(x + w * 0.1 + i * w * 0.04, y + h * 0.72 + math.sin(i * 0.9) * h * 0.06) for i in range(18)]
    p.stroke(ink, wave, 3)
    p.rect(pal.WOOD_LIGHT, x, y + h + 8, w, 10)


def lockers(p: Painter, x, floor_y, n, color=pal.SKY_BLUE) -> None:
    w, h = 70, 260
    for i in range(n):
        lx = x + i * (w + 4)
        col = color if i % 3 else shade(color, -0.06)
        p.rect(col, lx, floor_y - h, w, h, radius=3)
        for k in range(4):
            p.rect(shade(col, -0.15), lx + 14, floor_y - h + 20 + k * 8, w - 28, 3)
        p.rect(pal.METAL_DARK, lx + w - 18, floor_y - h / 2, 6, 26, radius=2)


def cushion(p: Painter, cx, cy, r, color) -> None:
    p.ellipse(shade(color, -0.1), cx, cy + 6, r, r * 0.6)
    p.ellipse(color, cx, cy, r, r * 0.6)


# -- nature -------------------------------------------------------------------------------------
def leaf(p: Painter, bx, by, angle_deg, length, width, color) -> None:
    a = math.radians(angle_deg)
    tx, ty = bx + math.cos(a) * length, by + math.sin(a) * length
    mx, my = (bx + tx) / 2, (by + ty) / 2
    nx, ny = -math.sin(a) * width, math.cos(a) * width
    outline = quad_bezier((bx, by), (mx + nx, my + ny), (tx, ty), 8) + quad_bezier((tx, ty), (mx - nx, my - ny), (bx, by), 8)
    p.polygon(color, outline)


def plant(p: Painter, x, floor_y, rng: random.Random, scale: float = 1.0, pot=pal.TERRACOTTA,
          kind: str = "leafy", on_floor: bool = True) -> None:
    s = scale
    if on_floor:
        p.shadow(x - 50 * s, floor_y - 8 * s, 100 * s, 16 * s, 60)
    top = floor_y - 80 * s
    if kind == "tall":
        for i in range(9):
            ang = -90 + rng.uniform(-40, 40)
            leaf(p, x, top + 4 * s, ang, rng.uniform(120, 200) * s, 14 * s,
                 rng.choice([pal.LEAF, pal.LEAF_DARK, pal.LEAF_LIGHT]))
    elif kind == "round":
        for i in range(14):
            ang = rng.uniform(0, 2 * math.pi)
            dist = rng.uniform(0, 40) * s
            p.circle(rng.choice([pal.LEAF, pal.LEAF_LIGHT, pal.LEAF_DARK]),
                     x + math.cos(ang) * dist, top - 50 * s + math.sin(ang) * dist * 0.8, rng.uniform(22, 32) * s)
    else:
        for i in range(11):
            ang = -90 + (i - 5) * 16 + rng.uniform(-6, 6)
            leaf(p, x, top + 4 * s, ang, rng.uniform(70, 110) * s, 22 * s,
                 rng.choice([pal.LEAF, pal.LEAF_DARK, pal.LEAF_LIGHT]))
    p.polygon(pot, [(x - 40 * s, top), (x + 40 * s, top), (x + 30 * s, floor_y), (x - 30 * s, floor_y)])
    p.rect(shade(pot, 0.12), x - 44 * s, top - 4 * s, 88 * s, 16 * s, radius=4 * s)


def tree(p: Painter, x, ground_y, rng: random.Random, scale: float = 1.0) -> None:
    s = scale
    p.shadow(x - 60 * s, ground_y - 10 * s, 120 * s, 20 * s, 50)
    p.rect(pal.WOOD_DARK, x - 10 * s, ground_y - 150 * s, 20 * s, 150 * s)
    for i in range(9):
        ang = rng.uniform(0, 2 * math.pi)
        dist = rng.uniform(0, 50) * s
        p.circle(rng.choice([pal.LEAF, pal.LEAF_LIGHT, pal.LEAF_DARK]),
                 x + math.cos(ang) * dist * 1.2, ground_y - 200 * s + math.sin(ang) * dist, rng.uniform(45, 65) * s)


# -- children's things --------------------------------------------------------------------------
def teddy(p: Painter, x, base_y, s: float = 1.0, color=pal.TEDDY) -> None:
    light = shade(color, 0.25)
    p.ellipse(color, x, base_y - 30 * s, 30 * s, 32 * s)  # body
    p.ellipse(light, x, base_y - 26 * s, 17 * s, 20 * s)
    for side in (-1, 1):
        p.ellipse(color, x + side * 24 * s, base_y - 8 * s, 13 * s, 10 * s)  # feet
        p.ellipse(color, x + side * 30 * s, base_y - 42 * s, 10 * s, 16 * s)  # arms
        p.circle(color, x + side * 18 * s, base_y - 94 * s, 10 * s)  # ears
        p.circle(light, x + side * 18 * s, base_y - 94 * s, 5 * s)
    p.circle(color, x, base_y - 74 * s, 24 * s)
    p.ellipse(light, x, base_y - 66 * s, 11 * s, 8 * s)
    p.circle(pal.CHARCOAL, x - 8 * s, base_y - 78 * s, 3 * s)
    p.circle(pal.CHARCOAL, x + 8 * s, base_y - 78 * s, 3 * s)
    p.circle(pal.CHARCOAL, x, base_y - 69 * s, 3.5 * s)


def blocks(p: Painter, x, base_y, s: float = 1.0) -> None:
    cols = [pal.TOY_RED, pal.TOY_YELLOW, pal.TOY_BLUE, pal.TOY_GREEN]
    size = 30 * s
    for i, (dx, dy) in enumerate([(0, 0), (size + 4 * s, 0), (size / 2 + 2 * s, -size - 2 * s), (2.6 * size, 0)]):
        c = cols[i % 4]
        p.rect(c, x + dx, base_y - size + dy, size, size, radius=4 * s)
        p.rect(shade(c, 0.25), x + dx + 6 * s, base_y - size + dy + 6 * s, size - 12 * s, size - 12 * s, radius=3 * s)


def ball(p: Painter, x, base_y, r=26, colors=(pal.TOY_RED, pal.TOY_YELLOW, pal.TOY_BLUE)) -> None:
    p.shadow(x - r, base_y - 6, 2 * r, 12, 60)
    p.circle(colors[0], x, base_y - r, r)
    p.ellipse(colors[1], x, base_y - r, r * 0.45, r)
    p.ellipse(colors[2], x, base_y - r, r * 0.15, r)
    p.circle(shade(colors[0], 0.4), x - r * 0.45, base_y - r * 1.45, r * 0.16)


def toy_basket(p: Painter, x, floor_y, rng: random.Random) -> None:
    p.shadow(x - 10, floor_y - 8, 140, 16, 60)
    ball(p, x + 40, floor_y - 60, 20)
    blocks(p, x + 62, floor_y - 58, 0.7)
    p.rect(pal.WOOD_LIGHT, x, floor_y - 70, 120, 70, radius=10)
    for k in range(4):
        p.rect(shade(pal.WOOD_LIGHT, -0.12), x + 6, floor_y - 60 + k * 15, 108, 4)


def crayons(p: Painter, x, y) -> None:
    for i, c in enumerate([pal.TOY_RED, pal.TOY_BLUE, pal.TOY_GREEN, pal.TOY_YELLOW, pal.LAVENDER]):
        p.stroke(c, [(x + i * 12, y), (x + i * 12 + 30, y - 16)], 7)
    p.rect(pal.PAPER, x - 90, y - 16, 70, 50, radius=2)
    p.circle(pal.TOY_YELLOW, x - 60, y + 6, 10, width=3)


# -- for Nia's case: a cyber-crime unit and a school counsellor's room ----------------------------
def evidence_bag(p: Painter, x, y, w=70, h=90) -> None:
    """A clear plastic evidence bag standing against the screens: a red tamper-evident seal, a blank
    label, a phone inside, a shine across the plastic. ``(x, y)`` is its bottom-left corner."""
    top = y - h
    p.shadow(x - 4, y - 8, w + 8, 14, 50)
    outline = [(x + 2, top + 4), (x + w - 2, top), (x + w, y), (x, y)]
    p.translucent(pal.SKY_BLUE, 120, lambda q: q.polygon(mix(pal.OFF_WHITE, pal.SKY_BLUE, 0.35), outline))
    p.rect(pal.CHARCOAL, x + w * 0.24, top + h * 0.34, w * 0.48, h * 0.56, radius=6)  # the phone
    p.rect((78, 92, 108), x + w * 0.29, top + h * 0.39, w * 0.38, h * 0.44, radius=2)
    p.stroke(mix(pal.OFF_WHITE, pal.SKY_BLUE, 0.5), outline, 2, closed=True)
    p.stroke(mix(pal.OFF_WHITE, pal.SKY_BLUE, 0.15), [(x + w * 0.1, y - h * 0.12), (x + w * 0.22, y - h * 0.4)], 2.4)  # shine
    p.polygon(pal.TOY_RED, [(x + 2, top + 4), (x + w - 2, top), (x + w - 2, top + h * 0.12), (x + 2, top + h * 0.16)])
    p.rect(pal.PAPER, x + w * 0.12, top + h * 0.19, w * 0.76, h * 0.12, radius=2)  # a label, left blank
    p.rect(shade(pal.PAPER, -0.15), x + w * 0.18, top + h * 0.225, w * 0.42, 1.6)
    p.rect(shade(pal.PAPER, -0.15), x + w * 0.18, top + h * 0.265, w * 0.26, 1.6)


def workstation(p: Painter, x, desk_top, screens: int = 2, w: float = 150, h: float = 92,
                glow_color=(96, 140, 160)) -> None:
    """Monitors side by side on one arm, each with a calm screen of panels and bars (no words)."""
    gap = 8
    total = screens * w + (screens - 1) * gap
    p.rect(pal.METAL_DARK, x + total / 2 - 8, desk_top - 36, 16, 36)
    p.rect(pal.METAL_DARK, x + total / 2 - 46, desk_top - 8, 92, 8, radius=3)
    p.rect(pal.METAL_DARK, x + w * 0.3, desk_top - 44 - h * 0.4, total - w * 0.6, 8, radius=3)
    for i in range(screens):
        sx = x + i * (w + gap)
        top = desk_top - 40 - h
        p.rect(pal.CHARCOAL, sx, top, w, h, radius=5)
        p.gradient(shade(glow_color, -0.1), shade(glow_color, -0.38), sx + 6, top + 6, w - 12, h - 12, radius=2)
        if i % 2 == 0:  # a file list: rows of light bars
            for k in range(5):
                p.rect(mix(glow_color, pal.OFF_WHITE, 0.45 if k else 0.7), sx + 14, top + 14 + k * 13,
                       (w - 28) * (0.9 - (k % 3) * 0.18), 5, radius=2)
        else:  # thumbnails in a grid, all blurred to plain tiles
            for r in range(2):
                for c in range(3):
                    p.rect(mix(glow_color, pal.OFF_WHITE, 0.3 + 0.1 * ((r + c) % 2)),
                           sx + 14 + c * (w - 28) / 3, top + 14 + r * (h - 28) / 2,
                           (w - 28) / 3 - 6, (h - 28) / 2 - 6, radius=2)
    p.rect(pal.CHARCOAL, x + total * 0.28, desk_top - 8, total * 0.34, 8, radius=3)  # keyboard


def tower(p: Painter, x, floor_y, w=56, h=130) -> None:
    """A computer case on the floor beside a desk, with small status lights."""
    p.shadow(x - 6, floor_y - 8, w + 12, 14, 60)
    p.rect(pal.CHARCOAL, x, floor_y - h, w, h, radius=4)
    p.rect(shade(pal.CHARCOAL, 0.1), x + 6, floor_y - h + 8, w - 12, 22, radius=3)
    for k in range(2):
        p.circle((120, 200, 150) if k == 0 else (236, 200, 110), x + w - 14 - k * 12, floor_y - h + 44, 3)
    for k in range(6):
        p.rect(shade(pal.CHARCOAL, -0.15), x + 10, floor_y - h + 64 + k * 9, w - 20, 3)


def rack(p: Painter, x, floor_y, w=120, h=300, rng: random.Random | None = None) -> None:
    """A tall equipment cabinet: stacked units with small lights, a glass front."""
    p.shadow(x - 10, floor_y - 12, w + 20, 24, 70)
    p.rect(pal.CHARCOAL, x, floor_y - h, w, h, radius=4)
    units = int((h - 40) // 30)
    for k in range(units):
        uy = floor_y - h + 16 + k * 30
        p.rect(shade(pal.SLATE, -0.15 if k % 2 else -0.05), x + 10, uy, w - 20, 24, radius=2)
        n = 3 if rng is None else rng.randint(1, 4)
        for j in range(n):
            col = (120, 200, 150) if (k + j) % 3 else pal.TOY_BLUE
            p.circle(col, x + w - 22 - j * 9, uy + 12, 2.6)
        p.rect(shade(pal.SLATE, -0.3), x + 18, uy + 9, w * 0.35, 5, radius=2)
    p.translucent(pal.SKY_BLUE, 40, lambda q: q.rect(pal.SKY_BLUE, x + 4, floor_y - h + 4, w - 8, h - 8, radius=3))


def poster(p: Painter, x, y, w, h, kind: str, color, rng: random.Random) -> None:
    """A pinned poster of shapes only (no words): ``hands`` (two hands and a heart), ``path`` (steps to a
    sun), ``waves`` (calm lines), ``circles`` (talking bubbles without text)."""
    p.rect(shade(pal.PAPER, -0.06), x + 3, y + 4, w, h, radius=2)
    p.rect(mix(color, pal.PAPER, 0.78), x, y, w, h, radius=2)
    with p.clipped(x, y, w, h):
        if kind == "hands":
            p.ellipse(mix(color, pal.PAPER, 0.2), x + w * 0.34, y + h * 0.62, w * 0.2, h * 0.12)
            p.ellipse(mix(color, pal.PAPER, 0.35), x + w * 0.66, y + h * 0.62, w * 0.2, h * 0.12)
            hx, hy, r = x + w / 2, y + h * 0.36, w * 0.11
            p.circle(pal.TOY_RED, hx - r * 0.7, hy, r)
            p.circle(pal.TOY_RED, hx + r * 0.7, hy, r)
            p.polygon(pal.TOY_RED, [(hx - r * 1.62, hy + r * 0.35), (hx + r * 1.62, hy + r * 0.35), (hx, hy + r * 2.2)])
        elif kind == "path":
            p.circle(pal.TOY_YELLOW, x + w * 0.72, y + h * 0.24, w * 0.13)
            for k in range(4):
                p.rect(mix(color, pal.PAPER, 0.1 + k * 0.12), x + w * (0.12 + k * 0.16), y + h * (0.84 - k * 0.12),
                       w * 0.2, h * 0.06, radius=2)
        elif kind == "waves":
            for k in range(4):
                pts = [(x + i * w / 10, y + h * (0.3 + k * 0.16) + math.sin(i * 0.9 + k) * h * 0.03) for i in range(11)]
                p.stroke(mix(color, pal.PAPER, 0.1 + k * 0.15), pts, max(2.0, w * 0.035))
        else:  # circles: two speech bubbles
            p.ellipse(mix(color, pal.PAPER, 0.15), x + w * 0.4, y + h * 0.34, w * 0.3, h * 0.16)
            p.polygon(mix(color, pal.PAPER, 0.15), [(x + w * 0.3, y + h * 0.45), (x + w * 0.42, y + h * 0.46),
                                                    (x + w * 0.26, y + h * 0.56)])
            p.ellipse(mix(pal.TEAL, pal.PAPER, 0.3), x + w * 0.62, y + h * 0.68, w * 0.26, h * 0.14)
    # a bar where a heading would be, too short and plain to read
    p.rect(mix(color, pal.CHARCOAL, 0.2), x + w * 0.18, y + h * 0.08, w * (0.4 + rng.uniform(0, 0.2)), max(3.0, h * 0.04), radius=2)
    p.circle(pal.TOY_BLUE, x + w / 2, y + 5, 3.5)  # a pin


def tissue_box(p: Painter, x, y, color=pal.SAGE) -> None:
    """A box of tissues on a table (``y`` is the table top)."""
    p.rect(color, x, y - 24, 56, 24, radius=4)
    p.rect(shade(color, 0.2), x + 6, y - 20, 44, 6, radius=2)
    p.polygon(pal.PAPER, [(x + 18, y - 24), (x + 38, y - 24), (x + 34, y - 40), (x + 26, y - 34), (x + 20, y - 42)])


def glass_of_water(p: Painter, x, y) -> None:
    p.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.55), x, y - 30, 20, 30, radius=3)
    p.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.25), x + 2, y - 18, 16, 16, radius=2)


def hanging_plant(p: Painter, x, top, rng: random.Random, drop: float = 90, scale: float = 1.0) -> None:
    """A pot on a cord from the ceiling, with leafy stems spilling over the rim and trailing down."""
    s = scale
    p.stroke(pal.CHARCOAL, [(x, 0), (x, top + drop)], 2)
    py = top + drop
    p.ellipse(pal.TERRACOTTA, x, py + 10 * s, 34 * s, 20 * s)
    p.rect(shade(pal.TERRACOTTA, 0.12), x - 36 * s, py - 2 * s, 72 * s, 10 * s, radius=4 * s)
    for i in range(6):
        sx = x + (i - 2.5) * 12 * s
        length = rng.uniform(60, 120) * s
        bend = (i - 2.5) * 5 * s
        p.stroke(pal.LEAF_DARK, [(sx, py), (sx + bend, py + length)], 1.6 * s)
        for k in range(7):
            t = k / 6
            leaf(p, sx + bend * t, py + 4 * s + t * length, 90 + (55 if k % 2 else -55) + rng.uniform(-12, 12),
                 rng.uniform(24, 34) * s, 11 * s, rng.choice([pal.LEAF, pal.LEAF_LIGHT, pal.LEAF_DARK]))
