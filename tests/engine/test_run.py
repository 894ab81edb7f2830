"""Engine behaviour. Every scenario test runs twice: plainly, and with a save/load round trip
between every step (the ink practice), so saving can never change what happens."""

from __future__ import annotations

import json

import pytest

from game.engine import READER_VERSION, ChoiceError, Run, SaveError, Story, StoryError, auto_play, play_choices
from tests.engine.stories import finish, two_stage_story


@pytest.fixture
def story() -> Story:
    return Story(two_stage_story())


@pytest.fixture(params=["plain", "roundtrip"])
def stepper(request, story):
    """Return step(run, action) -> run; in round-trip mode the run is saved and reloaded after each step."""

    def step(run: Run, action) -> Run:
        action(run)
        if request.param == "roundtrip":
            text = run.to_json()
            run = Run.from_json(story, text)
            assert run.to_json() == text
        return run

    return step


def play(story, stepper, choices):
    run = Run(story)
    queue = list(choices)
    while not run.ended:
        if run.kind == "scene":
            run = stepper(run, lambda r: r.advance())
        else:
            cid = queue.pop(0)
            run = stepper(run, lambda r, cid=cid: r.choose(cid, seconds=1.5))
    return run


def test_best_path_scores_full_marks(story, stepper):
    run = play(story, stepper, ["listen", "record"])
    card = run.score()
    assert run.node_id == "good" and run.ended
    assert card.outcome == "supported"
    assert card.scaled == 1.0 and card.passed
    assert card.recommended == 2 and card.recommended_share == 1.0
    assert run.variables == {"trust": 70, "stress": 40, "interviews": 1}


def test_a_format_1_story_with_condition_trees_plays_the_same(monkeypatch):
    """Stories compiled before the compact conditions (format 1) still load and play identically."""
    from tests.engine import stories

    monkeypatch.setattr(stories, "OLD_FORMAT", True)
    old = stories.two_stage_story()
    assert old["format_version"] == 1 and isinstance(old["nodes"]["judge"]["cases"][0]["when"], dict)
    monkeypatch.setattr(stories, "OLD_FORMAT", False)
    new = stories.two_stage_story()
    assert isinstance(new["nodes"]["judge"]["cases"][0]["when"], list)
    for path in (["listen", "record"], ["question", "special"], ["call-parent", "again"]):
        runs = [play(Story(data), lambda run, action: (action(run), run)[1], path) for data in (old, new)]
        assert runs[0].node_id == runs[1].node_id and runs[0].variables == runs[1].variables
        assert runs[0].score().scaled == runs[1].score().scaled
        assert [c.id for c in runs[0].choices()] == [c.id for c in runs[1].choices()]


def test_worst_path(story, stepper):
    run = play(story, stepper, ["question", "again"])
    card = run.score()
    assert run.node_id == "bad" and card.outcome == "withdrawn"
    # d1: earned -3, best 3, worst -3; d2 (pause visited -> special shown): earned -2, best 3, worst -2
    assert [(h.earned, h.best, h.worst) for h in run.history] == [(-3, 3, -3), (-2, 3, -2)]
    assert card.scaled == 0.0 and not card.passed
    assert run.visits["pause"] == 1
    assert run.variables["interviews"] == 3  # clamped at max
    assert run.history[1].deltas == {"interviews": 3, "trust": -30}


def test_scaled_score_and_rights_profile(story, stepper):
    run = play(story, stepper, ["call-parent", "record"])
    card = run.score()
    # d1: call-parent earns 0, best 3, worst -3 -> 3/6 ; d2: record earns 2, best 2 (special hidden), worst -2 -> 4/4
    assert card.scaled == pytest.approx(7 / 10)
    assert card.passed  # 0.7 >= mastery 0.7
    assert card.rights["20(b)"] == {"upheld": 0, "breached": 0, "not_used": 0, "missed": 1}
    assert card.rights["1(2)"]["missed"] == 1
    assert card.rights["3(3)"] == {"upheld": 0, "breached": 1, "not_used": 0, "missed": 0}
    assert card.rights["8(2)"]["upheld"] == 1
    assert card.rights["24(1)(a)"]["upheld"] == 1
    assert "23(2)(a)" not in card.rights  # hidden option: not shown, so not missed


def test_hidden_and_disabled_choices(story):
    run = Run(story)
    run.advance()
    run.choose("listen")
    views = {c.id: c for c in run.choices()}
    assert "special" not in views  # pause not visited
    assert views["locked"].enabled is False  # trust 70 < 90
    with pytest.raises(ChoiceError):
        run.choose("locked")
    with pytest.raises(ChoiceError):
        run.choose("special")
    with pytest.raises(ChoiceError):
        run.choose("nope")
    assert run.history[-1].node == "d1"  # refused choices change nothing


