"""The Nia scenario (scenarios/nia.yaml, issue 19): shape, the key legal points, and every ending.

Everything runs through the real validator, the real compiler and the real engine. Endings are
reached by a "careful professional" who takes the best-scoring option everywhere except at the
named decisions, so each path below reads as the few mistakes that lead to that outcome.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from game.authoring.checking import check_scenario
from tests.support.stories import load_story_from_yaml
from game.engine import vocab
from game.engine.assessment import best_marks, evaluate, item_ids
from game.engine.autoplay import auto_play
from game.engine.run import Run

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "nia.yaml"
RIGHTS_DIR = SCENARIO.parent / "rights"

# The roles the first two cases under-use act here (issue 19), plus the first responders.
EXPECTED_ROLES = {"school_counsellor", "police_officer", "digital_forensics", "psychologist", "prosecutor",
                  "lawyer", "judge"}

# Provisions the case turns on: grooming and image-based exploitation, the interview safeguards of
# 2011/93 Art. 20(3), court measures (23(3), 2011/93 Art. 20(5)-(6)), removal (2011/93 Art. 25),
# jurisdiction across a border (2011/93 Art. 17), support (8, 9, 2011/93 Art. 19).
EXPECTED_RIGHTS = {"1(2)", "4(1)", "8(2)", "15", "18", "22(1)", "22(7)", "23(3)(a)", "23(3)(b)",
                   "23(3)(c)", "23(3)(d)", "24(1)(a)", "8(1)", "9(3)(b)", "6(2)(a)", "6(5)",
                   "2011/93:15", "2011/93:15(1)", "2011/93:16(1)", "2011/93:17(1)", "2011/93:19(1)",
                   "2011/93:19(2)", "2011/93:20(2)", "2011/93:20(3)(a)", "2011/93:20(3)(b)", "2011/93:20(3)(c)",
                   "2011/93:20(3)(e)", "2011/93:20(3)(f)", "2011/93:20(5)", "2011/93:20(6)", "2011/93:25(1)",
                   "2011/93:25(2)"}

# "May" provisions, judicial discretion, "where possible", "where necessary", "unless required": a lawful
# choice not to use them is `misses`, never `breaches` (RIGHTS.md, "How to score"; CONTRACTS §2).
MAY = {"24(1)(a)", "21(1)", "23(3)(a)", "23(3)(b)", "23(3)(c)", "23(3)(d)", "17(1)(b)", "16(1)", "15",
       "2011/93:15(1)", "2011/93:20(3)(b)", "2011/93:20(3)(d)", "2011/93:20(4)", "2011/93:20(5)",
       "2011/93:25(2)"}

# Mistakes that lead to each ending; every other decision takes its best option.
PATHS = {
    "supported": {},
    "mixed": {"d-removal": "wait-evidence", "d-resurface": "out-of-reach"},
    "retraumatised": {"d-first-contact": "full-statement", "d-phone": "go-through-together",
                      "d-interview-plan": "two-step"},
    "dropped": {"d-counsellor-first": "block-and-delete", "d-stop-contact": "warn-him", "d-phone": "screenshots"},
    "withdrawn": {"d-first-contact": "lesson-first", "d-stop-contact": "keep-chatting", "d-parents": "call-now",
                  "d-phone": "lab-queue", "d-images": "show-mother", "d-companion": "mother-stays",
                  "nia-assessment": {"age", "interpreter", "lives-with-her", "special-representative"}},
}


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def story():
    return load_story_from_yaml(SCENARIO)


def decisions(raw: dict) -> list[dict]:
    return [n for n in raw["nodes"] if n["kind"] == "decision"]


def earned(choice: dict) -> int:
    return sum(a["weight"] if a["verdict"] == "upholds" else -a["weight"] for a in choice.get("assess", []))


def choice_of(raw: dict, node_id: str, choice_id: str) -> dict:
    node = next(n for n in decisions(raw) if n["id"] == node_id)
    return next(c for c in node["choices"] if c["id"] == choice_id)


def verdicts(choice: dict) -> dict[str, tuple[str, int]]:
    return {a["right"]: (a["verdict"], a["weight"]) for a in choice.get("assess", [])}


def assessments(raw: dict):
    for node in decisions(raw):
        for choice in node["choices"]:
            for item in choice.get("assess", []):
                yield node["id"], choice, item


def best_of(node: dict) -> dict:
    return max(node["choices"], key=earned)


def play_with_mistakes(story, mistakes: dict) -> Run:
    """Best option everywhere, except the named decisions; at an assessment the items that apply are
    marked, unless ``mistakes`` gives the assessment's marks (a set of item ids)."""
    run = Run(story, seed=0)
    while not run.ended:
        if run.kind == "assessment":
            marks = mistakes.get(run.node_id)
            run.assess(set(best_marks(run.node)) if marks is None else set(marks))
        elif run.kind == "decision":
            run.choose(mistakes.get(run.node_id) or max(run.node["choices"], key=earned)["id"])
        else:
            run.advance()
    return run


