"""A .po file that cannot be read is reported as such by every i18n step, at its first bad line, and
is never written over: not by init (which would re-make it empty), not by compile, not by check.

The files are copies of the real ones (scenarios/, game/locale/ and the interface's source folders)
broken the way a hand edit breaks them; the real command runs in a subprocess.
"""

from __future__ import annotations

import polib

from game.i18n import pofiles, posyntax
from tests.i18n.conftest import ROOT, rightspath

UNREADABLE = "error: this PO file cannot be read ("
NOTHING_CHANGED = "fix it in your PO editor — nothing was changed"


def snapshot(root):
    """Bytes of every file under root (to prove nothing was written)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == text)


def assert_refused(repo, argv, po_name, line):
    before = snapshot(repo)
    result = rightspath(repo, *argv)
    assert result.returncode == 1, (argv, result.stderr)
    assert "Traceback" not in result.stderr
    where = f"{po_name}:{line}: " if line else f"{po_name}: "
    assert f"{where}{UNREADABLE}" in result.stderr, (argv, result.stderr)
    assert result.stderr.rstrip().endswith(NOTHING_CHANGED), (argv, result.stderr)
    assert snapshot(repo) == before, f"{argv} changed files although it refused a broken {po_name}"
    return result.stderr


SCENARIO_STEPS = [
    ["i18n", "check", "--lang", "bg"],
    ["i18n", "check", "--lang", "bg", "scenarios/tutorial.bg.po"],
    ["i18n", "init", "--lang", "bg"],
    ["i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml"],
    ["i18n", "compile", "--lang", "bg", "-o", "out"],
]


def test_garbage_after_an_unclosed_msgid_is_reported_at_its_line(repo):
    # polib said 'tutorial.bg.po:1: Entry "" already exists': the unclosed "x became the empty msgid.
    po = repo / "scenarios/tutorial.bg.po"
    po.write_text(po.read_text(encoding="utf-8") + 'msgid "x\nmsgstr garbage\n', encoding="utf-8")
    line = line_of(po, 'msgid "x')
    for argv in SCENARIO_STEPS:
        err = assert_refused(repo, argv, "scenarios/tutorial.bg.po", line)
        assert 'Entry "" already exists' in err and "the string is not closed by a double quote" in err


def test_an_unclosed_msgid_is_not_taken_for_an_untranslated_file(repo):
    # polib reads an unclosed string without a word (its last character is dropped): a translation
    # cut short there came out as "0/109 translated ... run 'i18n init'", which would wipe it.
    po = repo / "scenarios/tutorial.bg.po"
    text = po.read_text(encoding="utf-8")
    cut = text.index('msgid "First steps: Sami speaks up"') + len('msgid "First steps: Sami')
    po.write_text(text[:cut] + "\n", encoding="utf-8")
    line = line_of(po, 'msgid "First steps: Sami')
    for argv in SCENARIO_STEPS:
        err = assert_refused(repo, argv, "scenarios/tutorial.bg.po", line)
        assert "msgid: the string is not closed by a double quote" in err
        assert "translated" not in err.splitlines()[-1]


def test_a_duplicate_entry_is_reported_where_the_second_one_starts(repo):
    po = repo / "scenarios/rights/directive-2012-29.bg.po"
    first = next(e for e in polib.pofile(str(po)) if e.msgctxt and '"' not in e.msgid + e.msgctxt)
    first_line = line_of(po, f'msgctxt "{first.msgctxt}"')
    po.write_text(po.read_text(encoding="utf-8") + f'\nmsgctxt "{first.msgctxt}"\nmsgid "{first.msgid}"\n'
                  'msgstr "again"\n', encoding="utf-8")
    line = len(po.read_text(encoding="utf-8").splitlines()) - 2
    for argv in (["i18n", "check", "--lang", "bg", "scenarios/tutorial.yaml"], ["i18n", "init", "--lang", "bg"],
                 ["i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/mira.yaml"]):
        err = assert_refused(repo, argv, "scenarios/rights/directive-2012-29.bg.po", line)
        assert f"a second entry for msgctxt {first.msgctxt!r} (the first is at line {first_line})" in err


INTERFACE_STEPS = [
    ["i18n", "check", "--interface", "--lang", "bg"],
    ["i18n", "check", "--lang", "bg"],
    ["i18n", "init", "--interface", "--lang", "bg"],
    ["i18n", "compile", "--lang", "bg", "-o", "out"],
    ["i18n", "compile", "--lang", "bg"],
]


def test_a_broken_interface_catalogue_is_refused_by_every_step(repo):
    po = repo / "game/locale/bg.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    target = next(n for n, line in enumerate(lines) if line.startswith('msgstr "') and len(line) > 12)
    lines[target] = lines[target][:-1]  # the closing quote deleted
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for argv in INTERFACE_STEPS:
        err = assert_refused(repo, argv, "game/locale/bg.po", target + 1)
        assert "msgstr: the string is not closed by a double quote" in err


def test_polib_syntax_error_without_a_line_the_scan_finds(repo):
    # A msgstr with no msgid: polib's own message has the line; the scan agrees and says why.
    po = repo / "game/locale/bg.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgstr "lonely"\n', encoding="utf-8")
    line = len(po.read_text(encoding="utf-8").splitlines())
    err = assert_refused(repo, ["i18n", "check", "--interface", "--lang", "bg"], "game/locale/bg.po", line)
    assert "(syntax error; on this line: msgstr without a msgid before it)" in err


def test_the_scan_accepts_every_real_catalogue_and_what_polib_writes(tmp_path):
    """No false alarms: the committed .po/.pot files and a catalogue using every feature polib
    writes (contexts, plurals, fuzzy with previous English, obsolete, escapes, long wrapped lines)."""
    real = sorted(ROOT.glob("scenarios/**/*.po*")) + sorted(ROOT.glob("game/locale/*.po*"))
    assert len(real) >= 10
    for path in real:
        assert posyntax.first_problem(path.read_text(encoding="utf-8")) is None, path
    catalogue = polib.POFile(wrapwidth=pofiles.WRAP)
    catalogue.metadata = pofiles.metadata("test", "bg")
    catalogue.append(polib.POEntry(msgctxt="a:b", msgid='Say "hi"\n\tthen \\ go', msgstr='Кажи „здрасти“\\'))
    catalogue.append(polib.POEntry(msgid="{n} decision", msgid_plural="{n} decisions",
                                   msgstr_plural={0: "{n} решение", 1: "{n} решения"}))
    catalogue.append(polib.POEntry(msgctxt="c", msgid="long " * 40, msgstr="дълго " * 40, flags=["fuzzy"],
                                   previous_msgid="older " * 30, previous_msgctxt="c", tcomment="a note"))
    catalogue.append(polib.POEntry(msgctxt="gone", msgid="Old " * 30, msgstr="Старо " * 30, obsolete=True))
    catalogue.append(polib.POEntry(msgctxt="gone2", msgid="Older", msgstr="По-старо", obsolete=True,
                                   flags=["fuzzy"], previous_msgid="Oldest"))
    path = tmp_path / "all.po"
    catalogue.save(str(path))
    text = path.read_text(encoding="utf-8")
    assert "#~ " in text and "#| msgid" in text and "msgstr[1]" in text
    assert posyntax.first_problem(text) is None, text
    assert len(pofiles.read(path)) == 5  # obsolete entries included
