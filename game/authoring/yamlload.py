"""Safe, bounded YAML loading that remembers where every key and value came from.

We build plain Python data straight from PyYAML's event stream instead of using ``yaml.load``:
that lets us refuse hostile input while reading it (depth, alias expansion), treat a repeated key
as an error rather than silently keeping the last one, and record a (line, col) for every path so
diagnostics can point at the author's text. Only the safe scalar types are constructed.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.authoring.diagnostics import INVISIBLE, Diagnostic, describe_character
from game.engine import safeio

MAX_BYTES = 2 * 1024 * 1024  # scenarios are a few hundred KB; 2 MB leaves ample room
MAX_DEPTH = 40  # a scenario nests about 7 levels deep
MAX_ALIAS_NODES = 1000  # values an alias may copy in, summed over all aliases

Path = tuple  # ("nodes", 3, "choices", 0, "next")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same events, faster
_constructor = yaml.constructor.SafeConstructor()
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class LoadError(Exception):
    """The file could not be turned into data; ``diagnostic`` says where and why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


class SourceError(Exception):
    """The file could not be read at all (missing, a folder, no permission): a usage problem."""


@dataclass
class Loaded:
    """Plain data plus where each part of it was written (1-based line and column)."""

    path: str
    data: Any
    value_pos: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # Where the text of a single-line scalar starts relative to its mark (1 after a quote), so a
    # column inside a condition string can be turned into a column in the file.
    text_shift: dict[Path, int] = field(default_factory=dict)
    # Warnings about how the text was written (a value cut at ' #', a stray or curly quote): the
    # file loads, but the game would show something the author did not mean.
    notes: list[Diagnostic] = field(default_factory=list)

    def pos(self, path: Path) -> tuple[int, int]:
        """Position of the value at ``path``, or of the nearest enclosing value that has one."""
        path = tuple(path)
        while path:
            if path in self.value_pos:
                return self.value_pos[path]
            path = path[:-1]
        return self.value_pos.get((), (1, 1))

    def key(self, path: Path) -> tuple[int, int]:
        """Position of the key that introduces ``path`` (falls back to the value's position)."""
        path = tuple(path)
        if path in self.key_pos:
            return self.key_pos[path]
        return self.pos(path)


def read_source(path: str) -> bytes:
    """Read a file's bytes, refusing big files before reading them (E103)."""
    problem = safeio.path_problem(path)  # a named pipe would block the open, a folder is not a file
    if problem is not None and not problem.startswith("cannot read it"):
        if problem.startswith("a folder"):
            problem = "is a folder, not a file"
        raise SourceError(f"{path}: {problem}")
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    if size > MAX_BYTES:
        raise LoadError(_too_large(path, size))
    try:
        raw = safeio.read_regular(path, MAX_BYTES)  # non-blocking, and refuses a pipe swapped in since
    except OSError as exc:
        raise SourceError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise LoadError(_too_large(path, len(raw)))
    return raw


def _too_large(path: str, size: int) -> Diagnostic:
    return Diagnostic(
        path, 1, 1, "error", "E103",
        f"the file is {size / 1_048_576:.1f} MB; scenario files may be at most {MAX_BYTES // 1_048_576} MB",
        "split the scenario into several files, or check that this is the file you meant",
    )


def load_file(path: str) -> Loaded:
    """Read and load one YAML file. Raises SourceError or LoadError."""
    return load_bytes(read_source(path), path)


def load_bytes(raw: bytes, path: str = "<text>") -> Loaded:
    if len(raw) > MAX_BYTES:
        raise LoadError(_too_large(path, len(raw)))
    return load_text(_decode(raw, path), path)


