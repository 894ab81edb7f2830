"""An individual assessment (issue 19; story format 4): the Art. 22 form, then its feedback.

``AssessmentScene`` shows the node's sections as headings and their items as toggles with a checkbox
look, their state in words ("marked" / "not marked", never colour alone), then the measures and the
Submit button. Keys: Tab/arrows move, Space (or Enter) marks or unmarks the focused item, Enter on
"Submit the assessment" submits, Page Up/Down scroll. Pointer and touch: a tap toggles, a swipe
scrolls the page (a press that moves is never a tap). Assessment mode with "confirm answers" on asks
before a graded submission. Facilitated mode: the room decides each item together, the facilitator
toggles it; the text is the room's size and the discussion questions are shown.

``AssessmentFeedbackScene`` (learning and facilitated modes) tells every item: marked, missed or
flagged (marked without a basis in the facts), or rightly left unmarked, with the provisions it rests
on and why, then a summary. The words, and the screen-reader descriptions game/ui/a11y.py uses, are
in game/ui/assessment_view.py.
"""

from __future__ import annotations

import pygame

from game.engine.story import discussion
from game.engine.vocab import ROLE_LABELS, STAGE_LABELS
from game.ui import actions as A
from game.ui import draw, verdicts
from game.ui.assessment_view import (MARKED, NOT_MARKED, SUBMIT, describe_feedback, describe_form, feedback_lines,
                                     item_texts, section_titles)
from game.ui.hud import JOURNEY_HEIGHT, draw_journey
from game.ui.screens.dialog import Dialog
from game.ui.screens.feedback import FeedbackScene
from game.ui.screens.play import ScrolledPlayScene
from game.ui.tr import N_, _
from game.ui.widgets import Button, FocusGroup, menu_button

PANEL_W = 1040


