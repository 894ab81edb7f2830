"""The art for Nia's case (issue 19): a police cyber-crime unit, a school counsellor's room, Nia (15),
her school counsellor and an IT-forensics officer — drawn at the sizes the game uses, in every mood,
painted in steps like every room, and not a copy of anything already drawn."""

import itertools

import pygame
import pytest

from game.engine import vocab
from game.ui.art import backgrounds, portraits
from game.ui.art.people import PEOPLE
from game.ui.app import SIZE  # every screen is laid out at this size
from game.ui.artcache import ArtCache
from game.ui.screens.story import PORTRAIT_SIZE  # the size the story screen asks for
from tests.art.helpers import alpha_mask, differing_fraction, iou, rgb_bytes, small

NEW_ROOMS = ("cyber_unit", "counsellor_room")
NEW_PEOPLE = ("girl_teen", "counsellor", "forensics_officer")
NEW_ROLES = {"digital_forensics": "Digital forensics officer", "school_counsellor": "School counsellor"}


def test_the_new_names_are_in_the_vocabulary_and_drawn():
    assert set(NEW_ROOMS) <= set(vocab.LOCATIONS) and set(NEW_ROOMS) <= set(backgrounds.LOCATIONS)
    assert set(NEW_PEOPLE) <= set(vocab.PORTRAITS) and set(NEW_PEOPLE) <= set(portraits.PORTRAITS)
    for role, label in NEW_ROLES.items():
        assert role in vocab.ROLES and vocab.ROLE_LABELS[role] == label


@pytest.mark.parametrize("location", NEW_ROOMS)
def test_new_rooms_render_at_the_game_size_through_the_art_cache(location):
    backgrounds.clear_cache()
    art = ArtCache()
    surface = art.background(location, SIZE)
    assert surface.get_size() == SIZE
    assert art.drawn_on_demand == 1  # asked before it was queued: drawn on the spot
    assert rgb_bytes(surface) == rgb_bytes(backgrounds.render(location, SIZE))  # the room, not a stand-in
    thumb = small(surface)
    colours = {thumb.get_at((x, y))[:3] for x in range(0, 96, 3) for y in range(0, 54, 3)}
    assert len(colours) > 40


@pytest.mark.parametrize("location", NEW_ROOMS)
def test_new_rooms_differ_from_every_other_room(location):
    """Not a copy or a recolour of a room already drawn: at least a third of the picture differs."""
    mine = small(backgrounds.render(location, (320, 180)))
    for other in vocab.LOCATIONS:
        if other != location:
            theirs = small(backgrounds.render(other, (320, 180)))
            assert differing_fraction(mine, theirs) > 0.33, (location, other)


def test_the_recogniseable_part_of_each_new_room_is_its_own():
    """The band the story screen leaves visible (x 430-960, y 90-480) differs from every other room's."""
    band = pygame.Rect(430, 90, 530, 390)
    crops = {loc: backgrounds.render(loc, SIZE).subsurface(band).copy() for loc in vocab.LOCATIONS}
    for location in NEW_ROOMS:
        for other in vocab.LOCATIONS:
            if other != location:
                assert differing_fraction(crops[location], crops[other]) > 0.4, (location, other)


@pytest.mark.parametrize("portrait", NEW_PEOPLE)
@pytest.mark.parametrize("mood", vocab.MOODS)
def test_new_people_render_in_every_mood_at_the_story_size(portrait, mood):
    art = ArtCache()
    surface = art.portrait(portrait, mood, PORTRAIT_SIZE)
    assert surface is not None and surface.get_size() == PORTRAIT_SIZE
    assert rgb_bytes(surface) == rgb_bytes(portraits.render(portrait, mood, PORTRAIT_SIZE))  # not a stand-in
    assert surface.get_at((0, 0)).a == 0
    assert alpha_mask(surface).count() > 0.15 * PORTRAIT_SIZE[0] * PORTRAIT_SIZE[1]


