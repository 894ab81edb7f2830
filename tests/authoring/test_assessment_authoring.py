"""The assessment node in authoring (issue 19): the schema, lint with codes, positions and
did-you-mean (golden diagnostics), and what the compiler writes (story format 4).

Goldens (``tests/fixtures/assessment/invalid/<name>.expected``) hold every diagnostic as printed,
message and hint. Regenerate with ``UPDATE_GOLDEN=1 pytest tests/authoring/test_assessment_authoring.py``
and read the diff before committing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.authoring.checking import check_scenario
from game.authoring.compiler import build_story
from game.authoring.schema import schema_for
from tests.authoring.helpers import ROOT, UPDATE_GOLDEN
from tests.engine.assessment_fixture import FOLDER, SOURCE

INVALID = sorted((FOLDER / "invalid").glob("*.yaml"))


def _rendered(path: Path) -> list[str]:
    out = []
    for d in check_scenario(str(path)).diagnostics:
        out.extend(d.render().replace(str(ROOT) + "/", "").splitlines())
    return out


def test_the_fixture_is_clean():
    checked = check_scenario(str(SOURCE))
    assert checked.ok and checked.diagnostics == [], [d.render() for d in checked.diagnostics]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_assessment_matches_its_golden(path: Path):
    golden = path.with_suffix(".expected")
    got = _rendered(path)
    if UPDATE_GOLDEN:
        golden.write_text("\n".join(got) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8").splitlines()
    code = path.stem.split("-")[0].upper()
    assert code in " ".join(got), f"{path.name} does not report {code}"


# Where the main diagnostic must point: the text at its line and column (written by hand).
POINTS_AT = {
    "e201-item-verdict": "verdict: upholds",
    "e202-item-without-applies": "id: disability",
    "e301-assessed-unknown-item": "retaliaton)",
    "e301-assessed-not-assessment": "new-facts,",
    "e302-duplicate-item": "age",
    "e307-item-unknown-right": "\"23(2)(z)\"",
    "e308-effect-unknown-variable": "trsut",
    "e314-empty-section": "id: views",
    "e315-nothing-applies": "review",
    "e316-revises-not-assessment": "new-facts",
    "e316-revises-typo": "first-asessment",
    "w421-mark-everything": "first-assessment",
    "w422-one-item": "id: views",
    "w440-item-out-of-place": "\"23(2)(c)\"",
}


@pytest.mark.parametrize("name", sorted(POINTS_AT))
def test_the_diagnostic_points_at_the_mistake(name: str):
    path = FOLDER / "invalid" / f"{name}.yaml"
    code = name.split("-")[0].upper()
    first = next(d for d in check_scenario(str(path)).diagnostics if d.code == code)
    line = path.read_text(encoding="utf-8").splitlines()[first.line - 1]
    assert line[first.col - 1:].startswith(POINTS_AT[name]), (first.render(), line)


def test_every_invalid_fixture_is_checked_for_its_position():
    assert {p.stem for p in INVALID} == set(POINTS_AT)


def test_the_schema_describes_the_assessment_node():
    schema = schema_for()
    defs = schema["$defs"]
    node = defs["Assessment"]
    assert node["additionalProperties"] is False
    assert set(node["required"]) == {"id", "kind", "stage", "role", "prompt", "sections", "measures", "next"}
    assert node["properties"]["sections"]["maxItems"] == 6
    item = defs["Item"]
    assert set(item["required"]) == {"id", "text", "applies", "assess", "feedback"}
    assert item["properties"]["if_missed"]["enum"] == ["misses", "breaches"]
    assert set(defs["ItemAssess"]["properties"]) == {"right", "weight"}  # no verdict: it is derived
    kinds = schema["properties"]["nodes"]["items"]["discriminator"]["mapping"]
    assert kinds["assessment"].endswith("/Assessment")


def test_the_compiled_node():
    checked = check_scenario(str(SOURCE))
    story = build_story(checked.model, checked.catalogues)
    assert (story["format_version"], story["min_reader_version"]) == (4, 4)
    node = story["nodes"]["first-assessment"]
    assert node["kind"] == "assessment" and node["location"] == "office"  # inherited from the scene
    assert [s["id"] for s in node["sections"]] == ["personal", "crime", "views", "risks"]
    assert node["measures"]["title"] == "Measures that follow"
    age = node["sections"][0]["items"][0]
    assert age == {"id": "age", "text": "She is 14, and so presumed to have specific protection needs.",
                   "applies": True, "assess": [{"right": "22(4)", "weight": 2}], "if_missed": "breaches",
                   "feedback": "A child victim is presumed to have specific protection needs (22(4))."}
    assert "if_missed" not in node["sections"][0]["items"][1]  # the default is left out
    assert node["effects"] == {"good": [{"var": "trust", "delta": 10}], "poor": [{"var": "trust", "delta": -10}]}
    assert node["discuss"]["before"] and "order" not in node and "revises" not in node
    review = story["nodes"]["review"]
    assert review["revises"] == "first-assessment" and review["order"] == "fixed" and "effects" not in review
    assert story["nodes"]["check-risk"]["cases"][0]["when"] == ["assessed", "first-assessment", "retaliation"]
    # every right an item rests on is copied, with its citation
    assert story["rights"]["24(1)(b)"]["citation"] == "Art. 24(1)(b) Directive 2012/29/EU"
    assert set(story["rights"]) == {"8(1)", "22(1)", "22(3)", "22(4)", "22(6)", "22(7)", "23(2)(a)", "24(1)(a)",
                                    "24(1)(b)"}
    json.dumps(story)  # plain JSON


def test_translations_reach_every_text_of_an_assessment():
    """Extraction (from the YAML) and the compiled story's slots agree on every stable id and text,
    items by their ids (so inserting an item keeps the others' translations)."""
    from game.authoring.checking import catalogue_path
    from game.i18n.sources import load_source
    from game.i18n.storytexts import catalogue_finder, texts

    checked = check_scenario(str(SOURCE))
    story = build_story(checked.model, checked.catalogues)
    finder = catalogue_finder(list(checked.model.rights),
                              {cid: {r.id for r in cat.rights} for cid, cat in checked.catalogues.items()})
    units = {u.ctxt: u.text for u in load_source(SOURCE).units}
    for cid in story["scenario"]["catalogues"]:
        units.update({u.ctxt: u.text for u in load_source(catalogue_path(str(SOURCE), cid)).units})
    expected = texts(story, finder)
    assert {k: units.get(k) for k in expected} == expected
    mine = {k for k in units if k.startswith("assess-fixture:")}
    assert mine == {k for k in expected if k.startswith("assess-fixture:")}
    assert expected["assess-fixture:first-assessment:item:age:text"].startswith("She is 14")
    assert "assess-fixture:first-assessment:section:personal:title" in expected
    assert "assess-fixture:review:measures:title" in expected


def test_golden_paths_go_through_assessments_and_visit_every_node():
    from tests.support.golden import golden_paths, path_kind, replay
    from tests.engine.assessment_fixture import FIRST_BEST, REVIEW_BEST, story as load

    story = load()
    paths, cov = golden_paths(story)
    assert cov.complete, (cov.missing_nodes, cov.missing_endings)
    best = next(p for p in paths if p.name == "best")
    assert best.choices == ["+" + "+".join(sorted(FIRST_BEST)), "+" + "+".join(sorted(REVIEW_BEST))]
    assert path_kind(story, best.choices) == "best" and replay(story, best.choices).score().scaled == 1.0
    worst = next(p for p in paths if p.name == "worst")
    assert path_kind(story, worst.choices) == "worst"
    assert {p.ending for p in paths} == {"good-end", "mixed-end"}
