"""The muted colours every picture is painted with, so rooms, people and icons look like one set.

Chosen to sit behind the calm UI theme (slate, warm paper, muted teal): soft walls, mid-tone wood,
desaturated fabrics, nothing saturated or alarming.
"""

# walls
WALL_CREAM = (236, 228, 214)
WALL_SAGE = (204, 214, 198)
WALL_BLUE = (200, 212, 220)
WALL_PEACH = (238, 218, 202)
WALL_LAVENDER = (218, 212, 226)
WALL_GREY = (216, 218, 216)
WALL_MINT = (208, 224, 216)
PANEL_WOOD = (170, 128, 92)

# wood and floors
WOOD_LIGHT = (204, 170, 128)
WOOD_MID = (166, 124, 88)
WOOD_DARK = (112, 80, 60)
FLOOR_WOOD = (184, 150, 114)
FLOOR_TILE = (204, 204, 198)
FLOOR_LINO = (176, 186, 184)
CARPET_TEAL = (124, 152, 150)
CARPET_BLUE = (132, 150, 176)
CARPET_SAND = (206, 190, 160)

# fabrics
TEAL = (86, 136, 140)
MUSTARD = (214, 178, 98)
TERRACOTTA = (196, 124, 98)
SAGE = (142, 170, 132)
LAVENDER = (160, 150, 190)
ROSE = (210, 156, 152)
NAVY = (66, 82, 116)
SLATE = (92, 104, 118)
CHARCOAL = (60, 64, 72)
OFF_WHITE = (246, 244, 238)
PAPER = (250, 248, 242)
SKY_BLUE = (150, 184, 212)

# nature
LEAF = (104, 148, 104)
LEAF_DARK = (72, 116, 88)
LEAF_LIGHT = (146, 182, 122)
SKY_TOP = (170, 204, 226)
SKY_LOW = (228, 236, 234)
HILL = (150, 180, 140)

# metal, screens, lights
METAL = (170, 176, 182)
METAL_DARK = (112, 118, 126)
SCREEN = (52, 62, 74)
LIGHT_WARM = (255, 236, 196)
SHADOW = (20, 24, 30)

# a few cheerful but soft accents (children's things)
TOY_RED = (214, 118, 108)
TOY_YELLOW = (236, 200, 110)
TOY_BLUE = (116, 158, 204)
TOY_GREEN = (132, 184, 132)
TEDDY = (178, 136, 98)
