"""The heap the UI holds on to (a browser tab's never shrinks): rendered text within its byte
budget, a long decisions report painted piece by piece, and one story's pictures at a time."""

from __future__ import annotations

import pygame

from game.engine import auto_choices
from game.ui.fonts import TEXT_CACHE_BYTES
from game.ui.scroll import ChunkedScrollView
from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import bundled_stories, fixture_story


def surface_bytes(s: pygame.Surface) -> int:
    return s.get_width() * s.get_height() * s.get_bytesize()


def longest() -> object:
    return max(bundled_stories(), key=lambda s: len(s.decision_ids()))


def test_a_long_playthrough_keeps_text_and_the_report_small(make_pilot):
    story = longest()
    pilot = make_pilot([story], text_size=3)
    open_story(pilot, story)
    play_to_debrief(pilot, auto_choices(story, 1))
    fonts = pilot.app.fonts
    held = sum(surface_bytes(s) for s in fonts._text.values())
    assert held == fonts.cached_text_bytes <= TEXT_CACHE_BYTES
    assert fonts.renders > len(fonts._text)  # the budget did evict: the test exercised it
    pilot.click("Your decisions")
    view = pilot.scene.view
    assert isinstance(view, ChunkedScrollView)
    assert len(view.heights) == len(pilot.scene.run.history) + 1
    whole = view.total_height * view.viewport.w * 4
    for _ in range(200):
        if view.offset >= view.max_offset:
            break
        pilot.press(pygame.K_PAGEDOWN)
        kept = sum(surface_bytes(s) for s in view._painted.values())
        assert len(view._painted) <= view.KEEP and kept < whole / 2
    assert view.offset == view.max_offset and len(view.heights) - 1 in view.visible()


def test_starting_a_story_lets_go_of_another_storys_pictures(make_pilot):
    from game.ui.artcache import PORTRAIT_SIZE

    first, second = longest(), fixture_story()
    pilot = make_pilot([first, second])
    app = pilot.app
    app.art.prerender(first, app.size, PORTRAIT_SIZE)
    before = {k for k in app.art._images if k[0] in ("bg", "pt")}
    dropped = app.art.keep_only(second, app.size, PORTRAIT_SIZE)
    after = {k for k in app.art._images if k[0] in ("bg", "pt")}
    wanted = set(app.art._story_keys(second, app.size, PORTRAIT_SIZE))
    assert dropped == len(before - wanted) > 0 and after <= wanted
    # What the second story shows is still there, and drawing it again still works.
    assert app.art.background("school", app.size).get_size() == app.size
