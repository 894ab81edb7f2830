"""Lower a checked scenario into the story JSON the runtime reads (docs/CONTRACTS.md §5).

The runtime never sees authoring concepts: conditions arrive as trees, decisions carry their
location, only the rights the scenario cites are copied (with their citation strings), and
every line has its translation id. Output bytes depend on the input only.
"""

from __future__ import annotations

from pathlib import Path

from game import __version__
from game.authoring.checking import check_scenario, gc_paused
from game.authoring.diagnostics import Diagnostic
from game.authoring.conditions import lower, parse_condition
from game.authoring.models import Assessment, Branch, Catalogue, Decision, Ending, Item, Scenario, Scene
from game.engine import story as story_format, vocab
from game.errors import UserError

DEFAULT_LOCATION = "office"


def citation(right_id: str, catalogue: Catalogue) -> str:
    """'Art. 20(b) Directive 2012/29/EU'; a prefixed id drops its prefix ('2011/36:14(2)' -> 'Art. 14(2) ...')."""
    article = right_id[len(catalogue.prefix):] if catalogue.prefix and right_id.startswith(catalogue.prefix) else right_id
    return f"Art. {article} {catalogue.instrument}"


def _tree(text: str | None):
    """A condition as the engine reads it: parsed (and checked) here, written in the compact form."""
    return None if text is None else lower(parse_condition(text))


def _scene(scenario: Scenario, node: Scene) -> dict:
    lines = []
    for n, line in enumerate(node.lines):
        suffix = line.id if line.id else f"line{n}"
        lines.append({"tid": f"{scenario.id}:{node.id}:{suffix}", "speaker": line.speaker,
                      "mood": line.mood or _default_mood(scenario, line.speaker), "text": line.text})
    return {"kind": "scene", "stage": node.stage, "location": node.location, "lines": lines, "next": node.next}


def _default_mood(scenario: Scenario, speaker: str) -> str:
    # 'neutral' unless the character has no such mood; then the first one the author listed.
    character = scenario.characters.get(speaker)
    if character is None or "neutral" in character.moods:
        return "neutral"
    return character.moods[0]


def _decision(node: Decision, location: str) -> dict:
    # Only what the runtime needs: a field with nothing in it (no effects, no condition, no discussion
    # prompts) is left out, and every reader takes its absence as empty. It keeps a large story's JSON,
    # and so its load time, down.
    choices = []
    for choice in node.choices:
        out = {"id": choice.id, "text": choice.text, "next": choice.next}
        if choice.effects:
            out["effects"] = [{"var": var, "delta": delta} for var, delta in choice.effects.items()]
        if choice.assess:
            out["assess"] = [{"right": a.right, "verdict": a.verdict, "weight": a.weight} for a in choice.assess]
        out["feedback"] = choice.feedback
        if choice.show_if is not None:
            out["show_if"] = _tree(choice.show_if)
        if choice.enable_if is not None:
            out["enable_if"] = _tree(choice.enable_if)
        choices.append(out)
    decision = {"kind": "decision", "stage": node.stage, "role": node.role, "location": node.location or location,
                "prompt": node.prompt, "choices": choices}
    parts: dict[str, list[str]] = {}
    for part, _n, text, _path in node.discussion():
        parts.setdefault(part, []).append(text)
    if parts:  # {"before": [...], "after": [...]}, an empty part left out (story format 3)
        decision["discuss"] = parts
    if node.order == "fixed":  # shuffled, the default, is left out like other empty fields
        decision["order"] = "fixed"
    return decision


def _item(item: Item) -> dict:
    out = {"id": item.id, "text": item.text, "applies": item.applies,
           "assess": [{"right": a.right, "weight": a.weight} for a in item.assess], "feedback": item.feedback}
    if item.if_missed != "misses":
        out["if_missed"] = item.if_missed
    return out


def _assessment(node: Assessment, location: str) -> dict:
    """Story format 4 (docs/CONTRACTS.md §5): sections and measures as written; empty fields left out."""
    out = {"kind": "assessment", "stage": node.stage, "role": node.role, "location": node.location or location,
           "prompt": node.prompt, "next": node.next,
           "sections": [{"id": s.id, "title": s.title, "items": [_item(i) for i in s.items]} for s in node.sections],
           "measures": {"title": node.measures.title, "items": [_item(i) for i in node.measures.items]}}
    parts: dict[str, list[str]] = {}
    for part, _n, text, _path in node.discussion():
        parts.setdefault(part, []).append(text)
    if parts:
        out["discuss"] = parts
    effects = {band: [{"var": var, "delta": delta} for var, delta in getattr(node.effects, band).items()]
               for band in ("good", "poor") if getattr(node.effects, band)}
    if effects:
        out["effects"] = effects
    if node.order == "fixed":
        out["order"] = "fixed"
    if node.revises is not None:
        out["revises"] = node.revises
    return out


def _branch(node: Branch) -> dict:
    return {"kind": "branch", "stage": node.stage,
            "cases": [{"when": _tree(c.when), "next": c.next} for c in node.cases], "else": node.else_}


def _ending(node: Ending) -> dict:
    return {"kind": "ending", "stage": node.stage, "outcome": node.outcome, "title": node.title, "text": node.text}


