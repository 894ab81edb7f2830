"""A translation with a broken placeholder never reaches the game (issue 11, R2): ``i18n compile``
refuses it with file:line and a non-zero exit; ``play --lang bg`` of a draft uses the English for
that string, with a warning; ``i18n check`` flags ``{{article}}`` as well as ``{artcle}``."""

from __future__ import annotations

import shutil

import polib
import pytest

from tests.i18n.conftest import rightspath

CATALOGUE_PO = "scenarios/rights/directive-2012-29.bg.po"
GOOD = 'msgstr "чл. {article} от {instrument}"'


def _break(repo, broken: str) -> int:
    """Replace the Bulgarian citation pattern; return the line of its entry (as polib counts it).
    The copy's interface catalogues are left out: these tests are about scenario and catalogue texts."""
    shutil.rmtree(repo / "game" / "locale", ignore_errors=True)
    path = repo / CATALOGUE_PO
    text = path.read_text(encoding="utf-8")
    assert GOOD in text
    path.write_text(text.replace(GOOD, f'msgstr "{broken}"'), encoding="utf-8")
    entry = next(e for e in polib.pofile(str(path)) if e.msgctxt == "directive-2012-29:meta:citation")
    assert entry.msgstr == broken
    return entry.linenum


BROKEN = ["чл. {artcle} от {instrument}", "чл. {{article}} от {instrument}", "чл. {article} от {instrument"]


@pytest.mark.parametrize("broken", BROKEN)
def test_compile_refuses_a_broken_placeholder(repo, broken):
    line = _break(repo, broken)
    out = rightspath(repo, "i18n", "compile", "--lang", "bg", "scenarios/tutorial.yaml", "-o", "out")
    assert out.returncode == 1, out.stderr
    assert f"directive-2012-29.bg.po:{line}:" in out.stderr and "placeholder" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (repo / "out" / "tutorial.bg.json").exists()


@pytest.mark.parametrize("broken", BROKEN)
def test_check_flags_a_broken_placeholder(repo, broken):
    line = _break(repo, broken)
    out = rightspath(repo, "i18n", "check", "--lang", "bg", CATALOGUE_PO.replace(".bg.po", ".yaml"))
    assert out.returncode == 1
    assert f"directive-2012-29.bg.po:{line}: placeholder" in out.stdout + out.stderr


@pytest.mark.parametrize("broken", BROKEN)
def test_play_falls_back_to_english_for_the_broken_string(repo, broken):
    line = _break(repo, broken)
    out = rightspath(repo, "play", "--text", "scenarios/tutorial.yaml", "--lang", "bg", "--auto", "--seed", "1")
    assert out.returncode == 0, out.stderr
    assert "{artcle}" not in out.stdout and "{" not in out.stdout.split("SCORE CARD")[-1]
    assert "Art. 3(2) Директива 2012/29/ЕС" in out.stdout or "Art. " in out.stdout.split("SCORE CARD")[-1]
    assert f"directive-2012-29.bg.po:{line}:" in out.stderr and "English" in out.stderr


def test_compile_refuses_an_interface_string_with_a_broken_placeholder(repo):
    locale = repo / "game" / "locale"
    shutil.rmtree(locale, ignore_errors=True)
    locale.mkdir(parents=True)
    (locale / "bg.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                  'msgid "Step {n} of {total}"\nmsgstr "Стъпка {n} от {{total}}"\n', encoding="utf-8")
    out = rightspath(repo, "i18n", "compile", "--lang", "bg", "scenarios/tutorial.yaml", "-o", "out")
    assert out.returncode == 1, out.stderr
    assert "game/locale/bg.po:5:" in out.stderr and "placeholder" in out.stderr and "Traceback" not in out.stderr
    assert not (repo / "out" / "locale" / "bg.json").exists()
