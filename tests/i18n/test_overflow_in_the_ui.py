"""The translators' overflow check against the real UI at text size 3, headless.

Scenarios are written with texts at the edges of each box (just fitting, just not), the check is
run on them, and the same scenarios are compiled and played through the real screens: what the
check reports as cut (overflow) is cut on the screen, what it reports as shrunk (note) is drawn
whole at the size it names, and what it passes is drawn whole at text size 3. The boxes: a
decision's options (also in facilitated mode, beside the vote count), an assessment's items, a
scenario card's title, a meter's label, a speaker's name tag and a right's title in the debrief.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.i18n import layout  # noqa: E402
from tests.i18n.conftest import ROOT  # noqa: E402
from tests.ui.conftest import make_pilot, platform  # noqa: E402,F401  (fixtures: a real App and Pilot)
from tests.ui.driving import open_story, play_to_debrief  # noqa: E402
from tests.i18n.uidraw import Recording, drawn, label_drawn, whole  # noqa: E402

_WORDS = ("the officer explains to the child what happens next and who will be there then asks whether "
          "anything is unclear writes down each answer repeats the important points once more so that "
          "nothing is missed and checks with the mother that she understood").split()
# Distinct words (no two lines alike, so each line drawn is told apart), long enough for any box.
FILLER = " ".join(w if i < len(_WORDS) else f"{w}{i // len(_WORDS)}" for i, w in
                  enumerate(_WORDS[i % len(_WORDS)] for i in range(600)))


@pytest.fixture
def measure():
    return layout.Measure()  # per test: each Pilot's end quits pygame, and its fonts with it


def prefixes(text: str = FILLER):
    words = text.split()
    return (" ".join(words[:k]) for k in range(1, len(words) + 1))


def longest(pred, text: str = FILLER) -> str:
    """The longest word-prefix of ``text`` for which ``pred`` holds (it must hold for the first)."""
    best = None
    for p in prefixes(text):
        if not pred(p):
            break
        best = p
    assert best is not None
    return best


def shortest(pred, text: str = FILLER) -> str:
    return next(p for p in prefixes(text) if pred(p))


def check_english(path: Path) -> dict[tuple[str, str], object]:
    """The check's overflow problems of the English of ``path``, by (text id, box)."""
    from game.i18n.checks import overflow_problems
    from game.i18n.layout import Measure
    from game.i18n.sources import load_source
    from game.i18n.translations import Translation

    source = load_source(path)
    found = overflow_problems(Translation(source, "en", None, []), Measure())
    by = {}
    for p in found:
        assert (p.ctxt, p.box) not in by
        by[(p.ctxt, p.box)] = p
    return by


def story_of(path: Path):
    from game.authoring.compiler import compile_or_raise
    from game.engine import Story

    return Story(compile_or_raise(path), source=str(path))


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def replace_once(path: Path, old: str, new: str) -> None:
    body = path.read_text(encoding="utf-8")
    assert body.count(old) == 1, old
    path.write_text(body.replace(old, new), encoding="utf-8")


def assert_agrees(problem, text: str, lines: list[str], px: int, size: int, what: str) -> None:
    """The check's verdict on a label is what the UI did with it."""
    if not whole(text, lines):
        assert lines[-1].endswith(layout.ELLIPSIS), lines
        assert problem is not None and problem.kind == "overflow", (what, lines)
        assert "so the UI cuts it" in problem.message and f"shrunk to {px} px" in problem.message
    elif px < size:
        assert problem is not None and problem.kind == "note", (what, px)
        assert problem.message.endswith(f"so the UI shrinks it to {px} px"), problem.message
    else:
        assert px == size and problem is None, (what, problem)


