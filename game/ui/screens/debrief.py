"""The debrief: score and pass/fail, a chart of rights upheld/breached/missed, and a timeline of
decisions with the chosen option, the best option and why; replay and export."""

from __future__ import annotations

import pygame

from game.engine.vocab import OUTCOME_LABELS, ROLE_LABELS, STAGE_LABELS
from game.engine.citations import POINT_LETTERS, display_article
from game.ui import actions as A
from game.ui import assessment_view, deferred, draw
from game.ui.draw import tall_surface
from game.ui import verdicts as verdict_words
from game.ui.screens.dialog import message
from game.ui.screens.play import PlayScene
from game.ui.scroll import ChunkedScrollView, ScrollView
from game.ui.text import clip_lines, draw_lines, line_height
from game.ui.tr import N_, _
from game.ui.widgets import Button, FocusGroup

PANEL = pygame.Rect(60, 24, 1160, 672)
TABS = ("summary", "decisions")
MORE_BELOW = N_("More below: ↓ or Page Down")
# Translators: {reason} is the game's technical reason, in English.
EXPORT_FAILED = N_("The results could not be exported (details: {reason}). Your playthrough is still saved; "
                   "try again.")


class DebriefScene(PlayScene):
    name = "debrief"

    def __init__(self, app, playthrough):
        super().__init__(app, playthrough)
        self.card = playthrough.card  # computed once, when the run ended (Playthrough.finish)
        self.tab = 0
        self.group = FocusGroup()
        self.view: ScrollView | None = None
        self.exported = ""  # where the last export went (a folder on desktop); the screen reader says it
        self.layout()

    @property
    def tab_name(self) -> str:
        return TABS[self.tab]

    def screen_id(self) -> str:
        return f"debrief:{self.tab_name}"

    def layout(self) -> None:
        ui = self.app
        bh = ui.fonts.px("button") * 2 + 12
        other = N_("Your decisions") if self.tab == 0 else N_("Summary")
        buttons = [Button(other, self.toggle, align="center"),
                   Button(N_("Export results"), self.export, align="center"),
                   Button(N_("Play again"), self.replay, align="center"),
                   Button(N_("Main menu"), self.to_menu, align="center")]
        gap = 16
        # Four in a row while every label fits one line; at the largest text sizes two rows of two
        # (issue 15: labels are never shrunk to squeeze them in).
        font = ui.fonts.font("button", bold=True)
        cols = 4 if max(font.size(_(b.label))[0] for b in buttons) + 40 <= (PANEL.w - 60 - gap * 3) // 4 else 2
        if cols == 2:
            bh = ui.fonts.px("button") + 30
        bw = (PANEL.w - 60 - gap * (cols - 1)) // cols
        rows = len(buttons) // cols
        y = PANEL.bottom - 18 - rows * bh - (rows - 1) * 10
        for i, b in enumerate(buttons):
            r, c = divmod(i, cols)
            b.rect = pygame.Rect(PANEL.x + 30 + c * (bw + gap), y + r * (bh + 10), bw, bh)
        self.group.set(buttons, focus=self.group.focus if self.group.widgets else 0)
        viewport = pygame.Rect(PANEL.x + 36, PANEL.y + 24, PANEL.w - 84, y - PANEL.y - 40)
        if self.tab == 0:
            self.view = ScrollView(viewport, self._render_summary(viewport.w))
        else:
            self.view = ChunkedScrollView(viewport, self._decision_painters(viewport.w), ui.theme.panel)
        self._place_more_badge(y)

    def _place_more_badge(self, buttons_top: int) -> None:
        """When the report scrolls, the "More below" badge gets its own strip between the report and
        the buttons (the report is shortened for it), so it never covers a legend, a bar or a line."""
        ui = self.app
        font = ui.fonts.font("small", bold=True)
        w, h = font.size(_(MORE_BELOW))
        w, h = min(w + 20, self.view.viewport.w), h + 10
        self.more_rect = None
        if not self.view.scrollable:
            return
        vp = self.view.viewport
        vp.h = min(vp.h, buttons_top - 8 - h - 4 - vp.y)
        self.more_rect = pygame.Rect(vp.right - w, vp.bottom + 4, w, h)

    # -- content --------------------------------------------------------------------------------
    def _canvas(self, width: int, height: int) -> pygame.Surface:
        surf = pygame.Surface((width, height))
        surf.fill(self.app.theme.panel)
        return surf

    def _render_summary(self, width: int) -> pygame.Surface:
        return tall_surface(lambda height: self._paint_summary(width, height))

    def _paint_summary(self, width: int, height: int):
        ui, theme, card, story = self.app, self.app.theme, self.card, self.playthrough.story
        surf = self._canvas(width, height)
        y = draw.block(surf, ui, _("Debrief — {title}").format(title=story.title), (0, 0, width, 100), "heading", theme.heading, bold=True)
        y += 10
        pct = f"{round(card.scaled * 100)}%"
        big = ui.fonts.font("title", bold=True)
        img = ui.fonts.render(pct, big, theme.heading)
        surf.blit(img, (0, y))
        x = img.get_width() + 24
        icon, word, color = (("passed", _("Passed"), theme.good) if card.passed else
                             ("failed", _("Not passed yet"), theme.bad))
        top = y + 4
        need = ui.fonts.px("heading") + 6 + 8 + ui.fonts.font("heading", bold=True).size(word)[0]
        if x + need > width:  # no room beside the score (Largest text, a longer language): below it
            x, top = 0, y + img.get_height() + 4
        draw.icon_label(surf, ui, icon, word, (x, top), color, role="heading")
        below = draw.block(surf, ui, _("Mastery needed: {mastery}%. Recommended choices: {n} of {total}.").format(
            mastery=round(card.mastery * 100), n=card.recommended, total=card.decisions),
            (x, top + ui.fonts.px("heading") + 12, width - x, 200), "small", theme.text)
        y = max(y + img.get_height(), below) + 14  # the line beside the score may wrap at large sizes
        ending = self.run.ending or {}
        outcome = _(OUTCOME_LABELS.get(card.outcome or "", card.outcome or ""))
        y = draw.block(surf, ui, _("Outcome: {outcome}").format(outcome=outcome)
                       + (f" — {ending.get('title')}" if ending.get("title") else ""),
                       (0, y, width, 100), "label", theme.heading, bold=True) + 4
        if ending.get("text"):
            y = draw.block(surf, ui, ending["text"], (0, y, width, 400), "body", theme.text) + 16
        room = getattr(self.app, "room", None)
        lines = room.debrief_lines() if room is not None else []
        if lines:  # a live room (issue 18): its widest splits, and the rights its votes upheld and missed most
            y = draw.block(surf, ui, _("The room"), (0, y, width, 60), "label", theme.heading, bold=True) + 4
            for line in lines:
                y = draw.block(surf, ui, line, (0, y, width, 300), "small", theme.text) + 4
            y += 12
        y = self._chart(surf, y, width)
        return surf, y

    def _chart(self, surf, y: int, width: int) -> int:
        """One row per right: upheld, breached, missed as labelled segments with counts."""
        ui, theme, story = self.app, self.app.theme, self.playthrough.story
        y = draw.block(surf, ui, _("Rights in this playthrough"), (0, y, width, 60), "label", theme.heading,
                       bold=True) + 6
        lx = 0
        step = ui.fonts.px("small") + 18
        for _key, icon, word, tone in verdict_words.TALLIES:
            # The legend wraps where it would run past the panel (Largest text, longer languages).
            need = ui.fonts.px("small") + 6 + 8 + ui.fonts.font("small", bold=True).size(_(word))[0]
            if lx and lx + need > width:
                lx, y = 0, y + step
            r = draw.icon_label(surf, ui, icon, _(word), (lx, y), verdict_words.tone_color(theme, tone), role="small")
            lx = r.right + 28
        y += step
        rights = self.card.rights
        if not rights:
            return draw.block(surf, ui, _("No rights were assessed."), (0, y, width, 40), "small", theme.text_muted)
        most = max(sum(t.values()) for t in rights.values()) or 1
        label_w = rights_column(ui)
        bar_w = width - label_w - 20
        font = ui.fonts.font("small")
        bold = ui.fonts.font("small", bold=True)
        lh = line_height(font)
        main = main_instrument(story, rights)
        for rid, tally in rights.items():
            right = story.right(rid)
            # The column names the article as the citation does in the story's language ("Art. 9(1)(c)",
            # "чл. 9(1)(c)"); the full citation is on the "Your decisions" tab. Fitted by measure.
            cite_lines = clip_lines(article_label(right, rid, main), bold, label_w - 16, 2)
            # The right's title below it: two lines before it is cut (Bulgarian titles at Largest need them).
            title_lines = clip_lines(right["title"], font, label_w - 16, TITLE_LINES) if right.get("title") else []
            row_h = max(30, lh * (len(cite_lines) + max(1, len(title_lines))) + 4)
            draw_lines(surf, ui.fonts, cite_lines, bold, theme.text, 0, y, lh)
            draw_lines(surf, ui.fonts, title_lines, font, theme.text_muted, 0, y + lh * len(cite_lines), lh)
            x = label_w
            # The segments: upheld, breached, not used, missed. The bar is a label, not a ruler: its
            # height stays near one line of text (two at most), so the icon and count fit.
            seg_h = min(row_h - 10, 2 * lh - 6, max(38, lh + 8))
            isz = seg_h - 8
            segs = []
            for key, color, fg, icon in (("upheld", theme.good, theme.good_text, "upholds"),
                                         ("breached", theme.bad, theme.bad_text, "breaches"),
                                         ("not_used", theme.neutral_mark, theme.neutral_text, "misses"),
                                         ("missed", theme.neutral_mark, theme.neutral_text, "missed")):
                n = tally.get(key, 0)
                if n:
                    num = ui.fonts.render(str(n), bold, fg)
                    # Wide enough for the icon and the count at any text size, else in proportion.
                    least = isz + 12 + num.get_width() + 10
                    segs.append([max(least, int(bar_w * n / most)), least, color, fg, icon, num])
            room = width - x - 4 * max(0, len(segs) - 1) - 2  # a margin: nothing touches the edge
            total = sum(seg[0] for seg in segs)
            if total > room:  # the minimum widths pushed past the edge: only the proportional part shrinks
                spare = max(0, room - sum(seg[1] for seg in segs))
                extra = sum(seg[0] - seg[1] for seg in segs) or 1
                for seg in segs:
                    seg[0] = seg[1] + (seg[0] - seg[1]) * spare // extra
            for w, _least, color, fg, icon, num in segs:
                seg = pygame.Rect(x, y + 4, max(1, min(w, width - x)), seg_h)
                pygame.draw.rect(surf, color, seg, border_radius=6)
                surf.blit(ui.art.icon(icon, isz, fg), (seg.x + 6, seg.y + 4))
                surf.blit(num, num.get_rect(midleft=(seg.x + isz + 12, seg.centery)))
                x = seg.right + 4
            y += row_h + 6
        if main:
            y = draw.block(surf, ui, _("Articles of {instrument} unless named; each decision lists "
                                       "its full citations.").format(instrument=main), (0, y + 4, width, 80),
                           "small", theme.text_muted) + 4
        return y

    def _decision_painters(self, width: int) -> list:
        """One painter per piece of the decisions tab: the heading, then each decision."""
        heading = lambda: tall_surface(lambda h: self._paint_heading(width, h), 200)  # noqa: E731
        items = [(lambda n=n, rec=rec: tall_surface(lambda h: self._paint_decision(n, rec, width, h), 700))
                 for n, rec in enumerate(self.run.history, 1)]
        return [heading] + items

    def _paint_heading(self, width: int, height: int):
        ui, theme = self.app, self.app.theme
        surf = self._canvas(width, height)
        y = draw.block(surf, ui, _("Your decisions"), (0, 0, width, 60), "heading", theme.heading, bold=True) + 10
        if not self.run.history:
            y = draw.block(surf, ui, _("No decisions were made."), (0, y, width, 40), "small", theme.text_muted)
        return surf, y

    def _paint_decision(self, n: int, rec, width: int, height: int):
        ui, theme, story = self.app, self.app.theme, self.playthrough.story
        surf = self._canvas(width, height)
        y = 0
        node = story.nodes[rec.node]
        choices = {c["id"]: c for c in node.get("choices", [])}
        role = _(ROLE_LABELS.get(rec.role, rec.role))
        head = f"{n}. {_(STAGE_LABELS.get(rec.stage, rec.stage))} · {role}"
        pygame.draw.line(surf, theme.border, (0, y), (width, y), 1)
        y += 8
        y = draw.block(surf, ui, head, (0, y, width, 60), "small", theme.text_muted, bold=True)
        y = draw.block(surf, ui, node.get("prompt", ""), (0, y, width, 200), "label", theme.heading, bold=True) + 4
        rec_icon, _words, rec_word, tone = verdict_words.rating(rec)
        # Partly right is drawn muted in this list (the feedback screen gives it the neutral mark).
        rec_color = theme.text_muted if tone == "neutral" else verdict_words.tone_color(theme, tone)
        r = draw.icon_label(surf, ui, rec_icon, rec_word, (0, y), rec_color, role="small")
        y = r.bottom + 4
        if rec.kind == "assessment":  # an individual assessment: its items, not an option (issue 19)
            return surf, assessment_view.paint_debrief_items(surf, ui, rec, story, y, width) + 12
        chosen = choices.get(rec.chosen, {})
        y = draw.block(surf, ui, self.chosen_line(rec), (0, y, width, 300), "small", theme.text) + 2
        y = self._verdict_lines(surf, y, width, rec.verdicts)
        if not rec.recommended and rec.best_choices:
            best = choices.get(rec.best_choices[0], {})
            y = draw.block(surf, ui, self.best_line(rec), (0, y, width, 300), "small", theme.text, bold=True) + 2
            if best.get("feedback"):
                y = draw.block(surf, ui, _("Why: {reason}").format(reason=best["feedback"]), (0, y, width, 400),
                               "small", theme.text_muted) + 2
        elif chosen.get("feedback"):
            y = draw.block(surf, ui, _("Why: {reason}").format(reason=chosen["feedback"]), (0, y, width, 400), "small",
                           theme.text_muted) + 2
        return surf, y + 12

    def chosen_line(self, rec) -> str:
        """"You chose option 3 as shown: ..." (each playthrough shows the options in its own order),
        with the room's votes numbered as the room saw the options."""
        if rec.kind == "assessment":  # "9 of 12 items right ..." (issue 19)
            return assessment_view.summary_line(rec)
        choices = {c["id"]: c for c in self.playthrough.story.nodes[rec.node].get("choices", [])}
        text = choices.get(rec.chosen, {}).get("text", rec.chosen)
        n = shown_position(rec, rec.chosen)
        line = (_("You chose option {n} as shown: {choice}").format(n=n, choice=text) if n
                else _("You chose: {choice}").format(choice=text))
        if rec.votes:
            numbered = list(enumerate(rec.order, 1)) if rec.order else list(enumerate(rec.shown, 1))
            line += " " + _("(room votes: {votes})").format(votes=", ".join(
                f"{i}: {rec.votes.get(cid, 0)}" for i, cid in numbered if cid in rec.votes))
        return line

    def best_line(self, rec) -> str:
        """"Best option (option 2 as shown): ..." for a decision that was not the best."""
        if rec.kind == "assessment":  # the items missed or flagged
            return assessment_view.debrief_detail(self.playthrough.story, rec)
        choices = {c["id"]: c for c in self.playthrough.story.nodes[rec.node].get("choices", [])}
        text = choices.get(rec.best_choices[0], {}).get("text", "")
        n = shown_position(rec, rec.best_choices[0])
        return (_("Best option (option {n} as shown): {choice}").format(n=n, choice=text) if n
                else _("Best option: {choice}").format(choice=text))

    def _verdict_lines(self, surf, y: int, width: int, verdicts) -> int:
        """The rights a decision touched, each with its full citation in the story's language."""
        ui, theme, story = self.app, self.app.theme, self.playthrough.story
        isize = ui.fonts.px("small") + 2
        for v in verdicts:
            right = story.right(v["right"])
            icon, text, tone = verdict_words.line(v, right)  # upholds, breaches or misses
            surf.blit(ui.art.icon(icon, isize, verdict_words.tone_color(theme, tone)), (0, y + 2))
            y = draw.block(surf, ui, text, (isize + 8, y, width - isize - 8, 200), "small", theme.text)
        return y + 2

    # -- buttons --------------------------------------------------------------------------------
    def toggle(self) -> None:
        self.tab = 1 - self.tab
        self.layout()

    def export(self) -> None:
        """Write JSON, CSV (decisions and summary) and xAPI through the platform; signed with the
        trainee key when there is one (game.ui.exporting.signing_key; never the session code). A
        failure is told in words; the playthrough stays saved."""
        exporting = deferred.load("game.ui.exporting")
        result = exporting.export_playthrough(self.playthrough)
        if not result.ok:
            message(self.app, N_("Export failed"),
                    _(EXPORT_FAILED).format(reason=result.problem.rstrip(".")),
                    icon="warning", name="export-failed")
            return
        self.exported = result.where
        if self.app.platform.name == "desktop":
            text = _("{n} files were written into the results folder:").format(n=len(result.written)) + \
                "\n" + result.where
        else:
            text = _("{n} files were downloaded; see your browser's downloads.").format(n=len(result.written))
        if exporting.signing_key(self.playthrough):
            text += "\n\n" + _("They are signed with the key from your link.")
        if self.app.live is not None:  # whether the facilitator already has them (live results)
            text += "\n\n" + self.app.live.debrief_line()
        message(self.app, N_("Results exported"), text, icon="check", name="exported")

    def replay(self) -> None:
        self.playthrough.restart()

    def to_menu(self) -> None:
        # The finished playthrough stays saved (the title offers its debrief) until a new one starts.
        self.app.to_title()

    def handle(self, action: A.Action) -> bool:
        # Up/Down and the wheel scroll the report while there is more; Tab and Left/Right move
        # between the buttons.
        if self.view is not None and self.view.handle(action):
            return True
        return self.group.handle(action)

    def draw(self, surface) -> None:
        ui = self.app
        surface.fill(ui.theme.backdrop)
        draw.panel(surface, ui.theme, PANEL)
        self.view.draw(surface, ui.theme)
        if self.more_rect is not None and self.view.offset < self.view.max_offset:
            draw.badge(surface, ui, _(MORE_BELOW), self.more_rect.topright, ui.theme.panel_alt,
                       ui.theme.text, role="small", anchor="topright")
        self.group.draw(surface, ui)


