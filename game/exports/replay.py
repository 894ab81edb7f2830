"""Figures are never trusted from a file: a record's decisions are replayed against its story.

``replay_record`` plays the record's seed and choices through the real engine, on the story the
record names (its id, version and content hash), rebuilds the record from that run and compares
every derived figure: each decision's shown and disabled options, earned/best/worst, verdicts and
deltas, the per-right counts, the score (earned, best, worst, scaled, passed, recommended and its
share), whether an ending was reached, which, and the variables. A record passes only when every
one of them is what the replay gives.

What is taken from the file as it stands (it cannot be derived): the trainee's metadata, the seed,
the times, the mode, and per decision the node, the option chosen, the seconds, the room's votes and,
where the facilitator overruled the room, the room's choice and the reason (``overrule``). A choice
the facilitator played and then undid (the record's ``undone``, issue 15) is replayed at the point it
was taken, from its index, option, seconds and votes; its figures are compared like a decision's.

``verify``, ``report`` and ``lrs push`` all call this one function; a record that fails is reported
with the reason and left out of every figure, signed or not. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from game.engine import Run, Story
from game.engine.run import ORDER_AUTHORED, ORDER_SEEDED, ChoiceError

# Fields of a record that the replay recomputes; anything else is metadata taken as given.
DERIVED = ("scenario", "decisions", "rights", "score", "finished", "ending", "outcome", "variables")
# Per decision: what the trainee (or the room) did, taken as given; every other field is recomputed.
# An assessment's input is which items were marked (items[].marked); its results are recomputed.
DECISION_INPUTS = ("node", "chosen", "seconds", "votes", "overrule")

StoryFinder = Callable[[dict], "Story | None"]


@dataclass
class Replay:
    ok: bool
    reason: str  # "" when ok, else one sentence a person can act on
    story: Story | None = None


def _short(content_hash: str) -> str:
    return content_hash[:15] + "…" if len(content_hash) > 15 else content_hash


def describe_scenario(sc: dict) -> str:
    return f"{sc.get('id')!r} version {sc.get('version')} ({_short(str(sc.get('content_hash')))}, " \
           f"language {sc.get('language')})"


class Shelf:
    """The stories at hand, found by content hash (an id + version + language is one hash)."""

    def __init__(self, stories: Iterable[Story] = (), loader: Callable[[dict], Iterable[Story]] | None = None):
        self._by_hash: dict[str, Story] = {}
        self._loader = loader  # called once per scenario id not found, to bring more stories
        self._asked: set[str] = set()
        for story in stories:
            self.add(story)

    def add(self, story: Story) -> None:
        self._by_hash.setdefault(story.hash, story)

    def __len__(self) -> int:
        return len(self._by_hash)

    def find(self, record: dict) -> Story | None:
        sc = record.get("scenario") or {}
        story = self._by_hash.get(sc.get("content_hash"))
        if story is None and self._loader is not None:
            ask = f"{sc.get('id')}\x00{sc.get('language')}"
            if ask not in self._asked:
                self._asked.add(ask)
                for extra in self._loader(sc):
                    self.add(extra)
                story = self._by_hash.get(sc.get("content_hash"))
        return story

    def nearest(self, record: dict) -> Story | None:
        """A story at hand with the record's scenario id (for saying what is there instead)."""
        sid = (record.get("scenario") or {}).get("id")
        return next((s for s in self._by_hash.values() if s.id == sid), None)


