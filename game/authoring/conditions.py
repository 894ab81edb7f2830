"""Conditions, the authoring side: the parser of the small expression language, its references,
and the lowering to the compact form the compiler writes (story format 2 on). The shipped engine
only evaluates compiled trees (``game/engine/conditions.py``); the parser never ships.

The grammar, loosest binding first::

    expr  := and ("or" and)*
    and   := not ("and" not)*
    not   := "not" not | cmp
    cmp   := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
    sum   := unary (("+" | "-") unary)*
    unary := "-" unary | atom
    atom  := INT | "true" | "false" | NAME | FN "(" SLUG ("," SLUG)? ")" | "(" expr ")"

``FN`` is one of ``visited(node)``, ``visits(node)``, ``chose(node, choice)`` and
``assessed(assessment, item)`` (story format 4: the item was marked): the engine's ``FUNCTIONS``.
Tree shapes are documented in docs/CONTRACTS.md §5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from game.engine.conditions import COMPARISONS, FUNCTIONS

Tree = dict[str, Any]

MAX_LENGTH = 500
MAX_DEPTH = 40

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_INT = re.compile(r"[0-9]+")


class ConditionError(ValueError):
    """A condition that does not parse; ``offset`` is the 0-based column in the text."""

    def __init__(self, message: str, offset: int):
        super().__init__(f"{message} (at column {offset + 1})")
        self.message = message
        self.offset = offset


@dataclass
class _Parser:
    text: str
    pos: int = 0
    depth: int = 0

    # -- scanning -------------------------------------------------------------------------------
    def _skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def _peek_word(self) -> str | None:
        self._skip()
        m = _NAME.match(self.text, self.pos)
        return m.group(0) if m else None

    def _accept(self, token: str) -> bool:
        self._skip()
        if token.isalpha():
            word = self._peek_word()
            if word == token:
                self.pos += len(token)
                return True
            return False
        if self.text.startswith(token, self.pos):
            self.pos += len(token)
            return True
        return False

    def _expect(self, token: str, what: str) -> None:
        if not self._accept(token):
            raise ConditionError(f"expected {what}", self.pos)

    def _nest(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError("the condition is nested too deeply", self.pos)

    # -- grammar --------------------------------------------------------------------------------
    def parse(self) -> Tree:
        if len(self.text) > MAX_LENGTH:
            raise ConditionError(f"the condition is longer than {MAX_LENGTH} characters", 0)
        self._skip()
        if self.pos >= len(self.text):
            raise ConditionError("the condition is empty", 0)
        tree = self._or()
        self._skip()
        if self.pos < len(self.text):
            raise ConditionError(f"unexpected {self.text[self.pos:self.pos + 10]!r}", self.pos)
        return tree

    def _or(self) -> Tree:
        left = self._and()
        while self._accept("or"):
            left = {"op": "or", "args": [left, self._and()]}
        return left

    def _and(self) -> Tree:
        left = self._not()
        while self._accept("and"):
            left = {"op": "and", "args": [left, self._not()]}
        return left

    def _not(self) -> Tree:
        if self._accept("not"):
            self._nest()
            inner = self._not()
            self.depth -= 1
            return {"op": "not", "args": [inner]}
        return self._cmp()

    def _cmp(self) -> Tree:
        left = self._sum()
        self._skip()
        for op in COMPARISONS:
            if self.text.startswith(op, self.pos):
                self.pos += len(op)
                right = self._sum()
                self._skip()
                if any(self.text.startswith(o, self.pos) for o in COMPARISONS):
                    raise ConditionError("comparisons cannot be chained; join them with 'and'", self.pos)
                return {"op": op, "args": [left, right]}
        if self.text.startswith("=", self.pos):
            raise ConditionError("use '==' to compare, not '='", self.pos)
        return left

    def _sum(self) -> Tree:
        left = self._unary()
        while True:
            self._skip()
            if self.text.startswith("+", self.pos):
                self.pos += 1
                left = {"op": "+", "args": [left, self._unary()]}
            elif self.text.startswith("-", self.pos):
                self.pos += 1
                left = {"op": "-", "args": [left, self._unary()]}
            else:
                return left

    def _unary(self) -> Tree:
        self._skip()
        if self.text.startswith("-", self.pos):
            self.pos += 1
            self._nest()
            inner = self._unary()
            self.depth -= 1
            return {"op": "-", "args": [inner]}
        return self._atom()

    def _atom(self) -> Tree:
        self._skip()
        start = self.pos
        if self.pos >= len(self.text):
            raise ConditionError("the condition ends too early", self.pos)
        if self._accept("("):
            self._nest()
            inner = self._or()
            self.depth -= 1
            self._expect(")", "')'")
            return inner
        m = _INT.match(self.text, self.pos)
        if m:
            self.pos = m.end()
            if _NAME.match(self.text, self.pos):
                raise ConditionError("a number cannot run into a name", self.pos)
            return {"num": int(m.group(0))}
        word = self._peek_word()
        if word is None:
            raise ConditionError(f"unexpected {self.text[self.pos:self.pos + 10]!r}", self.pos)
        self.pos += len(word)
        if word in ("true", "false"):
            return {"bool": word == "true"}
        if word in ("and", "or", "not"):
            raise ConditionError(f"'{word}' needs something before and after it", start)
        self._skip()
        if self.text.startswith("(", self.pos):
            if word not in FUNCTIONS:
                known = ", ".join(sorted(FUNCTIONS))
                raise ConditionError(f"unknown function '{word}' (known: {known})", start)
            self.pos += 1
            args = [self._slug()]
            while self._accept(","):
                args.append(self._slug())
            self._expect(")", "')' after the function's arguments")
            if len(args) != FUNCTIONS[word]:
                raise ConditionError(f"{word}() takes {FUNCTIONS[word]} argument(s), got {len(args)}", start)
            return {"fn": word, "args": args}
        if word in FUNCTIONS:
            raise ConditionError(f"{word} is a function: write {word}(node-id)", start)
        return {"var": word}

    def _slug(self) -> str:
        self._skip()
        m = _SLUG.match(self.text, self.pos)
        if not m:
            raise ConditionError("expected an id (lower-case letters, digits and '-')", self.pos)
        self.pos = m.end()
        return m.group(0)


def parse(text: str) -> Tree:
    """Parse a condition into a tree, raising ConditionError with a column on failure."""
    if not isinstance(text, str):
        raise ConditionError("a condition must be text", 0)
    return _Parser(text).parse()


def _walk(tree: Tree):
    yield tree
    for arg in tree.get("args", ()):
        if isinstance(arg, dict):
            yield from _walk(arg)


def variables(tree: Tree) -> set[str]:
    """Names of the variables a tree reads."""
    return {t["var"] for t in _walk(tree) if "var" in t}


def node_refs(tree: Tree) -> set[str]:
    """Node ids named by visited()/visits()/chose()."""
    return {t["args"][0] for t in _walk(tree) if "fn" in t}


def choice_refs(tree: Tree) -> set[tuple[str, str]]:
    """(node, choice) pairs named by chose()."""
    return {(t["args"][0], t["args"][1]) for t in _walk(tree) if t.get("fn") == "chose"}


def item_refs(tree: Tree) -> set[tuple[str, str]]:
    """(assessment, item) pairs named by assessed()."""
    return {(t["args"][0], t["args"][1]) for t in _walk(tree) if t.get("fn") == "assessed"}


def lower(tree: Tree) -> Any:
    """The compact form the compiler writes (story format 2), which parses in a fraction of the time:
    a number or true/false as itself, a variable as its name, anything else as a list whose head is
    the operator or function: ``["and", [">=", "stress", 95], ["not", ["visited", "s0"]]]``."""
    if "num" in tree:
        return tree["num"]
    if "bool" in tree:
        return tree["bool"]
    if "var" in tree:
        return tree["var"]
    if "fn" in tree:
        return [tree["fn"], *tree["args"]]
    return [tree["op"], *(lower(arg) for arg in tree["args"])]


@lru_cache(maxsize=8192)
def parse_condition(text: str) -> dict:
    """``parse``, remembered: scenarios repeat conditions, and lint and compile both parse.

    Callers must not modify the returned tree (the compiler serialises it as is).
    """
    return parse(text)
