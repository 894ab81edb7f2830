"""Say plainly what a file is when it is not a scenario source: a compiled story, a playthrough
record, a CSV table renamed .json. Without this, ``validate story.json`` lists 16 schema errors
and a CSV renamed .json is 'a piece of text'."""

from __future__ import annotations

from pathlib import Path

from game.engine import safeio

_SNIFF_BYTES = 2 * 1024 * 1024  # the loader's own limit; a bigger file is refused there anyway


def not_a_source(path: str | Path) -> str | None:
    """A sentence saying what the file is, when it is plainly not a scenario or catalogue YAML."""
    path = Path(path)
    try:
        raw = safeio.read_regular(path, _SNIFF_BYTES)  # never waits on a named pipe
    except OSError:
        return None  # the loader reports unreadable files in its own words
    if len(raw) > _SNIFF_BYTES:
        return None
    text = raw.decode("utf-8-sig", "replace")
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            doc = safeio.loads(stripped)
        except ValueError:
            return None
        if isinstance(doc, dict):
            fmt = doc.get("format")
            if fmt == "rightspath-story":
                return ("is a compiled story (JSON written by 'rightspath compile'), not a scenario source; "
                        "check the .yaml it was compiled from, or play this file with 'rightspath play'")
            if isinstance(fmt, str) and "record_version" in doc:
                return ("is a playthrough record (an export), not a scenario source; "
                        "'rightspath verify' and 'rightspath report' read these")
        return None
    if path.suffix.lower() in (".json", ".csv") or _looks_like_csv(text):
        first = text.split("\n", 1)[0].strip()
        if _looks_like_csv(text):
            shown = first if len(first) <= 60 else first[:57] + "..."
            return (f"holds a CSV table (its first line is '{shown}'), not YAML or JSON; a file renamed "
                    "to .json or .yaml keeps what it holds")
        if path.suffix.lower() == ".json":
            return "is named .json but does not hold JSON; scenarios are written in YAML (.yaml)"
    return None


def _looks_like_csv(text: str) -> bool:
    """Two or more lines, each with the same number (>= 1) of commas or semicolons, and no 'key:' line."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if len(lines) < 2:
        return False
    for sep in (",", ";", "\t"):
        counts = {line.count(sep) for line in lines}
        if len(counts) == 1 and counts.pop() >= 1 and not any(line.rstrip().endswith(":") or ": " in line
                                                                for line in lines):
            return True
    return False
