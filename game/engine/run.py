"""A playthrough of a story: where we are, what was chosen, and how it scores.

A Run is fully determined by its story, its seed and the list of steps taken, which is what a save
holds. Loading a save replays those steps and checks the result against the saved snapshot, so a
save is either restored exactly or refused — never half-loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from typing import Any

from game.engine import assessment as assessing, safeio
from game.engine.conditions import EvalContext, evaluate
from game.engine.safeio import JSONTooDeep
from game.engine.scoring import DecisionRecord, ScoreCard, option_value, score
from game.engine.story import Story, StoryError

SAVE_VERSION = 2  # 2: options are shown in the seed's order ("option_order"); 1 was always authored order
SAVE_FORMAT = "rightspath-save"
ORDER_SEEDED, ORDER_AUTHORED = "seeded", "authored"
MAX_BRANCH_HOPS = 1000  # a branch chain longer than this is a loop the lint should have caught


def order_key(seed: int, node_id: str, choice_id: str) -> bytes:
    """Where an option goes in the order shown: sha256 of the seed, the decision and the option
    (docs/CONTRACTS.md §6). A hash, not ``random`` or ``hash()``, so the order is the same on every
    Python and in the browser, and an option hidden by a condition leaves the others where they were."""
    return hashlib.sha256(f"rightspath-order/1\n{int(seed)}\n{node_id}\n{choice_id}".encode("utf-8")).digest()


def shown_order(seed: int, node_id: str, choice_ids: list[str]) -> list[str]:
    """``choice_ids`` in the order a playthrough with ``seed`` shows them at decision ``node_id``
    (a decision with ``order: fixed`` shows them as authored instead: see Run.display_order)."""
    return sorted(choice_ids, key=lambda cid: order_key(seed, node_id, cid))


def new_seed() -> int:
    """A fresh seed for a playthrough that was given none (the window, the browser): 31 random bits."""
    try:
        return int.from_bytes(os.urandom(4), "big") & 0x7FFFFFFF
    except (NotImplementedError, OSError):  # a runtime without an entropy source
        return time.time_ns() & 0x7FFFFFFF


class SaveError(ValueError):
    """A save that cannot be restored, with a message a person can act on."""


class ChoiceError(ValueError):
    """A choice that is not available at the current node."""


@dataclass(frozen=True)
class ChoiceView:
    index: int  # 1-based position among the visible choices (keys 1-9)
    id: str
    text: str
    enabled: bool
    data: dict
    authored: int = 0  # 0-based position in the decision as written (the shown order is ``index``)


class Run:
    def __init__(self, story: Story, seed: int = 0, option_order: str = ORDER_SEEDED):
        self.story = story
        self.seed = int(seed)
        if option_order not in (ORDER_SEEDED, ORDER_AUTHORED):
            raise ValueError(f"option_order must be {ORDER_SEEDED!r} or {ORDER_AUTHORED!r}, not {option_order!r}")
        # "seeded": options in the order drawn from the seed, unless the decision is "order: fixed";
        # "authored": always as written (only for saves made before shuffling existed).
        self.option_order = option_order
        self._orders: dict[str, list[int]] = {}
        self.variables: dict[str, int] = {k: v["start"] for k, v in story.variables.items()}
        self.visits: dict[str, int] = {}
        self.chosen: set[tuple[str, str]] = set()
        self.history: list[DecisionRecord] = []
        self.steps: list[dict[str, Any]] = []
        self.node_id: str = ""
        self._enter(story.start)

    # -- where we are ---------------------------------------------------------------------------
    @property
    def node(self) -> dict:
        return self.story.nodes[self.node_id]

    @property
    def kind(self) -> str:
        return self.node["kind"]

    @property
    def stage(self) -> str:
        return self.node.get("stage", "")

    @property
    def ended(self) -> bool:
        return self.kind == "ending"

    @property
    def ending(self) -> dict | None:
        return self.node if self.ended else None

    def _ctx(self) -> EvalContext:
        return EvalContext(self.variables, self.visits, self.chosen)

    def _enter(self, node_id: str) -> None:
        for _ in range(MAX_BRANCH_HOPS):
            self.node_id = node_id
            self.visits[node_id] = self.visits.get(node_id, 0) + 1
            node = self.story.nodes[node_id]
            if node["kind"] != "branch":
                return
            ctx = self._ctx()
            node_id = node["else"]
            for case in node.get("cases", ()):
                if evaluate(case["when"], ctx):
                    node_id = case["next"]
                    break
        raise StoryError(f"{self.story.source}: branches at {node_id!r} loop without reaching a scene")

    # -- moving on ------------------------------------------------------------------------------
    def advance(self) -> None:
        """Leave a scene for its next node."""
        if self.kind != "scene":
            raise ChoiceError(f"advance() is for scenes; {self.node_id!r} is a {self.kind}")
        self.steps.append({"advance": self.node_id})
        self._enter(self.node["next"])

    def display_order(self, node_id: str | None = None) -> list[int]:
        """Positions (0-based, as authored) of a decision's options in the order shown."""
        node_id = node_id or self.node_id
        order = self._orders.get(node_id)
        if order is None:
            node = self.story.nodes[node_id]
            ids = [ch["id"] for ch in node["choices"]]
            if self.option_order == ORDER_AUTHORED or node.get("order") == "fixed":
                order = list(range(len(ids)))
            else:
                order = sorted(range(len(ids)), key=lambda i: order_key(self.seed, node_id, ids[i]))
            self._orders[node_id] = order
        return order

    def choices(self) -> list[ChoiceView]:
        """The visible choices of the current decision, with whether each can be taken.

        A condition is absent only when its key is (``None``): the compiler writes ``show_if:
        "false"`` as JSON ``false`` and ``"0"`` as ``0``, which hide. When the conditions leave no
        choice both visible and enabled, the decision offers all its choices, enabled (CONTRACTS
        §6, "no dead end"): a trainee is never stuck, and the score compares the choice with every
        option, as it would for a decision without conditions.
        """
        if self.kind != "decision":
            return []
        ctx = self._ctx()
        out = []
        authored = self.node["choices"]
        order = self.display_order()  # the order shown: ``index`` counts it (keys 1-9)
        for pos in order:
            ch = authored[pos]
            show_if, enable_if = ch.get("show_if"), ch.get("enable_if")
            if show_if is not None and not evaluate(show_if, ctx):
                continue
            enabled = enable_if is None or bool(evaluate(enable_if, ctx))
            out.append(ChoiceView(len(out) + 1, ch["id"], ch.get("text", ""), enabled, ch, pos))
        if not any(view.enabled for view in out):
            out = [ChoiceView(i + 1, authored[pos]["id"], authored[pos].get("text", ""), True, authored[pos], pos)
                   for i, pos in enumerate(order)]
        return out

    def choose(self, choice_id: str, seconds: float | None = None,
               votes: dict[str, int] | None = None) -> DecisionRecord:
        """Take ``choice_id`` at the current decision and move on; the decision's record (also the last
        entry of ``history``) is returned. The chosen option's ``feedback`` is in the story's node."""
        if self.kind != "decision":
            raise ChoiceError(f"there is no decision to make at {self.node_id!r} (a {self.kind})")
        views = self.choices()
        # shown/disabled are kept in authored order (as before shuffling); ``order`` is what was seen.
        by_authored = sorted(views, key=lambda v: v.authored)
        shown = [v for v in by_authored if v.enabled]
        picked = next((v for v in views if v.id == choice_id), None)
        if picked is None:
            names = ", ".join(v.id for v in views)
            raise ChoiceError(f"{choice_id!r} is not a choice at {self.node_id!r} (choices: {names})")
        if not picked.enabled:
            raise ChoiceError(f"{choice_id!r} is not available at {self.node_id!r} right now")
        values = {v.id: option_value(v.data) for v in shown}
        best, worst = max(values.values()), min(values.values())
        verdicts = [dict(a) for a in picked.data.get("assess", ())]
        deltas: dict[str, int] = {}
        for eff in picked.data.get("effects", ()):
            name, spec = eff["var"], self.story.variables[eff["var"]]
            before = self.variables[name]
            after = min(spec["max"], max(spec["min"], before + eff["delta"]))
            self.variables[name] = after
            deltas[name] = deltas.get(name, 0) + after - before
        rec = DecisionRecord(
            node=self.node_id,
            stage=self.stage,
            role=self.node.get("role", ""),
            shown=[v.id for v in shown],
            disabled=[v.id for v in by_authored if not v.enabled],
            chosen=choice_id,
            earned=values[choice_id],
            best=best,
            worst=worst,
            best_choices=[cid for cid, val in values.items() if val == best],
            verdicts=verdicts,
            deltas=deltas,
            seconds=None if seconds is None else round(float(seconds), 3),
            votes=None if votes is None else {str(k): int(v) for k, v in votes.items()},
            order=[v.id for v in views],
        )
        self.history.append(rec)
        self.chosen.add((self.node_id, choice_id))
        step: dict[str, Any] = {"choose": choice_id, "at": self.node_id}
        if rec.seconds is not None:
            step["seconds"] = rec.seconds
        if rec.votes is not None:
            step["votes"] = rec.votes
        self.steps.append(step)
        self._enter(picked.data["next"])
        return rec

    # -- an individual assessment (story format 4; game/engine/assessment.py) --------------------
    def assessment_order(self, node_id: str | None = None) -> dict[str, list[str]]:
        """The item ids of an assessment per section id (measures under \"measures\") in the order
        shown: drawn from the seed within each section, or as written (``order: fixed``, or a run
        with option_order \"authored\")."""
        node_id = node_id or self.node_id
        node = self.story.nodes[node_id]
        if self.option_order == ORDER_AUTHORED:
            node = {**node, "order": "fixed"}
        return assessing.shown_order(self.seed, node_id, node)

    def start_marks(self) -> set[str]:
        """The marks an assessment starts with: none, or for one that ``revises`` an earlier assessment
        (22(7)), the marks last submitted there, for the items this one also has."""
        if self.kind != "assessment":
            return set()
        earlier = self.node.get("revises")
        ids = set(assessing.item_ids(self.node))
        for rec in reversed(self.history):
            if rec.node == earlier and rec.items is not None:
                return {item["id"] for item in rec.items if item["marked"]} & ids
        return set()

    def assess(self, marks, seconds: float | None = None, votes: dict[str, int] | None = None) -> DecisionRecord:
        """Submit the current assessment with the item ids in ``marks`` marked: one step (saved and
        replayed like a choice). Scores every item, applies the node's good/poor effects, moves on to
        ``next`` and returns the record (its ``items`` hold each item's result)."""
        if self.kind != "assessment":
            raise ChoiceError(f"there is no assessment at {self.node_id!r} (a {self.kind})")
        node = self.node
        marks = set(marks)
        known = assessing.item_ids(node)
        unknown = sorted(marks - set(known))
        if unknown:
            raise ChoiceError(f"{', '.join(map(repr, unknown))} is not an item of {self.node_id!r} "
                              f"(items: {', '.join(known)})")
        result = assessing.evaluate(node, marks)
        deltas: dict[str, int] = {}
        band = assessing.band(result["quality"])
        for eff in (node.get("effects") or {}).get(band, ()) if band else ():
            name, spec = eff["var"], self.story.variables[eff["var"]]
            before = self.variables[name]
            after = min(spec["max"], max(spec["min"], before + eff["delta"]))
            self.variables[name] = after
            deltas[name] = deltas.get(name, 0) + after - before
        order = self.assessment_order()
        rec = DecisionRecord(
            node=self.node_id, stage=self.stage, role=node.get("role", ""),
            shown=known, disabled=[], chosen="",
            earned=result["earned"], best=result["best"], worst=result["worst"],
            best_choices=assessing.best_marks(node), verdicts=result["verdicts"], deltas=deltas,
            seconds=None if seconds is None else round(float(seconds), 3),
            votes=None if votes is None else {str(k): int(v) for k, v in votes.items()},
            order=[iid for ids in order.values() for iid in ids],
            kind="assessment", items=result["items"],
        )
        self.history.append(rec)
        self.chosen.update((self.node_id, iid) for iid in marks)  # what assessed() reads
        step: dict[str, Any] = {"assess": sorted(marks), "at": self.node_id}
        if rec.seconds is not None:
            step["seconds"] = rec.seconds
        if rec.votes is not None:
            step["votes"] = rec.votes
        self.steps.append(step)
        self._enter(node["next"])
        return rec

    def replay(self, steps) -> None:
        """Take ``steps`` (as ``steps`` records them) one by one; ChoiceError when one does not fit."""
        for step in steps:
            if not isinstance(step, dict):
                raise ChoiceError("bad step")
            if "advance" in step:
                if step["advance"] != self.node_id:
                    raise ChoiceError("out of step")
                self.advance()
            elif "choose" in step:
                if step.get("at") != self.node_id:
                    raise ChoiceError("out of step")
                self.choose(step["choose"], seconds=step.get("seconds"), votes=step.get("votes"))
            elif "assess" in step:
                if step.get("at") != self.node_id or not isinstance(step["assess"], list) \
                        or not all(isinstance(m, str) for m in step["assess"]):
                    raise ChoiceError("out of step")
                self.assess(step["assess"], seconds=step.get("seconds"), votes=step.get("votes"))
            else:
                raise ChoiceError("unknown step")

    def before_decision(self, index: int) -> "Run":
        """A new run at the point where decision ``index`` (1-based; ``len(history) + 1`` for the one
        now open) was about to be taken: the same seed and steps up to that choice, none after. The
        facilitator's undo of the room's choice (issue 15) rewinds to it; the record's undone choices
        are replayed from it."""
        if not 1 <= index <= len(self.history) + 1:
            raise ChoiceError(f"there is no decision {index} to go back to (decisions taken: {len(self.history)})")
        taken, cut = 0, len(self.steps)
        for pos, step in enumerate(self.steps):
            if "choose" in step or "assess" in step:
                taken += 1
                if taken == index:
                    cut = pos
                    break
        back = Run(self.story, seed=self.seed, option_order=self.option_order)
        back.replay(self.steps[:cut])
        while back.kind == "scene":  # the one open now: narration before it is read on the way
            back.advance()
        return back

    def score(self) -> ScoreCard:
        ending = self.ending
        return score(self.history, self.story.mastery, self.story.nodes,
                     ending_id=self.node_id if ending else None,
                     outcome=ending.get("outcome") if ending else None)

    # -- saving ---------------------------------------------------------------------------------
    def snapshot(self) -> dict:
        return {
            "node": self.node_id,
            "variables": dict(self.variables),
            "visits": dict(self.visits),
            "history": [h.to_dict() for h in self.history],
        }

    def to_json(self) -> str:
        return json.dumps({
            "format": SAVE_FORMAT,
            "save_version": SAVE_VERSION,
            "story_id": self.story.id,
            "story_version": self.story.version,
            "story_hash": self.story.hash,
            "seed": self.seed,
            "option_order": self.option_order,
            "steps": self.steps,
            **self.snapshot(),
        }, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, story: Story, text: str | bytes) -> "Run":
        try:
            data = safeio.loads(text)
        except JSONTooDeep:
            raise SaveError("the save file is damaged (nested far too deeply to be a save)") from None
        except (ValueError, UnicodeDecodeError):
            raise SaveError("the save file is damaged (not valid JSON)") from None
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise SaveError("this is not a RightsPath save")
        version = data.get("save_version")
        if not isinstance(version, int) or version > SAVE_VERSION or version < 1:
            raise SaveError(f"this save was written by another version of RightsPath (save format {version!r}, "
                            f"this version reads {SAVE_VERSION})")
        if data.get("story_id") != story.id:
            raise SaveError(f"this save belongs to scenario {data.get('story_id')!r}, not {story.id!r}")
        if data.get("story_hash") != story.hash:
            saved_version = data.get("story_version")
            if saved_version == story.version:
                what = f"the content of scenario {story.id!r} (version {story.version}) has changed since this save"
            else:
                what = f"this save was made with version {saved_version} of scenario {story.id!r}, now {story.version}"
            raise SaveError(f"{what}; it cannot be resumed exactly")
        steps, seed = data.get("steps"), data.get("seed")
        if not isinstance(steps, list) or not isinstance(seed, int):
            raise SaveError("the save file is damaged (no steps or seed)")
        # A version-1 save was played with the options as authored: it goes on that way.
        option_order = data.get("option_order") if version >= 2 else ORDER_AUTHORED
        if option_order not in (ORDER_SEEDED, ORDER_AUTHORED):
            raise SaveError("the save file is damaged (unknown option order)")
        run = cls(story, seed=seed, option_order=option_order)
        try:
            run.replay(steps)
        except (ChoiceError, KeyError, TypeError, ValueError):
            raise SaveError("the save file is damaged (its steps do not replay on this scenario)") from None
        snap = {k: data.get(k) for k in ("node", "variables", "visits", "history")}
        mine = run.snapshot()
        if version < 2:  # its decisions were recorded before the order shown was
            for rec in mine["history"]:
                rec.pop("order", None)
        if snap != mine:
            raise SaveError("the save file is damaged (its state does not match its steps)")
        return run
