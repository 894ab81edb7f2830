from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from game.authoring.conditions import ConditionError, lower, node_refs, parse, variables
from game.engine.conditions import EvalContext, evaluate


def ev(text, **vars_):
    return evaluate(parse(text), EvalContext(vars_, {"court-prep": 2}, {("d1", "listen")}))


@pytest.mark.parametrize("text, env, expected", [
    ("stress >= 70 and interviews > 2", {"stress": 70, "interviews": 3}, True),
    ("stress >= 70 and interviews > 2", {"stress": 69, "interviews": 3}, False),
    ("a == 1 or b == 2", {"a": 0, "b": 2}, True),
    ("not a == 1", {"a": 1}, False),
    ("not (a < 0)", {"a": 1}, True),
    ("a + 5 - b > 0", {"a": 1, "b": 6}, False),
    ("-a == -3", {"a": 3}, True),
    ("visited(court-prep)", {}, True),
    ("visited(court)", {}, False),
    ("visits(court-prep) == 2", {}, True),
    ("chose(d1, listen) and not chose(d1, question)", {}, True),
    ("true and not false", {}, True),
    ("a or b and c", {"a": 1, "b": 0, "c": 0}, True),  # and binds tighter than or
])
def test_evaluation(text, env, expected):
    assert bool(ev(text, **env)) is expected
    # the compact form the compiler writes (format 2) gives the same answer
    ctx = EvalContext(env, {"court-prep": 2}, {("d1", "listen")})
    assert bool(evaluate(lower(parse(text)), ctx)) is expected


def test_the_compact_form():
    assert lower(parse("stress >= 95 and not visited(s0)")) == ["and", [">=", "stress", 95], ["not", ["visited", "s0"]]]
    assert lower(parse("chose(d1, listen) or -a + 2 == 0")) == ["or", ["chose", "d1", "listen"],
                                                                ["==", ["+", ["-", "a"], 2], 0]]
    assert lower(parse("true")) is True and lower(parse("7")) == 7 and lower(parse("trust")) == "trust"


@pytest.mark.parametrize("bad", [[], ["and", 1], ["nand", 1, 2], ["visited"], ["-", 1, 2, 3], None, 1.5, {"op": "?"}])
def test_a_malformed_compact_condition_is_a_value_error(bad):
    with pytest.raises(ValueError, match="malformed"):
        evaluate(bad, EvalContext({}, {}, set()))


@pytest.mark.parametrize("text, column", [
    ("a = 1", 3), ("a >", 4), ("visited(X)", 9), ("foo(x)", 1), ("1 < 2 < 3", 7), ("", 1),
    ("(a > 1", 7), ("a > 1)", 6), ("visits(a, b)", 1), ("3a", 2), ("a $ b", 3),
])
def test_parse_errors_have_columns(text, column):
    with pytest.raises(ConditionError) as exc:
        parse(text)
    assert exc.value.offset + 1 == column


def test_references():
    tree = parse("stress > 3 and visited(court-prep) or chose(n1, c) and trust < x")
    assert variables(tree) == {"stress", "trust", "x"}
    assert node_refs(tree) == {"court-prep", "n1"}


def test_depth_and_length_are_bounded():
    with pytest.raises(ConditionError, match="nested"):
        parse("(" * 60 + "a" + ")" * 60)
    with pytest.raises(ConditionError, match="longer"):
        parse("a and " * 200 + "a")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab01 ()<>=!+-notrudvise,", max_size=40))
def test_parser_only_raises_condition_error(text):
    try:
        tree = parse(text)
    except ConditionError:
        return
    # the compact form evaluates exactly as the tree does
    ctx = EvalContext({"a": 1, "b": -2, "n": 0, "o": 3, "t": 5, "r": 0, "u": 1, "d": 2, "v": 4, "i": 0, "s": 7, "e": 9},
                      {"a": 1}, {("a", "b")})
    try:
        expected = evaluate(tree, ctx)
    except ValueError:
        with pytest.raises(ValueError):
            evaluate(lower(tree), ctx)
        return
    assert evaluate(lower(tree), ctx) == expected
