"""The compiler's output: the exact bytes (golden), determinism, and that the real engine plays it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.authoring.compiler import compile_path, to_bytes
from tests.support.stories import load_story_from_yaml
from game.engine import Run, Story, auto_choices
from game.engine.story import content_hash
from game.errors import UserError
from tests.authoring.helpers import INVALID, SCENARIOS, UPDATE_GOLDEN, VALID_STORY

TUTORIAL = SCENARIOS / "tutorial.yaml"


def _compiled(path: Path) -> bytes:
    story, diagnostics = compile_path(str(path))
    assert story is not None, "\n".join(d.render() for d in diagnostics)
    return to_bytes(story)


def _golden(path: Path, golden: Path) -> None:
    got = _compiled(path)
    if UPDATE_GOLDEN:
        golden.write_bytes(got)
    assert golden.exists(), f"no golden file {golden}; run with UPDATE_GOLDEN=1"
    assert got == golden.read_bytes(), (
        f"the compiled {path.name} differs from {golden.name}; if the scenario or the compiler changed on purpose, "
        "run UPDATE_GOLDEN=1 pytest tests/authoring/test_compiler.py and review the diff")


def test_fixture_story_matches_golden():
    _golden(VALID_STORY, VALID_STORY.with_suffix(".json"))


@pytest.mark.skipif(not TUTORIAL.exists(), reason="scenarios/tutorial.yaml is not written yet")
def test_tutorial_matches_golden():
    _golden(TUTORIAL, Path(__file__).parent / "golden" / "tutorial.json")


def test_two_compiles_give_the_same_bytes(tmp_path):
    first = _compiled(VALID_STORY)
    # a copy elsewhere (different path, fresh file times) compiles to the same bytes too
    copy = tmp_path / "fixture-story.yaml"
    shutil.copy(VALID_STORY, copy)
    shutil.copytree(VALID_STORY.parent / "rights", tmp_path / "rights")
    assert _compiled(copy) == first == _compiled(VALID_STORY)


def test_output_follows_the_contract():
    raw = _compiled(VALID_STORY)
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")
    story = json.loads(raw)
    assert story["format"] == "rightspath-story"
    # 2: compact conditions; 3: the verdict "misses" and discuss {before, after}
    assert story["format_version"] == 3 and story["min_reader_version"] == 3
    assert story["content_hash"] == content_hash(story)
    assert story["order"] == ["arrival", "how-to-start", "check-stress", "second-interview", "one-interview",
                              "guardian-choice", "supported-end", "hard-end"]
    assert story["scenario"]["stages"] == ["first_contact", "police_interview", "support_services", "after_trial"]
    assert story["scenario"]["catalogues"] == ["fixture-vrd", "fixture-trafficking"]
    # only cited rights, each with its citation; the article entry '20' is not cited
    assert sorted(story["rights"]) == ["1(2)", "20(b)", "2011/36:14(2)", "3(2)"]
    assert story["rights"]["20(b)"]["citation"] == "Art. 20(b) Directive 2012/29/EU"
    assert story["rights"]["2011/36:14(2)"]["citation"] == "Art. 14(2) Directive 2011/36/EU"
    nodes = story["nodes"]
    # text ids: line<N> by default, the explicit line id when given
    assert [ln["tid"] for ln in nodes["arrival"]["lines"]] == [
        "fixture-story:arrival:line0", "fixture-story:arrival:line1", "fixture-story:arrival:officer-hello"]
    assert nodes["arrival"]["lines"][0]["mood"] == "neutral"
    # decisions inherit the location of the nearest preceding scene in file order
    assert nodes["how-to-start"]["location"] == "police_station"
    assert nodes["guardian-choice"]["location"] == "interview_room"
    choice = nodes["how-to-start"]["choices"][1]
    assert choice["effects"] == [{"var": "trust", "delta": -10}, {"var": "stress", "delta": 10}]
    assert choice["show_if"] == ["visited", "arrival"]
    assert choice["enable_if"] == [">=", "trust", 20]
    # only what the runtime needs: no condition, no effects, no prompts means no key at all
    plain = nodes["how-to-start"]["choices"][0]
    assert "show_if" not in plain and "enable_if" not in plain
    assert all(ch.get("effects") != [] and ch.get("assess") != [] for n in nodes.values()
               for ch in n.get("choices", []))
    assert all(n.get("discuss") not in ([], {}) for n in nodes.values())
    assert all(isinstance(n["discuss"], dict) and set(n["discuss"]) <= {"before", "after"}
               and all(n["discuss"].values()) for n in nodes.values() if "discuss" in n)
    assert nodes["check-stress"]["cases"][0]["when"][0] == "and"
    assert nodes["check-stress"]["else"] == "one-interview"


def test_a_decision_before_any_scene_gets_the_default_location(tmp_path):
    text = (INVALID / "valid-base.yaml").read_text()
    text = text.replace("id: valid-base", "id: decision-first").replace("start: intro", "start: ask")
    shutil.copytree(INVALID / "rights", tmp_path / "rights")
    path = tmp_path / "decision-first.yaml"
    # move the scene after the decision, so no scene precedes it in file order
    scene_start = text.index("  - id: intro")
    decision_start = text.index("  - id: ask")
    ending_start = text.index("  - id: good-end")
    text = text[:scene_start] + text[decision_start:ending_start] + text[scene_start:decision_start] + text[ending_start:]
    text = text.replace("        next: bad-end", "        next: intro").replace("    next: ask", "    next: bad-end")
    path.write_text(text)
    story, diagnostics = compile_path(str(path))
    assert story is not None, [d.render() for d in diagnostics]
    assert story["nodes"]["ask"]["location"] == "office"


def test_the_engine_loads_and_plays_every_path():
    story = load_story_from_yaml(VALID_STORY)
    assert isinstance(story, Story) and story.id == "fixture-story"
    endings = set()
    for seed in range(30):
        run = Run(story, seed=seed)
        for choice in auto_choices(story, seed):
            while run.kind == "scene":
                run.advance()
            run.choose(choice)
        while run.kind == "scene":
            run.advance()
        assert run.ended
        endings.add(run.ending["outcome"])
    assert endings == {"supported", "retraumatised"}


def test_invalid_content_is_a_user_error_not_a_traceback():
    with pytest.raises(UserError) as info:
        load_story_from_yaml(INVALID / "e301-unknown-next.yaml")
    assert info.value.exit_code == 1
    assert "e301-unknown-next.yaml:38:15: error E301" in info.value.message


def test_warnings_do_not_block_compiling_unless_strict():
    story, diagnostics = compile_path(str(INVALID / "w403-no-assessment.yaml"))
    assert story is not None and [d.code for d in diagnostics] == ["W403"]
    story, diagnostics = compile_path(str(INVALID / "w403-no-assessment.yaml"), strict=True)
    assert story is None and [(d.code, d.severity) for d in diagnostics] == [("W403", "error")]


def test_a_line_without_a_mood_gets_neutral_or_the_speakers_first_mood(tmp_path):
    text = (INVALID / "valid-base.yaml").read_text().replace("id: valid-base", "id: moods")
    text = text.replace("moods: [neutral, worried]", "moods: [worried, sad]")
    text = text.replace('{speaker: mira, mood: worried, text: "Hello."}',
                        '{speaker: mira, text: "Hello."}\n      - {speaker: narrator, text: "She waits."}')
    shutil.copytree(INVALID / "rights", tmp_path / "rights")
    (tmp_path / "moods.yaml").write_text(text)
    story, diagnostics = compile_path(str(tmp_path / "moods.yaml"))
    assert story is not None, [d.render() for d in diagnostics]
    assert [ln["mood"] for ln in story["nodes"]["intro"]["lines"]] == ["worried", "neutral"]
