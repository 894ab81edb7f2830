"""Warnings about things a scenario declares and never uses (issue 11, U7).

W433 a variable no effect changes and no condition reads; W434 a character who never speaks (unless
drawn as the professional a decision has the trainee play);
W435 a catalogue listed twice in 'rights:'. None of them stops a scenario from playing, but each
is usually a leftover or a typo somewhere else (the effect or line meant to use it).
"""

from __future__ import annotations

from game.authoring.diagnostics import Diagnostic
from game.authoring.models import Assessment, Branch, Decision, Scenario, Scene
from game.authoring.yamlload import Loaded
from game.authoring import conditions


def _conditions(scenario: Scenario):
    for node in scenario.nodes:
        if isinstance(node, Decision):
            for choice in node.choices:
                yield from (c for c in (choice.show_if, choice.enable_if) if c)
        elif isinstance(node, Branch):
            yield from (case.when for case in node.cases)


def unused(scenario: Scenario, loaded: Loaded) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def warn(path: tuple, code: str, message: str, hint: str, key: bool = True) -> None:
        line, col = loaded.key(path) if key else loaded.pos(path)
        out.append(Diagnostic(loaded.path, line, col, "warning", code, message, hint))

    read: set[str] = set()
    for text in _conditions(scenario):
        try:
            read |= conditions.variables(conditions.parse(text))
        except conditions.ConditionError:
            continue  # E309 reports it; what it reads is unknown
    changed = {name for node in scenario.nodes if isinstance(node, Decision)
               for choice in node.choices for name in choice.effects}
    changed |= {name for node in scenario.nodes if isinstance(node, Assessment)
                for name in (*node.effects.good, *node.effects.poor)}
    for name in scenario.variables:
        if name not in read and name not in changed:
            warn(("variables", name), "W433", f"the variable '{name}' is never used: no effect changes it and no "
                 "condition reads it", f"remove it, or add it to an effect such as 'effects: {{{name}: +5}}'")

    speakers = {line.speaker for node in scenario.nodes if isinstance(node, Scene) for line in node.lines}
    # A character drawn as a professional whose role a decision gives the trainee ('Judge Weber',
    # portrait judge, beside a decision with role judge) names who the trainee plays: not a leftover.
    played = {node.role for node in scenario.nodes if isinstance(node, (Decision, Assessment))}
    for name, character in scenario.characters.items():
        if name not in speakers and character.portrait not in played:
            warn(("characters", name), "W434", f"the character '{name}' never speaks: no line has 'speaker: {name}'",
                 "remove the character, or check the 'speaker:' of the lines meant for them")

    first: dict[str, int] = {}
    for i, catalogue_id in enumerate(scenario.rights):
        if catalogue_id in first:
            warn(("rights", i), "W435", f"the catalogue '{catalogue_id}' is listed twice in 'rights:' "
                 f"(first as item {first[catalogue_id] + 1})", "list each catalogue once", key=False)
        else:
            first[catalogue_id] = i
    return out
