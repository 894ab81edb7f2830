"""The record's shape, checked field by field (the code twin of scenarios/schema/export.schema.json).

Stdlib only (the browser has no jsonschema). Every field that exports, the LRS code and the report
read is checked here, so a hand-edited or damaged file is refused with the field's path instead of
failing later with a KeyError.
"""

from __future__ import annotations

from typing import Any

INT, NUM, STR, BOOL = "int", "number", "str", "bool"


class ShapeError(ValueError):
    pass


def opt(spec):
    return ("optional", spec)


def absent_or(spec):
    """A key that may be left out (an additive field: older records and runs without it lack it)."""
    return ("absent", spec)


def list_of(spec):
    return ("list", spec)


def map_of(spec):
    return ("map", spec)


VERDICT = {"right": STR, "verdict": STR, "weight": INT}
# An assessment's item (issue 19): marked is the input, the rest is derived (game/engine/assessment.py).
ITEM = {"id": STR, "section": STR, "measure": BOOL, "marked": BOOL, "applies": BOOL, "result": STR, "value": INT,
        "verdicts": list_of(VERDICT)}
DECISION = {
    "index": INT, "node": STR, "stage": STR, "role": STR, "shown": list_of(STR), "disabled": list_of(STR),
    "chosen": STR, "votes": opt(map_of(INT)), "seconds": opt(NUM), "earned": INT, "best": INT, "worst": INT,
    "recommended": BOOL, "best_choices": list_of(STR), "verdicts": list_of(VERDICT), "deltas": map_of(INT),
    # A live room (issue 18): the facilitator played another option than the room's, and said why.
    "overrule": absent_or({"room_choice": STR, "reason": STR}),
    # An individual assessment (issue 19): kind "assessment" and its items; absent for a decision.
    "kind": absent_or(STR),
    "items": absent_or(list_of(ITEM)),
}
RECORD = {
    "generator": STR, "trainee": STR, "session": STR, "role": opt(STR), "country": opt(STR),
    "organisation_type": opt(STR),
    "scenario": {"id": STR, "version": STR, "content_hash": STR, "title": STR, "language": STR},
    "mode": STR, "language": STR, "seed": INT, "started_at": STR, "ended_at": STR,
    "decisions": list_of(DECISION),
    "rights": map_of({"upheld": INT, "breached": INT, "not_used": INT, "missed": INT}),
    "score": {"decisions": INT, "earned": INT, "best": INT, "worst": INT, "scaled": NUM, "mastery": NUM,
              "passed": BOOL, "recommended": INT, "recommended_share": NUM},
    "finished": BOOL,
    "ending": opt({"id": STR, "outcome": opt(STR), "title": STR}),
    "outcome": opt(STR),
    "variables": map_of(INT),
    # Issue 15: the room's choices the facilitator played and then undid, in the order undone; each a
    # decision entry (its index is the decision it was taken at). Absent when nothing was undone.
    "undone": absent_or(list_of(DECISION)),
}

# Record version 1 (before the verdict "misses"): no not_used count per right.
RECORD_V1 = {**RECORD, "rights": map_of({"upheld": INT, "breached": INT, "missed": INT})}
# The verdicts each record version may hold.
VERDICTS_BY_VERSION = {1: ("upholds", "breaches"), 2: ("upholds", "breaches", "misses")}


def _is(value: Any, kind: str) -> bool:
    if kind == BOOL:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if kind == INT:
        return isinstance(value, int)
    if kind == NUM:
        return isinstance(value, (int, float))
    return isinstance(value, str)


def check(value: Any, spec: Any, where: str) -> None:
    """Raise ShapeError naming the first field (``decisions[2].verdicts[0].weight``) that does not fit."""
    if isinstance(spec, str):
        if not _is(value, spec):
            raise ShapeError(f"{where} should be {'a' if spec != INT else 'an'} {spec}, not {type(value).__name__}")
    elif isinstance(spec, dict):
        if not isinstance(value, dict):
            raise ShapeError(f"{where} should be an object")
        for key, sub in spec.items():
            if key not in value and isinstance(sub, tuple) and sub[0] == "absent":
                continue
            if key not in value:
                raise ShapeError(f"{where}.{key} is missing".lstrip("."))
            check(value[key], sub, f"{where}.{key}".lstrip("."))
    elif spec[0] == "absent":
        check(value, spec[1], where)
    elif spec[0] == "optional":
        if value is not None:
            check(value, spec[1], where)
    elif spec[0] == "list":
        if not isinstance(value, list):
            raise ShapeError(f"{where} should be a list")
        for i, item in enumerate(value):
            check(item, spec[1], f"{where}[{i}]")
    elif spec[0] == "map":
        if not isinstance(value, dict):
            raise ShapeError(f"{where} should be an object")
        for key, item in value.items():
            check(item, spec[1], f"{where}.{key}")
