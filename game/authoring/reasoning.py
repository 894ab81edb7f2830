"""What a condition can be, over every value its variables can take (lint W410, W411, E312).

A variable stays within its declared min..max (the engine clamps every change), so a condition
that compares variables with numbers (``trust >= 60``, ``stress < 40 and trust > 20``) changes its
truth only at those numbers. Evaluating it at the range's ends and at each number, one above and
one below, therefore covers every value: between two such points the truth cannot change. The
functions (``visited``, ``visits``, ``chose``) are taken as free: any visit count, any choice.

A comparison of two variables, or of a sum that holds a variable, is not covered that way: such a
condition is evaluated at the same points, which can miss values, so what is found about it is a
"may" (a warning), never a proof (an error). ``Space.exact`` says which it is.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from game.authoring import conditions as parsed
from game.engine import conditions

MAX_ASSIGNMENTS = 20_000  # beyond this many combinations the check says nothing rather than be slow
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}


@dataclass
class Space:
    """The values worth trying for each variable and each function of some conditions."""

    ranges: dict[str, tuple[int, int]]  # variable -> (min, max) as declared
    points: dict[str, set[int]] = field(default_factory=dict)  # variable -> values to try
    visits: dict[str, set[int]] = field(default_factory=dict)  # node id -> visit counts to try
    chose: set[tuple[str, str]] = field(default_factory=set)
    exact: bool = True  # every condition is a comparison of one variable (or function) with numbers

    def add(self, tree: dict) -> None:
        self._walk(tree)

    def _walk(self, tree: dict) -> None:
        if "var" in tree:
            self._note_var(tree["var"], (0,))  # a bare variable is true when it is not 0
        elif "fn" in tree:
            if tree["fn"] in ("chose", "assessed"):  # an item's mark is free like a choice
                self.chose.add((tree["args"][0], tree["args"][1]))
            else:
                self.visits.setdefault(tree["args"][0], set()).update((0, 1, 2))
        elif "op" in tree:
            args = tree["args"]
            if tree["op"] in _COMPARISONS:
                self._comparison(args[0], args[1])
            elif tree["op"] in ("+", "-") and any(_atoms(arg) for arg in args):
                self.exact = False  # arithmetic on a variable: the points below may not cover it
            for arg in args:
                self._walk(arg)

    def _comparison(self, left: dict, right: dict) -> None:
        for side, other in ((left, right), (right, left)):
            if _atoms(other):
                continue
            value = conditions.evaluate(other, _EMPTY)
            if "var" in side:
                self._note_var(side["var"], (int(value),))
            elif side.get("fn") == "visits":
                self.visits.setdefault(side["args"][0], set()).update(_around(int(value)))
            return
        if _atoms(left) and _atoms(right):
            self.exact = False  # two variables compared with each other

    def _note_var(self, name: str, constants) -> None:
        lo, hi = self.ranges.get(name, (0, 0))
        points = self.points.setdefault(name, {lo, hi})
        points.update(p for c in constants for p in _around(c) if lo <= p <= hi)

    def assignments(self):
        """Each combination of the values to try, as an EvalContext; None when there are too many."""
        names = sorted(self.points)
        nodes = sorted(self.visits)
        picks = sorted(self.chose)
        axes = [sorted(self.points[n]) for n in names] + [sorted(p for p in self.visits[n] if p >= 0) for n in nodes]
        axes += [(False, True)] * len(picks)
        count = 1
        for axis in axes:
            count *= max(1, len(axis))
            if count > MAX_ASSIGNMENTS:
                return None
        return _assignments(names, nodes, picks, axes)


def _assignments(names, nodes, picks, axes):
    for combo in itertools.product(*axes):
        values = dict(zip(names, combo[:len(names)]))
        visits = dict(zip(nodes, combo[len(names):len(names) + len(nodes)]))
        chosen = {pick for pick, taken in zip(picks, combo[len(names) + len(nodes):]) if taken}
        yield conditions.EvalContext(values, visits, chosen)


def _around(value: int) -> tuple[int, int, int]:
    return (value - 1, value, value + 1)


def _atoms(tree: dict) -> bool:
    return bool(parsed.variables(tree) or parsed.node_refs(tree))


_EMPTY = conditions.EvalContext({}, {}, set())


def truth(tree: dict, ctx: conditions.EvalContext) -> bool:
    return bool(conditions.evaluate(tree, ctx))


def constant_value(tree: dict, ranges: dict[str, tuple[int, int]]) -> tuple[bool | None, bool]:
    """(True or False when the condition has that value for every value its variables can take,
    else None; whether that is certain). A condition with nothing to read is certainly constant."""
    space = Space(ranges)
    space.add(tree)
    contexts = space.assignments()
    if contexts is None:
        return None, False
    seen = {truth(tree, ctx) for ctx in contexts}
    if len(seen) == 1:
        return seen.pop(), space.exact
    return None, space.exact


@dataclass
class Stuck:
    """Where no option of a decision can be taken."""

    always: bool  # for every value (certain when ``exact``)
    exact: bool
    example: conditions.EvalContext | None  # one state where it happens
    intervals: list[tuple[int, int]]  # when the decision reads a single variable: the values where it happens
    variable: str | None


def stuck(options: list[tuple[dict | None, dict | None]], ranges: dict[str, tuple[int, int]]) -> Stuck | None:
    """Whether the options ((show_if tree, enable_if tree) each, None for no condition) can all be
    hidden or disabled at once: None when never, else how (see Stuck)."""
    if any(show is None and enable is None for show, enable in options):
        return None
    space = Space(ranges)
    for show, enable in options:
        for tree in (show, enable):
            if tree is not None:
                space.add(tree)
    contexts = space.assignments()
    if contexts is None:
        return None
    stuck_at: list[conditions.EvalContext] = []
    total = 0
    for ctx in contexts:
        total += 1
        if not any((show is None or truth(show, ctx)) and (enable is None or truth(enable, ctx))
                   for show, enable in options):
            stuck_at.append(ctx)
    if not stuck_at:
        return None
    variable = None
    intervals: list[tuple[int, int]] = []
    if len(space.points) == 1 and not space.visits and not space.chose:
        variable = next(iter(space.points))
        intervals = _intervals(sorted(space.points[variable]), {ctx.variables[variable] for ctx in stuck_at},
                               ranges[variable][1])
    return Stuck(len(stuck_at) == total, space.exact, stuck_at[0], intervals, variable)


def _intervals(points: list[int], bad: set[int], top: int) -> list[tuple[int, int]]:
    """Merged value ranges where it happens: the truth holds from each point up to the next one."""
    out: list[tuple[int, int]] = []
    for i, point in enumerate(points):
        if point not in bad:
            continue
        end = points[i + 1] - 1 if i + 1 < len(points) else top
        if out and out[-1][1] + 1 >= point:
            out[-1] = (out[-1][0], end)
        else:
            out.append((point, end))
    return out


def describe(found: Stuck) -> str:
    """'when trust is 40..59' or 'for example when trust = 40, visits(intro) = 0'."""
    if found.variable is not None and found.intervals:
        spans = ", ".join(str(a) if a == b else f"{a}..{b}" for a, b in found.intervals)
        return f"when {found.variable} is {spans}"
    ctx = found.example
    parts = [f"{k} = {v}" for k, v in sorted(ctx.variables.items())]
    parts += [f"visits({k}) = {v}" for k, v in sorted(ctx.visits.items())]
    parts += [f"chose({a}, {b})" for a, b in sorted(ctx.chosen)]
    return "for example when " + ", ".join(parts) if parts else "always"
