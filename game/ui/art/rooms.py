"""One composition per location (docs/CONTRACTS.md §2), in 1280x720 design units.

The lower third of the screen is usually covered by the dialogue panel and the sides by portraits,
so each room keeps its character in the upper middle and leaves calm, plain areas elsewhere.
"""

from __future__ import annotations

import math
import random

import pygame

from game.ui.art import furniture as f
from game.ui.art import palette as pal
from game.ui.art.draw import Painter, mix, shade

W, H = f.W, f.H


def school(p: Painter, rng: random.Random) -> None:
    fy = 520
    f.wall(p, pal.WALL_MINT, fy, wainscot=(176, 200, 196), wainscot_h=120)
    f.floor(p, fy, pal.FLOOR_LINO, "tile")
    f.window(p, 60, 90, 230, 250, rng, "trees")
    f.light_from_window(p, 60, 230, fy)
    f.board(p, 420, 110, 440, 210, rng)
    f.clock(p, 960, 110)
    f.picture(p, 940, 200, 90, 80, rng, "drawing", frame=pal.TOY_BLUE)
    f.picture(p, 1060, 190, 90, 80, rng, "drawing", frame=pal.TOY_YELLOW)
    f.bookcase(p, 1090, 300, 160, 220, rng, pal.WOOD_LIGHT, shelves=2)
    f.plant(p, 1010, fy, rng, 0.9, kind="tall")
    # two rows of pupils' desks with chairs tucked in
    for row, (y, s) in enumerate([(600, 1.0), (700, 1.15)]):
        for i in range(3):
            x = 250 + i * 300 - row * 60
            f.plain_chair(p, x + 70, y + 8, pal.TEAL if (i + row) % 2 else pal.MUSTARD)
            f.desk(p, x, y - 84 * s, 170 * s, y, pal.WOOD_LIGHT, drawers=False)
    f.ceiling_light(p, 400)
    f.ceiling_light(p, 900)


def police_station(p: Painter, rng: random.Random) -> None:
    fy = 530
    f.wall(p, pal.WALL_BLUE, fy, stripe=pal.NAVY)
    f.floor(p, fy, pal.FLOOR_TILE, "tile")
    f.ceiling_light(p, 320)
    f.ceiling_light(p, 960)
    f.door(p, 70, fy, 140, 310, pal.SLATE, glass=True)
    f.noticeboard(p, 260, 120, 280, 170, rng)
    # reception counter with a glass screen
    p.translucent(pal.SKY_BLUE, 90, lambda q: q.rect(pal.SKY_BLUE, 640, 180, 460, 200, radius=6))
    p.rect(pal.METAL, 640, 176, 460, 8, radius=3)
    p.rect(pal.METAL, 866, 180, 8, 200)
    f.counter(p, 620, fy, 500, 160, pal.NAVY, pal.OFF_WHITE)
    p.circle(pal.OFF_WHITE, 870, fy - 90, 26)  # a plain round emblem, no insignia
    p.circle(pal.NAVY, 870, fy - 90, 18, width=4)
    f.monitor(p, 700, fy - 160, 130, 80, back=True)
    f.clock(p, 1180, 130)
    f.bench(p, 250, fy + 110, 300, padded=pal.TEAL)
    f.plant(p, 1180, fy + 40, rng, 1.0, kind="tall")
    f.water_cooler(p, 560, fy + 10)


