"""A static scan of what is staged for the browser: imports, the async entry point, no blocking calls.

pygbag's runtime has pygame-ce and a trimmed standard library, runs one thread and cannot block:
anything else imported or called here would fail only in the browser, where we cannot test it.
"""

from __future__ import annotations

import ast
import sys

import pytest

from game.webbuild.stage import ROOT, stage
from tests.web.conftest import scenarios_to_bundle

# Standard-library modules pygbag's runtime leaves out (docs PYGBAG.md).
MISSING_IN_BROWSER = {"statistics", "shelve", "dbm", "timeit", "graphlib", "profile", "cProfile", "doctest",
                      "tkinter", "multiprocessing", "concurrent", "zoneinfo"}
FORBIDDEN_MODULES = {"threading", "subprocess", "_thread", "socket", "select", "selectors", "signal"}
# Fully qualified names, after import aliases are resolved ("from time import sleep", "import time as t").
FORBIDDEN_CALLS = {"time.sleep", "pygame.time.wait", "pygame.time.delay", "os.system", "threading.Thread",
                   "_thread.start_new_thread", "builtins.input"}
# pygame.time.Clock's tick() sleeps to hold the frame rate: the browser loop must await instead.
CLOCK = "pygame.time.Clock"
BLOCKING_CLOCK_METHODS = {"tick", "tick_busy_loop"}


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    return stage(tmp_path_factory.mktemp("stage") / "rightspath", scenarios_to_bundle())


def python_files(report):
    return [report.folder / f for f in report.files if f.endswith(".py")]


def imported_modules(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


def import_problems(source: str, rel: str) -> list[str]:
    problems = []
    for line, name in imported_modules(ast.parse(source, filename=rel)):
        top = name.split(".")[0]
        if name == "platform" and rel == "game/platform/browser.py":
            continue  # pygbag's bridge module, imported lazily and only in the browser
        if top in ("game", "pygame"):
            continue
        if top not in sys.stdlib_module_names:
            problems.append(f"{rel}:{line}: imports {name} (not stdlib, pygame or game)")
        elif top in MISSING_IN_BROWSER or top in FORBIDDEN_MODULES:
            problems.append(f"{rel}:{line}: imports {name} (absent or blocking in the browser)")
    return problems


def import_aliases(tree: ast.AST) -> dict[str, str]:
    """{local name: the qualified name it stands for}, from every import in the module."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:  # "import pygame.time" binds "pygame"
                    top = alias.name.split(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def qualified(node: ast.AST, aliases: dict[str, str]) -> str:
    """The dotted name of an expression with its first part resolved through the imports."""
    name = dotted(node)
    if not name:
        return ""
    head, dot, rest = name.partition(".")
    if head in aliases:
        return aliases[head] + dot + rest
    return "builtins.input" if name == "input" else name


def clock_names(tree: ast.AST, aliases: dict[str, str]) -> set[str]:
    """Names (``clock``, ``self.clock``) assigned a ``pygame.time.Clock()``."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call):
            if qualified(node.value.func, aliases) == CLOCK:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(dotted(t) for t in targets if dotted(t))
    return names


def blocking_tick(call: ast.Call, aliases: dict[str, str], clocks: set[str]) -> bool:
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr in BLOCKING_CLOCK_METHODS):
        return False
    receiver = func.value
    if isinstance(receiver, ast.Call):  # pygame.time.Clock().tick(60)
        return qualified(receiver.func, aliases) == CLOCK
    return dotted(receiver) in clocks


def call_problems(source: str, rel: str) -> list[str]:
    tree = ast.parse(source, filename=rel)
    aliases = import_aliases(tree)
    clocks = clock_names(tree, aliases)
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = qualified(node.func, aliases)
        if name in FORBIDDEN_CALLS:
            problems.append(f"{rel}:{node.lineno}: {name}() blocks or cannot run in the browser")
        elif blocking_tick(node, aliases, clocks):
            problems.append(f"{rel}:{node.lineno}: Clock.{node.func.attr}() sleeps; await asyncio.sleep instead")
    return problems


def scan(staged, check) -> list[str]:
    problems = []
    for path in python_files(staged):
        problems += check(path.read_text(encoding="utf-8"), path.relative_to(staged.folder).as_posix())
    return problems


def test_imports_are_stdlib_pygame_or_game(staged):
    problems = scan(staged, import_problems)
    assert not problems, "\n".join(problems)


def test_the_scan_catches_what_it_looks_for():
    bad = (
        "import yaml\nimport threading\nfrom statistics import mean\nimport time\nimport pygame\n"
        "time.sleep(1)\ninput()\nthreading.Thread(target=print).start()\npygame.time.wait(5)\n"
    )
    assert len(import_problems(bad, "game/ui/x.py")) == 3
    assert len(call_problems(bad, "game/ui/x.py")) == 4
    assert import_problems("import platform\n", "game/ui/x.py") == []  # stdlib name: allowed anywhere