def assessment_node(raw: dict) -> dict:
    return next(n for n in raw["nodes"] if n["id"] == "nia-assessment")


def assessment_items(raw: dict) -> dict[str, dict]:
    node = assessment_node(raw)
    out = {item["id"]: item for section in node["sections"] for item in section["items"]}
    return out | {item["id"]: item for item in node["measures"]["items"]}


def all_texts(raw: dict) -> list[str]:
    out = [raw["title"], raw["summary"], raw["content_warning"]]
    for node in raw["nodes"]:
        out += [line["text"] for line in node.get("lines", [])]
        out += [node.get("prompt", ""), node.get("text", ""), node.get("title", "")]
        for choice in node.get("choices", []):
            out += [choice["text"], choice["feedback"]]
    return out


# --- shape -----------------------------------------------------------------------------------------

def test_validates_with_no_diagnostics_even_strict():
    checked = check_scenario(str(SCENARIO), strict=True)
    assert checked.ok, "\n".join(d.render() for d in checked.diagnostics)
    assert checked.diagnostics == []


def test_metadata_and_content_warning(raw):
    assert SCENARIO.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema/scenario.schema.json\n")
    assert (raw["id"], raw["version"], raw["language"], raw["mastery"]) == ("nia", "1.0.0", "en", 0.7)
    assert raw["rights"] == ["directive-2012-29", "directive-2011-93"]
    assert 25 <= raw["duration_minutes"] <= 40
    warning = raw["content_warning"]
    assert "never shown or described" in warning and "pause or stop" in warning
    assert "116 111" in warning and "116 006" in warning and "national hotline" in warning
    assert raw["characters"]["nia"]["portrait"] == "girl_teen"
    portraits = {c["portrait"] for c in raw["characters"].values()}
    assert {"counsellor", "forensics_officer"} <= portraits
    assert {"cyber_unit", "counsellor_room"} <= {n.get("location") for n in raw["nodes"]}


def test_decisions_are_many_and_each_is_a_real_choice(raw):
    found = decisions(raw)
    assert len(found) >= 20
    for node in found:
        assert len(node["choices"]) >= 3, node["id"]
        assert node["discuss"]["before"] and node["discuss"]["after"], node["id"]
        scores = [earned(c) for c in node["choices"]]
        assert max(scores) > 0 and min(scores) < max(scores), f"{node['id']} has no clearly better option"


def test_the_individual_assessment_is_a_structured_node(raw):
    node = assessment_node(raw)
    assert (node["kind"], node["stage"], node["role"]) == ("assessment", "individual_assessment", "psychologist")
    assert [s["id"] for s in node["sections"]] == ["personal", "crime", "views", "risks"]
    assert node["discuss"]["before"] and node["discuss"]["after"]
    items = assessment_items(raw)
    rights = {iid: {a["right"] for a in item["assess"]} for iid, item in items.items()}
    # The presumption (22(4)), the crime (22(3)), her own words (22(6)) and the threat (22(1)) are "shall"s
    # the facts clearly trigger: leaving them unmarked breaches.
    for iid, right in (("age", "22(4)"), ("sexual-exploitation", "22(3)"), ("not-see-him", "22(6)"),
                       ("retaliation", "22(1)")):
        assert items[iid]["applies"] and items[iid].get("if_missed") == "breaches" and right in rights[iid], iid
    # Measures by their conditions: the video hearing and trauma support follow from the facts; a special
    # representative (24(1)(b): parents precluded by a conflict of interest, or an unaccompanied child) and a
    # second interview (2011/93 20(3)(e)) have no basis here. A measure marked without a basis is flagged
    # against the provision it offends (her parents' role, 1(2); as few interviews as possible).
    assert items["video-hearing"]["applies"] and rights["video-hearing"] == {"23(3)(b)"}
    assert items["trauma-support"]["applies"] and rights["trauma-support"] == {"9(3)(b)"}
    assert not items["special-representative"]["applies"] and rights["special-representative"] == {"1(2)"}
    assert "conflict of interest" in items["special-representative"]["feedback"]
    assert "Art. 24(1)(b)" in items["special-representative"]["feedback"]
    assert not items["second-interview"]["applies"] and rights["second-interview"] == {"2011/93:20(3)(e)"}
    assert "where national law allows" in items["recorded-evidence"]["text"]


