"""Shoulders, neck and clothes in portrait design units (200x240)."""

from __future__ import annotations

from game.ui.art import palette as pal
from game.ui.art.draw import Painter, mix, quad_bezier, shade
from game.ui.art.faces import Head, skin_of
from game.ui.art.people import Person, Posture

SHOULDERS = {  # age -> (top y, width)
    "adult": (150, 178), "older": (150, 172), "teen": (150, 160), "child": (154, 144), "child_small": (158, 128),
}


def body(p: Painter, person: Person, h: Head, post: Posture) -> None:
    """Everything below the chin. The neck meets the (possibly lowered) head."""
    skin = skin_of(person)
    top0, width0 = SHOULDERS[person.age]
    top = top0 + post.shoulder_dy
    width = width0 - post.squeeze * 2
    if person.outfit == "robe":
        width += 14
    cx = 100
    left, right = cx - width / 2, cx + width / 2
    top_col = person.top
    neck_w = h.rx * (0.6 if person.age in ("adult", "older") else 0.52)
    chin = h.y + h.ry * 0.7 + post.head_dy
    # clothes underlay that sits behind the neck (hood, high collar)
    if person.outfit == "hoodie":
        p.ellipse(shade(top_col, -0.14), cx, top + 2, neck_w * 1.9, 16)
    # shoulders: sloping down from the neck, then straight down past the frame
    shoulder = width * 0.2
    outline = quad_bezier((cx - neck_w * 1.25, top), (left + 4, top + 2), (left, top + shoulder), 10)
    outline += [(left - 2, 250), (right + 2, 250)]
    outline += quad_bezier((right, top + shoulder), (right - 4, top + 2), (cx + neck_w * 1.25, top), 10)
    p.polygon(top_col, outline)
    # flat shading: a lighter top on each shoulder and a darker fold down each side
    for side in (-1, 1):
        edge = cx + side * width / 2
        p.polygon(shade(top_col, 0.07), quad_bezier((cx + side * neck_w * 1.25, top), (edge - side * 4, top + 2),
                                                    (edge, top + shoulder), 8)
                  + [(edge - side * width * 0.16, top + shoulder * 0.7)])
        p.polygon(shade(top_col, -0.06), [(edge, top + shoulder), (edge + side * 2, 250),
                                          (edge - side * width * 0.1, 250), (edge - side * width * 0.07, top + shoulder * 1.6)])
    # neck with a soft shadow under the chin
    p.rect(skin, cx - neck_w / 2, chin - 10, neck_w, top - chin + 22, radius=neck_w * 0.3)
    p.ellipse(shade(skin, -0.12), cx, chin + 3, neck_w * 0.52, 6)
    outfit(p, person, cx, top, width, neck_w)


