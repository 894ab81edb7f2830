"""The pseudo-locale: accented, bracketed, ~30% longer, placeholders kept, every glyph in the bundled font."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from game.i18n.pseudo import pseudo
from game.i18n.sources import load_source
from tests.i18n.conftest import ROOT


def test_pseudo_text_is_longer_marked_and_keeps_placeholders():
    text = "Art. {article} {instrument} and %s, 100%% sure"
    out = pseudo(text)
    assert out.startswith("[") and out.endswith("]")
    assert "{article}" in out and "{instrument}" in out and "%s" in out
    assert "Àŕţ." in out
    assert pseudo(text) == out  # deterministic
    for sample in ("Okay.", "Sami's trust", "Welcome to RightsPath. In this short case you take the role"):
        assert len(pseudo(sample)) >= round(len(sample) * 1.3) - 1


def test_every_pseudo_character_is_in_the_bundled_fonts():
    fonts = [TTFont(str(p)).getBestCmap() for p in sorted((ROOT / "assets/fonts").glob("*.ttf"))]
    assert len(fonts) == 2
    source = load_source(Path(ROOT / "scenarios" / "tutorial.yaml"))
    used = set("".join(pseudo(u.text) for u in source.units))
    for cmap in fonts:
        missing = sorted(c for c in used if not c.isspace() and ord(c) not in cmap)
        assert missing == []
