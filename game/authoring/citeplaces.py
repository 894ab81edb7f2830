"""W440: a right cited where its catalogue entry says it does not bear (issue 13).

Every catalogue entry names the stages it bears on (``stages``) and who acts on it (``actors``). A
decision that cites the entry is at one stage and is taken by one role; when the entry lists stages
and that stage is not among them, or lists actors and that role is not among them, either the
citation picked a provision by its topic rather than by its conditions (review pattern 4), or the
entry's lists are too narrow. It is a warning (an error with ``--strict``), at the assessment, with
the catalogue entry's file:line in the hint. An empty list says nothing, so it is not checked.
(That a cited id exists in a listed catalogue at all is E307, checked by the linter.)
"""

from __future__ import annotations

from pathlib import Path

from game.authoring.diagnostics import Diagnostic
from game.authoring.models import Assessment, Decision, Scenario


def cited_out_of_place(scenario: Scenario, loaded, catalogues: dict | None) -> list[Diagnostic]:
    """``catalogues``: {catalogue id: (Catalogue, Loaded)} of the catalogues the scenario lists."""
    if not catalogues:
        return []
    entries: dict[str, tuple] = {}
    for catalogue_id in scenario.rights:
        if catalogue_id not in catalogues:
            continue
        model, cat_loaded = catalogues[catalogue_id]
        for k, right in enumerate(model.rights):
            entries.setdefault(right.id, (catalogue_id, right, cat_loaded, ("rights", k)))
    out: list[Diagnostic] = []
    for i, node in enumerate(scenario.nodes):
        if isinstance(node, Assessment):
            out.extend(_assessment_out_of_place(i, node, entries, loaded))
            continue
        if not isinstance(node, Decision):
            continue
        for c, choice in enumerate(node.choices):
            for a, item in enumerate(choice.assess):
                out.extend(_out_of_place(node, item.right, entries, loaded,
                                         ("nodes", i, "choices", c, "assess", a, "right"), f"decision '{node.id}'"))
    return out


def _out_of_place(node, right_id: str, entries: dict, loaded, path: tuple, cited_at: str) -> list[Diagnostic]:
    """W440 when the catalogue entry of ``right_id`` names stages or actors that leave out the
    node's stage or acting role (nothing when the id is unknown: that is E307)."""
    found = entries.get(right_id)
    if found is None:
        return []
    catalogue_id, right, cat_loaded, cat_path = found
    wrong = []
    if right.stages and node.stage not in right.stages:
        wrong.append(f"stage '{node.stage}' (the entry's stages: {', '.join(right.stages)})")
    if right.actors and node.role not in right.actors:
        wrong.append(f"role '{node.role}' (the entry's actors: {', '.join(right.actors)})")
    if not wrong:
        return []
    line, col = loaded.pos(path)
    cat_line, _ = cat_loaded.pos(cat_path)
    return [Diagnostic(
        loaded.path, line, col, "warning", "W440",
        f"'{right_id}' is cited at {cited_at} for a {' and a '.join(wrong)}",
        f"cite the provision whose conditions fit this stage and actor, or, if '{right_id}' does apply here, "
        f"add them to its entry in {catalogue_id} ({Path(cat_loaded.path).name}:{cat_line})")]


def _assessment_out_of_place(i: int, node, entries: dict, loaded) -> list[Diagnostic]:
    """W440 for an assessment's sections (issue 19): a characteristic, the crime, the views and the
    risks are assessed at this stage by this role. The measures are not checked: the assessment
    decides them here, but they bear on later stages and other actors (23(2) at the interview, 23(3)
    in court), as their entries say."""
    out = []
    for path, item in node.all_items():
        if path[0] == "measures":
            continue
        for a, entry in enumerate(item.assess):
            out.extend(_out_of_place(node, entry.right, entries, loaded, ("nodes", i) + path + ("assess", a, "right"),
                                     f"item '{item.id}' of assessment '{node.id}'"))
    return out