def test_disabled_options_do_not_count_as_shown(story):
    run = play_choices(story, ["listen", "record"])
    assert run.history[1].shown == ["record", "again"]
    assert run.history[1].disabled == ["locked"]


def test_advance_only_on_scenes(story):
    run = Run(story)
    run.advance()
    with pytest.raises(ChoiceError):
        run.advance()


def test_votes_and_seconds_are_recorded(story):
    run = Run(story)
    run.advance()
    run.choose("listen", seconds=12.3456, votes={"listen": 9, "question": 2, "call-parent": 1})
    rec = run.history[0]
    assert rec.seconds == 12.346 and rec.votes["listen"] == 9
    again = Run.from_json(story, run.to_json())
    assert again.history[0].votes == rec.votes


def test_auto_play_is_deterministic_and_bounded(story):
    endings = set()
    for seed in range(300):
        a, b = auto_play(story, seed), auto_play(story, seed)
        assert a.to_json() == b.to_json()
        card = a.score()
        assert 0.0 <= card.scaled <= 1.0 and card.finished
        endings.add(a.node_id)
    assert endings == {"good", "bad"}


# -- save files --------------------------------------------------------------------------------
def _saved(story) -> dict:
    run = play_choices(story, ["listen"])
    return json.loads(run.to_json())


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(save_version=99), "another version of RightsPath"),
    (lambda d: d.update(story_id="other"), "belongs to scenario 'other'"),
    (lambda d: d.update(story_hash="sha256:00"), "has changed since this save"),
    (lambda d: d.update(story_hash="sha256:00", story_version="0.9.0"), "version 0.9.0 of scenario"),
    (lambda d: d.update(format="x"), "not a RightsPath save"),
    (lambda d: d["steps"].append({"choose": "zzz", "at": "d2"}), "do not replay"),
    (lambda d: d["steps"].insert(0, {"advance": "d1"}), "do not replay"),
    (lambda d: d["variables"].update(trust=99), "does not match its steps"),
    (lambda d: d.update(steps="nope"), "damaged"),
])
def test_foreign_or_corrupt_saves_are_refused(story, mutate, message):
    data = _saved(story)
    mutate(data)
    with pytest.raises(SaveError, match=message):
        Run.from_json(story, json.dumps(data))


@pytest.mark.parametrize("text", ["", "{", "null", "[]", "\xff\xfe", '{"format": "rightspath-save"}'])
def test_garbage_saves_are_refused(story, text):
    with pytest.raises(SaveError):
        Run.from_json(story, text)


def test_every_truncation_of_a_save_is_refused_or_exact(story):
    text = play_choices(story, ["listen", "record"]).to_json()
    for cut in range(0, len(text), 7):
        with pytest.raises(SaveError):
            Run.from_json(story, text[:cut])


# -- story files -------------------------------------------------------------------------------
@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(min_reader_version=READER_VERSION + 1), "needs a newer RightsPath"),
    (lambda d: d.update(format_version=0), "too old"),
    (lambda d: d.update(format="ink"), "not a RightsPath story"),
    (lambda d: d.update(start="nowhere"), "start node"),
    (lambda d: d["nodes"]["d1"]["choices"][0].update(next="gone"), "unknown node 'gone'"),
    (lambda d: d["nodes"]["intro"].update(kind="cutscene"), "no valid kind"),
    (lambda d: d["variables"]["trust"].update(start=500), "outside its range"),
])
def test_bad_stories_are_refused_with_a_reason(mutate, message):
    data = two_stage_story()
    mutate(data)
    data = finish({k: v for k, v in data.items() if k != "content_hash"})
    with pytest.raises(StoryError, match=message):
        Story(data)


def test_tampered_story_fails_hash_check():
    data = two_stage_story()
    data["nodes"]["d1"]["choices"][1]["assess"][0]["verdict"] = "upholds"
    with pytest.raises(StoryError, match="content hash"):
        Story(data, verify_hash=True)
    assert Story(data).hash == data["content_hash"]  # the fast path trusts the file


@pytest.mark.parametrize("text", ["", "not json", "[1,2]", '{"format": "rightspath-story"}'])
def test_garbage_story_text(text):
    with pytest.raises(StoryError):
        Story.from_json(text)


def test_story_from_missing_file(tmp_path):
    with pytest.raises(StoryError, match="cannot read"):
        Story.from_file(tmp_path / "nope.json")


@pytest.mark.parametrize("earned, best, worst, expected", [
    (3, 3, -3, "recommended"),
    (1, 3, -3, "partial"),
    (0, 3, -3, "not_recommended"),  # half-way but nothing upheld on balance
    (-1, 5, -4, "not_recommended"),
    (2, 4, -2, "partial"),
    (0, 0, 0, "recommended"),
])
def test_rating_words(earned, best, worst, expected):
    from game.engine.scoring import rating
    assert rating(earned, best, worst) == expected
