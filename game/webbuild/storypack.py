"""Packing the web bundle's stories (``rightspath build-web``); the browser's side, the index and the
reading, is game/engine/bundle.py, which says what the files hold and why.

Packing is checked as it is done: every story must unpack to exactly the compiled one, or the build
stops (a bug, never shipped).
"""

from __future__ import annotations

import json

from game.engine.bundle import (CYRILLIC, FORMAT, INDEX, VERSION, Bundle, file_name, rights_file,
                                with_strings)
from game.engine.l10n import SOURCE_LANGUAGE
from game.engine.story import canonical_json


def encode_json(data) -> bytes:
    """``data`` as canonical JSON, one byte per ASCII or Cyrillic character, other characters
    escaped (JSON has non-ASCII characters only inside strings, where an escape means the same)."""
    out = []
    for ch in canonical_json(data):
        code = ord(ch)
        if code < 0x80:
            out.append(ch)
        elif CYRILLIC <= code < CYRILLIC + 0x80:
            out.append(chr(code - CYRILLIC + 0x80))
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:  # a surrogate pair, as JSON writes characters beyond the first plane
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out).encode("latin-1")


def strings(data) -> list[str]:
    """Every string value of ``data`` in one fixed order (dict keys sorted, lists in order); keys are
    not values: ids and names stay as the English story has them."""
    out: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for key in sorted(value):
                walk(value[key])
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return out


def _shape(value):
    """``value`` with every string blanked: two stories of one shape differ only in their strings."""
    if isinstance(value, str):
        return ""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return value


def _language(data: dict) -> str:
    return data["scenario"].get("language", SOURCE_LANGUAGE)


def pack_stories(stories: list[dict]) -> dict[str, bytes]:
    """{file name: bytes} of ``stories/`` for these compiled stories (English and translations, as
    dicts): the index, the rights catalogues and one file per story. Raises ValueError when packing
    would not give back a story exactly (a bug, never shipped)."""
    catalogues: dict[str, dict] = {}
    shared: set[int] = set()  # stories whose rights went to their language's catalogue
    for i, data in enumerate(stories):
        catalogue = catalogues.setdefault(_language(data), {})
        rights = data.get("rights")
        if not isinstance(rights, dict) or any(catalogue.get(k, v) != v for k, v in rights.items()):
            continue  # an article worded otherwise than in another story of the language: kept inline
        catalogue.update(rights)
        shared.add(i)

    def packed(i: int) -> dict:
        """The story as its file holds it: no scenario block (the index has it), rights by id when shared."""
        data = {key: value for key, value in stories[i].items() if key != "scenario"}
        if i in shared:
            data["rights"] = sorted(data["rights"])
        return data

    english = {data["scenario"]["id"]: i for i, data in enumerate(stories) if _language(data) == SOURCE_LANGUAGE}
    files: dict[str, bytes] = {}
    entries = []
    for i, data in enumerate(stories):
        sid, lang = data["scenario"]["id"], _language(data)
        name = file_name(sid, lang)
        entry = {"file": name, "id": sid, "language": lang, "content_hash": data["content_hash"],
                 "scenario": data["scenario"], "rights": rights_file(lang) if i in shared else None, "over": None}
        body = packed(i)
        base = english.get(sid)
        if lang != SOURCE_LANGUAGE and base is not None and _shape(packed(base)) == _shape(body):
            ours, theirs = strings(body), strings(packed(base))
            body = [mine if mine != english_text else 0 for mine, english_text in zip(ours, theirs)]
            entry["over"] = file_name(sid, SOURCE_LANGUAGE)
        files[name] = encode_json(body)
        entries.append(entry)
    for lang, catalogue in catalogues.items():
        if any(i in shared and _language(stories[i]) == lang for i in range(len(stories))):
            files[rights_file(lang)] = encode_json(catalogue)
    files[INDEX] = json.dumps({"format": FORMAT, "version": VERSION, "stories": entries},
                              ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    bundle = Bundle.from_files(files)
    for data, entry in zip(stories, entries):
        if canonical_json(bundle.story_data(entry)) != canonical_json(data):
            raise ValueError(f"{entry['file']}: packing does not give back the compiled story")
    return files
