"""The compiled story: loading, the version gate and a structural check.

A story is produced by the compiler (``rightspath compile``) and read here. Everything the runtime
touches is checked once at load, so a corrupt or foreign file fails with one clear sentence instead
of a KeyError halfway through a playthrough.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from game.engine import safeio
from game.engine.bounds import bounded_variables
from game.engine.conditions import COMPARISONS, FUNCTIONS
from game.engine.vocab import STAGES, VERDICTS

# Verdicts each story format may use: "misses" came with format 3.
_FORMAT_2_VERDICTS = ("upholds", "breaches")

FORMAT = "rightspath-story"
# What the compiler writes today. 2: conditions in the compact form; 3: the verdict "misses" and a
# decision's "discuss" as {"before": [...], "after": [...]} (a list in formats 1-2: all "before");
# 4: the node kind "assessment" and the condition assessed(); the compiler writes 4 (and asks for
# reader 4) only for a story that has an assessment, and 3 otherwise.
FORMAT_VERSION = 4
READER_VERSION = 4  # the newest min_reader_version this engine understands
# The format_version and min_reader_version the compiler writes for a story without an assessment
# node: format 1 readers cannot evaluate compact conditions, format 2 readers refuse "misses" and
# would take the discussion object for a list. A story with one gets FORMAT_VERSION for both.
WRITES_MIN_READER = 3
OLDEST_FORMAT = 1  # the oldest format_version this engine still reads


class StoryError(ValueError):
    """A story file that cannot be used, with a message a person can act on."""


def canonical_json(data: Any, *, allow_nan: bool = True) -> str:
    """The one canonical serialisation (sorted keys, compact separators, UTF-8 characters kept): for
    hashing, compiled files and every export. ``allow_nan=False`` (records, signatures, statements):
    a NaN or an infinity is a ValueError, never written as the non-JSON ``NaN``."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=allow_nan)


def content_hash(story: dict) -> str:
    body = {k: v for k, v in story.items() if k != "content_hash"}
    return "sha256:" + hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


class Story:
    """A loaded, checked story. ``data`` is the JSON object; nodes are plain dicts.

    ``verify_hash`` recomputes the content hash: tools and the web build do (it doubles the load
    time of a large story), the game's start-up does not. The hash identifies content; it is not a
    signature — exports carry their own HMAC.
    """

    def __init__(self, data: dict, *, source: str = "<story>", verify_hash: bool = False):
        self.source = source
        try:
            _check(data, source)
        except (AttributeError, TypeError, KeyError) as exc:  # a value of the wrong type somewhere
            raise StoryError(f"{source}: the story file is malformed ({type(exc).__name__}: {exc}); "
                             "compile the scenario again") from None
        if verify_hash and data.get("content_hash") != content_hash(data):
            raise StoryError(
                f"{source}: the story's content does not match its content hash — it was changed after "
                "it was compiled. Compile the scenario again with 'rightspath compile'."
            )
        self.data = data
        self.nodes: dict[str, dict] = data["nodes"]
        self.scenario: dict = data["scenario"]
        self.id: str = self.scenario["id"]
        self.version: str = self.scenario["version"]
        self.hash: str = data["content_hash"]
        self.start: str = data["start"]
        # Clamped to ±bounds.VARIABLE_LIMIT (CONTRACTS §5); ``data`` keeps what the file holds.
        self.variables: dict[str, dict] = bounded_variables(data.get("variables", {}))
        self.characters: dict[str, dict] = data.get("characters", {})
        self.rights: dict[str, dict] = data.get("rights", {})
        self.mastery: float = float(self.scenario.get("mastery", 0.7))
        self.title: str = self.scenario.get("title", self.id)

    @classmethod
    def from_json(cls, text: str | bytes, *, source: str = "<story>", verify_hash: bool = False) -> "Story":
        try:
            data = safeio.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise StoryError(f"{source}: not a valid JSON story file ({exc})") from None
        return cls(data, source=source, verify_hash=verify_hash)

    @classmethod
    def from_file(cls, path: str | Path, *, verify_hash: bool = False) -> "Story":
        path = Path(path)
        try:
            raw = safeio.read_regular(path)
        except OSError as exc:
            raise StoryError(f"{path}: cannot read the story file ({exc.strerror or exc})") from None
        return cls.from_json(raw, source=str(path), verify_hash=verify_hash)

    def right(self, right_id: str) -> dict:
        return self.rights.get(right_id, {"title": right_id, "text": "", "citation": f"Art. {right_id}"})

    def decision_ids(self) -> list[str]:
        return [nid for nid in self.order() if self.nodes[nid]["kind"] == "decision"]

    def order(self) -> list[str]:
        return list(self.data.get("order") or self.nodes)

    def stages(self) -> list[str]:
        return list(self.scenario.get("stages") or [s for s in STAGES if any(
            n.get("stage") == s for n in self.nodes.values())])


