import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.ui.art.fonts import font_path

REPO = Path(__file__).resolve().parents[2]
FONT_DIR = REPO / "assets" / "fonts"
SIZE_CAP = 200 * 1024
SAMPLES = {
    "bulgarian": "Здравейте! Щастливо дете, юношество, ѝ — „права“",
    "greek": "Καλημέρα· δικαιώματα του παιδιού, ΑΒΓΔΕΖΗΘ ώύέ",
    "polish": "Zażółć gęślą jaźń — ŁĄCZNOŚĆ",
    "romanian": "Știință, țară, ÎĂÂȘȚ, şţ (cedilla) și „drepturi”",
    "lithuanian": "Ąžuolas, ėčęįšųūž ĄČĘĖĮŠŲŪŽ",
    "latvian": "Ģimene, āčēģīķļņšūž",
    "czech_hungarian": "Příliš žluťoučký kůň; árvíztűrő tükörfúrógép ŐŰ",
    "ukrainian_russian": "Ґанок, їжак, єнот; Съешь же ещё этих булок",
    "ui_symbols": "— – … “ ” ‘ ’ « » € • ✓ ✗ ✔ ✘ → ← № ·",
}
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def cmap_of(path: str) -> dict:
    ttlib = pytest.importorskip("fontTools.ttLib")
    return ttlib.TTFont(path).getBestCmap()


@pytest.mark.parametrize("bold", [False, True])
def test_font_files_exist_and_are_small(bold):
    path = Path(font_path(bold))
    assert path.parent == FONT_DIR
    assert ("Bold" in path.name) == bold
    assert 10_000 < path.stat().st_size < SIZE_CAP


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("language", SAMPLES)
def test_every_sample_character_has_a_glyph(bold, language):
    path = font_path(bold)
    cmap = cmap_of(path)
    missing = [c for c in SAMPLES[language] if ord(c) not in cmap]
    assert not missing, f"{language}: no glyph for {missing}"
    font = pygame.font.Font(path, 22)
    metrics = font.metrics(SAMPLES[language])
    assert all(m is not None for m in metrics)
    assert all(m[4] > 0 for c, m in zip(SAMPLES[language], metrics) if c != " ")
    assert font.size(SAMPLES[language])[0] > 0


def test_text_actually_renders_pixels():
    font = pygame.font.Font(font_path(), 24)
    surface = font.render(SAMPLES["bulgarian"], True, (0, 0, 0))
    assert pygame.mask.from_surface(surface, 128).count() > 200


@pytest.mark.parametrize("bold", [False, True])
def test_font_is_renamed_as_the_vera_licence_requires(bold):
    ttlib = pytest.importorskip("fontTools.ttLib")
    names = ttlib.TTFont(font_path(bold))["name"]
    for name_id in (1, 3, 4, 6, 16):
        text = names.getDebugName(name_id) or ""
        assert "RightsPath" in text
        assert "Vera" not in text and "Bitstream" not in text and "DejaVu" not in text
    assert "Bitstream" in (names.getDebugName(0) or "")  # the original copyright notice is kept
    assert (FONT_DIR / "LICENSE.txt").read_text().count("Bitstream Vera") >= 2


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans.ttf").exists(), reason="fonts-dejavu-core not installed")
def test_make_font_reproduces_the_committed_files(tmp_path):
    pytest.importorskip("fontTools")
    result = subprocess.run([sys.executable, str(FONT_DIR / "make_font.py"), "--out-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in ("RightsPathSans.ttf", "RightsPathSans-Bold.ttf"):
        assert (tmp_path / name).read_bytes() == (FONT_DIR / name).read_bytes(), name


def test_make_font_explains_a_missing_source(tmp_path):
    result = subprocess.run([sys.executable, str(FONT_DIR / "make_font.py"), "--source-dir", str(tmp_path),
                             "--out-dir", str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "fonts-dejavu-core" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def _load_fonts_module_copy(where: Path):
    """A copy of game/ui/art/fonts.py at ``where`` (a real file, loaded as the browser would)."""
    where.parent.mkdir(parents=True)
    shutil.copy(REPO / "game" / "ui" / "art" / "fonts.py", where)
    spec = importlib.util.spec_from_file_location("fonts_copy", where)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_font_is_found_beside_main_py_in_a_browser_bundle(tmp_path, monkeypatch):
    # the bundle: main.py and assets/ at the top; the module copy sits deeper than the repo layout
    bundle = tmp_path / "bundle"
    (bundle / "assets" / "fonts").mkdir(parents=True)
    for name in ("RightsPathSans.ttf", "RightsPathSans-Bold.ttf"):
        shutil.copy(FONT_DIR / name, bundle / "assets" / "fonts" / name)
    module = _load_fonts_module_copy(tmp_path / "elsewhere" / "a" / "b" / "c" / "fonts.py")
    monkeypatch.chdir(bundle)
    assert Path(module.font_path()) == bundle / "assets" / "fonts" / "RightsPathSans.ttf"
    assert Path(module.font_path(bold=True)).name == "RightsPathSans-Bold.ttf"


def test_missing_font_names_the_folders_searched(tmp_path, monkeypatch):
    module = _load_fonts_module_copy(tmp_path / "x" / "a" / "b" / "c" / "fonts.py")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [str(tmp_path)] + sys.path[1:])
    monkeypatch.delitem(sys.modules, "__main__", raising=False)
    with pytest.raises(FileNotFoundError, match="make_font.py"):
        module.font_path()
