from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from game.engine.conditions import ConditionError, EvalContext, evaluate, node_refs, parse, to_text, variables


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
    # whatever parses renders back to text that parses to the same tree
    assert parse(to_text(tree)) == tree