def _check(data: Any, source: str) -> None:
    def fail(msg: str) -> None:
        raise StoryError(f"{source}: {msg}")

    if not isinstance(data, dict):
        fail("a story file must hold a JSON object")
    if data.get("format") != FORMAT:
        fail(f"this is not a RightsPath story (format is {data.get('format')!r}, expected {FORMAT!r})")
    version, needs = data.get("format_version"), data.get("min_reader_version")
    if not isinstance(version, int) or not isinstance(needs, int):
        fail("format_version and min_reader_version must be whole numbers")
    if needs > READER_VERSION:
        fail(
            f"this story needs a newer RightsPath (story format {version}, needs reader {needs}; "
            f"this version reads up to {READER_VERSION}). Update RightsPath."
        )
    if version < OLDEST_FORMAT:
        fail(f"this story's format {version} is too old (oldest supported: {OLDEST_FORMAT}); compile it again")
    for key, kind in (("scenario", dict), ("nodes", dict), ("start", str), ("content_hash", str)):
        if not isinstance(data.get(key), kind):
            fail(f"'{key}' is missing or has the wrong type")
    scenario = data["scenario"]
    for key in ("id", "version", "title"):
        if not isinstance(scenario.get(key), str):
            fail(f"scenario.{key} is missing")
    nodes = data["nodes"]
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        fail("'variables' must be an object")
    for name, var in variables.items():
        if not (isinstance(var, dict) and all(isinstance(var.get(k), int) for k in ("start", "min", "max"))):
            fail(f"variable {name!r} needs whole-number start, min and max")
        if not var["min"] <= var["start"] <= var["max"]:
            fail(f"variable {name!r} starts outside its range")
    if data["start"] not in nodes:
        fail(f"the start node {data['start']!r} does not exist")

    # This loop runs on every start of the game, over every node: it builds no message unless a check
    # fails, so a large story loads in little more than json.loads' time. One check per node kind.
    at = _At(nodes, variables, version, fail)
    checks = _NODE_CHECKS if version >= 4 else _NODE_CHECKS_BEFORE_4
    for nid, node in nodes.items():
        kind = node.get("kind") if isinstance(node, dict) else None
        check = checks.get(kind)
        if check is not None:
            check(nid, node, at)
        elif kind == "assessment":
            fail(f"node {nid!r} is an assessment, which needs story format 4 (this file says {version})")
        else:
            fail(f"node {nid!r} has no valid kind")


class _At:
    """What every node's check needs: the story's nodes and variables, its format, and ``fail``."""

    __slots__ = ("nodes", "variables", "version", "verdicts", "fail")

    def __init__(self, nodes: dict, variables: dict, version: int, fail):
        self.nodes, self.variables, self.version, self.fail = nodes, variables, version, fail
        self.verdicts = VERDICTS if version >= 3 else _FORMAT_2_VERDICTS

    def target(self, nid: str, where: str, value: Any) -> None:
        if value not in self.nodes:
            self.fail(f"node {nid!r}: {where} points to unknown node {value!r}")


def _check_scene(nid: str, node: dict, at: _At) -> None:
    if not isinstance(node.get("lines"), list):
        at.fail(f"scene {nid!r} has no lines")
    at.target(nid, "next", node.get("next"))