def test_the_assessment_is_scored_by_the_facts_not_by_marking_everything(story):
    node = story.nodes["nia-assessment"]
    assert evaluate(node, set(best_marks(node)))["quality"] == 1.0
    everything = evaluate(node, set(item_ids(node)))
    assert everything["quality"] < story.mastery  # no answer pattern: marking all is not mastery
    assert evaluate(node, set())["quality"] < story.mastery
    flagged = {v["item"]: v for v in everything["verdicts"] if v["verdict"] == "breaches"}
    assert flagged["special-representative"]["right"] == "1(2)"  # a measure without a basis
    assert flagged["second-interview"]["right"] == "2011/93:20(3)(e)"
    wrongly = {v["item"]: v["verdict"] for v in everything["verdicts"]}
    assert wrongly["disability"] == "misses"  # an overstated characteristic is not a breach
    missed = {v["item"]: v["verdict"] for v in evaluate(node, set())["verdicts"]}
    assert missed["not-see-him"] == "breaches" and missed["withdrawn"] == "misses"


def test_an_assessment_that_misses_the_video_hearing_is_felt_at_court(story):
    marks = set(best_marks(story.nodes["nia-assessment"])) - {"video-hearing"}
    run = play_with_mistakes(story, {"nia-assessment": marks})
    assert run.visits.get("no-video-identified") == 1
    assert not play_with_mistakes(story, {}).visits.get("no-video-identified")


def test_the_assessment_is_updated_when_she_wants_to_withdraw(story, raw):
    """22(7): a second assessment revises the first after the facts change; it starts from the earlier
    marks of the items both have, and some of those apply differently now."""
    node = next(n for n in raw["nodes"] if n["id"] == "nia-reassessment")
    assert (node["kind"], node["revises"], node["stage"]) == ("assessment", "nia-assessment", "prosecution")
    find_out = choice_of(raw, "d-wavers", "find-out")
    assert find_out["next"] == "nia-reassessment" and verdicts(find_out)["22(7)"][0] == "upholds"
    changes = {i["id"]: i for i in node["sections"][0]["items"]}
    assert changes["wants-to-withdraw"]["applies"] and changes["wants-to-withdraw"]["if_missed"] == "breaches"
    assert {a["right"] for a in changes["wants-to-withdraw"]["assess"]} == {"22(7)"}
    run = Run(story, seed=0)
    earlier = None
    while run.node_id != "nia-reassessment":
        if run.kind == "assessment":
            earlier = set(best_marks(run.node)) | {"danger-at-home"}  # one wrong mark carried over
            run.assess(earlier)
        elif run.kind == "decision":
            run.choose(max(run.node["choices"], key=earned)["id"])
        else:
            run.advance()
    now = story.nodes["nia-reassessment"]
    start = run.start_marks()
    assert start == earlier & set(item_ids(now))
    assert {"video-hearing", "recorded-evidence", "retaliation", "danger-at-home"} <= start
    # Submitting the earlier marks unchanged is not an update: the new facts are missed.
    unchanged = evaluate(now, start)
    assert {v["item"] for v in unchanged["verdicts"] if v["verdict"] == "breaches"} >= {"wants-to-withdraw"}
    assert evaluate(now, set(item_ids(now)))["quality"] < story.mastery
    run.assess(set(best_marks(now)))
    assert run.node_id == "file-check" or run.visits.get("file-check")


