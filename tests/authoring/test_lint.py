"""Lint rules in detail, beyond the one-fixture-per-code golden tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.authoring.checking import check_scenario
from game.authoring.diagnostics import Diagnostic, did_you_mean
from tests.authoring.helpers import INVALID

BASE = (INVALID / "valid-base.yaml").read_text(encoding="utf-8")


def _scenario(tmp_path: Path, *replacements: str, name: str = "case") -> Path:
    text = BASE.replace("id: valid-base", f"id: {name}")
    for old, new in zip(replacements[::2], replacements[1::2]):
        assert old in text, old
        text = text.replace(old, new, 1)
    if not (tmp_path / "rights").exists():
        shutil.copytree(INVALID / "rights", tmp_path / "rights")
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _codes(path: Path, **kw) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in check_scenario(str(path), **kw).diagnostics]


def test_condition_references_to_nodes_and_choices_are_checked(tmp_path):
    path = _scenario(tmp_path, '        text: "Explain simply."\n',
                     '        text: "Explain simply."\n        show_if: "visited(intr) or chose(ask, explian)'
                     ' or chose(intro, x)"\n')
    result = check_scenario(str(path))
    messages = [(d.code, d.col, d.message) for d in result.diagnostics]
    assert [m[0] for m in messages] == ["E301", "E301", "E301"]
    cols = {m[2].split("'")[3]: m[1] for m in messages}
    line = path.read_text().splitlines()[30]
    assert line[cols["intr"] - 1:].startswith("intr")
    assert line[cols["explian"] - 1:].startswith("explian")
    assert "did you mean 'explain'?" in {d.hint for d in result.diagnostics}


def test_reserved_variable_names_narrator_character_and_file_name(tmp_path):
    path = _scenario(tmp_path, "  trust: {start", "  visits: {start: 1, label: v}\n  trust: {start",
                     "  mira: {name", "  narrator: {name: N, portrait: narrator}\n  mira: {name",
                     "id: case", "id: other-name")
    codes = [c for c in _codes(path) if c[0].startswith("E")]  # 'visits' unused, 'narrator' silent: W433, W434
    assert [c[0] for c in codes] == ["E203", "E203", "E203"]
    assert [c[1] for c in codes] == [2, 11, 14]


def test_w401_only_for_the_first_change_on_a_path(tmp_path):
    # +60 from the start value 50 leaves 0..100; the same +60 after another trust change may not.
    path = _scenario(tmp_path, "effects: {trust: 10}", "effects: {trust: 30}",
                     "        next: good-end", "        next: again",
                     "  - id: good-end\n", "  - id: again\n    kind: decision\n    stage: first_contact\n"
                     "    role: police_officer\n    prompt: \"Again?\"\n    choices:\n"
                     "      - {id: a, text: A, next: good-end, effects: {trust: 60}, feedback: F,"
                     " assess: [{right: \"3(2)\", verdict: upholds, weight: 1}]}\n"
                     "      - {id: b, text: B, next: good-end, feedback: F,"
                     " assess: [{right: \"3(2)\", verdict: breaches, weight: 1}]}\n  - id: good-end\n")
    assert _codes(path) == []
    path = _scenario(tmp_path, "effects: {trust: 10}", "effects: {trust: 60}", name="first")
    assert [c[0] for c in _codes(path)] == ["W401"]


def test_a_branch_that_loops_to_itself_is_a_dead_end(tmp_path):
    path = _scenario(tmp_path, "        next: bad-end", "        next: check",
                     "  - id: bad-end\n", "  - id: check\n    kind: branch\n    stage: first_contact\n    cases:\n"
                     "      - {when: \"trust > 0\", next: bad-end}\n    else: check\n  - id: bad-end\n")
    result = check_scenario(str(path))
    assert [d.code for d in result.diagnostics] == ["E304"]
    assert "check -> check" in result.diagnostics[0].message


def test_a_missing_catalogue_does_not_flood_unknown_rights(tmp_path):
    path = _scenario(tmp_path, "rights: [fixture-vrd]", "rights: [fixture-vdr]")
    result = check_scenario(str(path))
    assert [d.code for d in result.diagnostics] == ["E311"]
    assert result.diagnostics[0].hint == "did you mean 'fixture-vrd'?"


def test_a_broken_catalogue_is_reported_in_its_own_file(tmp_path):
    path = _scenario(tmp_path)
    (tmp_path / "rights" / "fixture-vrd.yaml").write_text("id: fixture-vrd\nrights: []\n")
    result = check_scenario(str(path))
    assert {Path(d.path).name for d in result.diagnostics} == {"fixture-vrd.yaml"}
    assert not result.ok


def test_strict_turns_warnings_into_errors(tmp_path):
    path = _scenario(tmp_path, "    stage: first_contact\n    location", "    stage: court\n    location")
    assert [d.severity for d in check_scenario(str(path)).diagnostics] == ["warning"]
    strict = check_scenario(str(path), strict=True)
    assert [d.severity for d in strict.diagnostics] == ["error"] and not strict.ok


def test_unreachable_part_of_a_graph_is_reported_once_per_node(tmp_path):
    path = _scenario(tmp_path, "  - id: good-end\n",
                     "  - id: lost-a\n    kind: scene\n    stage: court\n    location: courtroom\n    lines:\n"
                     "      - {speaker: narrator, text: A}\n    next: lost-b\n"
                     "  - id: lost-b\n    kind: scene\n    stage: court\n    location: courtroom\n    lines:\n"
                     "      - {speaker: narrator, text: B}\n    next: lost-a\n  - id: good-end\n")
    assert [c[0] for c in _codes(path)] == ["E303", "E303"]


def test_rendering_and_suggestions():
    d = Diagnostic("a.yaml", 3, 7, "error", "E301", "'x' is not a node", "did you mean 'y'?")
    assert d.render() == "a.yaml:3:7: error E301: 'x' is not a node\n  hint: did you mean 'y'?"
    assert d.to_dict()["line"] == 3  # what validate --format json prints for it
    assert did_you_mean("polce_station", ["police_station", "office"]) == "did you mean 'police_station'?"
    assert did_you_mean("Police-Station", ["police_station"]) == "did you mean 'police_station'?"
    assert did_you_mean("zzz", ["police_station"]) is None


def test_an_explicit_line_id_may_not_collide_with_a_numbered_one(tmp_path):
    path = _scenario(tmp_path, '      - {speaker: mira, mood: worried, text: "Hello."}',
                     '      - {speaker: mira, mood: worried, text: "Hello."}\n'
                     '      - {id: line0, speaker: narrator, text: "Again."}')
    result = check_scenario(str(path))
    assert [(d.code, d.line, d.col) for d in result.diagnostics] == [("E302", 22, 14)]
    assert "line0" in result.diagnostics[0].message
