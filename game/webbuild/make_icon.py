"""Draw the page icon, ``build/icon.png`` (the favicon of the web build), with pygame.

A path winding up to a small figure on a dark-blue rounded square: the child's journey through
the proceedings. Run ``python -m game.webbuild.make_icon`` after changing it and commit the PNG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZE = 128
BACKGROUND = (31, 42, 54)
PATH = (224, 163, 58)
FIGURE = (244, 241, 234)
TARGET = Path(__file__).resolve().parents[2] / "build" / "icon.png"


def draw(size: int = SIZE):
    import pygame

    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    s = size / 128
    pygame.draw.rect(surface, BACKGROUND, (0, 0, size, size), border_radius=int(26 * s))
    # The path: three strokes zig-zagging up from the bottom-left, getting narrower with distance.
    points = [(24, 112), (92, 92), (40, 66), (84, 50)]
    widths = [16, 12, 9]
    for (a, b), width in zip(zip(points, points[1:]), widths):
        start = (a[0] * s, a[1] * s)
        end = (b[0] * s, b[1] * s)
        pygame.draw.line(surface, PATH, start, end, int(width * s))
        pygame.draw.circle(surface, PATH, end, int(width * s) // 2)
    pygame.draw.circle(surface, PATH, (24 * s, 112 * s), int(8 * s))
    # The child at the end of the path: a head and a body.
    pygame.draw.circle(surface, FIGURE, (84 * s, 17 * s), int(8 * s))
    body = [(73, 43), (75, 31), (79, 27), (89, 27), (93, 31), (95, 43)]
    pygame.draw.polygon(surface, FIGURE, [(x * s, y * s) for x, y in body])
    return surface


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    target = Path(argv[0]) if argv else TARGET
    pygame.init()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(draw(), str(target))
    finally:
        pygame.quit()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