def test_endings_are_at_least_four_outcomes(raw):
    outcomes = {n["outcome"] for n in raw["nodes"] if n["kind"] == "ending"}
    assert len(outcomes) >= 4 and outcomes <= set(vocab.OUTCOMES)


def test_every_option_is_assessed_and_its_feedback_cites_what_it_assesses(raw):
    for node in decisions(raw):
        for choice in node["choices"]:
            where = f"{node['id']}/{choice['id']}"
            assert choice.get("assess"), where
            assert all(1 <= a["weight"] <= 3 for a in choice["assess"]), where
            for item in choice["assess"]:
                article = item["right"].split(":")[-1].split("(")[0]
                assert re.search(rf"Art\. {article}\b", choice["feedback"]), (
                    f"{where} assesses {item['right']} but its feedback does not cite Art. {article}")
                if item["right"].startswith("2011/93:"):
                    assert "Directive 2011/93/EU" in choice["feedback"] or "that Directive" in choice["feedback"], where


def test_cited_ids_exist_in_the_catalogues_and_cover_the_case(raw):
    known = set()
    for catalogue in raw["rights"]:
        data = yaml.safe_load((RIGHTS_DIR / f"{catalogue}.yaml").read_text(encoding="utf-8"))
        known |= {r["id"] for r in data["rights"]}
    cited = {a["right"] for _, _, a in assessments(raw)}
    assert cited <= known, sorted(cited - known)
    assert EXPECTED_RIGHTS <= cited, sorted(EXPECTED_RIGHTS - cited)


def test_journey_covers_every_stage_and_the_roles_that_act(raw):
    assert {n["stage"] for n in decisions(raw)} == set(vocab.STAGES)
    assert EXPECTED_ROLES <= {n["role"] for n in decisions(raw)}


def test_the_recommended_option_has_no_position_or_length_cue(raw):
    found = decisions(raw)
    positions: dict[int, int] = {}
    longest = shortest = 0
    for node in found:
        scores = [earned(c) for c in node["choices"]]
        best = scores.index(max(scores))
        positions[best] = positions.get(best, 0) + 1
        lengths = [len(c["text"]) for c in node["choices"]]
        longest += lengths[best] == max(lengths)
        shortest += lengths[best] == min(lengths)
    assert max(positions.values()) * 2 <= len(found), positions
    assert longest * 3 <= len(found), f"recommended is the longest in {longest} of {len(found)}"
    assert shortest * 3 <= len(found), f"recommended is the shortest in {shortest} of {len(found)}"


# --- endings ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("outcome", sorted(PATHS))
def test_each_ending_is_reached_by_a_real_path(story, outcome):
    run = play_with_mistakes(story, PATHS[outcome])
    assert run.ending["outcome"] == outcome, (run.node_id, run.variables)
    card = run.score()
    assert card.finished and card.outcome == outcome


def test_withdrawing_at_her_request_ends_the_case_with_a_light_verdict(story, raw):
    run = play_with_mistakes(story, {"d-wavers": "drop-as-wished"})
    assert run.ending["outcome"] == "withdrawn"
    assert verdicts(choice_of(raw, "d-wavers", "drop-as-wished"))["2011/93:15(1)"] == ("misses", 1)


def test_the_best_path_is_supported_with_full_marks(story):
    card = play_with_mistakes(story, {}).score()
    assert card.outcome == "supported"
    assert card.scaled == 1.0 and card.passed
    assert card.decisions >= 20


def test_mistakes_cost_score_and_trust(story):
    best = play_with_mistakes(story, {})
    careless = play_with_mistakes(story, PATHS["withdrawn"])
    assert careless.score().scaled < best.score().mastery <= best.score().scaled
    assert careless.variables["trust"] < best.variables["trust"]


def test_random_playthroughs_always_end_in_several_endings(story):
    outcomes = {auto_play(story, seed).ending["outcome"] for seed in range(60)}
    assert outcomes <= set(vocab.OUTCOMES)
    assert len(outcomes) >= 3


# --- the key legal points --------------------------------------------------------------------------

def test_may_provisions_are_never_breached(raw):
    breached = [(n, c["id"], a["right"]) for n, c, a in assessments(raw)
                if a["right"] in MAY and a["verdict"] == "breaches"]
    assert not breached
    # ... and a "shall" provision is never scored as a mere miss.
    missed = {a["right"] for _, _, a in assessments(raw) if a["verdict"] == "misses"}
    assert missed <= MAY, sorted(missed - MAY)


