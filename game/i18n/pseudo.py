"""The pseudo-locale ``en-XA``: English made accented, bracketed and about 30% longer.

It is generated, never translated by hand, so overflow testing needs no translator: every Latin
letter gets an accented twin that the bundled font has, brackets show where a string starts and
ends (a cut-off string loses its bracket), and filler words stretch it the way German or Bulgarian
would. Placeholders ({name}, %s, %(name)s) are kept exactly.
"""

from __future__ import annotations

import re

CODE = "en-XA"
GROWTH = 1.3

# Only letters whose accented twin the bundled font has (b, m, p have none there and stay plain;
# tests/i18n/test_pseudo.py checks every character against the font).
_ACCENTS = str.maketrans(
    "acdeghiklnorstuyzACDEGHIKLNORSTUYZ",
    "àçđéĝĥíķĺñöŕšţüýžÀÇĐÉĜĤÍĶĹÑÖŔŠŢÜÝŽ",
)
_FILLER = ("ļōŕéñ", "ïšüñ", "đōļōŕ", "šïţ", "àñéţ", "çōñšé", "ţéţüŕ")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%(?:\([A-Za-z_][A-Za-z0-9_]*\))?[sdifr%]")


def pseudo(text: str) -> str:
    """The pseudo-translation of one string (deterministic)."""
    parts = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(text[last:match.start()].translate(_ACCENTS))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].translate(_ACCENTS))
    body = "".join(parts)
    target = round(len(text) * GROWTH)
    filler = []
    i = 0
    while len(body) + sum(len(w) + 1 for w in filler) + 2 < target:
        filler.append(_FILLER[i % len(_FILLER)])
        i += 1
    return "[" + body + (" " + " ".join(filler) if filler else "") + "]"
