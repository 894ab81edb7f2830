"""The web bundle's stories (game.engine.bundle, packed by game.webbuild.storypack): packed small, given back exactly, read only when needed.

The archive ships every story packed (shared rights catalogues, translations as their strings over
the English story, Cyrillic one byte a letter); start-up reads only the index. These tests unpack
what the real build writes and play the real UI on it: the selection, a resume, a language switch,
a damaged file.
"""

from __future__ import annotations

import json
import shutil

import pytest

from game.engine import Run, Story, StoryError, l10n
from game.engine.bundle import INDEX, Bundle, BundledStory, decode_json, open_bundle, with_strings
from game.engine.story import canonical_json
from game.webbuild.stage import compile_stories, stage, translated_stories
from game.webbuild.storypack import encode_json, pack_stories, strings
from tests.web.conftest import scenarios_to_bundle


@pytest.fixture(scope="module")
def compiled():
    """Every bundled scenario and translation, as the compiler writes them (dicts)."""
    folder = scenarios_to_bundle()
    return ([json.loads(data) for data in compile_stories(folder).values()]
            + [json.loads(data) for data in translated_stories(folder).values()])


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    return stage(tmp_path_factory.mktemp("stage") / "rightspath", scenarios_to_bundle())


def test_every_bundled_story_unpacks_to_exactly_the_compiled_one(staged, compiled):
    stories = open_bundle(staged.folder / "stories")
    assert len(stories) == len(compiled) >= 8
    by_file = {(s.id, l10n.story_language(s)): s for s in stories}
    for data in compiled:
        story = by_file.pop((data["scenario"]["id"], data["scenario"]["language"]))
        story.load()
        assert canonical_json(story.data) == canonical_json(data), story.source
        assert list(story.data) == list(data)  # the compiled file's key order too
        Story(story.data, verify_hash=True)  # its content hash still holds
        assert story.hash == data["content_hash"] and story.title == data["scenario"]["title"]
    assert by_file == {}


def test_the_packing_shares_and_overlays(staged, compiled):
    index = json.loads((staged.folder / "stories" / INDEX).read_text(encoding="utf-8"))
    entries = {e["file"]: e for e in index["stories"]}
    for sid in staged.stories:
        assert entries[f"{sid}.pack"]["over"] is None and entries[f"{sid}.pack"]["rights"] == "rights.pack"
        assert entries[f"{sid}.bg.pack"]["over"] == f"{sid}.pack"  # its strings only
        assert entries[f"{sid}.bg.pack"]["rights"] == "rights.bg.pack"
    english = decode_json((staged.folder / "stories" / "mira.pack").read_bytes())
    assert "scenario" not in english and all(isinstance(r, str) for r in english["rights"])
    overlay = decode_json((staged.folder / "stories" / "mira.bg.pack").read_bytes())
    assert isinstance(overlay, list) and 0 in overlay and len(overlay) == len(strings(english))
    raw = (staged.folder / "stories" / "mira.bg.pack").read_bytes()
    cyrillic = sum(1 for b in raw if b >= 0x80)
    assert cyrillic > len(raw) // 3  # one byte a Cyrillic letter
    packed = sum((staged.folder / "stories" / name).stat().st_size for name in entries)
    assert packed < 0.7 * sum(len(canonical_json(d).encode("utf-8")) for d in compiled)


def test_encoding_gives_back_every_character():
    data = {"a": "Мира – “quoted” é ß \\ \" \\u0410 \u00a0 😀 \u0400\u047f\u0480 \n\t", "b": ["Ѐ", 1, 2.5, None, True]}
    raw = encode_json(data)
    assert max(raw) >= 0x80 and b"\\u2013" in raw  # Cyrillic as bytes, the dash escaped
    assert decode_json(raw) == data


def test_a_translation_of_another_shape_or_other_rights_is_kept_whole(compiled):
    english = next(d for d in compiled if d["scenario"]["id"] == "tutorial" and d["scenario"]["language"] == "en")
    other = json.loads(json.dumps(english))
    other["scenario"] = dict(other["scenario"], language="fr", title="Tutoriel")
    first = next(iter(other["nodes"]))
    other["nodes"][first]["extra"] = "une clé de plus"  # not the English story's shape
    reworded = json.loads(json.dumps(english))
    reworded["scenario"] = dict(reworded["scenario"], id="tutorial-2")
    rid = next(iter(reworded["rights"]))
    reworded["rights"][rid] = dict(reworded["rights"][rid], text="Worded otherwise.")  # cannot share the catalogue
    files = pack_stories([english, other, reworded])
    index = json.loads(files[INDEX])
    entries = {e["file"]: e for e in index["stories"]}
    assert entries["tutorial.fr.pack"]["over"] is None
    assert entries["tutorial-2.pack"]["rights"] is None
    bundle = Bundle.from_files(files)
    for data, entry in zip([english, other, reworded], index["stories"]):
        assert canonical_json(bundle.story_data(entry)) == canonical_json(data)


def test_strings_round_trip_and_counts_are_checked():
    data = {"b": ["x", {"d": "y", "c": 3}], "a": "z"}
    assert strings(data) == ["z", "x", "y"]
    assert with_strings(data, [0, "X", 0]) == {"a": "z", "b": ["X", {"c": 3, "d": "y"}]}
    with pytest.raises(ValueError):
        with_strings(data, [0, 0])
    with pytest.raises(ValueError):
        with_strings(data, [0, 0, 0, 0])