def build_story(scenario: Scenario, catalogues: dict[str, Catalogue]) -> dict:
    """The story dict for a scenario that passed every check."""
    nodes: dict[str, dict] = {}
    location = DEFAULT_LOCATION
    assessments = False  # a story with one is format 4 (reader 4); without, format 3 as before
    cited: set[str] = set()
    for node in scenario.nodes:
        if isinstance(node, Scene):
            location = node.location  # a decision inherits the nearest preceding scene's place
            nodes[node.id] = _scene(scenario, node)
        elif isinstance(node, Decision):
            nodes[node.id] = _decision(node, location)
            cited.update(a.right for c in node.choices for a in c.assess)
        elif isinstance(node, Assessment):
            nodes[node.id] = _assessment(node, location)
            cited.update(a.right for _path, item in node.all_items() for a in item.assess)
            assessments = True
        elif isinstance(node, Branch):
            nodes[node.id] = _branch(node)
        else:
            nodes[node.id] = _ending(node)
    rights = {}
    for catalogue_id in scenario.rights:
        catalogue = catalogues[catalogue_id]
        for right in catalogue.rights:
            if right.id in cited and right.id not in rights:
                rights[right.id] = {"title": right.title, "text": right.text,
                                    "citation": citation(right.id, catalogue), "instrument": catalogue.instrument}
                if catalogue.edition:  # the text the catalogue follows: "2012 text" (issue 13)
                    rights[right.id]["edition"] = catalogue.edition
    used_stages = {node.stage for node in scenario.nodes}
    story = {
        "format": story_format.FORMAT,
        "format_version": story_format.FORMAT_VERSION if assessments else story_format.WRITES_MIN_READER,
        # format 3 readers know no assessment node; why older ones cannot read a story: engine/story.py
        "min_reader_version": story_format.FORMAT_VERSION if assessments else story_format.WRITES_MIN_READER,
        "compiler": f"rightspath {__version__}",
        "scenario": {
            "id": scenario.id, "version": scenario.version, "language": scenario.language,
            "title": scenario.title, "summary": scenario.summary, "content_warning": scenario.content_warning,
            "duration_minutes": scenario.duration_minutes, "mastery": scenario.mastery,
            "stages": [s for s in vocab.STAGES if s in used_stages], "catalogues": list(scenario.rights),
        },
        "characters": {cid: {"name": c.name, "portrait": c.portrait, "moods": list(c.moods)}
                       for cid, c in scenario.characters.items()},
        "variables": {name: {"start": v.start, "min": v.min, "max": v.max, "label": v.label, "shown": v.shown}
                      for name, v in scenario.variables.items()},
        "rights": rights,
        "start": scenario.start,
        "order": [node.id for node in scenario.nodes],
        "nodes": nodes,
    }
    story["content_hash"] = story_format.content_hash(story)
    return story


def to_bytes(story: dict) -> bytes:
    """The compiled file: canonical JSON (sorted keys, compact, UTF-8) and a trailing newline."""
    return (story_format.canonical_json(story) + "\n").encode("utf-8")


def compile_path(path: str, *, strict: bool = False) -> tuple[dict | None, list[Diagnostic]]:
    """Check a scenario file and compile it. The story is None when any error was found.

    Raises yamlload.SourceError when the file cannot be read at all.
    """
    with gc_paused():  # the check and the lowering: one burst of long-lived objects
        checked = check_scenario(str(path), strict=strict)
        if not checked.ok:
            return None, checked.diagnostics
        return build_story(checked.model, checked.catalogues), checked.diagnostics


class CompileFailed(UserError):
    """A scenario with errors (exit 1). ``diagnostics`` are all of them (warnings too); a caller that
    words the failure its own way (a build, a translation) reads them instead of the message."""

    def __init__(self, path, diagnostics: list[Diagnostic]):
        from game.authoring.diagnostics import render_text

        super().__init__(f"{path} has errors; fix them and try again:\n{render_text(diagnostics)}", 1)
        self.path = path
        self.diagnostics = diagnostics

    def errors(self) -> list[str]:
        """The rendered errors only, one per line."""
        return [d.render() for d in self.diagnostics if d.severity == "error"]


def compile_or_raise(path: str | Path, *, strict: bool = False) -> dict:
    """The compiled story dict of the scenario at ``path``: the one "compile, or stop with the
    diagnostics" that play, report, i18n and the web build share. UserError (exit 2) when the file
    cannot be read; CompileFailed (exit 1) when it has errors."""
    from game.authoring.diagnostics import has_errors
    from game.authoring.yamlload import SourceError

    try:
        story, diagnostics = compile_path(str(path), strict=strict)
    except SourceError as exc:  # unreadable (permission), or a catalogue that is not a file
        raise UserError(str(exc), 2) from None
    if story is None or has_errors(diagnostics):
        raise CompileFailed(path, diagnostics)
    return story


def load_story(path: str | Path):
    """An engine Story from a compiled .json or a .yaml draft (compiled in memory); UserError with
    the reason or the diagnostics otherwise (exit 2 for a path that is not a scenario file, 1 for
    one with errors or a story that does not load)."""
    from game.engine import Story, StoryError
    from game.engine.safeio import path_problem

    path = Path(path)
    problem = path_problem(path)  # never open a named pipe: it would wait for a writer for ever
    if problem is not None and problem.startswith("a folder"):
        raise UserError(f"{path}: is a folder; name a scenario file", 2)
    if problem is not None and not problem.startswith("cannot read it"):
        raise UserError(f"{path}: {problem}", 2)
    if path.suffix.lower() == ".json":
        try:
            return Story.from_file(path, verify_hash=True)
        except StoryError as exc:
            raise UserError(str(exc), 1) from None
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UserError(f"{path}: expected a scenario .yaml or a compiled story .json", 2)
    return Story(compile_or_raise(path), source=str(path))
