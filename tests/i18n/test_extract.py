"""Extraction: stable ids, every translatable text, source references, same input -> same bytes."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from game.authoring.checking import check_scenario
from game.authoring.compiler import build_story
from game.i18n.storytexts import catalogue_finder, texts
from tests.i18n.conftest import ROOT, run_cli


def _compiled(path: Path):
    checked = check_scenario(str(path))
    assert checked.ok, [d.render() for d in checked.diagnostics]
    story = build_story(checked.model, checked.catalogues)
    finder = catalogue_finder(story["scenario"]["catalogues"],
                              {cid: {r.id for r in c.rights} for cid, c in checked.catalogues.items()})
    return story, finder


def test_extract_writes_one_template_per_scenario_and_catalogue(project):
    assert run_cli("i18n", "extract") == 0
    names = sorted(p.relative_to(project).as_posix() for p in project.rglob("*.pot"))
    assert names == ["scenarios/rights/directive-2011-36.pot", "scenarios/rights/directive-2011-93.pot",
                     "scenarios/rights/directive-2012-29.pot", "scenarios/rights/directive-2016-800.pot",
                     "scenarios/tutorial.pot"]


def test_extract_is_deterministic(project, tmp_path_factory):
    assert run_cli("i18n", "extract") == 0
    first = {p.name: p.read_bytes() for p in project.rglob("*.pot")}
    for p in project.rglob("*.pot"):
        p.unlink()
    assert run_cli("i18n", "extract", "scenarios/tutorial.yaml") == 0
    second = {p.name: p.read_bytes() for p in project.rglob("*.pot")}
    # Naming the tutorial extracts it and the one catalogue it uses, byte for byte as before.
    assert set(second) == {"tutorial.pot", "directive-2012-29.pot"}
    assert all(second[name] == first[name] for name in second)
    assert b"POT-Creation-Date" not in first["tutorial.pot"]


def test_template_covers_every_text_of_the_compiled_story(project):
    assert run_cli("i18n", "extract") == 0
    story, finder = _compiled(project / "scenarios" / "tutorial.yaml")
    expected = texts(story, finder)
    pot = {e.msgctxt: e.msgid for e in polib.pofile(str(project / "scenarios" / "tutorial.pot"))}
    catalogue = {e.msgctxt: e.msgid for e in polib.pofile(str(project / "scenarios/rights/directive-2012-29.pot"))}
    merged = {**pot, **catalogue}
    missing = sorted(set(expected) - set(merged))
    assert not missing
    assert {k: merged[k] for k in expected} == expected
    # Nothing in the scenario template that the story lacks (catalogue templates hold every right).
    assert set(pot) <= set(expected)
    assert "tutorial:welcome:intro-role" in pot  # an explicit line id replaces line<N>
    assert "tutorial:arrival:line0" in pot
    assert "tutorial:greet:explain-simply:feedback" in pot
    assert "tutorial:var:trust:label" in pot and "tutorial:char:sami:name" in pot


def test_references_point_at_the_yaml_lines(project):
    assert run_cli("i18n", "extract", "scenarios/tutorial.yaml") == 0
    lines = (project / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8").splitlines()
    pot = polib.pofile(str(project / "scenarios" / "tutorial.pot"))
    assert len(pot) > 50
    for entry in pot:
        (name, line), = entry.occurrences
        assert name == "tutorial.yaml"
        # The first few words of the English appear on the referenced line (for a block scalar,
        # `key: >-`, the line after the key, where the text begins).
        at = lines[int(line) - 1]
        if at.rstrip().endswith((": >-", ": >", ": |", ": |-")):
            at = lines[int(line)]
        assert entry.msgid[:20] in at, entry.msgctxt
    catalogue = polib.pofile(str(project / "scenarios/rights/directive-2012-29.pot"))
    entry = next(e for e in catalogue if e.msgctxt == "directive-2012-29:20(b):title")
    rights_lines = (project / "scenarios/rights/directive-2012-29.yaml").read_text(encoding="utf-8").splitlines()
    assert entry.msgid in rights_lines[int(entry.occurrences[0][1]) - 1]


def test_the_committed_templates_are_up_to_date(tmp_path, monkeypatch):
    # Regenerating the repository's templates changes nothing (stale templates mislead translators).
    for pot in [ROOT / "scenarios/tutorial.pot", *sorted((ROOT / "scenarios/rights").glob("*.pot"))]:
        from game.i18n import pofiles
        from game.i18n.sources import load_source

        source = load_source(pot.with_suffix(".yaml"))
        built = pofiles.build_pot(source.units, source.path, source.pot_path, source.project)
        assert pofiles.render(built) == pot.read_text(encoding="utf-8"), \
            f"{pot.name} is out of date: run rightspath i18n extract"


SCENARIOS = sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_bundled_scenario_extracts_every_text_its_story_shows(name):
    # Andrei and Mira too (Mira while it is being written): ids and texts agree with the compiler's.
    import pytest as _pytest

    from game.authoring.checking import catalogue_path
    from game.i18n.sources import load_source

    path = ROOT / "scenarios" / name
    checked = check_scenario(str(path))
    if not checked.ok:
        _pytest.skip(f"{name} does not compile yet")
    story, finder = _compiled(path)
    units = {u.ctxt: u.text for u in load_source(path).units}
    for cid in story["scenario"]["catalogues"]:
        units.update({u.ctxt: u.text for u in load_source(catalogue_path(str(path), cid)).units})
    expected = texts(story, finder)
    assert {k: units.get(k) for k in expected} == expected
    scenario_ids = {k for k in units if k.startswith(f"{story['scenario']['id']}:")}
    assert scenario_ids == {k for k in expected if k.startswith(f"{story['scenario']['id']}:")}


def test_a_draft_with_lint_errors_still_extracts(project, capsys):
    scenario = project / "scenarios" / "tutorial.yaml"
    text = scenario.read_text(encoding="utf-8").replace("next: complaint\n", "next: no-such-node\n", 1)
    scenario.write_text(text, encoding="utf-8")
    assert run_cli("i18n", "extract", "scenarios/tutorial.yaml") == 0
    assert (project / "scenarios" / "tutorial.pot").is_file()
    # Compiling a translation needs a scenario that compiles: a content error with file:line.
    assert run_cli("i18n", "init", "--lang", "bg", "scenarios/tutorial.yaml") == 0
    capsys.readouterr()
    assert run_cli("i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/tutorial.yaml") == 1
    err = capsys.readouterr().err
    assert "scenarios/tutorial.yaml:" in err and "E301" in err and "Traceback" not in err
