"""The assessment node in the engine (issue 19): derived verdicts per item, the score, the rights
tally, effects, conditions, the seeded item order, revisions (22(7)), and saves. Every playthrough
test runs plainly and with a save/load round trip after every step, as tests/engine/test_run.py does."""

from __future__ import annotations

import copy
import json

import pytest

from game.engine import ChoiceError, Run, SaveError, Story, StoryError, auto_play, play_choices
from game.engine import assessment as assessing
from game.engine.autoplay import auto_choices, marks_token
from tests.engine.assessment_fixture import FIRST, FIRST_BEST, REVIEW, REVIEW_BEST, compiled_text, story as load


@pytest.fixture
def story() -> Story:
    return load()


@pytest.fixture(params=["plain", "roundtrip"])
def stepper(request, story):
    def step(run: Run, action) -> Run:
        action(run)
        if request.param == "roundtrip":
            text = run.to_json()
            run = Run.from_json(story, text)
            assert run.to_json() == text
        return run

    return step


def play(story, stepper, marks_list, seed=0):
    run = Run(story, seed=seed)
    queue = list(marks_list)
    while not run.ended:
        if run.kind == "scene":
            run = stepper(run, lambda r: r.advance())
        else:
            assert run.kind == "assessment", run.kind
            marks = queue.pop(0)
            run = stepper(run, lambda r, m=marks: r.assess(m, seconds=2.0))
    return run


def test_a_perfect_assessment_scores_full_marks(story, stepper):
    run = play(story, stepper, [FIRST_BEST, REVIEW_BEST])
    card = run.score()
    assert card.scaled == 1.0 and card.passed and card.recommended == 2 and card.decisions == 2
    first = run.history[0]
    assert first.kind == "assessment" and first.chosen == "" and first.recommended
    assert {i["id"]: i["result"] for i in first.items} == {
        "age": "marked", "disability": "clear", "sexual-violence": "marked", "dependence": "clear",
        "mother-present": "marked", "refuses-all": "clear", "retaliation": "marked", "no-risk": "clear",
        "adapted-room": "marked", "recorded": "marked", "special-representative": "clear",
        "support-referral": "marked"}
    # best = every item's weight, worst its negative (accuracy: docs/CONTRACTS.md §6)
    assert (first.earned, first.best, first.worst) == (18, 18, -18)
    assert run.variables["trust"] == 60 and first.deltas == {"trust": 10}  # the "good" effects
    assert run.node_id == "good-end"
    assert card.rights["22(4)"] == {"upheld": 1, "breached": 0, "not_used": 0, "missed": 0}


def test_each_derived_verdict(story, stepper):
    # missed 'age' (if_missed: breaches) and 'recorded' (misses); flagged 'special-representative'
    # (a measure: breaches) and 'disability' (a characteristic: misses)
    marks = (FIRST_BEST - {"age", "recorded"}) | {"special-representative", "disability"}
    run = play(story, stepper, [marks, REVIEW_BEST])
    items = {i["id"]: i for i in run.history[0].items}
    assert items["age"]["result"] == "missed"
    assert items["age"]["verdicts"] == [{"right": "22(4)", "verdict": "breaches", "weight": 2}]
    assert items["recorded"]["verdicts"] == [{"right": "24(1)(a)", "verdict": "misses", "weight": 1}]
    assert items["special-representative"]["result"] == "flagged"
    assert items["special-representative"]["verdicts"] == [{"right": "24(1)(b)", "verdict": "breaches", "weight": 2}]
    assert items["disability"]["verdicts"] == [{"right": "22(3)", "verdict": "misses", "weight": 1}]
    assert items["dependence"]["result"] == "clear" and items["dependence"]["verdicts"] == []
    rec = run.history[0]
    wrong = 2 + 1 + 2 + 1  # the weights of the four wrong items
    assert rec.earned == 18 - 2 * wrong and not rec.recommended
    card = run.score()
    assert card.rights["22(4)"]["breached"] == 1 and card.rights["22(4)"]["missed"] == 1
    assert card.rights["24(1)(a)"]["not_used"] == 1 and card.rights["24(1)(a)"]["missed"] == 1
    assert card.rights["24(1)(b)"]["breached"] == 1
    # flagged 'disability' (22(3), misses) beside the upheld 'sexual-violence' (22(3))
    assert card.rights["22(3)"] == {"upheld": 1, "breached": 0, "not_used": 1, "missed": 0}


def test_marking_everything_or_nothing_is_no_strategy(story):
    node = story.nodes[FIRST]
    everything = set(assessing.item_ids(node))
    assert assessing.evaluate(node, everything)["quality"] == pytest.approx(11 / 18, abs=1e-6)
    assert assessing.evaluate(node, set())["quality"] == pytest.approx(7 / 18, abs=1e-6)
    assert assessing.evaluate(node, FIRST_BEST)["quality"] == 1.0


@pytest.mark.parametrize("marks, band, trust", [(FIRST_BEST, "good", 60), (set(), "poor", 40),
                                                 ({"age", "sexual-violence", "retaliation", "disability",
                                                   "dependence"}, None, 50)])  # 11/18 right
def test_effects_follow_the_quality_band(story, marks, band, trust):
    run = Run(story)
    run.advance()
    rec = run.assess(marks)
    quality = (rec.earned - rec.worst) / (rec.best - rec.worst)
    assert assessing.band(quality) == band
    assert run.variables["trust"] == trust


def test_assessed_condition_reads_the_marks(story, stepper):
    with_risk = play(story, stepper, [{"retaliation"}, set()])
    without = play(story, stepper, [set(), set()])
    assert "review-missed" not in with_risk.visits and without.visits.get("review-missed") == 1


