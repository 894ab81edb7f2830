"""Each invalid fixture yields exactly the diagnostics its golden file lists, at the right place.

Golden files (``<fixture>.expected``) hold one ``CODE LINE COL`` per line. Regenerate them with
``UPDATE_GOLDEN=1 pytest tests/authoring/test_fixtures.py`` and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.checking import check_catalogue, check_scenario
from tests.authoring.helpers import INVALID, UPDATE_GOLDEN

SCENARIO_FIXTURES = sorted(p for p in INVALID.glob("*.yaml") if p.stem != "valid-base")
CATALOGUE_FIXTURES = sorted(p for p in (INVALID / "rights").glob("e*.yaml"))


def _diagnostics(path: Path):
    if path.parent.name == "rights":
        return check_catalogue(str(path)).diagnostics
    return check_scenario(str(path)).diagnostics


def _triples(path: Path) -> list[str]:
    return [f"{d.code} {d.line} {d.col}" for d in _diagnostics(path)]


@pytest.mark.parametrize("path", SCENARIO_FIXTURES + CATALOGUE_FIXTURES, ids=lambda p: p.stem)
def test_fixture_matches_golden(path: Path):
    golden = path.with_suffix(".expected")
    got = _triples(path)
    if UPDATE_GOLDEN:
        golden.write_text("\n".join(got) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with UPDATE_GOLDEN=1"
    expected = [line for line in golden.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert got == expected


def test_every_code_has_a_fixture():
    """The fixtures cover every diagnostic code of docs/CONTRACTS.md §7 (E103 is made in a test:
    a committed 2 MB file would be silly)."""
    codes = set()
    for path in SCENARIO_FIXTURES + CATALOGUE_FIXTURES:
        codes.update(line.split()[0] for line in path.with_suffix(".expected").read_text().splitlines() if line)
    wanted = {"E101", "E102", "E104", "E105", "E106", "E107", "E201", "E202", "E203", "E204", "E301", "E302",
              "E303", "E304", "E305", "E306", "E307", "E308", "E309", "E310", "E311", "E312", "E313",
              "W401", "W402", "W403", "W410", "W411", "W412"}
    assert wanted <= codes, sorted(wanted - codes)


def test_fixture_is_named_after_its_main_code():
    for path in SCENARIO_FIXTURES + CATALOGUE_FIXTURES:
        code = path.stem.split("-")[0].upper()
        assert code in _triples_codes(path), path.name


def _triples_codes(path: Path) -> set[str]:
    return {d.code for d in _diagnostics(path)}


def test_base_fixture_is_valid():
    """Every fixture is the valid base plus one mistake; the base itself must be clean."""
    assert check_scenario(str(INVALID / "valid-base.yaml")).diagnostics == []


# Where the main diagnostic of each fixture must point: the text found at its line and column.
# Written by hand from the fixture, independently of the golden files.
POINTS_AT = {
    "e102-duplicate-key": "feedback: \"Again.\"",
    "e104-too-deep": "[",
    "e105-billion-laughs": "*c",
    "e106-not-mapping": "- id:",
    "e107-encoding": "\ufffd\"",
    "e201-unknown-key": "locaton:",
    "e202-missing-key": "id: ask",
    "e203-wrong-value": "high",
    "e204-bad-slug": "Good End",
    "e301-unknown-next": "bda-end",
    "e302-duplicate-id": "good-end",
    "e303-unreachable": "side-room",
    "e304-dead-end": "waiting",
    "e304-branch-loop": "check-a",
    "e305-too-few-choices": "- id: explain",
    "e306-unreachable-ending": "bad-end",
    "e307-unknown-right": "\"3(3)\"",
    "e308-unknown-variable": "stres < 50",
    "e309-bad-condition": "and visited",
    "e310-unknown-speaker": "stern",
    "e311-unknown-catalogue": "directive-2011-93",
    "w401-effect-range": "60}",
    "w402-stage-order": "ask",
    "w403-no-assessment": "id: rush",
    "e312-no-option": "ask",
    "w410-no-option-sometimes": "ask",
    "w411-constant-condition": "\"false\"",
    "w412-long-text": "\"Rush on and on",
    "e302-duplicate-right": "\"2011/36:14(2)\"",
}


@pytest.mark.parametrize("name", sorted(POINTS_AT))
def test_main_diagnostic_points_at_the_mistake(name: str):
    path = INVALID / f"{name}.yaml"
    if not path.exists():
        path = INVALID / "rights" / f"{name}.yaml"
    code = name.split("-")[0].upper()
    first = next(d for d in _diagnostics(path) if d.code == code)
    raw = path.read_bytes().decode("utf-8", "replace")
    line = raw.splitlines()[first.line - 1]
    assert line[first.col - 1:].startswith(POINTS_AT[name]), (first.render(), line)