def test_start_up_reads_no_story_and_the_list_needs_none(staged):
    stories = open_bundle(staged.folder / "stories")
    assert all(isinstance(s, BundledStory) and not s.loaded for s in stories)
    assert l10n.available_languages(stories) == ["en", "bg"]
    chosen = l10n.stories_for_language(stories, "bg")
    assert sorted(s.id for s in chosen) == sorted(staged.stories)
    assert all(l10n.story_language(s) == "bg" and s.title and s.scenario["summary"] for s in chosen)
    assert not any(s.loaded for s in stories)  # titles, languages, summaries: all from the index
    mira = next(s for s in chosen if s.id == "mira")
    assert mira.nodes[mira.start]  # the content, read on first use
    assert mira.loaded and sum(s.loaded for s in stories) == 1


def _damaged(staged, tmp_path, name: str):
    folder = tmp_path / "stories"
    shutil.copytree(staged.folder / "stories", folder)
    (folder / name).write_bytes(b"{not a story")
    return folder


def test_a_damaged_story_file_fails_when_read_and_every_time_after(staged, tmp_path):
    stories = open_bundle(_damaged(staged, tmp_path, "mira.pack"))
    mira = next(s for s in stories if s.id == "mira" and l10n.story_language(s) == "en")
    mira_bg = next(s for s in stories if s.id == "mira" and l10n.story_language(s) == "bg")
    for story in (mira, mira_bg):  # the translation is its strings over the damaged English file
        with pytest.raises(StoryError, match="mira.pack"):
            story.nodes
        with pytest.raises(StoryError, match="mira.pack"):
            story.load()
        assert story.problem and not story.loaded
    tutorial = next(s for s in stories if s.id == "tutorial")
    assert tutorial.load().loaded


def _app(stories, tmp_path, **opts):
    from game.platform.desktop import DesktopPlatform
    from game.ui.app import App, AppOptions

    app = App(stories, AppOptions(headless=True, reduce_motion=True, **opts), DesktopPlatform(tmp_path / "data"))
    app.start()
    app.step()
    return app


def test_choosing_a_damaged_scenario_names_it_and_the_others_still_play(staged, tmp_path, monkeypatch):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    from game.ui.screens.select import SelectScene

    app = _app(open_bundle(_damaged(staged, tmp_path, "nia.pack")), tmp_path)
    select = SelectScene(app)
    app.scenes.push(select)
    app.step()
    nia = next(s for s in select.stories() if s.id == "nia")
    select.pick(nia)
    assert app.scenes.top.name == "left-out"
    assert app.left_out == ["nia.pack", "nia.bg.pack"]  # its translation is its strings over nia.pack
    assert "nia" not in {s.id for s in app.stories}  # its card is gone, in every language
    assert len(app.stories) == 2 * len(staged.stories) - 2
    app.scenes.pop()
    tutorial = next(s for s in select.stories() if s.id == "tutorial")
    select.pick(tutorial)
    assert app.scenes.top.name == "content-note" and tutorial.loaded


def test_an_autosave_of_a_bundled_story_is_offered_and_resumes(staged, tmp_path, monkeypatch):
    """Lazy reading keeps resume: the title finds the save by the story's id and language (from the
    index), reads that story's file only then, and the playthrough resumes where it was."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    from game.ui.saves import write_save

    first = _app(open_bundle(staged.folder / "stories"), tmp_path)
    story = next(s for s in first.stories if s.id == "tutorial" and l10n.story_language(s) == "bg")
    run = Run(story, seed=5)
    while run.kind == "scene":
        run.advance()
    run.choose(next(c.id for c in run.choices() if c.enabled))
    write_save(first.platform, run, {"mode": "learning"}, first.save_prefix)

    stories = open_bundle(staged.folder / "stories")
    app = _app(stories, tmp_path)
    title = app.scenes.top
    assert title.name == "title"
    [info] = title.saves
    assert info.story.id == "tutorial" and l10n.story_language(info.story) == "bg"
    assert info.decisions == 1 and info.run.node_id == run.node_id
    read = {(s.id, l10n.story_language(s)) for s in stories if s.loaded}
    assert ("tutorial", "bg") in read and ("mira", "en") not in read  # only the saved story was read


def test_spare_time_reads_the_stories_ahead_the_players_language_first(staged, tmp_path, monkeypatch):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    stories = open_bundle(staged.folder / "stories")
    app = _app(stories, tmp_path, language="bg")
    assert app.prefs.language == "bg"
    order = [(s.id, l10n.story_language(s)) for s in stories if s.loaded]  # the first spare time
    for _ in range(2000):  # the warm-up's modules first, then the stories
        before = {id(s) for s in stories if s.loaded}
        app.step()
        order += [(s.id, l10n.story_language(s)) for s in stories if s.loaded and id(s) not in before]
        if len(order) == len(stories):
            break
    assert len(order) == len(stories)
    assert {lang for _, lang in order[:len(staged.stories)]} == {"bg"}


def test_a_learning_platforms_resume_of_a_damaged_story_file_is_refused_with_the_reason(staged, tmp_path):
    """SCORM resume (game.delivery.scorm.resume_from) of a bundled story whose file is damaged: a
    SuspendProblem naming the file, never a traceback; an intact one resumes."""
    from game.delivery.scorm import SuspendProblem, resume_from, suspend_text

    good = [s for s in open_bundle(staged.folder / "stories") if s.id == "mira" and l10n.story_language(s) == "en"]
    run = Run(good[0], seed=4)
    while run.kind == "scene":
        run.advance()
    run.choose(next(c.id for c in run.choices() if c.enabled))
    text = suspend_text(run, {"mode": "learning"}, 4096)
    story, again, _meta = resume_from(text, good)
    assert story is good[0] and again.steps == run.steps
    damaged = open_bundle(_damaged(staged, tmp_path, "mira.pack"))
    with pytest.raises(SuspendProblem, match="cannot be read.*mira.pack"):
        resume_from(text, damaged)