def test_a_revision_starts_from_the_earlier_marks(story, stepper):
    run = Run(story)
    run.advance()
    assert run.start_marks() == set()
    run.assess({"retaliation", "age", "refuses-all"})
    run.advance()  # new-facts, then the branch to review
    assert run.node_id == REVIEW
    # only the items the review also has: 'age' is not one of them
    assert run.start_marks() == {"retaliation", "refuses-all"}
    run = Run.from_json(story, run.to_json())
    assert run.start_marks() == {"retaliation", "refuses-all"}


def test_the_item_order_is_drawn_from_the_seed_and_recorded(story):
    orders = set()
    for seed in range(12):
        run = Run(story, seed=seed)
        run.advance()
        order = run.assessment_order()
        assert list(order) == ["personal", "crime", "views", "risks", "measures"]  # sections keep their order
        assert sorted(order["measures"]) == sorted(["adapted-room", "recorded", "special-representative",
                                                    "support-referral"])
        orders.add(tuple(order["measures"]))
        rec = run.assess(set())
        assert rec.order == [iid for ids in order.values() for iid in ids]
        assert rec.shown == assessing.item_ids(story.nodes[FIRST])  # authored order
    assert len(orders) > 3
    run = play_choices(story, ["+", "+"], seed=3)
    assert run.history[1].order == ["retaliation", "update-recorded", "mother-present", "refuses-all",
                                    "support-referral", "special-representative"]  # order: fixed


def test_unknown_marks_and_wrong_nodes_are_refused(story):
    run = Run(story)
    with pytest.raises(ChoiceError, match="no assessment"):
        run.assess(set())
    run.advance()
    with pytest.raises(ChoiceError, match="'agee' is not an item"):
        run.assess({"agee"})
    with pytest.raises(ChoiceError, match="no decision"):
        run.choose("age")
    assert run.node_id == FIRST and run.history == []


def test_saves_replay_assessments_and_refuse_tampering(story):
    run = Run(story, seed=5)
    run.advance()
    run.assess({"age", "retaliation"}, seconds=3.25)
    text = run.to_json()
    data = json.loads(text)
    assert data["steps"][1] == {"assess": ["age", "retaliation"], "at": FIRST, "seconds": 3.25}
    again = Run.from_json(story, text)
    assert again.snapshot() == run.snapshot() and again.history[0].items == run.history[0].items
    forged = copy.deepcopy(data)
    forged["steps"][1]["assess"] = ["age", "retaliation", "recorded"]
    with pytest.raises(SaveError, match="does not match"):
        Run.from_json(story, json.dumps(forged))
    for bad in (["nope"], "age", [1]):
        forged = copy.deepcopy(data)
        forged["steps"][1]["assess"] = bad
        with pytest.raises(SaveError, match="damaged"):
            Run.from_json(story, json.dumps(forged))


def test_a_decision_record_is_saved_as_before():
    # Records of decisions carry no kind/items, so saves of stories without assessments are unchanged.
    from tests.engine.stories import two_stage_story

    plain = Story(two_stage_story())
    run = auto_play(plain, 1)
    assert all("kind" not in h.to_dict() and "items" not in h.to_dict() for h in run.history)


def test_seeded_autoplay_over_a_thousand_runs_always_ends(story):
    endings, scores = {}, []
    for seed in range(1000):
        run = auto_play(story, seed)
        assert run.ended
        endings[run.node_id] = endings.get(run.node_id, 0) + 1
        scores.append(run.score().scaled)
        if seed % 100 == 0:
            assert Run.from_json(story, run.to_json()).snapshot() == run.snapshot()
            assert play_choices(story, auto_choices(story, seed), seed=seed).snapshot() == run.snapshot()
    assert set(endings) == {"good-end", "mixed-end"}
    assert 0 < min(scores) < 0.5 < max(scores) < 1


def test_marks_tokens():
    assert marks_token([]) == "+" and marks_token({"b", "a"}) == "+a+b"
    with pytest.raises(StoryError, match="not an assessment's marks"):
        play_choices(load(), ["age"])


def _mutated(change) -> dict:
    data = json.loads(compiled_text())
    change(data)
    return data


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(format_version=3), "needs story format 4"),
    (lambda d: d["nodes"][FIRST].update(next="nowhere"), "unknown node 'nowhere'"),
    (lambda d: d["nodes"][REVIEW].update(revises="intro"), "not an assessment"),
    (lambda d: d["nodes"][FIRST]["sections"][0].update(items=[]), "section without items"),
    (lambda d: d["nodes"][FIRST]["measures"]["items"].append({"id": "age", "applies": True}), "used twice"),
    (lambda d: d["nodes"][FIRST]["sections"][0]["items"][0].update(applies="yes"), "applies must be"),
    (lambda d: d["nodes"][FIRST]["effects"].update(great=[]), "effects must be"),
    (lambda d: d["nodes"][FIRST]["effects"]["good"][0].update(var="joy"), "bad effect"),
    (lambda d: d["nodes"]["check-risk"]["cases"][0].update(when=["assessed", "x"]), "takes 2 id"),
])
def test_a_broken_assessment_node_is_refused_at_load(change, message):
    with pytest.raises(StoryError, match=message):
        Story(_mutated(change))


def test_story_format_4_is_written_only_for_assessments(story):
    assert story.data["format_version"] == 4 and story.data["min_reader_version"] == 4
    from game.authoring.checking import check_scenario
    from game.authoring.compiler import build_story
    from tests.engine.assessment_fixture import ROOT

    checked = check_scenario(str(ROOT / "scenarios" / "tutorial.yaml"))
    plain = build_story(checked.model, checked.catalogues)
    assert (plain["format_version"], plain["min_reader_version"]) == (3, 3)