def _check_decision(nid: str, node: dict, at: _At) -> None:
    fail, isinst = at.fail, isinstance
    choices = node.get("choices")
    if not isinst(choices, list) or not choices:
        fail(f"decision {nid!r} has no choices")
    if node.get("order", "shuffled") not in ("shuffled", "fixed"):
        fail(f"decision {nid!r}: order must be 'shuffled' or 'fixed', not {node.get('order')!r}")
    if "discuss" in node:
        _check_discuss(node["discuss"], at.version, fail, nid)
    seen = set()
    for ch in choices:
        cid = ch.get("id") if isinst(ch, dict) else None
        if not isinst(cid, str):
            fail(f"decision {nid!r} has a choice without an id")
        if cid in seen:
            fail(f"decision {nid!r} has two choices called {cid!r}")
        seen.add(cid)
        at.target(nid, f"choice {cid!r}", ch.get("next"))
        for eff in ch.get("effects", ()):
            if eff.get("var") not in at.variables or not isinst(eff.get("delta"), int):
                fail(f"decision {nid!r}, choice {cid!r}: bad effect {eff!r}")
        for a in ch.get("assess", ()):
            if a.get("verdict") not in at.verdicts or not isinst(a.get("weight"), int):
                fail(f"decision {nid!r}, choice {cid!r}: bad assessment {a!r}")
        for key in ("show_if", "enable_if"):
            if ch.get(key) is not None:
                _check_condition(ch[key], at.variables, fail, f"decision {nid!r}, choice {cid!r}, {key}")


def _check_branch(nid: str, node: dict, at: _At) -> None:
    for case in node.get("cases", ()):
        if not isinstance(case.get("when"), (list, dict, str, int)):
            at.fail(f"branch {nid!r} has a case without a condition")
        _check_condition(case["when"], at.variables, at.fail, f"branch {nid!r}, a case")
        at.target(nid, "a case", case.get("next"))
    at.target(nid, "else", node.get("else"))


def _check_ending(nid: str, node: dict, at: _At) -> None:
    """An ending needs nothing the engine reads without a default."""


def _check_assessment(node: dict, nid: str, nodes: dict, variables: dict, fail) -> None:
    """An assessment node (format 4): sections and measures of items with unique ids, each with
    applies (bool), assess ([{right, weight}]) and feedback; effects good/poor; next; revises."""
    if node.get("next") not in nodes:
        fail(f"node {nid!r}: next points to unknown node {node.get('next')!r}")
    if "revises" in node and nodes.get(node["revises"], {}).get("kind") != "assessment":
        fail(f"assessment {nid!r}: revises {node['revises']!r}, which is not an assessment")
    if node.get("order", "shuffled") not in ("shuffled", "fixed"):
        fail(f"assessment {nid!r}: order must be 'shuffled' or 'fixed', not {node.get('order')!r}")
    if "discuss" in node:
        _check_discuss(node["discuss"], 4, fail, nid)
    sections = node.get("sections")
    measures = node.get("measures")
    if not isinstance(sections, list) or not isinstance(measures, dict):
        fail(f"assessment {nid!r} needs 'sections' (a list) and 'measures' (an object)")
    seen: set[str] = set()
    for section in [*sections, measures]:
        if not isinstance(section, dict) or not isinstance(section.get("items"), list) or not section["items"]:
            fail(f"assessment {nid!r} has a section without items")
        for item in section["items"]:
            iid = item.get("id") if isinstance(item, dict) else None
            if not isinstance(iid, str) or iid in seen:
                fail(f"assessment {nid!r}: an item without an id, or an id used twice ({iid!r})")
            seen.add(iid)
            if not isinstance(item.get("applies"), bool) or item.get("if_missed", "misses") not in ("misses", "breaches"):
                fail(f"assessment {nid!r}, item {iid!r}: applies must be true or false, if_missed misses or breaches")
            for a in item.get("assess", ()):
                if not isinstance(a.get("right"), str) or not isinstance(a.get("weight"), int):
                    fail(f"assessment {nid!r}, item {iid!r}: bad assessment {a!r}")
    effects = node.get("effects", {})
    if not isinstance(effects, dict) or not set(effects) <= {"good", "poor"}:
        fail(f"assessment {nid!r}: effects must be an object with 'good' and/or 'poor'")
    for band, effs in effects.items():
        for eff in effs:
            if eff.get("var") not in variables or not isinstance(eff.get("delta"), int):
                fail(f"assessment {nid!r}, effects {band}: bad effect {eff!r}")


