"""The screen-reader layer, Python side (docs/CONTRACTS.md §10): the real UI driven headless, the
description of every screen kind as the platform receives it (``platform.announce``), and the
mirrored buttons pressed back through ``platform.poll_actions`` as the page would press them."""

from __future__ import annotations

import json
from functools import lru_cache

import pygame

from game.engine import Story, auto_choices
from game.engine.l10n import story_language
from game.platform.browser import BrowserPlatform
from tests.ui.driving import focus_and_enter, open_story, play_to_debrief
from tests.ui.stories import SCENARIOS, compiled

KEYS = {"v", "screen", "id", "lang", "title", "stage", "live", "say", "text", "actions", "focus", "dialog", "voice"}


def tutorial() -> Story:
    return compiled(str(SCENARIOS / "tutorial.yaml"))


@lru_cache(maxsize=None)
def bulgarian_tutorial() -> Story:
    from game.i18n.build import translated_stories

    data = translated_stories(SCENARIOS, ["bg"])
    name = next(n for n in sorted(data) if "tutorial" in n)
    return Story.from_json(data[name], source=name)


def models(platform) -> list[dict]:
    return list(getattr(platform, "a11y_log", []))


def first(platform, screen: str) -> dict:
    found = [m for m in models(platform) if m["screen"] == screen]
    assert found, f"no {screen!r} screen described; saw {sorted({m['screen'] for m in models(platform)})}"
    return found[0]


def check_shape(model: dict) -> None:
    assert set(model) == KEYS, model
    assert model["v"] == 1
    json.dumps(model)  # plain data: crosses into the page as a JSON text
    assert all(isinstance(s, str) and s for s in model["say"] + model["text"])
    ids = [a["id"] for a in model["actions"]]
    assert len(ids) == len(set(ids)), ids
    assert all(a["label"] for a in model["actions"])
    assert model["focus"] in ids + [""]
    assert model["live"] in ("polite", "assertive")


def play_all_screens(pilot, story) -> None:
    """Title, settings, setup, select, content note, story, pause, decision, feedback, debrief."""
    focus_and_enter(pilot, "Settings")
    pilot.press(pygame.K_ESCAPE)
    open_story(pilot, story)
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene.name == "pause"
    pilot.press(pygame.K_ESCAPE)
    play_to_debrief(pilot, auto_choices(story, 1))
    pilot.press(pygame.K_RETURN)  # the focused button: the "Your decisions" tab


def test_every_screen_kind_is_described_in_english(make_pilot, platform):
    story = tutorial()
    pilot = make_pilot([story])
    play_all_screens(pilot, story)
    assert pilot.app.a11y_errors == []
    kinds = {m["screen"] for m in models(platform)}
    assert {"title", "settings", "setup", "select", "content-note", "story", "pause", "decision", "feedback",
            "debrief"} <= kinds, kinds
    for m in models(platform):
        check_shape(m)
        assert m["lang"] == "en" and m["title"]

    title = first(platform, "title")
    assert title["title"] == "RightsPath" and "Start a training" in [a["label"] for a in title["actions"]]
    assert title["focus"] == "control-start-a-training"

    note = first(platform, "content-note")
    assert note["dialog"] is True and note["live"] == "assertive"
    assert note["title"].startswith("Content note:") and [a["label"] for a in note["actions"]] == ["Start", "Back"]

    line = first(platform, "story")
    first_line = story.nodes[story.start]["lines"][0]
    assert line["say"][0].endswith(first_line["text"]) and line["stage"] == "First contact"
    assert [a["id"] for a in line["actions"]] == ["continue", "menu"]

    # Earlier lines of a scene stay readable: the last line of the first scene lists all before it.
    scene_lines = [m for m in models(platform) if m["id"].startswith(f"story:{story.start}:")]
    last = scene_lines[-1]
    assert len(last["text"]) == len(story.nodes[story.start]["lines"]) + 1  # + "Line n of N"

    decision = first(platform, "decision")
    node = story.nodes[decision["id"].split(":", 1)[1]]
    assert node["prompt"] in decision["say"] and decision["say"][0].startswith("You act as:")
    options = [a for a in decision["actions"] if a["id"].startswith("option-")]
    assert len(options) == len(node["choices"])
    texts = {c["text"] for c in node["choices"]}
    for n, a in enumerate(options, 1):
        assert a["id"] == f"option-{n}" and a["label"].startswith(f"{n}. ")
        assert a["label"][len(f"{n}. "):] in texts
    assert decision["actions"][-1]["id"] == "menu"

    fb = first(platform, "feedback")
    assert fb["live"] == "assertive"
    assert fb["say"][0] in ("Recommended choice", "Partly right: a better option was available", "Not recommended")
    assert fb["say"][1].startswith("You chose: ")
    assert "Why" in fb["text"] and "The rights at stake" in fb["text"]
    assert any(t.startswith(("Upholds ", "Breaches ")) for t in fb["text"])

    summary = first(platform, "debrief")
    assert summary["id"] == "debrief:summary" and summary["title"].startswith("Debrief — ")
    card = pilot.scene.card
    assert summary["say"][1].startswith(f"{round(card.scaled * 100)}% — ")
    assert [a["label"] for a in summary["actions"]] == ["Your decisions", "Export results", "Play again", "Main menu"]
    decisions = [m for m in models(platform) if m["id"] == "debrief:decisions"][-1]
    assert sum(1 for t in decisions["text"] if t.startswith(("You chose option", "You chose:"))) == card.decisions


