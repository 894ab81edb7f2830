"""The Bulgarian Mira scenario: every text translated, citations and helplines intact, and it plays the same.

Reads the committed scenarios/mira.bg.po and the real mira.yaml; compiles with the real compiler
and i18n build, and plays with the real engine.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib
import pytest

from tests.i18n.conftest import ROOT, run_cli

SCENARIO = ROOT / "scenarios" / "mira.yaml"
PO = ROOT / "scenarios" / "mira.bg.po"

# "Art. 23(3)(d)" -> "23(3)(d)"; the Bulgarian writes "чл. 23(3)(г)": points in Cyrillic, as the Bulgarian
# Official Journal numbers them (issue 13, Bulgarian review B-1), compared here through the stable id.
ARTICLE_EN = re.compile(r"Art\. (\d+(?:\(\w+\))*(?:-\(\w+\))?)")
ARTICLE_BG = re.compile(r"[Чч]л\. (\d+(?:\(\w+\))*(?:-\(\w+\))?)")
CYRILLIC_POINTS = dict(zip("абвгдежзийк", "abcdefghijk"))
LATIN_POINT = re.compile(r"(?<=[\d)])\([a-k]\)")


def _point_ids(citations: list[str]) -> list[str]:
    """The stable ids of Bulgarian citations: a Cyrillic point letter maps back to its Latin id."""
    return [re.sub(r"\(([а-к])\)", lambda m: f"({CYRILLIC_POINTS[m.group(1)]})", c) for c in citations]
DIRECTIVE_EN = re.compile(r"Directive (\d{4}/\d+)/EU")
DIRECTIVE_BG = re.compile(r"Директива (\d{4}/\d+)/ЕС")
HELPLINES = ("116 111", "116 006")

# Variants that scenarios/locale/bg-glossary.md rules out, with the glossary's term.
NOT_GLOSSARY = {
    "особен представител": "специален представител",
    "потребности от защита": "нужди от защита",  # the official text of Art. 22 (Bulgarian review B-2)
    "при закрити врата": "закрито заседание",
    "аудиовизуален": "аудио-визуален",
    "вторична виктимизиране": "вторична виктимизация",
}


def _entries() -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(PO)) if not e.obsolete]


def _expected_ids() -> set[str]:
    from game.i18n.sources import load_source

    return {unit.ctxt for unit in load_source(SCENARIO).units}


def test_every_text_of_the_scenario_is_translated():
    entries = _entries()
    assert {e.msgctxt for e in entries} == _expected_ids()
    assert [e.msgctxt for e in entries if not e.msgstr.strip()] == []
    assert [e.msgctxt for e in entries if "fuzzy" in e.flags] == []


def test_i18n_check_reports_no_problem_for_the_catalogue():
    # Missing, fuzzy, obsolete, placeholders and overflow at the largest text size.
    assert run_cli("i18n", "check", "--lang", "bg", str(PO)) == 0


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.msgctxt)
def test_citations_and_helplines_are_kept(entry):
    assert Counter(_point_ids(ARTICLE_BG.findall(entry.msgstr))) == Counter(ARTICLE_EN.findall(entry.msgid))
    assert not LATIN_POINT.search(entry.msgstr), "a point letter of a Bulgarian citation is Latin"
    assert Counter(DIRECTIVE_BG.findall(entry.msgstr)) == Counter(DIRECTIVE_EN.findall(entry.msgid))
    for number in HELPLINES:
        assert (number in entry.msgstr) == (number in entry.msgid)


def test_glossary_terms_are_used():
    text = "\n".join(e.msgstr for e in _entries())
    assert {bad: good for bad, good in NOT_GLOSSARY.items() if bad in text} == {}
    # Where the English names one of the Directive's concepts, the Bulgarian uses the glossary's
    # term (in any inflection, with a clitic between: "специалния ѝ представител").
    for english, bulgarian in [("special representative", r"специал\w* (?:ѝ )?представител"),
                               ("individual assessment", r"индивидуал\w* оценк"),
                               ("secondary victimisation", r"вторич\w* виктимизаци"),
                               ("restorative justice", r"възстановител\w* правосъди"),
                               ("legal aid", r"прав\w* помощ")]:
        for entry in _entries():
            if english in entry.msgid.lower():
                assert re.search(bulgarian, entry.msgstr.lower()), (entry.msgctxt, english)


def test_options_say_what_i_do_not_imperatives():
    # Glossary: options are 1st person singular present ("Питам ..."), never "Питайте ...".
    options = [e for e in _entries() if e.msgctxt.endswith(":text") and e.msgctxt.count(":") == 3]
    assert len(options) > 70
    imperative = [e.msgctxt for e in options if re.match(r"\w+(ете|айте|ейте|ийте)\b", e.msgstr)]
    assert imperative == []


def test_mira_speaks_like_a_child_not_like_a_file():
    # Her own lines carry no citations or legal vocabulary.
    from tests.support.stories import load_story_from_yaml

    english = load_story_from_yaml(SCENARIO)
    ids = [f"mira:{node_id}:line{n}" for node_id, node in english.data["nodes"].items()
           for n, line in enumerate(node.get("lines", [])) if line["speaker"] == "mira"]
    by_id = {e.msgctxt: e.msgstr for e in _entries()}
    assert len(ids) >= 10
    legal = re.compile(r"чл\.|Директива|жертва|производство|нужди от защита|законен", re.IGNORECASE)
    assert [i for i in ids if legal.search(by_id[i])] == []


def test_texts_stay_close_to_the_english_length():
    # The boxes are sized for English + ~30%; very short strings (names, labels) may grow more.
    entries = _entries()
    long = [e.msgctxt for e in entries if len(e.msgid) >= 40 and len(e.msgstr) > 1.3 * len(e.msgid)]
    assert long == []
    assert sum(len(e.msgstr) for e in entries) <= 1.1 * sum(len(e.msgid) for e in entries)


@pytest.fixture(scope="module")
def stories():
    from game.authoring.compiler import to_bytes
    from tests.support.stories import load_story_from_yaml
    from game.engine.story import Story
    from game.i18n.build import compile_translation

    english = load_story_from_yaml(SCENARIO)
    translated, _, _ = compile_translation(Path(SCENARIO), "bg")
    return english, Story.from_json(to_bytes(translated), source="mira.bg.json")


def test_compiled_story_is_bulgarian(stories):
    _, bulgarian = stories
    texts = []
    for node in bulgarian.data["nodes"].values():
        texts += [line["text"] for line in node.get("lines", [])]
        texts += [node[k] for k in ("prompt", "title", "text") if k in node]
        for choice in node.get("choices", []):
            texts += [choice["text"], choice["feedback"]]
        # The structured individual assessment: its headings, and each item's text and feedback.
        for part in node.get("sections", []) + ([node["measures"]] if "measures" in node else []):
            texts.append(part["title"])
            for item in part["items"]:
                texts += [item["text"], item["feedback"]]
    assert len(texts) > 280
    assert [t for t in texts if not re.search("[А-Яа-я]", t)] == []
    assert bulgarian.data["scenario"]["language"] == "bg"
    assert bulgarian.data["scenario"]["title"] == "Мира: да го каже само веднъж"
    assert bulgarian.data["nodes"]["retraction-response"]["prompt"].startswith("Вие сте адвокатът на Мира")
    assessment = bulgarian.data["nodes"]["mira-assessment"]
    assert assessment["kind"] == "assessment" and assessment["prompt"].startswith("Вие сте Елена Марин")
    assert assessment["measures"]["title"] == "Мерките, които следват"


@pytest.mark.parametrize("seed", [0, 1, 3, 5, 7, 11])
def test_bulgarian_playthrough_scores_as_english(stories, seed):
    from game.engine.autoplay import auto_play

    english, bulgarian = stories
    en_run, bg_run = auto_play(english, seed), auto_play(bulgarian, seed)
    assert [h.chosen for h in bg_run.history] == [h.chosen for h in en_run.history]
    assert bg_run.ended and en_run.ended
    assert bg_run.score().to_dict() == en_run.score().to_dict()
    assert re.search("[А-Яа-я]", bg_run.ending["text"])
