"""Scenario selection: one card per scenario, with its content note shown again before it starts."""

from __future__ import annotations

import pygame

from game.engine.l10n import stories_for_language
from game.engine.vocab import STAGE_LABELS, STAGES
from game.ui import actions as A
from game.ui import draw
from game.ui.artcache import PORTRAIT_SIZE, UPCOMING_NODES, upcoming_keys
from game.ui.playthrough import Playthrough
from game.ui.saves import read_save
from game.ui.screens.base import WidgetScene
from game.ui.screens.dialog import Dialog, left_out, message
from game.ui.tr import N_, _
from game.ui.widgets import Widget, draw_focus_ring
from game.ui.text import clip_lines, draw_lines, ellipsize, line_height

PER_PAGE = 3  # cards a page at Standard; fewer, and wider, at larger text (``per_page``)
CARD_MAX_W = {3: 400, 2: 560, 1: 1100}


def per_page(scale: float) -> int:
    """Scenario cards a page: three at Standard, two at 1.5x, one at Largest (2x), so a card's title
    and summary keep their room as the text grows (issue 15: the card cut them at Largest)."""
    return PER_PAGE if scale <= 1.2 else 2 if scale <= 1.6 else 1


class Card(Widget):
    """A scenario card: title, summary, duration, stages covered, content note."""

    def __init__(self, story, on_press, number: int):
        super().__init__()
        self.story = story
        self.on_press = on_press
        self.number = number
        self.label = story.title
        self.content_bottom = 0
        self.summary_lines: list[str] = []

    def activate(self) -> bool:
        self.on_press()
        return True

    def draw(self, surface, ui, focused: bool) -> None:
        theme = ui.theme
        r = self.rect
        draw.panel(surface, theme, r)
        if focused:
            pygame.draw.rect(surface, theme.focus, r, width=4, border_radius=draw.RADIUS)
            draw_focus_ring(surface, theme, r)
        elif self.hover:
            pygame.draw.rect(surface, theme.focus, r, width=2, border_radius=draw.RADIUS)
        sc = self.story.scenario
        x, w = r.x + 24, r.w - 48
        # Header strip with number and duration.
        head = pygame.Rect(r.x + 2, r.y + 2, r.w - 4, 48)
        pygame.draw.rect(surface, theme.focus if focused else theme.panel_alt, head,
                         border_top_left_radius=draw.RADIUS, border_top_right_radius=draw.RADIUS)
        fg = theme.focus_text if focused else theme.heading
        draw.label(surface, ui, f"{self.number}", (x, head.centery), role="label", color=fg, bold=True,
                   anchor="midleft")
        draw.label(surface, ui, _("about {minutes} min").format(minutes=sc.get("duration_minutes", "?")), (r.right - 24, head.centery),
                   role="small", color=fg, bold=True, anchor="midright")
        y = head.bottom + 14
        # Two lines of title at the largest sizes, so the summary keeps a place on the card.
        y = draw.block(surface, ui, self.story.title, (x, y, w, 120), "heading", theme.heading, bold=True,
                       max_lines=2 if ui.fonts.scale > 1.5 else 3)
        y += 8
        self._draw_body(surface, ui, x, y, w, r.bottom - 14)

    def _draw_body(self, surface, ui, x: int, top: int, w: int, bottom: int) -> None:
        """Summary, stages and the content note, fitted by measure into what the title left: the
        stages (two lines at most) and the content note's heading always show, the summary takes the
        lines that remain (six at most) and ends in an ellipsis when cut; the content-note screen
        shows the whole summary before the scenario starts."""
        theme, sc = ui.theme, self.story.scenario
        small = ui.fonts.font("small")
        small_bold = ui.fonts.font("small", bold=True)
        lh = line_height(small)
        stages = [s for s in STAGES if s in self.story.stages()]
        stage_text = " · ".join(_(STAGE_LABELS[s]) for s in stages)
        warning = sc.get("content_warning") or ""
        note_h = 12 + lh + 2 if warning else 0
        for most in (3, 2, 1):  # all the stages when that leaves the summary three lines or more
            stage_lines = clip_lines(stage_text, small, w, most)
            stages_h = 12 + line_height(small_bold) + lh * len(stage_lines)
            summary_lines = min(6, (bottom - top - stages_h - note_h) // lh)
            if summary_lines >= 3:
                break
        y = top
        self.summary_lines: list[str] = []
        if summary_lines > 0:
            lines = self.summary_lines = clip_lines(sc.get("summary", ""), small, w, summary_lines)
            y = draw_lines(surface, ui.fonts, lines, small, theme.text, x, y, lh)
        y += 12
        draw.label(surface, ui, _("Stages"), (x, y), role="small", color=theme.text_muted, bold=True)
        y += line_height(small_bold)
        y = draw_lines(surface, ui.fonts, stage_lines, small, theme.text, x, y, lh)
        if warning:
            y += 12
            size = ui.fonts.px("small") + 2
            surface.blit(ui.art.icon("warning", size, theme.text), (x, y))
            draw.label(surface, ui, ellipsize(_("Content note"), small_bold, w - size - 8), (x + size + 8, y),
                       role="small", color=theme.text, bold=True)
            y += lh + 2
            room = (bottom - y) // lh
            if room > 0:
                y = draw_lines(surface, ui.fonts, clip_lines(warning, small, w, room), small, theme.text_muted,
                               x, y, lh)
        self.content_bottom = y  # where the drawn text ends (tests check it stays inside the card)


class SelectScene(WidgetScene):
    name = "select"

    def stories(self) -> list:
        """One card per scenario, in the player's language where a translation exists."""
        return stories_for_language(self.app.stories, self.app.prefs.language)

    def enter(self) -> None:
        # A facilitator's link may name the scenario: open on its card.
        wanted = self.app.preset_scenario or self.app.opts.scenario
        ids = [s.id for s in self.stories()]
        if wanted in ids:
            n = per_page(self.app.fonts.scale)
            self.page = ids.index(wanted) // n
            self.group.focus = ids.index(wanted) % n
        super().enter()

    def layout(self) -> None:
        ui = self.app
        each = per_page(ui.fonts.scale)
        self.page = min(self.page, max(0, self.pages() - 1))  # the text size changed: fewer or more pages
        stories = self.stories()[self.page * each:(self.page + 1) * each]
        n = max(1, len(stories))
        gap = 28
        w = min(CARD_MAX_W[each], (ui.size[0] - 80 - gap * (each - 1)) // each)
        total = n * w + (n - 1) * gap
        x = (ui.size[0] - total) // 2
        # As tall as the screen allows above the key hint (two lines of it at the largest sizes).
        h = min(520, ui.size[1] - 120 - draw.hint_height(ui, self.hint_text(len(stories))) - 12)
        cards = []
        for i, story in enumerate(stories):
            card = Card(story, (lambda s=story: self.pick(s)), i + 1)
            card.rect = pygame.Rect(x + i * (w + gap), 120, w, h)
            cards.append(card)
        self.group.set(cards, focus=min(self.group.focus, len(cards) - 1))

    def open_preset(self) -> None:
        """A facilitator's link named a scenario: open its content note (or its resume question)
        at once; an id this build does not have gets a gentle word and the selection."""
        wanted, self.app.preset_scenario = self.app.preset_scenario, None
        if not wanted:
            return
        story = next((s for s in self.stories() if s.id == wanted), None)
        if story is not None:
            self.pick(story)
            return
        message(self.app, N_("Scenario not found"),
                _("The link names a scenario “{id}” that is not available here. Please choose one of "
                  "these scenarios, or ask your facilitator.").format(id=wanted[:40]), name="unknown-scenario")

    def pages(self) -> int:
        each = per_page(self.app.fonts.scale)
        return (len(self.stories()) + each - 1) // each

    def handle(self, action) -> bool:
        pages = self.pages()
        if action.kind in (A.PAGE_DOWN, A.PAGE_UP) and pages > 1:
            self.page = (self.page + (1 if action.kind == A.PAGE_DOWN else -1)) % pages
            self.layout()
            return True
        # Left on the first card and Right on the last go on to the page before or after.
        last = len(self.group.widgets) - 1
        if pages > 1 and ((action.kind == A.RIGHT and self.group.focus >= last)
                          or (action.kind == A.LEFT and self.group.focus <= 0)):
            forward = action.kind == A.RIGHT
            self.page = (self.page + (1 if forward else -1)) % pages
            self.layout()
            self.group.focus = 0 if forward else len(self.group.widgets) - 1
            return True
        return super().handle(action)

    def on_back(self) -> bool:
        self.close()
        return True

    def pick(self, story) -> None:
        if not self.app.story_ready(story):  # its file could not be read: named, and its card goes
            left_out(self.app, self.app.left_out)
            self.layout()
            return
        info = read_save(self.app.platform, story, self.app.save_prefix)
        if info is not None and info.run is not None:
            count = (_("It has 1 decision so far.") if info.decisions == 1 else
                     _("It has {n} decisions so far.").format(n=info.decisions))
            dlg = Dialog(self.app, _("You have a saved playthrough of “{title}”").format(title=story.title),
                         count + " " + _("Resume it, or start again from the beginning (the saved one is replaced)."),
                         [(N_("Resume"), "resume"), (N_("Start again"), "fresh"), (N_("Cancel"), None)], cancel="cancel",
                         name="resume-or-restart")
            self.app.scenes.push(dlg, lambda r: self._after_resume_choice(r, story, info))
            return
        if info is not None and info.problem:
            self.app.notices.append(info.problem)
        self.confirm(story)

    def _after_resume_choice(self, result, story, info) -> None:
        if result == "resume":
            self.app.playthrough = Playthrough.resumed(self.app, info)
            self.app.playthrough.begin()
        elif result == "fresh":
            self.confirm(story)

    def confirm(self, story) -> None:
        warning = story.scenario.get("content_warning") or _("This scenario has no content note.")
        summary = story.scenario.get("summary", "")
        dlg = Dialog(self.app, _("Content note: {title}").format(title=story.title),
                     (summary + "\n\n" if summary else "") + warning + "\n\n" +
                     _("You can pause at any time with Esc or the Menu button; your progress is saved after every "
                       "decision."),
                     [(N_("Start"), True), (N_("Back"), False)], cancel=False, icon="warning", name="content-note")
        self.app.scenes.push(dlg, lambda ok: ok and self.start(story))
        # While the note is read, the loop's spare time paints the story's first screens.
        self.app.art.prioritise(upcoming_keys(story, story.start, self.app.size, PORTRAIT_SIZE,
                                              limit=UPCOMING_NODES))

    def start(self, story) -> None:
        self.app.playthrough = Playthrough(self.app, story)
        self.app.playthrough.discard_save()
        self.app.playthrough.begin()

    def draw(self, surface) -> None:
        ui = self.app
        surface.fill(ui.theme.backdrop)
        draw.label(surface, ui, _("Choose a scenario"), (ui.size[0] // 2, 60), role="heading",
                   color=ui.theme.backdrop_text, bold=True, anchor="center")
        self.group.draw(surface, ui)
        cards = sum(1 for w in self.group.widgets if getattr(w, "story", None) is not None)
        draw.hint(surface, ui, self.hint_text(cards))

    def hint_text(self, cards: int) -> str:
        pages = self.pages()
        hint = (_("Enter: open · Esc: back") if cards <= 1 else
                _("Left/Right: move · Enter or 1–{n}: open · Esc: back").format(n=cards))
        if pages > 1 and cards <= 1:
            hint += " · " + _("Left/Right or Page Up/Down: more ({page}/{pages})").format(page=self.page + 1, pages=pages)
        elif pages > 1:
            hint += " · " + _("Page Up/Down: more ({page}/{pages})").format(page=self.page + 1, pages=pages)
        return hint
