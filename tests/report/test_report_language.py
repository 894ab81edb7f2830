"""The facilitator report's own words in the chosen language: the interface catalogue
(assets/locale/<lang>.json) labels its headings, tables, notes, charts and the stage, role and
outcome names; a language without a catalogue keeps English and says so."""

from __future__ import annotations

import re

import pytest

from tests.report import room
from tests.report.test_report import REPO, Page, rightspath

# English words of the report (headings and table heads) and their Bulgarian in game/locale/bg.po.
WORDS = {"Decision by decision": "Решение по решение", "Score distribution": "Разпределение на резултатите",
         "Participants": "Участници", "What it asks": "Какво изисква", "Not included": "Невключени",
         "Police officer": "Полицейски служител", "By role": "По роля"}


@pytest.fixture(scope="module")
def room_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("room")
    room.make_room(folder, 6)
    return folder


def report_text(folder, out, lang: str) -> str:
    result = rightspath("report", folder, "-o", out, "--lang", lang, "--session-key", room.KEY)
    assert result.returncode == 0, result.stderr
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(page.text))


def test_report_labels_in_bulgarian(room_folder, tmp_path):
    if not (REPO / "assets/locale/bg.json").is_file():
        pytest.skip("no Bulgarian interface catalogue")
    text = report_text(room_folder, tmp_path / "bg.html", "bg")
    for english, bulgarian in WORDS.items():
        assert bulgarian in text, bulgarian
        assert english not in text, english
    assert "Report labels are in English" not in text
    assert "Отчет за групата: " in text  # the page title
    from tests.exports import helpers

    if helpers.scenario_path().name == "tutorial.yaml":  # it has a Bulgarian translation: its title shows
        assert "Отчет за групата: Първи стъпки: Сами проговаря" in text
    html = (tmp_path / "bg.html").read_text(encoding="utf-8")
    assert "Участници, избрали варианта" in html  # a chart's axis label (inline SVG text)


def test_english_report_unchanged_and_unknown_language_says_so(room_folder, tmp_path):
    english = report_text(room_folder, tmp_path / "en.html", "en")
    for word in ("Decision by decision", "Participants", "Police officer"):
        assert word in english
    assert "Report labels are in English" not in english
    french = report_text(room_folder, tmp_path / "fr.html", "fr")
    assert "Report labels are in English; language 'fr' is not available for them yet." in french
    assert "Decision by decision" in french
