"""check: each kind of problem is found, with its file:line and exact message; a clean file passes."""

from __future__ import annotations

import polib

from tests.i18n.conftest import run_cli


def _make_po(project, fill):
    """init a bg .po for the tutorial, translate every entry with ``fill(entry)``, return its path."""
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    path = project / "scenarios" / "tutorial.bg.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = fill(entry)
    po.save(str(path))
    return path


def _problems(out: str) -> list[str]:
    return [line for line in out.splitlines() if ": warning: " not in line]


def _line_of(path, ctxt):
    return polib.pofile(str(path)).find(ctxt, by="msgctxt").linenum


def test_a_complete_translation_passes(project, capsys):
    path = _make_po(project, lambda e: "Т" + e.msgid[1:] if e.msgid else "")
    assert run_cli("i18n", "check", "--lang", "bg", str(path.relative_to(project))) == 0
    captured = capsys.readouterr()
    # Only warnings: boxes the English itself overflows are the author's to fix, not the translator's.
    assert all(": warning: " in line and "(the English overflows too" in line for line in captured.out.splitlines())
    texts = len(polib.pofile(str(project / "scenarios" / "tutorial.pot")))  # what the template holds
    assert texts > 50 and f"{texts}/{texts} translated, 0 missing" in captured.err


def test_missing_fuzzy_obsolete_and_placeholders_are_reported(project, capsys):
    path = _make_po(project, lambda e: e.msgid)
    po = polib.pofile(str(path))
    po.find("tutorial:meta:title", by="msgctxt").msgstr = ""
    po.find("tutorial:arrival:line1", by="msgctxt").flags.append("fuzzy")
    po.find("tutorial:greet:prompt", by="msgctxt").msgstr = "Вие сте {officer}. Как започвате?"
    po.find("tutorial:arrival:line2", by="msgctxt").msgstr = "Ще разбере ли %s?"
    gone = polib.POEntry(msgctxt="tutorial:old-node:line0", msgid="Old text", msgstr="Стар текст", obsolete=True)
    po.append(gone)
    po.save(str(path))
    rel = "scenarios/tutorial.bg.po"
    assert run_cli("i18n", "check", "--lang", "bg", rel) == 1
    out = _problems(capsys.readouterr().out)
    title = _line_of(path, "tutorial:meta:title")
    line1 = _line_of(path, "tutorial:arrival:line1")
    prompt = _line_of(path, "tutorial:greet:prompt")
    line2 = _line_of(path, "tutorial:arrival:line2")
    assert f"{rel}:{title}: missing: tutorial:meta:title is not translated" in out
    assert f"{rel}:{line1}: fuzzy: tutorial:arrival:line1 is marked fuzzy; review it and remove the flag" in out
    assert (f"{rel}:{prompt}: placeholder: tutorial:greet:prompt: placeholders differ: English has none, "
            "translation has {officer}") in out
    assert f"{rel}:{line2}: placeholder: tutorial:arrival:line2: placeholders differ: English has none, translation has %s" in out
    obsolete = [line for line in out if ": obsolete: tutorial:old-node:line0 is no longer in tutorial.yaml" in line]
    assert len(obsolete) == 1 and obsolete[0].startswith(f"{rel}:")
    assert len(out) == 5, out


def test_placeholders_in_the_english_must_survive(project, capsys):
    # The catalogue's citation pattern carries {article} and {instrument}.
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/rights/directive-2011-93.yaml") == 0
    path = project / "scenarios/rights/directive-2011-93.bg.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = entry.msgid
    po.find("directive-2011-93:meta:citation", by="msgctxt").msgstr = "чл. {article} от Директива 2011/93/ЕС"
    po.save(str(path))
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/rights/directive-2011-93.bg.po") == 1
    line = _line_of(path, "directive-2011-93:meta:citation")
    assert _problems(capsys.readouterr().out) == [
        f"scenarios/rights/directive-2011-93.bg.po:{line}: placeholder: directive-2011-93:meta:citation: "
        "placeholders differ: English has {article}, {instrument}, translation has {article}"]


