"""Engine figures: story load time and choose() time on a synthetic 5,000-node story."""

from __future__ import annotations

import json
import statistics
import time

from game.engine import Run, Story
from game.engine.conditions import parse
from tests.engine.stories import choice, down, finish, up

NODES = 5000


def synthetic_story(n: int = NODES) -> dict:
    """scene -> decision -> branch -> scene ... with 4 choices, effects and conditions, ending at the end."""
    nodes: dict[str, dict] = {}
    stages = ["first_contact", "police_interview", "individual_assessment", "support_services",
              "prosecution", "court", "after_trial"]
    i = 0
    while len(nodes) < n - 2:
        stage = stages[min(6, len(nodes) * 7 // n)]
        s, d, b = f"s{i}", f"d{i}", f"b{i}"
        nxt = f"s{i + 1}"
        nodes[s] = {"kind": "scene", "stage": stage, "location": "office",
                    "lines": [{"tid": f"x:{s}:line0", "speaker": "narrator", "mood": "neutral",
                               "text": "Some narration for this step of the journey."}], "next": d}
        nodes[d] = {"kind": "decision", "stage": stage, "role": "police_officer", "location": "office",
                    "prompt": "What do you do?", "discuss": [],
                    "choices": [
                        choice("a", b, [up("20(b)", 2), up("3(2)")], {"trust": 3, "stress": -2}),
                        choice("b", b, [down("20(b)", 2)], {"trust": -3, "stress": 4}),
                        choice("c", b, [up("8(2)")], show_if="trust > 10"),
                        choice("d", b, [down("18", 3)], enable_if="stress < 90 and not visited(s0)"),
                    ]}
        nodes[b] = {"kind": "branch", "stage": stage,
                    "cases": [{"when": parse("stress >= 95 and trust < 5"), "next": "bad"}], "else": nxt}
        i += 1
    nodes[f"s{i}"] = {"kind": "scene", "stage": "after_trial", "location": "office",
                      "lines": [{"tid": "x:end:line0", "speaker": "narrator", "mood": "neutral", "text": "End."}],
                      "next": "good"}
    nodes["good"] = {"kind": "ending", "stage": "after_trial", "outcome": "supported", "title": "G", "text": "."}
    nodes["bad"] = {"kind": "ending", "stage": "after_trial", "outcome": "withdrawn", "title": "B", "text": "."}
    return finish({
        "scenario": {"id": "synthetic", "version": "1.0.0", "language": "en", "title": "Synthetic",
                     "summary": "", "content_warning": "", "duration_minutes": 1, "mastery": 0.7,
                     "stages": stages, "catalogues": []},
        "characters": {},
        "variables": {"trust": {"start": 50, "min": 0, "max": 100, "label": "T", "shown": True},
                      "stress": {"start": 50, "min": 0, "max": 100, "label": "S", "shown": True}},
        "rights": {}, "start": "s0", "nodes": nodes,
    })


def bench() -> dict[str, str]:
    data = synthetic_story()
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    loads, loads_nohash = [], []
    for _ in range(7):
        t = time.perf_counter()
        story = Story.from_json(text, verify_hash=True)
        loads.append(time.perf_counter() - t)
        t = time.perf_counter()
        Story.from_json(text, verify_hash=False)
        loads_nohash.append(time.perf_counter() - t)
    run = Run(story)
    times = []
    while not run.ended:
        if run.kind == "scene":
            run.advance()
            continue
        cid = "a" if len(run.history) % 3 else "b"
        t = time.perf_counter()
        run.choose(cid)
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    saved = run.to_json()
    save_s = time.perf_counter() - t
    t = time.perf_counter()
    Run.from_json(story, saved)
    resume_s = time.perf_counter() - t
    return {
        "story nodes": f"{len(data['nodes'])} ({len(text) / 1024:.0f} KiB JSON)",
        "story load as the game does it (median of 7)": f"{statistics.median(loads_nohash) * 1000:.1f} ms  (target <= 50 ms)",
        "story load with hash verification (median of 7)": f"{statistics.median(loads) * 1000:.1f} ms",
        "choose() median": f"{statistics.median(times) * 1e6:.1f} µs  (target <= 50 µs; n={len(times)})",
        "choose() p99": f"{sorted(times)[int(len(times) * 0.99)] * 1e6:.1f} µs",
        "save of a finished run": f"{save_s * 1000:.1f} ms ({len(saved) / 1024:.0f} KiB)",
        "resume (replay-verified)": f"{resume_s * 1000:.1f} ms",
    }