# -- a decision's options ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def options_project(tmp_path_factory):
    """The tutorial with its first decision's options at the edges of their buttons, its meters'
    labels and two speakers' names at the edges of theirs, and the rights' titles at the edge of
    the debrief's rights column."""
    measure = layout.Measure()
    folder = tmp_path_factory.mktemp("overflow-ui")
    (folder / "rights").mkdir()
    path = folder / "tutorial.yaml"
    shutil.copy(ROOT / "scenarios" / "tutorial.yaml", path)
    for catalogue in (ROOT / "scenarios" / "rights").glob("*.yaml"):
        shutil.copy(catalogue, folder / "rights" / catalogue.name)
    normal, facilitated = layout.option_inner(), layout.option_inner(facilitated=True)
    cut = shortest(lambda t: measure.button_fit(t, normal).cut)
    shrunk = shortest(lambda t: measure.button_fit(t, normal).first > layout.BUTTON_MAX_LINES)  # just over
    fits = longest(lambda t: measure.button_fit(t, normal).first <= layout.BUTTON_MAX_LINES)  # just fits
    assert measure.button_fit(shrunk, normal).shrunk and not measure.button_fit(shrunk, normal).cut
    assert measure.button_fit(fits, facilitated).shrunk  # fits beside no vote count, not beside one
    options = {"talk-to-mother": cut, "explain-simply": shrunk, "full-account-now": fits}
    texts = {
        "talk-to-mother": "Ask Sami to wait in the corridor with a drink while his mother tells you what happened, "
                          "so that he does not have to hear it all again.",
        "explain-simply": "Introduce yourself to Sami by name, tell him in plain words what will happen today, and "
                          "that he can stop you to ask a question.",
        "full-account-now": "To save time, ask Sami to tell you everything, in detail, right there at the desk while "
                            "you type it into the report.",
    }
    for cid, old in texts.items():
        replace_once(path, quoted(old), quoted(options[cid]))
    # Meters: "label" and its widest value ("100") side by side, 612 px at most.
    bold_w = lambda t: measure.width(t, "small", bold=True)  # noqa: E731
    over = shortest(lambda t: bold_w(t) + bold_w("50") > layout.METER_LABEL_W + 12)  # over even beside "50"
    under = longest(lambda t: bold_w(t) + bold_w("100") < layout.METER_LABEL_W - 30)  # wider than 224 px
    replace_once(path, 'label: "Sami\'s trust"', f"label: {quoted(over)}")
    replace_once(path, 'label: "Sami\'s stress"', f"label: {quoted(under)}")
    # Name tags: one line; the screen's edge cuts it.
    tag_w = lambda t: measure.width(t, "label", bold=True) + 20  # noqa: E731
    long_name = shortest(lambda t: tag_w(t) > layout.NAME_TAG_MAX_W + 20)
    wide_name = longest(lambda t: tag_w(t) < layout.NAME_TAG_MAX_W - 400)  # wider than the 520 px once assumed
    assert tag_w(wide_name) > 520
    replace_once(path, "sami: {name: Sami,", f"sami: {{name: {quoted(long_name)},")
    replace_once(path, 'mother: {name: "Ms Haddad",', f"mother: {{name: {quoted(wide_name)},")
    # Rights' titles: two lines of the column, alternately just fitting and just not.
    catalogue = folder / "rights" / "directive-2012-29.yaml"
    body = catalogue.read_text(encoding="utf-8")
    titles = {}

    def title(match):
        n = len(titles)
        words = f"R{n} " + FILLER
        if n % 2:
            text = shortest(lambda t: measure.lines(t, "small", layout.DEBRIEF_LABEL_W) > layout.DEBRIEF_TITLE_LINES,
                            words)
        else:
            text = longest(lambda t: measure.lines(t, "small", layout.DEBRIEF_LABEL_W) <= layout.DEBRIEF_TITLE_LINES,
                           words)
        titles[n] = text
        return f"{match.group(1)}{quoted(text)}"

    catalogue.write_text(re.sub(r'(?m)^(    title: )".*"$', title, body), encoding="utf-8")
    assert len(titles) > 20
    return {"path": path, "options": options, "meters": {"trust": over, "stress": under},
            "names": {"sami": long_name, "mother": wide_name}, "catalogue": catalogue}


def to_decision(pilot, node: str):
    for _ in range(200):
        scene = pilot.scene
        if scene.name == "decision" and scene.node_id == node:
            return scene
        assert scene.name == "story", pilot.screen
        pilot.press(pygame.K_SPACE)
    raise AssertionError(f"no decision {node}")


