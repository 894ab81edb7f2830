"""One composition per location (docs/CONTRACTS.md §2), in 1280x720 design units.

On the story screen the journey bar covers the top 86 px, the text box everything below y=486, the
speaker's portrait x=90..430 and the meters the top right (tests/art/contact_sheet.py draws that
overlay). So each room keeps what makes it recognisable in the band x=430..960, y=90..480: floors sit
high (y≈440) and the front furniture is drawn further back (``p.shifted``) so it shows above the text.
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
    fy = 440
    f.wall(p, pal.WALL_MINT, fy, wainscot=(176, 200, 196), wainscot_h=110)
    f.floor(p, fy, pal.FLOOR_LINO, "tile")
    f.window(p, 60, 100, 230, 230, rng, "trees")
    f.board(p, 450, 110, 400, 190, rng)
    f.clock(p, 910, 130, 30)
    f.picture(p, 960, 230, 80, 70, rng, "drawing", frame=pal.TOY_BLUE)
    f.picture(p, 1070, 220, 80, 70, rng, "drawing", frame=pal.TOY_YELLOW)
    f.bookcase(p, 1090, 300, 160, 170, rng, pal.WOOD_LIGHT, shelves=2)
    f.plant(p, 1000, fy + 20, rng, 0.8, kind="tall")
    # two rows of pupils' desks with chairs tucked in, set back so the first row shows
    front = p.shifted(0, -130)
    for row, (y, s) in enumerate([(600, 1.0), (700, 1.15)]):
        for i in range(3):
            x = 300 + i * 270 - row * 60
            f.plain_chair(front, x + 70, y + 8, pal.TEAL if (i + row) % 2 else pal.MUSTARD)
            f.desk(front, x, y - 84 * s, 170 * s, y, pal.WOOD_LIGHT, drawers=False)
    f.ceiling_light(p, 400)
    f.ceiling_light(p, 900)


def police_station(p: Painter, rng: random.Random) -> None:
    fy = 450
    f.wall(p, pal.WALL_BLUE, fy, stripe=pal.NAVY)
    f.floor(p, fy, pal.FLOOR_TILE, "tile")
    f.ceiling_light(p, 320)
    f.ceiling_light(p, 960)
    f.door(p, 120, fy, 140, 310, pal.SLATE, glass=True)
    f.noticeboard(p, 450, 110, 260, 150, rng)
    f.clock(p, 760, 130, 28)
    # reception counter with a glass screen
    p.translucent(pal.SKY_BLUE, 90, lambda q: q.rect(pal.SKY_BLUE, 800, 150, 400, 170, radius=6))
    p.rect(pal.METAL, 800, 146, 400, 8, radius=3)
    p.rect(pal.METAL, 996, 150, 8, 170)
    f.counter(p, 780, fy + 20, 440, 150, pal.NAVY, pal.OFF_WHITE)
    p.circle(pal.OFF_WHITE, 1000, fy - 55, 24)  # a plain round emblem, no insignia
    p.circle(pal.NAVY, 1000, fy - 55, 16, width=4)
    f.monitor(p, 840, fy - 130, 130, 80, back=True)
    f.water_cooler(p, 730, fy + 30)
    f.bench(p, 440, fy + 50, 260, padded=pal.TEAL)
    f.plant(p, 1235, fy + 60, rng, 0.9, kind="tall")


def interview_room(p: Painter, rng: random.Random) -> None:
    """Child-friendly interview room: soft chairs, toys, plants, a lamp, a small camera high up."""
    fy = 430
    f.wall(p, pal.WALL_PEACH, fy)
    f.floor(p, fy, pal.CARPET_SAND, "carpet")
    f.window(p, 560, 96, 280, 200, rng, "trees", curtains=pal.SAGE)
    f.light_from_window(p, 560, 280, fy)
    f.camera_dome(p, 930, 104)  # discreet, high in the corner of the view
    f.picture(p, 120, 120, 120, 100, rng, "drawing", frame=pal.TOY_BLUE)
    f.picture(p, 450, 140, 70, 60, rng, "drawing", frame=pal.TOY_GREEN)
    f.picture(p, 960, 230, 110, 80, rng, "landscape", frame=pal.WOOD_LIGHT)
    f.bookcase(p, 60, 270, 200, 180, rng, pal.WOOD_LIGHT, shelves=2)
    f.plant(p, 1215, fy + 30, rng, 1.1, pot=pal.SAGE, kind="tall")
    f.floor_lamp(p, 1110, fy + 20, pal.MUSTARD)
    front = p.shifted(0, -115)
    f.rug(front, 740, 600, 380, 70, pal.ROSE, border=shade(pal.ROSE, 0.25))
    f.armchair(front, 560, 595, 200, pal.TEAL)
    f.armchair(front, 925, 595, 200, pal.LAVENDER)
    f.teddy(front, 545, 505, 0.62, pal.TEDDY)
    f.round_table(front, 742, 560, 105, pal.WOOD_LIGHT, floor_y=630)
    f.crayons(front, 750, 562)
    front.rect(pal.CHARCOAL, 806, 548, 16, 10, radius=4)  # the small table microphone
    front.circle(pal.METAL_DARK, 814, 546, 5)
    f.blocks(front, 440, 640, 0.9)
    f.ball(front, 1060, 630, 24)


def office(p: Painter, rng: random.Random) -> None:
    fy = 450
    f.wall(p, pal.WALL_GREY, fy)
    f.floor(p, fy, pal.CARPET_BLUE, "carpet")
    f.window(p, 600, 96, 300, 220, rng, "city", blinds=True)
    f.light_from_window(p, 600, 300, fy)
    f.ceiling_light(p, 400)
    f.bookcase(p, 70, 160, 230, 300, rng, pal.WOOD_MID)
    f.picture(p, 460, 130, 100, 80, rng, "abstract", frame=pal.CHARCOAL)
    f.filing_cabinet(p, 440, fy + 20, 110, 190)
    f.plant(p, 495, fy - 170, rng, 0.55, kind="round", on_floor=False)
    f.picture(p, 960, 230, 110, 80, rng, "landscape", frame=pal.CHARCOAL)
    front = p.shifted(0, -95)
    f.office_chair(front, 800, 640, pal.SLATE)
    f.desk(front, 600, 520, 420, 660, pal.WOOD_LIGHT)
    f.monitor(front, 640, 504, 170, 110)
    f.papers(front, 860, 504, rng)
    f.mug(front, 960, 504, pal.TERRACOTTA)
    f.plant(p, 1190, fy + 40, rng, 1.1, kind="leafy", pot=pal.SLATE)


def prosecutor_office(p: Painter, rng: random.Random) -> None:
    fy = 450
    f.wall(p, (222, 214, 200), fy, wainscot=pal.PANEL_WOOD, wainscot_h=170)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.bookcase(p, 60, 120, 260, 340, rng, pal.WOOD_DARK, shelves=4, uniform=True)
    f.bookcase(p, 440, 96, 250, 364, rng, pal.WOOD_DARK, shelves=4, uniform=True)
    f.window(p, 770, 96, 200, 220, rng, "city", curtains=(130, 60, 60))
    f.light_from_window(p, 770, 200, fy)
    f.picture(p, 1040, 230, 110, 80, rng, "landscape", frame=(180, 150, 80))
    # a stand with a plain blue flag ringed with small stars, like those in EU institutions
    p.rect(pal.METAL_DARK, 1200, 210, 6, fy - 190)
    p.polygon(pal.NAVY, [(1206, 220), (1262, 230), (1262, 350), (1206, 340)])
    for i in range(12):
        a = i * math.pi / 6
        p.circle(pal.TOY_YELLOW, 1234 + math.cos(a) * 18, 285 + math.sin(a) * 18, 2.5)
    p.ellipse(pal.METAL_DARK, 1203, fy + 16, 24, 6)
    front = p.shifted(0, -100)
    f.office_chair(front, 850, 640, (120, 52, 48), back_h=160)
    f.desk(front, 600, 520, 500, 680, pal.WOOD_DARK)
    f.papers(front, 650, 504, rng, 4)
    front.rect(pal.NAVY, 780, 490, 110, 14, radius=3)  # case folders
    front.rect(pal.MUSTARD, 786, 478, 104, 12, radius=3)
    # a green banker's lamp
    front.glow(pal.LIGHT_WARM, 80, 1010, 470, 110, 50)
    front.rect(pal.WOOD_DARK, 1000, 462, 20, 42)
    front.ellipse(pal.METAL_DARK, 1010, 504, 30, 6)
    front.polygon((70, 110, 80), [(960, 470), (1060, 470), (1046, 440), (974, 440)])


def courtroom(p: Painter, rng: random.Random) -> None:
    fy = 500
    f.wall(p, (226, 218, 204), fy, wainscot=pal.PANEL_WOOD, wainscot_h=210)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    for x in (80, 1140):  # tall windows with soft light
        f.window(p, x, 60, 90, 300, rng, "trees", frame=pal.OFF_WHITE)
    for x in (300, 960):  # pilasters
        p.rect(shade(pal.WALL_CREAM, -0.05), x, 0, 40, fy - 210)
    # emblem above the bench: balanced scales in a ring, no lettering
    p.circle(shade(pal.PANEL_WOOD, -0.1), 640, 150, 62)
    p.circle((214, 190, 130), 640, 150, 53)
    p.rect(pal.WOOD_DARK, 636, 110, 8, 74)
    p.rect(pal.WOOD_DARK, 600, 120, 80, 6, radius=3)
    for sx in (604, 676):
        p.stroke(pal.WOOD_DARK, [(sx, 124), (sx - 14, 154)], 2)
        p.stroke(pal.WOOD_DARK, [(sx, 124), (sx + 14, 154)], 2)
        p.ellipse(pal.WOOD_DARK, sx, 156, 18, 5)
    p.rect(pal.WOOD_DARK, 622, 182, 36, 7, radius=3)
    # the judges' bench, raised, with three high-backed chairs
    for cx in (520, 640, 760):
        p.rect((112, 52, 50), cx - 40, 230, 80, 130, radius=18)
    p.rect(shade(pal.WOOD_DARK, 0.1), 380, 300, 520, 22, radius=4)
    p.gradient(pal.WOOD_MID, pal.WOOD_DARK, 400, 320, 480, 190)
    for i in range(4):
        p.rect(shade(pal.WOOD_MID, -0.12), 416 + i * 116, 336, 100, 150, radius=4, width=4)
    # the witness stand, to the side, below a tall window
    p.gradient(pal.WOOD_MID, pal.WOOD_DARK, 980, 390, 160, 140)
    p.rect(shade(pal.WOOD_DARK, 0.1), 970, 380, 180, 16, radius=4)
    p.rect(pal.CHARCOAL, 1052, 350, 6, 34)
    p.circle(pal.METAL_DARK, 1055, 346, 7)
    f.desk(p, 120, 480, 200, 580, pal.WOOD_MID, drawers=False)
    f.ceiling_light(p, 640, 300)


def court_waiting(p: Painter, rng: random.Random) -> None:
    """A separate, quiet waiting room for the child: warm light, a sofa, books and toys."""
    fy = 450
    f.wall(p, pal.WALL_SAGE, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.window(p, 80, 100, 240, 220, rng, "trees", curtains=pal.MUSTARD)
    f.picture(p, 500, 120, 180, 120, rng, "landscape", frame=pal.WOOD_LIGHT)
    f.picture(p, 720, 140, 90, 90, rng, "abstract", frame=pal.WOOD_LIGHT)
    f.door(p, 1090, fy, 130, 280, pal.WOOD_LIGHT)
    f.pendant(p, 660, 40, pal.SAGE)
    f.bookcase(p, 880, 290, 160, 170, rng, pal.WOOD_LIGHT, shelves=2)
    f.teddy(p, 930, 308, 0.55, pal.TEDDY)
    f.plant(p, 1245, fy + 40, rng, 0.9, kind="tall", pot=pal.OFF_WHITE)
    front = p.shifted(0, -110)
    f.rug(front, 660, 620, 360, 70, pal.CARPET_TEAL, border=shade(pal.CARPET_TEAL, 0.3))
    f.sofa(front, 460, 590, 380, pal.LAVENDER, cushions=[pal.MUSTARD, pal.ROSE])
    f.toy_basket(front, 880, 600, rng)
    f.coffee_table(front, 560, 650, 200, 700, pal.WOOD_LIGHT)


def support_centre(p: Painter, rng: random.Random) -> None:
    fy = 450
    f.wall(p, pal.WALL_LAVENDER, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    p.rect(mix(pal.WALL_LAVENDER, pal.TOY_YELLOW, 0.3), 0, 300, W, 36)  # a painted band
    f.window(p, 660, 96, 250, 190, rng, "trees")
    f.light_from_window(p, 660, 250, fy)
    for i, (x, y) in enumerate(((450, 110), (560, 130), (470, 210))):
        f.picture(p, x, y, 80, 64, rng, "drawing", frame=[pal.TOY_RED, pal.TOY_BLUE, pal.TOY_GREEN][i])
    f.noticeboard(p, 960, 220, 240, 140, rng)
    f.bookcase(p, 60, 290, 240, 170, rng, pal.WOOD_LIGHT, shelves=2)
    f.plant(p, 1230, fy + 30, rng, 0.9, kind="tall", pot=pal.OFF_WHITE)
    front = p.shifted(0, -115)
    f.round_table(front, 720, 560, 150, pal.WOOD_LIGHT, floor_y=650)
    for cx, col in ((540, pal.TEAL), (900, pal.ROSE)):
        f.plain_chair(front, cx, 660, pal.WOOD_LIGHT, seat=col)
    f.mug(front, 660, 552, pal.TEAL)
    f.mug(front, 760, 552, pal.MUSTARD)
    f.plant(front, 460, 600, rng, 0.9, kind="round", pot=pal.MUSTARD)
    f.cushion(front, 1080, 610, 70, pal.MUSTARD)  # bean bags
    f.cushion(front, 1190, 580, 60, pal.SAGE)


def shelter(p: Painter, rng: random.Random) -> None:
    """A homely room in a shelter: a made bed with a quilt, a lamp, a plant, curtains."""
    fy = 440
    f.wall(p, pal.WALL_PEACH, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.window(p, 620, 96, 230, 190, rng, "trees", curtains=pal.ROSE)
    f.light_from_window(p, 620, 230, fy)
    f.picture(p, 150, 120, 170, 120, rng, "landscape", frame=pal.WOOD_LIGHT)
    f.picture(p, 460, 130, 90, 90, rng, "abstract", frame=pal.WOOD_LIGHT)
    f.picture(p, 960, 230, 100, 80, rng, "drawing", frame=pal.WOOD_LIGHT)
    f.pendant(p, 300, 30, pal.OFF_WHITE)
    f.plant(p, 1215, fy + 40, rng, 1.0, kind="leafy", pot=pal.TERRACOTTA)
    # bed: headboard, mattress, quilt with a simple patchwork, pillow, a teddy
    bed = p.shifted(370, -70)
    bed.shadow(90, 640, 560, 30, 70)
    bed.rect(pal.WOOD_LIGHT, 90, 380, 40, 280, radius=10)
    bed.rect(pal.OFF_WHITE, 120, 500, 520, 60, radius=14)
    bed.rect(pal.WOOD_LIGHT, 120, 560, 520, 70, radius=6)
    quilt = [pal.SAGE, pal.MUSTARD, pal.ROSE, pal.TEAL, pal.LAVENDER]
    for i in range(6):
        for j in range(2):
            bed.rect(quilt[(i + j * 2) % 5], 250 + i * 64, 496 + j * 36, 64, 38)
    bed.rect(pal.OFF_WHITE, 140, 470, 100, 50, radius=20)
    f.teddy(bed, 210, 500, 0.6, pal.TEDDY)
    # bedside table with a lamp
    side = p.shifted(0, -90)
    f.coffee_table(side, 1060, 560, 110, 640, pal.WOOD_LIGHT)
    side.glow(pal.LIGHT_WARM, 90, 1115, 470, 120, 80)
    side.rect(pal.WOOD_DARK, 1110, 486, 10, 60)
    side.polygon(pal.OFF_WHITE, [(1090, 490), (1140, 490), (1150, 450), (1080, 450)])


def home(p: Painter, rng: random.Random) -> None:
    fy = 450
    f.wall(p, pal.WALL_CREAM, fy)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.window(p, 80, 100, 240, 230, rng, "city", curtains=pal.TEAL)
    # shelves with family photos (plain frames) and a clock
    p.rect(pal.WOOD_MID, 470, 230, 330, 14, radius=3)
    for i, x in enumerate((490, 590, 700)):
        f.picture(p, x, 160 + (i % 2) * 10, 70, 60 - (i % 2) * 10, rng, "landscape" if i != 1 else "abstract",
                  frame=pal.WOOD_DARK)
    f.clock(p, 640, 120, 26)
    # kitchen corner: cupboards, counter, a fruit bowl
    p.rect(pal.OFF_WHITE, 880, 96, 380, 150, radius=4)
    for i in range(3):
        p.rect(shade(pal.OFF_WHITE, -0.08), 890 + i * 122, 106, 112, 130, radius=4, width=2)
    f.counter(p, 880, fy + 10, 380, 160, pal.SAGE, pal.WOOD_LIGHT)
    p.ellipse(pal.METAL, 990, fy - 166, 40, 8)
    for k, c in enumerate((pal.TOY_RED, pal.TOY_YELLOW, pal.TOY_GREEN)):
        p.circle(c, 975 + k * 14, fy - 176, 10)
    f.floor_lamp(p, 450, fy + 20, pal.OFF_WHITE)
    front = p.shifted(0, -120)
    f.rug(front, 680, 640, 360, 70, pal.TERRACOTTA, border=shade(pal.TERRACOTTA, 0.3))
    f.sofa(front, 480, 610, 400, pal.NAVY, cushions=[pal.MUSTARD, pal.ROSE, pal.OFF_WHITE])
    f.plant(p, 1190, fy - 170, rng, 0.45, kind="round", pot=pal.MUSTARD, on_floor=False)


def street(p: Painter, rng: random.Random) -> None:
    gy = 420
    p.gradient(pal.SKY_TOP, pal.SKY_LOW, 0, 0, W, gy)
    for cx, cy, r in ((560, 130, 34), (605, 120, 44), (650, 134, 30), (880, 150, 30), (920, 140, 40)):
        p.circle(pal.OFF_WHITE, cx, cy, r)  # clouds
    # a row of town houses in muted colours
    x = -20
    while x < W:
        bw = rng.uniform(150, 230)
        bh = rng.uniform(220, 300)
        col = rng.choice([pal.WALL_PEACH, pal.WALL_CREAM, pal.WALL_SAGE, pal.WALL_BLUE, (218, 196, 180)])
        p.rect(col, x, gy - bh, bw, bh)
        p.rect(shade(col, -0.2), x - 6, gy - bh - 12, bw + 12, 14)
        for row in range(int((bh - 100) // 80)):
            for col_i in range(int((bw - 30) // 60)):
                wx, wy = x + 25 + col_i * 60, gy - bh + 30 + row * 80
                p.rect(shade(col, -0.3), wx - 3, wy - 3, 40, 56)
                p.gradient(mix(pal.SKY_TOP, pal.OFF_WHITE, 0.3), pal.SKY_LOW, wx, wy, 34, 50)
        door_x = x + bw / 2 - 24
        p.rect(shade(col, -0.35), door_x, gy - 90, 48, 90, radius=4)
        x += bw
    # pavement, kerb, road
    p.gradient((196, 192, 184), (176, 172, 166), 0, gy, W, 130)
    for i in range(0, W + 80, 120):
        p.stroke((168, 164, 158), [(i, gy), (i - 40, gy + 130)], 2)
    p.rect((150, 148, 144), 0, gy + 130, W, 14)
    p.gradient((104, 110, 116), (84, 90, 96), 0, gy + 144, W, H - gy - 144)
    for i in range(0, W, 200):
        p.rect(pal.OFF_WHITE, i + 40, gy + 200, 100, 8, radius=3)
    for tx in (470, 1000):
        f.tree(p, tx, gy + 50, rng, 0.9)
    # street lamp and a bench
    p.rect(pal.CHARCOAL, 876, 130, 8, gy + 40 - 130)
    p.rect(pal.CHARCOAL, 860, 120, 40, 16, radius=6)
    f.bench(p, 600, gy + 70, 220, pal.WOOD_MID)


def clinic(p: Painter, rng: random.Random) -> None:
    fy = 450
    f.wall(p, (220, 232, 230), fy, wainscot=(196, 216, 214), wainscot_h=90)
    f.floor(p, fy, pal.FLOOR_LINO, "tile")
    f.ceiling_light(p, 640, 300)
    f.window(p, 600, 100, 240, 170, rng, "trees", blinds=True)
    f.light_from_window(p, 600, 240, fy)
    # privacy curtain on a rail, drawn back
    p.rect(pal.METAL, 200, 90, 250, 8, radius=3)
    for i in range(4):
        p.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.35 + (i % 2) * 0.1), 360 + i * 22, 98, 24, 360)
    # examination couch with a paper roll and a step
    couch = p.shifted(80, -100)
    couch.shadow(360, 590, 420, 26, 70)
    couch.rect(pal.METAL_DARK, 400, 470, 12, 120)
    couch.rect(pal.METAL_DARK, 720, 470, 12, 120)
    couch.rect(pal.TEAL, 380, 430, 380, 46, radius=14)
    couch.polygon(pal.TEAL, [(380, 446), (400, 392), (470, 400), (470, 446)])  # raised head end
    couch.rect(pal.PAPER, 450, 424, 300, 16, radius=6)
    f.teddy(couch, 700, 424, 0.45, pal.TEDDY)
    # cabinet with jars, a sanitiser, a height chart without numbers
    p.rect(pal.OFF_WHITE, 930, 300, 240, 150, radius=6)
    for i in range(2):
        p.rect(shade(pal.OFF_WHITE, -0.08), 940 + i * 115, 312, 105, 126, radius=4, width=2)
    for k, c in enumerate((pal.SKY_BLUE, pal.SAGE, pal.OFF_WHITE)):
        p.rect(c, 960 + k * 50, 262, 36, 38, radius=8)
    p.rect(pal.SKY_BLUE, 880, 300, 30, 60, radius=8)
    p.rect(pal.OFF_WHITE, 1200, 210, 30, 250, radius=4)
    for k in range(8):
        p.rect(pal.TOY_BLUE if k % 2 else pal.TOY_GREEN, 1202, 222 + k * 28, 14, 3)
    f.plant(p, 1240, fy + 60, rng, 0.8, kind="round", pot=pal.OFF_WHITE)


def video_link(p: Painter, rng: random.Random) -> None:
    """The child's side of a video link: a quiet room and a large screen showing the courtroom."""
    fy = 460
    f.wall(p, pal.WALL_SAGE, fy)
    f.floor(p, fy, pal.CARPET_TEAL, "carpet")
    f.plant(p, 200, fy + 20, rng, 1.1, kind="tall", pot=pal.OFF_WHITE)
    f.floor_lamp(p, 1200, fy + 20, pal.MUSTARD)
    # the screen on a low cabinet, showing a small courtroom
    sx, sy, sw, sh = 450, 110, 500, 282
    p.rect(pal.WOOD_LIGHT, 470, 430, 460, 70, radius=8)
    p.rect(pal.CHARCOAL, 690, 400, 20, 34)
    p.rect(pal.CHARCOAL, sx - 12, sy - 12, sw + 24, sh + 24, radius=12)
    screen = p.r(sx, sy, sw, sh)
    picture = pygame.Surface(screen.size)
    courtroom(Painter(picture, screen.width / W), random.Random(rng.randrange(2**32)))
    p.blit(picture, screen.topleft)  # blit clips where a crop cuts the screen
    p.circle(pal.METAL_DARK, sx + sw / 2, sy - 20, 8)  # the camera looking at the child
    p.circle(pal.CHARCOAL, sx + sw / 2, sy - 20, 4)
    p.circle((120, 200, 140), sx + sw - 10, sy + sh + 5, 3)  # power light
    # the child's seat and a small table with water, to the side of the screen
    front = p.shifted(0, -120)
    f.armchair(front, 1080, 620, 200, pal.TEAL)
    f.teddy(front, 1060, 525, 0.5)
    f.coffee_table(front, 880, 620, 90, 680, pal.WOOD_LIGHT)
    front.rect(mix(pal.SKY_BLUE, pal.OFF_WHITE, 0.5), 912, 576, 20, 30, radius=3)


