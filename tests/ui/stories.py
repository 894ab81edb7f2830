"""Stories for the UI tests: the bundled scenarios compiled from YAML, and one fixed story written
in the compiled format so the reference screenshots do not move when authors edit scenarios."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from game.engine import Story
from game.authoring.conditions import lower, parse
from game.engine.story import FORMAT, FORMAT_VERSION, content_hash

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"


def bundled_paths() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))


@lru_cache(maxsize=None)
def compiled(path: str) -> Story:
    from game.authoring.compiler import compile_path
    from game.authoring.diagnostics import has_errors, render_text

    data, diags = compile_path(Path(path))
    assert data is not None and not has_errors(diags), render_text(diags)
    return Story(data, source=path)


def bundled_stories() -> list[Story]:
    return [compiled(str(p)) for p in bundled_paths()]


def _finish(data: dict) -> dict:
    data = copy.deepcopy(data)
    data.update(format=FORMAT, format_version=FORMAT_VERSION, min_reader_version=2, compiler="tests")
    data.setdefault("order", list(data["nodes"]))
    data["content_hash"] = content_hash(data)
    return data


def _choice(cid, text, nxt, assess, effects=None, feedback="", enable_if=None):
    out = {"id": cid, "text": text, "next": nxt, "feedback": feedback,
           "assess": [{"right": r, "verdict": v, "weight": w} for r, v, w in assess],
           "effects": [{"var": k, "delta": d} for k, d in (effects or {}).items()]}
    if enable_if:
        out["enable_if"] = lower(parse(enable_if))  # as the compiler writes it (CONTRACTS §5)
    return out


def fixture_story() -> Story:
    """A short, fixed story with every screen kind: lines with portraits, two decisions (one with a
    disabled option and discussion prompts), a branch and two endings."""
    rights = {
        "3(2)": {"title": "Plain, age-adapted language", "text": "Communication with the child is simple and "
                 "accessible, in a language the child understands.", "citation": "Art. 3(2) Directive 2012/29/EU",
                 "instrument": "Directive 2012/29/EU"},
        "20(b)": {"title": "Few interviews", "text": "Interviews are kept to a minimum and held only where "
                  "strictly necessary.", "citation": "Art. 20(b) Directive 2012/29/EU",
                  "instrument": "Directive 2012/29/EU"},
        "24(1)(a)": {"title": "Recorded interviews", "text": "Interviews with a child victim may be recorded "
                     "and the recording used as evidence.", "citation": "Art. 24(1)(a) Directive 2012/29/EU",
                     "instrument": "Directive 2012/29/EU"},
    }
    nodes = {
        "arrival": {"kind": "scene", "stage": "first_contact", "location": "police_station", "next": "how-to-start",
                    "lines": [
                        {"tid": "fx:arrival:line0", "speaker": "narrator", "mood": "neutral",
                         "text": "Lena, 12, comes to the station with her aunt. She keeps her coat on and looks at "
                                 "the floor."},
                        {"tid": "fx:arrival:line1", "speaker": "lena", "mood": "worried",
                         "text": "Do I have to tell everything again? I already told my teacher."},
                    ]},
        "how-to-start": {"kind": "decision", "stage": "first_contact", "role": "police_officer",
                         "location": "police_station", "prompt": "Lena sits down. How do you begin?",
                         "discuss": ["What does Lena need to know before anything else?"],
                         "choices": [
                             _choice("explain-simply", "Introduce yourself and explain, in words she knows, what "
                                     "happens today.", "interview", [("3(2)", "upholds", 2)], {"trust": 10},
                                     "Plain, age-adapted language from the first contact is what Art. 3(2) asks."),
                             _choice("start-questions", "Start with the questions right away so that it is over "
                                     "quickly.", "interview", [("3(2)", "breaches", 1)], {"trust": -10, "stress": 10},
                                     "Without an explanation Lena cannot follow what happens or why."),
                             _choice("wait-for-lawyer", "Wait for the family's lawyer before saying anything.",
                                     "interview", [], {}, "", enable_if="trust >= 90"),
                         ]},
        "interview": {"kind": "decision", "stage": "police_interview", "role": "police_officer",
                      "location": "interview_room", "prompt": "How will the interview be held?", "discuss": [],
                      "choices": [
                          _choice("record-once", "One interview, recorded on video, in the child-friendly room.",
                                  "check", [("20(b)", "upholds", 2), ("24(1)(a)", "upholds", 1)], {"stress": -5},
                                  "A single recorded interview spares Lena from repeating her account."),
                          _choice("two-interviews", "A first talk now and a formal interview next week.", "check",
                                  [("20(b)", "breaches", 2)], {"stress": 15},
                                  "Each extra interview makes her relive it; Art. 20(b) asks for as few as possible."),
                      ]},
        "check": {"kind": "branch", "stage": "police_interview",
                  "cases": [{"when": lower(parse("trust >= 55")), "next": "heard"}], "else": "withdrawn"},
        "heard": {"kind": "ending", "stage": "after_trial", "outcome": "supported", "title": "Heard and supported",
                  "text": "Lena's account was taken once, with care. She knows what comes next and who to ask."},
        "withdrawn": {"kind": "ending", "stage": "after_trial", "outcome": "withdrawn", "title": "Lena withdrew",
                      "text": "Lena stopped talking to the police. The case could not go on without her."},
    }
    data = _finish({
        "scenario": {"id": "fixture", "version": "1.0.0", "language": "en", "title": "Lena speaks up",
                     "summary": "A twelve-year-old comes to the police with her aunt. Begin well, and keep the "
                                "interviews few.", "content_warning": "Mentions of abuse at home. No graphic detail.",
                     "duration_minutes": 5, "mastery": 0.7, "stages": ["first_contact", "police_interview"],
                     "catalogues": ["directive-2012-29"]},
        "characters": {"lena": {"name": "Lena", "portrait": "girl_child", "moods": ["neutral", "worried"]}},
        "variables": {
            "trust": {"start": 50, "min": 0, "max": 100, "label": "Lena's trust", "shown": True},
            "stress": {"start": 40, "min": 0, "max": 100, "label": "Lena's stress", "shown": True},
        },
        "rights": rights,
        "start": "arrival",
        "nodes": nodes,
    })
    return Story(data, source="tests/ui/stories.py:fixture")
