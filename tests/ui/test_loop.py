"""The loop draws only when something changed; the virtual clock drives the animations;
the scene stack hands modal results back; settings apply at once."""

from __future__ import annotations

import asyncio

import pygame

from game.ui import actions as A
from game.ui.clock import Tween, VirtualClock
from game.ui.scene import Scene, SceneStack
from tests.ui.driving import open_story
from tests.ui.stories import fixture_story


def test_idle_iterations_skip_drawing(make_pilot):
    pilot = make_pilot([fixture_story()])
    stats = pilot.app.stats
    drawn = stats.drawn
    pilot.step(120)  # two seconds with no input
    assert stats.drawn == drawn
    assert stats.idle >= 120
    pilot.press(pygame.K_DOWN)  # input that changes the focus: one redraw
    assert stats.drawn == drawn + 1


def test_unused_input_does_not_redraw(make_pilot):
    pilot = make_pilot([fixture_story()])
    drawn = pilot.app.stats.drawn
    pilot.press(pygame.K_F5)  # not mapped to any action
    pilot.press(pygame.K_9)  # no ninth button on the title screen
    assert pilot.app.stats.drawn == drawn


def test_a_tween_follows_the_virtual_clock():
    clock = VirtualClock()
    clock.advance(-1.0)  # time never goes back
    assert clock.now == 0.0
    tween = Tween(clock, 0, 10, 2.0)
    assert tween.value == 0
    clock.advance(1.0)
    assert 0 < tween.value < 10 and not tween.done
    clock.advance(1.0)
    assert tween.value == 10 and tween.done


def test_text_reveals_with_the_clock_unless_motion_is_reduced(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story], reduce_motion=False)
    open_story(pilot, story)
    scene = pilot.scene
    assert scene.name == "story" and scene.revealing()
    drawn = pilot.app.stats.drawn
    pilot.advance(0.25)
    assert pilot.app.stats.drawn > drawn  # the animation redraws each frame
    pilot.press(pygame.K_SPACE)  # completes the page instead of moving on
    assert scene.line == 0 and not scene.revealing()
    drawn = pilot.app.stats.drawn
    pilot.step(30)
    assert pilot.app.stats.drawn == drawn  # settled: idle again
    pilot.press(pygame.K_SPACE)
    assert scene.line == 1


class _Probe(Scene):
    name = "probe"

    def draw(self, surface):
        pass


def test_scene_stack_modal_result_goes_to_whoever_pushed():
    changes = []
    stack = SceneStack(on_change=lambda: changes.append(1))
    base, modal = _Probe(None), _Probe(None)
    modal.opaque = False
    results = []
    stack.push(base)
    stack.push(modal, on_result=results.append)
    assert stack.visible() == [base, modal]
    stack.pop(modal, "yes")
    assert results == ["yes"] and stack.top is base
    other = _Probe(None)
    stack.replace(other)
    assert list(stack) == [other] and len(changes) == 4


def test_actions_map_keys_mouse_and_touch():
    pygame.init()
    size = (1280, 720)
    key = lambda k, mod=0: A.map_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=""), size)  # noqa: E731
    assert key(pygame.K_3) == A.Action(A.SELECT, index=2)
    assert key(pygame.K_TAB).kind == A.FOCUS_NEXT
    assert key(pygame.K_TAB, pygame.KMOD_LSHIFT).kind == A.FOCUS_PREV
    assert key(pygame.K_ESCAPE).kind == A.MENU
    assert key(pygame.K_SPACE).kind == A.ADVANCE
    tap = pygame.event.Event(pygame.FINGERUP, x=0.5, y=0.25, touch_id=1, finger_id=0, dx=0, dy=0, pressure=1)
    assert A.map_event(tap, size) == A.Action(A.POINTER_UP, pos=(640, 180))
    mirrored = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(1, 1), button=1, touch=True)
    assert A.map_event(mirrored, size) is None  # SDL's mouse copy of a touch is ignored


def test_settings_apply_at_once_and_persist(make_pilot, platform):
    pilot = make_pilot([fixture_story()])
    pilot.click("Settings")
    assert pilot.scene.name == "settings"
    small = pilot.app.fonts.px("body")
    pilot.press(pygame.K_RIGHT)  # text size: Standard -> Large
    assert pilot.app.fonts.px("body") > small
    pilot.press(pygame.K_DOWN, pygame.K_RIGHT)  # high contrast on
    assert pilot.app.theme.name == "high_contrast"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene.name == "title"
    assert '"high_contrast": true' in platform.load("prefs")
    assert '"text_size": 2' in platform.load("prefs")


