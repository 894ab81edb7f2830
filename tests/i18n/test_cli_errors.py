"""Bad input never shows a traceback: broken .po files give file:line and exit 1, wrong usage exit 2."""

from __future__ import annotations

import subprocess
import sys

import polib

from tests.i18n.conftest import ROOT, run_cli


def _rightspath(cwd, *argv):
    return subprocess.run([sys.executable, "-m", "game", *argv], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "SDL_VIDEODRIVER": "dummy"})


def test_a_po_syntax_error_is_reported_with_its_line(project):
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    path = project / "scenarios/tutorial.bg.po"
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith('msgctxt "tutorial:arrival:line1"'))
    lines[target + 1] = 'msgid "He has hardly slept" since.'  # a stray quote in the middle
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in (["i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po"],
                    ["i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/tutorial.yaml"],
                    ["i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml"]):
        result = _rightspath(project, *command)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert f"scenarios/tutorial.bg.po:{target + 2}: error: this PO file cannot be read (syntax error: " \
               "unescaped double quote found" in result.stderr, result.stderr
        assert "text after the closing double quote" in result.stderr  # what the scan says of the line
        assert result.stderr.rstrip().endswith("fix it in your PO editor — nothing was changed")
    # init refused to touch the broken file: nothing the translator wrote is lost.
    assert 'msgid "He has hardly slept" since.\n' in path.read_text(encoding="utf-8")


def test_not_utf8_and_duplicate_entries(project, capsys):
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    path = project / "scenarios/tutorial.bg.po"
    raw = path.read_bytes()
    path.write_bytes(raw.replace("Will he find out".encode(), b"Will he \xff find out"))
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po") == 1
    err = capsys.readouterr().err
    assert "scenarios/tutorial.bg.po:" in err and "not valid UTF-8" in err
    path.write_bytes(raw)
    po = polib.pofile(str(path))
    first = po.find("tutorial:arrival:line1", by="msgctxt")
    po.append(polib.POEntry(msgctxt=first.msgctxt, msgid=first.msgid, msgstr="x"))
    path.write_text(str(po), encoding="utf-8")
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po") == 1
    err = capsys.readouterr().err
    assert "scenarios/tutorial.bg.po:" in err and "Traceback" not in err


def test_usage_errors_exit_2(project, capsys):
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    assert run_cli("i18n", "extract", "scenarios/nope.yaml") == 2
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/nope.bg.po") == 2
    assert run_cli("i18n", "check", "--lang", "fr", "scenarios/tutorial.bg.po") == 2
    assert run_cli("i18n", "compile", "--lang", "xx_YY") == 2
    assert run_cli("i18n") == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "is a 'bg' file but --lang fr" in err and "not a language code" in err


def test_a_scenario_the_schema_refuses_is_a_content_error(project, capsys):
    bad = project / "scenarios" / "broken.yaml"
    bad.write_text("id: broken\nversion: 1\n", encoding="utf-8")
    assert run_cli("i18n", "extract", "scenarios/broken.yaml") == 1
    err = capsys.readouterr().err
    assert "scenarios/broken.yaml:" in err and "cannot extract" in err and "Traceback" not in err


def test_interface_catalogue_compiles_to_json(project, capsys):
    (project / "game/locale").mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Language": "bg", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Start a training", msgstr="Започнете обучение"))
    po.append(polib.POEntry(msgid="Continue", msgstr="Продължи", msgctxt="button"))
    po.append(polib.POEntry(msgid="Settings", msgstr="Настройки", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Quit", msgstr=""))
    po.save(str(project / "game/locale/bg.po"))
    assert run_cli("i18n", "compile", "--lang", "bg", "-o", "out") == 0
    import json

    data = json.loads((project / "out/locale/bg.json").read_text(encoding="utf-8"))
    assert data == {"Start a training": "Започнете обучение", "button\x04Continue": "Продължи"}
    assert not (project / "assets").exists()  # -o names where everything goes
    assert run_cli("i18n", "compile", "--lang", "bg") == 0  # without -o: the game's own assets/locale/
    assert json.loads((project / "assets/locale/bg.json").read_text(encoding="utf-8")) == data
