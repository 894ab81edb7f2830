"""Conditions, the runtime side: evaluating the compiled trees a story holds. Standard library only.

The compiler parses a condition once (``game/authoring/conditions.py``) and writes it in the
compact form (story format 2 on): a number or true/false as itself, a variable as its name, anything
else as a list whose head is the operator or function,
``["and", [">=", "stress", 95], ["not", ["visited", "s0"]]]``. Format 1 stories keep the parser's
dict trees. The runtime only ever evaluates these; it never parses and never calls ``eval``.
Tree shapes are documented in docs/CONTRACTS.md §5.
"""

from __future__ import annotations

from typing import Any, Mapping

Tree = dict[str, Any]

COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
# The functions a condition may call, with their number of arguments (all ids):
# visited(node), visits(node), chose(node, choice), assessed(assessment, item) (format 4: marked).
FUNCTIONS = {"visited": 1, "visits": 1, "chose": 2, "assessed": 2}


class EvalContext:
    """What a condition can see: variable values, visit counts, choices made."""

    __slots__ = ("variables", "visits", "chosen")

    def __init__(self, variables: Mapping[str, int], visits: Mapping[str, int], chosen: set[tuple[str, str]]):
        self.variables = variables
        self.visits = visits
        self.chosen = chosen


def evaluate(tree: Any, ctx: EvalContext) -> int | bool:
    """Evaluate a compiled condition: the compact form (format 2) or a tree (format 1).
    Unknown shapes raise ValueError (a corrupt story)."""
    kind = type(tree)
    if kind is list:
        size = len(tree)
        op = tree[0] if size else None
        if size == 3:
            if op == "and":
                return bool(evaluate(tree[1], ctx)) and bool(evaluate(tree[2], ctx))
            if op == "or":
                return bool(evaluate(tree[1], ctx)) or bool(evaluate(tree[2], ctx))
            if op == "chose" or op == "assessed":  # an assessment's marks are kept with the choices
                return (tree[1], tree[2]) in ctx.chosen
            binary = _BINARY.get(op)
            if binary is not None:
                return binary(evaluate(tree[1], ctx), evaluate(tree[2], ctx))
        elif size == 2:
            if op == "not":
                return not evaluate(tree[1], ctx)
            if op == "visited":
                return ctx.visits.get(tree[1], 0) > 0
            if op == "visits":
                return ctx.visits.get(tree[1], 0)
            if op == "-":
                return -int(evaluate(tree[1], ctx))
        raise ValueError(f"malformed condition {tree!r}")
    if kind is str:
        try:
            return ctx.variables[tree]
        except KeyError:
            raise ValueError(f"condition reads unknown variable {tree!r}") from None
    if kind is int or kind is bool:
        return tree
    if kind is dict:
        return _evaluate_tree(tree, ctx)
    raise ValueError(f"malformed condition {tree!r}")


def _evaluate_tree(tree: Tree, ctx: EvalContext) -> int | bool:
    """Format 1 stories keep their conditions as trees (CONTRACTS §5)."""
    if "num" in tree:
        return tree["num"]
    if "bool" in tree:
        return tree["bool"]
    if "var" in tree:
        try:
            return ctx.variables[tree["var"]]
        except KeyError:
            raise ValueError(f"condition reads unknown variable {tree['var']!r}") from None
    if "fn" in tree:
        fn, args = tree["fn"], tree["args"]
        if fn == "visited":
            return ctx.visits.get(args[0], 0) > 0
        if fn == "visits":
            return ctx.visits.get(args[0], 0)
        if fn == "chose" or fn == "assessed":
            return (args[0], args[1]) in ctx.chosen
        raise ValueError(f"unknown function {fn!r} in condition")
    op, args = tree.get("op"), tree.get("args", ())
    if op == "and":
        return bool(_evaluate_tree(args[0], ctx)) and bool(_evaluate_tree(args[1], ctx))
    if op == "or":
        return bool(_evaluate_tree(args[0], ctx)) or bool(_evaluate_tree(args[1], ctx))
    if op == "not":
        return not _evaluate_tree(args[0], ctx)
    if op == "-" and len(args) == 1:
        return -int(_evaluate_tree(args[0], ctx))
    if op in _BINARY and len(args) == 2:
        return _BINARY[op](_evaluate_tree(args[0], ctx), _evaluate_tree(args[1], ctx))
    raise ValueError(f"malformed condition node {tree!r}")


_BINARY = {
    "+": lambda a, b: int(a) + int(b),
    "-": lambda a, b: int(a) - int(b),
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