class ItemToggle(Button):
    """One item: a checkbox, the item's text, and its state in words under it. Activating it (Space,
    Enter, a tap, a click) marks or unmarks it."""

    BOX_X = 40  # the ▶ focus marker sits left of the box

    def __init__(self, item_id: str, text: str, marked: bool, on_change, role: str = "button"):
        super().__init__(text, None, role=role, key=f"item-{item_id}")
        self.item_id = item_id
        self.marked = marked
        self.on_change = on_change
        self._sync()

    def _sync(self) -> None:
        self.note = MARKED if self.marked else NOT_MARKED

    def activate(self) -> bool:
        if not self.enabled:
            return False
        self.marked = not self.marked
        self._sync()
        if self.on_change:
            self.on_change(self)
        return True

    def box_size(self, ui) -> int:
        return ui.fonts.px(self.role) + 10

    def text_x(self, ui) -> int:
        return self.rect.x + self.BOX_X + self.box_size(ui) + 16

    def needed_height(self, ui, width: int) -> int:
        extra = self.BOX_X + self.box_size(ui) + 16 - 18  # beyond Button's own left padding
        return max(super().needed_height(ui, width - extra), self.box_size(ui) + 20)

    def draw(self, surface, ui, focused: bool) -> None:
        super().draw(surface, ui, focused)
        theme = ui.theme
        fg, bg = (theme.focus_text, theme.focus) if focused else (theme.button_text, theme.button)
        size = self.box_size(ui)
        box = pygame.Rect(self.rect.x + self.BOX_X, self.rect.centery - size // 2, size, size)
        if self.marked:  # a filled box with a tick: the state is a shape as well as a word
            pygame.draw.rect(surface, fg, box, border_radius=4)
            tick = [(box.x + size * 0.22, box.y + size * 0.52), (box.x + size * 0.42, box.y + size * 0.72),
                    (box.x + size * 0.78, box.y + size * 0.30)]
            pygame.draw.lines(surface, bg, False, tick, max(3, size // 7))
        else:  # an empty box
            pygame.draw.rect(surface, theme.panel, box, border_radius=4)
            pygame.draw.rect(surface, fg, box, width=3, border_radius=4)


class AssessmentScene(ScrolledPlayScene):
    name = "assessment"
    describe_for_a11y = staticmethod(describe_form)  # the screen-reader layer (game/ui/a11y.py)

    def __init__(self, app, playthrough):
        super().__init__(app, playthrough)
        self.facilitated = playthrough.facilitated
        self.items = item_texts(self.node)
        self.order = self.run.assessment_order()
        self.revision = bool(self.node.get("revises"))
        start = self.run.start_marks()
        role = "button"  # facilitated: the whole interface is at the projector's scale (fonts.set_scale)
        self.toggles: dict[str, ItemToggle] = {
            iid: ItemToggle(iid, self.items[iid].get("text", iid), iid in start, self._changed, role)
            for ids in self.order.values() for iid in ids}
        self.submit_button = Button(SUBMIT, self.submit, align="center", role=role, key="Submit the assessment")
        self.group = FocusGroup()
        self.scroll = 0
        self.max_scroll = 0
        self._drag = None
        self.layout()

    def enter(self) -> None:
        self.playthrough.decision_started = self.app.clock.now  # its seconds count from here

    def screen_id(self) -> str:
        return f"assessment:{self.node_id}"

    @property
    def marks(self) -> set[str]:
        return {iid for iid, t in self.toggles.items() if t.marked}

    def _changed(self, _toggle) -> None:
        self.app.mark_dirty()

    # -- layout ---------------------------------------------------------------------------------
    def header(self) -> pygame.Rect:
        """The strip above the form that does not scroll: who acts, the kind of assessment, the Menu."""
        h = self.app.fonts.font("small", bold=True).get_height() + 10 + 24
        return pygame.Rect((self.app.size[0] - PANEL_W) // 2, JOURNEY_HEIGHT + 12, PANEL_W, h)

    def viewport(self) -> pygame.Rect:
        top = self.header().bottom
        more = self.app.fonts.font("small", bold=True).get_height() + 16
        return pygame.Rect((self.app.size[0] - PANEL_W) // 2, top, PANEL_W,
                           self.app.size[1] - self.hint_room() - more - top)

    def layout(self) -> None:
        """Lay the whole form out from the top (texts as (kind, text, rect) and the widgets'
        rects), unscrolled; drawing and input shift it by ``scroll``."""
        ui = self.app
        vp = self.viewport()
        x, inner = vp.x + 30, PANEL_W - 60
        head_role, text_role = "label", "small"
        y = vp.y + 6
        self.texts: list[tuple[str, str, pygame.Rect]] = []

        def text(kind, words, role, bold=False, gap=8):
            nonlocal y
            h = draw.block_height(ui, words, inner, role, bold=bold)
            self.texts.append((kind, words, pygame.Rect(x, y, inner, h)))
            y += h + gap

        text("prompt", self.node.get("prompt", ""), "body", bold=True, gap=10)
        if self.revision:
            text("note", _("This assessment updates an earlier one (Art. 22(7)): it starts from the marks you "
                           "gave then. Change what the new facts change."), text_role)
        if self.facilitated:
            for q in discussion(self.node)[0]:
                text("discuss", "• " + q, text_role, gap=4)
            y += 6
        widgets = []
        gap = 10
        for section, title in section_titles(self.node):
            ids = self.order.get(section, [])
            if not ids:
                continue
            y += 6
            text("section", title, head_role, bold=True, gap=8)
            for iid in ids:
                toggle = self.toggles[iid]
                h = toggle.needed_height(ui, inner)
                toggle.rect = pygame.Rect(x, y, inner, h)
                widgets.append(toggle)
                y += h + gap
        y += 8
        text("count", "", text_role, gap=8)
        bh = self.submit_button.needed_height(ui, 420)
        self.submit_button.rect = pygame.Rect(x + (inner - 420) // 2, y, 420, bh)
        widgets.append(self.submit_button)
        y += bh + 20
        self.content_h = y - vp.y
        self._widgets = widgets
        self._base = [w.rect.y for w in widgets]
        self.max_scroll = max(0, self.content_h - vp.h)
        self.scroll = min(self.scroll, self.max_scroll)
        focus = self.group.focus if self.group.widgets else 0
        self.group.set(widgets, focus=focus)
        head = self.header()
        self.menu.set([menu_button(ui, self.pause, compact_at=(head.right - 30, head.y + 10))], focus=-1)
        self._apply_scroll()

    def _apply_scroll(self) -> None:
        for w, y in zip(self._widgets, self._base):
            w.rect.y = y - self.scroll

    def _reveal_focus(self) -> None:
        w = self.group.focused
        if w is None or not self.max_scroll:
            return
        vp = self.viewport()
        if w is self.submit_button:  # the end of the form: all the way down
            self.scroll_by(self.max_scroll - self.scroll)
        elif w.rect.top < vp.top + 8:
            self.scroll_by(w.rect.top - vp.top - 8)
        elif w.rect.bottom > vp.bottom - 8:
            self.scroll_by(w.rect.bottom - vp.bottom + 8)

    # -- submitting -----------------------------------------------------------------------------
    def submit(self) -> None:
        if self.playthrough.mode == "assessment" and self.app.prefs.confirm_answers:
            marks = self.marks
            text = (_("You marked {n} of {total} items.").format(n=len(marks), total=len(self.toggles)) + "\n\n"
                    + _("This assessment is graded: once submitted it cannot be changed."))
            dlg = Dialog(self.app, N_("Submit this assessment?"), text,
                         [(N_("Submit the assessment"), True), (N_("Go back to the form"), False)], cancel=False,
                         icon="warning", name="confirm-assessment")
            self.app.scenes.push(dlg, lambda ok: ok and self.playthrough.assess(marks))
            return
        self.playthrough.assess(self.marks)

    # -- input ----------------------------------------------------------------------------------
    def _handle(self, action: A.Action) -> bool:
        if self.handle_menu(action):
            return True
        if self._scroll_input(action):
            return True
        if action.kind == A.SELECT:
            return True  # number keys choose options elsewhere; an item is toggled with Space
        return self.group.handle(action)

    # -- drawing --------------------------------------------------------------------------------
    def hint_text(self) -> str:
        if self.facilitated:
            return _("The room decides each item: Space marks or unmarks · arrows/Tab move · Enter on Submit")
        return _("Space: mark or unmark · arrows/Tab: move · Enter on “Submit the assessment”")

    def draw(self, surface) -> None:
        ui = self.app
        theme = ui.theme
        surface.blit(ui.art.background(self.node.get("location") or "office", ui.size), (0, 0))
        draw.scrim(surface, theme)
        draw_journey(surface, ui, self.run.stage, self.playthrough.story.stages())
        vp = self.viewport()
        head = self.header()
        draw.panel(surface, theme, pygame.Rect(head.x, head.y, PANEL_W, head.h + 16))
        role = _(ROLE_LABELS.get(self.node.get("role", ""), self.node.get("role", "")))
        tag = draw.badge(surface, ui, _("You act as: {role}").format(role=role), (head.x + 30, head.y + 12),
                         theme.accent, theme.accent_text)
        what = _("Group assessment") if self.facilitated else _(STAGE_LABELS["individual_assessment"])
        draw.badge(surface, ui, what, (tag.right + 12, tag.y), theme.neutral_mark, theme.neutral_text)
        clip = surface.get_clip()
        surface.set_clip(vp.inflate(20, 0))
        draw.panel(surface, theme, pygame.Rect(vp.x, vp.y - 16 - self.scroll, PANEL_W, self.content_h + 16),
                   border=False)
        head_role, text_role = "label", "small"
        for kind, words, rect in self.texts:
            r = rect.move(0, -self.scroll)
            if r.bottom < vp.top or r.top > vp.bottom:
                continue
            if kind == "prompt":
                draw.block(surface, ui, words, r, "body", theme.heading, bold=True)
            elif kind == "section":
                draw.block(surface, ui, words, r, head_role, theme.heading, bold=True)
            elif kind == "count":
                n = len(self.marks)
                draw.block(surface, ui, _("{n} of {total} items marked").format(n=n, total=len(self.toggles)),
                           r, text_role, theme.text_muted)
            else:
                draw.block(surface, ui, words, r, text_role, theme.text)
        self.group.draw(surface, ui)
        surface.set_clip(clip)
        self.menu.draw(surface, ui)
        if self.max_scroll and self.scroll < self.max_scroll:
            draw.badge(surface, ui, _("More below: ↓ or Page Down"), (vp.right, vp.bottom + 6), theme.panel_alt,
                       theme.text, role="small", anchor="topright")
        draw.hint(surface, ui, self.hint_text())


class AssessmentFeedbackScene(FeedbackScene):
    """Every item's result with its provisions and why, then the summary (learning, facilitated)."""

    describe_for_a11y = staticmethod(describe_feedback)

    def screen_id(self) -> str:
        return f"feedback:{self.node_id}"

    def _paint(self, width: int, height: int) -> tuple[pygame.Surface, int]:
        ui = self.app
        theme = ui.theme
        rec = self.result
        surf = pygame.Surface((width, height))
        surf.fill(theme.panel)
        y = 0
        for kind, words, role, color, bold, indent, icon in feedback_lines(self.playthrough, self.node, rec):
            if kind == "gap":
                y += 8
                continue
            if kind == "first":
                y = 0
            color = verdicts.tone_color(theme, color) if color in ("good", "bad", "neutral") else getattr(theme, color)
            x = indent
            if icon:
                size = ui.fonts.px(role) + 4
                surf.blit(ui.art.icon(icon, size, color), (x, y + 1))
                x += size + 10
            y = draw.block(surf, ui, words, (x, y, width - x, 800), role, color, bold=bold) + 4
        return surf, y + 8
