"""The browser bundle ships the game's Python without comments and docstrings (issue 16: they were a
third of the compressed archive). The code must stay the same, statement for statement and line for
line, so that what runs in the browser is what the tests ran and its tracebacks point at the sources."""

from __future__ import annotations

import ast
import io
import tokenize
import zlib

import pytest

from game.webbuild.stage import ROOT, SHIPPED_MODULES, SHIPPED_PACKAGES, _python_files, strip_source


def shipped_sources():
    game = ROOT / "game"
    for name in SHIPPED_MODULES:
        yield game / name
    for package in SHIPPED_PACKAGES:
        if (game / package).is_dir():
            yield from _python_files(game / package)


def without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                first.value.value = ""
    return tree


def positions(tree: ast.AST) -> list:
    return [(type(n).__name__, getattr(n, "lineno", None)) for n in ast.walk(tree)]


@pytest.mark.parametrize("path", list(shipped_sources()), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_stripping_keeps_the_code_and_its_lines(path):
    source = path.read_bytes()
    stripped = strip_source(source)
    before, after = ast.parse(source), ast.parse(stripped)
    assert positions(after) == positions(before)  # every statement and expression on its old line
    assert ast.dump(after) == ast.dump(without_docstrings(before))  # the same code, docstrings emptied
    assert stripped.count(b"\n") == source.count(b"\n")
    comments = [tok for tok in tokenize.tokenize(io.BytesIO(stripped).readline) if tok.type == tokenize.COMMENT]
    assert all(tok.start[0] <= 2 and "coding" in tok.string for tok in comments), comments


def test_strip_source_on_the_tricky_cases():
    source = (
        '# -*- coding: utf-8 -*-\n'
        '"""Module doc,\n'
        'two lines."""\n'
        'X = "# not a comment"  # a comment\n'
        'def f():\n'
        '    """Only a docstring."""\n'
        'class C:\n'
        '    """Doc ünïcode."""; y = 1\n'
        '    s = """a\n'
        '  # inside a string  \n'
        '"""\n'
    ).encode("utf-8")
    out = strip_source(source).decode("utf-8")
    assert out.splitlines() == [
        '# -*- coding: utf-8 -*-',
        '""',
        '',
        'X = "# not a comment"',
        'def f():',
        ' ""',
        'class C:',
        ' ""; y = 1',
        ' s = """a',
        '  # inside a string  ',
        '"""',
    ]
    namespace: dict = {}
    exec(compile(out, "t", "exec"), namespace)
    assert namespace["X"] == "# not a comment" and namespace["C"].y == 1
    assert namespace["C"].s == "a\n  # inside a string  \n" and namespace["f"]() is None


def test_stripping_makes_the_code_much_smaller():
    raw = b"".join(p.read_bytes() for p in shipped_sources())
    stripped = b"".join(strip_source(p.read_bytes()) for p in shipped_sources())
    assert len(zlib.compress(stripped, 9)) < 0.8 * len(zlib.compress(raw, 9))
