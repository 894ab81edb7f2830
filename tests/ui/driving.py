"""Playing through the real scenes with a Pilot, the way a player would: keys, mouse or touch."""

from __future__ import annotations

import pygame

from game.engine import play_choices

MAX_STEPS = 2000


def open_story(pilot, story, via: str = "keys") -> None:
    """From the title screen to the first screen of ``story``."""
    assert pilot.scene.name == "title", pilot.screen
    if via == "keys":
        focus_and_enter(pilot, "Start a training")
        assert pilot.scene.name == "setup", pilot.screen
        focus_and_enter(pilot, "Continue")
        assert pilot.scene.name == "select", pilot.screen
        index = next(i for i, w in enumerate(pilot.scene.group.widgets) if w.story is story)
        while pilot.scene.group.focus != index:
            pilot.press(pygame.K_RIGHT)
        pilot.press(pygame.K_RETURN)
        if pilot.scene.name == "resume-or-restart":
            focus_and_enter(pilot, "Start again")
        assert pilot.scene.name == "content-note", pilot.screen
        pilot.press(pygame.K_RETURN)
    else:
        act = pilot.click if via == "mouse" else pilot.tap
        act("Start a training")
        act("Continue")
        card = next(w for w in pilot.scene.group.widgets if w.story is story)
        act(card)
        if pilot.scene.name == "resume-or-restart":
            act("Start again")
        assert pilot.scene.name == "content-note", pilot.screen
        act("Start")
    assert pilot.scene.name in ("story", "decision"), pilot.screen


def focus_and_enter(pilot, label: str) -> None:
    """Move focus with Tab until ``label`` is focused, then press Enter (keyboard only)."""
    group = pilot.scene.group
    target = pilot.widget(label)
    for _ in range(len(group.widgets) + 1):
        if group.focused is target:
            pilot.press(pygame.K_RETURN)
            return
        pilot.press(pygame.K_TAB)
    raise AssertionError(f"could not focus {label!r} on {pilot.screen}")


def play_to_debrief(pilot, choices: list[str], via: str = "numbers") -> list[str]:
    """Play ``choices`` through the scenes until the debrief; return the names of the screens met.

    via: "numbers" (keys 1-9), "arrows" (Down/Up then Enter), "mouse" (clicks only), "touch" (taps only).
    """
    queue = list(choices)
    seen: list[str] = []
    for _ in range(MAX_STEPS):
        scene = pilot.scene
        name = scene.name
        if not seen or seen[-1] != name:
            seen.append(name)
        if name == "debrief":
            assert not queue, f"choices left over: {queue}"
            return seen
        if name == "confirm-answer":  # assessment mode: the chosen answer is submitted
            if via in ("mouse", "touch"):
                (pilot.click if via == "mouse" else pilot.tap)("Submit this answer")
            else:
                pilot.press(pygame.K_RETURN)
            queue.pop(0)
            continue
        if name == "story":
            if via in ("mouse", "touch"):
                (pilot.click if via == "mouse" else pilot.tap)((640, 600))
            else:
                pilot.press(pygame.K_SPACE)
        elif name == "feedback":
            if via in ("mouse", "touch"):
                (pilot.click if via == "mouse" else pilot.tap)("Continue")
            else:
                pilot.press(pygame.K_RETURN)
        elif name == "decision":
            assert queue, f"ran out of choices at {scene.node_id}"
            cid = queue[0]
            index = next(i for i, v in enumerate(scene.views) if v.id == cid)
            button = scene.group.widgets[index]
            before = len(scene.run.history)
            if scene.facilitated:
                _vote_and_play(pilot, scene, index, via)
            elif via == "numbers":
                pilot.press(getattr(pygame, f"K_{index + 1}"))
            elif via == "arrows":
                for _ in range(len(scene.views) + 1):
                    if scene.group.focused is button:
                        break
                    pilot.press(pygame.K_DOWN)
                assert scene.group.focused is button
                pilot.press(pygame.K_RETURN)
            elif via == "mouse":
                pilot.click(button)
            else:
                pilot.tap(button)
            if pilot.scene.name == "confirm-answer":
                continue  # popped once submitted
            assert len(scene.run.history) == before + 1, f"the choice {cid!r} was not taken on {pilot.screen}"
            queue.pop(0)
        elif name == "assessment":
            assert queue, f"ran out of choices at {scene.node_id}"
            before = len(scene.run.history)
            _mark_and_submit(pilot, scene, queue[0], via)
            if pilot.scene.name == "confirm-assessment":
                if via in ("mouse", "touch"):
                    (pilot.click if via == "mouse" else pilot.tap)("Submit the assessment")
                else:
                    pilot.press(pygame.K_RETURN)
            assert len(scene.run.history) == before + 1, f"the assessment {queue[0]!r} was not taken on {pilot.screen}"
            queue.pop(0)
        else:
            raise AssertionError(f"unexpected screen {pilot.screen}")
    raise AssertionError("no debrief reached")


def _mark_and_submit(pilot, scene, token: str, via: str) -> None:
    """An assessment's marks token ("+a+b"; "+" alone marks nothing): toggle every item whose mark
    differs (keys: Tab to it, Space; else a click or a tap), then submit the form."""
    wanted = {iid for iid in token.split("+") if iid}
    act = {"mouse": pilot.click, "touch": pilot.tap}.get(via)
    for iid, toggle in scene.toggles.items():
        if toggle.marked == (iid in wanted):
            continue
        if act:
            act(toggle)
        else:
            for _ in range(len(scene.group.widgets) + 1):
                if scene.group.focused is toggle:
                    break
                pilot.press(pygame.K_TAB)
            pilot.press(pygame.K_SPACE)
        assert toggle.marked == (iid in wanted), f"{iid} did not toggle on {pilot.screen}"
    if act:
        act(scene.submit_button)
    else:
        for _ in range(len(scene.group.widgets) + 1):
            if scene.group.focused is scene.submit_button:
                break
            pilot.press(pygame.K_TAB)
        pilot.press(pygame.K_RETURN)


def _vote_and_play(pilot, scene, index: int, via: str) -> None:
    """Facilitated: two votes for the room's option, one for another, then play."""
    act = {"mouse": pilot.click, "touch": pilot.tap}.get(via)
    others = [i for i, v in enumerate(scene.views) if i != index and v.enabled]
    for i in [index, index] + others[:1]:
        if act:
            act(scene.group.widgets[i])
        else:
            pilot.press(getattr(pygame, f"K_{i + 1}"))
    assert scene.votes[scene.views[index].id] == 2
    if act:
        act(scene.play_button)
    else:
        focus_and_enter(pilot, "Play the room's choice")


def engine_score(story, choices):
    return play_choices(story, choices).score()
