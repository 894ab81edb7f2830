"""The overflow check's box sizes are the UI's own (authoring code may not import the UI; tests may),
and for the real Bulgarian the check's verdicts are what the real UI draws at text size 3.
tests/i18n/test_overflow_in_the_ui.py plays the boxes through the real screens."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.i18n import layout  # noqa: E402
from tests.i18n.conftest import ROOT  # noqa: E402
from tests.i18n.uidraw import label_drawn, whole  # noqa: E402
from tests.ui.conftest import make_pilot, platform  # noqa: E402,F401  (fixtures: a real App and Pilot)


def test_constants_match_the_ui():
    from game.ui import app, fonts, hud
    from game.ui.screens import assessment, decision, story

    assert layout.SCREEN == app.SIZE
    assert layout.BASE_SIZES == fonts.BASE_SIZES
    # Measured at the largest text size, which facilitated mode reaches too (capped there).
    assert layout.LARGEST_SCALE == fonts.TEXT_SCALE[max(fonts.TEXT_SCALE)] == fonts.MAX_SCALE
    assert min(fonts.TEXT_SCALE[max(fonts.TEXT_SCALE)] * fonts.FACILITATED_SCALE, fonts.MAX_SCALE) == layout.LARGEST_SCALE
    assert layout.DECISION_PANEL_W == decision.PANEL_W
    assert layout.ITEM_BOX_X == assessment.ItemToggle.BOX_X
    assert layout.STORY_TEXT_BOX_X == story.TEXT_BOX.x
    assert hud.JOURNEY_HEIGHT  # the meters hang below it; their width is all that is measured


@pytest.fixture
def pilot(make_pilot):  # noqa: F811
    """A real App at text size 3 (the bundled scenarios, English: three cards on the select screen)."""
    from tests.ui.stories import bundled_stories

    pilot = make_pilot(bundled_stories(), text_size=3)
    assert pilot.app.fonts.scale == layout.LARGEST_SCALE
    return pilot


@pytest.fixture
def app(pilot):
    return pilot.app


def test_widths_match_the_ui_at_text_size_3(pilot, app):
    from game.ui.screens.debrief import rights_column
    from game.ui.text import wrap

    assert rights_column(app) == layout.DEBRIEF_RIGHTS_COLUMN
    from game.ui.screens.debrief import TITLE_LINES
    assert TITLE_LINES == layout.DEBRIEF_TITLE_LINES
    pilot.click("Start a training")
    pilot.click("Continue")
    assert pilot.scene.name == "select" and len(pilot.scene.group.widgets) == 1  # one card a page at Largest
    assert {card.rect.w for card in pilot.scene.group.widgets} == {layout.CARD_W}
    measure = layout.Measure()
    texts = ["Short.", "Представям се на Сами, обяснявам с прости думи какво прави полицията и какво ще стане днес "
             "и му казвам, че може да ме прекъсне по всяко време с въпрос.",
             "A much longer English option that wraps over several lines at the largest text size, " * 3]
    for text in texts:
        for role, bold, width in (("button", True, layout.option_inner()), ("small", False, layout.DEBRIEF_LABEL_W),
                                  ("heading", True, layout.CARD_INNER_W)):
            assert measure.wrapped(text, role, width, bold) == wrap(text, app.fonts.font(role, bold=bold), width)


def bulgarian_sources():
    from game.i18n.sources import load_source, resolve
    from game.i18n.translations import load

    for path in resolve([str(ROOT / "scenarios")]):
        source = load_source(path)
        tr = load(source, "bg")
        if tr is not None:
            yield source, tr


def test_the_bulgarian_rights_titles_the_check_calls_cut_are_cut_by_the_ui(app):
    """Every right's title in Bulgarian, as the debrief's rights column draws it at text size 3."""
    from game.i18n.checks import _translation_overflows
    from game.ui.screens.debrief import TITLE_LINES, rights_column
    from game.ui.text import ELLIPSIS, clip_lines

    measure = layout.Measure()
    font = app.fonts.font("small")
    column = rights_column(app) - 16  # as debrief._chart draws a right's title: two lines of it
    cut = whole = 0
    for source, tr in bulgarian_sources():
        if source.kind == "scenario":
            continue
        found = {p.ctxt: p for p in _translation_overflows(tr, measure) if p.box == "title"}
        before = cut
        usable = tr.usable()
        for unit in source.units:
            if not unit.ctxt.endswith(":title") or unit.ctxt.endswith(":meta:title"):
                continue
            title = usable.get(unit.ctxt, unit.text)
            shown = clip_lines(title, font, column, TITLE_LINES)
            if not shown[-1].endswith(ELLIPSIS):
                assert " ".join(shown) == title
                assert unit.ctxt not in found, found[unit.ctxt]
                whole += 1
            else:
                assert unit.ctxt in found and f"so it shows “{' '.join(shown)}”" in found[unit.ctxt].message
                cut += 1
        assert len(found) == cut - before  # the check calls cut exactly the titles the UI cuts
    assert whole > 100


def test_the_bulgarian_options_the_check_calls_shrunk_are_shrunk_by_the_ui(app):
    """Every decision option and assessment item in Bulgarian, drawn by a real Button at text size 3
    at the width its screen gives it (beside the vote count in facilitated mode too)."""
    from game.authoring.models import Assessment, Decision
    from game.i18n.checks import _translation_overflows
    from game.ui.screens.assessment import ItemToggle
    from game.ui.widgets import Button

    measure = layout.Measure()
    surface = pygame.Surface(app.size)
    verdicts = set()
    for source, tr in bulgarian_sources():
        if source.kind != "scenario":
            continue
        found = {(p.ctxt, p.box): p for p in _translation_overflows(tr, measure)}
        text = {u.ctxt: u.text for u in source.units}
        text.update(tr.usable())
        boxes = []
        for node in source.model.nodes:
            if isinstance(node, Decision):
                for c in node.choices:
                    ctxt = f"{source.id}:{node.id}:{c.id}:text"
                    boxes.append((ctxt, "button", Button(text[ctxt], None, number=1), layout.DECISION_INNER_W))
                    boxes.append((ctxt, "button in facilitated mode", Button(text[ctxt], None, number=1),
                                  layout.DECISION_INNER_W - layout.VOTE_W))
            elif isinstance(node, Assessment):
                for _path, item in node.all_items():
                    ctxt = f"{source.id}:{node.id}:item:{item.id}:text"
                    boxes.append((ctxt, "button", ItemToggle(item.id, text[ctxt], False, None),
                                  layout.DECISION_INNER_W))
        reported = set()
        inner = {"button": layout.option_inner(), "button in facilitated mode": layout.option_inner(facilitated=True)}
        for ctxt, box, widget, width in boxes:
            widget.rect = pygame.Rect(0, 0, width, widget.needed_height(app, width))
            lines, px = label_drawn(app, widget)
            # Where Button.draw wraps the label: right of its number badge, or of its checkbox.
            drawn_in = widget.rect.right - widget.text_x(app) - 14
            assert drawn_in == (layout.item_inner() if isinstance(widget, ItemToggle) else inner[box])
            fit = measure.button_fit(text[ctxt], drawn_in)
            assert (lines, px) == (fit.lines, fit.px), (ctxt, box)
            problem = found.get((ctxt, box))
            if ctxt in reported:  # reported at the wider button already
                assert problem is None and px < layout.px("button")
                continue
            if px == layout.px("button"):
                assert problem is None, problem
                verdicts.add("whole")
                continue
            reported.add(ctxt)
            assert problem is not None, (ctxt, box, px)
            if whole(text[ctxt], lines):
                assert problem.kind == "note" and problem.message.startswith(f"{ctxt}: the ")
                assert f"so the UI shrinks it to {px} px" in problem.message
                verdicts.add("shrunk")
            else:
                assert problem.kind in ("overflow", "warning") and "so the UI cuts it" in problem.message
                verdicts.add("cut")
    assert {"whole", "shrunk"} <= verdicts


def test_citations_the_check_calls_cut_are_cut_by_the_ui(app):
    """A right of another instrument than the story's main one shows its whole citation in the rights
    column, in two lines at most: the real Bulgarian ones fit; a long citation pattern does not."""
    from game.engine.citations import display_article
    from game.i18n.checks import _catalogue_overflows
    from game.ui.screens.debrief import rights_column
    from game.ui.text import ELLIPSIS, clip_lines

    measure = layout.Measure()
    bold = app.fonts.font("small", bold=True)
    column = rights_column(app) - 16  # as debrief._chart draws a citation: two lines of it
    verdicts = []
    for source, tr in bulgarian_sources():
        if source.kind == "scenario":
            continue
        cid, catalogue = source.id, source.model
        for long in (False, True):
            if long:  # the translator's pattern made long, in memory
                entry = next(e for e in tr.entries if e.msgctxt == f"{cid}:meta:citation")
                entry.msgstr = "чл. {article} от {instrument}, " + "в редакцията, която е в сила към датата на " * 3
            usable = tr.usable()
            pattern = usable[f"{cid}:meta:citation"]
            instrument = usable[f"{cid}:meta:instrument"]
            widest = 0
            for right in catalogue.rights:
                article = right.id[len(catalogue.prefix):] if catalogue.prefix else right.id
                citation = pattern.replace("{article}", display_article(article, "bg")).replace("{instrument}", instrument)
                widest = max(widest, len(clip_lines(citation, bold, column, 3)))
                cut = ELLIPSIS in "".join(clip_lines(citation, bold, column, layout.DEBRIEF_CITATION_LINES))
                verdicts.append(cut)
            reported = [p for p in _catalogue_overflows(tr, measure) if p.box == "citation"]
            assert bool(reported) == (widest > layout.DEBRIEF_CITATION_LINES) == long, (cid, reported)
    assert True in verdicts and False in verdicts
