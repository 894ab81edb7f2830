"""The text boxes the game draws, as numbers, for measuring translations (overflow checks).

These mirror the UI's layout constants (game/ui/app.py SIZE, fonts.py BASE_SIZES/TEXT_SCALE,
hud.py JOURNEY_HEIGHT, screens/decision.py PANEL_W and its layout(), widgets.py Button,
screens/select.py cards, hud.py Meters, text.py wrap and line_height). Authoring code may not import
the UI (docs/CONTRACTS.md §1), so tests/i18n/test_layout_agrees.py compares these with the UI's
own values and fails when the UI changes. Text is measured at the largest text size (3), outside
facilitated mode, with the bundled font, wrapping words exactly as the UI does.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SCREEN = (1280, 720)
BASE_SIZES = {"small": 18, "body": 22, "button": 22, "label": 20, "heading": 30, "title": 56}
LARGEST_SCALE = 1.36  # TEXT_SCALE[3]
JOURNEY_HEIGHT = 86
DECISION_PANEL_W = 1040
DECISION_INNER_W = DECISION_PANEL_W - 60
DECISION_KEY_HINT = 56  # kept free at the bottom of a decision
DECISION_MIN_GAP = 4
OPTION_ROLES = ("button", "label", "small")  # the UI steps long options down to these sizes
CARD_W = 384  # select screen: min(400, (1280 - 80 - 2 * 24) // 3) with three scenarios
CARD_INNER_W = CARD_W - 48
CARD_TITLE_LINES = 3
CARD_SUMMARY_LINES = 6
METER_W = 300
METER_LABEL_W = METER_W - 28 - 48  # the value (up to "100") sits at the right of the label
NAME_TAG_MAX_W = 520  # the speaker's name badge over the text box; wider covers the portrait

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"


def px(role: str) -> int:
    return max(10, round(BASE_SIZES[role] * LARGEST_SCALE))


class Measure:
    """Wrapping and line heights with pygame.font and the bundled TTFs (pygame imported lazily)."""

    def __init__(self, font_dir: Path = FONT_DIR):
        import os

        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        pygame.font.init()
        self._pygame = pygame
        self.regular = font_dir / "RightsPathSans.ttf"
        self.bold = font_dir / "RightsPathSans-Bold.ttf"
        for path in (self.regular, self.bold):
            if not path.is_file():
                from game.errors import UserError

                raise UserError(f"{path}: the bundled font is missing; the overflow check measures with it", 2)
        self._fonts: dict = {}

    def font(self, role: str, bold: bool = False):
        key = (role, bold)
        if key not in self._fonts:
            self._fonts[key] = self._pygame.font.Font(str(self.bold if bold else self.regular), px(role))
        return self._fonts[key]

    def line_height(self, role: str, bold: bool = False) -> int:
        return round(self.font(role, bold).get_linesize() * 1.12)

    def width(self, text: str, role: str, bold: bool = False) -> int:
        return self.font(role, bold).size(text)[0]

    def lines(self, text: str, role: str, width: int, bold: bool = False) -> int:
        return len(_wrap(text, self.font(role, bold), width))

    # -- the boxes ------------------------------------------------------------------------------
    def option_height(self, text: str, role: str, number: bool = True) -> int:
        inner = DECISION_INNER_W - (px(role) * 2 + 18 if number else 18) - 20
        h = self.lines(text, role, inner) * self.line_height(role) + 20
        return max(h, px(role) * 2 + 12)

    def decision_fit(self, prompt: str, options: list[str]) -> tuple[int, int]:
        """(height the options need at the smallest step, height available) for one decision."""
        y = JOURNEY_HEIGHT + 20 + 24 + px("small") + 16
        y += self.lines(prompt, "heading", DECISION_INNER_W, bold=True) * self.line_height("heading", True) + 16
        available = SCREEN[1] - DECISION_KEY_HINT - y
        need = 0
        for role in OPTION_ROLES:
            need = sum(self.option_height(o, role) for o in options) + DECISION_MIN_GAP * (len(options) - 1)
            if need <= available:
                break
        return need, available


@lru_cache(maxsize=4096)
def _wrap(text: str, font, width: int) -> tuple[str, ...]:
    # The UI's word wrap (game/ui/text.py): words move to the next line; an over-long word is split.
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return tuple(lines)
