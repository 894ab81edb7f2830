"""Save every background, portrait x mood and icon as PNGs for a human to look at.

    .venv/bin/python -m tests.art.contact_sheet [OUT_DIR]     (default: build/art)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.engine.vocab import LOCATIONS, MOODS, PORTRAITS  # noqa: E402


def backgrounds_sheet(out: Path) -> None:
    from game.ui.art import backgrounds

    for loc in LOCATIONS:
        bg = backgrounds.render(loc, (1280, 720))
        pygame.image.save(bg, str(out / f"bg_{loc}.png"))
        pygame.image.save(with_story_ui(bg), str(out / f"bg_ui_{loc}.png"))


# Where the story screen covers the background (game/ui/screens/story.py): the journey bar, the
# speaker's portrait, the meters, the menu button and the text box. What is left is what people see.
STORY_UI = [(0, 0, 1280, 86), (90, 66, 340, 420), (960, 100, 300, 100), (20, 100, 120, 66), (40, 486, 1200, 214)]


def with_story_ui(bg: pygame.Surface) -> pygame.Surface:
    shot = bg.copy()
    veil = pygame.Surface((1280, 720), pygame.SRCALPHA)
    for rect in STORY_UI:
        veil.fill((250, 247, 241, 215), rect)
    shot.blit(veil, (0, 0))
    return shot


def portraits_sheet(out: Path, size=(200, 240)) -> None:
    from game.ui.art import portraits

    pad = 8
    sheet = pygame.Surface(((size[0] + pad) * len(MOODS) + pad, (size[1] + pad) * len(PORTRAITS) + pad))
    sheet.fill((38, 52, 64))
    for row, name in enumerate(PORTRAITS):
        for col, mood in enumerate(MOODS):
            x, y = pad + col * (size[0] + pad), pad + row * (size[1] + pad)
            sheet.fill((234, 238, 236), (x, y, *size))
            sheet.blit(portraits.render(name, mood, size), (x, y))
    pygame.image.save(sheet, str(out / "portraits.png"))
    # the same sheet in parts, small enough to look at closely
    for start in range(0, len(PORTRAITS), 5):
        part = sheet.subsurface((0, start * (size[1] + pad), sheet.get_width(),
                                 min(5, len(PORTRAITS) - start) * (size[1] + pad) + pad))
        pygame.image.save(part, str(out / f"portraits_{start // 5}.png"))


def icons_sheet(out: Path, size=64) -> None:
    from game.ui.art import icons

    names = icons.NAMES
    cols = 8
    rows = (len(names) + cols - 1) // cols
    sheet = pygame.Surface((cols * (size + 16) * 2, rows * (size + 16)))
    sheet.fill((250, 247, 241))
    sheet.fill((38, 52, 64), (cols * (size + 16), 0, cols * (size + 16), sheet.get_height()))
    for i, name in enumerate(names):
        x, y = (i % cols) * (size + 16) + 8, (i // cols) * (size + 16) + 8
        sheet.blit(icons.render(name, size, (33, 41, 48)), (x, y))
        sheet.blit(icons.render(name, size, (246, 243, 236)), (x + cols * (size + 16), y))
    pygame.image.save(sheet, str(out / "icons.png"))


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "build/art")
    out.mkdir(parents=True, exist_ok=True)
    pygame.init()
    which = set(argv[1:]) or {"bg", "portraits", "icons"}
    for key, fn in (("bg", backgrounds_sheet), ("portraits", portraits_sheet), ("icons", icons_sheet)):
        if key in which:
            t = time.perf_counter()
            fn(out)
            print(f"{key}: {time.perf_counter() - t:.2f} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
