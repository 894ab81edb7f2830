"""compile: a translated story has the translations as its texts and the English story's structure,
so a seeded playthrough scores the same in every language."""

from __future__ import annotations

import copy
import json

import polib
import pytest

from game.engine import Story, auto_play, play_choices
from game.i18n.build import compile_translation, translated_stories
from game.i18n.storytexts import catalogue_finder, slots
from tests.i18n.conftest import ROOT, run_cli


def _finder(story, project_root):
    from game.authoring.checking import check_catalogue

    ids = {cid: {r.id for r in check_catalogue(str(project_root / f"scenarios/rights/{cid}.yaml")).model.rights}
           for cid in story["scenario"]["catalogues"]}
    return catalogue_finder(story["scenario"]["catalogues"], ids)


def _fill_all(project, marker: str):
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    for path in (project / "scenarios/tutorial.bg.po", project / "scenarios/rights/directive-2012-29.bg.po"):
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = entry.msgid if "{" in entry.msgid else f"{marker}{entry.msgctxt}"
        po.save(str(path))


def _without_texts(story, finder):
    bare = copy.deepcopy(story)
    for _, container, key in slots(bare, finder):
        container[key] = ""
    for right in bare.get("rights", {}).values():
        right["citation"] = right["instrument"] = ""
        if "edition" in right:  # translated like the instrument (issue 13)
            right["edition"] = ""
    for key in ("content_hash",):
        bare.pop(key)
    bare["scenario"].pop("language")
    return bare


def test_round_trip_gives_translated_texts_and_the_same_structure(project):
    _fill_all(project, "БГ:")
    english = json.loads(_english(project))
    assert run_cli("i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/tutorial.yaml") == 0
    translated = json.loads((project / "out" / "tutorial.bg.json").read_text(encoding="utf-8"))
    finder = _finder(english, project)
    texts = {ctxt: container[key] for ctxt, container, key in slots(translated, finder)}
    assert len(texts) > 100
    assert all(value == f"БГ:{ctxt}" for ctxt, value in texts.items())
    assert _without_texts(translated, finder) == _without_texts(english, finder)
    assert translated["scenario"]["language"] == "bg"
    assert translated["content_hash"] != english["content_hash"]
    Story(translated, verify_hash=True)  # the hash is over the translated content
    right = translated["rights"]["20(b)"]
    assert right["citation"] == "Art. 20(б) БГ:directive-2012-29:meta:instrument"  # the pattern left as is; the point in Bulgarian letters


def _english(project) -> str:
    from game.authoring.compiler import compile_path, to_bytes

    story, _ = compile_path(str(project / "scenarios" / "tutorial.yaml"))
    return to_bytes(story).decode("utf-8")


def test_compile_is_deterministic(project):
    _fill_all(project, "x")
    assert run_cli("i18n", "compile", "--lang", "bg", "-o", "a", "scenarios/tutorial.yaml") == 0
    assert run_cli("i18n", "compile", "--lang", "bg", "-o", "b", "scenarios/tutorial.yaml") == 0
    assert (project / "a/tutorial.bg.json").read_bytes() == (project / "b/tutorial.bg.json").read_bytes()


def test_untranslated_and_fuzzy_entries_fall_back_to_english(project, capsys):
    _fill_all(project, "БГ:")
    path = project / "scenarios/tutorial.bg.po"
    po = polib.pofile(str(path))
    po.find("tutorial:arrival:line1", by="msgctxt").flags.append("fuzzy")
    po.find("tutorial:arrival:line2", by="msgctxt").msgstr = ""
    po.save(str(path))
    capsys.readouterr()
    assert run_cli("i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/tutorial.yaml") == 0
    assert "2 left in English" in capsys.readouterr().err
    story = json.loads((project / "out/tutorial.bg.json").read_text(encoding="utf-8"))
    lines = story["nodes"]["arrival"]["lines"]
    assert lines[1]["text"] == "He has hardly slept since. I don't really know what happens now."
    assert lines[2]["text"] == "Will he find out that I came here?"
    assert lines[0]["text"] == "БГ:tutorial:arrival:line0"


@pytest.fixture(scope="module")
def bulgarian_tutorial():
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        story, done, left = compile_translation(ROOT / "scenarios" / "tutorial.yaml", "bg")
    finally:
        os.chdir(here)
    return story, done, left


def test_the_bulgarian_tutorial_is_fully_translated(bulgarian_tutorial):
    story, done, left = bulgarian_tutorial
    assert left == 0 and done > 100
    assert story["scenario"]["title"] == "Първи стъпки: Сами проговаря"
    assert story["rights"]["20(b)"]["citation"] == "чл. 20(б) от Директива 2012/29/ЕС"  # Cyrillic point letter (issue 13)


@pytest.mark.parametrize("seed", range(12))
def test_a_seeded_playthrough_scores_the_same_in_bulgarian(bulgarian_tutorial, seed):
    from tests.support.stories import load_story_from_yaml

    english = load_story_from_yaml(ROOT / "scenarios" / "tutorial.yaml")
    bulgarian = Story(bulgarian_tutorial[0], verify_hash=True)
    run_en = auto_play(english, seed)
    run_bg = play_choices(bulgarian, [h.chosen for h in run_en.history], seed=seed)
    assert run_bg.ended and run_bg.node_id == run_en.node_id
    en, bg = run_en.score(), run_bg.score()
    assert (bg.earned, bg.best, bg.worst, bg.scaled, bg.passed, bg.outcome, bg.rights) == \
           (en.earned, en.best, en.worst, en.scaled, en.passed, en.outcome, en.rights)
    assert run_bg.variables == run_en.variables
    # And the text the player saw was Bulgarian.
    assert bulgarian.nodes[run_bg.node_id]["title"] != english.nodes[run_en.node_id]["title"]


def test_translated_stories_for_the_web_build(project):
    _fill_all(project, "БГ:")
    files = translated_stories(project / "scenarios")
    assert sorted(files) == ["tutorial.bg.json"]
    assert json.loads(files["tutorial.bg.json"])["scenario"]["language"] == "bg"
    pseudo = translated_stories(project / "scenarios", ["en-XA"])
    assert sorted(pseudo) == ["tutorial.en-XA.json"]
    text = json.loads(pseudo["tutorial.en-XA.json"])["nodes"]["arrival"]["lines"][2]["text"]
    assert text.startswith("[Wíĺĺ ĥé fíñđ") and text.endswith("]")
