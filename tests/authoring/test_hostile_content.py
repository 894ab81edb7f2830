"""Hostile content (issue 11, rows H3, R9, R3, R2 of the author review): each through the real
command line, each a clear file:line message or a game that still plays."""

from __future__ import annotations

import json

import pytest

from game.engine import Run, Story
from game.engine.story import content_hash
from tests.authoring.hostile import cli, draft

HUGE = 10 ** 100


# -- R9: variable ranges are bounded --------------------------------------------------------------

@pytest.mark.parametrize("spec", [f"{{start: {HUGE}, min: 0, max: {HUGE}, label: \"Trust\"}}",
                                  f"{{start: 50, min: -{HUGE}, max: 100, label: \"Trust\"}}",
                                  "{start: 50, min: 0, max: 1000001, label: \"Trust\"}"])
def test_validate_refuses_a_variable_range_beyond_the_bound(tmp_path, spec):
    path = draft(tmp_path, replace={'{start: 50, min: 0, max: 100, label: "Trust"}': spec})
    out = cli("validate", str(path))
    text = out.stdout + out.stderr
    assert out.returncode == 1, text
    assert "draft.yaml:13:" in text and "1000000" in text.replace(",", "").replace("_", "")
    assert "Traceback" not in text


def _huge_story(tmp_path) -> "Path":
    path = draft(tmp_path)
    out = cli("compile", str(path))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    data["variables"]["trust"].update(start=HUGE - 5, min=-HUGE, max=HUGE)
    data["content_hash"] = content_hash(data)
    target = tmp_path / "huge.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def test_the_engine_clamps_a_range_it_reads_from_a_compiled_story(tmp_path):
    story = Story.from_file(_huge_story(tmp_path))
    limit = 1_000_000
    assert all(-limit <= story.variables["trust"][k] <= limit for k in ("start", "min", "max"))
    run = Run(story)
    assert run.variables["trust"] == limit
    run.advance()
    run.choose("explain")
    assert run.variables["trust"] == limit


def test_a_compiled_story_with_a_huge_range_plays_in_text_and_in_the_window(tmp_path):
    story = _huge_story(tmp_path)
    out = cli("play", "--text", str(story), "--choices", "explain")
    assert out.returncode == 0, out.stderr
    assert "SCORE CARD" in out.stdout and str(HUGE)[:20] not in out.stdout
    shots = tmp_path / "shots"
    head = cli("play", str(story), "--headless", "--choices", "explain", "--screenshots", str(shots),
               data_dir=tmp_path / "data")
    assert head.returncode == 0, head.stderr


# -- R3: a right id defined twice across catalogues, and prefixes that do not match ----------------

def _second_catalogue(folder, prefix: str, ids: list[str], instrument: str = "Directive 2011/93/EU"):
    rights = "".join(f'  - id: "{rid}"\n    title: "Right {rid}"\n    text: "What {rid} says."\n' for rid in ids)
    (folder / "rights" / "second.yaml").write_text(
        f'id: second\ninstrument: "{instrument}"\nshort_name: "Second"\nadopted: 2011-12-13\nsource: "test"\n'
        f'version: "test"\nprefix: "{prefix}"\nrights:\n{rights}', encoding="utf-8")


@pytest.mark.parametrize("order", ["[fixture-vrd, second]", "[second, fixture-vrd]"])
def test_the_same_right_id_in_two_catalogues_is_an_error(tmp_path, order):
    path = draft(tmp_path, replace={"rights: [fixture-vrd]": f"rights: {order}"})
    _second_catalogue(tmp_path, "", ["3(2)", "18"])  # a 2011/93 catalogue whose prefix was dropped
    out = cli("validate", str(path))
    text = out.stdout + out.stderr
    assert out.returncode == 1, text
    assert "E313" in text and "'3(2)'" in text and "Traceback" not in text
    # Reported where the second definition is, naming the first with its file and line.
    second, first = ("second.yaml:9:", "fixture-vrd.yaml:16") if order.startswith("[fixture") else \
        ("fixture-vrd.yaml:16:", "second.yaml:9")
    assert second in text and first in text.split("E313", 1)[1]
    assert cli("compile", str(path)).returncode == 1


@pytest.mark.parametrize("prefix, ids, instrument, line", [
    ("", ["2011/93:18"], "Directive 2011/93/EU", 9),     # ids carry a prefix the catalogue does not declare
    ("2011/36:", ["2011/36:18"], "Directive 2011/93/EU", 7),  # the prefix is another instrument's number
    ("2011/93", ["2011/93:18"], "Directive 2011/93/EU", 7),   # not of the form '2011/93:'
])
def test_a_prefix_that_does_not_match_the_ids_is_an_error(tmp_path, prefix, ids, instrument, line):
    (tmp_path / "rights").mkdir()
    _second_catalogue(tmp_path, prefix, ids, instrument)
    out = cli("validate", str(tmp_path / "rights" / "second.yaml"))
    text = out.stdout + out.stderr
    assert out.returncode == 1, text
    assert f"second.yaml:{line}:" in text and "E204" in text and "Traceback" not in text