def discussion(node: dict) -> tuple[list[str], list[str]]:
    """A decision's discussion prompts for facilitated play: (questions for before the room votes,
    points for after the choice is revealed). Formats 1-2 had one list: all of it is "before"."""
    d = node.get("discuss")
    if not d:
        return [], []
    if isinstance(d, list):
        return list(d), []
    return list(d.get("before", ())), list(d.get("after", ()))


def _check_discuss(value: Any, version: int, fail, nid: str) -> None:
    def texts(v: Any) -> bool:
        return isinstance(v, list) and all(isinstance(t, str) for t in v)

    # a list (formats 1-2, still read) is all "before"; format 3 writes {"before": [...], "after": [...]}
    if texts(value):
        return
    if not (version >= 3 and isinstance(value, dict) and set(value) <= {"before", "after"}
            and all(map(texts, value.values()))):
        fail(f"decision {nid!r}: discuss must be a list of texts, or (format 3) an object with lists of texts "
             "'before' and 'after'")


_ARITY = {"and": 2, "or": 2, "+": 2, "-": (1, 2), "not": 1, **{op: 2 for op in COMPARISONS}}


def _check_condition(cond: Any, variables: dict, fail, where: str) -> None:
    """A compiled condition (compact form, or a format 1 tree) the engine can evaluate: known
    operators with the right number of operands, known variables, node and choice ids as strings.
    A hand-edited story is refused here, with the place, instead of failing mid-playthrough."""
    def bad(why: str) -> None:
        fail(f"{where}: {why} (in the condition {_short(cond)}); compile the scenario again")

    def walk(c: Any) -> None:
        if type(c) in (int, bool):
            return
        if isinstance(c, str):
            if c not in variables:
                bad(f"the condition reads unknown variable {c!r}")
            return
        if isinstance(c, dict):
            return walk_tree(c)
        if not isinstance(c, list) or not c or not isinstance(c[0], str):
            bad(f"{_short(c)} is not a condition")
        head, args = c[0], c[1:]
        if head in FUNCTIONS:
            if len(args) != FUNCTIONS[head] or not all(isinstance(a, str) for a in args):
                bad(f"{head}() takes {FUNCTIONS[head]} id(s)")
            return
        arity = _ARITY.get(head)
        if arity is None:
            bad(f"unknown operator {head!r}")
        if len(args) not in (arity if isinstance(arity, tuple) else (arity,)):
            bad(f"{head!r} takes {arity if not isinstance(arity, tuple) else ' or '.join(map(str, arity))} operand(s)")
        for a in args:
            walk(a)

    def walk_tree(c: dict) -> None:
        if "num" in c:
            if type(c["num"]) is not int:
                bad(f"{_short(c)} is not a whole number")
        elif "bool" in c:
            if not isinstance(c["bool"], bool):
                bad(f"{_short(c)} is not true or false")
        elif "var" in c:
            if not isinstance(c["var"], str) or c["var"] not in variables:
                bad(f"the condition reads unknown variable {c['var']!r}")
        elif "fn" in c:
            fn, args = c["fn"], c.get("args")
            if fn not in FUNCTIONS or not isinstance(args, list) or len(args) != FUNCTIONS[fn] \
                    or not all(isinstance(a, str) for a in args):
                bad(f"unknown or malformed function {fn!r}")
        else:
            op, args = c.get("op"), c.get("args")
            arity = _ARITY.get(op) if isinstance(op, str) else None
            if arity is None:
                bad(f"unknown operator {op!r}")
            if not isinstance(args, list) or len(args) not in (arity if isinstance(arity, tuple) else (arity,)):
                bad(f"{op!r} has the wrong number of operands")
            for a in args:
                if not isinstance(a, dict):
                    bad(f"{_short(a)} is not a condition")
                walk_tree(a)

    walk(cond)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict, str)) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# The check for each node kind; an assessment node exists from story format 4.
_NODE_CHECKS_BEFORE_4 = {"scene": _check_scene, "decision": _check_decision, "branch": _check_branch,
                         "ending": _check_ending}
_NODE_CHECKS = {**_NODE_CHECKS_BEFORE_4,
                "assessment": lambda nid, node, at: _check_assessment(node, nid, at.nodes, at.variables, at.fail)}
