"""The screen description: what is on screen as plain data, for the page's screen-reader layer.

After every frame that drew, the App asks :func:`describe` for the current screen and hands the
result to ``platform.announce(model)`` when it changed (docs/CONTRACTS.md §10). The model is dicts,
lists and strings only, in the player's language, built from the same texts the screens draw:

    {"v": 1, "screen": "decision", "id": "decision:greet", "lang": "en",
     "title": "Decision", "stage": "First contact", "live": "polite" | "assertive",
     "say": [...],      # what is new on this screen, to be read out now (the live region)
     "text": [...],     # everything the screen shows, in reading order
     "actions": [{"id": "option-1", "label": "1. Greet her…", "enabled": true, "focused": false}, ...],
     "focus": "option-1" | "", "dialog": false}

The page sends back the ids of the actions the player pressed (``platform.poll_actions()``:
``[{"screen": id, "action": id}]``); :func:`perform` carries one out through the same actions as the
keys (number keys for options, focus + Enter for buttons, Space to continue, Esc for the menu), and
ignores one meant for a screen that is no longer shown.
"""

from __future__ import annotations

from game.engine.story import discussion
from game.engine.vocab import OUTCOME_LABELS, ROLE_LABELS, STAGE_LABELS
from game.ui import actions as A
from game.ui import verdicts as verdict_words
from game.ui.labels import MODE_LABELS
from game.ui.screens.dialog import Dialog
from game.ui.screens.overrule import overrule_line
from game.ui.screens.title import SUBTITLE, TAGLINE
from game.ui.tr import N_, _
from game.ui.widgets import Selector, TextField

VERSION = 1

# The heading of each screen kind (the scene's name); a dialog's heading is its own title.
TITLES = {
    "title": "RightsPath",
    "setup": N_("Before you start"),
    "select": N_("Choose a scenario"),
    "loading": N_("Preparing the scenes…"),
    "story": N_("Story"),
    "decision": N_("Decision"),
    "feedback": N_("Feedback"),
    "debrief": N_("Debrief"),
    "settings": N_("Settings"),
}


def _t(text) -> str:
    return _(str(text)) if text else ""


def _label(widget) -> str:
    """What a control says, as drawn: its translated label, its value, its note."""
    if isinstance(widget, Selector):
        return f"{_t(widget.label)}: {_t(widget.options[widget.index][1])}"
    if isinstance(widget, TextField):
        return f"{_t(widget.label)}: {widget.value or _('(optional)')}"
    label = _t(getattr(widget, "label", ""))
    number = getattr(widget, "number", None)
    if number is not None:
        label = f"{number}. {label}"
    note = getattr(widget, "note", "")
    if note:
        label += f" ({_t(note)})"
    return label


class _Builder:
    def __init__(self, app, scene):
        self.app = app
        self.scene = scene
        self.actions: list[dict] = []
        self.handlers: dict[str, object] = {}
        self.focus = ""

    def add(self, action_id: str, label: str, handler, enabled: bool = True, focused: bool = False) -> None:
        if action_id in self.handlers:
            n = 2
            while f"{action_id}-{n}" in self.handlers:
                n += 1
            action_id = f"{action_id}-{n}"
        self.actions.append({"id": action_id, "label": label, "enabled": bool(enabled), "focused": bool(focused)})
        self.handlers[action_id] = handler
        if focused:
            self.focus = action_id

    def group(self, group, prefix: str = "control", options: bool = False) -> None:
        """Every focusable control of a focus group, pressed as Enter on it would."""
        if group is None:
            return
        for i, w in enumerate(group.widgets):
            if not getattr(w, "focusable", True):
                continue
            if isinstance(w, TextField):
                continue  # typed on the keyboard (or given by the link); read out in the text
            number = getattr(w, "number", None)
            if options and number is not None:
                self.add(f"option-{number}", _label(w), _select(self.scene, number - 1),
                         enabled=w.enabled, focused=i == group.focus)
            else:
                key = getattr(w, "key", "") or getattr(w, "label", "") or str(i)
                self.add(f"{prefix}-{_slug(key)}", _label(w), _press(self.scene, group, i),
                         enabled=getattr(w, "enabled", True), focused=i == group.focus)

    def menu(self) -> None:
        """The pointer-only Menu button of the play screens (Esc)."""
        self.add("menu", _("Menu (Esc)"), _key(self.scene, A.MENU))


