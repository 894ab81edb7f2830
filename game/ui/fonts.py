"""Fonts, created once per size, and a cache of rendered text.

The bundled TTF in ``assets/fonts/`` covers Latin, Cyrillic and Greek; pygame's default font covers
Latin only and is the fallback when the TTF is missing. Nothing here is loaded inside the frame loop:
fonts are made the first time a size is asked for (while a screen is built) and kept.
"""

from __future__ import annotations

import io
import sys
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

import pygame

from game.paths import ASSETS_DIR

# Logical pixel sizes at text size 1; text sizes 2 and 3 scale them up.
BASE_SIZES = {"small": 18, "body": 22, "button": 22, "label": 20, "heading": 30, "title": 56}
# Largest is twice Standard (WCAG 1.4.4); screens whose content then outgrows 1280x720 scroll or page.
TEXT_SCALE = {1: 1.0, 2: 1.5, 3: 2.0}
FACILITATED_SCALE = 1.5  # projector: options at 33 px at Standard, >= 32 px for a room of 20 (issue 15)
MAX_SCALE = 2.0  # Largest; facilitated mode reaches it one step earlier


def asset_dirs() -> list[Path]:
    """Where ``assets/`` may be: beside the ``game`` package (a checkout or a staged web build),
    or beside the browser's ``main.py``."""
    dirs = [ASSETS_DIR]
    main = sys.modules.get("__main__")
    main_file = getattr(main, "__file__", None)
    if main_file:
        dirs.append(Path(main_file).resolve().parent / "assets")
    return dirs


def find_font_files() -> dict[str, Path]:
    """{"regular": path, "bold": path} for whatever TTFs are bundled (either may be missing)."""
    found: dict[str, Path] = {}
    for base in asset_dirs():
        folder = base / "fonts"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.ttf")):
            kind = "bold" if "bold" in path.stem.lower() else "regular"
            found.setdefault(kind, path)
        if found:
            break
    return found


TEXT_CACHE_BYTES = 6 * 1024 * 1024  # a few screens' worth of rendered lines


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


class FontBook:
    """Fonts by role and scale, and rendered text by (text, font, colour)."""

    def __init__(self, files: dict[str, Path] | None = None, cache_size: int = 768,
                 cache_bytes: int = TEXT_CACHE_BYTES):
        if not pygame.font.get_init():
            pygame.font.init()
        self.files = find_font_files() if files is None else files
        # Read the TTF bytes once: later sizes are made from memory, never from disk mid-game.
        self._data: dict[str, bytes] = {}
        for kind, path in self.files.items():
            try:
                self._data[kind] = Path(path).read_bytes()
            except OSError:
                pass
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._text: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._cache_size = cache_size
        # Bounded by pixels as well as by count: long lines at large text sizes are ~130 kB each, and
        # 768 of them were 44 MB of the browser's heap (which never shrinks).
        self._cache_bytes = cache_bytes
        self._text_bytes = 0
        self.scale = 1.0
        self.renders = 0  # how many times text was actually rasterised (the bench reads it)

    def set_scale(self, text_size: int, facilitated: bool = False) -> None:
        scale = TEXT_SCALE.get(int(text_size), 1.0) * (FACILITATED_SCALE if facilitated else 1.0)
        scale = min(scale, MAX_SCALE)
        if scale != self.scale:
            self.scale = scale

    @contextmanager
    def scaled(self, factor: float):
        """Temporarily smaller (or larger) text, for a screen whose content must fit the window."""
        saved = self.scale
        self.scale = saved * factor
        try:
            yield self
        finally:
            self.scale = saved

    def px(self, role: str) -> int:
        return max(10, round(BASE_SIZES[role] * self.scale))

    def font(self, role: str, bold: bool = False) -> pygame.font.Font:
        return self.font_px(self.px(role), bold)

    def font_px(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            kind = "bold" if bold and "bold" in self._data else "regular"
            data = self._data.get(kind)
            try:
                font = pygame.font.Font(io.BytesIO(data), size) if data else pygame.font.Font(None, size)
            except (OSError, pygame.error):
                font, data = pygame.font.Font(None, size), None
            if bold and (data is None or kind != "bold"):
                font.bold = True  # synthetic bold when no bold face is bundled
            self._fonts[key] = font
        return font

    def warm(self) -> None:
        """Create every role's font at the current scale up front (start-up, settings change)."""
        for role in BASE_SIZES:
            self.font(role)
            self.font(role, bold=True)

    def render(self, text: str, font: pygame.font.Font, color) -> pygame.Surface:
        key = (text, id(font), tuple(color))
        surf = self._text.get(key)
        if surf is not None:
            self._text.move_to_end(key)
            return surf
        surf = font.render(text, True, color)
        self.renders += 1
        self._text[key] = surf
        self._text_bytes += _bytes(surf)
        while len(self._text) > 1 and (len(self._text) > self._cache_size or self._text_bytes > self._cache_bytes):
            _key, old = self._text.popitem(last=False)
            self._text_bytes -= _bytes(old)
        return surf

    @property
    def cached_text_bytes(self) -> int:
        return self._text_bytes
