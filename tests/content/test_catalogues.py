"""The rights catalogues in scenarios/rights/ (docs/CONTRACTS.md §4).

Scenario authors cite these ids from the legal text, and the engine shows them to players as
"Art. 20(b) Directive 2012/29/EU", so a missing, duplicated or mis-parented id is a content bug.
The files are read with plain PyYAML here (not through our loader) so the checks do not depend on
the authoring code; one test then runs the real validator over them as well.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from game.engine import vocab

RIGHTS_DIR = Path(__file__).resolve().parents[2] / "scenarios" / "rights"

VRD = "directive-2012-29"
PREFIXED = {"directive-2011-36": "2011/36:", "directive-2011-93": "2011/93:", "directive-2016-800": "2016/800:"}

# Ids that issue 2 requires in the Victims' Rights Directive catalogue (from docs RIGHTS.md's table
# and the failure list under it). Kept explicit so CI does not depend on the shared docs folder.
REQUIRED_VRD_IDS = [
    "1", "1(1)", "1(2)", "2(1)(c)",
    "3", "3(1)", "3(2)", "3(3)",
    "4", "4(1)", *[f"4(1)({p})" for p in "abcdefghijk"], "4(2)",
    "5(1)", "5(2)", "5(3)",
    "6(1)", "6(1)(a)", "6(1)(b)", "6(2)", "6(2)(a)", "6(2)(b)", "6(3)", "6(4)", "6(5)", "6(6)",
    "7(1)", "7(3)", "7(7)",
    "8(1)", "8(2)", "8(3)", "8(5)",
    "9", "9(1)", *[f"9(1)({p})" for p in "abcde"], "9(3)", "9(3)(b)",
    "10", "11", "11(1)", "11(2)", "11(3)",
    "12", "12(1)", *[f"12(1)({p})" for p in "abcde"],
    "13", "14", "15", "16", "17(1)", "17(2)", "17(3)",
    "18", "19(1)", "19(2)",
    "20", "20(a)", "20(b)", "20(c)", "20(d)",
    "21(1)",
    "22(1)", "22(2)", "22(3)", "22(4)", "22(6)", "22(7)",
    "23", "23(1)", "23(2)", *[f"23(2)({p})" for p in "abcd"], "23(3)", *[f"23(3)({p})" for p in "abcd"],
    "24", "24(1)", "24(1)(a)", "24(1)(b)", "24(1)(c)", "24(2)",
    "25(1)", "26(1)", "26(2)",
]

REQUIRED_PREFIXED_IDS = {
    # 2011/36: the consolidated text after Directive (EU) 2024/1712, with the provisions the legal review
    # (December 2026, A12-A16) found missing: 2(4)-(5), 9(1), 11(1), 11(2), 11(4), 11(5), 12(4), 13(3), 16(2)-(4), 17.
    "directive-2011-36": ["2(4)", "2(5)", "8", "9(1)", "11(1)", "11(2)", "11(3)", "11(4)", "11(5)", "12(4)", "13",
                          "13(1)", "13(2)", "13(3)", "14(1)", "14(2)", "15(1)", "15(2)", "15(3)", "15(4)", "15(5)",
                          "16", "16(2)", "16(3)", "16(4)", "17"],
    # 2011/93: 15(1), 16 and the split of Article 19 (review A18, A21).
    "directive-2011-93": ["15(1)", "16", "16(1)", "16(2)", "18", "19", "19(1)", "19(2)", "19(3)", "20(1)", "20(2)",
                          "20(3)", "20(4)", "20(5)", "20(6)"],
    # Directive (EU) 2016/800, for a child victim who is first arrested or questioned as a suspect.
    "directive-2016-800": ["3", "4", "6", "7", "10", "10(1)", "12"],
}

# Provisions docs/RIGHTS.md marks "(chk)": the catalogue must flag them until someone checks them.
# Items RIGHTS.md marks "(chk)": each is either still flagged `unverified: true`, or the catalogue's
# header records that it was checked against the official text.
CHK_IN_REFERENCE = ["9(3)(b)", "10"]
# Editorial notes that must never reach a player: the paraphrase is what the feedback screen shows.
EDITORIAL_NOTE = re.compile(r"to be (confirmed|checked)|numbering|\(chk\)|TODO|unverified", re.IGNORECASE)

CONTRACT_KEYS = {"id", "instrument", "short_name", "adopted", "source", "version", "edition", "prefix", "rights"}  # edition: CONTRACTS §4 (issue 13)
RIGHT_KEYS = {"id", "parent", "title", "text", "stages", "actors", "unverified"}
ID_SHAPE = re.compile(r"^([0-9]{4}/[0-9]+:)?[0-9]+[a-z]?(\([0-9a-z]+\))*$")


def load(catalogue_id: str) -> dict:
    with open(RIGHTS_DIR / f"{catalogue_id}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def all_catalogue_ids() -> list[str]:
    """Every catalogue file present, so one added later gets the generic checks too."""
    return sorted(p.stem for p in RIGHTS_DIR.glob("*.yaml"))


def ids_of(catalogue: dict) -> list[str]:
    return [str(r["id"]) for r in catalogue["rights"]]


def parent_of(right_id: str) -> str | None:
    """'4(1)(a)' -> '4(1)', '20(b)' -> '20', '2011/36:14(2)' -> '2011/36:14', '18' -> None."""
    cut = right_id.rfind("(")
    return right_id[:cut] if cut > 0 else None


@pytest.fixture(scope="module")
def vrd() -> dict:
    return load(VRD)


# --- every catalogue -----------------------------------------------------------------------

@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_top_level_keys_follow_the_contract(catalogue_id):
    cat = load(catalogue_id)
    assert set(cat) == CONTRACT_KEYS
    assert cat["id"] == catalogue_id
    assert cat["rights"], "a catalogue lists at least one right"
    for right in cat["rights"]:
        assert set(right) <= RIGHT_KEYS, f"{right.get('id')}: unknown keys {set(right) - RIGHT_KEYS}"
        assert {"id", "title", "text", "stages", "actors"} <= set(right), f"{right.get('id')}: missing keys"


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_ids_are_unique_and_shaped_like_citations(catalogue_id):
    ids = ids_of(load(catalogue_id))
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"
    malformed = [i for i in ids if not ID_SHAPE.match(i)]
    assert not malformed, f"ids that are not article(paragraph)(point): {malformed}"


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_every_parent_exists_and_is_the_enclosing_citation(catalogue_id):
    cat = load(catalogue_id)
    known = set(ids_of(cat))
    for right in cat["rights"]:
        rid = str(right["id"])
        parent = right.get("parent")
        if parent is None:
            assert "(" not in rid.split(":")[-1], f"{rid} is a paragraph or point but names no parent"
            continue
        assert parent in known, f"{rid}: parent {parent} is not in the catalogue"
        assert parent == parent_of(rid), f"{rid}: parent should be {parent_of(rid)}, not {parent}"


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_stages_and_actors_come_from_the_shared_vocabulary(catalogue_id):
    for right in load(catalogue_id)["rights"]:
        assert right["stages"], f"{right['id']}: no stages"
        assert right["actors"], f"{right['id']}: no actors"
        assert set(right["stages"]) <= set(vocab.STAGES), f"{right['id']}: {set(right['stages']) - set(vocab.STAGES)}"
        assert set(right["actors"]) <= set(vocab.ROLES), f"{right['id']}: {set(right['actors']) - set(vocab.ROLES)}"
        assert len(set(right["stages"])) == len(right["stages"]), f"{right['id']}: repeated stage"
        assert len(set(right["actors"])) == len(right["actors"]), f"{right['id']}: repeated actor"


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_titles_are_short_and_texts_are_sentences(catalogue_id):
    for right in load(catalogue_id)["rights"]:
        words = len(right["title"].split())
        assert 2 <= words <= 5, f"{right['id']}: title '{right['title']}' has {words} words (2-5 wanted)"
        text = right["text"].strip()
        assert text[:1].isupper() and text.endswith((".", ")")), f"{right['id']}: text is not a sentence"
        assert 20 <= len(text) <= 600, f"{right['id']}: text length {len(text)}"
        assert isinstance(right.get("unverified", False), bool)


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_the_real_validator_accepts_the_catalogue(catalogue_id):
    from game.authoring.checking import check_catalogue

    checked = check_catalogue(str(RIGHTS_DIR / f"{catalogue_id}.yaml"))
    assert [d for d in checked.diagnostics] == []
    assert checked.ok


# --- the Victims' Rights Directive ---------------------------------------------------------

def test_every_article_1_to_26_has_an_article_level_entry(vrd):
    ids = set(ids_of(vrd))
    missing = [n for n in range(1, 27) if str(n) not in ids]
    assert not missing, f"articles without an entry: {missing}"
    beyond = sorted({i.split("(")[0] for i in ids} - {str(n) for n in range(1, 27)})
    assert not beyond, f"ids outside Articles 1-26: {beyond}"


def test_every_required_id_is_present(vrd):
    ids = set(ids_of(vrd))
    missing = [i for i in REQUIRED_VRD_IDS if i not in ids]
    assert not missing, f"required ids missing: {missing}"


def test_articles_appear_in_legal_order(vrd):
    articles = [int(i.split("(")[0]) for i in ids_of(vrd)]
    assert articles == sorted(articles)


def test_point_lists_are_complete_runs(vrd):
    """A paragraph with points has them all, a, b, c ... without a gap (e.g. 4(1)(a)-(k))."""
    ids = ids_of(vrd)
    points: dict[str, list[str]] = {}
    for rid in ids:
        match = re.fullmatch(r"(.+)\(([a-z])\)", rid)
        if match:
            points.setdefault(match.group(1), []).append(match.group(2))
    assert points["4(1)"] == list("abcdefghijk")
    for parent, letters in points.items():
        expected = [chr(ord("a") + k) for k in range(len(letters))]
        assert letters == expected, f"points under {parent}: {letters}"


def test_items_marked_chk_in_the_reference_are_flagged_or_recorded_as_checked(vrd):
    text = (RIGHTS_DIR / f"{VRD}.yaml").read_text(encoding="utf-8")
    checked = {rid.strip() for m in re.finditer(r"^# Checked against the official text on \d{4}-\d\d-\d\d: (.+)\.$",
                                                text, re.MULTILINE) for rid in m.group(1).split(",")}
    by_id = {str(r["id"]): r for r in vrd["rights"]}
    for rid in CHK_IN_REFERENCE:
        assert by_id[rid].get("unverified") is True or rid in checked, f"{rid}: flag it unverified or record the check"
    assert checked <= set(by_id), f"the header records checks of unknown ids {sorted(checked - set(by_id))}"


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_paraphrases_carry_no_editorial_notes(catalogue_id):
    """Titles and texts are shown to players in the feedback: doubts belong in `unverified`, not in them."""
    for right in load(catalogue_id)["rights"]:
        for field in ("title", "text"):
            assert not EDITORIAL_NOTE.search(right[field]), f"{catalogue_id} {right['id']} {field}: {right[field]!r}"


def test_no_bundled_scenario_cites_an_unverified_entry():
    """Players are only ever scored against provisions whose numbering has been checked."""
    unverified = {str(r["id"]) for cid in all_catalogue_ids() for r in load(cid)["rights"] if r.get("unverified")}
    scenarios = RIGHTS_DIR.parent
    for path in sorted(scenarios.glob("*.yaml")):
        cited = set(re.findall(r'right: "([^"]+)"', path.read_text(encoding="utf-8")))
        assert cited, f"{path.name}: no citations found (has the assess syntax changed?)"
        assert not cited & unverified, f"{path.name} cites unverified entries {sorted(cited & unverified)}"


def test_source_block_names_the_instrument_and_its_version(vrd):
    assert vrd["instrument"] == "Directive 2012/29/EU"
    assert vrd["prefix"] == ""
    assert str(vrd["adopted"]) == "2012-10-25"
    assert "OJ L 315, 14.11.2012" in vrd["source"]
    assert "CELEX 32012L0029" in vrd["source"]
    assert "2012" in vrd["version"] and "2025" in vrd["version"]


def test_child_specific_entries_are_tied_to_the_stages_where_they_bite(vrd):
    by_id = {str(r["id"]): r for r in vrd["rights"]}
    assert "individual_assessment" in by_id["22(4)"]["stages"]
    assert "police_interview" in by_id["24(1)(a)"]["stages"]
    assert "court" in by_id["23(3)(a)"]["stages"]
    assert "first_contact" in by_id["24(2)"]["stages"]
    assert "support_services" in by_id["8(1)"]["stages"]
    assert "prosecution" in by_id["11(3)"]["stages"]


# --- the related instruments (prefixed ids) ------------------------------------------------

@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_prefixed_catalogues_carry_their_prefix_everywhere(catalogue_id):
    cat = load(catalogue_id)
    prefix = cat["prefix"]
    if catalogue_id in PREFIXED:
        assert prefix == PREFIXED[catalogue_id]
    if not prefix:
        assert all(":" not in str(r["id"]) for r in cat["rights"]), "an unprefixed catalogue holds prefixed ids"
        return
    assert re.fullmatch(r"[0-9]{4}/[0-9]+:", prefix), f"prefix {prefix!r} is not 'year/number:'"
    for right in cat["rights"]:
        assert str(right["id"]).startswith(prefix), f"{right['id']} lacks {prefix}"
        if right.get("parent") is not None:
            assert right["parent"].startswith(prefix), f"{right['id']}: parent {right['parent']} lacks {prefix}"


@pytest.mark.parametrize("catalogue_id", sorted(PREFIXED))
def test_prefixed_catalogues_hold_the_required_ids(catalogue_id):
    prefix = PREFIXED[catalogue_id]
    ids = set(ids_of(load(catalogue_id)))
    missing = [prefix + i for i in REQUIRED_PREFIXED_IDS[catalogue_id] if prefix + i not in ids]
    assert not missing, f"required ids missing: {missing}"


def test_trafficking_catalogue_notes_the_2024_amendment():
    cat = load("directive-2011-36")
    assert "2024/1712" in cat["version"] and "02011L0036-20240714" in cat["version"]
    assert "CELEX 32011L0036" in cat["source"] and "2024/1712" in cat["source"]


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_every_catalogue_dates_the_text_it_follows(catalogue_id):
    """Review §3: each catalogue says which version of its instrument it paraphrases and when that was checked."""
    version = load(catalogue_id)["version"]
    assert re.search(r"checked on \d{4}-\d\d-\d\d", version), version
    assert re.search(r"unamended as at|consolidated", version), version


def test_vrd_version_names_the_agreed_revision():
    version = load(VRD)["version"]
    assert "10 December 2025" in version and "COM(2023) 424" in version and "not applicable" in version


def test_recast_and_corrigendum_of_2011_93_are_noted():
    version = load("directive-2011-93")["version"]
    assert "2011/92/EU" in version and "22 June 2026" in version


def test_discretions_are_worded_as_discretions():
    """Review A7, E2, D1/D18: "may" provisions are powers, not guaranteed outcomes."""
    by_id = {str(r["id"]): r for cid in all_catalogue_ids() for r in load(cid)["rights"]}
    assert "entitled" in by_id["2011/36:8"]["text"] and "other unlawful activities" in by_id["2011/36:8"]["text"]
    assert by_id["21"]["text"].startswith("Authorities can take measures")
    assert "conflict of interest" in by_id["2011/36:14(2)"]["text"] and "by national law" in by_id["2011/36:14(2)"]["text"]
    assert "where appropriate" in by_id["2011/36:16(3)"]["text"]
    assert "where necessary" in by_id["2011/36:15(3)(c)"]["text"]
    assert "Upon request" in by_id["7(3)"]["text"]
    assert "unless national law provides" in by_id["16"]["text"]
    assert "first contact with the competent authority" in by_id["4(1)(g)"]["text"]
    assert "policy duty" not in by_id["26"]["text"]


def test_right_ids_are_unique_across_catalogues():
    seen: dict[str, str] = {}
    for cid in all_catalogue_ids():
        for rid in ids_of(load(cid)):
            assert rid not in seen, f"{rid} is in both {seen[rid]} and {cid}"
            seen[rid] = cid


def test_the_three_catalogues_issue_2_asks_for_exist():
    assert {VRD, *PREFIXED} <= set(all_catalogue_ids())


@pytest.mark.parametrize("catalogue_id", all_catalogue_ids())
def test_bulgarian_paraphrases_cite_points_with_cyrillic_letters(catalogue_id):
    """The Bulgarian Official Journal numbers points а), б), в) ...: a Latin "(b)" cannot be found there
    (a11y review B-1). The citation pattern itself is filled in by the game from the id."""
    polib = pytest.importorskip("polib")
    path = RIGHTS_DIR / f"{catalogue_id}.bg.po"
    if not path.exists():
        pytest.skip(f"no Bulgarian translation of {catalogue_id}")
    latin = [e.msgctxt for e in polib.pofile(str(path)) if re.search(r"\([a-k]\)|букви [a-k]\b", e.msgstr)]
    assert not latin, latin
