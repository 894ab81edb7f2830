"""The text boxes the game draws, as numbers, for measuring translations (overflow checks).

These mirror the UI's layout (game/ui/app.py SIZE, fonts.py BASE_SIZES/TEXT_SCALE/MAX_SCALE,
widgets.py Button.draw, screens/decision.py PANEL_W and its vote boxes, screens/assessment.py
ItemToggle, screens/select.py cards, hud.py Meters, screens/story.py's name tag, screens/debrief.py
rights_column, text.py wrap/fit/clip_lines). Authoring code may not import the UI (docs/CONTRACTS.md
§1), so tests/i18n/test_layout_agrees.py compares these with the UI's own values and renders the
real UI at text size 3 to see that what the check calls cut is cut there and what it passes is not.

Text is measured at the largest text size (3: twice Standard, which facilitated mode reaches too),
with the bundled font, wrapping words exactly as the UI does (game/wordwrap.py). At that size what
does not fit scrolls (a decision's prompt and options, the discussion questions, an assessment,
the feedback, the debrief, a dialog's message) or pages (a story line): none of that is an
overflow. What the UI still cuts, shrinks or lets run over is measured here:

- an option's label (a decision's option, an assessment's item) in its button: at most
  ``BUTTON_MAX_LINES`` lines; a longer one is shrunk, down to three quarters of its size, then cut
  with an ellipsis (widgets.Button.draw, text.fit). Facilitated mode's options are narrower: the vote
  count sits beside each one (``VOTE_W``).
- a scenario's title on its card: ``CARD_TITLE_LINES`` lines, then an ellipsis;
- a right's title in the debrief's rights column: two lines of ``DEBRIEF_LABEL_W``, then an ellipsis;
  a citation there: two lines;
- a meter's label and value: the meters widen to half the screen, then the label runs into its value;
- a speaker's name tag: one line, cut only by the screen's edge.

A scenario card's summary and content note are cut by design at every size (the card shows what
room is left, ending in an ellipsis); the content-note dialog shows both whole, scrolling, before
the scenario starts, so they are not measured.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from game.paths import FONTS_DIR
from game.wordwrap import fitting_prefix, wrap

SCREEN = (1280, 720)
BASE_SIZES = {"small": 18, "body": 22, "button": 22, "label": 20, "heading": 30, "title": 56}
# The largest text size: game/ui/fonts.py TEXT_SCALE[3], also MAX_SCALE (facilitated mode's cap).
LARGEST_SCALE = 2.0

DECISION_PANEL_W = 1040
DECISION_INNER_W = DECISION_PANEL_W - 60
VOTE_W = 170  # facilitated: the vote count beside each option takes this from its button
ITEM_BOX_X = 40  # an assessment item's checkbox, left of its text (assessment.ItemToggle.BOX_X)
# widgets.Button.draw fits its label with text.fit: at most this many lines, from the role's size
# down to three quarters of it, then cut with an ellipsis.
BUTTON_MAX_LINES = 8
BUTTON_SMALLEST = 0.75

CARD_W = min(1100, SCREEN[0] - 80)  # select screen at Largest: one scenario card a page (select.per_page)
CARD_INNER_W = CARD_W - 48
CARD_TITLE_LINES = 2  # select.Card.draw: two lines of title above text size 2 (scale > 1.5)

METER_MAX_W = SCREEN[0] // 2  # hud.Meters.draw: as wide as label and value need, up to this
METER_PAD = 28  # the label at the left, the value at the right, 14 px in from each side
METER_LABEL_W = METER_MAX_W - METER_PAD  # label and value side by side; wider, the label runs into the value

DEBRIEF_RIGHTS_COLUMN = 640  # debrief.rights_column above scale 1.4 (430 below)
DEBRIEF_LABEL_W = DEBRIEF_RIGHTS_COLUMN - 16  # a right's citation (two lines) and title (two lines)
DEBRIEF_CITATION_LINES = 2
DEBRIEF_TITLE_LINES = 2  # screens/debrief.py TITLE_LINES: a right's title wraps to two lines, then is cut

STORY_TEXT_BOX_X = 40  # story.TEXT_BOX.x; the name tag starts 28 px in from it
NAME_TAG_X = STORY_TEXT_BOX_X + 28
NAME_TAG_MAX_W = SCREEN[0] - NAME_TAG_X  # one line that never wraps: the screen's edge cuts it

ELLIPSIS = "…"
FONT_DIR = FONTS_DIR


def px(role: str, scale: float = LARGEST_SCALE) -> int:
    return max(10, round(BASE_SIZES[role] * scale))


def option_inner(role: str = "button", facilitated: bool = False, scale: float = LARGEST_SCALE) -> int:
    """The width a decision option's label is drawn in (Button.draw: right of its number badge)."""
    width = DECISION_INNER_W - (VOTE_W if facilitated else 0)
    return width - (px(role, scale) * 2 + 18) - 14


