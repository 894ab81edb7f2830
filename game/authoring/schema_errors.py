"""Turn pydantic validation errors into Diagnostics an author can act on.

Pydantic reports locations such as ``('nodes', 3, 'decision', 'choices', 0, 'next')`` and
messages such as "String should match pattern '^[a-z0-9]+...'". We drop the internal segments
(the discriminator tag 'decision'), look the real path up in the position map the loader kept,
and say what is wrong in a sentence with a suggestion where one can be guessed.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from game.authoring import models
from game.authoring.diagnostics import (Diagnostic, did_you_mean, odd_character, odd_character_note, one_of, retyped,
                                        shown_plainly, unique_sorted)
from game.authoring.yamlload import Loaded
from game.engine import vocab

PATTERN_NAMES = {
    models.SLUG: ("an id", "use lower-case letters, digits and single hyphens, like 'first-visit'"),
    models.NAME: ("a variable name", "use lower-case letters, digits and underscores, starting with a letter, "
                                     "like 'trust' or 'court_dates'"),
    models.CHARACTER_ID: ("a character id", "use lower-case letters, digits, '_' or '-', starting with a letter"),
    models.RIGHT_ID: ("a right id", "write the article as cited, like '3(2)', '20(b)' or '2011/36:14(2)'"),
    models.SEMVER: ("a version", "use three numbers like 1.0.0 (quote it if YAML reads it as a number)"),
    models.LANGUAGE: ("a language code", "use a code such as 'en', 'de' or 'pt-BR'"),
}

VOCABULARIES = {
    "stage": vocab.STAGES, "stages": vocab.STAGES, "role": vocab.ROLES, "actors": vocab.ROLES,
    "location": vocab.LOCATIONS, "portrait": vocab.PORTRAITS, "mood": vocab.MOODS, "moods": vocab.MOODS,
    "outcome": vocab.OUTCOMES, "verdict": vocab.VERDICTS, "kind": vocab.NODE_KINDS,
}

TYPE_NAMES = {
    "int_type": "a whole number", "int_from_float": "a whole number", "int_parsing": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "string_type": "text", "bool_type": "true or false",
    "bool_parsing": "true or false", "list_type": "a list", "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys", "model_attributes_type": "a mapping of keys", "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)", "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
    "none_required": "empty",
}


def diagnostics_from(error: ValidationError, loaded: Loaded, root: type[BaseModel]) -> list[Diagnostic]:
    out = [_one(item, loaded, root) for item in error.errors(include_url=False)]
    return unique_sorted(out)


class _Error:
    """One pydantic error, placed: its cleaned path in the data, what it names, and ``at`` to make
    the diagnostic at a position of the file."""

    def __init__(self, item: dict, loaded: Loaded, root: type[BaseModel]):
        self.item, self.loaded, self.root = item, loaded, root
        self.data = loaded.data
        self.path, self.tail, self.is_key = _clean(item["loc"], self.data)
        self.kind = item["type"]
        self.value = item.get("input")
        self.shown = _clip(self.value)
        self.where = describe(self.path, self.data)
        self.ctx = item.get("ctx") or {}
        self.field = self.path[-1] if self.path and isinstance(self.path[-1], str) else None

    def at(self, pos_path, code, message, hint=None, key=False) -> Diagnostic:
        line, col = self.loaded.key(pos_path) if key else self.loaded.pos(pos_path)
        return Diagnostic(self.loaded.path, line, col, "error", code, message, hint)


def _one(item: dict, loaded: Loaded, root: type[BaseModel]) -> Diagnostic:
    e = _Error(item, loaded, root)
    return _HANDLERS.get(e.kind, _other)(e)


def _extra_forbidden(e: _Error) -> Diagnostic:
    parent = e.path[:-1]
    allowed = allowed_keys(e.root, e.data, parent)
    hint = did_you_mean(e.field, allowed, cutoff=0.7) if allowed else None  # keys are short: be stricter
    if not hint and isinstance(e.field, str) and " " in e.field.strip():
        # 'text: Please, will my classmates find out?' inside {...}: the comma ended the text
        hint = ("a ',' inside {...} ends the value before it, so the rest became a key: put the whole text in "
                "double quotes")
    if not hint and allowed:
        hint = "allowed keys here: " + one_of(allowed)
    return e.at(e.path, "E201", f"unknown key '{e.field}' in {describe(parent, e.data)}", hint, key=True)


def _missing(e: _Error) -> Diagnostic:
    name = e.tail[-1] if e.tail else "?"
    return e.at(e.path, "E202", f"{e.where} has no '{name}'", _missing_hint(name))


def _tag_not_found(e: _Error) -> Diagnostic:
    return e.at(e.path, "E202", f"{e.where} has no 'kind'", "add 'kind:' with one of: " + one_of(vocab.NODE_KINDS))


def _tag_invalid(e: _Error) -> Diagnostic:
    tag = e.ctx.get("tag")
    hint = did_you_mean(tag, vocab.NODE_KINDS) or "use one of: " + one_of(vocab.NODE_KINDS)
    return e.at(e.path + ("kind",), "E203", f"'{tag}' is not a node kind", hint)


def _pattern(e: _Error) -> Diagnostic:
    value, path, data, loaded = e.value, e.path, e.data, e.loaded
    what, how = PATTERN_NAMES.get(e.ctx.get("pattern"), ("a valid value", None))
    if e.ctx.get("pattern") == models.SLUG and isinstance(value, str):
        as_id = re.sub(r"[\s_]+", "-", value.strip().lower())
        if re.fullmatch(models.SLUG, as_id):  # 'First words', 'Phone', 'first_words'
            how = f"use lower-case letters, digits and single hyphens: '{as_id}'"
    odd = odd_character(value) if isinstance(value, str) else None
    if odd is not None:  # it looks right on screen: name the character and where it is
        index, ch = odd
        line, col = loaded.key(path) if e.is_key else loaded.pos(path)
        col += (0 if e.is_key else loaded.text_shift.get(tuple(path), 0)) + index
        context = describe(path[:-1], data) if e.is_key else e.where
        return Diagnostic(loaded.path, line, col, "error", "E204",
                          f"'{shown_plainly(e.shown)}' is not {what} ({context}): column {col} holds "
                          f"{odd_character_note(ch)}", f"delete that character and type it again on the keyboard, "
                          f"as '{retyped(value)}'" if retyped(value) else "delete that character")
    if e.is_key:
        if isinstance(value, str) and ":" in value and not value.endswith(":"):
            name, _, rest = value.partition(":")
            how = f"YAML needs a space after the colon: write '{name}: {rest}'"  # '{trust:+5}' is one key
        return e.at(path, "E204", f"'{e.shown}' is not {what} ({describe(path[:-1], data)})", how, key=True)
    return e.at(path, "E204", f"'{e.shown}' is not {what} ({e.where})", how)


def _vocabulary(e: _Error) -> Diagnostic:
    allowed = VOCABULARIES.get(_vocab_field(e.path), ())
    hint = did_you_mean(e.value, allowed) if allowed else None
    if not hint:
        hint = "use one of: " + (one_of(allowed) if allowed else e.ctx.get("expected", ""))
    noun = _vocab_field(e.path) or "value"
    return e.at(e.path, "E203", f"'{e.shown}' is not a known {noun.rstrip('s')} ({e.where})", hint)


def _length(e: _Error) -> Diagnostic:
    value, kind = e.value, e.kind
    actual = e.ctx.get("actual_length", len(value) if isinstance(value, (list, dict, str)) else 0)
    if e.field == "choices" and kind == "too_short":
        return e.at(e.path, "E305", f"{describe(e.path[:-1], e.data)} has {actual} choice{'s' * (actual != 1)}; "
                                    f"a decision needs {models.MIN_CHOICES} to {models.MAX_CHOICES}",
                    "add choices, or turn the node into a scene")
    if isinstance(value, str):
        return e.at(e.path, "E203", f"{e.where} is empty", "write some text, or remove the key")
    limit = e.ctx.get("min_length") if kind == "too_short" else e.ctx.get("max_length")
    bound = "at least" if kind == "too_short" else "at most"
    return e.at(e.path, "E203", f"{e.where} has {actual} item{'s' * (actual != 1)}; it needs {bound} {limit}")


_BOUND_WORDS = {"greater_than_equal": "at least", "less_than_equal": "at most",
                "greater_than": "more than", "less_than": "less than"}


def _bound(e: _Error) -> Diagnostic:
    limit = next((e.ctx[k] for k in ("ge", "le", "gt", "lt") if k in e.ctx), "?")
    hint = "mastery is a share of the best score: 0.7 means 70%" if e.field == "mastery" else None
    return e.at(e.path, "E203", f"{e.where} is {_show(e.value)}; it must be {_BOUND_WORDS[e.kind]} {limit}", hint)


def _wrong_type(e: _Error) -> Diagnostic:
    value, field = e.value, e.field
    expected = TYPE_NAMES[e.kind]
    hint = None
    if isinstance(value, str) and expected.startswith("a whole") and value.lstrip("+-").isdigit():
        hint = f"remove the quotes: YAML reads \"{value}\" as text and {value} as a number"
    elif isinstance(value, bool) and expected == "text":
        hint = "YAML reads yes/no/on/off/true/false as true or false; put the text in quotes"
    elif isinstance(value, (int, float)) and expected == "text":
        hint = "put the value in quotes to keep it as text"
    elif value is None:
        hint = "the value is empty; write it after the colon"
    elif expected.startswith("a whole") and isinstance(value, (str, float)):
        hint = "write a whole number such as +5 or -10 (no % sign, no decimals, no quotes)"
    elif expected == "a list" and isinstance(value, str) and field:
        hint = f"write it as a list: {field}: [\"{_clip(value, 30)}\"]"
    elif expected == "a mapping of keys" and isinstance(value, str) and "lines" in e.path:
        hint = "write each line as a mapping: {speaker: narrator, text: \"...\"}"
    return e.at(e.path, "E203", f"{e.where} must be {expected}, not {_describe_value(value)}", hint)


def _value_error(e: _Error) -> Diagnostic:
    message = str(e.ctx.get("error", e.item.get("msg", "")))
    return e.at(e.path, "E203", f"{e.where}: {message}")


def _other(e: _Error) -> Diagnostic:
    message = e.item.get("msg", "is not valid")
    return e.at(e.path, "E203", f"{e.where}: {message[0].lower() + message[1:]}")


# pydantic's error type -> the handler that words it (ties as the old if-chain resolved them: the
# named kinds first, then the wrong-type ones, then value_error).
_HANDLERS = {
    "value_error": _value_error,
    **dict.fromkeys(TYPE_NAMES, _wrong_type),
    **dict.fromkeys(_BOUND_WORDS, _bound),
    "too_short": _length, "too_long": _length,
    "literal_error": _vocabulary, "enum": _vocabulary,
    "string_pattern_mismatch": _pattern,
    "union_tag_invalid": _tag_invalid,
    "union_tag_not_found": _tag_not_found,
    "missing": _missing,
    "extra_forbidden": _extra_forbidden,
}


def _clean(loc: tuple, data: Any) -> tuple[tuple, tuple, bool]:
    """Keep the segments of ``loc`` that exist in the data; return (path, missing tail, is_key)."""
    path: list = []
    tail: list = []
    current = data
    is_key = False
    for segment in loc:
        if segment == "[key]":
            is_key = True
            continue
        if tail:
            tail.append(segment)
            continue
        if isinstance(current, dict) and segment in current:
            path.append(segment)
            current = current[segment]
        elif isinstance(current, list) and isinstance(segment, int) and 0 <= segment < len(current):
            path.append(segment)
            current = current[segment]
        elif isinstance(current, dict) and isinstance(segment, str) and segment in vocab.NODE_KINDS:
            continue  # the discriminator tag pydantic inserts for a node
        elif isinstance(segment, str) and "[" in segment:
            continue  # internal names of validators and unions
        else:
            tail.append(segment)
    return tuple(path), tuple(tail), is_key


def _vocab_field(path: tuple) -> str | None:
    for segment in reversed(path):
        if isinstance(segment, str):
            return segment
    return None


def describe(path: tuple, data: Any) -> str:
    """A plain name for the thing at ``path``: "node 'arrival'", "choice 'ask' of node 'start'"..."""
    if not path:
        return "the file"
    names = []
    current = data
    i = 0
    while i < len(path):
        segment = path[i]
        current = _get(current, segment)
        if segment == "nodes" and i + 1 < len(path):
            i += 1
            current = _get(current, path[i])
            names.append(f"node {_label(current, path[i])}")
        elif segment in ("choices", "lines", "cases", "assess", "discuss") and i + 1 < len(path):
            i += 1
            current = _get(current, path[i])
            singular = {"choices": "choice", "lines": "line", "cases": "case", "assess": "assessment",
                        "discuss": "discussion prompt"}[segment]
            label = _label(current, path[i]) if segment == "choices" else str(path[i] + 1 if isinstance(path[i], int) else path[i])
            names.append(f"{singular} {label}")
        elif segment in ("characters", "variables") and i + 1 < len(path):
            i += 1
            current = _get(current, path[i])
            names.append(f"{segment[:-1]} '{path[i]}'")
        elif segment == "rights" and i + 1 < len(path):
            i += 1
            current = _get(current, path[i])
            names.append(f"right {_label(current, path[i])}")
        elif isinstance(segment, int):
            names.append(f"item {segment + 1}")  # counted from 1, as 'line 3' and 'assessment 1' are
        else:
            names.append(f"'{segment}'")
        i += 1
    text = " of ".join(reversed(names))
    return text


def _get(container: Any, key: Any) -> Any:
    if isinstance(container, dict):
        return container.get(key)
    if isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container):
        return container[key]
    return None


def _label(item: Any, index: Any) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), (str, int)):
        return f"'{item['id']}'"
    return f"#{index + 1}" if isinstance(index, int) else str(index)


def _clip(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _describe_value(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text ('{value[:30]}')"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _show(value)


def _missing_hint(name: str) -> str | None:
    hints = {
        "next": "add 'next: <node-id>' naming the node that follows",
        "kind": "add 'kind:' with one of: " + one_of(vocab.NODE_KINDS),
        "else": "a branch needs 'else: <node-id>' for when no case matches",
        "feedback": "explain, in a sentence, why the choice upholds or breaches the rights it cites",
        "title": "add 'title: \"...\"', the name shown on the scenario card (or, for an ending, its heading)",
        "rights": "add 'rights: [directive-2012-29]' listing the catalogues whose rights the choices cite",
        "prompt": "add 'prompt: \"...\"', the question the trainee answers",
        "text": "add 'text: \"...\"' with the words shown",
    }
    return hints.get(name)


# --- which model sits at a path (for listing allowed keys) ---------------------------------

def allowed_keys(root: type[BaseModel], data: Any, path: tuple) -> list[str]:
    model = model_at(root, data, path)
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def model_at(root: type[BaseModel], data: Any, path: tuple) -> type[BaseModel] | None:
    annotation: Any = root
    current = data
    for segment in path:
        annotation = _resolve(annotation, current)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = _field_by_key(annotation, segment)
            if field is None:
                return None
            annotation = field.annotation
        else:
            origin = typing.get_origin(annotation)
            args = typing.get_args(annotation)
            if origin is list and args:
                annotation = args[0]
            elif origin is dict and len(args) == 2:
                annotation = args[1]
            else:
                return None
        current = _get(current, segment)
    annotation = _resolve(annotation, current)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _field_by_key(model: type[BaseModel], key: Any):
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field
    return None


def _resolve(annotation: Any, current: Any) -> Any:
    """Strip Annotated/Optional and pick a node model by its 'kind'."""
    for _ in range(6):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union:
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            kind = current.get("kind") if isinstance(current, dict) else None
            if kind in models.NODE_MODELS and models.NODE_MODELS[kind] in options:
                return models.NODE_MODELS[kind]
            if len(options) == 1:
                annotation = options[0]
            else:
                return None
        else:
            return annotation
    return annotation