@pytest.mark.parametrize("mode", ["learning", "facilitated"])
def test_options_are_cut_shrunk_or_whole_as_the_check_says(make_pilot, options_project, mode):  # noqa: F811
    problems = check_english(options_project["path"])
    story = story_of(options_project["path"])
    pilot = make_pilot([story], text_size=3, mode=mode)
    app = pilot.app
    assert app.fonts.scale == layout.LARGEST_SCALE
    open_story(pilot, story)
    scene = to_decision(pilot, "greet")
    size = layout.px("button")
    seen = set()
    for view, button in zip(scene.views, scene.group.widgets):
        ctxt = f"tutorial:greet:{view.id}:text"
        text = options_project["options"][view.id]
        assert button.label == text
        lines, px = label_drawn(app, button)
        normal = problems.get((ctxt, "button"))
        if mode == "learning":
            assert_agrees(normal, text, lines, px, size, view.id)
        elif normal is None:
            assert_agrees(problems.get((ctxt, "button in facilitated mode")), text, lines, px, size, view.id)
        else:  # already reported at the wider button: beside the vote count it is no better
            assert px < size
        seen.add("cut" if not whole(text, lines) else "shrunk" if px < size else "whole")
    # The texts sit at the edges: each verdict is met, in each mode.
    assert seen == ({"cut", "shrunk", "whole"} if mode == "learning" else {"cut", "shrunk"})


def test_meter_labels_run_into_their_values_as_the_check_says(make_pilot, options_project):  # noqa: F811
    problems = check_english(options_project["path"])
    story = story_of(options_project["path"])
    pilot = make_pilot([story], text_size=3)
    app = pilot.app
    open_story(pilot, story)
    scene = pilot.scene
    assert scene.name == "story"
    surface = Recording(app.size)
    scene.draw(surface)
    font = app.fonts.font("small", bold=True)
    for name, label in options_project["meters"].items():
        value = str(round(scene.meters.values[name]))
        label_at = surface.where(app.fonts._text[(label, id(font), tuple(app.theme.text))])
        value_at = [r for r in surface.where_all(app.fonts._text[(value, id(font), tuple(app.theme.text))])
                    if r.y == label_at.y]
        assert len(value_at) == 1
        runs_into = label_at.right > value_at[0].left
        problem = problems.get((f"tutorial:var:{name}:label", ""))
        assert runs_into == (problem is not None), (name, label_at, value_at, problem)
        if problem is not None:
            assert problem.kind == "overflow" and "runs into the value" in problem.message
    assert problems.get(("tutorial:var:trust:label", "")) is not None  # the edges: one over, one not


def test_name_tags_are_cut_by_the_screens_edge_as_the_check_says(make_pilot, options_project):  # noqa: F811
    problems = check_english(options_project["path"])
    story = story_of(options_project["path"])
    pilot = make_pilot([story], text_size=3)
    app = pilot.app
    open_story(pilot, story)
    font = app.fonts.font("label", bold=True)
    seen = {}
    for _ in range(100):
        scene = pilot.scene
        speaker = scene.lines[scene.line].get("speaker") if scene.name == "story" else None
        if speaker in options_project["names"] and speaker not in seen:
            name = options_project["names"][speaker]
            surface = Recording(app.size)
            scene.draw(surface)
            at = surface.where(app.fonts._text[(name, id(font), tuple(app.theme.accent_text))])
            seen[speaker] = at.right > app.size[0]  # part of the name is off the screen
        if len(seen) == 2:
            break
        pilot.press(pygame.K_SPACE)
    assert len(seen) == 2
    for speaker, cut in seen.items():
        problem = problems.get((f"tutorial:char:{speaker}:name", ""))
        assert cut == (problem is not None), (speaker, problem)
    assert seen == {"sami": True, "mother": False}


def test_right_titles_in_the_debrief_are_cut_as_the_check_says(make_pilot, options_project, measure):  # noqa: F811
    from game.engine import auto_choices

    problems = check_english(options_project["catalogue"])
    story = story_of(options_project["path"])
    pilot = make_pilot([story], text_size=3)
    app = pilot.app
    open_story(pilot, story)
    play_to_debrief(pilot, auto_choices(story, 1))
    debrief = pilot.scene
    assert debrief.name == "debrief" and debrief.card.rights
    texts = {t for t, px, bold in drawn(app, debrief.layout) if px == layout.px("small") and not bold}
    seen = set()
    for rid in debrief.card.rights:
        title = story.right(rid)["title"]
        problem = problems.get((f"directive-2012-29:{rid}:title", "title"))
        shown = measure.clipped(title, "small", layout.DEBRIEF_LABEL_W, layout.DEBRIEF_TITLE_LINES)
        assert all(line in texts for line in shown), (rid, shown)  # drawn line by line, as measured
        if not shown[-1].endswith(layout.ELLIPSIS):
            assert " ".join(shown) == title and problem is None, (rid, problem)
            seen.add("whole")
        else:
            assert problem is not None and problem.kind == "overflow" and f"so it shows “{' '.join(shown)}”" in problem.message
            seen.add("cut")
    assert seen == {"whole", "cut"}


