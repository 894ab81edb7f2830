"""No import cycles in game/, counting the imports inside functions too (issue 17).

The module graph is built by reading the source with ``ast``: every ``import`` and ``from … import``
at the top of a module and inside its functions (only those under ``if TYPE_CHECKING:`` are left
out: they never run). ``from game.ui import flow`` is an edge to the module ``game.ui.flow`` when
that is a module, else to the package. A cycle hidden behind a function-level import is still a
cycle: it only moves the failure from import time to the first call, and it is what made the play
flow hard to follow. The UI may keep a few imports inside functions (start-up: the title compiles only
what it draws, game/ui/warmup.py), each with a comment saying why.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
# Imports inside functions allowed in game/ui (issue 17: fewer than 5). What the title's first frame
# does not draw is imported on first use through game/ui/deferred.py, whose table gives each reason;
# its load("…") calls count as function-level edges of the graph, so they cannot hide a cycle.
MAX_FUNCTION_IMPORTS_UI = 4
NOT_COUNTED: set[str] = set()
# Cycles excused by their exact members (none left: game.i18n.checks <-> game.i18n.commands went with
# the commands' move to game/commands/).
KNOWN_CYCLES: list[list[str]] = []


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules(root: Path = GAME) -> dict[str, Path]:
    return {module_name(p): p for p in sorted(root.rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
            if name == "TYPE_CHECKING":
                for sub in node.body:
                    for inner in ast.walk(sub):
                        skip.add(id(inner))
    return skip


def imports_of(name: str, path: Path, modules: dict[str, Path]):
    """(line, imported module, inside a function) for each import of ``path`` that names a module of
    ``modules``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _type_checking_nodes(tree)
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for inner in ast.walk(node):
                if inner is not node:
                    in_function.add(id(inner))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        lazy = id(node) in in_function
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[:len(parent) - (node.level - 1)]
                base = ".".join(parent + ([base] if base else []))
            targets = []
            for alias in node.names:
                sub = f"{base}.{alias.name}" if base else alias.name
                targets.append(sub if sub in modules else base)
        for target in targets:
            if target in modules:
                yield node.lineno, target, lazy
    for node in ast.walk(tree):  # deferred.load("game.ui.x"): an import on first use (game/ui/deferred.py)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "deferred" and node.args \
                and isinstance(node.args[0], ast.Constant) and node.args[0].value in modules:
            yield node.lineno, node.args[0].value, True


def graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for _line, target, _lazy in imports_of(name, path, modules):
            if target != name:
                edges[name].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def function_imports(folder: Path) -> list[tuple[str, bool]]:
    """Every import statement inside a function under ``folder`` (any module, the standard library
    too), as ("path:line: statement", whether a comment on it or on the three lines above says why)."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in NOT_COUNTED:
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        tree = ast.parse(text, filename=str(path))
        skip = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)) and id(inner) not in skip:
                        near = lines[max(0, inner.lineno - 4):inner.end_lineno]
                        found[f"{rel}:{inner.lineno}: {ast.unparse(inner)}"] = any("#" in line for line in near)
    return sorted(found.items())


def test_no_import_cycle_in_game_counting_function_level_imports():
    modules = all_modules()
    found = [c for c in cycles(graph(modules)) if c not in KNOWN_CYCLES]
    assert found == [], "import cycles (function-level imports counted):\n" + "\n".join(
        " <-> ".join(c) for c in found)


def test_few_function_level_imports_in_the_ui_each_with_its_reason():
    found = function_imports(GAME / "ui")
    assert len(found) <= MAX_FUNCTION_IMPORTS_UI, (
        f"{len(found)} imports inside functions in game/ui (at most {MAX_FUNCTION_IMPORTS_UI}); move them to the "
        "top of the module:\n" + "\n".join(where for where, _why in found))
    unexplained = [where for where, why in found if not why]
    assert unexplained == [], "say in a comment why these are imported inside a function:\n" + "\n".join(unexplained)


def test_the_finder_sees_a_cycle_through_a_function_level_import(tmp_path):
    """The checker itself: two modules that import each other, one only inside a function."""
    pkg = tmp_path / "game" / "demo"
    pkg.mkdir(parents=True)
    (tmp_path / "game" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from game.demo import b\n")
    (pkg / "b.py").write_text("def f():\n    from game.demo.a import x\n")
    (pkg / "c.py").write_text("from . import a\n")
    modules = {}
    for p in sorted((tmp_path / "game").rglob("*.py")):
        parts = list(p.relative_to(tmp_path).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = p
    edges = graph(modules)
    assert edges["game.demo.a"] == {"game.demo.b"} and edges["game.demo.c"] == {"game.demo.a"}
    assert cycles(edges) == [["game.demo.a", "game.demo.b"]]


def test_a_deferred_load_is_an_edge_of_the_graph(tmp_path):
    """A cycle through game/ui/deferred.py's table is still a cycle."""
    pkg = tmp_path / "game" / "demo"
    pkg.mkdir(parents=True)
    (tmp_path / "game" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from game.demo import b\n")
    (pkg / "b.py").write_text("from game.ui import deferred\n\ndef f():\n    return deferred.load('game.demo.a')\n")
    modules = {}
    for p in sorted((tmp_path / "game").rglob("*.py")):
        parts = list(p.relative_to(tmp_path).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = p
    assert cycles(graph(modules)) == [["game.demo.a", "game.demo.b"]]


def test_every_deferred_module_exists_and_says_why():
    from game.ui.deferred import DEFERRED

    modules = all_modules()
    assert DEFERRED and all(name in modules and why.strip() for name, why in DEFERRED.items())
