"""Options are shown in an order drawn from the playthrough's seed (issue 12), unless the author pins it.

The order is a contract (docs/CONTRACTS.md §6): the visible options sorted by
sha256("rightspath-order/1\\n<seed>\\n<node id>\\n<choice id>"), so it is the same natively and in the
browser and never depends on ``random``'s algorithms or ``hash()``.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from game.engine import Run, Story, auto_play, play_choices
from tests.engine.stories import choice, finish, two_stage_story, up


def _sha_order(seed: int, node: str, ids: list[str]) -> list[str]:
    key = lambda cid: hashlib.sha256(f"rightspath-order/1\n{seed}\n{node}\n{cid}".encode()).digest()  # noqa: E731
    return sorted(ids, key=key)


def _wide_story(fixed: bool = False) -> Story:
    """One decision with six options, so that orders differ visibly between seeds."""
    data = two_stage_story()
    d1 = data["nodes"]["d1"]
    d1["choices"] = [choice(f"c{i}", "check", [up("1(2)", 1 + i % 3)]) for i in range(6)]
    if fixed:
        d1["order"] = "fixed"
    return Story(finish({k: v for k, v in data.items() if k != "content_hash"}))


def test_the_order_is_the_documented_hash_of_seed_node_and_choice():
    story = _wide_story()
    authored = [c["id"] for c in story.nodes["d1"]["choices"]]
    for seed in (0, 1, 7, 123456789):
        run = Run(story, seed=seed)
        run.advance()
        views = run.choices()
        assert [v.id for v in views] == _sha_order(seed, "d1", authored)
        assert [v.index for v in views] == list(range(1, 7))  # numbers count the order shown
        from game.engine.run import shown_order

        assert shown_order(seed, "d1", authored) == _sha_order(seed, "d1", authored)


def test_different_seeds_give_different_orders_and_the_same_seed_the_same():
    story = _wide_story()
    orders = set()
    for seed in range(20):
        a, b = Run(story, seed=seed), Run(story, seed=seed)
        a.advance(), b.advance()
        assert [v.id for v in a.choices()] == [v.id for v in b.choices()]
        orders.add(tuple(v.id for v in a.choices()))
    assert len(orders) > 10
    authored = tuple(c["id"] for c in story.nodes["d1"]["choices"])
    assert orders != {authored}


def test_a_fixed_decision_keeps_the_authored_order_for_every_seed():
    story = _wide_story(fixed=True)
    authored = [c["id"] for c in story.nodes["d1"]["choices"]]
    for seed in range(20):
        run = Run(story, seed=seed)
        run.advance()
        assert [v.id for v in run.choices()] == authored


def test_hidden_options_leave_the_others_in_their_relative_order():
    story = Story(two_stage_story())
    run = play_choices(story, ["question"], seed=4)  # stress 80: the break scene, then d2 with 'special'
    visible = [c["id"] for c in story.nodes["d2"]["choices"]]
    assert [v.id for v in run.choices()] == _sha_order(4, "d2", visible)
    quiet = play_choices(story, ["listen"], seed=4)  # no break: 'special' stays hidden
    assert [v.id for v in quiet.choices()] == [c for c in _sha_order(4, "d2", visible) if c != "special"]


def test_the_record_keeps_the_order_shown_and_a_resumed_run_shows_the_same():
    story = _wide_story()
    run = Run(story, seed=11)
    run.advance()
    shown = [v.id for v in run.choices()]
    resumed = Run.from_json(story, run.to_json())
    assert [v.id for v in resumed.choices()] == shown
    resumed.choose(shown[2])
    rec = resumed.history[0]
    assert rec.order == shown
    assert rec.order.index(rec.chosen) + 1 == 3  # "option 3 as shown"
    again = Run.from_json(story, resumed.to_json())
    assert again.history[0].order == shown and again.to_json() == resumed.to_json()


def test_scoring_does_not_depend_on_the_order():
    story = Story(two_stage_story())
    cards = {json.dumps(play_choices(story, ["listen", "record"], seed=s).score().to_dict()) for s in range(10)}
    assert len(cards) == 1


def test_random_autoplay_picks_by_authored_position_so_a_seed_means_the_same_choices():
    """auto_play draws among the enabled options in authored order: the same seed takes the same
    choices as before shuffling existed (scripts and benchmarks keep their meaning)."""
    import random

    story = Story(two_stage_story())
    for seed in range(30):
        rng = random.Random(seed)
        run = auto_play(story, seed)
        for rec in run.history:
            authored = [c["id"] for c in story.nodes[rec.node]["choices"]]
            enabled = [cid for cid in authored if cid in rec.shown]
            assert rec.chosen == rng.choice(enabled)


def test_a_save_from_before_shuffling_resumes_in_the_authored_order():
    """A version-1 save was played in authored order: it resumes that way, not reshuffled mid-game."""
    story = _wide_story()
    run = Run(story, seed=5)
    run.advance()
    data = json.loads(run.to_json())
    data["save_version"] = 1
    data.pop("option_order", None)
    old = Run.from_json(story, json.dumps(data))
    assert [v.id for v in old.choices()] == [c["id"] for c in story.nodes["d1"]["choices"]]


@pytest.mark.parametrize("value", ["sideways", 3, None])
def test_a_save_with_an_unknown_option_order_is_refused(value):
    from game.engine import SaveError

    story = _wide_story()
    data = json.loads(Run(story, seed=5).to_json())
    data["option_order"] = value
    with pytest.raises(SaveError):
        Run.from_json(story, json.dumps(data))


def test_a_story_with_a_bad_order_value_is_refused():
    from game.engine import StoryError

    data = two_stage_story()
    data["nodes"]["d1"]["order"] = "random"
    with pytest.raises(StoryError, match="order"):
        Story(finish({k: v for k, v in data.items() if k != "content_hash"}))