def _slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in str(text))
    return "-".join(part for part in out.split("-") if part)[:40] or "control"


def _press(scene, group, index):
    def run():
        group.focus = index
        return scene.handle(A.Action(A.ACTIVATE))
    return run


def _select(scene, index):
    return lambda: scene.handle(A.Action(A.SELECT, index=index))


def _key(scene, kind):
    return lambda: scene.handle(A.Action(kind))


def _stage(app, scene) -> str:
    playthrough = getattr(app, "playthrough", None)
    stage = ""
    node = getattr(scene, "node", None)
    if isinstance(node, dict) and node.get("stage"):
        stage = node["stage"]
    elif playthrough is not None and getattr(playthrough, "run", None) is not None and scene.name in (
            "story", "decision", "feedback"):
        stage = playthrough.run.stage
    return _t(STAGE_LABELS.get(stage, stage)) if stage else ""


def describe(app) -> tuple[dict, dict]:
    """The model of what is on screen now, and the handler of each of its action ids."""
    scenes = list(app.scenes)
    top = scenes[-1] if scenes else None
    if top is None:
        return {"v": VERSION, "screen": "", "id": "", "lang": app.prefs.language, "title": "", "stage": "",
                "live": "polite", "say": [], "text": [], "actions": [], "focus": "", "dialog": False,
                "voice": False}, {}
    b = _Builder(app, top)
    kind = getattr(top, "name", "scene")
    # a screen may describe itself (describe_for_a11y(app, scene, builder), e.g. the assessment's, issue 19)
    fn = _DESCRIBERS.get(type(top).__name__) or getattr(type(top), "describe_for_a11y", None) \
        or _DESCRIBERS.get(kind)
    if fn is None and isinstance(top, Dialog):
        fn = _dialog
    title, say, text, live = (fn or _generic)(app, top, b)
    model = {
        "v": VERSION,
        "screen": kind,
        "id": top.screen_id(),
        "lang": app.prefs.language,
        "title": title,
        "stage": _stage(app, top if not isinstance(top, Dialog) or len(scenes) < 2 else scenes[-2]),
        "live": live,
        "say": [s for s in say if s],
        "text": [s for s in text if s],
        "actions": b.actions,
        "focus": b.focus,
        "dialog": isinstance(top, Dialog),
        "voice": bool(getattr(app.prefs, "read_aloud", False)),  # self-voicing: the page speaks ``say``
    }
    return model, b.handlers


def perform(app, handlers: dict, screen_id: str, request: dict) -> bool:
    """Carry out one action the page sent; False when it is stale or unknown."""
    if not isinstance(request, dict):
        return False
    if str(request.get("screen", "")) != screen_id:
        return False  # pressed on a screen that has gone since: never act on the next one
    handler = handlers.get(str(request.get("action", "")))
    if handler is None:
        return False
    handler()
    app.mark_dirty()
    return True


# -- each screen kind -----------------------------------------------------------------------------
def _generic(app, scene, b):
    b.group(getattr(scene, "group", None))
    return _t(TITLES.get(scene.name, scene.name)), [_t(TITLES.get(scene.name, scene.name))], [], "polite"


def _title(app, scene, b):
    b.group(scene.group)
    text = ["RightsPath", _(SUBTITLE), _(TAGLINE),
            _("Keys: arrows or Tab to move · Enter to choose · Esc for the menu")]
    return "RightsPath", text[:3], text, "polite"


def _setup(app, scene, b):
    b.group(scene.group)
    heading = _("Before you start")
    fields = [_label(w) for w in scene.group.widgets if not hasattr(w, "on_press")]
    text = [heading, _(MODE_LABELS[app.prefs.mode])] + fields
    return heading, [heading, _(MODE_LABELS[app.prefs.mode])], text, "polite"


def _settings(app, scene, b):
    b.group(scene.group)
    heading = _("Settings")
    text = [heading, _("Changes apply at once and are kept for next time.")]
    return heading, text, text, "polite"


