"""Scoring against the rights (DESIGN.md, "Scoring").

For each decision met: ``earned`` = Σ weights upheld − Σ weights breached − Σ weights of measures
not used (``misses``: a lawful choice not to use a measure the provision makes available) for the
chosen option;
``best``/``worst`` are the max/min of that sum over the options that were shown (visible and enabled).
Scaled score = Σ(earned − worst) / Σ(best − worst). Per right: upheld, breached, not_used (the chosen
option ``misses`` it) and missed (an option upholding the right was shown and not taken).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Iterable

from game.engine import assessment
from game.engine.vocab import VERDICT_TALLY

# The per-right counts, in the order records and tables show them.
TALLY_KEYS = ("upheld", "breached", "not_used", "missed")


def rating(earned: int, best: int, worst: int) -> str:
    """How a decision went (its *rating*), in one word the UI and transcripts share.

    ``recommended``: the best score on offer; ``partial``: at least half-way from the worst to the
    best option; ``not_recommended``: otherwise. (A right's upholds/breaches/misses is its
    *assessment*; the file formats call that field ``verdict``.)
    """
    if earned >= best:
        return "recommended"
    if best > worst and (earned - worst) * 2 >= (best - worst) and earned > 0:
        return "partial"
    return "not_recommended"


def N_(message: str) -> str:
    """Marks a word for the interface catalogue (game/locale); the front end translates it when shown."""
    return message


# The words for each rating, (in full, short), for every front end: the feedback screen and the
# transcript say it in full, the debrief's list of decisions says it short.
RATING_LABELS = {
    "recommended": (N_("Recommended choice"), N_("Recommended")),
    "partial": (N_("Partly right: a better option was available"), N_("Partly right")),
    "not_recommended": (N_("Not recommended"), N_("Not the best option")),
}


def option_value(choice: dict) -> int:
    total = 0
    for a in choice.get("assess", ()):
        # breaches and misses both count against the option at their weight (misses is normally 1)
        total += a["weight"] if a["verdict"] == "upholds" else -a["weight"]
    return total


@dataclass
class DecisionRecord:
    """One decision met in a playthrough: what was offered, what was chosen, what it earned."""

    node: str
    stage: str
    role: str
    shown: list[str]
    disabled: list[str]
    chosen: str
    earned: int
    best: int
    worst: int
    best_choices: list[str]
    verdicts: list[dict]
    deltas: dict[str, int]
    seconds: float | None = None
    votes: dict[str, int] | None = None
    # Every visible option (enabled or not) in the order shown; position n is "option n as shown".
    order: list[str] = field(default_factory=list)
    # "assessment" for an individual assessment (game/engine/assessment.py): ``items`` holds each
    # item's result, ``chosen`` is "", ``shown``/``order`` are its item ids (authored / shown order).
    kind: str = "decision"
    items: list[dict] | None = None

    @property
    def recommended(self) -> bool:
        return self.earned == self.best

    def to_dict(self) -> dict:
        out = asdict(self)
        if self.kind == "decision":  # a decision's record is as it was before assessments existed
            del out["kind"], out["items"]
        return out


@dataclass
class ScoreCard:
    decisions: int = 0
    earned: int = 0
    best: int = 0
    worst: int = 0
    scaled: float = 0.0
    mastery: float = 0.7
    passed: bool = False
    recommended: int = 0
    recommended_share: float = 0.0
    rights: dict[str, dict[str, int]] = field(default_factory=dict)
    ending_id: str | None = None
    outcome: str | None = None
    finished: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def score(history: Iterable[DecisionRecord], mastery: float, story_nodes: dict,
          ending_id: str | None = None, outcome: str | None = None) -> ScoreCard:
    card = ScoreCard(mastery=mastery, ending_id=ending_id, outcome=outcome, finished=ending_id is not None)
    gained = span = 0
    rights: dict[str, dict[str, int]] = {}

    def bump(right: str, what: str) -> None:
        rights.setdefault(right, dict.fromkeys(TALLY_KEYS, 0))[what] += 1

    for rec in history:
        card.decisions += 1
        card.earned += rec.earned
        card.best += rec.best
        card.worst += rec.worst
        gained += rec.earned - rec.worst
        span += rec.best - rec.worst
        card.recommended += rec.recommended
        taken_upholds = set()
        for v in rec.verdicts:
            bump(v["right"], VERDICT_TALLY[v["verdict"]])
            if v["verdict"] == "upholds":
                taken_upholds.add(v["right"])
        # Missed: a shown option upheld a right that the chosen option did not (an assessment: an
        # item that applies rests on it, and was not marked).
        if rec.kind == "assessment":
            offered = assessment.offered_rights(story_nodes[rec.node])
        else:
            choices = {c["id"]: c for c in story_nodes[rec.node]["choices"]}
            offered = set()
            for cid in rec.shown:
                for a in choices[cid].get("assess", ()):
                    if a["verdict"] == "upholds":
                        offered.add(a["right"])
        for right in sorted(offered - taken_upholds):
            bump(right, "missed")
    if card.decisions:
        # A decision whose options all score the same cannot be got wrong: it counts as full marks.
        card.scaled = round(gained / span, 6) if span else 1.0
        card.recommended_share = round(card.recommended / card.decisions, 6)
    card.passed = card.decisions > 0 and card.scaled + 1e-9 >= mastery
    card.rights = dict(sorted(rights.items()))
    return card
