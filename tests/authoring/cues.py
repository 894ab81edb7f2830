"""Small linear scenarios written as YAML files, for the surface-cue lint rule and `rightspath audit`.

Each decision is a list of options ``(text, value)``: value > 0 upholds right 3(2) with that weight,
value < 0 breaches 1(2). The scenario is a chain: intro scene, decision 1, ..., decision N, ending.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.authoring.helpers import VALID

HEADER = """\
# yaml-language-server: $schema=../../../scenarios/schema/scenario.schema.json
id: {id}
version: 1.0.0
language: en
title: "Test: {id}"
summary: "A chain of decisions for the surface-cue tests."
content_warning: "None: a test story."
duration_minutes: 5
mastery: 0.7
rights: [fixture-vrd]
characters: {{}}
variables: {{}}
start: intro
nodes:
  - id: intro
    kind: scene
    stage: first_contact
    location: police_station
    lines:
      - {{speaker: narrator, text: "A child comes to the station."}}
    next: d1
"""


def scenario_yaml(sid: str, decisions: list[list[tuple[str, int]]], *, fixed: bool = False) -> str:
    out = [HEADER.format(id=sid)]
    for n, options in enumerate(decisions, start=1):
        nxt = f"d{n + 1}" if n < len(decisions) else "end"
        out.append(f"  - id: d{n}\n    kind: decision\n    stage: first_contact\n    role: police_officer\n"
                   f"    prompt: \"Decision {n}?\"\n")
        if fixed:
            out.append("    order: fixed\n")
        out.append("    choices:\n")
        for k, (text, value) in enumerate(options, start=1):
            right, verdict = ("3(2)", "upholds") if value > 0 else ("1(2)", "breaches")
            out.append(f"      - id: o{k}\n        text: \"{text}\"\n        next: {nxt}\n        assess:\n"
                       f"          - {{right: \"{right}\", verdict: {verdict}, weight: {abs(value)}}}\n"
                       f"        feedback: \"Why option {k} scores {value:+d}.\"\n")
    out.append("  - id: end\n    kind: ending\n    stage: first_contact\n    outcome: supported\n"
               "    title: \"The end\"\n    text: \"That was the test.\"\n")
    return "".join(out)


def write_scenario(folder: Path, sid: str, decisions, *, fixed: bool = False) -> Path:
    """``folder/<sid>.yaml`` with the fixture rights catalogue beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    rights = folder / "rights"
    rights.mkdir(exist_ok=True)
    shutil.copy(VALID / "rights" / "fixture-vrd.yaml", rights / "fixture-vrd.yaml")
    path = folder / f"{sid}.yaml"
    path.write_text(scenario_yaml(sid, decisions, fixed=fixed), encoding="utf-8")
    return path


LONG = "Explain in plain words what happens today, who is in the room, and that she may stop at any time."
MID = "Ask her to tell it again from the beginning, in order."
SHORT = "Start the interview now."


def first_and_longest(n: int = 6) -> list[list[tuple[str, int]]]:
    """The pattern issue 12 found: the recommended option first and longest in every decision."""
    return [[(f"{LONG} ({i})", 2), (f"{MID} ({i})", -1), (f"{SHORT} ({i})", -2)] for i in range(n)]


def balanced(n: int = 6) -> list[list[tuple[str, int]]]:
    """The recommended option moves between positions and is the longest or shortest only sometimes."""
    rows = []
    for i in range(n):
        texts = [f"{LONG} ({i})", f"{MID} ({i})", f"{SHORT} ({i})"]
        best_text = texts[(i + 1) % 3]  # the middle length in 2 decisions of 6, longest in 2, shortest in 2
        others = [t for t in texts if t != best_text]
        options = [(others[0], -1), (others[1], -2)]
        options.insert(i % 3, (best_text, 2))  # positions 1, 2, 3, 1, 2, 3
        rows.append(options)
    return rows