def outfit(p: Painter, person: Person, cx, top, width, neck_w) -> None:
    o = person.outfit
    top_col, acc = person.top, person.accent
    skin = skin_of(person)
    dark = shade(top_col, -0.15)
    if o in ("tshirt", "blouse"):
        p.ellipse(skin, cx, top + 4, neck_w * 0.95, 14)
        p.curve(dark, (cx - neck_w * 0.95, top + 2), (cx, top + 30), (cx + neck_w * 0.95, top + 2), 2.2)
        if o == "blouse":
            p.curve(acc, (cx - neck_w * 0.7, top + 6), (cx, top + 24), (cx + neck_w * 0.7, top + 6), 1.6)
            p.circle(acc, cx, top + 18, 3)
    elif o == "sweater":
        p.ellipse(skin, cx, top + 2, neck_w * 0.75, 9)
        p.stroke(acc if person.age == "child_small" else dark,
                 quad_bezier((cx - neck_w * 0.9, top), (cx, top + 22), (cx + neck_w * 0.9, top), 12), 5)
        if person.age == "child_small":
            p.rect(acc, cx - width / 2, top + 44, width, 10)
    elif o == "hoodie":
        p.ellipse(skin, cx, top + 2, neck_w * 0.7, 8)
        p.stroke(dark, quad_bezier((cx - neck_w * 1.05, top - 2), (cx, top + 24), (cx + neck_w * 1.05, top - 2), 12), 6)
        for side in (-1, 1):
            p.stroke(person.accent, [(cx + side * 7, top + 16), (cx + side * 8, top + 48)], 2)
            p.circle(person.accent, cx + side * 8, top + 49, 2.2)
    elif o == "cardigan":
        p.polygon(acc, [(cx - neck_w * 0.8, top), (cx + neck_w * 0.8, top), (cx, top + 44)])
        p.ellipse(skin, cx, top + 2, neck_w * 0.55, 8)
        for side in (-1, 1):
            p.polygon(dark, [(cx + side * neck_w * 0.85, top - 2), (cx + side * neck_w * 1.15, top - 2),
                             (cx + side * 3, top + 56), (cx + side * 1, top + 50)])
        for k in range(2):
            p.circle(shade(top_col, 0.3), cx + 5, top + 62 + k * 16, 2.2)
    elif o in ("shirt", "uniform"):
        p.polygon(skin, [(cx - neck_w * 0.5, top - 2), (cx + neck_w * 0.5, top - 2), (cx, top + 16)])
        collar = acc if o == "uniform" else shade(top_col, 0.2)
        for side in (-1, 1):
            p.polygon(collar, [(cx + side * neck_w * 0.55, top - 6), (cx + side * neck_w * 1.2, top + 4),
                               (cx + side * 6, top + 22), (cx, top + 14)])
        p.stroke(dark, [(cx, top + 16), (cx, 240)], 1.6)
        if o == "uniform":
            for side in (-1, 1):
                p.rect(mix(top_col, (20, 24, 36), 0.4), cx + side * width * 0.34 - 14, top + 4, 28, 9, radius=3)
                p.rect(dark, cx + side * width * 0.22 - 16, top + 48, 32, 24, radius=3)  # pocket
                p.rect(shade(dark, -0.1), cx + side * width * 0.22 - 16, top + 48, 32, 7, radius=2)
            # a shield-shaped badge with no words, and a blank name bar
            bx, by = cx - width * 0.22, top + 30
            p.polygon((206, 176, 96), [(bx - 8, by - 8), (bx + 8, by - 8), (bx + 8, by + 2), (bx, by + 10), (bx - 8, by + 2)])
            p.circle(shade((206, 176, 96), 0.3), bx, by - 1, 3)
            p.rect((210, 214, 220), cx + width * 0.22 - 14, top + 34, 28, 6, radius=2)
        else:
            for k in range(3):
                p.circle(shade(top_col, 0.3), cx + 3, top + 34 + k * 18, 1.8)
    elif o == "blazer":
        p.polygon(acc, [(cx - neck_w * 0.85, top - 2), (cx + neck_w * 0.85, top - 2), (cx, top + 62)])
        p.polygon(skin, [(cx - neck_w * 0.45, top - 4), (cx + neck_w * 0.45, top - 4), (cx, top + 14)])
        if "tie" in person.extras:
            tie = (122, 62, 60)
            p.polygon(tie, [(cx - 4, top + 12), (cx + 4, top + 12), (cx + 7, top + 56), (cx, top + 64), (cx - 7, top + 56)])
            p.polygon(shade(tie, -0.1), [(cx - 5, top + 6), (cx + 5, top + 6), (cx + 3, top + 14), (cx - 3, top + 14)])
        for side in (-1, 1):
            p.polygon(shade(top_col, -0.2), [(cx + side * neck_w * 0.8, top - 4), (cx + side * neck_w * 1.6, top + 2),
                                             (cx + side * 20, top + 46), (cx + side * 4, top + 70)])
        p.circle(shade(top_col, 0.25), cx - 14, top + 72, 2.4)
    elif o == "labcoat":
        shirt = acc
        p.polygon(shirt, [(cx - neck_w * 0.9, top - 2), (cx + neck_w * 0.9, top - 2), (cx, top + 52)])
        p.ellipse(skin, cx, top + 2, neck_w * 0.5, 9)
        for side in (-1, 1):
            p.polygon(shade(top_col, -0.1), [(cx + side * neck_w * 0.85, top - 4), (cx + side * neck_w * 1.5, top + 2),
                                             (cx + side * 18, top + 44), (cx + side * 2, top + 70)])
        p.rect(shade(top_col, -0.08), cx + width * 0.16, top + 56, 30, 4, radius=2)  # pocket edge
    elif o == "robe":
        # the black gown falls in soft folds; white bands at the throat
        for k in (-1, 1):
            p.stroke(shade(top_col, 0.12), [(cx + k * width * 0.2, top + 30), (cx + k * width * 0.24, 240)], 2.4)
        p.ellipse(shade(top_col, 0.08), cx, top + 4, neck_w * 1.1, 10)  # the gown's round collar
        for side in (-1, 1):
            p.rect(pal.OFF_WHITE, cx + side * 5 - 4, top + 4, 8, 28, radius=2)
    if "backpack" in person.extras:  # a school bag's padded straps, over the top of both shoulders
        strap = pal.TERRACOTTA
        for side in (-1, 1):
            x0 = cx + side * width * 0.3
            ridge = top + width * 0.2 * 0.32  # where the shoulder's curve is at x0, roughly
            p.polygon(strap, [(x0 - 9, ridge - 4), (x0 + 9, ridge - 3), (x0 + side * 3 + 8, 250), (x0 + side * 3 - 8, 250)])
            p.polygon(shade(strap, 0.15), [(x0 - 9, ridge - 4), (x0 + 9, ridge - 3), (x0 + 9, ridge + 3), (x0 - 9, ridge + 2)])
            p.rect(pal.METAL, x0 + side * 2 - 7, top + 62, 14, 5, radius=2)  # the strap's adjuster
    if "lanyard" in person.extras:
        strap = (86, 132, 176)
        p.stroke(strap, [(cx - neck_w * 0.55, top + 2), (cx - 4, top + 54)], 2.4)
        p.stroke(strap, [(cx + neck_w * 0.55, top + 2), (cx + 4, top + 54)], 2.4)
        p.rect(pal.OFF_WHITE, cx - 11, top + 52, 22, 28, radius=3)
        p.rect(strap, cx - 11, top + 52, 22, 8, radius=3)
    if "stethoscope" in person.extras:
        tube = (70, 80, 96)
        p.stroke(tube, quad_bezier((cx - neck_w * 0.9, top - 4), (cx - neck_w * 1.3, top + 48), (cx - 8, top + 58), 12), 2.8)
        p.stroke(tube, quad_bezier((cx + neck_w * 0.9, top - 4), (cx + neck_w * 1.2, top + 40), (cx + 16, top + 64), 12), 2.8)
        p.circle(pal.METAL, cx + 16, top + 68, 6)
        p.circle(pal.METAL_DARK, cx + 16, top + 68, 3)
