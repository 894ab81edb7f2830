"""compile -o DIR puts everything under DIR: the stories and the interface catalogues (DIR/locale/),
and leaves the repository's assets/locale/ exactly as it was."""

from __future__ import annotations

import json

from game.engine import l10n
from game.i18n.build import interface_catalogue
from tests.i18n.conftest import ROOT, rightspath


def _state(folder):
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.glob("*")) if p.is_file()}


def test_compile_with_out_dir_leaves_the_repository_assets_alone(tmp_path):
    assets = ROOT / "assets" / "locale"
    before = _state(assets)
    assert "bg.json" in before
    out = tmp_path / "out"
    result = rightspath(ROOT, "i18n", "compile", "--lang", "bg", "-o", str(out))  # the real repository
    assert result.returncode == 0, result.stderr
    assert _state(assets) == before, "compile -o wrote into the repository's assets/locale/"
    written = json.loads((out / "locale" / "bg.json").read_text(encoding="utf-8"))
    assert written == interface_catalogue(ROOT / "game" / "locale" / "bg.po")
    assert l10n.load("bg", [out / "locale"]).gettext("Start a training") == "Започнете обучение"
    assert {"tutorial.bg.json", "mira.bg.json", "andrei.bg.json"} <= {p.name for p in out.glob("*.json")}
    assert f"{out / 'locale' / 'bg.json'}: " in result.stderr
