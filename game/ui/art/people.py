"""Who each portrait is: skin, hair, clothes, age, accessories; and how each mood holds the body.

Fictional, varied people: a spread of skin tones, hair types, ages and genders across the roles,
with uniforms and robes where the role has one. Adjust here, not in the drawing code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ui.art import palette as pal

SKIN = {
    "s1": (246, 220, 198),
    "s2": (236, 198, 168),
    "s3": (220, 174, 138),
    "s4": (192, 142, 104),
    "s5": (150, 100, 70),
    "s6": (108, 70, 50),
}
HAIR = {
    "black": (42, 38, 40),
    "dark": (70, 50, 40),
    "brown": (112, 78, 54),
    "auburn": (148, 82, 52),
    "blonde": (212, 176, 114),
    "strawberry": (198, 132, 88),
    "grey": (168, 166, 164),
    "white": (204, 202, 196),
}


@dataclass(frozen=True)
class Person:
    skin: str
    hair: str
    hair_style: str  # short side long bob ponytail bun curly afro wavy braids buzz bald hijab
    age: str  # child_small child teen adult older
    outfit: str  # tshirt hoodie cardigan shirt blazer uniform robe labcoat sweater blouse
    top: tuple
    accent: tuple = pal.OFF_WHITE
    beard: str = ""  # full stubble moustache
    extras: tuple = field(default_factory=tuple)  # glasses lanyard headset stethoscope earrings tie hairclip backpack


PEOPLE: dict[str, Person] = {
    "girl_child": Person("s3", "dark", "ponytail", "child", "cardigan", pal.MUSTARD, pal.OFF_WHITE,
                         extras=("hairclip",)),
    "boy_teen": Person("s5", "black", "afro", "teen", "hoodie", (96, 120, 128), (200, 206, 204)),
    "child_small": Person("s1", "strawberry", "bob", "child_small", "sweater", pal.TOY_YELLOW, pal.TOY_BLUE),
    "mother": Person("s3", "black", "wavy", "adult", "blouse", pal.ROSE, pal.MUSTARD, extras=("earrings",)),
    "father": Person("s2", "brown", "short", "adult", "sweater", pal.NAVY, pal.OFF_WHITE, beard="stubble"),
    "relative_man": Person("s4", "grey", "short", "older", "cardigan", (138, 110, 84), (214, 204, 180),
                           beard="moustache"),
    "officer_woman": Person("s6", "black", "bun", "adult", "uniform", (52, 68, 98), (72, 90, 124)),
    "officer_man": Person("s1", "auburn", "buzz", "adult", "uniform", (52, 68, 98), (72, 90, 124)),
    "social_worker": Person("s4", "dark", "hijab", "adult", "cardigan", pal.LAVENDER, (84, 128, 134),
                            extras=("lanyard",)),
    "psychologist": Person("s2", "auburn", "curly", "adult", "sweater", pal.TEAL, pal.MUSTARD,
                           extras=("glasses", "earrings")),
    "prosecutor": Person("s2", "black", "bob", "adult", "blazer", (58, 62, 74), pal.OFF_WHITE,
                         extras=("earrings",)),
    "judge": Person("s5", "grey", "short", "older", "robe", (34, 36, 42), pal.OFF_WHITE, extras=("glasses",)),
    "lawyer": Person("s6", "black", "buzz", "adult", "blazer", pal.NAVY, pal.OFF_WHITE, beard="full",
                     extras=("tie",)),
    "guardian": Person("s1", "white", "bob", "older", "cardigan", pal.SAGE, pal.OFF_WHITE,
                       extras=("glasses", "earrings")),
    "teacher": Person("s5", "black", "braids", "adult", "shirt", (120, 150, 120), pal.OFF_WHITE,
                      extras=("earrings",)),
    "doctor": Person("s4", "black", "long", "adult", "labcoat", pal.OFF_WHITE, pal.SKY_BLUE,
                     extras=("stethoscope",)),
    "interpreter": Person("s3", "dark", "side", "adult", "sweater", pal.SLATE, (200, 206, 210),
                          extras=("headset",)),
    "support_worker": Person("s2", "auburn", "long", "adult", "tshirt", pal.TEAL, pal.OFF_WHITE,
                             extras=("lanyard",)),
    # Nia, 15: an ordinary school day, a hoodie, hair loose with a small clip, her school bag's straps
    "girl_teen": Person("s3", "brown", "long", "teen", "hoodie", (128, 118, 160), (226, 222, 236),
                        extras=("hairclip", "backpack")),
    # Ms Haddad, the school counsellor: a soft cardigan, glasses, hair pinned up
    "counsellor": Person("s4", "black", "bun", "adult", "cardigan", pal.SAGE, pal.OFF_WHITE,
                         extras=("glasses", "earrings")),
    # Erik Lund, IT-forensics officer: civilian clothes, the unit's pass on a lanyard
    "forensics_officer": Person("s1", "blonde", "short", "adult", "shirt", (138, 96, 108), pal.OFF_WHITE,
                                beard="stubble", extras=("lanyard", "glasses")),
}


@dataclass(frozen=True)
class Posture:
    head_dy: float = 0.0  # head lower (+) or higher (-)
    tilt: float = 0.0  # degrees, counter-clockwise
    shoulder_dy: float = 0.0  # shoulders lower (+) or raised (-)
    squeeze: float = 0.0  # shoulders drawn in (design units)


POSTURES = {
    "neutral": Posture(),
    "worried": Posture(head_dy=-1, tilt=-2, shoulder_dy=-5, squeeze=6),
    "sad": Posture(head_dy=5, tilt=3, shoulder_dy=4, squeeze=2),
    "relieved": Posture(head_dy=-2, tilt=-3, shoulder_dy=3, squeeze=-2),
    "calm": Posture(shoulder_dy=1),
    "stern": Posture(head_dy=-2, shoulder_dy=-1, squeeze=-2),
    "warm": Posture(tilt=-5, shoulder_dy=1),
    "withdrawn": Posture(head_dy=8, tilt=6, shoulder_dy=-7, squeeze=12),
}