def _decode(raw: bytes, path: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(Diagnostic(path, 1, 1, "error", "E107", "the file is saved as UTF-16, not UTF-8",
                                   "save it again with the UTF-8 encoding (most editors offer it under 'Save as')"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise LoadError(Diagnostic(
            path, line, col, "error", "E107",
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8 text",
            "save the file with the UTF-8 encoding; text pasted from a word processor is a common cause",
        )) from None


def load_text(text: str, path: str = "<text>") -> Loaded:
    """Turn YAML text into data with positions. Raises LoadError."""
    builder = _Builder(path)
    loader = _Loader(text)
    try:
        builder.run(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        too_deep = _parser_depth_limit(exc, text, mark)
        if too_deep is not None:
            raise LoadError(_too_deep(path, *too_deep)) from None
        if exc.context and "quoted scalar" in exc.context and exc.context_mark:
            mark = exc.context_mark  # an unclosed quote: the opening quote is what needs fixing
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "the YAML could not be read"
        if exc.context and exc.context_mark and exc.problem:
            problem += f" ({exc.context} that starts at line {exc.context_mark.line + 1})"
        cause = _syntax_cause(text, exc)
        if cause is not None:  # the parser's words name a symptom; say what the author typed
            line, col, problem, hint = cause
            raise LoadError(Diagnostic(path, line, col, "error", "E101", f"YAML syntax: {problem}", hint)) from None
        raise LoadError(Diagnostic(path, line, col, "error", "E101", f"YAML syntax: {problem}",
                                   _syntax_hint(problem))) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raise LoadError(Diagnostic(path, line, col, "error", "E107",
                                   f"the character U+{exc.character:04X} is not allowed in YAML text",
                                   "delete it; it is often an invisible control character from a copy-paste")) from None
    except RecursionError:  # no PyYAML parser recurses today; a future one must not print a traceback
        line, col = _flow_too_deep(text, len(text)) or (1, 1)
        raise LoadError(_too_deep(path, line, col)) from None
    except yaml.YAMLError as exc:  # e.g. the C parser's reader errors, which carry no mark
        raise LoadError(Diagnostic(path, 1, 1, "error", "E101", f"YAML syntax: {exc}", None)) from None
    finally:
        loader.dispose()
    loaded = builder.result
    if not isinstance(loaded.data, dict):
        kind = "empty" if loaded.data is None else f"a {_kind_name(loaded.data)}"
        line, col = loaded.value_pos.get((), (1, 1))
        raise LoadError(Diagnostic(path, line, col, "error", "E106", f"the file is {kind}, but it must be a mapping of keys",
                                   "start the file with keys such as 'id: my-scenario' at the left margin"))
    loaded.notes = _text_notes(text, path, builder.plain_texts)
    return loaded


_CURLY_OPEN = "\u201c\u2018\u201e\u00ab"
_CURLY_CLOSE = "\u201d\u2019\u201c\u00bb"
_COMMENT_AFTER = re.compile(r"[ \t]+#(.*)$")


def _text_notes(text: str, path: str, plain_texts: list) -> list[Diagnostic]:
    """W430-W432 for plain (unquoted) texts, which YAML reads differently from how they look.

    W430: ' #' ends a plain text and starts a comment, so 'the helpline #116 111.' loses its end;
    warned when the comment reads like the rest of a sentence (no space after '#', or it ends
    like a sentence while the text does not). W431: an odd number of '"' in a plain text (its
    opening quote is missing, so the quote is shown). W432: a text wrapped in curly quotes.
    """
    if not plain_texts:
        return []
    lines = text.split("\n")
    out = []
    for value_path, start, end, value in plain_texts:
        name = _field_name(value_path)
        if end.line < len(lines) and " " in value.strip():
            after = _COMMENT_AFTER.match(lines[end.line], end.column)
            if after:
                comment = after.group(1).rstrip("\r")
                prose = comment[:1] not in ("", " ", "\t", "#") or (
                    comment.rstrip()[-1:] in ".!?" and value.rstrip()[-1:] not in ".!?:")
                if prose:
                    hash_col = lines[end.line].index("#", end.column) + 1
                    out.append(Diagnostic(
                        path, end.line + 1, hash_col, "warning", "W430",
                        f"{name} stops at ' #': YAML reads '#{_clip_text(comment.strip())}' as a comment, so the "
                        f"game shows only '{_clip_text(value)}'",
                        "put the whole text in double quotes to keep the '#' and what follows"))
        quotes = value.count('"')
        if quotes % 2 == 1:
            index = value.index('"') if not value.endswith('"') else len(value) - 1
            line, col = start.line + 1, start.column + 1 + (index if start.line == end.line else 0)
            out.append(Diagnostic(path, line, col, "warning", "W431",
                                  f"{name} holds a stray '\"' that the game will show: "
                                  f"'{_clip_text(value)}'",
                                  "put a '\"' at the start of the text too if it was meant to be quoted, or delete it"))
        elif value[:1] in _CURLY_OPEN and value[-1:] in _CURLY_CLOSE and len(value) > 1:
            out.append(Diagnostic(path, start.line + 1, start.column + 1, "warning", "W432",
                                  f"{name} is wrapped in curly quotes {value[0]}...{value[-1]}, which YAML keeps "
                                  "as part of the text, so the game shows them",
                                  'use straight quotes "..." around the text (word processors change them '
                                  'into curly ones)'))
    return out


def _field_name(value_path: Path) -> str:
    for part in reversed(value_path):
        if isinstance(part, str):
            return f"'{part}'"
    return "the text"


def _clip_text(value: str, limit: int = 50) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 3] + "..."


def _too_deep(path: str, line: int, col: int) -> Diagnostic:
    return Diagnostic(path, line, col, "error", "E104", f"the data is nested more than {MAX_DEPTH} levels deep",
                      "a scenario needs about 7 levels; check the indentation")


# Recent libyaml builds (the one in PyYAML 6.0.4's wheels, for one) stop at 1,000 levels themselves,
# before our builder sees the events: "exceeded maximum nesting depth" while increasing flow level.
_DEPTH_WORDS = ("nesting depth", "nesting level", "too deep", "maximum depth", "recursion")


def _parser_depth_limit(exc: yaml.MarkedYAMLError, text: str, mark) -> tuple[int, int] | None:
    """Where the parser's own depth limit struck, as our E104 position, or None for other errors.

    Recognised by the problem text of libyaml or PyYAML, whatever its wording in a given version,
    and independently by counting the flow nesting ('[' and '{') in the text before the error, so a
    parser that refuses deep nesting in its own words still gives our code and message.
    """
    said = f"{exc.problem or ''} {exc.context or ''}".lower()
    end = len(text)
    if mark is not None and mark.line is not None:
        end = _index_of(text, mark.line, mark.column)
    counted = _flow_too_deep(text, end)
    if counted is not None:
        return counted
    if any(word in said for word in _DEPTH_WORDS):
        return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return None


def _index_of(text: str, line: int, column: int) -> int:
    index = 0
    for _ in range(line):
        found = text.find("\n", index)
        if found < 0:
            return len(text)
        index = found + 1
    return min(len(text), index + column)


def _flow_too_deep(text: str, end: int) -> tuple[int, int] | None:
    """(line, col) of the first '[' or '{' that opens level MAX_DEPTH + 1 before ``end``, or None.

    Only the error path calls this (a file the parser accepted has its depth counted exactly by the
    builder). Quoted text and comments are skipped; brackets inside plain block text could be
    over-counted, which is harmless here because the parser has already refused the file.
    """
    # Levels are counted as the builder counts them: a file that starts with keys is level 1.
    depth = 0 if text.lstrip()[:1] in ("[", "{") else 1
    line, line_start = 1, 0
    quote = None  # the quote character of the quoted text we are inside
    skip_to = 0  # the end of a comment or an escape
    for found in _FLOW_SIGNS.finditer(text, 0, end):
        i = found.start()
        ch = text[i]
        if ch == "\n":
            line, line_start = line + 1, i + 1
            continue
        if i < skip_to:
            continue
        before = text[i - 1] if i else "\n"
        if quote is not None:
            if ch == "\\" and quote == '"':
                skip_to = i + 2
            elif ch == quote:
                if quote == "'" and text.startswith("''", i):
                    skip_to = i + 2  # '' is an apostrophe inside single quotes
                else:
                    quote = None
            continue
        if ch == "#":
            if before in " \t\n":
                stop = text.find("\n", i, end)
                skip_to = end if stop < 0 else stop
        elif ch in "'\"":
            if before in " \t\n[{,:":
                quote = ch
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, i - line_start + 1
        elif ch in "]}":
            depth = max(0, depth - 1)
    return None


_FLOW_SIGNS = re.compile(r"[\[\]{}'\"#\n\\]")


def _line_col(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _syntax_cause(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str, str] | None:
    """(line, col, problem, hint) naming what the author typed, when the lines around the error show it.

    The parser reports where it gave up, often a line or more below the mistake: an unclosed quote
    runs on, a no-break space makes 'key:\u00a0value' one plain word. Looked at, in this order:
    invisible characters, tabs, a quote opened and not closed, then indentation.
    """
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    lines = text.split("\n")
    last = min(mark.line, len(lines) - 1)
    first = exc.context_mark.line if exc.context_mark is not None else last
    first = max(0, min(first, last - 1), last - 8)  # the line above too: the parser stops late
    problem = exc.problem or ""
    for n in range(first, last + 1):
        for c, ch in enumerate(lines[n]):
            if ch in INVISIBLE and _structural(lines[n], c, n == last and c <= mark.column):
                return (n + 1, c + 1, f"line {n + 1} holds an invisible character, {describe_character(ch)}, "
                        f"at column {c + 1}; YAML does not read it as a space",
                        "delete it and type an ordinary space; it usually comes with text pasted from a web page")
    here = lines[last]
    tab = here.find("\t")
    if tab >= 0 and (tab <= mark.column or not here[:tab].strip()):
        return (last + 1, tab + 1,
                f"a TAB character at line {last + 1}, column {tab + 1}; YAML indents with spaces only",
                "use spaces, not a tab (set the editor to insert spaces for the Tab key)")
    for n in range(first, last + 1):
        opened = _unclosed_quote(lines[n])
        if opened is None:
            continue
        col, quote, closed_at = opened
        if quote == "'" and closed_at is not None:
            return (n + 1, closed_at + 1, f"the text in single quotes that starts at column {col + 1} ends at the "
                    f"apostrophe at column {closed_at + 1}",
                    "inside '...' write an apostrophe twice ('it''s'), or put the text in double quotes")
        if n < last or quote == '"':
            kind = "double" if quote == '"' else "single"
            return (n + 1, col + 1, f"the text in {kind} quotes opened at line {n + 1}, column {col + 1} is not closed "
                    "on that line, so it runs on into the lines below",
                    f"the quote opened there is never closed: add the closing {quote} at the end of the text "
                    f"on line {n + 1}")
    return _indentation_cause(lines, last, mark.column, problem)


def _structural(line: str, c: int, before_mark: bool) -> bool:
    """Whether an invisible character at column index ``c`` stands where YAML needs a real space:
    in the indentation, right after a ':' or '-' indicator, or (on the line the parser stopped at)
    before that point outside quotes. A no-break space inside a French or quoted text is not the
    mistake, so it is not blamed."""
    before = line[:c]
    if not before.strip(" \t" + "".join(INVISIBLE)):
        return True
    if before.endswith((":", "-")):
        return True
    return before_mark and '"' not in before and "'" not in before


def _unclosed_quote(line: str) -> tuple[int, str, int | None] | None:
    """(column of the opening quote, the quote, column of an early closing quote or None) for a line
    whose quoted value is not closed as it should be; None when its quotes are in order."""
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return None
        lead = line[:i].rstrip(" \t")
        if ch in "'\"" and (not lead or lead[-1] in "[{,:-") and (i == 0 or line[i - 1] in " \t[{,"):
            j = i + 1
            while j < n:
                if ch == '"' and line[j] == "\\":
                    j += 2
                    continue
                if line[j] == ch:
                    if ch == "'" and line.startswith("''", j):
                        j += 2
                        continue
                    break
                j += 1
            if j >= n:
                return i, ch, None
            after = line[j + 1:j + 2]
            if ch == "'" and after.isalpha():
                return i, ch, j  # Nia's: the apostrophe closed the quotes
            i = j + 1
            continue
        i += 1
    return None


def _indentation_cause(lines: list[str], n: int, column: int, problem: str) -> tuple[int, int, str, str] | None:
    """A key indented unlike the keys of its mapping: the parser says 'mapping values are not allowed'
    or 'did not find expected key / '-' indicator' at it."""
    if not any(words in problem for words in ("mapping values are not allowed", "expected key",
                                              "expected '-' indicator", "expected <block end>")):
        return None
    here = lines[n]
    before_mark = here[:column]
    if "mapping values" in problem and ": " in before_mark.strip() + " ":
        return None  # 'text: Note: ...': a value with ': ' in it, which the quoting hint is right about
    indent = len(here) - len(here.lstrip(" "))
    key = here.strip().split(":", 1)[0].lstrip("- ").strip()
    for m in range(n - 1, -1, -1):
        above = lines[m]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        above_indent = len(above) - len(above.lstrip(" "))
        stripped = above.strip()
        key_col = above_indent + (2 if stripped.startswith("- ") else 0)
        if stripped.endswith(":") or key_col == indent:
            return None  # opens a mapping or a list below it, or lines up: not what went wrong
        above_key = stripped.lstrip("- ").split(":", 1)[0].strip()
        return (n + 1, indent + 1, f"'{key}' on line {n + 1} is indented {indent} spaces, but '{above_key}' on line "
                f"{m + 1} is at {key_col}; YAML cannot tell which mapping '{key}' belongs to",
                f"keys of one mapping start in the same column: indent '{key}' by {key_col} spaces "
                "(or fix the line above if that is the one out of line)")
    return None


def _syntax_hint(problem: str) -> str | None:
    if "tab" in problem:
        return "indent with spaces, never tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. text: \"Note: ...\""
    if "could not find expected ':'" in problem:
        return "each line of a mapping needs 'key: value'; check the quotes and the indentation above"
    if "found character" in problem and "cannot start any token" in problem:
        return "quote values that start with special characters such as ` @ or %"
    if "quoted scalar" in problem:
        return "a quote opened here is never closed; add the closing quote"
    if "undefined alias" in problem:
        return "an alias *name needs an anchor &name defined earlier in the file"
    return "check the indentation and the quotes on this line and the one above"


def _kind_name(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "piece of text"
    return type(value).__name__


class _Anchored:
    """A finished anchored value and the number of values inside it (what one alias copies in)."""

    __slots__ = ("value", "size")

    def __init__(self, value: Any, size: int):
        self.value = value
        self.size = size


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("container", "path", "anchor", "size", "pending_key", "merges", "is_map")

    def __init__(self, container: Any, path: Path, anchor: str | None, is_map: bool):
        self.container = container
        self.path = path
        self.anchor = anchor
        self.size = 1
        self.pending_key: Any = _NO_KEY
        self.merges: list = []
        self.is_map = is_map


_NO_KEY = object()


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.result = Loaded(path, None)
        self.anchors: dict[str, _Anchored] = {}
        self.alias_nodes = 0
        self.stack: list[_Frame] = []
        self.documents = 0
        self.plain_texts: list = []  # (path, start mark, end mark, value) of unquoted texts worth a look

    # -- the event loop ---------------------------------------------------------------------
    def run(self, loader) -> None:
        # One flat loop over the events; the hot path (scalars) is inlined because a 5,000-node
        # scenario is a quarter of a million events.
        vp, kp, shift = self.result.value_pos, self.result.key_pos, self.result.text_shift
        stack = self.stack
        scalar_event = yaml.ScalarEvent
        while loader.check_event():
            event = loader.get_event()
            cls = type(event)
            parent = stack[-1] if stack else None
            if cls is scalar_event:
                if parent is not None and parent.is_map and parent.pending_key is _NO_KEY:
                    self._take_key(parent, event, kp)
                    continue
                child_path = self._child_path(parent)
                mark = event.start_mark
                line = mark.line
                vp[child_path] = (line + 1, mark.column + 1)
                style = event.style
                if line == event.end_mark.line:
                    if not style:
                        shift[child_path] = 0
                    elif style in ("'", '"'):
                        shift[child_path] = 1
                if not style and event.tag is None:
                    value = self._plain_scalar(event)
                    if type(value) is str and (" " in value or '"' in value or value[:1] in _CURLY_OPEN):
                        self.plain_texts.append((child_path, mark, event.end_mark, value))
                elif style and event.tag is None:
                    value = event.value  # quoted and block scalars are always text
                else:
                    value = self._scalar(event)
                self._attach(parent, value, 1)
                if event.anchor is not None:
                    self.anchors[event.anchor] = _Anchored(value, 1)
                continue
            if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.merges:
                    self._apply_merges(frame)
                if stack:
                    stack[-1].size += frame.size
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = _Anchored(frame.container, frame.size)
                continue
            if cls is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self._fail(event.start_mark, "E101", "the file holds more than one YAML document ('---')",
                               "keep one scenario per file and remove the second '---'")
                continue
            if cls in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if parent is not None and parent.is_map and parent.pending_key is _NO_KEY:
                self._take_key(parent, event, kp)  # a list or mapping used as a key: refused there
                continue
            child_path = self._child_path(parent)
            mark = event.start_mark
            vp[child_path] = (mark.line + 1, mark.column + 1)
            if cls is yaml.AliasEvent:
                anchored = self.anchors.get(event.anchor)
                if anchored is None:
                    self._fail(mark, "E101", f"the alias *{event.anchor} has no anchor &{event.anchor} before it "
                                             "(or refers to itself)", "define '&name' before using '*name'")
                self.alias_nodes += anchored.size
                if self.alias_nodes > MAX_ALIAS_NODES:
                    self._fail(mark, "E105", f"aliases in this file expand to more than {MAX_ALIAS_NODES} values",
                               "write the repeated parts out, or use fewer nested aliases")
                self._attach(parent, anchored.value, anchored.size)
                continue
            is_map = cls is yaml.MappingStartEvent
            expected = _MAP_TAG if is_map else _SEQ_TAG
            if event.tag not in (None, "!", expected):
                self._fail(mark, "E101", f"the tag {event.tag} is not supported", "remove the '!' tag")
            if len(stack) >= MAX_DEPTH:
                raise LoadError(_too_deep(self.path, mark.line + 1, mark.column + 1))
            frame = _Frame({} if is_map else [], child_path, event.anchor, is_map)
            # Attach now so the parent holds it; its size is added when it closes.
            self._attach(parent, frame.container, 0)
            stack.append(frame)

    def _plain_scalar(self, event) -> Any:
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG or tag not in _CONSTRUCTORS:  # YAML 1.1 oddities ('=', '<<') stay text
            return event.value
        return self._construct(event, tag)

    # -- helpers ----------------------------------------------------------------------------
    def _fail(self, mark, code: str, message: str, hint: str | None):
        raise LoadError(Diagnostic(self.path, mark.line + 1, mark.column + 1, "error", code, message, hint))

    def _child_path(self, parent: _Frame | None) -> Path:
        if parent is None:
            return ()
        if parent.is_map:
            return parent.path + (parent.pending_key,)
        return parent.path + (len(parent.container),)

    def _take_key(self, frame: _Frame, event, key_pos) -> None:
        mark = event.start_mark
        if not isinstance(event, yaml.ScalarEvent):
            self._fail(mark, "E101", "a key must be a plain name, not a list or a mapping",
                       "write keys as 'name: value'")
        key = event.value  # keys stay as written: 'yes', '1' and 'null' are names here, not values
        if not event.style and key == "<<":
            frame.pending_key = _MERGE_KEY
            return
        if key in frame.container:
            first = key_pos.get(frame.path + (key,))
            where = f" (first at line {first[0]})" if first else ""
            hint = "keep one of them; YAML would otherwise silently drop the first"
            if key == "id" and frame.path[-1:] != () and isinstance(frame.path[-1:][0], int):
                hint = ("if this 'id' starts a new item of the list (a node, a choice), begin its line with '- '; "
                        "otherwise keep one of them")
            self._fail(mark, "E102", f"the key '{key}' appears twice in this mapping{where}", hint)
        key_pos[frame.path + (key,)] = (mark.line + 1, mark.column + 1)
        frame.pending_key = key

    def _scalar(self, event) -> Any:
        """A scalar with an explicit tag such as '!!str 3' or '!!python/object'."""
        tag = event.tag
        if tag == "!":
            return event.value
        if tag not in _SAFE_SCALAR_TAGS:
            self._fail(event.start_mark, "E101", f"the tag {tag} is not supported", "remove the '!' tag")
        return self._construct(event, tag)

    def _construct(self, event, tag: str) -> Any:
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = _CONSTRUCTORS[tag](_constructor, node)
        except (yaml.YAMLError, ValueError, OverflowError):
            self._fail(event.start_mark, "E101", f"the value '{event.value}' cannot be read as {tag.rsplit(':', 1)[-1]}",
                       "quote it to keep it as text")
        if isinstance(value, datetime.datetime):
            value = value.isoformat()  # only dates mean something in our files
        return value

    def _attach(self, parent: _Frame | None, value: Any, size: int) -> None:
        if parent is None:
            self.result.data = value
            return
        parent.size += size
        if parent.is_map:
            key = parent.pending_key
            parent.pending_key = _NO_KEY
            if key is _MERGE_KEY:
                parent.merges.append(value)
            else:
                parent.container[key] = value
        else:
            parent.container.append(value)

    def _apply_merges(self, frame: _Frame) -> None:
        # '<<: *base' copies keys the mapping does not set itself (YAML merge keys).
        for merged in frame.merges:
            sources = merged if isinstance(merged, list) else [merged]
            for source in sources:
                if not isinstance(source, dict):
                    line, col = self.result.value_pos.get(frame.path, (1, 1))
                    raise LoadError(Diagnostic(self.path, line, col, "error", "E101",
                                               "'<<' can only merge a mapping", "point '<<' at an anchored mapping"))
                for key, value in source.items():
                    frame.container.setdefault(key, value)


_MERGE_KEY = object()
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_CONSTRUCTORS = {tag: yaml.constructor.SafeConstructor.yaml_constructors[tag] for tag in _SAFE_SCALAR_TAGS}
