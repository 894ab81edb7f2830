"""The record's two descriptions agree: ``game/exports/shape.py`` (what the game checks, stdlib only)
and ``scenarios/schema/export.schema.json`` (what others validate against). Like the scenario
schema's "committed = generated" test: a field added to one and not the other fails here.

The schema also documents what shape.py leaves to code in record.py (the format and version, the
signature, the learner and chooser, each decision's shown order); ``CHECKED_IN_RECORD_PY`` names
those, and a test checks record.py does check them.
"""

from __future__ import annotations

import json

import pytest

from game.exports import record, shape
from game.exports.record import build_record
from tests.exports.helpers import SCHEMA_PATH, meta, played, story

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

# Fields the schema documents and shape.py does not hold, because record.py checks them in code.
CHECKED_IN_RECORD_PY = {"format", "record_version", "signature", "learner", "chooser", "decisions[].order",
                       "undone[].order"}
NULL = {"type": "null"}


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _kind(node: dict) -> str:
    """A JSON value's kind in the schema: int, number, str, bool, object or array."""
    node = _resolve(node)
    if "const" in node or "enum" in node:
        values = node.get("enum", [node.get("const")])
        kinds = {type(v) for v in values}
        assert len(kinds) == 1, node
        return {str: shape.STR, int: shape.INT, bool: shape.BOOL}[kinds.pop()]
    return {"string": shape.STR, "integer": shape.INT, "number": shape.NUM, "boolean": shape.BOOL,
            "object": "object", "array": "array"}[node["type"]]


def _nullable(node: dict) -> tuple[bool, dict]:
    """(may it be null, the schema of its non-null value)."""
    node = _resolve(node)
    if "oneOf" in node:
        others = [n for n in node["oneOf"] if n != NULL]
        assert len(others) == 1 and len(node["oneOf"]) == 2, node
        return True, others[0]
    if isinstance(node.get("type"), list):
        types = [t for t in node["type"] if t != "null"]
        assert len(types) == 1, node
        return "null" in node["type"], {**node, "type": types[0]}
    return False, node


def from_schema(node: dict, where: str):
    """The schema at ``node`` written as a shape.py spec (which says "optional" for "may be null")."""
    nullable, node = _nullable(node)
    kind = _kind(node)
    node = _resolve(node)
    if kind == "array":
        spec = shape.list_of(from_schema(node["items"], f"{where}[]"))
    elif kind == "object" and isinstance(node.get("additionalProperties"), dict):
        spec = shape.map_of(from_schema(node["additionalProperties"], f"{where}.*"))
    elif kind == "object":
        assert node.get("additionalProperties") is False, f"{where}: an object should list its fields"
        required = set(node.get("required", ()))
        assert required <= set(node["properties"]), where
        spec = {}
        for key, sub in node["properties"].items():
            path = f"{where}.{key}".lstrip(".")
            if path in CHECKED_IN_RECORD_PY:
                continue
            value = from_schema(sub, path)
            spec[key] = value if key in required else ("absent", value)
    else:
        spec = kind
    return shape.opt(spec) if nullable else spec


def _union(a, b):
    """The shape that fits both versions: a key of either; one that either may leave out may be absent."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = {}
        for key in {**a, **b}:
            if key in a and key in b:
                out[key] = _union(a[key], b[key])
            else:
                sub = a.get(key, b.get(key))
                out[key] = sub if isinstance(sub, tuple) and sub[0] == "absent" else ("absent", sub)
        return out
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0]:
        return (a[0], _union(a[1], b[1]))
    assert a == b, (a, b)
    return a


def _normal(spec):
    """Specs compared as plain data: tuples as lists, keys sorted."""
    if isinstance(spec, dict):
        return {k: _normal(v) for k, v in sorted(spec.items())}
    if isinstance(spec, tuple):
        return [spec[0], _normal(spec[1])]
    return spec


def _differences(a, b, where=""):
    """Where two normalised specs differ, as readable lines (for the failure message)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b)):
            path = f"{where}.{key}".lstrip(".")
            if key not in a:
                out.append(f"{path}: in the schema only")
            elif key not in b:
                out.append(f"{path}: in shape.py only")
            else:
                out += _differences(a[key], b[key], path)
        return out
    if isinstance(a, list) and isinstance(b, list) and a[0] == b[0]:  # ["list", spec] and the like
        return _differences(a[1], b[1], f"{where}[]" if a[0] == "list" else where)
    return [] if a == b else [f"{where}: shape.py says {a}, the schema says {b}"]


def test_shape_and_schema_describe_the_same_record():
    in_shape = _normal(_union(shape.RECORD, shape.RECORD_V1))
    in_schema = _normal(from_schema(SCHEMA, ""))
    assert not _differences(in_shape, in_schema), "\n".join(_differences(in_shape, in_schema))


def test_the_fields_left_to_record_py_are_checked_there():
    top = {name for name in CHECKED_IN_RECORD_PY if "." not in name}
    assert top <= record.TOP_LEVEL_KEYS
    assert top.isdisjoint(shape.RECORD) and "order" not in shape.DECISION
    assert set(SCHEMA["properties"]) == record.TOP_LEVEL_KEYS  # no top-level field the reader would refuse


def test_the_comparison_can_fail():
    """A field the schema lacks, and one whose type differs, are both reported."""
    changed = {**shape.RECORD, "decisions": shape.list_of({**shape.DECISION, "new_field": shape.STR,
                                                           "earned": shape.STR})}
    changed_v1 = {**changed, "rights": shape.RECORD_V1["rights"]}
    lines = _differences(_normal(_union(changed, changed_v1)), _normal(from_schema(SCHEMA, "")))
    assert any("new_field: in shape.py only" in line for line in lines)
    assert any(line.startswith("decisions[].earned: shape.py says str, the schema says int") for line in lines)


@pytest.mark.parametrize("room", [False, True])
def test_a_built_record_has_exactly_the_decision_fields_the_shape_names(room):
    """build_record takes a decision's fields from DecisionRecord.to_dict(): every one of them must be
    a field of the record's decision (in shape.py, or ``order``, which record.py checks)."""
    rec = build_record(played(3, votes=room, seconds=room), story(), meta())
    known = set(shape.DECISION) | {"order"}
    for d in rec["decisions"]:
        assert set(d) <= known, set(d) - known
        required = {k for k, v in shape.DECISION.items() if not (isinstance(v, tuple) and v[0] == "absent")}
        assert required <= set(d)
