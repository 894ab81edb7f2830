"""How a right id is shown in a language: the point letters of the Official Journal in that language.

A right id is data and the same in every language: ``23(2)(d)`` (article 23, paragraph 2, point d).
The Bulgarian Official Journal numbers points а), б), в), г)…, the Greek α), β), γ)…, so a Bulgarian
trainee looks up "чл. 23(2)(г)", never "(d)". ``display_article("23(2)(d)", "bg") == "23(2)(г)"``.
Standard library only (the translated stories are built with it, and the UI may use it).

A language not listed keeps the Latin letters. To add one, give its point letters in the order of
the Latin ones (a, b, c, …), as its Official Journal numbers them.
"""

from __future__ import annotations

import re

LATIN = "abcdefghijklmnopqrstuvwxyz"

# Point letters in the order of a, b, c, ...: the ones the Official Journal uses in each language.
POINT_LETTERS: dict[str, tuple[str, ...]] = {
    # Bulgarian: а) б) в) г) д) е) ж) з) и) й) к) л) м) н) о) п) р) с) т) у) ф) х) ц) ч) ш) щ)
    # (the hard and soft signs ъ, ь are not used to number points)
    "bg": tuple("абвгдежзийклмнопрстуфхцчшщ"),
    # Greek: α) β) γ) δ) ε) στ) ζ) η) θ) ι) ια) ιβ) ... (στ, not the obsolete ϛ, for the sixth)
    "el": ("α", "β", "γ", "δ", "ε", "στ", "ζ", "η", "θ", "ι", "ια", "ιβ", "ιγ", "ιδ", "ιε", "ιστ", "ιζ",
           "ιη", "ιθ", "κ", "κα", "κβ", "κγ", "κδ", "κε", "κστ"),
}

# A point: one Latin letter in parentheses after a number or another parenthesis, e.g. the "(d)" of
# "23(2)(d)" or "20(b)". Roman sub-points such as "(ii)" are two letters or more and are left alone.
_POINT = re.compile(r"(?<=[0-9)])\(([a-z])\)")


def _base(lang: str) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()


def point_letters(lang: str) -> tuple[str, ...] | None:
    """The language's point letters (a -> [0]), or None when it keeps the Latin ones."""
    return POINT_LETTERS.get(_base(lang))


def display_article(article: str, lang: str) -> str:
    """``article`` (an id without its prefix, e.g. ``23(2)(d)``) as cited in ``lang``."""
    letters = point_letters(lang)
    if not letters:
        return article
    return _POINT.sub(lambda m: f"({letters[LATIN.index(m.group(1))]})", article)


def display_id(right_id: str, lang: str) -> str:
    """A whole right id as shown in ``lang``: the prefix kept (``2011/36:14(2)``), the points localised."""
    prefix, _, article = right_id.rpartition(":")
    return (prefix + ":" if prefix else "") + display_article(article, lang)
