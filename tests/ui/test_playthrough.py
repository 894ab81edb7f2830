"""Full playthroughs of every bundled scenario through the real UI reach the debrief with exactly
the engine's score for the same choices, in every mode and with every input device."""

from __future__ import annotations

import pygame
import pytest

from game.engine import auto_choices
from tests.ui.driving import engine_score, open_story, play_to_debrief
from tests.ui.stories import bundled_paths, compiled, fixture_story

BUNDLED = [str(p) for p in bundled_paths()]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.rsplit("/", 1)[-1])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bundled_scenario_through_the_ui_scores_like_the_engine(make_pilot, path, seed):
    story = compiled(path)
    choices = auto_choices(story, seed)
    pilot = make_pilot([story])
    open_story(pilot, story)
    play_to_debrief(pilot, choices, via="numbers")
    assert pilot.scene.card == engine_score(story, choices)
    assert pilot.app.result == engine_score(story, choices)
    assert pilot.scene.card.finished


@pytest.mark.parametrize("mode", ["learning", "assessment", "facilitated"])
def test_each_mode_reaches_the_debrief_with_the_engine_score(make_pilot, mode):
    story = fixture_story()
    choices = ["start-questions", "record-once"]
    pilot = make_pilot([story], mode=mode)
    open_story(pilot, story)
    seen = play_to_debrief(pilot, choices)
    assert pilot.scene.card == engine_score(story, choices)
    assert ("feedback" in seen) == (mode != "assessment")
    if mode == "facilitated":
        votes = [rec.votes for rec in pilot.scene.run.history]
        assert votes[0] == {"explain-simply": 1, "start-questions": 2, "wait-for-lawyer": 0}
        assert all(v is not None for v in votes)
    else:
        assert all(rec.votes is None for rec in pilot.scene.run.history)


@pytest.mark.parametrize("via", ["arrows", "numbers"])
def test_keyboard_only_playthrough_completes(make_pilot, via):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story, via="keys")
    play_to_debrief(pilot, ["explain-simply", "two-interviews"], via=via)
    assert pilot.scene.card == engine_score(story, ["explain-simply", "two-interviews"])


@pytest.mark.parametrize("via", ["mouse", "touch"])
def test_pointer_only_playthrough_completes(make_pilot, via):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story, via=via)
    play_to_debrief(pilot, ["explain-simply", "record-once"], via=via)
    assert pilot.scene.card == engine_score(story, ["explain-simply", "record-once"])


def test_facilitated_mode_with_mouse_votes(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story], mode="facilitated")
    open_story(pilot, story, via="mouse")
    play_to_debrief(pilot, ["explain-simply", "record-once"], via="mouse")
    assert [r.chosen for r in pilot.scene.run.history] == ["explain-simply", "record-once"]


@pytest.mark.parametrize("via", ["mouse", "touch"])
def test_facilitated_votes_can_be_taken_back_by_mouse_and_touch(make_pilot, via):
    """A wrong tap is undone on the vote box itself: its "−" end takes a vote away, its "+" end adds."""
    story = fixture_story()
    pilot = make_pilot([story], mode="facilitated")
    act = pilot.click if via == "mouse" else pilot.tap
    open_story(pilot, story, via=via)
    for _ in range(10):
        if pilot.scene.name == "decision":
            break
        act((640, 600))
    scene = pilot.scene
    assert scene.name == "decision" and scene.facilitated
    (first, box), (second, box2) = scene._vote_boxes()[:2]
    act(scene.group.widgets[scene.views.index(first)].rect.center)  # the option itself adds one
    assert scene.votes[first.id] == 1
    act((box.x + 10, box.centery))  # the "−" end
    act((box.x + 10, box.centery))  # never below zero
    assert scene.votes[first.id] == 0
    act((box2.right - 10, box2.centery))
    act((box2.right - 10, box2.centery))
    act((box2.x + 10, box2.centery))
    assert scene.votes[second.id] == 1 and sum(scene.votes.values()) == 1
    act("Play the room's choice")
    assert pilot.app.playthrough.run.history[-1].chosen == second.id
    assert pilot.app.playthrough.run.history[-1].votes == {**{v.id: 0 for v in scene.views}, first.id: 0, second.id: 1}


def test_pause_menu_restart_settings_and_back_to_menu(make_pilot, platform):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story)
    for _ in range(10):
        if pilot.scene.name == "decision":
            break
        pilot.press(pygame.K_SPACE)
    pilot.press(pygame.K_1)
    assert len(pilot.app.playthrough.run.history) == 1
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene.name == "pause"
    pilot.click("Settings")
    assert pilot.scene.name == "settings"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene.name == "feedback"  # back where we were, the pause menu closed
    pilot.press(pygame.K_ESCAPE)
    pilot.click("Restart")
    assert pilot.scene.name == "confirm-restart"
    pilot.click("Restart")
    assert pilot.app.playthrough.run.history == [] and pilot.scene.name == "story"
    pilot.click("Menu")
    assert pilot.scene.name == "pause"
    pilot.click("Main menu")
    assert pilot.scene.name == "title" and pilot.app.playthrough is None
    assert platform.load("run-fixture") is not None  # progress kept for resuming


