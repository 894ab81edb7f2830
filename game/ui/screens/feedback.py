"""Feedback after a decision (learning and facilitated modes): the verdict in words and with an
icon, each right cited with its article and paraphrase, the explanation, and the meter changes."""

from __future__ import annotations

import pygame

from game.engine.story import discussion
from game.ui import actions as A
from game.ui import draw, verdicts
from game.ui.draw import tall_surface
from game.ui.hud import JOURNEY_HEIGHT, draw_journey
from game.ui.screens.play import PlayScene
from game.ui.scroll import ScrollView
from game.ui.screens.dialog import Dialog
from game.ui.screens.overrule import overrule_line
from game.ui.text import fit, line_height
from game.ui.tr import N_, _
from game.ui.widgets import Button, FocusGroup, menu_button

PANEL = pygame.Rect(100, JOURNEY_HEIGHT + 16, 1080, 720 - JOURNEY_HEIGHT - 32)


class FeedbackScene(PlayScene):
    name = "feedback"

    def __init__(self, app, playthrough, node_id: str, node: dict, result):
        super().__init__(app, playthrough, node_id, node)
        self.result = result
        self.group = FocusGroup()
        self.view: ScrollView | None = None
        self.layout()

    def screen_id(self) -> str:
        return f"feedback:{self.node_id}"

    def layout(self) -> None:
        ui = self.app
        bh = ui.fonts.px("button") * 2 + 14
        menu = menu_button(ui, self.pause, compact_at=(0, 0))
        cont = Button(N_("Continue"), self.proceed, align="center")
        buttons = [cont]
        undo = None
        if self.playthrough.can_undo():  # facilitated: take the room's choice back (issue 15)
            undo = Button(N_("Undo the room's choice"), self.confirm_undo, align="center",
                          key="Undo the room's choice")
            # Between Menu and Continue, as wide as that leaves, and as tall as its words need there.
            undo_w = PANEL.right - 330 - 20 - (PANEL.x + 30 + menu.rect.w + 24)
            bh = max(bh, undo.needed_height(ui, undo_w))
            buttons = [undo, cont]  # left to right, as Tab goes; Continue keeps the focus
        cont.rect = pygame.Rect(PANEL.right - 330, PANEL.bottom - bh - 20, 300, bh)
        menu.rect.midleft = (PANEL.x + 30, cont.rect.centery)  # bottom left, level with Continue
        if undo is not None:
            undo.rect = pygame.Rect(menu.rect.right + 24, cont.rect.y, cont.rect.x - 20 - (menu.rect.right + 24), bh)
        self.group.set(buttons, focus=len(buttons) - 1)
        self.menu.set([menu], focus=-1)
        # With the undo button the row is full: the scroll hint takes a line of its own above it.
        self.hint_strip = line_height(ui.fonts.font("small")) + 8 if undo is not None else 0
        bottom = cont.rect.y - 16 - self.hint_strip
        viewport = pygame.Rect(PANEL.x + 36, PANEL.y + 28, PANEL.w - 80, bottom - PANEL.y - 28)
        self.view = ScrollView(viewport, self._render_content(viewport.w))

    def _render_content(self, width: int) -> pygame.Surface:
        """Everything but the button, drawn once onto a surface as tall as it needs."""
        return tall_surface(lambda height: self._paint(width, height))

    def _paint(self, width: int, height: int) -> tuple[pygame.Surface, int]:
        ui = self.app
        theme = ui.theme
        story = self.playthrough.story
        res = self.result
        choice = next((c for c in self.node.get("choices", []) if c["id"] == res.chosen), {})
        icon, words, _short, tone = verdicts.rating(res)
        color = verdicts.tone_color(theme, tone)
        surf = pygame.Surface((width, height))
        surf.fill(theme.panel)
        y = 0
        size = ui.fonts.px("heading") + 8
        surf.blit(ui.art.icon(icon, size, color), (0, y))
        y = draw.block(surf, ui, words, (size + 14, y + 2, width - size - 14, 200), "heading", color, bold=True)
        y += 6
        votes = ""
        if res.chosen and self.playthrough.facilitated:
            rec = self.run.history[-1]
            if rec.votes:
                votes = "  " + _("(the room's vote: {n} of {total})").format(
                    n=rec.votes.get(res.chosen, 0), total=sum(rec.votes.values()))
        y = draw.block(surf, ui, _("You chose: {choice}").format(choice=choice.get("text", res.chosen)) + votes, (0, y, width, 300),
                       "body", theme.text_muted) + 14
        overruled = overrule_line(self.playthrough, self.node)
        if overruled:  # the facilitator played another option than the room's (issue 18)
            y = draw.block(surf, ui, overruled, (0, y - 8, width, 300), "body", theme.text_muted) + 14
        if res.verdicts:
            y = draw.block(surf, ui, _("The rights at stake"), (0, y, width, 60), "label", theme.heading, bold=True) + 6
            for v in res.verdicts:
                right = story.right(v["right"])
                vicon, head, vtone = verdicts.line(v, right)  # upholds, breaches or misses, each its own
                vcolor = verdicts.tone_color(theme, vtone)
                isize = ui.fonts.px("label") + 4
                surf.blit(ui.art.icon(vicon, isize, vcolor), (0, y))
                y = draw.block(surf, ui, head, (isize + 10, y, width - isize - 10, 200), "label", vcolor, bold=True)
                if right.get("text"):
                    y = draw.block(surf, ui, right["text"], (isize + 10, y, width - isize - 10, 300), "small",
                                   theme.text)
                source = verdicts.source_line(right, v["right"])
                if source:  # which text of the instrument the citation follows: "... (2012 text)"
                    y = draw.block(surf, ui, source, (isize + 10, y, width - isize - 10, 100), "small",
                                   theme.text_muted)
                y += 10
        if choice.get("feedback"):
            y += 4
            y = draw.block(surf, ui, _("Why"), (0, y, width, 60), "label", theme.heading, bold=True) + 4
            y = draw.block(surf, ui, choice["feedback"], (0, y, width, 800), "body", theme.text) + 12
        after = discussion(self.node)[1] if self.playthrough.facilitated else []
        if after:  # facilitated: the points for after the reveal, now that the choice is played
            y = draw.block(surf, ui, _("To discuss now"), (0, y, width, 60), "label", theme.heading, bold=True) + 4
            for point in after:
                y = draw.block(surf, ui, "• " + point, (0, y, width, 300), "body", theme.text) + 4
            y += 8
        if not res.recommended:
            best = [c for c in self.node.get("choices", []) if c["id"] in res.best_choices]
            if best:
                y = draw.block(surf, ui, _("The recommended option"), (0, y, width, 60), "label", theme.heading,
                               bold=True) + 4
                y = draw.block(surf, ui, best[0].get("text", ""), (0, y, width, 300), "body", theme.text) + 12
        if res.deltas:
            y = draw.block(surf, ui, _("What changed"), (0, y, width, 60), "label", theme.heading, bold=True) + 6
            x = 0
            for name, delta in res.deltas.items():
                spec = story.variables.get(name, {})
                if not spec.get("shown"):
                    continue
                up = delta > 0
                text = f"{spec.get('label', name)} {'+' if up else '−' if delta < 0 else '±'}{abs(delta)}"
                isize = ui.fonts.px("label")
                img = ui.fonts.render(text, ui.fonts.font("label", bold=True), theme.text)
                if x + isize + img.get_width() + 30 > width:
                    x = 0
                    y += line_height(ui.fonts.font("label")) + 6
                if delta:
                    surf.blit(ui.art.icon("up" if up else "down", isize, theme.text), (x, y + 2))
                surf.blit(img, (x + isize + 6, y))
                x += isize + img.get_width() + 36
            y += line_height(ui.fonts.font("label")) + 6
        return surf, y

    def proceed(self) -> None:
        self.playthrough.show_current()

    def confirm_undo(self) -> bool:
        """U or the button (facilitated): after a yes, the decision opens again (Playthrough.undo_choice).
        The record and the learning-record store keep that it was played and undone."""
        if not self.playthrough.can_undo():
            return False
        text = (_("The decision opens again with the room's votes, and the room can choose again.") + "\n\n"
                + _("Nothing is erased: the results keep that this choice was played and then undone, and the "
                    "learning-record store is told to set its answer aside."))
        dlg = Dialog(self.app, N_("Undo the room's choice?"), text,
                     [(N_("Undo the choice"), True), (N_("Keep it"), False)], cancel=False,
                     icon="warning", name="confirm-undo")
        self.app.scenes.push(dlg, lambda ok: ok and self.playthrough.undo_choice())
        return True

    def handle(self, action: A.Action) -> bool:
        if self.handle_menu(action):
            return True
        if self.view is not None and self.view.handle(action):
            return True
        if action.kind == A.UNDO and self.playthrough.can_undo():
            return self.confirm_undo()
        if action.kind == A.ADVANCE or (action.kind == A.ACTIVATE and len(self.group.widgets) == 1):
            self.proceed()
            return True
        return self.group.handle(action)

    def draw(self, surface) -> None:
        ui = self.app
        surface.blit(ui.art.background(self.node.get("location") or "office", ui.size), (0, 0))
        draw.scrim(surface, ui.theme)
        draw_journey(surface, ui, self.node.get("stage", ""), self.playthrough.story.stages())
        draw.panel(surface, ui.theme, PANEL)
        self.view.draw(surface, ui.theme)
        self.group.draw(surface, ui)
        self.menu.draw(surface, ui)
        if self.view.scrollable:
            self._draw_scroll_hint(surface)

    def hint_box(self) -> pygame.Rect:
        """The room for the scroll hint: between the Menu button and Continue, never under either."""
        menu, first = self.menu.widgets[0].rect, self.group.widgets[0].rect
        if self.hint_strip:  # the undo button fills the row: the line above it
            return pygame.Rect(menu.x, first.y - self.hint_strip - 4, self.group.widgets[-1].rect.right - menu.x,
                               self.hint_strip)
        return pygame.Rect(menu.right + 24, first.y, first.x - 16 - (menu.right + 24), first.h)

    def _draw_scroll_hint(self, surface) -> None:
        ui = self.app
        text = (_("More below: Down or Page Down to scroll") if self.view.offset < self.view.max_offset
                else _("Page Up to scroll back"))
        box = self.hint_box()
        font, lines = fit(ui.fonts, text, ui.fonts.px("small"), box.w, max_lines=2, height=box.h)
        lh = font.get_linesize()
        y = box.centery - lh * len(lines) // 2
        for line in lines:
            surface.blit(ui.fonts.render(line, font, ui.theme.text_muted), (box.x, y))
            y += lh

