"""What an author is told about a file: one Diagnostic per problem, with where and how to fix it.

Rendered as ``path:line:col: error CODE: sentence`` and ``  hint: ...`` (docs/CONTRACTS.md §7),
the form editors and CI logs turn into clickable locations.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass
from typing import Iterable


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: str  # "error" | "warning"
    code: str
    message: str
    hint: str | None = None

    def render(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def to_dict(self) -> dict:
        return asdict(self)

    def as_error(self) -> "Diagnostic":
        return Diagnostic(self.path, self.line, self.col, "error", self.code, self.message, self.hint)


def sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.code, diagnostic.message)


def unique_sorted(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sort by place and drop exact repeats (one mistake can be seen by two checks)."""
    seen: set[tuple] = set()
    out = []
    for diagnostic in sorted(diagnostics, key=sort_key):
        key = (diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.code, diagnostic.message)
        if key not in seen:
            seen.add(key)
            out.append(diagnostic)
    return out


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def apply_strict(diagnostics: Iterable[Diagnostic], strict: bool) -> list[Diagnostic]:
    return [d.as_error() if strict else d for d in diagnostics]


def render_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(d.render() for d in diagnostics)


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_dict() for d in diagnostics], ensure_ascii=False, indent=2)


def did_you_mean(word: object, candidates: Iterable[str], *, limit: int = 1, cutoff: float = 0.6) -> str | None:
    """A 'did you mean X?' suggestion for a misspelt name, or None when nothing is close.

    Besides spelling (difflib), a word that starts a single candidate ('girl' -> 'girl_child',
    'police' -> 'police_officer') is taken as a shortened name.
    """
    if not isinstance(word, str):
        word = str(word)
    pool = sorted({str(c) for c in candidates})
    found = difflib.get_close_matches(word, pool, n=limit, cutoff=cutoff)
    if not found and len(word) >= 3:
        starting = [c for c in pool if c.startswith(word)]
        if len(starting) == 1:
            found = starting
    if not found:
        lowered = {c.lower().replace("-", "_"): c for c in pool}
        key = word.lower().replace("-", "_").replace(" ", "_")
        if key in lowered:
            found = [lowered[key]]
    if not found:
        return None
    return "did you mean " + " or ".join(f"'{f}'" for f in found) + "?"


def one_of(values: Iterable[str], limit: int = 14) -> str:
    values = list(values)
    shown = ", ".join(values[:limit])
    return shown + (", ..." if len(values) > limit else "")