BLOCKING_SNIPPETS = [
    "from time import sleep\nsleep(1)\n",
    "import time as t\nt.sleep(1)\n",
    "from time import sleep as pause\npause(0.5)\n",
    "import pygame\npygame.time.Clock().tick(60)\n",
    "import pygame.time\npygame.time.delay(10)\n",
    "from pygame import time\ntime.wait(10)\n",
    "from pygame.time import Clock\nclock = Clock()\nclock.tick(30)\n",
    "import pygame as pg\nclass A:\n    def __init__(self):\n        self.clock = pg.time.Clock()\n"
    "    def frame(self):\n        self.clock.tick_busy_loop(60)\n",
    "from threading import Thread as T\nT(target=print).start()\n",
]


@pytest.mark.parametrize("snippet", BLOCKING_SNIPPETS)
def test_the_scan_sees_through_import_aliases_and_clock_ticks(snippet):
    problems = call_problems(snippet, "game/ui/x.py")
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"game/ui/x.py:{snippet.count(chr(10))}:")  # the call is the last line


def test_the_scan_leaves_harmless_look_alikes_alone():
    fine = (
        "import asyncio\nimport time\nimport pygame\nfrom game.ui.clock import VirtualClock\n"
        "async def loop(driver):\n    clock = VirtualClock()\n    clock.tick(1)\n    driver.tick()\n"
        "    await asyncio.sleep(0)\n    time.perf_counter()\n    pygame.time.get_ticks()\n"
    )
    assert call_problems(fine, "game/ui/x.py") == []


def test_the_real_staged_tree_has_no_blocking_call_under_any_name(staged):
    """The shipped code, scanned with alias resolution; and the scan did look at every shipped module."""
    scanned = python_files(staged)
    assert len(scanned) > 20 and any(p.name == "app.py" for p in scanned)
    problems = scan(staged, call_problems)
    assert not problems, "\n".join(problems)


def test_main_is_an_async_entry_point(staged):
    main = staged.folder / "main.py"
    tree = ast.parse(main.read_text(encoding="utf-8"))
    last = tree.body[-1]
    assert isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)
    assert dotted(last.value.func) == "asyncio.run"
    assert dotted(last.value.args[0].func) == "main"
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    assert isinstance(defs["main"], ast.AsyncFunctionDef)
    # The loader installs whatever main.py imports: only stdlib, pygame and game there.
    for _, name in imported_modules(tree):
        assert name.split(".")[0] in ("game", "pygame") or name in sys.stdlib_module_names, name


def test_stage_has_no_authoring_side_files(staged):
    for rel in staged.files:
        assert not rel.startswith(("game/authoring", "game/report", "game/webbuild", "tests", "scenarios")), rel
        assert not rel.endswith((".yaml", ".yml", ".pyc")), rel
        assert "__pycache__" not in rel, rel
    assert {f"stories/{sid}.pack" for sid in staged.stories} | {"stories/index.json"} <= set(staged.files)


def test_every_game_import_of_the_stage_is_staged(staged):
    """The files left out (game.webbuild.stage.NOT_SHIPPED) are imported by no staged file: every
    ``game.*`` module a staged file names, in an import or the deferred table, is in the stage."""
    from game.webbuild.stage import NOT_SHIPPED

    def module_in(root, name: str) -> bool:
        base = root.joinpath(*name.split("."))
        return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()

    missing = []
    for path in python_files(staged):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {name for _, name in imported_modules(tree)}
        names |= {f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module
                  for a in n.names}  # from game.ui.art import palette
        names |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                  and n.value.startswith("game.")}  # deferred.load("game.ui.flow")
        for name in sorted(names):
            if name.startswith("game.") and module_in(ROOT, name) and not module_in(staged.folder, name):
                missing.append(f"{path.relative_to(staged.folder)}: {name}")
    assert missing == []
    for rel in NOT_SHIPPED:
        assert f"game/{rel}" not in staged.files and (ROOT / "game" / rel).is_file(), rel


def test_the_browser_catalogue_keeps_every_message_the_game_shows(staged):
    """The staged interface catalogue leaves out only the facilitator report's and the phone page's
    messages (not in the browser game); every message of a shipped file keeps its translation."""
    import json

    from game.i18n import pofiles
    from game.i18n.interface import TEMPLATE

    full = json.loads((ROOT / "assets" / "locale" / "bg.json").read_text(encoding="utf-8"))
    shipped = json.loads((staged.folder / "assets" / "locale" / "bg.json").read_text(encoding="utf-8"))
    assert set(shipped) < set(full) and all(full[k] == v for k, v in shipped.items())
    dropped = kept = 0
    for entry in pofiles.read(ROOT / TEMPLATE):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if key not in full:
            continue
        files = {ref for ref, _ in entry.occurrences}
        in_game = any(ref in staged.files for ref in files)
        assert (key in shipped) == in_game or not files, (key, files)
        dropped += not in_game
        kept += in_game
    assert kept > 200 and dropped > 50
    assert "Main menu" in shipped  # the pause menu
