"""A static scan of what is staged for the browser: imports, the async entry point, no blocking calls.

pygbag's runtime has pygame-ce and a trimmed standard library, runs one thread and cannot block:
anything else imported or called here would fail only in the browser, where we cannot test it.
"""

from __future__ import annotations

import ast
import sys

import pytest

from game.webbuild.stage import stage
from tests.web.conftest import scenarios_to_bundle

# Standard-library modules pygbag's runtime leaves out (docs PYGBAG.md).
MISSING_IN_BROWSER = {"statistics", "shelve", "dbm", "timeit", "graphlib", "profile", "cProfile", "doctest",
                      "tkinter", "multiprocessing", "concurrent", "zoneinfo"}
FORBIDDEN_MODULES = {"threading", "subprocess", "_thread", "socket", "select", "selectors", "signal"}
FORBIDDEN_CALLS = {("time", "sleep"), ("pygame.time", "wait"), ("pygame.time", "delay"), ("os", "system")}


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


def call_problems(source: str, rel: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source, filename=rel)):
        if not isinstance(node, ast.Call):
            continue
        name = dotted(node.func)
        head, _, attr = name.rpartition(".")
        if name == "input":
            problems.append(f"{rel}:{node.lineno}: input()")
        elif (head, attr) in FORBIDDEN_CALLS:
            problems.append(f"{rel}:{node.lineno}: {name}()")
        elif attr == "Thread" or name == "Thread":
            problems.append(f"{rel}:{node.lineno}: {name}() starts a thread")
    return problems


def scan(staged, check) -> list[str]:
    problems = []
    for path in python_files(staged):
        problems += check(path.read_text(encoding="utf-8"), path.relative_to(staged.folder).as_posix())
    return problems


def test_imports_are_stdlib_pygame_or_game(staged):
    problems = scan(staged, import_problems)
    assert not problems, "\n".join(problems)


def test_no_blocking_calls(staged):
    problems = scan(staged, call_problems)
    assert not problems, "\n".join(problems)


def test_the_scan_catches_what_it_looks_for():
    bad = (
        "import yaml\nimport threading\nfrom statistics import mean\nimport time\nimport pygame\n"
        "time.sleep(1)\ninput()\nthreading.Thread(target=print).start()\npygame.time.wait(5)\n"
    )
    assert len(import_problems(bad, "game/ui/x.py")) == 3
    assert len(call_problems(bad, "game/ui/x.py")) == 4
    assert import_problems("import platform\n", "game/ui/x.py") == []  # stdlib name: allowed anywhere


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
    assert {f"stories/{sid}.json" for sid in staged.stories} <= set(staged.files)
