"""Interface strings: _() and pgettext() calls found by Babel, translated in game/locale/<lang>.po,
checked, compiled to <out>/locale/<lang>.json and read back by the stdlib runtime."""

from __future__ import annotations

import json

import polib

from game.engine import l10n
from tests.i18n.conftest import run_cli

SOURCE = '''from game.engine.l10n import _, pgettext

def labels(n):
    # Translators: the first button on the title screen
    return [_("Start a training"), pgettext("button", "Continue"), _("{n} decisions").format(n=n), "not marked"]
'''


def test_interface_strings_round_trip(tmp_path, monkeypatch, capsys):
    (tmp_path / "game" / "ui").mkdir(parents=True)
    (tmp_path / "game" / "ui" / "screen.py").write_text(SOURCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli("i18n", "extract", "--interface") == 0
    template = polib.pofile("game/locale/rightspath.pot")
    assert [(e.msgctxt, e.msgid) for e in template] == [(None, "Start a training"), ("button", "Continue"),
                                                        (None, "{n} decisions")]
    assert template[0].occurrences == [("game/ui/screen.py", "5")]
    assert template[0].comment == "the first button on the title screen"
    assert run_cli("i18n", "init", "--interface", "--lang", "bg") == 0
    capsys.readouterr()
    assert run_cli("i18n", "check", "--interface", "--lang", "bg") == 1
    assert capsys.readouterr().out.count(": missing: ") == 3
    po = polib.pofile("game/locale/bg.po")
    po[0].msgstr = "Започнете обучение"
    po[1].msgstr = "Продължи"
    po[2].msgstr = "{count} решения"
    po.save("game/locale/bg.po")
    assert run_cli("i18n", "check", "--interface", "--lang", "bg") == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"game/locale/bg.po:{po[2].linenum}: placeholder: '{{n}} decisions': placeholders differ: "
                   "English has {n}, translation has {count}"]
    po = polib.pofile("game/locale/bg.po")
    po[2].msgstr = "{n} решения"
    po.save("game/locale/bg.po")
    assert run_cli("i18n", "check", "--interface", "--lang", "bg") == 0
    assert run_cli("i18n", "compile", "--lang", "bg", "-o", "out") == 0
    catalogue = l10n.load("bg", [tmp_path / "out" / "locale"])  # -o: everything under out/
    assert catalogue.problem is None
    assert catalogue.gettext("Start a training") == "Започнете обучение"
    assert catalogue.pgettext("button", "Continue") == "Продължи"
    assert catalogue.gettext("Continue") == "Continue"  # the context matters
    data = json.loads((tmp_path / "out/locale/bg.json").read_text(encoding="utf-8"))
    assert len(data) == 3
    # The English changes: the old translation becomes obsolete, the new string is missing.
    (tmp_path / "game/ui/screen.py").write_text(SOURCE.replace("Start a training", "Start training"), encoding="utf-8")
    assert run_cli("i18n", "init", "--interface", "--lang", "bg") == 0
    po = polib.pofile("game/locale/bg.po")
    assert [e.msgstr for e in po.obsolete_entries()] == ["Започнете обучение"]
    assert po.find("Start training").msgstr == ""


def test_interface_flag_takes_no_paths(project, capsys):
    assert run_cli("i18n", "extract", "--interface", "scenarios/tutorial.yaml") == 2
    assert "do not name scenario files" in capsys.readouterr().err
