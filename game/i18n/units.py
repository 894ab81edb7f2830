"""The translatable texts of a scenario or a rights catalogue, each with its stable id and source line.

A unit is one string a translator sees: ``ctxt`` is the stable id (docs/CONTRACTS.md §3), ``text``
the English source and ``line`` where it was written, taken from the authoring loader's positions
so ``#:`` references in the .pot point at the author's YAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.authoring.models import Assessment, Catalogue, Decision, Ending, Scenario, Scene
from game.authoring.yamlload import Loaded

# The citation shown to players is built by the compiler as "Art. <article> <instrument>"; its
# pattern is translatable per catalogue (Bulgarian puts the article after "чл.").
CITATION_TEMPLATE = "Art. {article} {instrument}"


@dataclass(frozen=True)
class Unit:
    ctxt: str
    text: str
    line: int
    comment: str = ""  # shown to translators (#.)


def _at(loaded: Loaded | None, path: tuple) -> int:
    return loaded.pos(path)[0] if loaded is not None else 0


def line_suffix(line_id: str | None, n: int) -> str:
    return line_id if line_id else f"line{n}"


def scenario_units(scenario: Scenario, loaded: Loaded | None) -> list[Unit]:
    """Every text of a scenario in file order: metadata, characters, variables, then nodes."""
    sid = scenario.id
    units: list[Unit] = []

    def add(ctxt: str, text: str, path: tuple, comment: str = "") -> None:
        units.append(Unit(f"{sid}:{ctxt}", text, _at(loaded, path), comment))

    for key in ("title", "summary", "content_warning"):
        add(f"meta:{key}", getattr(scenario, key), (key,))
    for cid, character in scenario.characters.items():
        add(f"char:{cid}:name", character.name, ("characters", cid, "name"), "a character's name")
    for name, variable in scenario.variables.items():
        add(f"var:{name}:label", variable.label, ("variables", name, "label"), "a meter's label")
    for i, node in enumerate(scenario.nodes):
        base = ("nodes", i)
        if isinstance(node, Scene):
            for n, line in enumerate(node.lines):
                who = "narration" if line.speaker == "narrator" else f"spoken by {line.speaker}"
                add(f"{node.id}:{line_suffix(line.id, n)}", line.text, base + ("lines", n, "text"), who)
        elif isinstance(node, Decision):
            add(f"{node.id}:prompt", node.prompt, base + ("prompt",), f"decision prompt ({node.role})")
            for part, n, text, path in node.discussion():
                if part == "before":
                    add(f"{node.id}:discuss{n}", text, base + path,
                        "discussion question for group sessions, asked before the room votes")
                else:
                    add(f"{node.id}:after{n}", text, base + path,
                        "discussion point for group sessions, shown after the choice is revealed")
            for c, choice in enumerate(node.choices):
                add(f"{node.id}:{choice.id}:text", choice.text, base + ("choices", c, "text"), "an option (button)")
                add(f"{node.id}:{choice.id}:feedback", choice.feedback, base + ("choices", c, "feedback"),
                    "feedback shown after the option is chosen")
        elif isinstance(node, Assessment):  # an individual assessment (issue 19): item ids are stable
            add(f"{node.id}:prompt", node.prompt, base + ("prompt",), f"assessment prompt ({node.role})")
            for part, n, text, path in node.discussion():
                add(f"{node.id}:{'discuss' if part == 'before' else 'after'}{n}", text, base + path,
                    "discussion question for group sessions" if part == "before" else
                    "discussion point for group sessions, shown after the assessment is submitted")
            for s, section in enumerate(node.sections):
                add(f"{node.id}:section:{section.id}:title", section.title, base + ("sections", s, "title"),
                    "a heading of the assessment form (an Art. 22 step)")
            add(f"{node.id}:measures:title", node.measures.title, base + ("measures", "title"),
                "the heading of the measures in the assessment form")
            for path, item in node.all_items():
                add(f"{node.id}:item:{item.id}:text", item.text, base + path + ("text",),
                    "an item of the assessment form (a checkbox)")
                add(f"{node.id}:item:{item.id}:feedback", item.feedback, base + path + ("feedback",),
                    "why the item applies or not, shown after the assessment")
        elif isinstance(node, Ending):
            add(f"{node.id}:title", node.title, base + ("title",), "ending title")
            add(f"{node.id}:text", node.text, base + ("text",), "ending text")
    return units


def catalogue_units(catalogue: Catalogue, loaded: Loaded | None) -> list[Unit]:
    """The instrument's names, the citation pattern, and each right's title and text."""
    cid = catalogue.id
    units = [
        Unit(f"{cid}:meta:instrument", catalogue.instrument, _at(loaded, ("instrument",)),
             "the instrument's official short name, as your language's Official Journal writes it"),
        Unit(f"{cid}:meta:short_name", catalogue.short_name, _at(loaded, ("short_name",))),
        Unit(f"{cid}:meta:citation", CITATION_TEMPLATE, _at(loaded, ("instrument",)),
             "how a provision is cited; {article} is e.g. 20(b), {instrument} the name above"),
    ]
    if catalogue.edition:
        units.append(Unit(f"{cid}:meta:edition", catalogue.edition, _at(loaded, ("edition",)),
                          "the text of the instrument the catalogue follows, shown in brackets after a citation"))
    for i, right in enumerate(catalogue.rights):
        unverified = " (unverified against the official text)" if right.unverified else ""
        units.append(Unit(f"{cid}:{right.id}:title", right.title, _at(loaded, ("rights", i, "title")),
                          f"Art. {right.id}: a 2-5 word title{unverified}"))
        units.append(Unit(f"{cid}:{right.id}:text", right.text, _at(loaded, ("rights", i, "text")),
                          f"Art. {right.id}: a training paraphrase, not the legal text{unverified}"))
    return units


def reference(source: Path, pot: Path, line: int) -> tuple[str, str]:
    """A ``#:`` reference: the source file relative to the template's folder, and the line."""
    try:
        name = source.resolve().relative_to(pot.resolve().parent).as_posix()
    except ValueError:
        name = source.name
    return name, str(line)
