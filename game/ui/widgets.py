"""Controls: buttons, selectors, a text field, and the focus group that routes actions to them.

Each widget says whether it used an action. Focus is always visible: the focused control gets a
filled background, a thick outline in a second colour and a ▶ marker, so it never depends on colour
alone.
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui import actions as A
from game.ui.constants import JOURNEY_HEIGHT
from game.ui.text import fit, line_height, wrap
from game.ui.tr import N_, _

RADIUS = 10


class Widget:
    focusable = True

    def __init__(self, rect=(0, 0, 0, 0)):
        self.rect = pygame.Rect(rect)
        self.enabled = True
        self.hover = False

    def handle(self, action: A.Action, focused: bool) -> bool:
        return False

    def activate(self) -> bool:
        return False

    def draw(self, surface, ui, focused: bool) -> None:
        raise NotImplementedError


def draw_focus_ring(surface, theme, rect: pygame.Rect) -> None:
    pygame.draw.rect(surface, theme.focus_ring, rect.inflate(10, 10), width=4, border_radius=RADIUS + 4)


class Button(Widget):
    """A large button: optional number badge, a wrapped label, an optional second line."""

    def __init__(self, label: str, on_press: Callable[[], None] | None = None, rect=(0, 0, 0, 0),
                 number: int | None = None, enabled: bool = True, note: str = "", role: str = "button",
                 align: str = "left", key: str = ""):
        super().__init__(rect)
        self.label = label
        self.key = key or label  # what find() matches: the English label, or a stable name
        self.on_press = on_press
        self.number = number
        self.enabled = enabled
        self.note = note  # e.g. "not available" for a disabled choice, or "3 votes"
        self.role = role
        self.align = align

    def activate(self) -> bool:
        if not self.enabled:
            return False
        if self.on_press:
            self.on_press()
        return True

    def text_x(self, ui) -> int:
        return self.rect.x + (ui.fonts.px(self.role) * 2 + 18 if self.number is not None else 18)

    def needed_height(self, ui, width: int) -> int:
        font = ui.fonts.font(self.role, bold=True)  # the focused label is bold, and wider
        inner = width - (ui.fonts.px(self.role) * 2 + 18 if self.number is not None else 18) - 20
        lines = wrap(_(self.label), font, inner)
        h = len(lines) * line_height(font) + 20
        if self.note:
            h += line_height(ui.fonts.font("small"))
        return max(h, ui.fonts.px(self.role) * 2 + 12)

    def draw(self, surface, ui, focused: bool) -> None:
        theme, fonts = ui.theme, ui.fonts
        if not self.enabled:
            bg, fg = theme.disabled, theme.disabled_text
        elif focused:
            bg, fg = theme.focus, theme.focus_text
        else:
            bg, fg = theme.button, theme.button_text
        pygame.draw.rect(surface, bg, self.rect, border_radius=RADIUS)
        border = theme.focus_ring if focused else theme.border
        pygame.draw.rect(surface, border, self.rect, width=3 if focused else 2, border_radius=RADIUS)
        if focused:
            draw_focus_ring(surface, theme, self.rect)
        elif self.hover and self.enabled:
            pygame.draw.rect(surface, theme.focus, self.rect, width=3, border_radius=RADIUS)
        x = self.text_x(ui)
        inner = self.rect.right - x - 14
        note_h = line_height(fonts.font("small")) if self.note else 0
        # Shrink (then ellipsize) a label that would spill out of the button, e.g. in a longer language.
        font, lines = fit(fonts, _(self.label), fonts.px(self.role), inner, max_lines=8,
                          height=self.rect.h - note_h - 8, bold=focused)
        lh = line_height(font)
        y = self.rect.y + (self.rect.h - len(lines) * lh - note_h) // 2
        if self.number is not None:
            # The number badge: a circle with the key to press, marked ▶ when focused.
            size = fonts.px(self.role) + 14
            cx, cy = self.rect.x + 14 + size // 2, self.rect.centery
            pygame.draw.circle(surface, fg, (cx, cy), size // 2, width=0 if focused else 2)
            num_color = bg if focused else fg
            img = fonts.render(str(self.number), fonts.font(self.role, bold=True), num_color)
            surface.blit(img, img.get_rect(center=(cx, cy)))
        elif focused:
            # A ▶ marker as a second, non-colour sign of focus, where it does not crowd the label.
            mark = fonts.render("▶", fonts.font_px(fonts.px(self.role), False), fg)
            widest = max((font.size(line)[0] for line in lines), default=0)
            text_left = x if self.align == "left" else self.rect.x + (self.rect.w - widest) // 2
            if self.align == "left":
                x = max(x, self.rect.x + 14 + mark.get_width())
                text_left = x
            if self.rect.x + 8 + mark.get_width() + 4 <= text_left:
                surface.blit(mark, (self.rect.x + 8, self.rect.centery - mark.get_height() // 2))
        for line in lines:
            img = fonts.render(line, font, fg)
            lx = x if self.align == "left" else self.rect.x + (self.rect.w - img.get_width()) // 2
            surface.blit(img, (lx, y))
            y += lh
        if self.note:
            img = fonts.render(_(self.note), fonts.font("small", bold=True), fg)
            lx = x if self.align == "left" else self.rect.x + (self.rect.w - img.get_width()) // 2
            surface.blit(img, (lx, y))


def draw_field_label(surface, ui, text: str, rect: pygame.Rect, right: int, bold: bool, color) -> None:
    """The label of a selector or text field, in the room left of its value (``right``): one or two
    lines, shrunk or ellipsized to fit, so it never runs under the value."""
    fonts = ui.fonts
    width = right - (rect.x + 18) - 12
    font, lines = fit(fonts, text, fonts.px("button"), width, max_lines=2, height=rect.h - 8, bold=bold)
    lh = font.get_linesize()
    y = rect.centery - lh * len(lines) // 2
    for line in lines:
        surface.blit(fonts.render(line, font, color), (rect.x + 18, y))
        y += lh


class Selector(Widget):
    """A labelled value chosen from a list: ◀ value ▶. Left/Right, Enter or a click change it."""

    def __init__(self, label: str, options: list[tuple[object, str]], index: int = 0,
                 on_change: Callable[[object], None] | None = None, rect=(0, 0, 0, 0)):
        super().__init__(rect)
        self.label = label
        self.options = options
        self.index = max(0, min(index, len(options) - 1))
        self.on_change = on_change

    @property
    def value(self):
        return self.options[self.index][0]

    def step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.options)
        if self.on_change:
            self.on_change(self.value)

    def handle(self, action: A.Action, focused: bool) -> bool:
        if focused and action.kind == A.LEFT:
            self.step(-1)
            return True
        if focused and action.kind == A.RIGHT:
            self.step(+1)
            return True
        return False

    def activate(self) -> bool:
        self.step(+1)
        return True

    def click(self, pos) -> bool:
        # The left third of the value area steps back; the rest steps forward.
        value_area = self._value_rect()
        if value_area.collidepoint(pos) and pos[0] < value_area.x + 60:
            self.step(-1)
        else:
            self.step(+1)
        return True

    def _value_rect(self) -> pygame.Rect:
        return pygame.Rect(self.rect.x + self.rect.w * 45 // 100, self.rect.y, self.rect.w * 55 // 100, self.rect.h)

    def draw(self, surface, ui, focused: bool) -> None:
        theme, fonts = ui.theme, ui.fonts
        bg = theme.focus if focused else theme.button
        fg = theme.focus_text if focused else theme.button_text
        pygame.draw.rect(surface, bg, self.rect, border_radius=RADIUS)
        pygame.draw.rect(surface, theme.focus_ring if focused else theme.border, self.rect,
                         width=3 if focused else 2, border_radius=RADIUS)
        if focused:
            draw_focus_ring(surface, theme, self.rect)
        font = fonts.font("button", bold=focused)
        va = self._value_rect()
        draw_field_label(surface, ui, _(self.label), self.rect, va.x, focused, fg)
        left = fonts.render("◀", font, fg)
        right = fonts.render("▶", font, fg)
        surface.blit(left, (va.x + 10, va.centery - left.get_height() // 2))
        surface.blit(right, (va.right - 16 - right.get_width(), va.centery - right.get_height() // 2))
        value = fonts.render(_(self.options[self.index][1]), fonts.font("button", bold=True), fg)
        surface.blit(value, value.get_rect(center=va.center))


class TextField(Widget):
    """A short text entry for a pseudonym or a facilitator's code (desktop typing; values can also
    come from the URL or the command line, so no soft keyboard is needed)."""

    ALLOWED = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. ")

    def __init__(self, label: str, value: str = "", max_len: int = 24, rect=(0, 0, 0, 0),
                 on_change: Callable[[str], None] | None = None):
        super().__init__(rect)
        self.label = label
        self.value = value
        self.max_len = max_len
        self.on_change = on_change

    def handle(self, action: A.Action, focused: bool) -> bool:
        if not focused:
            return False
        if action.kind == A.TEXT and action.text:
            typed = "".join(ch for ch in action.text if ch in self.ALLOWED)
            self.value = (self.value + typed)[: self.max_len]
            if self.on_change:
                self.on_change(self.value)
            return True
        if action.kind == A.BACK:
            self.value = self.value[:-1]
            if self.on_change:
                self.on_change(self.value)
            return True
        # Digits and Space arrive both as keys and as typed text; the text event carries them.
        return action.kind in (A.SELECT, A.ADVANCE, A.LEFT, A.RIGHT, A.INCREASE, A.DECREASE)

    def box(self) -> pygame.Rect:
        """Where the typed value is shown."""
        return pygame.Rect(self.rect.x + self.rect.w * 45 // 100, self.rect.y + 6, self.rect.w * 55 // 100 - 8,
                           self.rect.h - 12)

    def draw(self, surface, ui, focused: bool) -> None:
        theme, fonts = ui.theme, ui.fonts
        pygame.draw.rect(surface, theme.button, self.rect, border_radius=RADIUS)
        pygame.draw.rect(surface, theme.focus_ring if focused else theme.border, self.rect,
                         width=3 if focused else 2, border_radius=RADIUS)
        if focused:
            draw_focus_ring(surface, theme, self.rect)
        box = self.box()
        draw_field_label(surface, ui, _(self.label), self.rect, box.x, focused, theme.button_text)
        pygame.draw.rect(surface, theme.panel, box, border_radius=6)
        pygame.draw.rect(surface, theme.border, box, width=1, border_radius=6)
        shown = self.value + ("|" if focused else "")
        if not self.value and not focused:
            img = fonts.render(_("(optional)"), fonts.font("button"), theme.text_muted)
        else:
            img = fonts.render(shown, fonts.font("button"), theme.text)
        surface.blit(img, (box.x + 10, box.centery - img.get_height() // 2))


class FocusGroup:
    """Routes actions to widgets: focus moves with Tab/arrows, numbers press numbered buttons,
    Enter/Space press the focused one, the pointer presses what it is released over."""

    def __init__(self, widgets: list[Widget] | None = None, focus: int = 0):
        self.widgets: list[Widget] = list(widgets or [])
        self.focus = focus
        self._pressed: Widget | None = None
        self._fix_focus(+1)

    def set(self, widgets: list[Widget], focus: int | None = None) -> None:
        self.widgets = list(widgets)
        if focus is not None:
            self.focus = focus
        self.focus = min(self.focus, max(0, len(self.widgets) - 1))
        self._fix_focus(+1)

    @property
    def focused(self) -> Widget | None:
        if 0 <= self.focus < len(self.widgets):
            return self.widgets[self.focus]
        return None

    def _fix_focus(self, direction: int) -> None:
        n = len(self.widgets)
        if n == 0:
            return
        if not any(w.focusable and w.enabled for w in self.widgets):
            self.focus = -1  # nothing to focus (pointer-only controls)
            return
        self.focus = max(0, self.focus)
        for _ in range(n):
            w = self.widgets[self.focus % n]
            if w.focusable and w.enabled:
                self.focus %= n
                return
            self.focus = (self.focus + direction) % n

    def move(self, delta: int) -> None:
        if not self.widgets:
            return
        self.focus = (self.focus + delta) % len(self.widgets)
        self._fix_focus(delta)

    def at(self, pos) -> Widget | None:
        for w in self.widgets:
            if w.rect.collidepoint(pos):
                return w
        return None

    def handle(self, action: A.Action) -> bool:
        focused = self.focused
        if focused is not None and focused.handle(action, True):
            return True
        kind = action.kind
        if kind in (A.FOCUS_NEXT, A.RIGHT):
            self.move(+1)
            return True
        if kind in (A.FOCUS_PREV, A.LEFT):
            self.move(-1)
            return True
        if kind in (A.ACTIVATE, A.ADVANCE) and focused is not None:
            return focused.activate()
        if kind == A.SELECT:
            for i, w in enumerate(self.widgets):
                if getattr(w, "number", None) == action.index + 1:
                    if w.enabled:
                        self.focus = i
                        return w.activate()
                    return True  # a disabled choice: consumed, nothing happens
            return False
        if kind == A.POINTER_MOVE:
            changed = False
            for w in self.widgets:
                over = w.rect.collidepoint(action.pos)
                changed |= over != w.hover
                w.hover = over
            return changed
        if kind == A.POINTER_DOWN:
            self._pressed = self.at(action.pos)
            return self._pressed is not None
        if kind == A.POINTER_UP:
            target, self._pressed = self._pressed, None
            if target is not None and target is self.at(action.pos) and target.enabled:
                if target.focusable:
                    self.focus = self.widgets.index(target)
                if isinstance(target, Selector):
                    return target.click(action.pos)
                return target.activate() or True
            return False
        return False

    def draw(self, surface, ui) -> None:
        for i, w in enumerate(self.widgets):
            w.draw(surface, ui, i == self.focus)


def menu_button(ui, on_press, compact_at=None) -> Button:
    """The pointer's way to the pause menu (the keyboard has Esc). ``compact_at``: a (right, top)
    corner for a one-line button inside a panel; otherwise a two-line button below the journey bar."""
    if compact_at is not None:
        b = Button(N_("Menu (Esc)"), on_press, align="center", role="small")
        font = ui.fonts.font("small", bold=True)
        w, h = font.size(_(b.label))[0] + 40, font.get_height() + 12
        b.rect = pygame.Rect(compact_at[0] - w, compact_at[1], w, h)
    else:
        b = Button(N_("Menu"), on_press, align="center", note=N_("Esc"))
        width = max(120, ui.fonts.font("button").size(_(b.label))[0] + 40)
        b.rect = pygame.Rect(20, JOURNEY_HEIGHT + 14, width, ui.fonts.px("button") + ui.fonts.px("small") + 26)
    b.focusable = False  # a pointer target; the keyboard has Esc
    return b


def find_control(widgets, label: str):
    """The first control whose ``key`` is ``label``, else the first whose label is or starts with it
    (the autopilot and the tests' Pilot find buttons so); None if there is none."""
    for w in widgets:
        if getattr(w, "key", None) == label:
            return w
    for w in widgets:
        text = getattr(w, "label", "")
        if text == label or text.startswith(label):
            return w
    return None
