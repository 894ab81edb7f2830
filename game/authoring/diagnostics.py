"""What an author is told about a file: one Diagnostic per problem, with where and how to fix it.

Rendered as ``path:line:col: error CODE: sentence`` and ``  hint: ...`` (docs/CONTRACTS.md §7),
the form editors and CI logs turn into clickable locations.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
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


# Characters that look like a space or like nothing at all; YAML and ids do not read them as the
# author, who cannot see them, thinks.
INVISIBLE = frozenset("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                      "\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
                      "\u202f\u205f\u2060\u2066\u2067\u2068\u2069\u3000\ufeff\u00ad")


def describe_character(ch: str) -> str:
    """'U+00A0 NO-BREAK SPACE': how a message names a character the author may not see."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL OR UNNAMED CHARACTER')}"


def odd_character(text: str) -> tuple[int, str] | None:
    """(index, character) of the first character of an id-like text that is not plain ASCII or is
    invisible, or None. An id such as 'ph\u200bone' or 'ph\u043ene' looks right on screen."""
    for i, ch in enumerate(text):
        if ord(ch) > 126 or ch in INVISIBLE or (ord(ch) < 32):
            return i, ch
    return None


# Cyrillic and Greek letters that look like Latin ones (a keyboard layout left switched).
_LOOKALIKES = dict(zip("\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0442\u0456\u0458\u0455\u043a\u043c\u043d\u0432"
                       "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423"
                       "\u03bf\u03b1\u03bd\u03b9\u03ba\u03c1\u03c4\u03c5\u039f\u0391\u0392\u0395\u0397\u0399"
                       "\u039a\u039c\u039d\u03a1\u03a4\u03a7\u0396",
                       "aeopcyxtijskmhb"
                       "ABEKMHOPCTXY"
                       "oavikptuOABEHIKMNPTXZ"))


def latin_for(ch: str) -> str | None:
    """The plain Latin letter a character stands for ('\u043e' -> 'o', '\u00e9' -> 'e'), or None."""
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 and base.isascii() and base.isalnum() else None


def odd_character_note(ch: str) -> str:
    """What to say about a character found by odd_character: its name, and the letter it imitates."""
    name = describe_character(ch)
    if ch in INVISIBLE:
        return f"an invisible character, {name}"
    latin = latin_for(ch)
    if latin is not None:
        return f"{name}, which looks like the Latin '{latin}'"
    return name


def shown_plainly(text: str) -> str:
    """The text with invisible characters written as <U+200B>, so a message can show where they are."""
    return "".join(f"<U+{ord(ch):04X}>" if ch in INVISIBLE else ch for ch in text)


def retyped(text: str) -> str | None:
    """The text with invisible characters dropped and look-alike letters made Latin, when that
    leaves plain ASCII: what the author meant to type ('ph\u043ene' -> 'phone'), else None."""
    out = []
    for ch in text:
        if ch in INVISIBLE:
            continue
        if ord(ch) > 126:
            ch = latin_for(ch)
            if ch is None:
                return None
        out.append(ch)
    return "".join(out)


_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def rename_hint(declared_id: str, stem: str) -> str:
    """The fix for an id that differs from its file name, never proposing an id that is not one
    (a file 'my scenario.yaml' cannot give 'id: my scenario')."""
    if _ID.fullmatch(stem):
        return f"rename the file to '{declared_id}.yaml' or set 'id: {stem}'"
    return (f"rename the file to '{declared_id}.yaml' (the name '{stem}' cannot be an id: ids use lower-case "
            "letters, digits and single hyphens)")


_REVERSED = {"=>": ">=", "=<": "<=", "=!": "!="}
_WORDS = {"AND": "and", "OR": "or", "NOT": "not", "&&": "and", "||": "or"}


def condition_hint(text: str) -> str:
    """The hint for a condition that does not parse (E309): the likely fix when the text shows it."""
    for wrong, right in _REVERSED.items():
        if wrong in text:
            return f"write '{right}', not '{wrong}': the '=' comes second"
    for wrong, right in _WORDS.items():
        if re.search(rf"(?<![\w&|]){re.escape(wrong)}(?![\w&|])", text):
            return f"write '{right}' for '{wrong}'; conditions look like 'trust >= 50 and not visited(court-visit)'"
    if "'" in text or '"' in text:
        return "write node and choice ids without quotes, as in chose(first-words, explain)"
    return "conditions look like 'trust >= 50 and not visited(court-visit)'"