def test_every_screen_kind_is_described_in_bulgarian(make_pilot, platform):
    story = bulgarian_tutorial()
    assert story_language(story) == "bg"
    pilot = make_pilot([story], language="bg")
    play_all_screens(pilot, story)
    assert pilot.app.a11y_errors == []
    for m in models(platform):
        check_shape(m)
        assert m["lang"] == "bg"
    assert first(platform, "title")["actions"][0]["label"] == "Започнете обучение"
    assert first(platform, "story")["title"] == "История"
    decision = first(platform, "decision")
    assert decision["title"] == "Решение" and decision["say"][0].startswith("Вашата роля:")
    node = story.nodes[decision["id"].split(":", 1)[1]]
    assert node["prompt"] in decision["say"]
    assert first(platform, "feedback")["title"] == "Обратна връзка"
    assert first(platform, "setup")["title"] == "Преди да започнете"
    assert first(platform, "debrief")["title"].startswith("Обобщение – ")
    stages = {m["stage"] for m in models(platform) if m["stage"]}
    assert "Първи контакт" in stages, stages


def test_mirrored_buttons_act_through_the_same_actions_as_the_keys(make_pilot, platform):
    story = tutorial()
    pilot = make_pilot([story])
    app = pilot.app

    def press(action: str, screen: str | None = None) -> None:
        platform.press_action(screen if screen is not None else app.a11y_model["id"], action)
        pilot.step()

    press("control-start-a-training")
    assert pilot.scene.name == "setup"
    press("control-continue")
    assert pilot.scene.name == "select"
    press(f"scenario-{story.id}")
    assert pilot.scene.name == "content-note"
    press("control-start")
    pilot.settle()
    assert pilot.scene.name == "story"
    line = pilot.scene.line
    press("continue")
    assert pilot.scene.line == line + 1
    press("menu")
    assert pilot.scene.name == "pause"
    press("control-resume")
    assert pilot.scene.name == "story"
    for _ in range(50):
        if pilot.scene.name == "decision":
            break
        press("continue")
    scene = pilot.scene
    assert scene.name == "decision"
    before = len(scene.run.history)
    # A press meant for an earlier screen is never carried out on this one.
    press("option-2", screen="story:gone:0:0")
    assert len(scene.run.history) == before and pilot.scene is scene
    # Two presses queued at once: the first acts, the second waits for the next screen's description.
    platform.press_action(app.a11y_model["id"], "option-2")
    platform.press_action(app.a11y_model["id"], "option-2")
    pilot.step()
    assert len(scene.run.history) == before + 1
    assert scene.run.history[-1].chosen == scene.views[1].id  # option 2 as shown, as the key 2 takes
    assert pilot.scene.name == "feedback"
    assert platform.poll_actions() == []
    press("control-continue")
    assert pilot.scene.name in ("story", "decision")


def test_browser_bridge_passes_json_both_ways():
    """game/platform/browser.py against the page's rpA11y: render(json text) and take() -> json text."""

    class Layer:
        def __init__(self):
            self.rendered = []
            self.queued = json.dumps([{"screen": "decision:a", "action": "option-1"}, "junk"])

        def render(self, text):
            self.rendered.append(text)
            return True

        def take(self):
            out, self.queued = self.queued, "[]"
            return out

    class Window:
        rpA11y = Layer()

    window = Window()
    bp = BrowserPlatform(window=window, environ={})
    model = {"v": 1, "title": "Решение", "say": ["Етап"], "actions": []}
    bp.announce(model)
    assert json.loads(window.rpA11y.rendered[0]) == model and "Решение" in window.rpA11y.rendered[0]
    assert bp.poll_actions() == [{"screen": "decision:a", "action": "option-1"}]
    assert bp.poll_actions() == []

    class Broken:
        pass

    quiet = BrowserPlatform(window=Broken(), environ={})
    quiet.announce(model)  # no layer on the page: nothing raised into the game
    assert quiet.poll_actions() == []


def test_v_switches_reading_aloud_in_the_description_but_not_while_typing(make_pilot, platform):
    story = tutorial()
    pilot = make_pilot([story])
    app = pilot.app
    assert app.a11y_model["voice"] is False
    pilot.press(pygame.K_v)
    assert app.prefs.read_aloud is True and app.a11y_model["voice"] is True
    pilot.press(pygame.K_v)
    assert app.a11y_model["voice"] is False
    focus_and_enter(pilot, "Start a training")
    field = pilot.widget("Pseudonym or code")
    while pilot.scene.group.focused is not field:
        pilot.press(pygame.K_TAB)
    pilot.press(pygame.K_v)
    assert field.value == "v" and app.prefs.read_aloud is False
