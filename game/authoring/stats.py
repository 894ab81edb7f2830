"""Figures about a scenario for its author: size, reach of the rights, who acts where."""

from __future__ import annotations

import re

from game.authoring.models import Assessment, Branch, Decision, Ending, Scenario, Scene
from game.engine import vocab

_WORD = re.compile(r"[\w'’-]+")


def citation_order(right_id: str) -> tuple:
    """Sort key that puts '9(1)' before '11(1)' and a prefixed instrument after the main one."""
    prefix, _, rest = right_id.rpartition(":")
    parts = re.findall(r"\d+|[a-z]+", rest)
    return (prefix, [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts])


def _words(text: str | None) -> int:
    return len(_WORD.findall(text)) if text else 0


def scenario_stats(scenario: Scenario) -> dict:
    """Counts a reviewer asks for. ``words`` counts every player-visible word."""
    per_stage = {stage: 0 for stage in vocab.STAGES}
    kinds = {"scene": 0, "decision": 0, "branch": 0, "ending": 0, "assessment": 0}
    roles: dict[str, int] = {}
    rights: set[str] = set()
    choices = 0
    words = _words(scenario.title) + _words(scenario.summary) + _words(scenario.content_warning)
    for node in scenario.nodes:
        per_stage[node.stage] += 1
        kinds[node.kind] += 1
        if isinstance(node, Scene):
            words += sum(_words(line.text) for line in node.lines)
        elif isinstance(node, Decision):
            roles[node.role] = roles.get(node.role, 0) + 1
            choices += len(node.choices)
            words += _words(node.prompt) + sum(_words(d[2]) for d in node.discussion())
            for choice in node.choices:
                words += _words(choice.text) + _words(choice.feedback)
                rights.update(a.right for a in choice.assess)
        elif isinstance(node, Assessment):
            roles[node.role] = roles.get(node.role, 0) + 1
            words += _words(node.prompt) + sum(_words(d[2]) for d in node.discussion())
            words += sum(_words(s.title) for s in node.sections) + _words(node.measures.title)
            for _path, item in node.all_items():
                words += _words(item.text) + _words(item.feedback)
                rights.update(a.right for a in item.assess)
        elif isinstance(node, Ending):
            words += _words(node.title) + _words(node.text)
        elif isinstance(node, Branch):
            pass  # branches show nothing to the player
    return {
        "id": scenario.id,
        "nodes": len(scenario.nodes),
        "scenes": kinds["scene"],
        "decisions": kinds["decision"],
        "branches": kinds["branch"],
        "endings": kinds["ending"],
        "assessments": kinds["assessment"],
        "choices": choices,
        "stages": [s for s in vocab.STAGES if per_stage[s]],
        "per_stage": {s: n for s, n in per_stage.items() if n},
        "rights_assessed": sorted(rights, key=citation_order),
        "rights_count": len(rights),
        "roles": dict(sorted(roles.items())),
        "words": words,
    }


def render_stats(stats: dict) -> str:
    lines = [
        f"scenario        {stats['id']}",
        f"nodes           {stats['nodes']} ({stats['scenes']} scenes, {stats['decisions']} decisions, "
        f"{stats['branches']} branches, {stats['endings']} endings)",
        f"choices         {stats['choices']}",
        f"rights assessed {stats['rights_count']} distinct: {', '.join(stats['rights_assessed']) or '-'}",
        f"words           {stats['words']}",
        "per stage:",
    ]
    lines += [f"  {vocab.STAGE_LABELS[s]:<22} {n}" for s, n in stats["per_stage"].items()]
    lines.append("roles at decisions:")
    lines += [f"  {vocab.ROLE_LABELS[r]:<22} {n}" for r, n in stats["roles"].items()] or ["  -"]
    return "\n".join(lines)
