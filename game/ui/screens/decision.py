"""A decision: who acts and what is asked, the choices as large numbered buttons.

The meters are left to the story screens and the feedback: the panel needs the whole width.

In facilitated mode the screen is for a room: larger text, the discussion prompts, and a vote count
per option that the facilitator sets; the option with the most votes is then played.
"""

from __future__ import annotations

import pygame

from game.engine.story import discussion
from game.engine.vocab import ROLE_LABELS
from game.ui import actions as A
from game.ui import draw
from game.ui.hud import JOURNEY_HEIGHT, draw_journey
from game.ui.screens.dialog import Dialog
from game.ui.screens.count import CountScene
from game.ui.screens.overrule import OverruleScene
from game.ui.screens.play import ScrolledPlayScene
from game.ui.text import line_height
from game.ui.tr import N_, _
from game.ui.widgets import Button, FocusGroup, menu_button

VOTE_MINUS_W = 36  # the left end of a vote box, which takes a vote away
PANEL_W = 1040
MORE_BELOW = N_("More below: ↓ or Page Down")


class DecisionScene(ScrolledPlayScene):
    name = "decision"
    FOLLOW_FOCUS = ScrolledPlayScene.FOLLOW_FOCUS + (A.SELECT,)

    def __init__(self, app, playthrough):
        super().__init__(app, playthrough)
        self.views = self.run.choices()
        self.facilitated = playthrough.facilitated
        self.votes = {v.id: 0 for v in self.views}
        self.typed: list[str] = []  # the votes typed in by hand, in order: U takes the last one back
        self.phone_votes: dict[str, int] = {}  # a live room's phones' votes (game/ui/room_link.py)
        # Facilitated: the discussion questions can be hidden (Q, or their heading) once talked
        # through, so the options and the votes get the room's large text back.
        self.show_discuss = True
        self.discuss_toggle_rect = None
        # Facilitated: the counts stay hidden while the room votes, until the facilitator shows
        # them (R, or the badge); the leading option is then marked (issue 15).
        self.revealed = False
        self.reveal_rect = None
        self.reopened = self._reopen()
        self.group = FocusGroup()
        # When prompt and options do not fit at the player's text size the panel scrolls; the text
        # never shrinks below the size chosen (issue 15).
        self.scroll = 0
        self.max_scroll = 0
        self._drag = None
        self.layout()

    def _reopen(self) -> str:
        """Open again after the facilitator undid the room's choice here (issue 15): the votes as they
        were, shown, and typed in by hand (U and C work on them). With a live room the phones vote
        again in a new round (game/ui/room_link.py), so the counts start from nothing."""
        reopened = getattr(self.playthrough, "reopened", None)
        if not (self.facilitated and reopened and reopened.get("node") == self.node_id):
            return ""
        self.playthrough.reopened = None
        if getattr(self.app, "room", None) is not None:
            return _("Choice undone: the room votes again")
        for cid, n in reopened.get("votes", {}).items():
            if cid in self.votes and n > 0:
                self.votes[cid] = n
                self.typed.extend([cid] * n)
        self.revealed = any(self.votes.values())
        return _("Choice undone: the votes as they were")

    def enter(self) -> None:
        self.playthrough.decision_started = self.app.clock.now  # the decision's seconds count from here

    def screen_id(self) -> str:
        return f"decision:{self.node_id}"

    # -- layout ---------------------------------------------------------------------------------
    # Text roles and scale factors to try: the fitting one with the largest option text wins (long
    # options at the largest text size, or a projector's scale, may not fit 1280x720 otherwise).
    ROLES = (("heading", "body", "button"), ("heading", "label", "label"), ("label", "small", "small"))
    FACTORS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)

    def layout(self) -> None:
        # The chosen text size, always: what does not fit scrolls (ROLES and FACTORS stay for the
        # translators' overflow check in game/i18n/layout.py, which measures the same boxes).
        ui = self.app
        roles, factor = self.ROLES[0], 1.0
        self.fit_scale = factor
        fits = self._layout(roles)
        self.max_scroll = 0 if fits else max(0, self.content_bottom - self.viewport().bottom)
        self.scroll = min(self.scroll, self.max_scroll)
        self._base = [b.rect.y for b in self.buttons]
        self._toggle_base = self.discuss_toggle_rect.y if self.discuss_toggle_rect is not None else 0
        self._panel_base = self.panel_rect.y
        # The menu button sits in the panel's header row, level with the role tag, and scrolls with the
        # panel (left fixed, it covered the options scrolled under it; Esc opens the menu from anywhere).
        self.menu.set([menu_button(ui, self.pause, compact_at=(self.panel_rect.right - 30, self.panel_top + 18))],
                      focus=-1)
        self._menu_base = self.menu.widgets[0].rect.y
        self._apply_scroll()
        focus = self.group.focus if self.group.widgets else 0
        self.group.set(self.buttons, focus=focus)
        self._refresh_votes()

    def _layout(self, roles) -> bool:
        """Place everything with the given text roles; return whether it fits the screen."""
        ui = self.app
        self.roles = prompt_role, discuss_role, button_role = roles
        x = (ui.size[0] - PANEL_W) // 2
        inner = PANEL_W - 60
        top = JOURNEY_HEIGHT + 20
        y = top + 20 + ui.fonts.font("small", bold=True).get_height() + 10 + 14  # the role tag, as drawn
        if self.facilitated:
            y += ui.fonts.font("small", bold=True).get_height() + 10 + 8  # the votes badge below it
        y += draw.block_height(ui, self.node.get("prompt", ""), inner, prompt_role, bold=True) + 16
        discuss = self.discuss_points()  # the questions while the room votes; the points after the reveal
        self.discuss_toggle_rect = None
        if self.facilitated and discuss:
            # Shown: the questions themselves are the target that hides them. Hidden: one short
            # line that brings them back (it costs a line only when there is room to spare).
            start = y
            if self.show_discuss:
                for q in discuss:
                    y += draw.block_height(ui, "• " + q, inner, discuss_role) + 4
            else:
                y += ui.fonts.font("small", bold=True).get_height() + 8
            self.discuss_toggle_rect = pygame.Rect(x + 30, start, inner, y - start)
            y += 12
        self.panel_top = top
        buttons = []
        for v in self.views:
            note = "" if v.enabled else N_("Not available now")
            buttons.append(Button(v.text, (lambda cid=v.id: self.pick(cid)), number=v.index, enabled=v.enabled,
                                  note=note, role=button_role))
        if self.facilitated:
            label = self.play_button.label if getattr(self, "play_button", None) else _("Play the room's choice")
            self.play_button = Button(label, self.play_room_choice, align="center", role=button_role,
                                      key="Play the room's choice")
            buttons.append(self.play_button)
            if self.revealed:  # the way to overrule without the O key (single-key shortcuts can be off)
                buttons.append(Button(N_("Overrule the room…"), self.overrule, align="center", role=button_role,
                                      key="Overrule the room"))
        available = ui.size[1] - self.hint_room() - y  # leave the key hint free
        gap = 12
        vote_w = 170 if self.facilitated else 0  # room for the vote count beside each option
        widths = [inner - (vote_w if i < len(self.views) else 0) for i in range(len(buttons))]
        heights = [b.needed_height(ui, w) for b, w in zip(buttons, widths)]
        while sum(heights) + gap * (len(buttons) - 1) > available and gap > 4:
            gap -= 2
        for b, w, h in zip(buttons, widths, heights):
            b.rect = pygame.Rect(x + 30, y, w, h)
            y += h + gap
        self.panel_rect = pygame.Rect(x, top, PANEL_W, y - gap - top + 18)
        self.buttons = buttons
        self.content_bottom = self.panel_rect.bottom
        return sum(heights) + gap * (len(buttons) - 1) <= available

    # -- scrolling (only when the panel is taller than the screen) -------------------------------
    def viewport(self) -> pygame.Rect:
        """Where the panel shows when it scrolls: above the key hint and a strip for "More below"."""
        top = JOURNEY_HEIGHT + 20
        more = self.app.fonts.font("small", bold=True).get_height() + 16
        return pygame.Rect((self.app.size[0] - PANEL_W) // 2, top, PANEL_W,
                           self.app.size[1] - self.hint_room() - more - top)

    def _apply_scroll(self) -> None:
        for b, y in zip(self.buttons, self._base):
            b.rect.y = y - self.scroll
        if self.discuss_toggle_rect is not None:
            self.discuss_toggle_rect.y = self._toggle_base - self.scroll
        self.panel_rect.y = self._panel_base - self.scroll
        if self.menu.widgets:
            self.menu.widgets[0].rect.y = self._menu_base - self.scroll

    def page_items(self) -> list[tuple[int, int]]:
        """Each option's (and button's) place as scroll offsets, for Page Down and Up to show whole
        options where they fit (issue 15: the projector pages its options; game.ui.scroll.page_step)."""
        top = self.viewport().top
        return [(max(0, y - top - 8), y + b.rect.h - top + 8) for b, y in zip(self.buttons, self._base)]

    def _reveal_focus(self) -> None:
        """Scroll the focused option into view (keys move the focus; the panel follows)."""
        w = self.group.focused
        if w is None or not self.max_scroll:
            return
        vp = self.viewport()
        if w.rect.h > vp.h - 16 or w.rect.top < vp.top + 8:
            self.scroll_by(w.rect.top - vp.top - 8)  # taller than the view: from its top
        elif w.rect.bottom > vp.bottom:
            self.scroll_by(w.rect.bottom - vp.bottom + 8)

    def add_vote(self, choice_id: str, step: int) -> None:
        """One typed vote more (step 1) or fewer (-1) for an option; never below zero, and never below
        the phones' votes for it (a live room's; ``phone_votes``, set by game/ui/room_link.py)."""
        floor = self.phone_votes.get(choice_id, 0)
        before = self.votes[choice_id]
        self.votes[choice_id] = max(0, floor, before + step) if step < 0 else before + step
        typed = self.typed
        if step > 0:
            typed.append(choice_id)
        elif self.votes[choice_id] < before and choice_id in typed:  # the last typed vote for it goes
            del typed[len(typed) - 1 - typed[::-1].index(choice_id)]
        self._refresh_votes()

    def undo_typed(self) -> bool:
        """U: take back the last vote typed in by hand (issue 15); the phones' votes stay."""
        typed = self.typed
        if not typed:
            return False
        self.add_vote(typed[-1], -1)
        return True

    def type_count(self) -> bool:
        """C: the number of votes cast by hand for the focused option, typed in one go (issue 15); it
        replaces that option's typed votes, the phones' stay."""
        idx = self.group.focus
        if not (self.facilitated and idx < len(self.views) and self.views[idx].enabled):
            return False
        view = self.views[idx]
        phones = self.phone_votes.get(view.id, 0)

        def done(count) -> None:
            if count is None:
                return
            self.votes[view.id] = phones + count
            self.typed[:] = [cid for cid in self.typed if cid != view.id] + [view.id] * count
            self._refresh_votes()

        self.app.scenes.push(CountScene(self.app, view, self.votes[view.id] - phones, phones), done)
        return True

    def discuss_points(self) -> list[str]:
        """Facilitated: the questions for before the vote while the room votes; after the reveal, the
        points for after it (issue 13: they would give the answer away before)."""
        before, after = discussion(self.node)
        return after if self.revealed else before

    def overrule(self) -> bool:
        """O, after the reveal: play another option than the room's and say why (issue 18)."""
        cid, _why = self.room_choice()
        others = [v for v in self.views if v.enabled and v.id != cid]
        if not (self.facilitated and self.revealed and cid is not None and others):
            return False
        room = next(v for v in self.views if v.id == cid)

        def done(result) -> None:
            if result:
                choice, reason = result
                self.playthrough.choose(choice, votes=dict(self.votes),
                                        overrule={"room_choice": cid, "reason": reason})

        self.app.scenes.push(OverruleScene(self.app, room, others), done)
        return True

    def toggle_questions(self) -> None:
        self.show_discuss = not self.show_discuss
        self.layout()
        self.app.mark_dirty()

    def _vote_boxes(self) -> list:
        """(view, rect) of the vote count beside each enabled option (facilitated mode)."""
        return [(v, pygame.Rect(b.rect.right + 14, b.rect.y, 156, b.rect.h))
                for v, b in zip(self.views, self.group.widgets) if v.enabled]

    # -- choosing -------------------------------------------------------------------------------
    def pick(self, choice_id: str) -> None:
        if self.facilitated:
            self.add_vote(choice_id, 1)
            return
        if self.playthrough.mode == "assessment" and self.app.prefs.confirm_answers:
            self.confirm_pick(choice_id)
            return
        self.playthrough.choose(choice_id)

    def confirm_pick(self, choice_id: str) -> None:
        """Assessment mode: a graded answer is final, so it is chosen, then confirmed (WCAG 3.3.4);
        'Choose again' (or Esc) goes back with nothing recorded."""
        view = next(v for v in self.views if v.id == choice_id)
        text = (_("You chose option {n}: {choice}").format(n=view.index, choice=view.text) + "\n\n"
                + _("This answer is graded: once submitted it cannot be changed."))
        dlg = Dialog(self.app, N_("Submit this answer?"), text,
                     [(N_("Submit this answer"), True), (N_("Choose again"), False)], cancel=False,
                     icon="warning", name="confirm-answer")
        self.app.scenes.push(dlg, lambda ok: ok and self.playthrough.choose(choice_id))

    def room_choice(self) -> tuple[str | None, str]:
        """The option with the most votes, or None and why not."""
        if not any(self.votes.values()):
            return None, _("Enter the room's votes first")
        top = max(self.votes.values())
        leaders = [v for v in self.views if self.votes[v.id] == top and v.enabled]
        if len(leaders) > 1:
            nums = _(" and ").join(str(v.index) for v in leaders)
            return None, _("Tie between {options}: add a deciding vote").format(options=nums)
        return leaders[0].id, _("Play the room's choice: option {n}").format(n=leaders[0].index)

    def leaders(self) -> list:
        """The enabled options with the most votes (none before the first vote)."""
        if not any(self.votes.values()):
            return []
        top = max(self.votes[v.id] for v in self.views if v.enabled)
        return [v for v in self.views if v.enabled and self.votes[v.id] == top]

    def toggle_reveal(self) -> None:
        self.revealed = not self.revealed
        self.layout()  # the points for after the reveal take the questions' place; the overrule button
        self._refresh_votes()
        self.app.mark_dirty()

    def _refresh_votes(self) -> None:
        if not self.facilitated:
            return
        cid, label = self.room_choice()
        if not self.revealed and cid is not None:
            label = _("Play the room's choice")  # which option leads stays hidden until the reveal
        self.play_button.label = label
        self.play_button.enabled = cid is not None

    def play_room_choice(self) -> None:
        cid, _why = self.room_choice()
        if cid is not None:
            self.playthrough.choose(cid, votes=dict(self.votes))

    def _handle(self, action: A.Action) -> bool:
        if self.handle_menu(action):
            return True
        if self._scroll_input(action):
            return True
        if self.facilitated and action.kind in (A.INCREASE, A.DECREASE):
            idx = self.group.focus
            if idx < len(self.views) and self.views[idx].enabled:
                cid = self.views[idx].id
                self.add_vote(cid, 1 if action.kind == A.INCREASE else -1)
                return True
            return False
        if self.facilitated and self.discuss_toggle_rect is not None and (
                action.kind == A.QUESTIONS or (action.kind == A.POINTER_UP and action.pos is not None
                                               and self.discuss_toggle_rect.collidepoint(action.pos))):
            self.toggle_questions()
            return True
        if self.facilitated and action.kind == A.POINTER_UP and action.pos is not None:
            # Each vote box: its "−" end takes a vote away, the rest adds one (mouse and touch alike).
            for view, box in self._vote_boxes():
                if box.collidepoint(action.pos):
                    self.add_vote(view.id, -1 if action.pos[0] < box.x + VOTE_MINUS_W else 1)
                    return True
        if self.facilitated and (action.kind == A.REVEAL or (
                action.kind == A.POINTER_UP and action.pos is not None and self.reveal_rect is not None
                and self.reveal_rect.collidepoint(action.pos))):
            self.toggle_reveal()
            return True
        if self.facilitated and action.kind == A.UNDO:
            return self.undo_typed()
        if self.facilitated and action.kind == A.OVERRULE:
            return self.overrule()
        if self.facilitated and action.kind == A.COUNT:
            return self.type_count()
        if self.facilitated and action.kind == A.SELECT and not action.shift:
            # A vote by number: the focus stays where the facilitator left it (the highlight is for
            # the leading option, shown after the reveal, not for the last vote).
            if action.index < len(self.views) and self.views[action.index].enabled:
                self.add_vote(self.views[action.index].id, 1)
                return True
        if self.facilitated and action.kind == A.SELECT and action.shift:
            # Shift+number takes a vote away from that option.
            if action.index < len(self.views):
                self.add_vote(self.views[action.index].id, -1)
                return True
        return self.group.handle(action)

    # -- drawing --------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ui = self.app
        theme = ui.theme
        surface.blit(ui.art.background(self.node.get("location") or "office", ui.size), (0, 0))
        draw.scrim(surface, theme)
        draw_journey(surface, ui, self.run.stage, self.playthrough.story.stages())
        vp = self.viewport()
        clip = surface.get_clip()
        if self.max_scroll:
            surface.set_clip(vp.inflate(20, 0))
        with ui.fonts.scaled(self.fit_scale):
            self._draw_panel(surface)
        self.menu.draw(surface, ui)  # in the panel's header: clipped with it when it scrolls
        surface.set_clip(clip)
        if self.max_scroll and self.scroll < self.max_scroll:
            draw.badge(surface, ui, _(MORE_BELOW), (vp.right, vp.bottom + 6), theme.panel_alt, theme.text,
                       role="small", anchor="topright")
        draw.hint(surface, ui, self.hint_text())

    def hint_text(self) -> str:
        return (_("1–9: add a vote · Shift+number or U: take one back · C: type a count · Q: questions · "
                  "R: show the votes · O: overrule · Tab to the last button to play")
                if self.facilitated else _("Press 1–9, or move with arrows/Tab and press Enter"))

    def _draw_panel(self, surface) -> None:
        ui = self.app
        theme = ui.theme
        draw.panel(surface, theme, self.panel_rect)
        x = self.panel_rect.x + 30
        y = self.panel_top + 20 - self.scroll
        role = _(ROLE_LABELS.get(self.node.get("role", ""), self.node.get("role", "")))
        tag = draw.badge(surface, ui, _("You act as: {role}").format(role=role), (x, y), theme.accent,
                         theme.accent_text)
        if self.facilitated:
            group = draw.badge(surface, ui, _("Group decision"), (tag.right + 12, y), theme.neutral_mark,
                               theme.neutral_text)
            total = sum(self.votes.values())
            state = (_("Votes shown · R: hide") if self.revealed else
                     _("{n} votes cast · R: show the votes").format(n=total))
            if self.reopened:
                state = self.reopened + " · " + state
            self.reveal_rect = draw.badge(surface, ui, state, (x, tag.bottom + 8), theme.panel_alt, theme.text)
            tag = self.reveal_rect
        y = tag.bottom + 14
        inner = PANEL_W - 60
        prompt_role, discuss_role = self.roles[:2]
        y = draw.block(surface, ui, self.node.get("prompt", ""), (x, y, inner, 400), prompt_role, theme.heading,
                       bold=True) + 16
        if self.facilitated and self.discuss_toggle_rect is not None:
            if self.show_discuss:
                for q in self.discuss_points():
                    y = draw.block(surface, ui, "• " + q, (x, y, inner, 200), discuss_role, theme.text) + 4
            else:
                draw.label(surface, ui, _("Show the discussion questions (Q)"), (x, y), role="small",
                           color=theme.heading, bold=True)
        self.group.draw(surface, ui)
        if self.facilitated:
            font = ui.fonts.font("heading", bold=True)
            small = ui.fonts.font("small", bold=True)
            leading = {v.id for v in self.leaders()} if self.revealed else set()
            total = sum(self.votes.values())
            for v, box in self._vote_boxes():
                pygame.draw.rect(surface, theme.panel_alt, box, border_radius=10)
                pygame.draw.rect(surface, theme.border, box, width=2, border_radius=10)
                if v.id in leading:  # the leader: a thick ring and the word, never colour alone
                    button = self.group.widgets[self.views.index(v)].rect
                    pygame.draw.rect(surface, theme.good, button.union(box).inflate(10, 10), width=5,
                                     border_radius=14)
                # the "−" end (take a vote away) and the "+" end (add one), for mouse and touch
                pygame.draw.line(surface, theme.border, (box.x + VOTE_MINUS_W, box.y + 8),
                                 (box.x + VOTE_MINUS_W, box.bottom - 8), 1)
                for sign, cx in (("−", box.x + VOTE_MINUS_W // 2), ("+", box.right - VOTE_MINUS_W // 2)):
                    mark = ui.fonts.render(sign, small, theme.text_muted)
                    surface.blit(mark, mark.get_rect(center=(cx, box.centery)))
                shown = str(self.votes[v.id]) if self.revealed else "?"
                img = ui.fonts.render(shown, font, theme.text)
                surface.blit(img, img.get_rect(center=(box.centerx, box.centery - 6)))
                word = _("vote") if self.votes[v.id] == 1 else _("votes")
                if not self.revealed:
                    word = _("hidden")
                elif v.id in leading:
                    word = _("leading")
                elif total:
                    word = f"{round(100 * self.votes[v.id] / total)} %"
                cap = ui.fonts.render(word, ui.fonts.font("small"), theme.text_muted)
                surface.blit(cap, cap.get_rect(midtop=(box.centerx, box.centery + line_height(font) // 2 - 8)))