def cyber_unit(p: Painter, rng: random.Random) -> None:
    """A police cyber-crime unit: a long desk with several screens, equipment cabinets, a sealed evidence
    bag with a phone in it, and, set apart by a rug and a warm lamp, a calm corner where a young person
    can sit while her device is looked at."""
    fy = 450
    wall_col = (174, 186, 200)
    f.wall(p, wall_col, fy, wainscot=shade(wall_col, -0.1), wainscot_h=120, stripe=pal.NAVY)
    f.floor(p, fy, (118, 128, 142), "carpet")
    f.ceiling_light(p, 300)
    f.ceiling_light(p, 760)
    f.rack(p, 60, fy + 20, 130, 320, rng)
    f.rack(p, 196, fy + 20, 110, 260, rng)
    f.board(p, 470, 96, 300, 110, rng, chalk=False)
    f.clock(p, 830, 130, 26)
    f.window(p, 900, 100, 180, 170, rng, "city", blinds=True)
    # a shelf of sealed evidence boxes, each with a blank label
    p.rect(shade(pal.METAL, -0.05), 1110, 150, 150, 10, radius=3)
    for k, bx in enumerate((1116, 1180)):
        col = (198, 170, 124) if k == 0 else (186, 160, 118)
        bh = 54 - k * 12
        p.rect(col, bx, 150 - bh, 58, bh, radius=2)
        p.rect(pal.PAPER, bx + 12, 150 - bh + 12, 34, 14, radius=2)
    front = p.shifted(0, -95)
    # the long desk with three screens, the officer's chair, a computer tower below
    f.office_chair(front, 640, 660, pal.CHARCOAL)
    f.desk(front, 440, 520, 560, 660, (196, 198, 196), drawers=False)
    f.tower(front, 468, 660)
    f.workstation(front, 470, 504, screens=3, w=136, h=88)
    f.evidence_bag(front, 906, 504, 78, 100)
    # the calm corner: a rug, a soft armchair with a cushion, a low table with water and a warm lamp
    corner = p.shifted(0, -140)  # further back than the desk, so it shows above the text box
    f.rug(corner, 1140, 650, 160, 46, pal.SAGE, border=shade(pal.SAGE, 0.3))
    f.plant(corner, 1262, 640, rng, 0.95, kind="tall", pot=pal.TERRACOTTA)
    f.armchair(corner, 1150, 640, 180, pal.ROSE)
    f.cushion(corner, 1150, 552, 34, pal.MUSTARD)
    f.coffee_table(corner, 1010, 600, 80, 660, pal.WOOD_LIGHT)
    f.glass_of_water(corner, 1020, 586)
    corner.glow(pal.LIGHT_WARM, 90, 1066, 520, 90, 70)
    corner.rect(pal.WOOD_DARK, 1062, 540, 8, 46)
    corner.polygon(pal.OFF_WHITE, [(1046, 544), (1086, 544), (1094, 512), (1038, 512)])


