"""Golden playthroughs: a small set of scripted paths through a story that, together, visit every
node and reach every ending.

The paths are found by playing the real engine (``game.engine.Run``), never by reading the graph
alone: show_if/enable_if conditions and variable-driven branches decide what is reachable, and only
a played run knows them. The set always holds

- ``best``: at every decision the first option that earns the best score on offer;
- ``worst``: at every decision the first option that earns the lowest score on offer;

and then "mixed" paths picked greedily (largest number of still-unvisited nodes and endings first)
from a deterministic pool of candidate playthroughs: best or worst play with one or two decisions
played differently, play that steers one or two variables up or down (endings and branches turn
on thresholds such as "risk >= 80" with "trust >= 35"), and seeded random play leaning towards best
or worst options. A full search of
the engine states is out of reach (the bundled scenarios have millions of distinct states), and
the pool reaches every node the content can actually reach; what it cannot reach is reported.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Iterator

from game.engine import Run, Story
from game.engine import assessment as assessing
from game.engine.autoplay import marks_token, play_to_end, token_marks
from game.engine.run import ChoiceView
from game.engine.scoring import option_value

Pick = Callable[[Run, list[ChoiceView]], str]

# Size of the seeded random part of the candidate pool (per leaning); the engine plays a bundled
# scenario in well under a millisecond, so this costs a few seconds at most.
RANDOM_RUNS = 1500
LEANINGS = (0.0, 0.5, 0.8, 0.95)  # probability of taking the best (or worst) option; else uniform


@dataclass
class Path:
    """One scripted playthrough: its choices and what it visited."""

    name: str
    choices: list[str]
    visited: frozenset[str]
    ending: str
    label: str = ""  # how the candidate was made (for the report, not the file name)


@dataclass
class Coverage:
    nodes: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    missing_nodes: list[str] = field(default_factory=list)
    missing_endings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing_nodes and not self.missing_endings


# -- playing -------------------------------------------------------------------------------------
def _assessment_views(run: Run) -> list[ChoiceView]:
    """An individual assessment (issue 19) offered as options, so every pick works on it: marking what
    applies (best), every item wrong (worst), everything, nothing. Each is a marks token ('+a+b') with
    the value and the good/poor effects that marking gives."""
    node = run.node
    ids = assessing.item_ids(node)
    best = set(assessing.best_marks(node))
    views, seen = [], set()
    for marks in (best, set(ids) - best, set(ids), set()):
        token = marks_token(marks)
        if token in seen:
            continue
        seen.add(token)
        result = assessing.evaluate(node, marks)
        band = assessing.band(result["quality"])
        data = {"assess": [{"right": "", "verdict": "upholds" if result["earned"] >= 0 else "breaches",
                            "weight": abs(result["earned"])}],
                "effects": list((node.get("effects") or {}).get(band, ())) if band else []}
        views.append(ChoiceView(len(views) + 1, token, token, True, data, len(views)))
    return views


def _enabled(run: Run) -> list[ChoiceView]:
    if run.kind == "assessment":
        return _assessment_views(run)
    views = [v for v in run.choices() if v.enabled]
    if not views:
        raise ValueError(f"decision {run.node_id!r} offers no enabled choice")
    return views


def best_pick(run: Run, views: list[ChoiceView]) -> str:
    top = max(option_value(v.data) for v in views)
    return next(v.id for v in views if option_value(v.data) == top)


def worst_pick(run: Run, views: list[ChoiceView]) -> str:
    low = min(option_value(v.data) for v in views)
    return next(v.id for v in views if option_value(v.data) == low)


def play(story: Story, pick: Pick) -> Run:
    """Play to an ending with ``pick`` choosing among the enabled options of each decision."""
    def step(run: Run):
        token = pick(run, _enabled(run))
        return token_marks(token) if run.kind == "assessment" else token

    return play_to_end(Run(story, seed=0), step)


def replay(story: Story, choices: list[str]) -> Run:
    """Play a committed choice list; raises ValueError when it does not lead exactly to an ending."""
    queue = list(choices)

    def step(run: Run):
        if not queue:
            raise ValueError(f"the choices ran out at decision {run.node_id!r}")
        token = queue.pop(0)
        return token_marks(token) if run.kind == "assessment" else token

    run = play_to_end(Run(story, seed=0), step)
    if queue:
        raise ValueError(f"{len(queue)} choice(s) left over after the ending: {', '.join(queue)}")
    return run


def _step_token(h) -> str:
    """A history entry as a choice list holds it: the option id, or an assessment's marks token."""
    return h.chosen if h.kind != "assessment" else marks_token(i["id"] for i in h.items if i["marked"])


def _as_path(name: str, run: Run, label: str = "") -> Path:
    return Path(name, [_step_token(h) for h in run.history], frozenset(run.visits), run.node_id, label)


# -- the candidate pool --------------------------------------------------------------------------
def _deviating(base: Pick, overrides: dict[str, str]) -> Pick:
    """``base`` everywhere except the decisions in ``overrides`` (when that option is available)."""
    def pick(run: Run, views: list[ChoiceView]) -> str:
        wanted = overrides.get(run.node_id)
        if wanted is not None and any(v.id == wanted for v in views):
            return wanted
        return base(run, views)
    return pick


