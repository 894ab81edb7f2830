"""Reading what a user hands us without crashing or hanging: JSON of bounded depth, regular files only.

Standard library only, so the engine, the UI's saves, the exports, the LRS client and the authoring
tools all read JSON and files the same way (docs/CONTRACTS.md §13).

- ``loads(text)`` is ``json.loads`` that refuses JSON nested deeper than ``MAX_JSON_DEPTH`` with a
  ``JSONTooDeep`` (a ValueError) *before* parsing, so no reader meets a RecursionError, neither in
  ``json`` nor in our own code walking the data afterwards.
- ``read_regular(path)`` opens without blocking and refuses anything but a regular file (a named
  pipe would otherwise hang the reader for ever, a device could stream without end).
- ``scan_folder(folder, suffixes)`` lists the files of a folder tree that can be read, and notes the
  entries it skipped (broken symbolic links such as an editor's ``.#x.yaml`` lock, named pipes,
  folders named like files, symbolic link loops).
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

# Every file RightsPath writes nests far less: a compiled story about 10 levels plus its conditions
# (at most 40 levels of parentheses, two JSON levels each in the old tree form), a save or an export
# about 8. 200 leaves ample room and stays far below Python's recursion limit.
MAX_JSON_DEPTH = 200

_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class JSONTooDeep(ValueError):
    """JSON nested deeper than MAX_JSON_DEPTH."""


class NotARegularFile(OSError):
    """A path that is not a regular file (named pipe, device, socket, folder)."""


def json_depth_exceeds(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON ``text`` nests arrays and objects more than ``limit`` deep.

    Exact for valid JSON; for invalid JSON the answer does not matter (``json.loads`` refuses it).
    Works at C speed: escapes and strings are cut out, then the innermost bracket pairs are removed
    once per level, at most ``limit`` times.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    # Inside a string, "\\" and "\"" are the only escapes that could hide or fake a quote; without
    # them, the text between the 1st and 2nd quote, the 3rd and 4th... is exactly the strings.
    if "\\\\" in text:
        text = text.replace("\\\\", "")
    if '\\"' in text:
        text = text.replace('\\"', "")
    structure = "".join(text.split('"')[::2])
    brackets = _NOT_BRACKET.sub("", structure).replace("{", "[").replace("}", "]")
    if "[" * (limit + 1) in brackets:
        return True
    for _ in range(limit):
        if not brackets:
            return False
        shorter = brackets.replace("[]", "")
        if len(shorter) == len(brackets):  # unbalanced: not JSON, json.loads will say so
            return False
        brackets = shorter
    return bool(brackets)


def decode_json_bytes(data: bytes) -> str:
    """Bytes to text as ``json.loads`` would decode them (UTF-8, UTF-16 or UTF-32, with or without
    a BOM); UnicodeDecodeError (a ValueError) when they are not text."""
    return data.decode(json.detect_encoding(data), "surrogatepass")


def loads(text: str | bytes | bytearray, *, limit: int = MAX_JSON_DEPTH, **kwargs) -> Any:
    """``json.loads`` for input we did not write ourselves. Raises ValueError only: JSONDecodeError,
    UnicodeDecodeError, or JSONTooDeep (nested more than ``limit`` levels)."""
    if isinstance(text, (bytes, bytearray)):
        text = decode_json_bytes(bytes(text))
    if json_depth_exceeds(text, limit):
        raise JSONTooDeep(f"the JSON is nested more than {limit} levels deep")
    try:
        return json.loads(text, **kwargs)
    except RecursionError:  # a lower recursion limit than ours (some browser builds)
        raise JSONTooDeep(f"the JSON is nested too deeply to read (limit {limit} levels)") from None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def not_regular(path: str | os.PathLike, mode: int) -> NotARegularFile:
    kind = _kind(mode)
    what = kind if kind == "not a regular file" else f"{kind}, not a regular file"
    return NotARegularFile(errno.EINVAL, what, str(path))


def path_problem(path: str | os.PathLike) -> str | None:
    """Why ``path`` cannot be read as a file (no such file, a broken or looping symbolic link, a named
    pipe, a folder...), or None when it is a regular file. Reading it may still be refused (permission)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if os.path.islink(path):
            return f"a broken symbolic link (to {os.readlink(path)})"
        if exc.errno == errno.ENOENT:
            return "no such file"
        return f"cannot read it ({exc.strerror or exc})"
    if not stat.S_ISREG(st.st_mode):
        return not_regular(path, st.st_mode).strerror
    return None


def read_regular(path: str | os.PathLike, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file. Never blocks on a named pipe: the file is opened non-blocking and
    checked with fstat, so a path swapped for a pipe after a check is refused too.

    Raises OSError: NotARegularFile for pipes, devices, sockets and folders; FileNotFoundError,
    PermissionError and the like otherwise (``exc.strerror`` is a plain reason). With ``max_bytes``,
    reads at most ``max_bytes + 1`` bytes (the caller sees that the file is too large).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "a symbolic link loop", str(path)) from None
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise FileNotFoundError(errno.ENOENT, f"a broken symbolic link (to {os.readlink(path)})",
                                    str(path)) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_regular(path, mode)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    finally:
        os.close(fd)


def scan_folder(folder: str | os.PathLike, suffixes: tuple[str, ...], *, skip_dirs: tuple[str, ...] = (),
                hidden_dirs: bool = False) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(files, skipped) under ``folder``: regular files whose names end in one of ``suffixes``
    (case-insensitive), sorted; and (path, reason) for each matching entry that is not a readable
    regular file. Symbolic links to folders are not followed (no loops); folders named in
    ``skip_dirs``, and hidden ones unless ``hidden_dirs``, are not entered."""
    ends = tuple(s.lower() for s in suffixes)
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for root, dirs, names in os.walk(folder):
        for name in sorted(names + [d for d in dirs if d.lower().endswith(ends)]):
            if not name.lower().endswith(ends):
                continue
            path = Path(root) / name
            problem = path_problem(path)
            if problem is None:
                files.append(path)
            elif name in dirs and problem == "a folder, not a regular file":
                skipped.append((path, "a folder, not a file"))
            else:
                skipped.append((path, problem))
        dirs[:] = sorted(d for d in dirs if d not in skip_dirs and (hidden_dirs or not d.startswith(".")))
    return sorted(files), skipped
