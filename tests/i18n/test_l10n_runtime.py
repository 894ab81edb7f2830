"""The shipped, stdlib-only runtime: interface strings with English fallback, one story per language."""

from __future__ import annotations

import json

from game.engine import l10n
from tests.i18n.conftest import ROOT


def test_gettext_falls_back_to_english(tmp_path):
    (tmp_path / "bg.json").write_text(json.dumps({"Continue": "Продължи", "menu\x04Back": "Назад"}), encoding="utf-8")
    translations = l10n.load("bg", [tmp_path / "missing", tmp_path])
    assert translations.problem is None
    l10n.install(translations)
    try:
        assert l10n._("Continue") == "Продължи"
        assert l10n.gettext("Never translated") == "Never translated"
        assert l10n.pgettext("menu", "Back") == "Назад"
        assert l10n.pgettext("other", "Back") == "Back"
    finally:
        l10n.install(l10n.Translations())
    assert l10n._("Continue") == "Continue"


def test_missing_or_broken_catalogues_leave_english(tmp_path):
    assert l10n.load("fr", [tmp_path]).problem == "no interface catalogue for 'fr'"
    (tmp_path / "bg.json").write_bytes(b"{not json")
    broken = l10n.load("bg", [tmp_path])
    assert broken.problem.startswith("the 'bg' interface catalogue is not valid JSON")
    assert broken.gettext("Continue") == "Continue"
    (tmp_path / "bg.json").write_text('["a list"]', encoding="utf-8")
    assert l10n.load("bg", [tmp_path]).problem == "the 'bg' interface catalogue is not a JSON object"
    assert l10n.load("en", [tmp_path]).gettext("x") == "x"


def test_one_story_per_scenario_in_the_chosen_language():
    from tests.support.stories import load_story_from_yaml
    from game.engine import Story
    from game.i18n.build import compile_translation
    import os

    english = load_story_from_yaml(ROOT / "scenarios" / "tutorial.yaml")
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        bulgarian = Story(compile_translation(ROOT / "scenarios" / "tutorial.yaml", "bg")[0])
    finally:
        os.chdir(here)
    stories = [english, bulgarian]
    assert l10n.available_languages(stories) == ["en", "bg"]
    assert l10n.stories_for_language(stories, "bg") == [bulgarian]
    assert l10n.stories_for_language(stories, "en") == [english]
    assert l10n.stories_for_language(list(reversed(stories)), "en") == [english]
    assert l10n.stories_for_language(stories, "fr") == [english]
    assert l10n.story_language(bulgarian.data) == "bg"


def test_story_file_names():
    assert l10n.story_file_name("tutorial", "en") == "tutorial.json"
    assert l10n.story_file_name("tutorial", "bg") == "tutorial.bg.json"
