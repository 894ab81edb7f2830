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
on and why, then a summary. Both register their screen-reader descriptions in ``game.ui.a11y``.
"""

from __future__ import annotations

import pygame

from game.engine import assessment as assessing
from game.engine.story import discussion
from game.engine.vocab import ROLE_LABELS
from game.ui import a11y
from game.ui import actions as A
from game.ui import draw, verdicts
from game.ui.hud import JOURNEY_HEIGHT, draw_journey
from game.ui.screens.dialog import Dialog
from game.ui.screens.feedback import FeedbackScene
from game.ui.screens.play import PlayScene
from game.ui.text import line_height
from game.ui.tr import N_, _
from game.ui.widgets import Button, FocusGroup, menu_button

PANEL_W = 1040
DRAG_SLOP = 8  # px a finger may move before the press becomes a swipe
MARKED, NOT_MARKED = N_("marked"), N_("not marked")
SUBMIT = N_("Submit the assessment")

# An item's result -> (icon, words, tone): the feedback's heading of each item. Never colour alone.
RESULTS = {
    "marked": ("upholds", N_("Marked, and it applies"), "good"),
    "clear": ("recommended", N_("Rightly left unmarked: the facts do not support it"), "good"),
    "missed": ("missed", N_("Missed: it applies, and was not marked"), "neutral"),
    "flagged": ("breaches", N_("Flagged: marked without a basis in the facts"), "bad"),
}


def item_texts(node: dict) -> dict[str, dict]:
    """Every item of the node by id (with its section id and whether it is a measure)."""
    return {item["id"]: item for item in assessing.items(node)}


def section_titles(node: dict) -> list[tuple[str, str]]:
    """(section id, title) in order, the measures last."""
    out = [(s["id"], s.get("title", s["id"])) for s in node.get("sections", ())]
    measures = node.get("measures") or {}
    return out + [(assessing.MEASURES, measures.get("title") or _("Measures that follow"))]


def result_tone(item: dict) -> str:
    """A missed item that the author marked ``if_missed: breaches`` is told as bad, else neutral."""
    icon, _words, tone = RESULTS[item["result"]]
    if item["result"] == "missed" and any(v["verdict"] == "breaches" for v in item["verdicts"]):
        return "bad"
    return tone


# A "misses" on an item that is not a measure is not a measure left unused: its own words.
ITEM_MISSES = {
    "missed": N_("Not taken into account: {citation} — {title}"),
    "flagged": N_("Marked without a basis in the facts: {citation} — {title}"),
}


def item_verdict_line(v: dict, right: dict, got: dict) -> tuple[str, str, str]:
    """(icon, text, tone) of one verdict of an item: as a decision's (verdicts.line), except that a
    characteristic (not a measure) that was missed or marked without a basis is told as such."""
    if v["verdict"] == "misses" and not got.get("measure") and got["result"] in ITEM_MISSES:
        text = _(ITEM_MISSES[got["result"]]).format(citation=right.get("citation", v["right"]),
                                                    title=right.get("title", ""))
        return "misses", text, "neutral"
    return verdicts.line(v, right)


def summary_counts(rec) -> dict[str, int]:
    counts = dict.fromkeys(RESULTS, 0)
    for item in rec.items or ():
        counts[item["result"]] += 1
    return counts


def summary_line(rec) -> str:
    """"9 of 12 items right (75 % of the weight): 2 missed, 1 flagged"."""
    counts = summary_counts(rec)
    right = counts["marked"] + counts["clear"]
    share = 100 if rec.best == rec.worst else round(100 * (rec.earned - rec.worst) / (rec.best - rec.worst))
    text = _("{right} of {total} items right ({share} % of the weight)").format(
        right=right, total=len(rec.items or ()), share=share)
    wrong = []
    if counts["missed"]:
        wrong.append(_("{n} missed").format(n=counts["missed"]))
    if counts["flagged"]:
        wrong.append(_("{n} flagged").format(n=counts["flagged"]))
    return text + (": " + ", ".join(wrong) if wrong else "")


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


class AssessmentScene(PlayScene):
    name = "assessment"

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

    def scroll_by(self, dy: int) -> bool:
        new = max(0, min(self.max_scroll, self.scroll + dy))
        if new == self.scroll:
            return False
        self.scroll = new
        self._apply_scroll()
        self.app.mark_dirty()
        return True

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
    def handle(self, action: A.Action) -> bool:
        used = self._handle(action)
        if action.kind in (A.FOCUS_NEXT, A.FOCUS_PREV, A.LEFT, A.RIGHT):
            self._reveal_focus()
        return used

    def _handle(self, action: A.Action) -> bool:
        if self.handle_menu(action):
            return True
        if self._scroll_input(action):
            return True
        if action.kind == A.SELECT:
            return True  # number keys choose options elsewhere; an item is toggled with Space
        return self.group.handle(action)

    def _scroll_input(self, action: A.Action) -> bool:
        vp = self.viewport()
        if action.kind == A.SCROLL:
            return self.scroll_by(-action.amount * vp.h // 6) or bool(self.max_scroll)
        if action.kind in (A.PAGE_DOWN, A.PAGE_UP):
            return self.scroll_by((vp.h - 60) * (1 if action.kind == A.PAGE_DOWN else -1)) or True
        pos = action.pos
        if action.kind == A.POINTER_DOWN and pos is not None and vp.collidepoint(pos) and self.max_scroll:
            self._drag = (pos[1], self.scroll, False)
            return False  # the press may still be a tap on an item
        if self._drag is None:
            return False
        y0, s0, moving = self._drag
        if action.kind == A.POINTER_MOVE and pos is not None:
            if moving or abs(pos[1] - y0) >= DRAG_SLOP:
                self._drag = (y0, s0, True)
                self.group._pressed = None  # a swipe is not a tap on the item it began on
                self.scroll_by(s0 - (pos[1] - y0) - self.scroll)
                return True
            return False
        if action.kind == A.POINTER_UP:
            self._drag = None
            if moving:
                self.group._pressed = None
            return moving
        return False

    # -- drawing --------------------------------------------------------------------------------
    def hint_text(self) -> str:
        if self.facilitated:
            return _("The room decides each item: Space marks or unmarks · arrows/Tab move · Enter on Submit")
        return _("Space: mark or unmark · arrows/Tab: move · Enter on “Submit the assessment”")

    def hint_room(self) -> int:
        return max(64, draw.hint_height(self.app, self.hint_text()) + 8)

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
        what = _("Group assessment") if self.facilitated else _("Individual assessment")
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


def feedback_lines(playthrough, node: dict, rec) -> list[tuple]:
    """What the feedback shows, in reading order, as (kind, text, role, colour, bold, indent, icon):
    one list for the screen and its screen-reader text."""
    story = playthrough.story
    items = item_texts(node)
    icon, words, _short, tone = verdicts.rating(rec)
    out: list[tuple] = [("first", words, "heading", tone, True, 0, icon),
                        ("line", summary_line(rec), "body", "text", False, 0, "")]
    by_id = {i["id"]: i for i in rec.items or ()}
    for section, title in section_titles(node):
        ids = [iid for iid in items if items[iid]["section"] == section and iid in by_id]
        if not ids:
            continue
        out.append(("gap", "", "", "", False, 0, ""))
        out.append(("line", title, "label", "heading", True, 0, ""))
        for iid in ids:
            item, got = items[iid], by_id[iid]
            r_icon, r_words, _tone = RESULTS[got["result"]]
            out.append(("line", _(r_words), "small", result_tone(got), True, 0, r_icon))
            out.append(("line", item.get("text", iid), "body", "text", False, 24, ""))
            for v in got["verdicts"]:
                right = story.right(v["right"])
                v_icon, v_text, v_tone = item_verdict_line(v, right, got)
                out.append(("line", v_text, "small", v_tone, False, 24, v_icon))
            if not got["verdicts"]:  # rightly left unmarked: the provisions it would have rested on
                cites = ", ".join(story.right(a["right"]).get("citation", a["right"]) for a in item.get("assess", ()))
                if cites:
                    out.append(("line", _("Rests on: {citations}").format(citations=cites), "small", "text_muted",
                                False, 24, ""))
            if item.get("feedback"):
                out.append(("line", _("Why: {reason}").format(reason=item["feedback"]), "small", "text_muted", False,
                            24, ""))
    after = discussion(node)[1] if playthrough.facilitated else []
    if after:
        out.append(("gap", "", "", "", False, 0, ""))
        out.append(("line", _("To discuss now"), "label", "heading", True, 0, ""))
        out += [("line", "• " + p, "body", "text", False, 0, "") for p in after]
    changes = []
    for name, delta in (rec.deltas or {}).items():
        spec = story.variables.get(name, {})
        if spec.get("shown") and delta:
            changes.append(f"{spec.get('label', name)} {'+' if delta > 0 else '−'}{abs(delta)}")
    if changes:
        out.append(("gap", "", "", "", False, 0, ""))
        out.append(("line", _("What changed"), "label", "heading", True, 0, ""))
        out.append(("line", ", ".join(changes), "body", "text", False, 0, ""))
    return out


# -- the screen-reader layer (docs/CONTRACTS.md §10): described like the decision screen ----------
def _describe_form(app, scene, b):
    node = scene.node
    role = _(ROLE_LABELS.get(node.get("role", ""), node.get("role", "")))
    heading = _("Individual assessment")
    tag = _("You act as: {role}").format(role=role)
    prompt = node.get("prompt", "")
    text = [tag, _("Group assessment") if scene.facilitated else heading, prompt]
    if scene.revision:
        text.append(_("This assessment updates an earlier one (Art. 22(7)): it starts from the marks you gave "
                      "then. Change what the new facts change."))
    if scene.facilitated:
        text += ["• " + q for q in discussion(node)[0]]
    index = {w: i for i, w in enumerate(scene.group.widgets)}
    for section, title in section_titles(node):
        ids = scene.order.get(section, [])
        if not ids:
            continue
        text.append(title)
        for iid in ids:
            toggle = scene.toggles[iid]
            state = _(MARKED) if toggle.marked else _(NOT_MARKED)
            label = f"{toggle.label} ({state})"
            text.append(label)
            b.add(f"item-{iid}", label, a11y._press(scene, scene.group, index[toggle]),
                  focused=scene.group.focus == index[toggle])
    count = _("{n} of {total} items marked").format(n=len(scene.marks), total=len(scene.toggles))
    text.append(count)
    b.add("submit", _(SUBMIT), a11y._press(scene, scene.group, index[scene.submit_button]),
          focused=scene.group.focus == index[scene.submit_button])
    b.menu()
    say = [tag, prompt, _("{total} items to mark or leave, in {n} sections, then “Submit the assessment”.").format(
        total=len(scene.toggles), n=sum(1 for ids in scene.order.values() if ids)), count]
    return heading, say, text, "polite"


def _describe_feedback(app, scene, b):
    lines = feedback_lines(scene.playthrough, scene.node, scene.result)
    text = [words for kind, words, *_rest in lines if kind != "gap" and words]
    b.group(scene.group)
    b.menu()
    return _("Feedback"), text[:2], text, "assertive"


a11y._DESCRIBERS["AssessmentScene"] = _describe_form
a11y._DESCRIBERS["AssessmentFeedbackScene"] = _describe_feedback


# -- the debrief's entry for an assessment (game/ui/screens/debrief.py calls these) ----------------
def debrief_detail(story, rec) -> str:
    """What went wrong, item by item: "Missed: …; flagged (no basis in the facts): …", or ""."""
    node = story.nodes[rec.node]
    texts = {iid: item.get("text", iid) for iid, item in item_texts(node).items()}
    parts = []
    for result, words in (("missed", _("Missed: {items}")), ("flagged", _("Flagged (no basis in the facts): {items}"))):
        ids = [i["id"] for i in rec.items or () if i["result"] == result]
        if ids:
            parts.append(words.format(items=" · ".join(texts.get(iid, iid) for iid in ids)))
    return "; ".join(parts)


def paint_debrief_items(surf, ui, rec, story, y: int, width: int) -> int:
    """The assessment in the debrief's list: the summary line, then each item that was not right,
    with its result in words and an icon."""
    theme = ui.theme
    y = draw.block(surf, ui, summary_line(rec), (0, y, width, 200), "small", theme.text) + 2
    node = story.nodes[rec.node]
    texts = {iid: item.get("text", iid) for iid, item in item_texts(node).items()}
    isize = ui.fonts.px("small") + 2
    for item in rec.items or ():
        if item["result"] in ("marked", "clear"):
            continue
        icon, words, _tone = RESULTS[item["result"]]
        color = verdicts.tone_color(theme, result_tone(item))
        surf.blit(ui.art.icon(icon, isize, color), (0, y + 2))
        y = draw.block(surf, ui, f"{_(words)}: {texts.get(item['id'], item['id'])}",
                       (isize + 8, y, width - isize - 8, 300), "small", theme.text)
    return y + 2