def item_inner(role: str = "button", scale: float = LARGEST_SCALE) -> int:
    """The width an assessment item's label is drawn in (right of its checkbox)."""
    return DECISION_INNER_W - (ITEM_BOX_X + px(role, scale) + 10 + 16) - 14


class ButtonFit:
    """How Button.draw shows a label: at ``px`` (the role's size unless shrunk), in ``lines``
    (``needed``: how many lines the whole label takes at that size); ``cut`` when some is lost."""

    def __init__(self, size: int, px: int, lines: list[str], needed: int, first: int):
        self.size, self.px, self.lines, self.needed, self.first = size, px, lines, needed, first

    @property
    def shrunk(self) -> bool:
        return self.px < self.size

    @property
    def cut(self) -> bool:
        return self.needed > len(self.lines)


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

    def font_px(self, size: int, bold: bool = False):
        key = (size, bold)
        if key not in self._fonts:
            self._fonts[key] = self._pygame.font.Font(str(self.bold if bold else self.regular), size)
        return self._fonts[key]

    def font(self, role: str, bold: bool = False, scale: float = LARGEST_SCALE):
        return self.font_px(px(role, scale), bold)

    def line_height(self, role: str, bold: bool = False, scale: float = LARGEST_SCALE) -> int:
        return round(self.font(role, bold, scale).get_linesize() * 1.12)

    def width(self, text: str, role: str, bold: bool = False) -> int:
        return self.font(role, bold).size(text)[0]

    def wrapped(self, text: str, role: str, width: int, bold: bool = False, scale: float = LARGEST_SCALE) -> list[str]:
        return list(_wrap(text, self.font(role, bold, scale), width))

    def lines(self, text: str, role: str, width: int, bold: bool = False, scale: float = LARGEST_SCALE) -> int:
        return len(_wrap(text, self.font(role, bold, scale), width))

    def clipped(self, text: str, role: str, width: int, max_lines: int, bold: bool = False) -> list[str]:
        """The lines the UI shows of ``text`` kept to ``max_lines`` (text.clip_lines): the last one
        ends in an ellipsis when some is cut."""
        return _clip(text, self.font(role, bold), width, max_lines)

    # -- the boxes ------------------------------------------------------------------------------
    def button_fit(self, text: str, inner: int, role: str = "button", bold: bool = True) -> ButtonFit:
        """A button's label as Button.draw fits it (text.fit with ``BUTTON_MAX_LINES``). Measured bold
        by default: the focused button is drawn bold, and bold is wider. The button is as tall as its
        label needs at the role's size (Button.needed_height), so only the line count limits it."""
        size = px(role)
        smallest = min(size, max(12, round(size * BUTTON_SMALLEST)))
        first = len(_wrap(text, self.font_px(size, bold), inner))
        for p in range(size, smallest - 1, -1):
            font = self.font_px(p, bold)
            lines = list(_wrap(text, font, inner))
            if len(lines) > BUTTON_MAX_LINES or any(font.size(w)[0] > inner for w in text.split()):
                continue
            return ButtonFit(size, p, lines, len(lines), first)
        font = self.font_px(smallest, bold)
        return ButtonFit(size, smallest, _clip(text, font, inner, BUTTON_MAX_LINES), len(_wrap(text, font, inner)),
                         first)


@lru_cache(maxsize=4096)
def _wrap(text: str, font, width: int) -> tuple[str, ...]:
    # The UI's word wrap, the same code (game/wordwrap.py): what fits here fits on the screen.
    return tuple(wrap(text, lambda piece: font.size(piece)[0], width))


def _clip(text: str, font, width: int, max_lines: int) -> list[str]:
    """text.clip_lines: at most ``max_lines`` lines, the last cut with an ellipsis that fits."""
    rows = max(1, max_lines)
    lines = list(_wrap(text, font, width))
    if len(lines) <= rows:
        return lines
    lines = lines[:rows]
    last = lines[-1].rstrip(" .,;:")
    marked = f"{last} {ELLIPSIS}"
    lines[-1] = marked if font.size(marked)[0] <= width else _cut_to_fit(last, font, width)
    return lines


def _cut_to_fit(text: str, font, width: int) -> str:
    """text._cut_to_fit: the longest start of ``text`` that fits ``width`` with the ellipsis."""
    def fits(piece: str) -> bool:
        return font.size(piece.rstrip(" .,;:") + ELLIPSIS)[0] <= width

    cut = 0 if not text or not fits(text[:1]) else fitting_prefix(text, fits)
    head = text[:cut]
    space = head.rfind(" ")
    if cut < len(text) and text[cut] != " " and space > len(head) // 2:
        head = head[:space]
    return head.rstrip(" .,;:") + ELLIPSIS
