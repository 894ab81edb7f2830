"""init: create a .po from the template, then merge by stable id (keep, fuzzy, obsolete)."""

from __future__ import annotations

import polib

from tests.i18n.conftest import run_cli


def _entries(path):
    po = polib.pofile(str(path))
    return {e.msgctxt: e for e in po}, po


def test_init_creates_then_merges_by_stable_id(project):
    scenario = project / "scenarios" / "tutorial.yaml"
    po_path = project / "scenarios" / "tutorial.bg.po"
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    entries, po = _entries(po_path)
    assert po.metadata["Language"] == "bg"
    assert all(not e.msgstr for e in po)
    # A translator fills three entries.
    entries["tutorial:meta:title"].msgstr = "Първи стъпки"
    entries["tutorial:arrival:line1"].msgstr = "Почти не е спал оттогава."
    entries["tutorial:var:trust:label"].msgstr = "Доверие на Сами"
    po.save(str(po_path))
    # The author rewords one line and removes the trust meter's label by renaming the variable.
    text = scenario.read_text(encoding="utf-8")
    text = text.replace("He has hardly slept since.", "He has barely slept since.")
    scenario.write_text(text, encoding="utf-8")
    catalogue_po = project / "scenarios" / "rights" / "directive-2012-29.bg.po"
    before_catalogue = catalogue_po.read_bytes()
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    entries, po = _entries(po_path)
    title = entries["tutorial:meta:title"]
    assert title.msgstr == "Първи стъпки" and "fuzzy" not in title.flags
    changed = entries["tutorial:arrival:line1"]
    assert changed.msgstr == "Почти не е спал оттогава."
    assert "fuzzy" in changed.flags
    assert changed.previous_msgid.startswith("He has hardly slept since.")
    assert changed.msgid.startswith("He has barely slept since.")
    assert catalogue_po.read_bytes() == before_catalogue  # nothing changed there: same bytes


def test_removed_ids_become_obsolete_and_keep_their_wording(project):
    po_path = project / "scenarios" / "tutorial.bg.po"
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    entries, po = _entries(po_path)
    entries["tutorial:var:interviews:label"].msgstr = "Колко пъти Сами е разказал"
    po.save(str(po_path))
    scenario = project / "scenarios" / "tutorial.yaml"
    text = scenario.read_text(encoding="utf-8")
    text = text.replace('label: "Times Sami told his story"', 'label: "Times Sami told what happened"')
    scenario.write_text(text, encoding="utf-8")
    # Same id, new English: fuzzy. Now drop a whole character instead: its name entry goes obsolete.
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    entries, po = _entries(po_path)
    assert "fuzzy" in entries["tutorial:var:interviews:label"].flags
    po_text = po_path.read_text(encoding="utf-8")
    obsolete_before = len(po.obsolete_entries())
    assert obsolete_before == 0
    entries["tutorial:char:support:name"].msgstr = "Ана Рейес"
    po.save(str(po_path))
    renamed = scenario.read_text(encoding="utf-8").replace("support: {name:", "helper: {name:")
    renamed = renamed.replace("speaker: support,", "speaker: helper,").replace("speaker: support}", "speaker: helper}")
    scenario.write_text(renamed, encoding="utf-8")
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    entries, po = _entries(po_path)
    obsolete = po.obsolete_entries()
    assert [e.msgctxt for e in obsolete] == ["tutorial:char:support:name"]
    assert obsolete[0].msgstr == "Ана Рейес"
    assert "tutorial:char:helper:name" in entries and not entries["tutorial:char:helper:name"].msgstr
    assert po_text  # the file was readable throughout


def test_init_refuses_english_and_bad_codes(project, capsys):
    assert run_cli("i18n", "init", "--lang", "en", "scenarios/tutorial.yaml") == 2
    assert run_cli("i18n", "init", "--lang", "Bulgarian", "scenarios/tutorial.yaml") == 2
    assert run_cli("i18n", "init", "--lang", "en-XA", "scenarios/tutorial.yaml") == 2
    err = capsys.readouterr().err
    assert "source language" in err and "not a language code" in err and "generated on the fly" in err
    assert not list(project.rglob("*.po"))
    assert "Traceback" not in err
