"""The overflow check's box sizes are the UI's own (authoring code may not import the UI; tests may)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.i18n import layout  # noqa: E402


def test_constants_match_the_ui():
    from game.ui import app, fonts, hud
    from game.ui.screens import decision

    assert layout.SCREEN == app.SIZE
    assert layout.BASE_SIZES == fonts.BASE_SIZES
    # The check still measures at the former Largest (see game/i18n/layout.py), below the UI's Largest.
    assert layout.LARGEST_SCALE == 1.36 and fonts.TEXT_SCALE[max(fonts.TEXT_SCALE)] == 2.0
    assert layout.JOURNEY_HEIGHT == hud.JOURNEY_HEIGHT
    assert layout.DECISION_PANEL_W == decision.PANEL_W
    assert layout.DECISION_ROLES == decision.DecisionScene.ROLES
    assert layout.DECISION_FACTORS == decision.DecisionScene.FACTORS


class _UI:
    """What Button.needed_height reads: a real FontBook at the scale the check measures at."""

    def __init__(self):
        from game.ui.fonts import FontBook

        self.fonts = FontBook()
        self.fonts.scale = layout.LARGEST_SCALE


def test_option_heights_and_wrapping_match_the_ui():
    from game.ui.text import wrap
    from game.ui.widgets import Button

    pygame.font.init()
    ui = _UI()
    measure = layout.Measure()
    texts = ["Short.", "Представям се на Сами, обяснявам с прости думи какво прави полицията и какво ще стане днес "
             "и му казвам, че може да ме прекъсне по всяко време с въпрос.",
             "A much longer English option that wraps over several lines at the largest text size, " * 3]
    for text in texts:
        for role in layout.OPTION_ROLES:
            button = Button(text, lambda: None, number=1)
            button.role = role
            assert measure.option_height(text, role) == button.needed_height(ui, layout.DECISION_INNER_W), (text, role)
        assert measure.lines(text, "body", 500) == len(wrap(text, ui.fonts.font("body"), 500))
        with ui.fonts.scaled(0.7):
            button = Button(text, lambda: None, number=2, role="label")
            assert measure.option_height(text, "label", scale=layout.LARGEST_SCALE * 0.7) == \
                button.needed_height(ui, layout.DECISION_INNER_W)
