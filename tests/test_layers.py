"""The shipped layers import only the standard library, pygame and each other (checked by reading
the source, so an import hidden under ``if`` or inside a function is caught too — pygbag's loader
scans those as well)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_THIRD_PARTY = {
    "engine": set(),
    "exports": set(),
    "platform": {"platform"},  # pygbag's browser bridge, imported lazily in browser.py
    "delivery": set(),
    "room": set(),
    "ui": {"pygame"},
}
ALLOWED_GAME = {
    "engine": {"game.engine"},
    "exports": {"game.engine", "game.exports", "game.errors", "game.outfiles", "game"},
    "platform": {"game.platform", "game.errors", "game.outfiles", "game"},
    "delivery": {"game.delivery", "game.engine", "game.exports", "game.platform", "game"},
    "room": {"game.room", "game.delivery", "game"},
    "ui": {"game.engine", "game.exports", "game.platform", "game.delivery", "game.room", "game.ui", "game.errors",
           "game.wordwrap", "game"},
}


def imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


@pytest.mark.parametrize("layer", sorted(ALLOWED_THIRD_PARTY))
def test_shipped_layer_imports(layer):
    folder = ROOT / "game" / layer
    files = sorted(folder.rglob("*.py"))
    if not files:
        pytest.skip(f"game/{layer} has no code yet")
    bad = []
    for path in files:
        for line, name in imports(path):
            top = name.split(".")[0]
            if top == "game":
                if not any(name == g or name.startswith(g + ".") for g in ALLOWED_GAME[layer]):
                    bad.append(f"{path.relative_to(ROOT)}:{line}: imports {name}")
            elif top not in sys.stdlib_module_names and top not in ALLOWED_THIRD_PARTY[layer]:
                bad.append(f"{path.relative_to(ROOT)}:{line}: imports {name}")
    assert not bad, "shipped code must stay within stdlib + pygame:\n" + "\n".join(bad)


def test_the_check_catches_a_forbidden_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    if True:\n        import yaml\n", encoding="utf-8")
    assert [n for _, n in imports(sample)] == ["yaml"]