def test_art_25_removal_is_prompt_at_home_and_sought_abroad(raw):
    assert verdicts(choice_of(raw, "d-removal", "preserve-and-remove"))["2011/93:25(1)"] == ("upholds", 2)
    assert verdicts(choice_of(raw, "d-removal", "wait-evidence"))["2011/93:25(1)"] == ("breaches", 2)
    # Blocking (25(2), a "may") is credited, but it does not replace removal (25(1)).
    block = verdicts(choice_of(raw, "d-removal", "block-only"))
    assert block["2011/93:25(2)"][0] == "upholds" and block["2011/93:25(1)"][0] == "breaches"
    assert verdicts(choice_of(raw, "d-resurface", "seek-removal"))["2011/93:25(1)"] == ("upholds", 2)
    assert verdicts(choice_of(raw, "d-resurface", "out-of-reach"))["2011/93:25(1)"] == ("breaches", 2)
    assert "endeavour" in choice_of(raw, "d-resurface", "out-of-reach")["feedback"]
    assert "INHOPE" in choice_of(raw, "d-removal", "preserve-and-remove")["feedback"]


def test_art_20_3_interview_conditions_are_scored_by_their_conditions(raw):
    one = verdicts(choice_of(raw, "d-interview-plan", "one-recorded"))
    for right in ("2011/93:20(3)(a)", "2011/93:20(3)(b)", "2011/93:20(3)(c)", "24(1)(a)"):
        assert one[right][0] == "upholds", right
    two = verdicts(choice_of(raw, "d-interview-plan", "two-step"))
    assert two["2011/93:20(3)(e)"][0] == "breaches"  # "as few as possible": a duty
    assert two["2011/93:20(3)(d)"] == ("misses", 1)  # same persons "where possible and appropriate"
    assert verdicts(choice_of(raw, "d-interview-plan", "after-forensics"))["2011/93:20(3)(a)"][0] == "breaches"
    office = verdicts(choice_of(raw, "d-interview-plan", "office-now"))
    assert office["2011/93:20(3)(b)"] == ("misses", 1) and office["24(1)(a)"] == ("misses", 1)
    companion = choice_of(raw, "d-companion", "her-choice")
    assert verdicts(companion)["2011/93:20(3)(f)"][0] == "upholds"
    assert "reasoned decision" in companion["text"] and "reasoned decision" in companion["feedback"]


def test_art_23_3_court_measures_are_the_judges_to_use(raw):
    assert verdicts(choice_of(raw, "d-measures", "video-closed"))["23(3)(b)"] == ("upholds", 2)
    open_court = verdicts(choice_of(raw, "d-measures", "open-court"))
    assert all(v == "misses" and w == 1 for v, w in open_court.values()), open_court
    assert verdicts(choice_of(raw, "d-measures", "screen-public"))["23(3)(a)"][0] == "upholds"
    assert "Art. 23(1)" in choice_of(raw, "d-measures", "video-closed")["feedback"]
    assert verdicts(choice_of(raw, "d-cross", "limit-questions"))["23(3)(c)"] == ("upholds", 2)
    # Cutting off the defence altogether is not what 23(3)(c) asks: it earns less than limiting questions.
    assert earned(choice_of(raw, "d-cross", "stop-all")) < earned(choice_of(raw, "d-cross", "limit-questions"))


def test_nobody_is_shown_the_images_again(raw):
    for node_id, choice_id in (("d-counsellor-first", "see-the-messages"), ("d-phone", "go-through-together"),
                               ("d-images", "show-mother"), ("d-school", "collect-phones"),
                               ("d-resurface", "ask-nia")):
        assert verdicts(choice_of(raw, node_id, choice_id))["18"] == ("breaches", 2), (node_id, choice_id)
    assert "never show them to Nia again" in choice_of(raw, "d-images", "hash-and-limit")["text"]
    phone = choice_of(raw, "d-phone", "copy-and-return")
    assert verdicts(phone)["15"][0] == "upholds" and "give the phone back" in phone["text"]


