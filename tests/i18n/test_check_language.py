"""check --lang xx with no files says whether the whole language is complete: the scenario and rights
translations and the interface catalogue game/locale/xx.po; --interface still checks only the latter."""

from __future__ import annotations

import polib

from tests.i18n.conftest import rightspath


def _tutorial_complete(repo) -> str:
    """What the check says of a complete tutorial translation: every text of its template."""
    texts = len(polib.pofile(str(repo / "scenarios" / "tutorial.pot")))
    return f"scenarios/tutorial.bg.po: {texts}/{texts} translated"


def _blank(po_path, msgid):
    catalogue = polib.pofile(str(po_path))
    entry = next(e for e in catalogue if e.msgid == msgid and not e.obsolete)
    entry.msgstr = ""
    catalogue.save(str(po_path))
    return polib.pofile(str(po_path)).find(msgid).linenum


def test_check_lang_covers_the_interface_catalogue_too(repo):
    line = _blank(repo / "game/locale/bg.po", "Start a training")
    result = rightspath(repo, "i18n", "check", "--lang", "bg")
    assert result.returncode == 1, result.stderr
    assert f"game/locale/bg.po:{line}: missing: 'Start a training' is not translated" in result.stdout.splitlines()
    assert _tutorial_complete(repo) in result.stderr  # the scenarios were checked too
    assert "'bg' (scenarios and interface): not complete" in result.stderr
    # --interface: the interface only.
    only = rightspath(repo, "i18n", "check", "--interface", "--lang", "bg")
    assert only.returncode == 1
    assert f"game/locale/bg.po:{line}: missing: 'Start a training' is not translated" in only.stdout.splitlines()
    assert "scenarios/" not in only.stdout + only.stderr
    # Named files: those files only, as before.
    named = rightspath(repo, "i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po")
    assert "game/locale/bg.po" not in named.stdout + named.stderr


def test_a_scenario_problem_fails_the_language_even_with_a_clean_interface(repo):
    catalogue = polib.pofile(str(repo / "scenarios/tutorial.bg.po"))
    catalogue.find("tutorial:meta:title", by="msgctxt").msgstr = ""
    catalogue.save(str(repo / "scenarios/tutorial.bg.po"))
    result = rightspath(repo, "i18n", "check", "--lang", "bg")
    assert result.returncode == 1
    assert "tutorial:meta:title is not translated" in result.stdout
    assert "checked 1 interface translation against" in result.stderr
    assert "'bg' (scenarios and interface): not complete" in result.stderr


def test_a_language_without_an_interface_catalogue_checks_the_scenarios(repo):
    (repo / "game/locale/bg.po").unlink()
    result = rightspath(repo, "i18n", "check", "--lang", "bg")
    assert "interface" not in result.stderr  # nothing to say about a catalogue that does not exist
    assert _tutorial_complete(repo) in result.stderr