def _first_difference(label: str, got, want) -> str | None:
    """Where ``got`` (the file) and ``want`` (the replay) first differ, as a dotted path, or None."""
    if type(got) is not type(want) and not (isinstance(got, (int, float)) and isinstance(want, (int, float))
                                             and not isinstance(got, bool) and not isinstance(want, bool)):
        return f"{label} is {_show(got)} in the file, {_show(want)} by replay"
    if isinstance(want, dict):
        for key in sorted(set(got) | set(want)):
            if key not in want:
                return f"{label}.{key} is in the file but not in the replay"
            if key not in got:
                return f"{label}.{key} is missing from the file (the replay gives {_show(want[key])})"
            diff = _first_difference(f"{label}.{key}", got[key], want[key])
            if diff:
                return diff
        return None
    if isinstance(want, list):
        if len(got) != len(want):
            return f"{label} has {len(got)} item(s) in the file, {len(want)} by replay"
        for i, (a, b) in enumerate(zip(got, want)):
            diff = _first_difference(f"{label}[{i}]", a, b)
            if diff:
                return diff
        return None
    if got != want:
        return f"{label} is {_show(got)} in the file, {_show(want)} by replay"
    return None


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _play(record: dict, story: Story) -> Run:
    """The run the record's seed and choices give on ``story``; ChoiceError when they are not possible."""
    decisions = record["decisions"]
    # A record written before decisions[].order existed was played with the options as authored.
    kept_order = any("order" in d for d in decisions)
    run = Run(story, seed=record["seed"], option_order=ORDER_SEEDED if kept_order else ORDER_AUTHORED)
    for n, d in enumerate(decisions, start=1):
        while run.kind == "scene":
            run.advance()
        if run.kind == "assessment" and d["node"] == run.node_id and d.get("kind") == "assessment":
            # the marks are the input (items[].marked); every other item field is recomputed
            run.assess([i["id"] for i in d["items"] if i["marked"]], seconds=d["seconds"], votes=d["votes"])
            continue
        if run.kind == "assessment":
            raise ChoiceError(f"decision {n} ({d['node']!r}) is not the assessment {run.node_id!r} these choices "
                              "lead to")
        if run.kind != "decision":
            raise ChoiceError(f"decision {n} ({d['node']!r}) comes after the story has ended at {run.node_id!r}")
        if d["node"] != run.node_id:
            raise ChoiceError(f"decision {n} is at {d['node']!r}, but these choices lead to {run.node_id!r}")
        views = {v.id: v for v in run.choices()}
        if d["chosen"] not in views:
            raise ChoiceError(f"decision {n} at {d['node']!r}: {d['chosen']!r} is not an option there "
                              f"(options: {', '.join(views) or 'none'})")
        if not views[d["chosen"]].enabled:
            raise ChoiceError(f"decision {n} at {d['node']!r}: {d['chosen']!r} cannot be chosen at that point "
                              "of the story")
        run.choose(d["chosen"], seconds=d["seconds"], votes=d["votes"])
    if record.get("finished"):
        # Scenes after the last decision lead on to the ending the record says it reached.
        while run.kind == "scene":
            run.advance()
    return run


def replay_record(record: dict, stories: Shelf | StoryFinder) -> Replay:
    """Replay ``record`` (already checked by ``check_record``) on its story and compare every figure."""
    from game.exports.record import build_record  # here: record imports nothing of ours back

    find = stories.find if isinstance(stories, Shelf) else stories
    sc = record["scenario"]
    story = find(record)
    if story is None:
        other = stories.nearest(record) if isinstance(stories, Shelf) else None
        where = (f"; the one at hand is version {other.version} ({_short(other.hash)})" if other is not None
                 else "")
        return Replay(False, f"its scenario {describe_scenario(sc)} is not at hand, so its figures cannot be "
                             f"checked{where} (give the scenario file with --story)")
    if (story.id, story.version) != (sc["id"], sc["version"]):
        return Replay(False, f"the record names {describe_scenario(sc)}, but the story with that content hash is "
                             f"{story.id!r} version {story.version}", story)
    try:
        run = _play(record, story)
    except (ChoiceError, KeyError) as exc:
        return Replay(False, f"its choices are not possible in {sc['id']} {sc['version']}: {exc}", story)
    meta = {k: record.get(k) for k in ("trainee", "session", "role", "country", "organisation_type", "mode",
                                       "language", "started_at", "ended_at")}
    meta["record_version"] = record["record_version"]  # a version-1 file is rebuilt as version 1
    meta["overrules"] = {d["index"]: d["overrule"] for d in record["decisions"] if "overrule" in d}
    # Choices played and then undone (issue 15): what was done is taken as given, and replayed.
    meta["undone"] = [{**{k: d[k] for k in ("index", "chosen", "seconds", "votes")},
                       **({"overrule": d["overrule"]} if "overrule" in d else {})} for d in record.get("undone", ())]
    learner = record.get("learner") or {}
    meta["home_page"] = learner.get("home_page")
    if learner.get("source") == "lms":  # the LMS named the learner: taken as given
        meta["lms_learner"] = learner
    try:
        again = build_record(run, story, meta)
    except ValueError as exc:
        return Replay(False, f"it cannot be rebuilt: {exc}", story)
    # Who chose follows from the mode, session and trainee (older records do not say: not compared).
    keys = DERIVED + tuple(k for k in ("chooser", "learner") if k in record)
    if "undone" in record or "undone" in again:
        keys += ("undone",)
    want = {k: again.get(k) for k in keys}
    if not any("order" in d for d in record["decisions"]):  # made before the order shown was kept
        for d in want["decisions"]:
            d.pop("order", None)
    got = {k: record.get(k) for k in keys}
    # Fields the file takes as given are compared as given (the replay was fed them).
    diff = _first_difference("record", got, want)
    if diff:
        return Replay(False, f"its figures do not follow from its decisions: {diff[len('record.'):]}", story)
    return Replay(True, "", story)
