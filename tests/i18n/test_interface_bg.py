"""The real interface catalogue: every string the UI marks (with _ or N_) and the vocabulary labels it
draws are extracted; the Bulgarian catalogue translates all of them; the pseudo catalogue is generated."""

from __future__ import annotations

import json
import re

import polib
import pytest

from game.engine import vocab
from tests.i18n.conftest import ROOT, run_cli

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Strings that stay the same in Bulgarian: key names.
SAME_IN_BULGARIAN = {"Esc"}


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


def template_ids():
    from game.i18n import interface

    return {e.msgid: e for e in interface.build_template()}


def test_strings_marked_with_N_and_vocabulary_labels_are_extracted(in_repo):
    found = template_ids()
    # N_ marks a control's label where it is built (game/ui/tr.py); the UI translates it when drawn.
    for marked in ("Start a training", "Continue", "Export results", "Text size", "Learning"):
        assert marked in found, marked
    assert any(ref[0].startswith("game/ui/screens/title.py") for ref in found["Start a training"].occurrences)
    for table in (vocab.STAGE_LABELS, vocab.ROLE_LABELS, vocab.OUTCOME_LABELS):
        for label in table.values():
            assert label in found, label
            assert found[label].occurrences[0][0] == "game/engine/vocab.py"
    assert "journey" in found["First contact"].comment


def test_the_committed_template_is_up_to_date(in_repo):
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(ROOT / "game/locale/rightspath.pot"))}
    assert committed == {(e.msgctxt, e.msgid) for e in template_ids().values()}


def test_bulgarian_interface_is_complete_and_checked(in_repo, capsys):
    assert run_cli("i18n", "check", "--interface", "--lang", "bg") == 0
    assert "0 problems" in capsys.readouterr().err
    po = polib.pofile(str(ROOT / "game/locale/bg.po"))
    active = [e for e in po if not e.obsolete]
    assert {e.msgid for e in active} == set(template_ids())
    for entry in active:
        assert entry.msgstr and "fuzzy" not in entry.flags, entry.msgid
        if entry.msgid not in SAME_IN_BULGARIAN:
            assert CYRILLIC.search(entry.msgstr), f"{entry.msgid!r} -> {entry.msgstr!r} has no Bulgarian"
    # The glossary's wording for the words a player meets everywhere.
    by_id = {e.msgid: e.msgstr for e in active}
    assert by_id["Start a training"] == "Започнете обучение"
    assert by_id["Police interview"] == "Разпит в полицията"
    assert by_id["Victim support worker"] == "Консултант за подкрепа на жертви"
    assert by_id["The rights at stake"] == "Засегнати права"


def test_compiled_bulgarian_catalogue_matches_the_po(in_repo):
    from game.engine import l10n

    data = json.loads((ROOT / "assets/locale/bg.json").read_text(encoding="utf-8"))
    po = polib.pofile(str(ROOT / "game/locale/bg.po"))
    assert data == {e.msgid: e.msgstr for e in po if not e.obsolete and not e.msgctxt}
    catalogue = l10n.load("bg", [ROOT / "assets" / "locale"])
    assert catalogue.problem is None
    assert catalogue.gettext("Decision to prosecute") == "Наказателно преследване"


def test_pseudo_interface_is_generated_for_every_string(tmp_path, in_repo, capsys):
    from game.i18n import build, pseudo

    out = tmp_path / "locale"
    written = build.compile_interface(pseudo.CODE, out_dir=out)
    assert written == [out / "en-XA.json"]
    data = json.loads(written[0].read_text(encoding="utf-8"))
    assert set(data) == set(template_ids())
    assert data["Continue"] == pseudo.pseudo("Continue") and data["Continue"].startswith("[")
    assert data["You act as: {role}"].count("{role}") == 1
    committed = json.loads((ROOT / "assets/locale/en-XA.json").read_text(encoding="utf-8"))
    assert committed == data, "assets/locale/en-XA.json is stale: run 'rightspath i18n compile --lang en-XA'"
    assert run_cli("i18n", "check", "--interface", "--lang", "en-XA") == 0