def _select_screen(app, scene, b):
    heading = _("Choose a scenario")
    text = [heading]
    for i, w in enumerate(scene.group.widgets):
        story = getattr(w, "story", None)
        if story is None:
            continue
        sc = story.scenario
        summary = sc.get("summary", "") if isinstance(sc, dict) else ""
        minutes = sc.get("duration_minutes", "?") if isinstance(sc, dict) else "?"
        label = f"{w.number}. {story.title} — " + _("about {minutes} min").format(minutes=minutes)
        text.append(label + (f": {summary}" if summary else ""))
        b.add(f"scenario-{_slug(story.id)}", label, _press(scene, scene.group, i), focused=i == scene.group.focus)
    for i, w in enumerate(scene.group.widgets):
        if getattr(w, "story", None) is None and getattr(w, "focusable", True):
            b.add(f"control-{_slug(getattr(w, 'key', '') or w.label)}", _label(w), _press(scene, scene.group, i),
                  focused=i == scene.group.focus)
    return heading, [heading], text, "polite"


def _loading(app, scene, b):
    heading = _("Preparing the scenes…")
    return heading, [scene.story.title, heading], [scene.story.title, heading], "polite"


def _speaker(scene, line: dict) -> str:
    speaker = line.get("speaker", "narrator")
    if speaker == "narrator":
        return ""
    who = scene.playthrough.story.characters.get(speaker, {})
    return who.get("name", speaker)


def _spoken(scene, line: dict) -> str:
    name = _speaker(scene, line)
    text = line.get("text", "")
    return f"{name}: {text}" if name else text


def _story(app, scene, b):
    heading = _("Story")
    lines = scene.lines
    current = scene.line
    # Earlier lines of this scene stay in the text, so they can be read again.
    text = [_spoken(scene, ln) for ln in lines[:current + 1]]
    text.append(_("Line {n} of {total}").format(n=current + 1, total=len(lines)))
    more = scene.page + 1 < len(scene.pages) or current + 1 < len(lines)
    b.add("continue", _("Continue"), _key(scene, A.ADVANCE), focused=True)
    b.menu()
    say = [_spoken(scene, lines[current])]
    if not more:
        say.append(_("End of this scene."))
    return heading, say, text, "polite"


def _decision(app, scene, b):
    node = scene.node
    role = _t(ROLE_LABELS.get(node.get("role", ""), node.get("role", "")))
    heading = _("Decision")
    tag = _("You act as: {role}").format(role=role)
    prompt = node.get("prompt", "")
    text = [tag]
    if scene.facilitated:
        text.append(_("Group decision"))
    text.append(prompt)
    if scene.facilitated and getattr(scene, "show_discuss", True):
        # The questions while the room votes; after the reveal, the points for after it (also on the feedback).
        points = scene.discuss_points() if hasattr(scene, "discuss_points") else discussion(node)[0]
        text += ["• " + q for q in points]
    b.group(scene.group, options=True)
    if scene.facilitated:
        revealed = getattr(scene, "revealed", True)
        total = sum(scene.votes.values())
        state = (_("Votes shown · R: hide") if revealed else
                 _("{n} votes cast · R: show the votes").format(n=total))
        if getattr(scene, "reopened", ""):  # the facilitator undid the room's choice here (issue 15)
            state = scene.reopened + " · " + state
        text.append(state)
        b.add("reveal", state, _key(scene, A.REVEAL))
        for v in scene.views if revealed else []:
            if v.enabled and v.id in scene.votes:
                n = scene.votes[v.id]
                text.append(_("Option {n}: {votes}").format(
                    n=v.index, votes=(_("1 vote") if n == 1 else _("{n} votes").format(n=n))))
    b.menu()
    count = sum(1 for v in scene.views)
    say = [tag, prompt, _("{n} options: press a number from 1 to {n}, or choose a button.").format(n=count)]
    if getattr(scene, "reopened", ""):
        say.insert(0, scene.reopened)
    return heading, say, text, "polite"