def counsellor_room(p: Painter, rng: random.Random) -> None:
    """A school counsellor's room: two soft chairs either side of a low table, plants, posters of shapes
    (no words), a big window, tissues and water on a low table."""
    fy = 450
    wall_col = (236, 218, 164)
    f.wall(p, wall_col, fy, wainscot=pal.WALL_SAGE, wainscot_h=140)
    f.floor(p, fy, pal.FLOOR_WOOD, "wood")
    f.window(p, 570, 96, 300, 210, rng, "trees", curtains=pal.TEAL)
    f.light_from_window(p, 570, 300, fy)
    for k, x in enumerate((620, 720, 820)):  # small pots on the sill
        f.plant(p, x, 324, rng, 0.32, kind="round" if k != 1 else "leafy",
                pot=(pal.TERRACOTTA, pal.OFF_WHITE, pal.MUSTARD)[k], on_floor=False)
    f.poster(p, 440, 110, 90, 120, "hands", pal.ROSE, rng)
    f.poster(p, 925, 215, 90, 70, "circles", pal.SKY_BLUE, rng)
    f.poster(p, 1035, 212, 76, 100, "path", pal.SAGE, rng)
    f.poster(p, 120, 110, 110, 80, "waves", pal.TOY_BLUE, rng)
    f.bookcase(p, 60, 270, 220, 190, rng, pal.WOOD_LIGHT, shelves=2)
    f.hanging_plant(p, 1172, 0, rng, drop=186, scale=0.85)
    f.plant(p, 1248, fy + 40, rng, 1.0, kind="tall", pot=pal.TERRACOTTA)
    f.plant(p, 470, fy + 10, rng, 0.8, kind="leafy", pot=pal.SAGE)
    front = p.shifted(0, -110)
    f.rug(front, 730, 630, 340, 66, pal.TERRACOTTA, border=shade(pal.TERRACOTTA, 0.3))
    f.armchair(front, 560, 610, 190, pal.SAGE)
    f.armchair(front, 910, 610, 190, pal.LAVENDER)
    f.cushion(front, 905, 522, 34, pal.MUSTARD)
    f.coffee_table(front, 660, 600, 150, 660, pal.WOOD_LIGHT)
    f.tissue_box(front, 676, 586, pal.SKY_BLUE)
    f.glass_of_water(front, 750, 586)
    f.mug(front, 780, 586, pal.MUSTARD)


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
    "cyber_unit": cyber_unit,
    "counsellor_room": counsellor_room,
}