@pytest.mark.parametrize("portrait", NEW_PEOPLE)
def test_new_people_look_unlike_everyone_else(portrait):
    size = (170, 210)
    mine = portraits.render(portrait, "neutral", size)
    for other in PEOPLE:
        if other != portrait:
            assert differing_fraction(mine, portraits.render(other, "neutral", size)) > 0.08, (portrait, other)


def test_nia_is_a_teenager_dressed_for_school_and_the_adults_are_adults():
    nia, counsellor, officer = (PEOPLE[p] for p in NEW_PEOPLE)
    assert nia.age == "teen" and nia.outfit == "hoodie" and "backpack" in nia.extras
    assert counsellor.age == "adult" and officer.age == "adult"
    assert officer.outfit not in ("uniform", "robe", "labcoat") and "lanyard" in officer.extras  # civilian, a pass
    # the teenager is drawn smaller than the adults: her shoulders are narrower than theirs
    masks = {p: alpha_mask(portraits.render(p, "neutral", PORTRAIT_SIZE)) for p in NEW_PEOPLE}
    row = PORTRAIT_SIZE[1] - 40
    width = {p: sum(masks[p].get_at((x, row)) for x in range(PORTRAIT_SIZE[0])) for p in NEW_PEOPLE}
    assert width["girl_teen"] < width["counsellor"] and width["girl_teen"] < width["forensics_officer"]


def test_nia_withdrawn_draws_in_her_shoulders_and_lowers_her_head():
    neutral = alpha_mask(portraits.render("girl_teen", "neutral", PORTRAIT_SIZE))
    withdrawn = alpha_mask(portraits.render("girl_teen", "withdrawn", PORTRAIT_SIZE))
    assert iou(neutral, withdrawn) < 0.95


@pytest.mark.parametrize("portrait", NEW_PEOPLE)
def test_moods_of_the_new_people_differ_pairwise(portrait):
    faces = {m: portraits.render(portrait, m, (170, 210)) for m in vocab.MOODS}
    for a, b in itertools.combinations(vocab.MOODS, 2):
        assert differing_fraction(faces[a], faces[b]) > 0.004, (portrait, a, b)


@pytest.mark.parametrize("location", NEW_ROOMS)
def test_new_rooms_are_painted_a_little_at_a_time_with_the_same_pixels(location):
    """The game paints rooms in idle time one drawing call per step (issue 16): each new room is spread
    over many steps and ends as render() would paint it."""
    backgrounds.clear_cache()
    once = rgb_bytes(backgrounds.render(location, (640, 360)))
    backgrounds.clear_cache()
    steps, count = backgrounds.paint_steps(location, (640, 360)), 0
    while True:
        try:
            next(steps)
            count += 1
        except StopIteration as done:
            assert rgb_bytes(done.value) == once
            break
    assert count > 100


def test_contact_sheets_can_be_written_for_a_person_to_look_at(tmp_path):
    """What a person opens to judge the new art: each new room (plain and under the story screen) and
    each new person in three moods."""
    from tests.art.contact_sheet import with_story_ui

    for location in NEW_ROOMS:
        room = backgrounds.render(location, SIZE)
        pygame.image.save(room, str(tmp_path / f"{location}.png"))
        pygame.image.save(with_story_ui(room), str(tmp_path / f"{location}_ui.png"))
    for portrait in NEW_PEOPLE:
        sheet = pygame.Surface((3 * 200, 240))
        sheet.fill((234, 238, 236))
        for i, mood in enumerate(("neutral", "worried", "warm")):
            sheet.blit(portraits.render(portrait, mood, (200, 240)), (i * 200, 0))
        pygame.image.save(sheet, str(tmp_path / f"{portrait}.png"))
    written = sorted(p.name for p in tmp_path.iterdir())
    assert len(written) == 2 * len(NEW_ROOMS) + len(NEW_PEOPLE)
    assert all(pygame.image.load(str(tmp_path / name)).get_width() >= 600 for name in written)