TITLE_LINES = 2  # a right's title in the summary's rights column (game/i18n/layout.py DEBRIEF_TITLE_LINES)


def rights_column(ui) -> int:
    """Width of the summary's rights column: wider at the largest text sizes, so a citation still
    fits two lines at twice the size (issue 15)."""
    return 430 if ui.fonts.scale <= 1.4 else 640


def main_instrument(story, right_ids) -> str:
    """The instrument most of these rights come from (the Victims' Rights Directive, in the story's language)."""
    counts: dict[str, int] = {}
    for rid in right_ids:
        name = story.right(rid).get("instrument", "")
        if name:
            counts[name] = counts.get(name, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else ""


def article_label(right: dict, right_id: str, main: str = "") -> str:
    """The citation up to its article, in the citation's own language, for rights of the ``main``
    instrument: "Art. 9(1)(c) Directive 2012/29/EU" -> "Art. 9(1)(c)", "чл. 9(1)(c) от Директива
    2012/29/ЕС" -> "чл. 9(1)(c)". Rights of another instrument keep their whole citation (the caller
    wraps it to two lines by measure), so "Art. 11(3)" of two directives never look alike."""
    citation = right.get("citation") or right_id
    if main and right.get("instrument") and right.get("instrument") != main:
        return citation
    article = right_id.rsplit(":", 1)[-1]
    at = citation.find(article)
    if at < 0:  # the citation shows the points in its language's letters: "чл. 9(1)(в)"
        for lang in POINT_LETTERS:
            article = display_article(right_id.rsplit(":", 1)[-1], lang)
            at = citation.find(article)
            if at >= 0:
                break
    return citation[:at + len(article)] if at >= 0 else citation


def shown_position(rec, choice_id: str) -> int | None:
    """Where ``choice_id`` stood in the order the options were shown (1-based), if that is known."""
    order = getattr(rec, "order", None) or []
    return order.index(choice_id) + 1 if choice_id in order else None