def interview_room(p: Painter, rng: random.Random) -> None:
    """Child-friendly interview room: soft chairs, toys, plants, a lamp, a small camera high up."""
    fy = 500
    f.wall(p, pal.WALL_PEACH, fy)
    f.floor(p, fy, pal.CARPET_SAND, "carpet")
    f.window(p, 470, 80, 300, 230, rng, "trees", curtains=pal.SAGE)
    f.light_from_window(p, 470, 300, fy)
    f.camera_dome(p, 1210, 40)
    f.picture(p, 120, 120, 120, 100, rng, "drawing", frame=pal.TOY_BLUE)
    f.picture(p, 270, 150, 100, 80, rng, "drawing", frame=pal.TOY_GREEN)
    f.picture(p, 900, 120, 150, 110, rng, "landscape", frame=pal.WOOD_LIGHT)
    f.bookcase(p, 60, 300, 200, 200, rng, pal.WOOD_LIGHT, shelves=2)
    f.teddy(p, 110, 318, 0.7, pal.TEDDY)
    f.plant(p, 1170, fy + 20, rng, 1.2, pot=pal.SAGE, kind="tall")
    f.floor_lamp(p, 1060, fy + 10, pal.MUSTARD)
    f.rug(p, 640, 610, 420, 80, pal.ROSE, border=shade(pal.ROSE, 0.25))
    f.armchair(p, 400, 600, 210, pal.TEAL)
    f.armchair(p, 880, 600, 210, pal.LAVENDER)
    f.round_table(p, 640, 560, 115, pal.WOOD_LIGHT, floor_y=630)
    f.crayons(p, 645, 560)
    p.rect(pal.CHARCOAL, 722, 546, 16, 10, radius=4)  # the small table microphone
    p.circle(pal.METAL_DARK, 730, 544, 5)
    f.blocks(p, 180, 640, 1.0)
    f.ball(p, 1080, 660, 26)


def office(p: Painter, rng: random.Random) -> None:
    fy = 520
    f.wall(p, pal.WALL_GREY, fy)
    f.floor(p, fy, pal.CARPET_BLUE, "carpet")
    f.window(p, 760, 80, 360, 260, rng, "city", blinds=True)
    f.light_from_window(p, 760, 360, fy)
    f.ceiling_light(p, 400)
    f.bookcase(p, 70, 200, 230, 320, rng, pal.WOOD_MID)
    f.filing_cabinet(p, 330, fy, 110, 210)
    f.plant(p, 385, fy - 210, rng, 0.6, kind="round", on_floor=False)
    f.picture(p, 500, 120, 160, 110, rng, "abstract", frame=pal.CHARCOAL)
    f.office_chair(p, 760, 640, pal.SLATE)
    f.desk(p, 560, 520, 460, 660, pal.WOOD_LIGHT)
    f.monitor(p, 610, 504, 170, 110)
    f.papers(p, 840, 504, rng)
    f.mug(p, 950, 504, pal.TERRACOTTA)
    f.plant(p, 1190, fy + 30, rng, 1.1, kind="leafy", pot=pal.SLATE)


def prosecutor_office(p: Painter, rng: random.Random) -> None:
    fy = 520
    f.wall(p, (222, 214, 200), fy, wainscot=pal.PANEL_WOOD, wainscot_h=200)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.bookcase(p, 40, 90, 300, 430, rng, pal.WOOD_DARK, shelves=5, uniform=True)
    f.window(p, 520, 70, 240, 250, rng, "city", curtains=(130, 60, 60))
    f.light_from_window(p, 520, 240, fy)
    f.picture(p, 900, 120, 170, 120, rng, "landscape", frame=(180, 150, 80))
    f.clock(p, 1170, 150, 30)
    # a stand with a plain blue flag ringed with small stars, like those in EU institutions
    p.rect(pal.METAL_DARK, 1200, 160, 6, fy - 160)
    p.polygon(pal.NAVY, [(1206, 170), (1262, 180), (1262, 300), (1206, 290)])
    for i in range(12):
        a = i * math.pi / 6
        p.circle(pal.TOY_YELLOW, 1234 + math.cos(a) * 18, 235 + math.sin(a) * 18, 2.5)
    p.ellipse(pal.METAL_DARK, 1203, fy - 4, 24, 6)
    f.office_chair(p, 770, 640, (120, 52, 48), back_h=160)
    f.desk(p, 500, 520, 560, 680, pal.WOOD_DARK)
    f.papers(p, 560, 504, rng, 4)
    p.rect(pal.NAVY, 700, 490, 110, 14, radius=3)  # case folders
    p.rect(pal.MUSTARD, 706, 478, 104, 12, radius=3)
    # a green banker's lamp
    p.glow(pal.LIGHT_WARM, 80, 960, 470, 110, 50)
    p.rect(pal.WOOD_DARK, 950, 462, 20, 42)
    p.ellipse(pal.METAL_DARK, 960, 504, 30, 6)
    p.polygon((70, 110, 80), [(910, 470), (1010, 470), (996, 440), (924, 440)])