def test_setup_takes_typed_pseudonym_and_digits_do_not_leak(make_pilot):
    pilot = make_pilot([fixture_story()])
    pilot.click("Start a training")
    pilot.click("Pseudonym or code")
    pilot.type("trainee 7")
    pilot.press(pygame.K_7)  # typed as text, not taken as "option 7"
    pilot.press(pygame.K_BACKSPACE)
    assert pilot.scene.name == "setup"
    assert pilot.app.prefs.trainee == "trainee 7"


def test_url_params_preset_the_setup(platform, tmp_path):
    from game.platform.desktop import DesktopPlatform
    from game.ui.app import App, AppOptions

    p = DesktopPlatform(data_dir=tmp_path / "d", params={"trainee": "K-12", "mode": "facilitated",
                                                          "contrast": "high", "size": "3"})
    app = App([fixture_story()], AppOptions(), p)
    assert (app.prefs.trainee, app.prefs.mode, app.prefs.high_contrast, app.prefs.text_size) == \
        ("K-12", "facilitated", True, 3)
    assert app.theme.name == "high_contrast"


def test_async_run_returns_the_score_and_quits_on_window_close(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    result = asyncio.run(pilot.app.run())
    assert result is None and not pilot.app.running


def test_only_the_first_screens_pictures_are_waited_for(make_pilot):
    """Starting a story waits for the pictures of its first screen only, several per loop iteration
    where they fit the budget; the rest are made in spare time, and play never draws one on the spot."""
    from game.ui.artcache import node_keys
    from game.ui.artcache import PORTRAIT_SIZE

    from game.ui.art import backgrounds, portraits

    backgrounds.clear_cache()  # earlier tests in this process drew the same rooms and faces
    portraits.clear_cache()
    story = fixture_story()
    pilot = make_pilot([story])
    app = pilot.app
    wanted = set(app.art._story_keys(story, app.size, PORTRAIT_SIZE))
    first = set(node_keys(story, story.start, app.size, PORTRAIT_SIZE))
    assert len(wanted) >= 3 and first < wanted  # two backgrounds, at least one portrait
    open_story(pilot, story)
    for _ in range(30):
        if app.scenes.top.name != "loading":
            break
        pilot.step(1)
    # The story's first screen is up: its pictures are made, and not yet every other one.
    assert app.scenes.top.name == "story"
    assert all(app.art.has(k) for k in first)
    assert not all(app.art.has(k) for k in wanted)
    pilot.step(60)  # a second of reading: the spare time makes the rest
    assert all(app.art.has(k) for k in wanted) and app.art.pending == 0
    from tests.ui.driving import play_to_debrief

    play_to_debrief(pilot, ["explain-simply", "record-once"])
    assert app.art.drawn_on_demand == 0

def test_meters_glide_to_new_values_with_the_clock(make_pilot):
    """After a decision that moves a meter, the next story screen glides it from the old value."""
    from tests.ui.stories import bundled_paths, compiled

    story = compiled(str(next(p for p in bundled_paths() if p.stem == "tutorial")))
    pilot = make_pilot([story], reduce_motion=False)
    open_story(pilot, story)
    while pilot.scene.name != "decision":
        pilot.press(pygame.K_SPACE)
        pilot.advance(3)
    before = dict(pilot.scene.run.variables)
    moving = None
    for view in pilot.scene.views:  # an option that changes a shown meter
        deltas = {e["var"]: e["delta"] for e in view.data.get("effects", [])}
        moving = next((v for v in deltas if story.variables[v].get("shown") and deltas[v]), None)
        if view.enabled and moving:
            pilot.press(getattr(pygame, f"K_{view.index}"))
            break
    assert moving, "the tutorial's first decision should move a meter"
    pilot.press(pygame.K_RETURN)  # leave the feedback
    while pilot.scene.name != "story":
        pilot.press(pygame.K_RETURN)
    tween = pilot.scene.meters.tweens[moving]
    assert tween.start == before[moving] and tween.end == pilot.scene.run.variables[moving] and not tween.done
    pilot.advance(1.0)
    assert tween.done and pilot.scene.meters.animating is False