def test_stale_entries_and_missing_files(project, capsys):
    path = _make_po(project, lambda e: e.msgid)
    scenario = project / "scenarios" / "tutorial.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "He has hardly slept since.", "He has barely slept since."), encoding="utf-8")
    assert run_cli("i18n", "extract", "scenarios/tutorial.yaml") == 0
    (project / "scenarios/rights/directive-2012-29.bg.po").unlink()  # init made it beside the tutorial's
    capsys.readouterr()
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/tutorial.yaml") == 1
    out = capsys.readouterr().out
    line = _line_of(path, "tutorial:arrival:line1")
    assert (f"scenarios/tutorial.bg.po:{line}: stale: tutorial:arrival:line1: the English changed since this entry "
            "was made; run 'rightspath i18n init --lang bg' and review it") in out
    # The tutorial names its catalogue; it has no Bulgarian file in this copy.
    assert ("scenarios/rights/directive-2012-29.bg.po:1: missing: no 'bg' translation of directive-2012-29.yaml; "
            "run 'rightspath i18n init --lang bg scenarios/rights/directive-2012-29.yaml'") in out


def test_an_outdated_template_is_reported(project, capsys):
    assert run_cli("i18n", "extract", "scenarios/tutorial.yaml") == 0
    scenario = project / "scenarios" / "tutorial.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("Okay.", "All right."), encoding="utf-8")
    _make_po(project, lambda e: e.msgid)  # init rewrites the template, so break it again afterwards
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("All right.", "Fine."), encoding="utf-8")
    capsys.readouterr()
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po") == 1
    out = capsys.readouterr().out
    assert "scenarios/tutorial.pot:1: template: out of date with tutorial.yaml; run 'rightspath i18n extract'" in out


def test_overflow_is_measured_and_located(project, capsys):
    long_option = " ".join(["Дълъг текст на вариант, който никога не би се побрал в бутона"] * 60)
    path = _make_po(project, lambda e: long_option if e.msgctxt == "tutorial:greet:explain-simply:text"
                    else ("Доверие на Сами и на цялото му семейство" if e.msgctxt == "tutorial:var:trust:label"
                          else e.msgid))
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po") == 1
    out = capsys.readouterr().out.splitlines()
    option = _line_of(path, "tutorial:greet:explain-simply:text")
    label = _line_of(path, "tutorial:var:trust:label")
    cut = [line for line in out
           if line.startswith(f"scenarios/tutorial.bg.po:{option}: overflow: tutorial:greet:explain-simply:text:")]
    assert len(cut) == 1 and cut[0].split(": ", 3)[3].startswith(
        "the option takes 120 lines at 44 px in its button at text size 3; 8 fit even shrunk to 33 px "
        "(90 lines there), so the UI cuts it, ending “"), cut
    meter = [line for line in out if line.startswith(f"scenarios/tutorial.bg.po:{label}: overflow: tutorial:var:trust:label:")]
    assert len(meter) == 1 and meter[0].endswith("the meter label and its value (100) are 1006 px wide at text size 3; "
                                                 "612 px fit, so the label runs into the value")
    # The prompt scrolls with its options at text size 3: never an overflow.
    assert not any("tutorial:greet:prompt" in line for line in out)


def test_options_the_ui_shrinks_are_noted(project, capsys):
    # Longer but not absurd: drawn whole, a little smaller, beside the vote count (facilitated mode).
    path = _make_po(project, lambda e: (e.msgid + " " + e.msgid) if e.msgctxt.startswith("tutorial:greet:") and
                    e.msgctxt.endswith(":text") else e.msgid)
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po") == 0  # a note is no failure
    out = _problems(capsys.readouterr().out)
    line = _line_of(path, "tutorial:greet:full-account-now:text")
    assert len(out) == 3 and all(": note: tutorial:greet:" in o for o in out), out
    assert f"scenarios/tutorial.bg.po:{line}: note: tutorial:greet:full-account-now:text: the option takes 9 lines at " \
           "44 px in its button at text size 3 in facilitated mode; 8 fit, so the UI shrinks it to 41 px" in out


