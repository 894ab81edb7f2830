"""``rightspath audit SCENARIO``: can a scenario be passed without knowing the law? (issue 12)

Plays fixed answer strategies through the real engine — always the first option shown, always the
last, always the longest text, always the shortest, and a uniformly random one — over the seeds
0..N-1 (default 1,000: the seed sets the order the options are shown in, so "first shown" differs
from seed to seed), and prints each strategy's scaled score and pass rate. A scenario whose score
means something keeps every strategy below its mastery threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.errors import UserError

DEFAULT_SEEDS = 1000
MAX_STEPS = 100_000

# name, label, how the option is picked from the enabled ones in the order shown
STRATEGIES = (
    ("first", "always the first option shown"),
    ("last", "always the last option shown"),
    ("longest", "always the longest option (characters)"),
    ("shortest", "always the shortest option (characters)"),
    ("random", "a random option (seeded)"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit",
        help="play fixed answer strategies (first, last, longest, shortest, random) and show their scores",
        description="Play fixed answer strategies through the real engine — always the first option shown, "
        "always the last, always the longest, always the shortest, and a random one — once per seed "
        "0..N-1 (the seed sets the order the options are shown in), and print each strategy's scaled "
        "score and pass rate. Options are compared among those enabled; ties go to the one shown first.",
    )
    p.add_argument("scenario", help="scenario .yaml or compiled story .json")
    p.add_argument("--seeds", type=int, default=DEFAULT_SEEDS, metavar="N",
                   help=f"play each strategy with the seeds 0..N-1 (default {DEFAULT_SEEDS})")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--require-below-mastery", action="store_true",
                   help="exit 1 if any strategy reaches mastery: its mean scaled score is at or above the "
                   "scenario's mastery threshold, or more of its playthroughs pass than --max-pass-rate allows")
    p.add_argument("--max-pass-rate", type=float, default=DEFAULT_MAX_PASS_RATE, metavar="SHARE",
                   help="with --require-below-mastery: the share of a strategy's playthroughs (0..1) that may "
                   f"pass (default {DEFAULT_MAX_PASS_RATE:g}: a guesser's lucky passes in a short scenario stay "
                   "below it; 0: none may)")
    p.set_defaults(func=run)


# A strategy that knows nothing of the law still passes now and then by luck: in a scenario of seven
# decisions a random guesser passes about 5 % of the time whatever the options say. The check is that
# no strategy is a way to pass: its mean stays below mastery and at most this share of it passes.
DEFAULT_MAX_PASS_RATE = 0.10


def _pick(name: str, views: list, rng) -> object:
    if name == "first":
        return views[0]
    if name == "last":
        return views[-1]
    if name == "longest":
        return max(views, key=lambda v: len(v.text))  # max/min keep the first of equals: the one shown first
    if name == "shortest":
        return min(views, key=lambda v: len(v.text))
    return rng.choice(views)


def assessment_marks(run, name: str, rng) -> set[str]:
    """What a strategy marks at an assessment: "first" every item, "last" none, "longest"/"shortest"
    the longest/shortest item of each section (as shown), "random" each item with probability 1/2."""
    from game.engine.assessment import items

    texts = {item["id"]: item.get("text", "") for item in items(run.node)}
    order = run.assessment_order()
    if name == "first":
        return set(texts)
    if name == "last":
        return set()
    if name in ("longest", "shortest"):
        pick = max if name == "longest" else min
        return {pick(ids, key=lambda iid: len(texts[iid])) for ids in order.values() if ids}
    return {iid for ids in order.values() for iid in ids if rng.random() < 0.5}


def play_strategy(story, name: str, seed: int):
    """One playthrough of ``story`` with ``seed``, choosing by strategy ``name``; its ScoreCard."""
    import random

    from game.engine import Run

    rng = random.Random(seed)
    run = Run(story, seed=seed)
    for _ in range(MAX_STEPS):
        if run.ended:
            break
        if run.kind == "scene":
            run.advance()
            continue
        if run.kind == "assessment":  # an individual assessment (issue 19): the strategy's marks
            run.assess(assessment_marks(run, name, rng))
            continue
        enabled = [v for v in run.choices() if v.enabled]
        run.choose(_pick(name, enabled, rng).id)
    return run.score()


def audit(story, seeds: int = DEFAULT_SEEDS) -> dict:
    """The figures ``rightspath audit`` prints, as a JSON-ready dict."""
    rows = []
    for name, label in STRATEGIES:
        scaled, passed, unfinished = [], 0, 0
        for seed in range(seeds):
            card = play_strategy(story, name, seed)
            scaled.append(card.scaled)
            passed += bool(card.passed)
            unfinished += not card.finished
        rows.append({
            "strategy": name, "label": label, "playthroughs": seeds,
            "mean_scaled": round(sum(scaled) / seeds, 4), "min_scaled": round(min(scaled), 4),
            "max_scaled": round(max(scaled), 4), "passed": passed, "pass_rate": round(passed / seeds, 4),
            "unfinished": unfinished,
        })
    return {"scenario": {"id": story.id, "version": story.version, "mastery": story.mastery},
            "seeds": seeds, "strategies": rows}


def reaches_mastery(row: dict, mastery: float, max_pass_rate: float) -> bool:
    return row["mean_scaled"] + 1e-9 >= mastery or row["pass_rate"] > max_pass_rate + 1e-9


def format_table(result: dict, max_pass_rate: float) -> str:
    sc = result["scenario"]
    lines = [f"audit: {sc['id']} {sc['version']} — mastery {sc['mastery']:.2f}, each strategy played with seeds "
             f"0..{result['seeds'] - 1}",
             f"{'strategy':<42}{'mean scaled':>12}{'min':>8}{'max':>8}{'passed':>9}{'pass rate':>11}"]
    for row in result["strategies"]:
        flag = "  REACHES MASTERY" if reaches_mastery(row, sc["mastery"], max_pass_rate) else ""
        extra = f"  ({row['unfinished']} unfinished)" if row["unfinished"] else ""
        lines.append(f"{row['label']:<42}{row['mean_scaled']:>12.3f}{row['min_scaled']:>8.3f}{row['max_scaled']:>8.3f}"
                     f"{row['passed']:>9}{row['pass_rate']:>10.1%}{flag}{extra}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.seeds < 1 or args.seeds > 1_000_000:
        raise UserError(f"--seeds must be between 1 and 1000000, not {args.seeds}", 2)
    if not 0 <= args.max_pass_rate <= 1:  # also refuses nan
        raise UserError(f"--max-pass-rate must be a share between 0 and 1, not {args.max_pass_rate}", 2)
    from game.authoring.compiler import load_story

    story = load_story(Path(args.scenario))
    if not story.decision_ids():
        raise UserError(f"{args.scenario}: the scenario has no decisions to audit", 1)
    result = audit(story, args.seeds)
    for row in result["strategies"]:
        row["reaches_mastery"] = reaches_mastery(row, story.mastery, args.max_pass_rate)
    result["max_pass_rate"] = args.max_pass_rate
    result["ok"] = not any(row["reaches_mastery"] for row in result["strategies"])
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_table(result, args.max_pass_rate))
        if not result["ok"]:
            print("rightspath: some strategy reaches mastery without knowing the law: vary where the best option "
                  "stands and how long it is, and make the wrong options cost more", file=sys.stderr)
    return 1 if args.require_below_mastery and not result["ok"] else 0
