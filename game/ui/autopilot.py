"""The headless autopilot: plays a list of choices through the real UI with synthetic input.

Each frame it looks at the screen on top and posts the input a player would give there (a key or a
click), one action per frame, so every screen is really drawn, handled and (optionally) captured.
"""

from __future__ import annotations

import pygame

from game.engine.autoplay import marks_token, token_marks
from game.ui.events import post_click, post_key
from game.ui.saves import read_save

MAX_FRAMES_ON_ONE_SCREEN = 240


class AutopilotError(ValueError):
    """The script cannot be played (an unknown choice, leftovers after the ending, a stuck screen)."""


class Autopilot:
    def __init__(self, app, story, choices: list[str], resume: bool = True, pace_frames: int = 0):
        self.app = app
        self.pace_frames = pace_frames  # wait this many settled frames before each input (a reader's pace)
        self._settled = 0
        self.story = story
        self.choices = list(choices)
        self.resume = resume
        self.used = 0  # how many of ``choices`` the run has taken
        self._screen = None
        self._frames = 0

    def fail(self, message: str) -> None:
        self.app.error = AutopilotError(message)
        self.app.running = False

    def tick(self) -> None:
        app = self.app
        top = app.scenes.top
        if top is None or not app.running or top.animating or app.needs_redraw:
            self._settled = 0
            return  # not yet drawn, or still animating: wait like a player would
        self._settled += 1
        if self._settled <= self.pace_frames:
            return
        self._settled = 0
        sid = top.screen_id()
        if sid == self._screen:
            self._frames += 1
            if self._frames > MAX_FRAMES_ON_ONE_SCREEN * (1 + self.pace_frames):
                self.fail(f"the headless run is stuck on the screen {sid!r}")
                return
        else:
            self._screen, self._frames = sid, 0
        handler = getattr(self, "on_" + top.name.replace("-", "_"), None)
        if handler is None:
            self.fail(f"the headless run does not know how to get past the screen {sid!r}")
            return
        handler(top)

    # -- helpers --------------------------------------------------------------------------------
    def click(self, scene, label: str) -> None:
        w = scene.find(label)
        if w is None:
            self.fail(f"no {label!r} button on the screen {scene.screen_id()!r}")
            return
        post_click(w.rect.center)

    def _saved_prefix_ok(self, run) -> bool:
        """A save may be resumed only if its decisions are the first ones of our script, by choice id.
        A numbered script never resumes: option numbers count the options then visible, disabled ones
        included, which a save does not keep, so a number cannot be matched to a saved decision."""
        if len(run.history) > len(self.choices):
            return False
        return all(token == (rec.chosen if rec.kind != "assessment" else marks_token(
            i["id"] for i in rec.items if i["marked"])) for rec, token in zip(run.history, self.choices))

    # -- one handler per screen -----------------------------------------------------------------
    def on_title(self, scene) -> None:
        for info in scene.saves:
            if info.story is self.story and self.resume and self._saved_prefix_ok(info.run):
                self.click(scene, "Resume" if not info.run.ended else "See the debrief")
                return
        self.click(scene, "Start a training")

    def on_loading(self, scene) -> None:
        pass  # wait: it finishes by itself

    def on_notice(self, scene) -> None:
        self.click(scene, "OK")

    on_save_problem = on_save_failed = on_exported = on_export_failed = on_unknown_scenario = on_notice

    def on_setup(self, scene) -> None:
        self.click(scene, "Continue")

    def on_select(self, scene) -> None:
        for w in scene.group.widgets:
            if getattr(w, "story", None) is self.story:
                post_key(getattr(pygame, f"K_{w.number}"))
                return
        post_key(pygame.K_PAGEDOWN)

    def on_resume_or_restart(self, scene) -> None:
        info = read_save(self.app.platform, self.story, self.app.save_prefix)
        ok = info is not None and info.run is not None and self.resume and self._saved_prefix_ok(info.run)
        self.click(scene, "Resume" if ok else "Start again")

    def on_content_note(self, scene) -> None:
        post_key(pygame.K_RETURN)

    def on_story(self, scene) -> None:
        post_key(pygame.K_SPACE)

    def on_feedback(self, scene) -> None:
        post_key(pygame.K_RETURN)

    def on_pause(self, scene) -> None:
        post_key(pygame.K_ESCAPE)

    def on_confirm_answer(self, scene) -> None:
        self.click(scene, "Submit this answer")  # assessment mode: the answer is confirmed

    def on_decision(self, scene) -> None:
        run = scene.run
        self.used = max(self.used, len(run.history))  # a resumed run has made some already
        if self.used >= len(self.choices):
            self.fail(f"the choices ran out at decision {scene.node_id!r} "
                      f"(options: {', '.join(v.id for v in scene.views)})")
            return
        token = self.choices[self.used]
        view = None
        if token.isdigit():
            n = int(token)
            view = next((v for v in scene.views if v.index == n), None)
        else:
            view = next((v for v in scene.views if v.id == token), None)
        if view is None or not view.enabled:
            state = "not available" if view is not None else "not an option"
            self.fail(f"choice {token!r} is {state} at decision {scene.node_id!r} "
                      f"(options: {', '.join(v.id for v in scene.views if v.enabled)})")
            return
        if view.index > 9:
            self.fail(f"choice {token!r} is option {view.index}; keys reach 1-9 only")
            return
        if not scene.facilitated:
            post_key(getattr(pygame, f"K_{view.index}"))
            return
        # Facilitated: give the option one vote, then press the play button.
        if scene.votes[view.id] == 0:
            post_key(getattr(pygame, f"K_{view.index}"))
        else:
            post_click(scene.play_button.rect.center)

    def on_assessment(self, scene) -> None:
        """An individual assessment (issue 19): the script's entry is a marks token ('+a+b', '+' for
        none). As a keyboard user would: Tab to each item to change and Space; then Enter on Submit."""
        run = scene.run
        self.used = max(self.used, len(run.history))
        if self.used >= len(self.choices):
            self.fail(f"the choices ran out at assessment {scene.node_id!r}")
            return
        try:
            wanted = token_marks(self.choices[self.used])
        except ValueError as exc:
            self.fail(f"at assessment {scene.node_id!r}: {exc}")
            return
        unknown = sorted(wanted - set(scene.toggles))
        if unknown:
            self.fail(f"{', '.join(unknown)}: not an item of assessment {scene.node_id!r}")
            return
        focused = scene.group.focused
        todo = [t for iid, t in scene.toggles.items() if t.marked != (iid in wanted)]
        if todo:
            post_key(pygame.K_SPACE if focused in todo else pygame.K_TAB)
        else:
            post_key(pygame.K_RETURN if focused is scene.submit_button else pygame.K_TAB)

    def on_confirm_assessment(self, scene) -> None:
        self.click(scene, "Submit the assessment")  # assessment mode: the submission is confirmed

    def on_debrief(self, scene) -> None:
        if self.used < len(self.choices) and len(scene.run.history) < len(self.choices):
            left = self.choices[len(scene.run.history):]
            self.fail(f"{len(left)} choice(s) left over after the ending: {', '.join(left)}")
            return
        self.app.finish(scene.playthrough.card)
