"""The Bulgarian Andrei scenario: complete, faithful to the English where it must be, and it plays the same.

Reads the committed scenarios/andrei.bg.po and the real andrei.yaml; compiles with the real
compiler and i18n build, and plays with the real engine.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib
import pytest

from tests.i18n.conftest import ROOT, run_cli

SCENARIO = ROOT / "scenarios" / "andrei.yaml"
PO = ROOT / "scenarios" / "andrei.bg.po"

# "Art. 20(b)", "Art. 23(2)(a)-(c)" -> "20(b)", "23(2)(a)-(c)"; the Bulgarian writes "чл. 20(б)": point
# letters as in the Bulgarian Official Journal (a11y review B-1), mapped back to the id's Latin letters here.
ARTICLE_EN = re.compile(r"Art\. (\d+(?:\(\w+\))*(?:-\(\w+\))?)")
ARTICLE_BG = re.compile(r"[Чч]л\. (\d+(?:\(\w+\))*(?:-\(\w+\))?)")
POINT_LETTERS = str.maketrans("абвгдежзийк", "abcdefghijk")
DIRECTIVE_EN = re.compile(r"Directive (\d{4}/\d+)/EU")
DIRECTIVE_BG = re.compile(r"Директива (\d{4}/\d+)/ЕС")
HELPLINES = ("116 000", "116 111")

# Variants scenarios/locale/bg-glossary.md rules out, with the glossary's term.
NOT_GLOSSARY = {
    "особен представител": "специален представител",
    "дълготрайно решение": "трайно решение",
    "потребности от защита": "нужди от защита",  # the official text of Art. 22 (a11y review B-2)
    "Сьоренсен": "Соренсен",
    "при закрити врата": "закрито заседание",
}


def _entries() -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(PO)) if not e.obsolete]


def _expected_ids() -> set[str]:
    from game.i18n.sources import load_source

    return {unit.ctxt for unit in load_source(SCENARIO).units}


def test_every_text_of_the_scenario_is_translated():
    entries = _entries()
    by_id = {e.msgctxt: e for e in entries}
    assert set(by_id) == _expected_ids()
    untranslated = [e.msgctxt for e in entries if not e.msgstr.strip()]
    fuzzy = [e.msgctxt for e in entries if "fuzzy" in e.flags]
    assert untranslated == [] and fuzzy == []


def test_i18n_check_reports_no_problem_for_the_catalogue():
    # Missing, fuzzy, obsolete, placeholders and overflow at the largest text size.
    assert run_cli("i18n", "check", "--lang", "bg", str(PO)) == 0


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.msgctxt)
def test_citations_and_helplines_are_kept(entry):
    cited = [c.translate(POINT_LETTERS) for c in ARTICLE_BG.findall(entry.msgstr)]
    assert Counter(cited) == Counter(ARTICLE_EN.findall(entry.msgid))
    assert not re.search(r"\([a-k]\)", entry.msgstr), "a Latin point letter in a Bulgarian citation"
    assert Counter(DIRECTIVE_BG.findall(entry.msgstr)) == Counter(DIRECTIVE_EN.findall(entry.msgid))
    for number in HELPLINES:
        assert (number in entry.msgstr) == (number in entry.msgid)


def test_glossary_terms_are_used():
    text = "\n".join(e.msgstr for e in _entries())
    wrong = {bad: good for bad, good in NOT_GLOSSARY.items() if bad in text}
    assert wrong == {}


def test_options_say_what_i_do_not_imperatives():
    # Glossary: options are 1st person singular present ("Отвеждам го ..."), never "Отведете го ...".
    options = [e for e in _entries() if e.msgctxt.endswith(":text") and e.msgctxt.count(":") == 3]
    assert len(options) > 60
    imperative = [e.msgctxt for e in options if re.match(r"\w+(ете|айте|ейте|ийте)\b", e.msgstr)]
    assert imperative == []


def test_texts_stay_close_to_the_english_length():
    # The boxes are sized for English + ~30%; very short strings (names, labels) may grow more.
    entries = _entries()
    long = [e.msgctxt for e in entries if len(e.msgid) >= 40 and len(e.msgstr) > 1.3 * len(e.msgid)]
    assert long == []
    assert sum(len(e.msgstr) for e in entries) <= 1.15 * sum(len(e.msgid) for e in entries)


@pytest.fixture(scope="module")
def stories():
    from game.authoring.compiler import to_bytes
    from tests.support.stories import load_story_from_yaml
    from game.engine.story import Story
    from game.i18n.build import compile_translation

    english = load_story_from_yaml(SCENARIO)
    translated, done, left = compile_translation(Path(SCENARIO), "bg")
    return english, Story.from_json(to_bytes(translated), source="andrei.bg.json"), left


def test_compiled_story_is_bulgarian(stories):
    _, bulgarian, _ = stories
    # No line, prompt, option, feedback or ending of the scenario was left in English.
    texts = []
    for node in bulgarian.data["nodes"].values():
        texts += [line["text"] for line in node.get("lines", [])]
        texts += [node[k] for k in ("prompt", "title", "text") if k in node]
        for choice in node.get("choices", []):
            texts += [choice["text"], choice["feedback"]]
    assert len(texts) > 250
    assert [t for t in texts if not re.search("[А-Яа-я]", t)] == []
    assert bulgarian.data["scenario"]["language"] == "bg"
    assert bulgarian.data["scenario"]["title"] == "Андрей: от улицата към бъдеще"
    start = bulgarian.data["nodes"]["d-arrest"]
    assert start["prompt"].startswith("Вие сте сержант Келер")


@pytest.mark.parametrize("seed", [0, 3, 5, 7, 11])
def test_bulgarian_playthrough_scores_as_english(stories, seed):
    from game.engine.autoplay import auto_play

    english, bulgarian, _ = stories
    en_run, bg_run = auto_play(english, seed), auto_play(bulgarian, seed)
    assert [h.chosen for h in bg_run.history] == [h.chosen for h in en_run.history]
    assert bg_run.ended and en_run.ended
    assert bg_run.score().to_dict() == en_run.score().to_dict()
    # What the player read at the end is the Bulgarian ending.
    assert re.search("[А-Яа-я]", bg_run.ending["text"])
