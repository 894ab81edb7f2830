"""Every text/background colour pair of every theme meets WCAG AA (4.5:1)."""

from __future__ import annotations

import pytest

from game.ui.theme import THEMES, contrast_ratio, relative_luminance


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # #767676 on white is the classic just-passing grey (4.54:1).
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert relative_luminance((255, 0, 0)) == pytest.approx(0.2126)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_pair_meets_wcag_aa(name):
    theme = THEMES[name]
    pairs = theme.text_pairs()
    assert len(pairs) >= 15
    failing = [(where, round(contrast_ratio(fg, bg), 2)) for where, fg, bg in pairs if contrast_ratio(fg, bg) < 4.5]
    assert not failing, f"{name}: below 4.5:1: {failing}"


def test_high_contrast_is_stronger_than_calm():
    calm, high = THEMES["calm"], THEMES["high_contrast"]
    assert contrast_ratio(high.text, high.panel) > contrast_ratio(calm.text, calm.panel)
    assert contrast_ratio(high.text, high.panel) >= 7.0
