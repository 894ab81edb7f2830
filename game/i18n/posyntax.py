"""A light line-by-line check of PO syntax: the first malformed line and what is wrong with it.

polib is lenient: an unterminated string loses its last character without a word, and a msgid
whose string is only ``"x`` silently becomes the empty msgid. When polib does fail, its message
often has no line ("Entry "" already exists"). This scan finds where a file goes wrong so the
translator is sent to the right line. It knows only the line grammar of gettext PO files
(comments, keywords, quoted strings) and the order of keywords within an entry; it does not
decode strings or judge their content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=\s|\"|$)\s*(.*)$")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


@dataclass
class _Entry:
    """The keywords seen so far in the entry being read."""

    first_line: int = 0
    msgid_line: int = 0
    keywords: list[str] = field(default_factory=list)
    ctxt: str | None = None
    msgid: str = ""
    last: str = ""  # the keyword the next continuation string belongs to

    @property
    def has_msgstr(self) -> bool:
        return any(k.startswith("msgstr") for k in self.keywords)


def string_problem(text: str) -> str | None:
    """Why ``text`` is not one quoted PO string (None when it is)."""
    text = text.rstrip()
    if not text.startswith('"'):
        return "a quoted string is expected here"
    closed = STRING.match(text)
    if closed is None:  # no closing quote, or the last one is escaped: \"
        return "the string is not closed by a double quote"
    if closed.end() < len(text):
        return 'text after the closing double quote (a quote inside the text is written \\")'
    return None


def first_problem(text: str) -> tuple[int, str] | None:
    """(line number, reason) of the first malformed line of PO ``text``, or None."""
    active, obsolete = _Entry(), _Entry()
    seen: dict[tuple[str | None, str], int] = {}

    def finish(entry: _Entry, is_obsolete: bool) -> tuple[int, str] | None:
        if entry.keywords and not entry.has_msgstr:
            if entry.msgid_line:
                return entry.msgid_line, "this msgid has no msgstr after it"
            return entry.first_line, "this msgctxt has no msgid and msgstr after it"
        if entry.msgid_line and not is_obsolete:
            key = (entry.ctxt, entry.msgid)
            if key in seen:
                what = f"msgctxt {entry.ctxt!r}" if entry.ctxt is not None else f"msgid {entry.msgid[:40]!r}"
                return (entry.first_line, f"a second entry for {what} (the first is at line {seen[key]})")
            seen[key] = entry.first_line
        return None

    lines = text.lstrip("\ufeff").splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        is_obsolete = line.startswith("#~")
        if is_obsolete:
            line = line[2:].strip()
            if line.startswith("|"):  # #~| the previous English of an obsolete entry
                line = ""
        elif line.startswith("#|"):  # previous English of a fuzzy entry: only its strings are checked
            found = KEYWORD.match(line[2:].strip())
            rest = found.group(2) if found else line[2:].strip()
            problem = string_problem(rest) if rest else None
            if problem:
                return number, problem
            continue
        if not line or (line.startswith("#") and not is_obsolete):
            continue
        entry = obsolete if is_obsolete else active
        found = KEYWORD.match(line)
        if found is None:
            if not line.startswith('"'):
                return number, f"{line.split()[0][:20]!r} is not a PO keyword, comment or quoted string"
            problem = string_problem(line)
            if problem:
                return number, problem
            if not entry.last:
                return number, "this quoted string belongs to no msgctxt, msgid or msgstr"
            value = STRING.fullmatch(line).group(1)
            if entry.last == "msgctxt":
                entry.ctxt = (entry.ctxt or "") + value
            elif entry.last == "msgid":
                entry.msgid += value
            continue
        keyword, rest = found.group(1), found.group(2)
        problem = string_problem(rest)
        if problem:
            return number, f"{keyword}: {problem}"
        value = STRING.fullmatch(rest.rstrip()).group(1)
        continues = keyword == "msgid" and entry.keywords == ["msgctxt"]
        if keyword in ("msgctxt", "msgid") and entry.keywords and not continues:
            done = finish(entry, is_obsolete)
            if done:
                return done
            entry = _Entry()
            if is_obsolete:
                obsolete = entry
            else:
                active = entry
        if not entry.keywords:
            entry.first_line = number
        if keyword == "msgctxt":
            entry.ctxt = value
        elif keyword == "msgid":
            entry.msgid_line, entry.msgid = number, value
        elif keyword == "msgid_plural":
            if entry.keywords[-1:] != ["msgid"]:
                return number, "msgid_plural must follow a msgid"
        elif not entry.msgid_line or (keyword == "msgstr" and entry.has_msgstr):
            return number, f"{keyword} without a msgid before it"
        entry.keywords.append(keyword)
        entry.last = keyword
    for entry, is_obsolete in ((active, False), (obsolete, True)):
        done = finish(entry, is_obsolete)
        if done:
            return done
    return None
