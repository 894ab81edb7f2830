"""Heads in portrait design units (200x240): hair, face, and the features that carry each mood.

A mood is read from brows (inner ends raised = worry or sadness, lowered = sternness), eyes (open,
heavy-lidded, smiling, gently closed, looking down) and mouth (flat, smile, open smile, frown).
Posture (head height, tilt, shoulders) lives in people.POSTURES.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.ui.art.draw import Painter, mix, quad_bezier, shade
from game.ui.art.people import HAIR, SKIN, Person

INK = (46, 38, 38)


@dataclass(frozen=True)
class Head:
    x: float
    y: float
    rx: float
    ry: float
    eye: float  # eye radius (children's are larger)


HEAD_BY_AGE = {
    "adult": Head(100, 88, 39, 47, 4.2),
    "older": Head(100, 88, 39, 47, 4.0),
    "teen": Head(100, 90, 38, 46, 4.5),
    "child": Head(100, 94, 39, 45, 5.0),
    "child_small": Head(100, 102, 41, 43, 5.4),
}

# (inner brow lift, outer brow lift, arch) – negative is up on screen
BROWS = {
    "neutral": (0, 0, -1.5), "worried": (-5, 1.5, 0), "sad": (-4, 3, 0.5), "relieved": (-3, -1.5, -2),
    "calm": (0, 0.5, -1), "stern": (4, -1.5, 0), "warm": (-2, -2, -2.5), "withdrawn": (-1.5, 2.5, 0),
}
# eye kind, gaze drop
EYES = {
    "neutral": ("open", 0), "worried": ("wide", 0), "sad": ("heavy", 2), "relieved": ("closed", 0),
    "calm": ("soft", 0), "stern": ("narrow", 0), "warm": ("smile", 0), "withdrawn": ("heavy", 3),
}
# mouth kind, half width, curve (positive = corners up)
MOUTHS = {
    "neutral": ("line", 8, 1.5), "worried": ("tense", 6, -1.5), "sad": ("line", 8, -4.5),
    "relieved": ("line", 10, 4.5), "calm": ("line", 8, 2.5), "stern": ("line", 10, -0.6),
    "warm": ("open", 12, 8), "withdrawn": ("line", 5, -1.5),
}


def skin_of(person: Person):
    return SKIN[person.skin]


def hair_of(person: Person):
    return HAIR[person.hair]


def ellipse_points(cx, cy, rx, ry, a0, a1, steps=24):
    return [(cx + rx * math.cos(a0 + (a1 - a0) * i / steps), cy + ry * math.sin(a0 + (a1 - a0) * i / steps))
            for i in range(steps + 1)]


# -- hair ---------------------------------------------------------------------------------------
def hair_back(p: Painter, person: Person, h: Head) -> None:
    c = hair_of(person)
    style = person.hair_style
    if style in ("long", "wavy"):
        bottom = h.y + h.ry * 2.3
        if style == "wavy":
            left = [(h.x - h.rx * 1.25 - 4 * math.sin(i * 1.3), h.y - h.ry * 0.2 + i * (bottom - h.y) / 8) for i in range(9)]
            right = [(h.x + h.rx * 1.25 + 4 * math.sin(i * 1.3), h.y - h.ry * 0.2 + i * (bottom - h.y) / 8) for i in range(9)]
            p.polygon(c, ellipse_points(h.x, h.y - h.ry * 0.1, h.rx * 1.25, h.ry * 1.1, math.pi, 2 * math.pi)
                      + right + left[::-1])
        else:
            p.rect(c, h.x - h.rx * 1.18, h.y - h.ry * 0.95, h.rx * 2.36, bottom - h.y + h.ry * 0.95, radius=h.rx * 0.9)
    elif style == "bob":
        p.rect(c, h.x - h.rx * 1.2, h.y - h.ry * 1.0, h.rx * 2.4, h.ry * 1.85, radius=h.rx * 0.8)
    elif style == "afro":
        p.ellipse(c, h.x, h.y - h.ry * 0.3, h.rx * 1.28, h.ry * 0.98)
        for i in range(16):  # a soft, bumpy outline
            a = math.pi * 0.9 + i * math.pi * 1.2 / 15
            p.circle(c, h.x + math.cos(a) * h.rx * 1.2, h.y - h.ry * 0.3 + math.sin(a) * h.ry * 0.9, h.rx * 0.2)
    elif style == "curly":
        for i in range(14):
            a = math.pi * 0.85 + i * (math.pi * 1.3) / 13
            p.circle(c, h.x + math.cos(a) * h.rx * 1.08, h.y - h.ry * 0.1 + math.sin(a) * h.ry * 1.0, h.rx * 0.34)
        for side in (-1, 1):
            p.circle(c, h.x + side * h.rx * 1.05, h.y + h.ry * 0.55, h.rx * 0.3)
    elif style == "ponytail":
        p.ellipse(c, h.x + h.rx * 1.05, h.y + h.ry * 0.35, h.rx * 0.32, h.ry * 0.7)
    elif style == "bun":
        p.circle(c, h.x, h.y - h.ry * 1.02, h.rx * 0.42)
    elif style == "hijab":
        scarf = person.accent
        p.polygon(scarf, [(h.x - h.rx * 1.25, h.y), (h.x + h.rx * 1.25, h.y),
                          (h.x + h.rx * 1.9, h.y + h.ry * 2.0), (h.x - h.rx * 1.9, h.y + h.ry * 2.0)])
        p.ellipse(scarf, h.x, h.y - h.ry * 0.05, h.rx * 1.3, h.ry * 1.22)


def hair_front(p: Painter, person: Person, h: Head) -> None:
    c = hair_of(person)
    style = person.hair_style
    if style == "hijab":
        # the scarf's edge follows the face oval: a soft fold, not a band across the forehead
        p.stroke(shade(person.accent, -0.1), ellipse_points(h.x, h.y + h.ry * 0.06, h.rx * 0.9, h.ry * 0.94,
                                                           math.pi * 0.92, math.pi * 2.08, 28), h.rx * 0.12)
        return
    if style == "bald":
        for side in (-1, 1):
            p.ellipse(c, h.x + side * h.rx * 0.95, h.y - h.ry * 0.05, h.rx * 0.18, h.ry * 0.3)
        return
    if style == "buzz":
        c = mix(c, skin_of(person), 0.25)
    s = 1.07 if style not in ("buzz",) else 1.03
    hairline = {"short": 0.42, "side": 0.4, "long": 0.42, "wavy": 0.4, "bob": 0.46, "ponytail": 0.52,
                "bun": 0.55, "curly": 0.45, "afro": 0.5, "braids": 0.5, "buzz": 0.6}.get(style, 0.42)
    top = ellipse_points(h.x, h.y - h.ry * 0.04, h.rx * s, h.ry * s, math.pi, 2 * math.pi)
    hl = h.y - h.ry * hairline
    right_temple = (h.x + h.rx * 0.9, h.y - h.ry * 0.18)
    left_temple = (h.x - h.rx * 0.9, h.y - h.ry * 0.18)
    if style in ("side", "long", "wavy", "short"):
        # a side parting: the fringe sweeps from the parting down towards one temple
        sweep = quad_bezier(right_temple, (h.x + h.rx * 0.1, hl - h.ry * 0.28), (h.x - h.rx * 0.35, hl), 10)
        sweep += quad_bezier((h.x - h.rx * 0.35, hl), (h.x - h.rx * 0.75, hl + h.ry * 0.02), left_temple, 6)
    elif style == "bob":  # straight fringe, sides falling to the jaw and framing the face
        jaw = h.y + h.ry * 0.74
        p.polygon(c, top + [(h.x + h.rx * 1.12, jaw), (h.x + h.rx * 0.74, jaw), (h.x + h.rx * 0.8, hl),
                            (h.x - h.rx * 0.8, hl), (h.x - h.rx * 0.74, jaw), (h.x - h.rx * 1.12, jaw)])
        sweep = None
    else:
        sweep = quad_bezier(right_temple, (h.x, hl - h.ry * 0.32), left_temple, 12)
    if sweep:
        p.polygon(c, top + [(h.x + h.rx * s, h.y)] + sweep + [(h.x - h.rx * s, h.y)])
    if style in ("curly", "afro"):
        for i in range(9):
            a = math.pi * 1.08 + i * math.pi * 0.84 / 8
            p.circle(c, h.x + math.cos(a) * h.rx * 0.88, h.y - h.ry * 0.12 + math.sin(a) * h.ry * 0.88, h.rx * 0.2)
    if style in ("long", "wavy"):
        for side in (-1, 1):
            p.rect(c, h.x + side * h.rx * 0.97 - h.rx * 0.18, h.y - h.ry * 0.3, h.rx * 0.36, h.ry * 1.25, radius=h.rx * 0.17)
    if style == "braids":  # two braids falling in front of the shoulders
        for side in (-1, 1):
            bx = h.x + side * h.rx * 0.95
            for i in range(11):
                y = h.y + h.ry * (0.2 + i * 0.13)
                p.ellipse(shade(c, 0.1) if i % 2 else c, bx + side * i * 0.5, y, h.rx * 0.15, h.ry * 0.1)
            p.rect((206, 120, 100), bx + side * 5.5 - 4, h.y + h.ry * 1.58, 8, 3, radius=1)
            p.polygon(c, [(bx + side * 5.5 - 3, h.y + h.ry * 1.62), (bx + side * 5.5 + 3, h.y + h.ry * 1.62),
                          (bx + side * 5.5, h.y + h.ry * 1.74)])
    if "hairclip" in person.extras:
        p.rect((116, 170, 196), h.x + h.rx * 0.35, hl - h.ry * 0.18, h.rx * 0.42, h.ry * 0.12, radius=2)


# -- face ---------------------------------------------------------------------------------------
def head_shape(p: Painter, person: Person, h: Head) -> None:
    skin = skin_of(person)
    if person.hair_style == "hijab":
        p.ellipse(skin, h.x, h.y + h.ry * 0.06, h.rx * 0.88, h.ry * 0.92)
        return
    if person.hair_style not in ("bob", "long", "wavy"):  # ears, unless the hair covers them
        for side in (-1, 1):
            p.ellipse(shade(skin, -0.06), h.x + side * h.rx * 0.98, h.y + h.ry * 0.08, h.rx * 0.2, h.ry * 0.2)
    p.ellipse(skin, h.x, h.y, h.rx, h.ry)
    # a soft jaw: slightly narrower towards the chin
    p.ellipse(skin, h.x, h.y + h.ry * 0.25, h.rx * 0.92, h.ry * 0.78)
    if "earrings" in person.extras:
        for side in (-1, 1):
            p.circle((222, 190, 110), h.x + side * h.rx * 1.0, h.y + h.ry * 0.32, 2.6)


def features(p: Painter, person: Person, h: Head, mood: str) -> None:
    skin = skin_of(person)
    hair = hair_of(person)
    brow_col = shade(hair, -0.15) if person.hair not in ("grey", "white") else shade(hair, -0.35)
    line = mix(skin, INK, 0.55)
    ey = h.y + h.ry * 0.08
    ex = h.rx * 0.4
    # cheeks: a light blush for warm moods and for small children
    if mood in ("warm", "relieved") or person.age == "child_small":
        for side in (-1, 1):
            p.glow((226, 120, 110), 70 if person.skin in ("s5", "s6") else 55,
                   h.x + side * ex * 1.35, ey + h.ry * 0.3, h.rx * 0.26, h.ry * 0.16)
    # brows
    inner, outer, arch = BROWS[mood]
    by = ey - h.ry * 0.26
    for side in (-1, 1):
        x_in, x_out = h.x + side * ex * 0.45, h.x + side * ex * 1.55
        p.curve(brow_col, (x_in, by + inner), ((x_in + x_out) / 2, by + (inner + outer) / 2 + arch), (x_out, by + outer),
                2.6 if person.age in ("adult", "older") else 2.3)
    # eyes
    kind, drop = EYES[mood]
    r = h.eye
    for side in (-1, 1):
        cx = h.x + side * ex
        if kind == "closed":  # gently closed, relieved
            p.curve(INK, (cx - r * 1.2, ey), (cx, ey + r * 1.1), (cx + r * 1.2, ey), 1.8)
            continue
        if kind == "smile":
            p.curve(INK, (cx - r * 1.2, ey + r * 0.5), (cx, ey - r * 1.3), (cx + r * 1.2, ey + r * 0.5), 2.2)
            continue
        ry = r * (1.25 if kind == "wide" else 1.1)
        p.ellipse(INK, cx, ey + drop, r * 0.95, ry)
        if kind not in ("heavy",):
            p.circle((250, 250, 250), cx + r * 0.3, ey + drop - ry * 0.35, r * 0.32)
        if kind == "heavy":  # lids half down, looking down
            p.rect(skin, cx - r * 1.5, ey + drop - ry * 1.6, r * 3, ry * 1.35)
            p.stroke(line, [(cx - r * 1.1, ey + drop - ry * 0.25), (cx + r * 1.1, ey + drop - ry * 0.25)], 1.6)
        elif kind == "narrow":
            p.rect(skin, cx - r * 1.5, ey - ry * 1.7, r * 3, ry * 1.2)
            p.stroke(line, [(cx - r * 1.1, ey - ry * 0.5), (cx + r * 1.1, ey - ry * 0.5)], 1.6)
        elif kind == "soft":
            p.rect(skin, cx - r * 1.5, ey - ry * 1.8, r * 3, ry * 1.0)
            p.stroke(line, [(cx - r * 1.1, ey - ry * 0.8), (cx + r * 1.1, ey - ry * 0.8)], 1.4)
    # nose: a soft shadow and a small curve
    ny = h.y + h.ry * 0.36
    p.ellipse(shade(skin, -0.1), h.x, ny, h.rx * 0.12, h.ry * 0.06)
    p.curve(shade(skin, -0.22), (h.x - h.rx * 0.08, ny - h.ry * 0.02), (h.x + h.rx * 0.05, ny + h.ry * 0.05),
            (h.x + h.rx * 0.1, ny - h.ry * 0.04), 1.3)
    # beard before the mouth, so the mouth stays readable
    beard(p, person, h)
    # mouth
    kind, half, curve = MOUTHS[mood]
    my = h.y + h.ry * 0.58
    mx = h.x - (2 if mood == "withdrawn" else 0)
    lip = mix(skin, (150, 60, 64), 0.45)
    mouth_line = mix(skin, (90, 40, 44), 0.6)
    if kind == "open":
        upper = quad_bezier((mx - half, my - curve * 0.2), (mx, my + 1), (mx + half, my - curve * 0.2), 10)
        lower = quad_bezier((mx + half, my - curve * 0.2), (mx, my + curve * 1.35), (mx - half, my - curve * 0.2), 10)
        p.polygon(mix(skin, (110, 40, 44), 0.7), upper + lower)
        p.polygon((250, 248, 244), quad_bezier((mx - half * 0.8, my - curve * 0.1), (mx, my + 1.5),
                                               (mx + half * 0.8, my - curve * 0.1), 8)
                  + [(mx + half * 0.6, my + 2.2), (mx - half * 0.6, my + 2.2)])
        p.stroke(mouth_line, upper, 1.4)
    elif kind == "tense":  # a small, uneven, pressed mouth
        p.curve(mouth_line, (mx - half, my + 1), (mx - half * 0.2, my - 2.2), (mx + half, my + 1.8), 2.2)
    else:
        p.curve(mouth_line, (mx - half, my - curve), (mx, my + curve), (mx + half, my - curve), 2.2)
        if curve > 3:
            p.curve(lip, (mx - half * 0.5, my + curve * 0.35 + 2.5), (mx, my + curve * 0.7 + 3),
                    (mx + half * 0.5, my + curve * 0.35 + 2.5), 1.4)
    if person.age == "older":
        for side in (-1, 1):
            p.curve(shade(skin, -0.12), (h.x + side * h.rx * 0.38, my - 8), (h.x + side * h.rx * 0.48, my - 2),
                    (h.x + side * h.rx * 0.42, my + 4), 1.2)
    accessories_face(p, person, h, ey)


def beard(p: Painter, person: Person, h: Head) -> None:
    if not person.beard:
        return
    hair = hair_of(person)
    skin = skin_of(person)
    if person.beard == "moustache":
        p.ellipse(hair, h.x - h.rx * 0.17, h.y + h.ry * 0.47, h.rx * 0.22, h.ry * 0.07)
        p.ellipse(hair, h.x + h.rx * 0.17, h.y + h.ry * 0.47, h.rx * 0.22, h.ry * 0.07)
        return
    full = person.beard == "full"
    color = hair if full else mix(skin, hair, 0.2)
    # the top edge follows the cheeks: down from the sideburns, up to the moustache under the nose
    top = quad_bezier((h.x + h.rx * 0.98, h.y + h.ry * 0.05), (h.x + h.rx * 0.62, h.y + h.ry * 0.62),
                      (h.x + h.rx * 0.28, h.y + h.ry * 0.44), 8)
    top += quad_bezier((h.x + h.rx * 0.28, h.y + h.ry * 0.44), (h.x, h.y + h.ry * 0.36),
                       (h.x - h.rx * 0.28, h.y + h.ry * 0.44), 6)
    top += quad_bezier((h.x - h.rx * 0.28, h.y + h.ry * 0.44), (h.x - h.rx * 0.62, h.y + h.ry * 0.62),
                       (h.x - h.rx * 0.98, h.y + h.ry * 0.05), 8)
    chin = ellipse_points(h.x, h.y + h.ry * 0.04, h.rx * 0.99, h.ry * (1.04 if full else 1.0),
                          math.pi - 0.05, 0.05, 20)
    p.polygon(color, top + chin)
    if full:  # lips area left clear
        p.ellipse(mix(skin, color, 0.3), h.x, h.y + h.ry * 0.6, h.rx * 0.28, h.ry * 0.09)


def accessories_face(p: Painter, person: Person, h: Head, ey: float) -> None:
    if "glasses" in person.extras:
        frame = (70, 60, 58)
        ex = h.rx * 0.4
        for side in (-1, 1):
            p.rect(frame, h.x + side * ex - h.rx * 0.3, ey - h.ry * 0.14, h.rx * 0.6, h.ry * 0.3,
                   radius=h.rx * 0.12, width=1.8)
        p.curve(frame, (h.x - ex + h.rx * 0.3, ey - 1), (h.x, ey - 3), (h.x + ex - h.rx * 0.3, ey - 1), 1.6)
        for side in (-1, 1):
            p.stroke(frame, [(h.x + side * (ex + h.rx * 0.3), ey - 2), (h.x + side * h.rx * 0.97, ey - 4)], 1.6)
    if "headset" in person.extras:
        band = (70, 76, 86)
        p.stroke(band, ellipse_points(h.x, h.y - h.ry * 0.05, h.rx * 1.1, h.ry * 1.1, math.pi * 1.05, math.pi * 1.95, 16), 3)
        p.rect(band, h.x + h.rx * 0.95, h.y - h.ry * 0.1, h.rx * 0.26, h.ry * 0.42, radius=4)
        p.curve(band, (h.x + h.rx * 1.05, h.y + h.ry * 0.3), (h.x + h.rx * 0.9, h.y + h.ry * 0.75),
                (h.x + h.rx * 0.45, h.y + h.ry * 0.68), 2)
        p.circle(band, h.x + h.rx * 0.42, h.y + h.ry * 0.68, 2.6)
