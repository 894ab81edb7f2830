"""Colour themes: a calm, respectful palette and a high-contrast one.

Every pair of (text colour, background colour) that the screens draw is listed in ``text_pairs`` so
a test can check each one against WCAG AA (4.5:1). Screens only take colours from a theme.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    name: str
    # surfaces
    backdrop: Color  # behind everything (title, menus)
    panel: Color  # text boxes, cards, dialogs
    panel_alt: Color  # a second surface: headers, the journey bar, list rows
    border: Color
    # text
    text: Color
    text_muted: Color
    heading: Color
    backdrop_text: Color  # text drawn straight on the backdrop
    backdrop_muted: Color
    # controls
    button: Color
    button_text: Color
    focus: Color  # focused control: fill
    focus_text: Color
    focus_ring: Color  # outline drawn around the focused control
    disabled: Color
    disabled_text: Color
    # meaning (always paired with a word and an icon, never colour alone)
    good: Color
    good_text: Color
    bad: Color
    bad_text: Color
    neutral_mark: Color
    neutral_text: Color
    accent: Color  # current stage on the journey bar, meters
    accent_text: Color
    scrim_alpha: int  # how much the background is dimmed behind dialogs (0..255)

    def non_text_pairs(self) -> list[tuple[str, Color, Color]]:
        """(where, mark, background) for the focus ring and control borders, which need 3:1."""
        return [(f"{name} on {where}", mark, bg)
                for name, mark in (("focus ring", self.focus_ring), ("border", self.border))
                for where, bg in (("panel", self.panel), ("panel_alt", self.panel_alt),
                                  ("button", self.button), ("backdrop", self.backdrop))]

    def text_pairs(self) -> list[tuple[str, Color, Color]]:
        """(where, foreground, background) for every text the screens draw."""
        return [
            ("text on panel", self.text, self.panel),
            ("muted text on panel", self.text_muted, self.panel),
            ("heading on panel", self.heading, self.panel),
            ("text on panel_alt", self.text, self.panel_alt),
            ("muted text on panel_alt", self.text_muted, self.panel_alt),
            ("heading on panel_alt", self.heading, self.panel_alt),
            ("text on backdrop", self.backdrop_text, self.backdrop),
            ("muted text on backdrop", self.backdrop_muted, self.backdrop),
            ("button label", self.button_text, self.button),
            ("focused button label", self.focus_text, self.focus),
            ("disabled button label", self.disabled_text, self.disabled),
            ("good label", self.good_text, self.good),
            ("bad label", self.bad_text, self.bad),
            ("neutral label", self.neutral_text, self.neutral_mark),
            ("accent label", self.accent_text, self.accent),
            ("good word on panel", self.good, self.panel),
            ("bad word on panel", self.bad, self.panel),
            ("accent word on panel", self.accent, self.panel),
            ("good word on panel_alt", self.good, self.panel_alt),
            ("bad word on panel_alt", self.bad, self.panel_alt),
            ("accent word on panel_alt", self.accent, self.panel_alt),
        ]

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# Calm: warm paper panels, deep slate text, a muted teal accent. No saturated reds or alarm colours;
# verdicts use a deep green and a brick red that stay readable as words on the panel.
CALM = Theme(
    name="calm",
    backdrop=(38, 52, 64),
    panel=(250, 247, 241),
    panel_alt=(234, 238, 236),
    border=(120, 128, 130),  # >= 3:1 against panel, panel_alt, button and backdrop (WCAG 1.4.11)
    text=(33, 41, 48),
    text_muted=(84, 94, 100),
    heading=(26, 64, 82),
    backdrop_text=(246, 243, 236),
    backdrop_muted=(196, 206, 210),
    button=(226, 233, 232),
    button_text=(27, 45, 56),
    focus=(22, 92, 104),
    focus_text=(255, 255, 255),
    focus_ring=(190, 110, 0),  # >= 3:1 against panel, panel_alt, button and backdrop
    disabled=(222, 222, 218),
    disabled_text=(92, 92, 92),
    good=(30, 110, 64),
    good_text=(255, 255, 255),
    bad=(162, 46, 40),
    bad_text=(255, 255, 255),
    neutral_mark=(110, 94, 40),
    neutral_text=(255, 255, 255),
    accent=(22, 92, 104),
    accent_text=(255, 255, 255),
    scrim_alpha=150,
)

# High contrast: black surfaces, white text, yellow focus; verdict colours chosen to read on black.
HIGH_CONTRAST = Theme(
    name="high_contrast",
    backdrop=(0, 0, 0),
    panel=(0, 0, 0),
    panel_alt=(24, 24, 24),
    border=(255, 255, 255),
    text=(255, 255, 255),
    text_muted=(230, 230, 230),
    heading=(255, 235, 59),
    backdrop_text=(255, 255, 255),
    backdrop_muted=(230, 230, 230),
    button=(0, 0, 0),
    button_text=(255, 255, 255),
    focus=(255, 235, 59),
    focus_text=(0, 0, 0),
    focus_ring=(0, 200, 255),
    disabled=(40, 40, 40),
    disabled_text=(200, 200, 200),
    good=(120, 230, 140),
    good_text=(0, 0, 0),
    bad=(255, 140, 130),
    bad_text=(0, 0, 0),
    neutral_mark=(255, 210, 90),
    neutral_text=(0, 0, 0),
    accent=(110, 210, 255),
    accent_text=(0, 0, 0),
    scrim_alpha=210,
)

THEMES = {CALM.name: CALM, HIGH_CONTRAST.name: HIGH_CONTRAST}


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else CALM


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: Color) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    r, g, b = (_linear(v) for v in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1..21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
