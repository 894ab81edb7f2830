"""The tutorial scenario (scenarios/tutorial.yaml), compiled by the real compiler and played by the
real engine along EVERY path, so that its promises hold: it teaches across stages, both good and
bad endings are reachable, meters never hit their limits, conditions really change what is
offered, and each verdict's feedback names the articles it assesses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.compiler import compile_path
from tests.support.stories import load_story_from_yaml
from game.engine import Run, play_choices, vocab

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.yaml"


@pytest.fixture(scope="module")
def story():
    return load_story_from_yaml(TUTORIAL)


@pytest.fixture(scope="module")
def finished_runs(story) -> list[Run]:
    """Every complete playthrough: each enabled choice at each decision, depth first."""
    runs: list[Run] = []

    def explore(prefix: list[str]) -> None:
        run = play_choices(story, prefix)
        if run.ended:
            runs.append(run)
            return
        assert run.kind == "decision", f"stuck at {run.node_id} after {prefix}"
        enabled = [c.id for c in run.choices() if c.enabled]
        assert enabled, f"{run.node_id} offers no enabled choice after {prefix}"
        for choice_id in enabled:
            explore(prefix + [choice_id])

    explore([])
    return runs


def greedy_run(story, pick) -> Run:
    """Play choosing, at each decision, the enabled option that ``pick`` (max or min) rates by earned points."""
    run = Run(story)
    while not run.ended:
        if run.kind == "scene":
            run.advance()
            continue
        options = [c for c in run.choices() if c.enabled]

        def value(view) -> int:
            return sum(a["weight"] if a["verdict"] == "upholds" else -a["weight"] for a in view.data.get("assess", []))

        run.choose(pick(options, key=value).id)
    return run


def test_compiles_strictly_without_any_diagnostic():
    story, diagnostics = compile_path(str(TUTORIAL), strict=True)
    assert story is not None
    assert [d.render() for d in diagnostics] == []


def test_file_starts_with_the_schema_comment():
    first = TUTORIAL.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/scenario.schema.json"


def test_shape_of_a_teaching_scenario(story):
    decisions = story.decision_ids()
    assert 6 <= len(decisions) <= 8
    stages = {n["stage"] for n in story.nodes.values() if n["kind"] == "decision"}
    assert {"first_contact", "police_interview", "individual_assessment", "support_services"} <= stages
    outcomes = {n["outcome"] for n in story.nodes.values() if n["kind"] == "ending"}
    assert len(outcomes) >= 2
    shown = [name for name, spec in story.variables.items() if spec["shown"]]
    hidden = [name for name, spec in story.variables.items() if not spec["shown"]]
    assert set(shown) == {"trust", "stress"} and hidden == ["interviews"]
    branches = [n for n in story.nodes.values() if n["kind"] == "branch"]
    def reads_a_variable(cond) -> bool:  # the compact form of CONTRACTS §5: a bare name is a variable
        if isinstance(cond, str):
            return cond in story.variables
        if isinstance(cond, list) and cond[0] not in ("visited", "visits", "chose"):
            return any(reads_a_variable(arg) for arg in cond[1:])
        return False

    assert any(reads_a_variable(c["when"]) for b in branches for c in b["cases"]), "a branch driven by a variable"
    choices = [c for nid in decisions for c in story.nodes[nid]["choices"]]
    assert any(c.get("show_if") for c in choices) and any(c.get("enable_if") for c in choices)


def test_every_decision_has_discussion_prompts_and_assessed_options(story):
    for nid in story.decision_ids():
        node = story.nodes[nid]
        assert node.get("discuss"), f"{nid} has no discussion prompt"
        for choice in node["choices"]:
            assert choice.get("assess", []), f"{nid}/{choice['id']} assesses no right"
            verdicts = {a["verdict"] for a in choice.get("assess", [])}
            assert verdicts <= set(vocab.VERDICTS)


def test_feedback_names_every_article_it_assesses(story):
    for nid in story.decision_ids():
        for choice in story.nodes[nid]["choices"]:
            for item in choice.get("assess", []):
                assert f"Art. {item['right']}" in choice["feedback"], (
                    f"{nid}/{choice['id']}: feedback does not mention Art. {item['right']}")


def test_each_decision_has_a_best_option_that_upholds_and_a_mistake_that_breaches(story):
    for nid in story.decision_ids():
        values = []
        for choice in story.nodes[nid]["choices"]:
            values.append(sum(a["weight"] if a["verdict"] == "upholds" else -a["weight"] for a in choice.get("assess", [])))
        assert max(values) > 0 and min(values) < 0, f"{nid}: {values}"


def test_every_path_ends_and_every_node_is_met(story, finished_runs):
    assert len(finished_runs) > 100
    met = set()
    for run in finished_runs:
        met |= set(run.visits)
    unreached = {nid for nid, n in story.nodes.items() if n["kind"] != "branch"} - met
    assert not unreached, f"never reached: {sorted(unreached)}"


def test_meters_never_clamp_on_any_path(story, finished_runs):
    for run in finished_runs:
        for record in run.history:
            chosen = next(c for c in story.nodes[record.node]["choices"] if c["id"] == record.chosen)
            declared = {e["var"]: e["delta"] for e in chosen.get("effects", [])}
            assert record.deltas == declared, f"{record.node}/{record.chosen}: clamped {declared} to {record.deltas}"
        for name, value in run.variables.items():
            spec = story.variables[name]
            assert spec["min"] <= value <= spec["max"]


def test_stages_never_go_backwards(story, finished_runs):
    order = {s: i for i, s in enumerate(vocab.STAGES)}
    for run in finished_runs:
        seen = [order[record.stage] for record in run.history]
        assert seen == sorted(seen)


def test_every_ending_is_reachable(story, finished_runs):
    endings = {nid for nid, n in story.nodes.items() if n["kind"] == "ending"}
    reached = {run.node_id for run in finished_runs}
    assert reached == endings


def test_best_play_ends_supported_and_passes_worst_play_ends_withdrawn_and_fails(story):
    best = greedy_run(story, max)
    card = best.score()
    assert card.outcome == "supported" and card.passed and card.scaled == 1.0
    worst = greedy_run(story, min)
    card = worst.score()
    assert card.outcome == "withdrawn" and not card.passed and card.scaled == 0.0


def test_low_trust_disables_asking_sami_and_high_trust_enables_it(story, finished_runs):
    states = set()
    for run in finished_runs:
        record = next(r for r in run.history if r.node == "assessment")
        states.add("ask-sami" in record.disabled)
    assert states == {True, False}


def test_earlier_choices_change_what_support_is_offered(story):
    with_referral = play_choices(story, ["explain-simply", "receipt-info-referral", "child-room-recorded",
                                         "mother-in", "ask-sami", "notify-and-update"])
    offered = {c.id for c in with_referral.choices()}
    assert "follow-referral" in offered and "start-now" not in offered and "only-if-complaint" not in offered
    without = play_choices(story, ["full-account-now", "call-you", "office-notes", "few-more-questions",
                                   "tick-everything", "file-it"])
    offered = {c.id for c in without.choices()}
    assert "start-now" in offered and "follow-referral" not in offered and "only-if-complaint" in offered


def test_the_hidden_interview_counter_drives_the_branch(story):
    # Calm meters but three tellings of his story: the branch still notices.
    run = play_choices(story, ["full-account-now", "receipt-info-referral", "office-notes", "mother-in"])
    assert run.variables["interviews"] == 3 and run.variables["stress"] < 65
    assert run.visits.get("shaken") == 1
    run = play_choices(story, ["explain-simply", "receipt-info-referral", "child-room-recorded", "mother-in"])
    assert run.variables["interviews"] == 1
    assert "shaken" not in run.visits and run.visits.get("interview-done") == 1


def test_every_cited_right_is_carried_with_its_citation(story):
    cited = {a["right"] for nid in story.decision_ids() for c in story.nodes[nid]["choices"] for a in c.get("assess", [])}
    assert cited == set(story.rights)
    for rid in cited:
        assert story.rights[rid]["citation"] == f"Art. {rid} Directive 2012/29/EU"