def _leaning(base: Pick, p: float, rng: random.Random) -> Pick:
    def pick(run: Run, views: list[ChoiceView]) -> str:
        return base(run, views) if rng.random() < p else rng.choice(views).id
    return pick


def _decision_options(story: Story) -> list[tuple[str, str]]:
    return [(nid, ch["id"]) for nid in story.order() if story.nodes[nid]["kind"] == "decision"
            for ch in story.nodes[nid]["choices"]]


def _steering(weights: dict[str, int], tie: int) -> Pick:
    """Take the option whose effects move the weighted variables furthest; ties go to the best
    (tie=1) or the worst (tie=-1) score, then to the first listed."""
    def pick(run: Run, views: list[ChoiceView]) -> str:
        def merit(v: ChoiceView) -> tuple[int, int]:
            moved = sum(weights.get(e["var"], 0) * e["delta"] for e in v.data.get("effects", ()))
            return moved, tie * option_value(v.data)
        return max(views, key=merit).id
    return pick


STEER_WEIGHTS = ((1, 0), (1, 1), (2, 1), (1, 2), (3, 1), (1, 3))


def candidates(story: Story) -> Iterator[Path]:
    """Deterministic candidate playthroughs, cheapest ideas first."""
    options = _decision_options(story)
    for base_name, base in (("best", best_pick), ("worst", worst_pick)):
        for nid, cid in options:
            yield _as_path("", play(story, _deviating(base, {nid: cid})), f"{base_name} but {nid}={cid}")
    names = sorted(story.variables)
    for i, a in enumerate(names):
        for b in names[i:]:
            for sa in (1, -1):
                for sb in (1, -1):
                    for wa, wb in STEER_WEIGHTS:
                        if (a == b and wb) or (a != b and not wb):
                            continue
                        weights = {a: sa * wa} if a == b else {a: sa * wa, b: sb * wb}
                        for tie in (1, -1):
                            yield _as_path("", play(story, _steering(weights, tie)), f"steer {weights} tie {tie}")
    for base_name, base in (("best", best_pick), ("worst", worst_pick)):
        for p in LEANINGS:
            for seed in range(RANDOM_RUNS):
                rng = random.Random(f"{story.id}:{base_name}:{p}:{seed}")
                yield _as_path("", play(story, _leaning(base, p, rng)), f"{base_name} p={p} seed={seed}")
    for base_name, base in (("best", best_pick), ("worst", worst_pick)):
        for i, first in enumerate(options):
            for second in options[i + 1:]:
                if first[0] != second[0]:
                    yield _as_path("", play(story, _deviating(base, dict([first, second]))),
                                   f"{base_name} but {first[0]}={first[1]}, {second[0]}={second[1]}")


# -- choosing the set ----------------------------------------------------------------------------
def targets(story: Story) -> tuple[set[str], set[str]]:
    """Every node id, and the ending ids."""
    return set(story.nodes), {nid for nid, n in story.nodes.items() if n["kind"] == "ending"}


def coverage(story: Story, paths: list[list[str]]) -> Coverage:
    nodes, endings = targets(story)
    cov = Coverage()
    for choices in paths:
        run = replay(story, choices)
        cov.nodes |= set(run.visits)
        cov.endings.add(run.node_id)
    cov.missing_nodes = sorted(nodes - cov.nodes, key=story.order().index)
    cov.missing_endings = sorted(endings - cov.endings, key=story.order().index)
    return cov


def golden_paths(story: Story) -> tuple[list[Path], Coverage]:
    """best, worst, then as few mixed paths as the greedy cover needs; and what stays uncovered."""
    all_nodes, endings = targets(story)
    chosen = [_as_path("best", play(story, best_pick)), _as_path("worst", play(story, worst_pick))]
    covered = set().union(*(p.visited for p in chosen))
    pool: list[Path] = []
    seen: set[tuple[str, ...]] = {tuple(p.choices) for p in chosen}
    for cand in candidates(story):
        if tuple(cand.choices) not in seen and cand.visited - covered:
            seen.add(tuple(cand.choices))
            pool.append(cand)
    while True:
        # An unreached ending weighs more than a node: endings are what the paths are for.
        def gain(p: Path) -> int:
            new = p.visited - covered
            return len(new) + 100 * len(new & endings)
        best = max(pool, key=gain, default=None)  # max keeps the first of equals: deterministic
        if best is None or gain(best) == 0:
            break
        chosen.append(best)
        covered |= best.visited
    _name_mixed(story, chosen)
    cov = coverage(story, [p.choices for p in chosen])
    return chosen, cov


def _name_mixed(story: Story, paths: list[Path]) -> None:
    """Mixed paths are named after the ending they reach: mixed-<ending>[-2...]."""
    used = {"best", "worst"}
    for p in paths:
        if p.name:
            continue
        name = base = f"mixed-{p.ending}"
        n = 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        p.name = name


def path_kind(story: Story, choices: list[str]) -> str:
    """'best' when every decision took a best option, 'worst' when every one took a lowest, else 'mixed'."""
    history = replay(story, choices).history
    if all(h.earned == h.best for h in history):
        return "best"
    if all(h.earned == h.worst for h in history):
        return "worst"
    return "mixed"
