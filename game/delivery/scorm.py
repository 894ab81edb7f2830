"""The save a SCORM LMS keeps for a learner (``cmi.suspend_data``), so a playthrough left inside the
LMS resumes there, on any device (docs/CONTRACTS.md §14, "SCORM suspend data").

A Run is its story, its seed and its steps (game.engine.run), so the suspend data is just those, made
small: SCORM 1.2 gives ``cmi.suspend_data`` 4096 characters, SCORM 2004 64000. ``suspend_text`` writes

    {"v":1,"id":"tutorial","lang":"en","h":"<16 hex of the content hash>","seed":N,
     "k":".2.0..1","t":[12.3,4.0,null],"o":{"2":{"a":3}},"m":{...the save's meta...}}

``k`` is one character per step: ``.`` leaves a scene, a base-36 digit chooses the option at that
authored position, ``*`` submits an assessment (story format 4) with the marks of the next entry of
``a``; ``t`` the seconds of each decision, ``o`` a facilitated decision's votes by its number, ``r``
the facilitator's overrules and ``u`` the choices undone (as the save's meta keeps them). When the
text is longer than the LMS allows, the decisions' seconds are left out first, then the votes, then
the overrules and undone choices (the resumed record then lacks them for the decisions before the
resume); when even that is
too long ``suspend_text`` gives None, and the caller says the save is kept on this device only (no
scenario comes near: a step is one character).

``resume_from`` turns the LMS's text back into the save the game reads (``Run.to_json`` and its meta),
replaying the steps on the story it names; a text that does not replay is refused with a reason.
Standard library only (ships to the browser).
"""

from __future__ import annotations

import json

from game.engine import Run
from game.engine.l10n import story_language
from game.engine.story import StoryError

LIMITS = {"scorm12": 4096, "scorm2004": 64000}
VERSION = 1
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
META_KEYS = ("mode", "trainee", "session", "role", "language", "started_at", "ended_at")


class SuspendProblem(ValueError):
    pass


def _steps(run: Run) -> tuple[str, list, dict, list]:
    out, seconds, votes, marks = [], [], {}, []
    for step in run.steps:
        if "advance" in step:
            out.append(".")
            continue
        if "assess" in step:
            out.append("*")
            marks.append(list(step["assess"]))
            seconds.append(step.get("seconds"))
            if step.get("votes") is not None:
                votes[str(len(seconds))] = step["votes"]
            continue
        choices = [c["id"] for c in run.story.nodes[step["at"]]["choices"]]
        index = choices.index(step["choose"])
        if index >= len(DIGITS):
            raise SuspendProblem(f"decision {step['at']!r} has more than {len(DIGITS)} options")
        out.append(DIGITS[index])
        seconds.append(step.get("seconds"))
        if step.get("votes") is not None:
            votes[str(len(seconds))] = step["votes"]
    return "".join(out), seconds, votes, marks


def suspend_text(run: Run, meta: dict, limit: int) -> str | None:
    """The compact save for ``cmi.suspend_data``, at most ``limit`` characters, or None."""
    steps, seconds, votes, marks = _steps(run)
    data: dict = {"v": VERSION, "id": run.story.id, "lang": story_language(run.story),
                  "h": str(run.story.hash)[:16], "seed": run.seed, "k": steps,
                  "m": {k: meta[k] for k in META_KEYS if meta.get(k) not in (None, "")}}
    if run.option_order != "seeded":
        data["order"] = run.option_order
    if any(s is not None for s in seconds):
        data["t"] = seconds
    if votes:
        data["o"] = votes
    if marks:
        data["a"] = marks
    # A live room's overrules and the choices the facilitator undid (issues 18 and 15), as the save's
    # meta keeps them; checked again when the playthrough resumes (game.ui.playthrough).
    if isinstance(meta.get("overrules"), dict) and meta["overrules"]:
        data["r"] = meta["overrules"]
    if isinstance(meta.get("undone"), list) and meta["undone"]:
        data["u"] = meta["undone"]
    for drop in ((), ("t",), ("t", "o"), ("t", "o", "r", "u")):
        trial = {k: v for k, v in data.items() if k not in drop}
        text = json.dumps(trial, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        if len(text) <= limit:
            return text
    return None


def read_text(text: str) -> dict:
    """The suspend data's fields, or SuspendProblem."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise SuspendProblem("the learning platform's saved progress is not RightsPath's") from None
    if not isinstance(data, dict) or data.get("v") != VERSION or not isinstance(data.get("k"), str) \
            or not isinstance(data.get("seed"), int) or not isinstance(data.get("id"), str):
        raise SuspendProblem("the learning platform's saved progress is not RightsPath's")
    return data


def resume_from(text: str, stories) -> tuple[object, Run, dict]:
    """(story, run, meta) from the LMS's suspend data; SuspendProblem says why it cannot resume."""
    data = read_text(text)
    story = next((s for s in stories if s.id == data["id"] and story_language(s) == data.get("lang")), None)
    if story is None:
        raise SuspendProblem(f"the learning platform kept progress in scenario {data['id']!r} "
                             f"({data.get('lang')}), which this game does not have")
    load = getattr(story, "load", None)  # a story of the web bundle is read on first use
    if callable(load):
        try:
            load()
        except StoryError as exc:
            raise SuspendProblem(f"scenario {story.id!r} cannot be read ({exc})") from None
    if not str(story.hash).startswith(str(data.get("h"))):
        raise SuspendProblem(f"scenario {story.id!r} has changed since the learning platform kept this progress; "
                             "it cannot be resumed exactly")
    seconds = data.get("t") if isinstance(data.get("t"), list) else []
    votes = data.get("o") if isinstance(data.get("o"), dict) else {}
    marks = data.get("a") if isinstance(data.get("a"), list) else []
    made = assessed = 0
    try:
        run = Run(story, seed=data["seed"], option_order=data.get("order", "seeded"))
        for ch in data["k"]:
            if ch == ".":
                run.advance()
                continue
            if ch == "*":
                made += 1
                assessed += 1
                took = seconds[made - 1] if made <= len(seconds) else None
                run.assess(list(marks[assessed - 1]), seconds=took if isinstance(took, (int, float)) else None,
                           votes=votes.get(str(made)))
                continue
            choice = run.node["choices"][DIGITS.index(ch)]["id"]
            made += 1
            took = seconds[made - 1] if made <= len(seconds) else None
            run.choose(choice, seconds=took if isinstance(took, (int, float)) else None,
                       votes=votes.get(str(made)))
    except Exception:  # an unknown digit, a step that does not fit the story: never half-resumed
        raise SuspendProblem("the learning platform's saved progress does not replay on this scenario") from None
    meta = data.get("m") if isinstance(data.get("m"), dict) else {}
    out: dict = {k: str(v) for k, v in meta.items() if k in META_KEYS and isinstance(v, str)}
    if isinstance(data.get("r"), dict) and data["r"]:
        out["overrules"] = data["r"]  # untrusted: the resumed playthrough keeps only what fits its run
    if isinstance(data.get("u"), list) and data["u"]:
        out["undone"] = data["u"]  # likewise: kept only if every one replays
    return story, run, out