def test_cross_border_jurisdiction_is_2011_93_art_17_and_victims_art_17_is_not_scored(raw):
    coordinate = choice_of(raw, "d-jurisdiction", "coordinate")
    assert verdicts(coordinate)["2011/93:17(1)"][0] == "upholds"
    assert "17(3)" in coordinate["feedback"] and "Eurojust" in coordinate["text"]
    # Nia lives in the Member State where she reports and is heard: 2012/29 Art. 17 (victims resident in
    # another Member State) is never scored, and named only as what would apply if the case moved abroad.
    assert not [a for _, _, a in assessments(raw) if a["right"].split("(")[0] == "17"]
    not_ours = choice_of(raw, "d-jurisdiction", "not-ours")["feedback"]
    assert "Art. 17(3) of Directive 2012/29/EU" in not_ours and "can be the right" in not_ours


def test_support_does_not_wait_for_the_trial_or_the_complaint(raw):
    assert verdicts(choice_of(raw, "d-therapy", "start-now"))["9(3)(b)"] == ("upholds", 2)
    assert verdicts(choice_of(raw, "d-therapy", "wait-for-trial"))["8(1)"][0] == "breaches"
    assert verdicts(choice_of(raw, "d-therapy", "after-statement-confirmed"))["2011/93:19(2)"][0] == "breaches"


def test_national_procedure_is_worded_as_such(raw):
    for node_id, choice_id, part in (("d-counsellor-first", "believe-and-report", "text"),
                                     ("d-stop-contact", "unit-takes-over", "text"),
                                     ("d-phone", "copy-and-return", "text"),
                                     ("d-interview-plan", "one-recorded", "feedback"),
                                     ("d-measures", "video-closed", "text")):
        assert "national" in choice_of(raw, node_id, choice_id)[part], (node_id, choice_id)


def test_referral_information_is_given_after_the_case_and_in_every_ending(raw):
    info = next(n for n in raw["nodes"] if n["id"] == "aftercare-info")
    text = " ".join(line["text"] for line in info["lines"])
    assert "116 111" in text and "116 006" in text and "national hotline" in text and "INHOPE" in text
    for ending in (n for n in raw["nodes"] if n["kind"] == "ending"):
        assert "116 111" in ending["text"] and "116 006" in ending["text"], ending["id"]


def test_no_graphic_detail(raw):
    words = re.compile(r"\b(naked|nude|undress\w*|genital\w*|breasts?|explicit|porn\w*)\b", re.IGNORECASE)
    found = [t[:60] for t in all_texts(raw) if words.search(t)]
    assert not found


# --- the catalogue entries the case added ----------------------------------------------------------

def test_the_2011_93_catalogue_has_articles_6_17_and_25_by_their_conditions():
    data = yaml.safe_load((RIGHTS_DIR / "directive-2011-93.yaml").read_text(encoding="utf-8"))
    entries = {r["id"]: r for r in data["rights"]}
    for rid in ("2011/93:6", "2011/93:6(1)", "2011/93:6(2)", "2011/93:17", "2011/93:17(1)", "2011/93:17(3)",
                "2011/93:25", "2011/93:25(1)", "2011/93:25(2)"):
        assert rid in entries and not entries[rid].get("unverified"), rid
    assert "age of sexual consent" in entries["2011/93:6(1)"]["text"]
    assert "material acts" in entries["2011/93:6(1)"]["text"]
    assert "in whole or in part" in entries["2011/93:17(1)"]["text"]
    assert "accessed from its territory" in entries["2011/93:17(3)"]["text"]
    assert "endeavour" in entries["2011/93:25(1)"]["text"]
    assert entries["2011/93:25(2)"]["text"].startswith("Member States may")


def test_the_bulgarian_catalogue_translates_the_new_entries():
    polib = pytest.importorskip("polib")
    po = polib.pofile(str(RIGHTS_DIR / "directive-2011-93.bg.po"))
    new = [e for e in po if not e.obsolete and re.search(r":2011/93:(6|17|25)[(:]", e.msgctxt)]
    assert len(new) == 20  # 6, 6(1), 6(2), 17, 17(1)-(3), 25, 25(1), 25(2): title and text each
    assert all(e.msgstr and "fuzzy" not in e.flags and re.search("[а-я]", e.msgstr) for e in new)
