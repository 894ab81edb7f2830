"""Small stories written directly in the compiled format (docs/CONTRACTS.md §5), for engine tests."""

from __future__ import annotations

import copy

from game.authoring.conditions import lower, parse
from game.engine.story import FORMAT, FORMAT_VERSION, content_hash

# Conditions as the compiler writes them today (compact, format 2); OLD_FORMAT stories keep trees.
OLD_FORMAT = False


def cond(text: str):
    return parse(text) if OLD_FORMAT else lower(parse(text))


def finish(data: dict) -> dict:
    data = copy.deepcopy(data)
    data.setdefault("format", FORMAT)
    data.setdefault("format_version", 1 if OLD_FORMAT else FORMAT_VERSION)
    data.setdefault("min_reader_version", 1 if OLD_FORMAT else 2)
    data.setdefault("order", list(data["nodes"]))
    data["content_hash"] = content_hash(data)
    return data


def up(right: str, weight: int = 1) -> dict:
    return {"right": right, "verdict": "upholds", "weight": weight}


def down(right: str, weight: int = 1) -> dict:
    return {"right": right, "verdict": "breaches", "weight": weight}


def choice(cid, nxt, assess=(), effects=None, show_if=None, enable_if=None, feedback="why"):
    out = {
        "id": cid, "text": f"Option {cid}", "next": nxt, "feedback": feedback,
        "assess": list(assess),
        "effects": [{"var": k, "delta": v} for k, v in (effects or {}).items()],
    }
    if show_if:
        out["show_if"] = cond(show_if)
    if enable_if:
        out["enable_if"] = cond(enable_if)
    return out


def two_stage_story() -> dict:
    """intro -> d1 -> (branch on stress) -> d2 -> branch on trust -> good/bad ending."""
    nodes = {
        "intro": {"kind": "scene", "stage": "first_contact", "location": "school",
                  "lines": [{"tid": "t:intro:line0", "speaker": "narrator", "mood": "neutral", "text": "Hello"}],
                  "next": "d1"},
        "d1": {"kind": "decision", "stage": "first_contact", "role": "teacher", "location": "school",
               "prompt": "First?", "discuss": ["Why?"],
               "choices": [
                   choice("listen", "check", [up("20(b)", 2), up("1(2)")], {"trust": 20, "stress": -10}),
                   choice("question", "check", [down("20(b)", 3)], {"trust": -20, "stress": 30}),
                   choice("call-parent", "check", [down("3(3)", 1), up("8(2)", 1)], {"trust": -5}),
               ]},
        "check": {"kind": "branch", "stage": "first_contact",
                  "cases": [{"when": cond("stress >= 70"), "next": "pause"}], "else": "d2"},
        "pause": {"kind": "scene", "stage": "first_contact", "location": "school",
                  "lines": [{"tid": "t:pause:line0", "speaker": "narrator", "mood": "neutral", "text": "A break."}],
                  "next": "d2"},
        "d2": {"kind": "decision", "stage": "police_interview", "role": "police_officer",
               "location": "interview_room", "prompt": "Interview?", "discuss": [],
               "choices": [
                   choice("record", "judge", [up("24(1)(a)", 2)], {"interviews": 1}),
                   choice("again", "judge", [down("20(b)", 2)], {"interviews": 3, "trust": -30}),
                   choice("special", "judge", [up("23(2)(a)", 3)], show_if="visited(pause)"),
                   choice("locked", "judge", [up("23(2)(b)", 3)], enable_if="trust >= 90"),
               ]},
        "judge": {"kind": "branch", "stage": "police_interview",
                  "cases": [{"when": cond("trust >= 60 and not chose(d2, again)"), "next": "good"}],
                  "else": "bad"},
        "good": {"kind": "ending", "stage": "after_trial", "outcome": "supported", "title": "Good", "text": "."},
        "bad": {"kind": "ending", "stage": "after_trial", "outcome": "withdrawn", "title": "Bad", "text": "."},
    }
    return finish({
        "scenario": {"id": "mini", "version": "1.0.0", "language": "en", "title": "Mini", "summary": "",
                     "content_warning": "", "duration_minutes": 5, "mastery": 0.7,
                     "stages": ["first_contact", "police_interview"], "catalogues": []},
        "characters": {},
        "variables": {
            "trust": {"start": 50, "min": 0, "max": 100, "label": "Trust", "shown": True},
            "stress": {"start": 50, "min": 0, "max": 100, "label": "Stress", "shown": True},
            "interviews": {"start": 0, "min": 0, "max": 3, "label": "Interviews", "shown": False},
        },
        "rights": {},
        "start": "intro",
        "nodes": nodes,
    })
