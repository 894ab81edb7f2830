"""Every decision of every bundled scenario fits the 1280x720 screen at every text size and mode:
options inside the window (a panel taller than the screen scrolls, and each option is fully shown
once it has the focus), not overlapping, text wrapped inside its button, at the size chosen."""

from __future__ import annotations

import pytest

from game.engine import Run
from game.ui.screens.decision import DecisionScene
from game.ui.screens.feedback import FeedbackScene
from game.ui.playthrough import Playthrough
from game.ui.text import wrap
from tests.ui.stories import bundled_paths, compiled, fixture_story

CASES = [(str(p), size, mode) for p in bundled_paths() for size in (1, 3) for mode in ("learning", "facilitated")]


def decisions_on_a_path(story, seed):
    """Runs stopped at each decision along seeded playthroughs (copies via save/load)."""
    import random

    rng = random.Random(seed)
    run = Run(story)
    while not run.ended:
        if run.kind == "scene":
            run.advance()
            continue
        if run.kind == "assessment":  # a form, not a decision (tests/ui/test_assessment_ui.py lays it out)
            run.assess({i for ids in run.assessment_order().values() for i in ids if rng.random() < 0.5})
            continue
        yield Run.from_json(story, run.to_json())
        run.choose(rng.choice([c.id for c in run.choices() if c.enabled]))


@pytest.mark.parametrize("path,size,mode", CASES + [("fixture", 3, "facilitated")],
                         ids=lambda v: str(v).rsplit("/", 1)[-1])
def test_decisions_fit_the_screen(make_pilot, path, size, mode):
    story = fixture_story() if path == "fixture" else compiled(path)
    pilot = make_pilot([story], text_size=size, mode=mode)
    app = pilot.app
    screen = app.surface.get_rect()
    seen = 0
    for seed in (0, 1):
        for run in decisions_on_a_path(story, seed):
            playthrough = Playthrough(app, story, run=run, mode=mode)
            scene = DecisionScene(app, playthrough)
            assert scene.fit_scale == 1.0 and scene.roles[2] == "button"  # never shrunk to fit
            viewport = scene.viewport()
            if scene.max_scroll:
                for i, b in enumerate(scene.group.widgets):  # each option in view once focused
                    if not b.enabled:
                        continue
                    scene.group.focus = i
                    scene._reveal_focus()
                    if b.rect.h > viewport.h - 16:  # an option taller than the view shows from its top
                        assert viewport.top <= b.rect.top < viewport.top + 40, (run.node_id, i, b.rect, viewport)
                    else:
                        assert viewport.contains(b.rect), (run.node_id, i, b.rect, viewport)
                scene.scroll_by(-scene.max_scroll)
            else:
                rects = [b.rect for b in scene.group.widgets]
                assert all(screen.contains(r) for r in rects), (run.node_id, rects)
                assert scene.panel_rect.bottom <= screen.bottom - 40, run.node_id  # the key hint stays free
            rects = [b.rect for b in scene.group.widgets]
            for a, b in zip(rects, rects[1:]):
                assert a.bottom <= b.top, (run.node_id, a, b)
            with app.fonts.scaled(scene.fit_scale):
                for b in scene.group.widgets:
                    font = app.fonts.font(b.role, bold=True)
                    assert all(font.size(line)[0] <= b.rect.right - b.text_x(app) - 14
                               for line in wrap(b.label, font, b.rect.right - b.text_x(app) - 14))
            seen += 1
    assert seen >= 2


def test_feedback_scrolls_when_long(make_pilot):
    """Feedback taller than its panel becomes scrollable instead of being cut."""
    story = compiled(str(bundled_paths()[0]))
    pilot = make_pilot([story], text_size=3)
    app = pilot.app
    run = next(decisions_on_a_path(story, 0))
    playthrough = Playthrough(app, story, run=run)
    node_id, node = run.node_id, run.node
    choice = next(c for c in run.choices() if c.enabled)
    result = run.choose(choice.id)
    scene = FeedbackScene(app, playthrough, node_id, node, result)
    view = scene.view
    assert view.content.get_height() > 0
    if view.scrollable:
        from game.ui import actions as A

        assert scene.handle(A.Action(A.PAGE_DOWN)) and view.offset > 0
        assert scene.handle(A.Action(A.PAGE_UP)) and view.offset == 0


@pytest.mark.parametrize("size", [1, 2, 3])
@pytest.mark.parametrize("mode", ["learning", "facilitated"])
def test_menus_fit_the_screen(make_pilot, size, mode):
    """Title, setup, selection and settings keep every control inside the window, clear of the hint."""
    import pygame

    stories = [compiled(str(p)) for p in bundled_paths()]
    pilot = make_pilot(stories, text_size=size, mode=mode)
    screen = pilot.app.surface.get_rect()
    screens = []
    screens.append(pilot.scene)
    pilot.click("Start a training")
    screens.append(pilot.scene)
    pilot.click("Continue")
    screens.append(pilot.scene)
    pilot.press(pygame.K_ESCAPE, pygame.K_ESCAPE)
    pilot.click("Settings")
    screens.append(pilot.scene)
    assert [s.name for s in screens] == ["title", "setup", "select", "settings"]
    for scene in screens:
        for w in scene.group.widgets:
            assert screen.contains(w.rect) and w.rect.bottom <= screen.bottom - 40, (scene.name, w.label, w.rect)
        rects = [w.rect for w in scene.group.widgets]
        for i, a in enumerate(rects):
            assert not any(a.colliderect(b) for b in rects[i + 1:]), (scene.name, a)
