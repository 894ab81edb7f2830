"""Raw pygame input turned into actions before any scene sees it.

Scenes and widgets react to what the player means (advance, select option 3, focus the next control,
go back, open the menu, activate) rather than to keys, so keyboard, mouse and touch behave alike and
the key map lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

ADVANCE = "advance"  # Space: continue the text
ACTIVATE = "activate"  # Enter: press the focused control
SELECT = "select"  # number keys: option n (index from 0)
FOCUS_NEXT = "focus_next"  # Tab, Down
FOCUS_PREV = "focus_prev"  # Shift+Tab, Up
LEFT = "left"  # Left arrow: previous value of a selector (else previous control)
RIGHT = "right"  # Right arrow
BACK = "back"  # Backspace (when no text field takes it)
MENU = "menu"  # Escape: the pause menu, or close a dialog
PAGE_UP = "page_up"
PAGE_DOWN = "page_down"
INCREASE = "increase"  # + : one more vote for the focused option (facilitated mode)
DECREASE = "decrease"  # - : one vote fewer
QUESTIONS = "questions"  # Q: show or hide the discussion questions (facilitated mode)
REVEAL = "reveal"  # R: show or hide the room's vote counts (facilitated mode)
UNDO = "undo"  # U: take back the last vote typed in by hand (facilitated mode)
OVERRULE = "overrule"  # O: after the reveal, play another option than the room's, with a reason
COUNT = "count"  # C: type the number of votes cast by hand for the focused option (facilitated mode)
READ_ALOUD = "read_aloud"  # V: the browser reads each screen aloud, or stops (self-voicing)
POINTER_DOWN = "pointer_down"
POINTER_UP = "pointer_up"
POINTER_MOVE = "pointer_move"
SCROLL = "scroll"
TEXT = "text"  # typed characters (desktop text entry)
QUIT = "quit"


@dataclass(frozen=True)
class Action:
    kind: str
    index: int | None = None
    pos: tuple[int, int] | None = None
    text: str | None = None
    amount: int = 0
    shift: bool = False
    tab: bool = False  # focus moves from Tab (arrows may scroll instead)

    def __str__(self) -> str:
        extra = self.index if self.index is not None else (self.pos or self.text or "")
        return f"{self.kind}({extra})" if extra != "" else self.kind


_KEYS = {
    pygame.K_SPACE: ADVANCE,
    pygame.K_RETURN: ACTIVATE,
    pygame.K_KP_ENTER: ACTIVATE,
    pygame.K_DOWN: FOCUS_NEXT,
    pygame.K_UP: FOCUS_PREV,
    pygame.K_LEFT: LEFT,
    pygame.K_RIGHT: RIGHT,
    pygame.K_BACKSPACE: BACK,
    pygame.K_q: QUESTIONS,
    pygame.K_r: REVEAL,
    pygame.K_u: UNDO,
    pygame.K_o: OVERRULE,
    pygame.K_c: COUNT,
    pygame.K_v: READ_ALOUD,
    pygame.K_ESCAPE: MENU,
    pygame.K_PAGEUP: PAGE_UP,
    pygame.K_PAGEDOWN: PAGE_DOWN,
    pygame.K_PLUS: INCREASE,
    pygame.K_EQUALS: INCREASE,
    pygame.K_KP_PLUS: INCREASE,
    pygame.K_MINUS: DECREASE,
    pygame.K_KP_MINUS: DECREASE,
}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
_DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})


def map_event(event: pygame.event.Event, size: tuple[int, int]) -> Action | None:
    """The action an event means, or None. ``size`` is the logical surface (touch coordinates are
    fractions of it)."""
    t = event.type
    if t == pygame.QUIT:
        return Action(QUIT)
    if t == pygame.KEYDOWN:
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if event.key == pygame.K_TAB:
            return Action(FOCUS_PREV if shift else FOCUS_NEXT, shift=shift, tab=True)
        if event.key in _DIGITS:
            return Action(SELECT, index=_DIGITS[event.key] - 1, shift=shift)
        kind = _KEYS.get(event.key)
        return Action(kind, shift=shift) if kind else None
    if t == pygame.TEXTINPUT:
        return Action(TEXT, text=event.text)
    if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
        if getattr(event, "touch", False):
            return None  # SDL mirrors touches as mouse events; the FINGER event is handled instead
        if t == pygame.MOUSEMOTION:
            return Action(POINTER_MOVE, pos=tuple(event.pos))
        if event.button != 1:
            return None
        return Action(POINTER_DOWN if t == pygame.MOUSEBUTTONDOWN else POINTER_UP, pos=tuple(event.pos))
    if t == pygame.MOUSEWHEEL:
        return Action(SCROLL, amount=int(event.y))
    if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
        pos = (int(event.x * size[0]), int(event.y * size[1]))
        if t == pygame.FINGERMOTION:
            return Action(POINTER_MOVE, pos=pos)  # a finger dragging: scrolled views follow it
        return Action(POINTER_DOWN if t == pygame.FINGERDOWN else POINTER_UP, pos=pos)
    return None