# -- an assessment's items -----------------------------------------------------------------------
def test_assessment_items_are_cut_shrunk_or_whole_as_the_check_says(make_pilot, tmp_path, measure):  # noqa: F811
    folder = tmp_path / "assessment"
    shutil.copytree(ROOT / "tests" / "fixtures" / "assessment", folder, ignore=shutil.ignore_patterns("invalid"))
    path = folder / "assess-fixture.yaml"
    inner = layout.item_inner()
    items = {"age": shortest(lambda t: measure.button_fit(t, inner).cut),
             "disability": shortest(lambda t: measure.button_fit(t, inner).first > layout.BUTTON_MAX_LINES),
             "dependence": longest(lambda t: measure.button_fit(t, inner).first <= layout.BUTTON_MAX_LINES)}
    for old, iid in (("She is 14, and so presumed to have specific protection needs.", "age"),
                     ("She has a disability that affects how she communicates.", "disability"),
                     ("She depends on the offender for care or money.", "dependence")):
        replace_once(path, quoted(old), quoted(items[iid]))
    problems = check_english(path)
    story = story_of(path)
    pilot = make_pilot([story], text_size=3)
    app = pilot.app
    open_story(pilot, story)
    for _ in range(50):
        if pilot.scene.name == "assessment":
            break
        pilot.press(pygame.K_SPACE)
    scene = pilot.scene
    assert scene.name == "assessment"
    seen = set()
    for iid, text in items.items():
        lines, px = label_drawn(app, scene.toggles[iid])
        assert_agrees(problems.get((f"assess-fixture:first-assessment:item:{iid}:text", "button")), text, lines,
                      px, layout.px("button"), iid)
        seen.add("cut" if not whole(text, lines) else "shrunk" if px < layout.px("button") else "whole")
    assert seen == {"cut", "shrunk", "whole"}


# -- a scenario card's title ---------------------------------------------------------------------
def test_card_titles_are_cut_as_the_check_says(make_pilot, tmp_path, measure):  # noqa: F811
    (tmp_path / "rights").mkdir()
    for catalogue in (ROOT / "scenarios" / "rights").glob("*.yaml"):
        shutil.copy(catalogue, tmp_path / "rights" / catalogue.name)
    heading = lambda t: measure.lines(t, "heading", layout.CARD_INNER_W, bold=True)  # noqa: E731
    titles = {"tutorial": longest(lambda t: heading(t) <= layout.CARD_TITLE_LINES),
              "tutorial-long": shortest(lambda t: heading(t) > layout.CARD_TITLE_LINES)}
    paths = {}
    for sid, title in titles.items():
        path = paths[sid] = tmp_path / f"{sid}.yaml"
        shutil.copy(ROOT / "scenarios" / "tutorial.yaml", path)
        replace_once(path, 'title: "First steps: Sami speaks up"', f"title: {quoted(title)}")
        if sid != "tutorial":
            replace_once(path, "\nid: tutorial\n", f"\nid: {sid}\n")
    stories = [story_of(p) for p in paths.values()]
    pilot = make_pilot(stories, text_size=3)
    app = pilot.app
    pilot.click("Start a training")
    pilot.click("Continue")
    assert pilot.scene.name == "select"
    surface = pygame.Surface(app.size)
    seen = {}
    cards = []
    for _page in range(len(stories)):  # one card a page at Largest: Page Down to the next
        cards += pilot.scene.group.widgets
        pilot.press(pygame.K_PAGEDOWN)
    for card in cards:
        sid = card.story.id
        lines = [t for t, px, bold in drawn(app, lambda c=card: c.draw(surface, app, False))
                 if px == layout.px("heading") and bold]
        problem = check_english(paths[sid]).get((f"{sid}:meta:title", ""))
        assert lines == measure.clipped(titles[sid], "heading", layout.CARD_INNER_W, layout.CARD_TITLE_LINES,
                                        bold=True)
        seen[sid] = not whole(titles[sid], lines)
        assert seen[sid] == (problem is not None), (sid, lines, problem)
    assert seen == {"tutorial": False, "tutorial-long": True}