def _feedback(app, scene, b):
    res = scene.result
    story = scene.playthrough.story
    choice = next((c for c in scene.node.get("choices", []) if c["id"] == res.chosen), {})
    feedback = choice.get("feedback", "")
    _icon, words, _short, _tone = verdict_words.rating(res)
    chose = _("You chose: {choice}").format(choice=choice.get("text", res.chosen))
    text = [words, chose]
    overruled = overrule_line(scene.playthrough, scene.node)
    if overruled:
        text.append(overruled)
    if res.verdicts:
        text.append(_("The rights at stake"))
        for v in res.verdicts:
            right = story.right(v["right"])
            text.append(verdict_words.line(v, right)[1])  # upholds, breaches or misses: each its own words
            if right.get("text"):
                text.append(right["text"])
            source = verdict_words.source_line(right, v["right"])
            if source:
                text.append(source)
    if feedback:
        text += [_("Why"), feedback]
    after = discussion(scene.node)[1] if scene.playthrough.facilitated else []
    if after:  # facilitated: the points for after the reveal
        text += [_("To discuss now")] + ["• " + p for p in after]
    if not res.recommended:
        best = [c for c in scene.node.get("choices", []) if c["id"] in res.best_choices]
        if best:
            text += [_("The recommended option"), best[0].get("text", "")]
    changes = []
    for name, delta in (res.deltas or {}).items():
        spec = story.variables.get(name, {})
        if spec.get("shown") and delta:
            changes.append(f"{spec.get('label', name)} {'+' if delta > 0 else '−'}{abs(delta)}")
    if changes:
        text += [_("What changed"), ", ".join(changes)]
    b.group(scene.group)
    b.menu()
    return _("Feedback"), [words, chose] + ([feedback] if feedback else []), text, "assertive"


def _debrief(app, scene, b):
    card, story, run = scene.card, scene.playthrough.story, scene.run
    heading = _("Debrief — {title}").format(title=story.title)
    verdict = _("Passed") if card.passed else _("Not passed yet")
    score = f"{round(card.scaled * 100)}% — {verdict}"
    mastery = _("Mastery needed: {mastery}%. Recommended choices: {n} of {total}.").format(
        mastery=round(card.mastery * 100), n=card.recommended, total=card.decisions)
    text = [heading, score, mastery]
    if scene.tab_name == "summary":
        ending = run.ending or {}
        outcome = _t(OUTCOME_LABELS.get(card.outcome or "", card.outcome or ""))
        text.append(_("Outcome: {outcome}").format(outcome=outcome)
                    + (f" — {ending.get('title')}" if ending.get("title") else ""))
        if ending.get("text"):
            text.append(ending["text"])
        text.append(_("Rights in this playthrough"))
        for rid, tally in (card.rights or {}).items():
            right = story.right(rid)
            counts = ", ".join(f"{_(word)} {tally.get(key, 0)}" for key, _icon, word, _tone in verdict_words.TALLIES
                               if tally.get(key))
            text.append(f"{right.get('citation', rid)} {right.get('title', '')}: {counts}")
        room = getattr(app, "room", None)
        lines = room.debrief_lines() if room is not None else []
        if lines:  # a live room (issue 18): its splits and the rights its votes upheld and missed most
            text += [_("The room")] + lines
        say = [heading, score, mastery]
    else:
        text.append(_("Your decisions"))
        for n, rec in enumerate(run.history, 1):
            node = story.nodes[rec.node]
            role = _t(ROLE_LABELS.get(rec.role, rec.role))
            text.append(f"{n}. {_t(STAGE_LABELS.get(rec.stage, rec.stage))} · {role}: {node.get('prompt', '')}")
            text.append(scene.chosen_line(rec))
            if not rec.recommended and rec.best_choices:
                text.append(scene.best_line(rec))
        say = [_("Your decisions")]
    if scene.exported:
        text.append(scene.exported)
    b.group(scene.group)
    return heading, say, text, "polite"


def _dialog(app, scene, b):
    b.group(scene.group)
    title, message = _t(scene.title), _t(scene.message)
    return title, [title, message], [title, message], "assertive"


_DESCRIBERS = {
    "TitleScene": _title,
    "SetupScene": _setup,
    "SettingsScene": _settings,
    "SelectScene": _select_screen,
    "LoadingScene": _loading,
    "StoryScene": _story,
    "DecisionScene": _decision,
    "FeedbackScene": _feedback,
    "DebriefScene": _debrief,
}
