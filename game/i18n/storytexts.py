"""Where each stable text id lives inside a compiled story (docs/CONTRACTS.md §5).

``slots(story, catalogue_of)`` walks the story JSON and yields (stable id, container, key) so a
translation can be written in place. It is written against the compiled format, independently of
extraction (which reads the YAML), so tests can check that the two agree on every text.
"""

from __future__ import annotations

from typing import Callable, Iterator


def slots(story: dict, catalogue_of: Callable[[str], str | None]) -> Iterator[tuple[str, dict | list, object]]:
    """(ctxt, container, key) for every translatable string; ``catalogue_of(right_id)`` names its catalogue."""
    sid = story["scenario"]["id"]
    for key in ("title", "summary", "content_warning"):
        yield f"{sid}:meta:{key}", story["scenario"], key
    for cid, character in story.get("characters", {}).items():
        yield f"{sid}:char:{cid}:name", character, "name"
    for name, variable in story.get("variables", {}).items():
        yield f"{sid}:var:{name}:label", variable, "label"
    for node_id, node in story["nodes"].items():
        kind = node["kind"]
        if kind == "scene":
            for line in node["lines"]:
                yield line["tid"], line, "text"
        elif kind == "decision":
            yield f"{sid}:{node_id}:prompt", node, "prompt"
            discuss = node.get("discuss") or []
            # the stable ids: before the vote "discuss<N>" (as in the list form), after it "after<N>"
            for part, holder in ((("before", discuss),) if isinstance(discuss, list)
                                 else tuple(discuss.items())):
                prefix = "discuss" if part == "before" else "after"
                for n in range(len(holder)):
                    yield f"{sid}:{node_id}:{prefix}{n}", holder, n
            for choice in node["choices"]:
                yield f"{sid}:{node_id}:{choice['id']}:text", choice, "text"
                yield f"{sid}:{node_id}:{choice['id']}:feedback", choice, "feedback"
        elif kind == "assessment":  # issue 19: the same ids as game/i18n/units.py gives them
            yield f"{sid}:{node_id}:prompt", node, "prompt"
            discuss = node.get("discuss") or {}
            for part, holder in discuss.items():
                prefix = "discuss" if part == "before" else "after"
                for n in range(len(holder)):
                    yield f"{sid}:{node_id}:{prefix}{n}", holder, n
            for section in node["sections"]:
                yield f"{sid}:{node_id}:section:{section['id']}:title", section, "title"
            yield f"{sid}:{node_id}:measures:title", node["measures"], "title"
            for holder in [*node["sections"], node["measures"]]:
                for item in holder["items"]:
                    yield f"{sid}:{node_id}:item:{item['id']}:text", item, "text"
                    yield f"{sid}:{node_id}:item:{item['id']}:feedback", item, "feedback"
        elif kind == "ending":
            yield f"{sid}:{node_id}:title", node, "title"
            yield f"{sid}:{node_id}:text", node, "text"
    for right_id, right in story.get("rights", {}).items():
        catalogue = catalogue_of(right_id)
        if catalogue is None:
            continue
        yield f"{catalogue}:{right_id}:title", right, "title"
        yield f"{catalogue}:{right_id}:text", right, "text"


def texts(story: dict, catalogue_of: Callable[[str], str | None]) -> dict[str, str]:
    """{stable id: text} for a story."""
    return {ctxt: container[key] for ctxt, container, key in slots(story, catalogue_of)}


def catalogue_finder(order: list[str], rights_by_catalogue: dict[str, set[str]]) -> Callable[[str], str | None]:
    """The catalogue a story's right came from: the first listed one holding the id (as the compiler does)."""
    def find(right_id: str) -> str | None:
        for catalogue_id in order:
            if right_id in rights_by_catalogue.get(catalogue_id, ()):
                return catalogue_id
        return None
    return find
