"""A source's translation into one language: read from its .po, or generated for the pseudo-locale."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from game.i18n import pofiles, pseudo
from game.i18n.sources import Source


@dataclass
class Translation:
    source: Source
    lang: str
    path: Path | None  # None for the generated pseudo-locale
    entries: list = field(default_factory=list)  # polib entries, obsolete ones included

    def usable(self) -> dict[str, str]:
        """{stable id: text} for entries that are translated, not fuzzy, not obsolete, whose
        English still matches the source (a stale entry falls back to English) and whose
        placeholders are the English ones (a broken one falls back to English: see ``broken``)."""
        english = {u.ctxt: u.text for u in self.source.units}
        found = {}
        for entry in self.entries:
            if entry.obsolete or not entry.msgstr or "fuzzy" in entry.flags:
                continue
            if english.get(entry.msgctxt) == entry.msgid and placeholder_problem(entry.msgid, entry.msgstr) is None:
                found[entry.msgctxt] = entry.msgstr
        return found

    def broken(self) -> list[tuple[int, str, str]]:
        """(line, stable id, what is wrong) of each translated, current entry whose placeholders
        differ from the English: ``i18n compile`` refuses them, the game uses the English instead."""
        english = {u.ctxt: u.text for u in self.source.units}
        out = []
        for entry in self.entries:
            if entry.obsolete or not entry.msgstr or "fuzzy" in entry.flags or english.get(entry.msgctxt) != entry.msgid:
                continue
            why = placeholder_problem(entry.msgid, entry.msgstr)
            if why is not None:
                out.append((getattr(entry, "linenum", 0) or 0, entry.msgctxt, why))
        return out

    def where(self) -> str:
        return str(self.path) if self.path is not None else str(self.source.path)


def placeholders(text: str) -> Counter:
    """The placeholders of a text ({name}, %s, %(name)s), counted."""
    return Counter(m.group(0) for m in pseudo.PLACEHOLDER.finditer(text) if m.group(0) != "%%")


def _braces(text: str) -> tuple[int, int]:
    rest = pseudo.PLACEHOLDER.sub("", text)
    return rest.count("{"), rest.count("}")


def placeholder_problem(english: str, translated: str) -> str | None:
    """None when ``translated`` has exactly the placeholders of ``english`` and no other brace
    ('{{article}}' or '{article' would print braces or lose the value), else what differs."""
    want, got = placeholders(english), placeholders(translated)
    if want != got:
        return f"placeholders differ: English has {_list(want)}, translation has {_list(got)}"
    if _braces(english) != _braces(translated):
        return (f"the translation has a '{{' or '}}' that is not part of a placeholder (English has "
                f"{_list(want)}); write each placeholder exactly as in the English")
    return None


def _list(counter: Counter) -> str:
    return ", ".join(sorted(counter.elements())) or "none"


def languages_of(source: Source) -> list[str]:
    """Languages with a .po beside the source (tutorial.bg.po -> bg)."""
    return languages_beside(source.path)


def languages_beside(source_path: Path) -> list[str]:
    """Languages with a .po beside a scenario or catalogue file, without reading it."""
    stem = source_path.stem
    langs = []
    for path in sorted(source_path.parent.glob(f"{stem}.*.po")):
        lang = path.name[len(stem) + 1:-3]
        if lang and "." not in lang:
            langs.append(lang)
    return langs


def load(source: Source, lang: str) -> Translation | None:
    """The translation, or None when there is no .po for it. Raises UserError for a broken .po."""
    if lang == pseudo.CODE:
        import polib

        entries = [polib.POEntry(msgctxt=u.ctxt, msgid=u.text, msgstr=pseudo.pseudo(u.text)) for u in source.units]
        for entry, unit in zip(entries, source.units):
            entry.linenum = unit.line
        return Translation(source, lang, None, entries)
    path = source.po_path(lang)
    if not path.exists():
        return None
    return Translation(source, lang, path, list(pofiles.read(path)))
