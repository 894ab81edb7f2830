"""The command layout (issue 17): every command in game/commands/, libraries that neither print nor
parse arguments, and a ``--help`` that imports no library."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBRARIES = ("authoring", "exports", "report", "lrs", "webbuild", "i18n", "engine", "delivery", "room")
# Programs of their own, not libraries: the browser's main.py (its console is the page's log) and the
# maintainers' icon script (python -m game.webbuild.make_icon, run once when the icon changes).
OWN_PROGRAMS = {"game/webbuild/main_template.py", "game/webbuild/make_icon.py"}


def _library_files():
    for package in LIBRARIES:
        for path in sorted((ROOT / "game" / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel not in OWN_PROGRAMS:
                yield rel, ast.parse(path.read_text(encoding="utf-8"))


def test_every_command_module_is_in_game_commands():
    from game import cli

    assert cli.COMMAND_MODULES and all(name.startswith("game.commands.") for name in cli.COMMAND_MODULES)
    on_disk = {f"game.commands.{p.stem}" for p in (ROOT / "game" / "commands").glob("*.py")
               if not p.stem.startswith("_")}
    assert set(cli.COMMAND_MODULES) == on_disk
    for old in ("cli_args", "play_command", "exports_commands", "audit_command"):
        assert not (ROOT / "game" / f"{old}.py").exists()
    for package in ("authoring", "i18n", "webbuild", "lrs"):
        assert not (ROOT / "game" / package / "commands.py").exists()


def test_libraries_neither_print_nor_parse_arguments():
    found = []
    for rel, tree in _library_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                found.append(f"{rel}:{node.lineno}: print()")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if "argparse" in names:
                    found.append(f"{rel}:{node.lineno}: imports argparse")
                if any(n.startswith(("game.commands", "game.cli")) for n in names):
                    found.append(f"{rel}:{node.lineno}: imports a command module")
            if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr") \
                    and isinstance(node.value, ast.Name) and node.value.id == "sys":
                found.append(f"{rel}:{node.lineno}: sys.{node.attr}")
    assert not found, "\n".join(found)


def test_help_imports_no_library():
    code = ("import sys, contextlib, io\nfrom game.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
            "import json\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith('game'))))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    loaded = set(json.loads(proc.stdout))
    assert loaded <= {"game", "game.cli", "game.errors", "game.paths", "game.commands", "game.commands._args"} \
        | {f"game.commands.{p.stem}" for p in (ROOT / "game" / "commands").glob("*.py")}, loaded
    assert not any(m.startswith(("game.engine", "game.ui", "game.authoring")) for m in loaded)


@pytest.mark.parametrize("argv", [["lrs", "push", "x", "--endpoint", "http://lrs.example/xAPI/"],
                                  ["lrs", "pull", "--session", "S", "--endpoint", "http://lrs.example/xAPI/"],
                                  ["report", "--lrs", "http://lrs.example/xAPI/", "--session", "S", "-o", "r.html"]])
def test_every_lrs_command_has_the_same_login_and_timeout(argv):
    """report --lrs gets what lrs push/pull have: $RIGHTSPATH_LRS_USER/_PASSWORD and a timeout (review D16)."""
    code = ("import json, sys\nfrom game.cli import build_parser\n"
            f"a = build_parser().parse_args({argv!r})\n"
            "print(json.dumps([a.user, a.password, a.timeout]))")
    env = dict(os.environ, RIGHTSPATH_LRS_USER="facilitator", RIGHTSPATH_LRS_PASSWORD="pw")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == ["facilitator", "pw", 30.0]


def test_play_offers_the_modes_of_the_vocabulary():
    from game.cli import build_parser
    from game.engine.vocab import MODES

    parser = build_parser()
    for mode in MODES:
        assert build_parser().parse_args(["play", "--mode", mode]).mode == mode
    with pytest.raises(SystemExit):
        parser.parse_args(["play", "--mode", "exam"])