def courtroom(p: Painter, rng: random.Random) -> None:
    fy = 540
    f.wall(p, (226, 218, 204), fy, wainscot=pal.PANEL_WOOD, wainscot_h=210)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    for x in (80, 1140):  # tall windows with soft light
        f.window(p, x, 60, 90, 300, rng, "trees", frame=pal.OFF_WHITE)
    for x in (260, 1000):  # pilasters
        p.rect(shade(pal.WALL_CREAM, -0.05), x, 0, 40, fy - 210)
    # emblem above the bench: balanced scales in a ring, no lettering
    p.circle(shade(pal.PANEL_WOOD, -0.1), 640, 120, 72)
    p.circle((214, 190, 130), 640, 120, 62)
    p.rect(pal.WOOD_DARK, 636, 74, 8, 84)
    p.rect(pal.WOOD_DARK, 594, 88, 92, 6, radius=3)
    for sx in (600, 680):
        p.stroke(pal.WOOD_DARK, [(sx, 92), (sx - 16, 126)], 2)
        p.stroke(pal.WOOD_DARK, [(sx, 92), (sx + 16, 126)], 2)
        p.ellipse(pal.WOOD_DARK, sx, 128, 20, 6)
    p.rect(pal.WOOD_DARK, 620, 158, 40, 8, radius=3)
    # the judges' bench, raised, with three high-backed chairs
    for cx in (520, 640, 760):
        p.rect((112, 52, 50), cx - 40, 220, 80, 140, radius=18)
    p.rect(shade(pal.WOOD_DARK, 0.1), 360, 300, 560, 24, radius=4)
    p.gradient(pal.WOOD_MID, pal.WOOD_DARK, 380, 322, 520, 200)
    for i in range(4):
        p.rect(shade(pal.WOOD_MID, -0.12), 400 + i * 126, 340, 106, 160, radius=4, width=4)
    # witness stand (left) and a table (right)
    p.gradient(pal.WOOD_MID, pal.WOOD_DARK, 150, 420, 170, 150)
    p.rect(shade(pal.WOOD_DARK, 0.1), 140, 410, 190, 16, radius=4)
    p.rect(pal.CHARCOAL, 222, 380, 6, 34)
    p.circle(pal.METAL_DARK, 225, 376, 7)
    f.desk(p, 960, 560, 260, 660, pal.WOOD_MID, drawers=False)
    f.papers(p, 1010, 544, rng, 3)
    f.ceiling_light(p, 640, 300)


