"""A source's translation into one language: read from its .po, or generated for the pseudo-locale."""

from __future__ import annotations

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
        """{stable id: text} for entries that are translated, not fuzzy, not obsolete and whose
        English still matches the source (a stale entry falls back to English)."""
        english = {u.ctxt: u.text for u in self.source.units}
        found = {}
        for entry in self.entries:
            if entry.obsolete or not entry.msgstr or "fuzzy" in entry.flags:
                continue
            if english.get(entry.msgctxt) == entry.msgid:
                found[entry.msgctxt] = entry.msgstr
        return found


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
