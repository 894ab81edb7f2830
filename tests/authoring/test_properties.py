"""Property tests: whatever an author's editor does to a valid file, the toolchain answers with
diagnostics, never an exception; and whatever it accepts, the engine can load and play."""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring.compiler import build_story, to_bytes
from game.authoring.checking import check_scenario
from game.authoring.diagnostics import Diagnostic
from game.engine import Run, Story
from tests.authoring.helpers import VALID, VALID_STORY

SOURCE = VALID_STORY.read_text(encoding="utf-8")
LINES = SOURCE.splitlines(keepends=True)
WORK = Path(tempfile.mkdtemp(prefix="rightspath-props-"))
shutil.copytree(VALID / "rights", WORK / "rights")
TARGET = WORK / "fixture-story.yaml"

REPLACEMENTS = ["[1, 2]", "{a: 1}", "null", "''", "12", "-3", "true", "x y", "'quoted'", "&a 1", "*a", "[*a]",
                "{kind: ending}", "ending", "first_contact", "how-to-start", "1.5", "2012-01-01", "\"\\u0000\"",
                "|\n  block", ">-", "!!str 3", "!!binary aGk=", "[[[[[]]]]]", "'visited(arrival) and'"]


@st.composite
def mutated(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "char", "value", "indent"]))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "char":
            line = lines[i]
            k = draw(st.integers(0, max(len(line) - 1, 0)))
            ch = draw(st.sampled_from(list(":-[]{}#&*!|>'\"\t ,%@`") + ["x", "0", "é", "\u00a0"]))
            lines[i] = line[:k] + ch + line[k + 1:]
        elif op == "value":
            line = lines[i]
            if ": " in line:
                key = line.split(": ", 1)[0]
                lines[i] = f"{key}: {draw(st.sampled_from(REPLACEMENTS))}\n"
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", "  ", "    ", " "])) + lines[i].lstrip(" ")
    return "".join(lines)


def _check(text: str):
    TARGET.write_text(text, encoding="utf-8")
    return check_scenario(str(TARGET))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutations_give_diagnostics_never_exceptions(text):
    result = _check(text)
    assert all(isinstance(d, Diagnostic) for d in result.diagnostics)
    for d in result.diagnostics:
        assert d.line >= 1 and d.col >= 1
        assert d.code[0] in "EW" and d.message
    if result.ok:
        # Accepted content must compile and run in the real engine.
        story = Story.from_json(to_bytes(build_story(result.model, result.catalogues)).decode("utf-8"))
        run = Run(story, seed=0)
        for _ in range(200):
            if run.ended:
                break
            if run.kind == "scene":
                run.advance()
            else:
                enabled = [c.id for c in run.choices() if c.enabled]
                if not enabled:
                    break  # conditions can hide every choice; the engine's own tests cover that
                run.choose(enabled[0])


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_diagnostics(raw):
    TARGET.write_bytes(raw)
    result = check_scenario(str(TARGET))
    assert result.diagnostics and not result.ok


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\" \n#,?") ), max_size=200))
def test_yaml_punctuation_soup_gives_diagnostics(text):
    result = _check(text)
    assert result.diagnostics and not result.ok

DATA = yaml.safe_load(SOURCE)
IDS = [n["id"] for n in DATA["nodes"]] + ["nowhere", "Bad Id"]
POOL = IDS + ["trust", "stress", "nobody", 0, -200, 7, True, None, [], {}, "x >= ", "visited(nowhere)",
              "chose(how-to-start, nope)", "trust > 10", "20(b)", "99(9)", "court", "first_contact", "ending"]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


@st.composite
def mutated_data(draw):
    data = copy.deepcopy(DATA)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for segment in path[:-1]:
            parent = parent[segment]
        op = draw(st.sampled_from(["replace", "delete", "move"]))
        if op == "replace":
            parent[path[-1]] = draw(st.sampled_from(POOL))
        elif op == "delete":
            del parent[path[-1]]
        elif isinstance(parent, list) and len(parent) > 1:
            parent.insert(draw(st.integers(0, len(parent) - 1)), parent.pop(path[-1]))
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@settings(max_examples=300, deadline=None)
@given(mutated_data())
def test_data_mutations_reach_lint_and_never_raise(text):
    result = _check(text)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 for d in result.diagnostics)
    if result.ok:
        Story.from_json(to_bytes(build_story(result.model, result.catalogues)).decode("utf-8"))