def test_long_right_titles_are_reported(project, capsys):
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/rights/directive-2011-93.yaml") == 0
    path = project / "scenarios/rights/directive-2011-93.bg.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = entry.msgid
    po.find("directive-2011-93:2011/93:20(5):title", by="msgctxt").msgstr = (
        "Закрито или дистанционно изслушване на детето в отделна стая, без присъствието на обвиняемия")
    po.find("directive-2011-93:2011/93:20(4):title", by="msgctxt").msgstr = "Изслушване без забавяне"  # fits
    po.save(str(path))
    assert run_cli("i18n", "check", "--lang", "bg", "scenarios/rights/directive-2011-93.bg.po") == 1
    line = _line_of(path, "directive-2011-93:2011/93:20(5):title")
    out = _problems(capsys.readouterr().out)
    assert out == [f"scenarios/rights/directive-2011-93.bg.po:{line}: overflow: directive-2011-93:2011/93:20(5):title: "
                   "the title takes 4 lines of 624 px in the debrief's rights column at text size 3; 2 fit, so it "
                   "shows “Закрито или дистанционно изслушване на детето в …”"]


def test_pseudo_locale_lists_what_overflows(project, capsys):
    assert run_cli("i18n", "extract") == 0
    capsys.readouterr()
    code = run_cli("i18n", "check", "--lang", "en-XA", "scenarios/tutorial.yaml")
    out = capsys.readouterr().out.splitlines()
    # 30% longer accented text: what the UI cuts is an overflow (exit 1), what it shrinks a note. The
    # rights column gives a title two lines, which the pseudo-locale's titles fit: no overflow today.
    overflows = [line for line in out if ": overflow: " in line]
    assert code == (1 if overflows else 0) and not overflows
    # At Largest the select screen shows one card a page, 1,100 px wide: the pseudo-locale's title fits.
    assert not any(": warning: tutorial:meta:title:" in line for line in out)
    # Options the UI draws smaller beside the vote count are noted; the meters widen for their labels.
    assert any(": note: tutorial:" in line and "in facilitated mode" in line for line in out)
    assert not any("tutorial:var:" in line for line in out)


# Right titles the debrief's rights column cuts at text size 3 (two lines of 624 px at 36 px). When the
# check moved to the UI's Largest of 2.0 it found 15 Bulgarian titles cut after one line; the column
# now gives a title two lines, and none is cut. A title that grows past two lines comes onto this list.
BULGARIAN_TITLES_CUT: dict[str, list[str]] = {}


def test_the_bulgarian_tutorial_and_catalogues_are_complete(capsys, monkeypatch):
    from tests.i18n.conftest import ROOT

    monkeypatch.chdir(ROOT)
    code = run_cli("i18n", "check", "--lang", "bg", "scenarios/tutorial.yaml", "scenarios/rights/directive-2011-36.yaml",
                   "scenarios/rights/directive-2011-93.yaml")
    captured = capsys.readouterr()
    problems = [line for line in captured.out.splitlines() if ": warning: " not in line and ": note: " not in line]
    cut = {name: [f"{name.split('.')[0]}:{rid}:title" for rid in rids] for name, rids in BULGARIAN_TITLES_CUT.items()}
    expected = [(name, ctxt) for name, ctxts in cut.items() for ctxt in ctxts]
    found = [(line.split(":", 1)[0].rsplit("/", 1)[-1], line.split(": ")[2]) for line in problems]
    assert sorted(found) == sorted(expected) and all(": overflow: " in line and "rights column" in line
                                                     for line in problems), problems
    assert code == (1 if expected else 0)
    for name, total in (("tutorial.bg.po", 110), ("directive-2012-29.bg.po", 300), ("directive-2011-36.bg.po", 80),
                        ("directive-2011-93.bg.po", 70)):  # each catalogue + its edition (issue 13); 2011/93 + Arts 6, 17, 25 (issue 19)
        assert (f"{name}: {total}/{total} translated, 0 missing, 0 fuzzy, 0 obsolete, "
                f"{len(BULGARIAN_TITLES_CUT.get(name, []))} overflow") in captured.err
