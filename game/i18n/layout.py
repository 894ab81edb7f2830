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

from game.paths import FONTS_DIR
from game.wordwrap import wrap

SCREEN = (1280, 720)
BASE_SIZES = {"small": 18, "body": 22, "button": 22, "label": 20, "heading": 30, "title": 56}
# The scale the translators' overflow check measures at: the UI's Largest was 1.36 until issue 15
# made it 2.0 (game/ui/fonts.py TEXT_SCALE[3]); at 2.0 the UI scrolls decisions and cuts long right
# titles in the debrief's rights column, which this check does not model yet (a follow-up).
LARGEST_SCALE = 1.36
JOURNEY_HEIGHT = 86
DECISION_PANEL_W = 1040
DECISION_INNER_W = DECISION_PANEL_W - 60
DECISION_KEY_HINT = 64  # kept free at the bottom of a decision
DECISION_MIN_GAP = 4
# A decision that does not fit is laid out again with smaller roles (prompt, discuss, options) and
# then smaller factors of the text size, keeping the largest option text that fits (decision.py).
DECISION_ROLES = (("heading", "body", "button"), ("heading", "label", "label"), ("label", "small", "small"))
DECISION_FACTORS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
OPTION_ROLES = tuple(roles[2] for roles in DECISION_ROLES)
# Choosing the largest text size must not end with options smaller than the default size shows.
READABLE_OPTION_PX = BASE_SIZES["button"]
CARD_W = min(400, (SCREEN[0] - 80 - 2 * 28) // 3)  # select screen, three scenario cards a page
CARD_INNER_W = CARD_W - 48
CARD_TITLE_LINES = 3
CARD_SUMMARY_LINES = 6
METER_W = 300  # hud.Meters.draw
METER_LABEL_W = METER_W - 28 - 48  # the value (up to "100") sits at the right of the label
DEBRIEF_RIGHT_LABEL_W = 430  # screens/debrief.py: the rights list's label column (citation, title)
DEBRIEF_TITLE_CHARS = 48  # the debrief cuts a right's title after this many characters
NAME_TAG_MAX_W = 520  # the speaker's name badge over the text box; wider covers the portrait

FONT_DIR = FONTS_DIR


def px(role: str, scale: float = LARGEST_SCALE) -> int:
    return max(10, round(BASE_SIZES[role] * scale))


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

    def font(self, role: str, bold: bool = False, scale: float = LARGEST_SCALE):
        key = (px(role, scale), bold)
        if key not in self._fonts:
            self._fonts[key] = self._pygame.font.Font(str(self.bold if bold else self.regular), key[0])
        return self._fonts[key]

    def line_height(self, role: str, bold: bool = False, scale: float = LARGEST_SCALE) -> int:
        return round(self.font(role, bold, scale).get_linesize() * 1.12)

    def width(self, text: str, role: str, bold: bool = False) -> int:
        return self.font(role, bold).size(text)[0]

    def lines(self, text: str, role: str, width: int, bold: bool = False, scale: float = LARGEST_SCALE) -> int:
        return len(_wrap(text, self.font(role, bold, scale), width))

    # -- the boxes ------------------------------------------------------------------------------
    def option_height(self, text: str, role: str, number: bool = True, scale: float = LARGEST_SCALE) -> int:
        # Measured bold: the focused option is drawn bold, and wider (widgets.Button.needed_height).
        inner = DECISION_INNER_W - (px(role, scale) * 2 + 18 if number else 18) - 20
        h = self.lines(text, role, inner, True, scale) * self.line_height(role, True, scale) + 20
        return max(h, px(role, scale) * 2 + 12)

    def decision_fits(self, prompt: str, options: list[str], roles: tuple, scale: float) -> bool:
        prompt_role, _, option_role = roles
        y = JOURNEY_HEIGHT + 20 + 20 + self.font("small", True, scale).get_height() + 10 + 14  # the role tag
        y += self.lines(prompt, prompt_role, DECISION_INNER_W, True, scale) * self.line_height(prompt_role, True, scale)
        y += 16
        available = SCREEN[1] - DECISION_KEY_HINT - y
        need = sum(self.option_height(o, option_role, scale=scale) for o in options)
        return need + DECISION_MIN_GAP * (len(options) - 1) <= available

    def decision_option_px(self, prompt: str, options: list[str]) -> int | None:
        """The option text size (px) the UI ends up using at text size 3, or None when nothing fits."""
        best = None
        for factor in DECISION_FACTORS:
            scale = LARGEST_SCALE * factor
            for roles in DECISION_ROLES:
                if self.decision_fits(prompt, options, roles, scale):
                    rank = (px(roles[2], scale), px(roles[0], scale))
                    if best is None or rank > best:
                        best = rank
        return None if best is None else best[0]


@lru_cache(maxsize=4096)
def _wrap(text: str, font, width: int) -> tuple[str, ...]:
    # The UI's word wrap, the same code (game/wordwrap.py): what fits here fits on the screen.
    return tuple(wrap(text, lambda piece: font.size(piece)[0], width))