def court_waiting(p: Painter, rng: random.Random) -> None:
    """A separate, quiet waiting room for the child: warm light, a sofa, books and toys."""
    fy = 520
    f.wall(p, pal.WALL_SAGE, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.window(p, 80, 90, 260, 240, rng, "trees", curtains=pal.MUSTARD)
    f.light_from_window(p, 80, 260, fy)
    f.picture(p, 470, 110, 200, 130, rng, "landscape", frame=pal.WOOD_LIGHT)
    f.picture(p, 720, 130, 100, 100, rng, "abstract", frame=pal.WOOD_LIGHT)
    f.door(p, 1080, fy, 140, 300, pal.WOOD_LIGHT)
    f.pendant(p, 640, 40, pal.SAGE)
    f.bookcase(p, 880, 340, 160, 180, rng, pal.WOOD_LIGHT, shelves=2)
    f.teddy(p, 930, 358, 0.55, pal.TEDDY)
    f.rug(p, 560, 620, 360, 70, pal.CARPET_TEAL, border=shade(pal.CARPET_TEAL, 0.3))
    f.sofa(p, 380, 590, 380, pal.LAVENDER, cushions=[pal.MUSTARD, pal.ROSE])
    f.coffee_table(p, 470, 650, 200, 700, pal.WOOD_LIGHT)
    f.plant(p, 270, fy + 60, rng, 1.1, kind="tall", pot=pal.OFF_WHITE)
    f.toy_basket(p, 820, 680, rng)


def support_centre(p: Painter, rng: random.Random) -> None:
    fy = 520
    f.wall(p, pal.WALL_LAVENDER, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    p.rect(mix(pal.WALL_LAVENDER, pal.TOY_YELLOW, 0.3), 0, 300, W, 40)  # a painted band
    f.window(p, 520, 70, 280, 200, rng, "trees")
    f.light_from_window(p, 520, 280, fy)
    for i, x in enumerate((90, 220, 350)):
        f.picture(p, x, 110 + (i % 2) * 30, 100, 80, rng, "drawing",
                  frame=[pal.TOY_RED, pal.TOY_BLUE, pal.TOY_GREEN][i])
    f.noticeboard(p, 900, 100, 300, 160, rng)
    f.bookcase(p, 60, 340, 240, 180, rng, pal.WOOD_LIGHT, shelves=2)
    f.plant(p, 340, fy + 10, rng, 1.0, kind="round", pot=pal.MUSTARD)
    f.round_table(p, 660, 560, 150, pal.WOOD_LIGHT, floor_y=650)
    for cx, col in ((480, pal.TEAL), (840, pal.ROSE)):
        f.plain_chair(p, cx, 660, pal.WOOD_LIGHT, seat=col)
    f.mug(p, 600, 552, pal.TEAL)
    f.mug(p, 700, 552, pal.MUSTARD)
    f.cushion(p, 1080, 640, 70, pal.MUSTARD)  # bean bags
    f.cushion(p, 1190, 600, 60, pal.SAGE)
    f.plant(p, 1220, fy - 10, rng, 0.9, kind="tall", pot=pal.OFF_WHITE)


def shelter(p: Painter, rng: random.Random) -> None:
    """A homely room in a shelter: a made bed with a quilt, a lamp, a plant, curtains."""
    fy = 510
    f.wall(p, pal.WALL_PEACH, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.window(p, 820, 80, 250, 230, rng, "trees", curtains=pal.ROSE)
    f.light_from_window(p, 820, 250, fy)
    f.picture(p, 200, 110, 170, 120, rng, "landscape", frame=pal.WOOD_LIGHT)
    f.picture(p, 420, 140, 90, 90, rng, "abstract", frame=pal.WOOD_LIGHT)
    f.pendant(p, 560, 30, pal.OFF_WHITE)
    # bed: headboard, mattress, quilt with a simple patchwork, pillow, a teddy
    p.shadow(90, 640, 560, 30, 70)
    p.rect(pal.WOOD_LIGHT, 90, 380, 40, 280, radius=10)
    p.rect(pal.OFF_WHITE, 120, 500, 520, 60, radius=14)
    p.rect(pal.WOOD_LIGHT, 120, 560, 520, 70, radius=6)
    quilt = [pal.SAGE, pal.MUSTARD, pal.ROSE, pal.TEAL, pal.LAVENDER]
    for i in range(6):
        for j in range(2):
            p.rect(quilt[(i + j * 2) % 5], 250 + i * 64, 496 + j * 36, 64, 38)
    p.rect(pal.OFF_WHITE, 140, 470, 100, 50, radius=20)
    f.teddy(p, 210, 500, 0.6, pal.TEDDY)
    # bedside table with a lamp
    f.coffee_table(p, 680, 560, 110, 640, pal.WOOD_LIGHT)
    p.glow(pal.LIGHT_WARM, 90, 735, 470, 120, 80)
    p.rect(pal.WOOD_DARK, 730, 486, 10, 60)
    p.polygon(pal.OFF_WHITE, [(710, 490), (760, 490), (770, 450), (700, 450)])
    f.rug(p, 930, 640, 200, 50, pal.CARPET_TEAL, border=shade(pal.CARPET_TEAL, 0.3))
    f.armchair(p, 1020, 610, 190, pal.SAGE)
    f.plant(p, 1200, fy + 40, rng, 1.0, kind="leafy", pot=pal.TERRACOTTA)


def home(p: Painter, rng: random.Random) -> None:
    fy = 520
    f.wall(p, pal.WALL_CREAM, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.window(p, 80, 90, 250, 240, rng, "city", curtains=pal.TEAL)
    f.light_from_window(p, 80, 250, fy)
    # shelves with family photos (plain frames) and a clock
    p.rect(pal.WOOD_MID, 460, 220, 340, 14, radius=3)
    for i, x in enumerate((480, 580, 690)):
        f.picture(p, x, 150 + (i % 2) * 10, 70, 60 - (i % 2) * 10, rng, "landscape" if i != 1 else "abstract",
                  frame=pal.WOOD_DARK)
    f.clock(p, 640, 100, 28)
    # kitchen corner: counter, cupboards
    p.rect(pal.OFF_WHITE, 900, 100, 340, 150, radius=4)
    for i in range(3):
        p.rect(shade(pal.OFF_WHITE, -0.08), 910 + i * 110, 110, 100, 130, radius=4, width=2)
    f.counter(p, 890, fy, 360, 170, pal.SAGE, pal.WOOD_LIGHT)
    p.ellipse(pal.METAL, 1000, fy - 186, 40, 8)  # a fruit bowl
    for k, c in enumerate((pal.TOY_RED, pal.TOY_YELLOW, pal.TOY_GREEN)):
        p.circle(c, 985 + k * 14, fy - 196, 10)
    f.floor_lamp(p, 380, fy + 40, pal.OFF_WHITE)
    f.rug(p, 640, 640, 380, 70, pal.TERRACOTTA, border=shade(pal.TERRACOTTA, 0.3))
    f.sofa(p, 420, 610, 420, pal.NAVY, cushions=[pal.MUSTARD, pal.ROSE, pal.OFF_WHITE])
    f.plant(p, 860, fy + 20, rng, 0.9, kind="leafy", pot=pal.MUSTARD)


def street(p: Painter, rng: random.Random) -> None:
    gy = 500
    p.gradient(pal.SKY_TOP, pal.SKY_LOW, 0, 0, W, gy)
    for cx, cy, r in ((200, 90, 40), (250, 80, 50), (300, 95, 36), (900, 120, 36), (950, 108, 46)):
        p.circle(pal.OFF_WHITE, cx, cy, r)  # clouds
    # a row of town houses in muted colours
    x = -20
    while x < W:
        bw = rng.uniform(150, 230)
        bh = rng.uniform(260, 380)
        col = rng.choice([pal.WALL_PEACH, pal.WALL_CREAM, pal.WALL_SAGE, pal.WALL_BLUE, (218, 196, 180)])
        p.rect(col, x, gy - bh, bw, bh)
        p.rect(shade(col, -0.2), x - 6, gy - bh - 12, bw + 12, 14)
        for row in range(int((bh - 100) // 90)):
            for col_i in range(int((bw - 30) // 60)):
                wx, wy = x + 25 + col_i * 60, gy - bh + 40 + row * 90
                p.rect(shade(col, -0.3), wx - 3, wy - 3, 40, 56)
                p.gradient(mix(pal.SKY_TOP, pal.OFF_WHITE, 0.3), pal.SKY_LOW, wx, wy, 34, 50)
        door_x = x + bw / 2 - 24
        p.rect(shade(col, -0.35), door_x, gy - 90, 48, 90, radius=4)
        x += bw
    # pavement, kerb, road
    p.gradient((196, 192, 184), (176, 172, 166), 0, gy, W, 110)
    for i in range(0, W, 120):
        p.stroke((168, 164, 158), [(i, gy), (i - 40, gy + 110)], 2)
    p.rect((150, 148, 144), 0, gy + 110, W, 14)
    p.gradient((104, 110, 116), (84, 90, 96), 0, gy + 124, W, H - gy - 124)
    for i in range(0, W, 200):
        p.rect(pal.OFF_WHITE, i + 40, gy + 170, 100, 8, radius=3)
    for tx in (120, 760):
        f.tree(p, tx, gy + 60, rng, 1.0)
    # street lamp and a bench
    p.rect(pal.CHARCOAL, 1096, 170, 8, gy + 50 - 170)
    p.rect(pal.CHARCOAL, 1080, 160, 40, 16, radius=6)
    f.bench(p, 420, gy + 80, 220, pal.WOOD_MID)


def clinic(p: Painter, rng: random.Random) -> None:
    fy = 520
    f.wall(p, (220, 232, 230), fy, wainscot=(196, 216, 214), wainscot_h=100)
    f.floor(p, fy, pal.FLOOR_LINO, "tile")
    f.ceiling_light(p, 640, 300)
    f.window(p, 900, 90, 260, 220, rng, "trees", blinds=True)
    f.light_from_window(p, 900, 260, fy)
    # privacy curtain on a rail
    p.rect(pal.METAL, 40, 40, 340, 8, radius=3)
    for i in range(7):
        p.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.35 + (i % 2) * 0.1), 44 + i * 40, 48, 42, 440)
    # examination couch with a paper roll and a step
    p.shadow(360, 590, 420, 26, 70)
    p.rect(pal.METAL_DARK, 400, 470, 12, 120)
    p.rect(pal.METAL_DARK, 720, 470, 12, 120)
    p.rect(pal.TEAL, 380, 430, 380, 46, radius=14)
    p.polygon(pal.TEAL, [(380, 446), (400, 392), (470, 400), (470, 446)])  # raised head end
    p.rect(pal.PAPER, 450, 424, 300, 16, radius=6)
    p.rect(pal.OFF_WHITE, 560, 560, 110, 30, radius=6)
    # cabinet with jars, a sanitiser, a height chart without numbers
    p.rect(pal.OFF_WHITE, 820, 360, 260, 160, radius=6)
    for i in range(2):
        p.rect(shade(pal.OFF_WHITE, -0.08), 830 + i * 125, 372, 115, 136, radius=4, width=2)
    for k, c in enumerate((pal.SKY_BLUE, pal.SAGE, pal.OFF_WHITE)):
        p.rect(c, 850 + k * 50, 322, 36, 38, radius=8)
    p.rect(pal.SKY_BLUE, 1180, 360, 40, 70, radius=8)
    p.rect(pal.OFF_WHITE, 560, 140, 30, 300, radius=4)
    for k in range(10):
        p.rect(pal.TOY_BLUE if k % 2 else pal.TOY_GREEN, 562, 150 + k * 28, 14, 3)
    f.plain_chair(p, 960, 680, pal.WOOD_LIGHT, seat=pal.TEAL)
    f.plant(p, 1230, fy + 40, rng, 0.9, kind="round", pot=pal.OFF_WHITE)
    f.teddy(p, 700, 424, 0.45, pal.TEDDY)


def video_link(p: Painter, rng: random.Random) -> None:
    """The child's side of a video link: a quiet room and a large screen showing the courtroom."""
    fy = 530
    f.wall(p, pal.WALL_SAGE, fy)
    f.floor(p, fy, pal.CARPET_TEAL, "carpet")
    f.plant(p, 150, fy + 20, rng, 1.1, kind="tall", pot=pal.OFF_WHITE)
    f.floor_lamp(p, 1130, fy + 20, pal.MUSTARD)
    # the screen on a low cabinet, showing a small courtroom
    sx, sy, sw, sh = 330, 70, 620, 360
    p.rect(pal.WOOD_LIGHT, 360, 460, 560, 80, radius=8)
    p.rect(pal.CHARCOAL, 630, 430, 20, 34)
    p.rect(pal.CHARCOAL, sx - 14, sy - 14, sw + 28, sh + 28, radius=12)
    screen = p.r(sx, sy, sw, sh)
    picture = pygame.Surface(screen.size)
    courtroom(Painter(picture, screen.width / W), random.Random(rng.random()))
    p.surface.blit(picture, screen.topleft)  # blit clips where a crop cuts the screen
    p.circle(pal.METAL_DARK, sx + sw / 2, sy - 24, 9)  # the camera looking at the child
    p.circle(pal.CHARCOAL, sx + sw / 2, sy - 24, 5)
    p.circle((120, 200, 140), sx + sw - 10, sy + sh + 6, 4)  # power light
    # the child's seat facing the screen and a small table with water
    f.armchair(p, 640, 700, 240, pal.TEAL)
    f.coffee_table(p, 900, 600, 120, 680, pal.WOOD_LIGHT)
    p.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.5), 940, 556, 20, 30, radius=3)
    f.teddy(p, 640, 600, 0.55)


SCENES = {
    "school": school,
    "police_station": police_station,
    "interview_room": interview_room,
    "office": office,
    "prosecutor_office": prosecutor_office,
    "courtroom": courtroom,
    "court_waiting": court_waiting,
    "support_centre": support_centre,
    "shelter": shelter,
    "home": home,
    "street": street,
    "clinic": clinic,
    "video_link": video_link,
}