def test_the_menu_button_and_text_box_work_by_touch(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story, via="touch")
    pilot.tap((640, 600))
    assert pilot.scene.line == 1
    pilot.tap("Menu")
    assert pilot.scene.name == "pause"
    pilot.tap("Resume")
    assert pilot.scene.name == "story"


def test_disabled_choice_cannot_be_taken(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story)
    pilot.press(pygame.K_SPACE, pygame.K_SPACE)
    scene = pilot.scene
    # Where the disabled option stands depends on the order shown (the seed); find it.
    off = next(i for i, v in enumerate(scene.views) if not v.enabled)
    assert scene.name == "decision" and len(scene.views) == 3
    pilot.press(getattr(pygame, f"K_{off + 1}"))
    pilot.click(scene.group.widgets[off])
    assert pilot.scene is scene and scene.run.history == []
    # Arrow focus skips the disabled option: two steps down from the first enabled one come back to it.
    start = scene.group.focus
    assert scene.views[start].enabled
    pilot.press(pygame.K_DOWN)
    assert scene.group.focus != off
    pilot.press(pygame.K_DOWN)
    assert scene.group.focus == start


def test_a_link_naming_a_scenario_opens_its_content_note_over_its_card(make_pilot):
    stories = [compiled(p) for p in BUNDLED] + [fixture_story()]
    pilot = make_pilot(stories, scenario="fixture")
    pilot.click("Start a training")
    pilot.click("Continue")
    assert pilot.scene.name == "content-note" and "Lena speaks up" in pilot.scene.title
    pilot.click("Back")
    assert pilot.scene.name == "select"
    assert pilot.scene.group.focused.story.id == "fixture"


def test_play_window_runs_until_interrupted(tmp_path):
    """`rightspath play STORY` opens the window (SDL's dummy driver here) and keeps the loop alive
    until it is stopped; an interrupt ends it without a traceback."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from game.engine.story import canonical_json
    from tests.ui.stories import REPO

    path = tmp_path / "fixture.json"
    path.write_text(canonical_json(fixture_story().data), encoding="utf-8")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", RIGHTSPATH_DATA_DIR=str(tmp_path / "d"))
    proc = subprocess.Popen([sys.executable, "-m", "game", "play", str(path)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # SIGINT as at a terminal
    try:
        time.sleep(3)
        assert proc.poll() is None, proc.communicate()
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err


def test_headless_options_alone_script_the_run(platform):
    """AppOptions(headless=True, choices=... or auto_seed=...) plays through the UI by itself."""
    import asyncio

    from game.ui.app import App, AppOptions

    stories = [compiled(p) for p in BUNDLED]
    target = stories[-1]
    app = App(stories, AppOptions(headless=True, auto_seed=4, scenario=target.id, reduce_motion=True), platform)
    card = asyncio.run(app.run())
    assert card == engine_score(target, auto_choices(target, 4))
    pygame.quit()


def test_pause_is_reachable_by_mouse_from_every_play_screen(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story, via="mouse")
    for expected, label in (("story", "Menu"), ("decision", "Menu (Esc)"), ("feedback", "Menu (Esc)")):
        while pilot.scene.name != expected:
            if pilot.scene.name == "decision":
                pilot.click(pilot.scene.group.widgets[0])
            else:
                pilot.click((640, 600))
        pilot.click(label)
        assert pilot.scene.name == "pause", expected
        pilot.click("Resume")
        assert pilot.scene.name == expected


@pytest.mark.parametrize("via", ["key", "pointer"])
def test_facilitated_discussion_questions_can_be_hidden_for_larger_text(make_pilot, via):
    """Once the room has talked the questions through, hiding them (Q, or a click on them) gives the
    prompt and the options the room (the options move up, or the panel scrolls less; the text is at the
    room's size either way); a click on the line left behind brings them back."""
    story = fixture_story()
    pilot = make_pilot([story], mode="facilitated")
    open_story(pilot, story)
    for _ in range(10):
        if pilot.scene.name == "decision":
            break
        pilot.press(pygame.K_SPACE)
    scene = pilot.scene
    assert scene.facilitated and scene.show_discuss and scene.node.get("discuss")
    fonts = pilot.app.fonts

    def sizes():
        with fonts.scaled(scene.fit_scale):
            # text sizes (never shrunk), then the room the options get: first option's top, scrolling
            return fonts.px(scene.roles[2]), fonts.px(scene.roles[0]), -scene._base[0], -scene.max_scroll

    shown = sizes()
    if via == "key":
        pilot.press(pygame.K_q)
    else:
        pilot.click(scene.discuss_toggle_rect.center)
    assert not scene.show_discuss
    hidden = sizes()
    assert hidden[:2] == shown[:2] and hidden > shown, (shown, hidden)  # more room, same large text
    pilot.click(scene.discuss_toggle_rect.center)
    assert scene.show_discuss and sizes() == shown
    pilot.press(pygame.K_1)
    assert sum(scene.votes.values()) == 1  # the votes still work after the layout changed
