"""Writing files without losing anyone's work: the one place every writer of RightsPath goes through.

Two ways of writing, for two kinds of file:

* **New files** (exports of a playthrough): ``create_new`` writes a set of files that share one stem
  (``<stem>.json``, ``<stem>-decisions.csv``, ...) and never replaces anything. Each file is created
  exclusively (a hard link from a finished temporary file, or ``open(..., "x")`` where links are not
  supported); when a name is taken, by an earlier run or by a parallel process, the whole set moves
  on to the next free stem, ``<stem>-2``, ``<stem>-3``...
* **Outputs named with -o** (``compile``, ``graph``, ``schema``, ``report``, ``i18n compile``):
  ``replace_output`` replaces the file only when it holds an earlier output of the same kind (told
  by its content: ``ours``), never a source or a file of another kind, and never one of the
  command's inputs. The bytes go to a temporary file in the same folder, then one rename, so a
  failure never leaves half a file.

Files get the usual permissions, ``0666 & ~umask`` (0644 under umask 022). Standard library only:
this module is shipped to the browser with the exports (where nothing calls the file functions).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import unicodedata
from pathlib import Path
from typing import Callable, Iterable, Sequence

from game.errors import UserError

MAX_COPIES = 10_000
_SAFE_PUNCT = "._-"
_DASHES = re.compile(r"-{2,}")


# --- file names ----------------------------------------------------------------------------

def _safe_char(ch: str) -> bool:
    if ch in _SAFE_PUNCT:
        return True
    cat = unicodedata.category(ch)
    return cat[0] in "LN" or cat in ("Mn", "Mc")  # letters, digits and combining marks of any script


def name_part(text: str, fallback: str, max_chars: int = 40, max_bytes: int = 60) -> str:
    """``text`` as a piece of a file name: NFC, letters and digits of any script and ``._-`` kept,
    every run of anything else (slashes, spaces, colons, control and format characters) one ``-``.

    Short enough (``max_chars`` characters, ``max_bytes`` bytes of UTF-8) that four pieces and a
    time stamp stay well within the 255 bytes a file name may have. ``fallback`` when nothing is left.
    """
    text = unicodedata.normalize("NFC", str(text))
    out, unsafe = [], False
    for ch in text:
        if _safe_char(ch):
            if unsafe and out:
                out.append("-")
            out.append(ch)
            unsafe = False
        else:
            unsafe = True
    part = "".join(out).strip("-.")
    part = part[:max_chars]
    while len(part.encode("utf-8")) > max_bytes:
        part = part[:-1]
    part = part.strip("-.")
    return part or fallback


# --- low-level writing ---------------------------------------------------------------------

def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _write_temp(folder: Path, data: bytes, mode: int = 0o666) -> Path:
    """A finished temporary file in ``folder`` with the permissions ``mode`` (the umask applies)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = folder / f".rightspath-{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, flags, mode)
        except FileExistsError:
            continue
        break
    else:  # pragma: no cover - a hundred random names all taken
        raise FileExistsError(f"{folder}: cannot make a temporary file")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: str | os.PathLike, data: str | bytes, *, mode: int = 0o666) -> None:
    """Replace (or create) ``path`` with ``data`` so that a crash leaves the old file or the new one,
    never half of one: the bytes go to a temporary file beside it and are flushed to disk, then one
    rename; the folder is synced so the rename itself survives a power cut. ``mode`` is before the
    umask (0o600: for the user alone). The one atomic write: saves, catalogues and ``replace_output``.
    OSError when it cannot be done (the old file is then untouched)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = _write_temp(folder, _as_bytes(data), mode)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _link_new(tmp: Path, target: Path, data: bytes) -> None:
    """Give ``tmp``'s finished bytes the name ``target``; FileExistsError if the name is taken."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise
    except (OSError, AttributeError, NotImplementedError):
        pass  # no hard links here (some network and FAT file systems): create the name exclusively
    with open(target, "xb") as handle:  # FileExistsError when the name is taken
        try:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException:
            handle.close()
            target.unlink(missing_ok=True)  # ours, half written a moment ago
            raise


def create_file(target: Path, data: str | bytes) -> None:
    """Create ``target`` with ``data``; never replaces: FileExistsError when the name is taken."""
    data = _as_bytes(data)
    tmp = _write_temp(target.parent, data)
    try:
        _link_new(tmp, target, data)
    finally:
        tmp.unlink(missing_ok=True)


def create_new(folder: str | os.PathLike, stem: str, files: Sequence[tuple[str, str | bytes]]) -> list[Path]:
    """Write ``files`` (suffix, data) as ``<stem><suffix>`` in ``folder`` (created if needed), all
    under one stem, never replacing a file: ``<stem>-2``, ``<stem>-3``... when a name is taken.

    Returns the paths written, in order. A set is whole or absent: on any failure the files this
    call made are removed again (they were written a moment ago by us) and the error is raised.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, MAX_COPIES + 1):
        candidate = stem if n == 1 else f"{stem}-{n}"
        targets = [folder / f"{candidate}{suffix}" for suffix, _ in files]
        if any(os.path.lexists(t) for t in targets):
            continue
        made: list[Path] = []
        try:
            for target, (_, data) in zip(targets, files):
                create_file(target, data)
                made.append(target)
        except FileExistsError:  # a parallel writer took one of these names: try the next stem
            for path in made:
                path.unlink(missing_ok=True)
            continue
        except BaseException:
            for path in made:
                path.unlink(missing_ok=True)
            raise
        return made
    raise FileExistsError(f"{folder}: {MAX_COPIES} files named {stem}... already; nothing written")


# --- -o outputs ----------------------------------------------------------------------------

def _json(data: bytes):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # any file may stand at -o, nested without end
        return None


def is_story_json(data: bytes) -> bool:
    """A compiled story (``rightspath compile``, ``i18n compile``): JSON with our format marker."""
    doc = _json(data)
    return isinstance(doc, dict) and doc.get("format") == "rightspath-story"


def is_json_schema(data: bytes) -> bool:
    """A schema ``rightspath schema`` writes: a JSON Schema titled ``RightsPath ...``."""
    doc = _json(data)
    return (isinstance(doc, dict) and "json-schema.org" in str(doc.get("$schema", ""))
            and str(doc.get("title", "")).startswith("RightsPath "))


def is_mermaid_graph(data: bytes) -> bool:
    """A graph ``rightspath graph`` writes: a fenced Mermaid flowchart."""
    return data.lstrip(b"\xef\xbb\xbf").startswith(b"```mermaid\nflowchart ")


def is_report_html(data: bytes) -> bool:
    """A room report ``rightspath report`` writes: HTML with our generator line near the top."""
    return b'<meta name="generator" content="RightsPath' in data[:4096]


def is_interface_catalogue(data: bytes) -> bool:
    """An interface catalogue ``i18n compile`` writes: a JSON object of strings to strings."""
    doc = _json(data)
    return isinstance(doc, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in doc.items())


def same_first_line(new: str | bytes) -> Callable[[bytes], bool]:
    """For CSV tables: ours when the old file starts with the header line we are about to write."""
    head = _as_bytes(new).lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")

    def ours(data: bytes) -> bool:
        return bool(head) and data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r") == head

    return ours


def describe(path: Path, data: bytes) -> str:
    """What an existing file looks like, for the refusal message."""
    name = path.name.lower()
    text = data[:4096].decode("utf-8", errors="replace")
    if name.endswith((".po", ".pot")) or re.search(r'^msgid ""', text, re.M):
        return "a translation catalogue (.po)"
    if name.endswith((".yaml", ".yml")) or re.search(r"^(id|nodes|rights|instrument):", text, re.M):
        if re.search(r"^instrument:", text, re.M):
            return "a rights catalogue (YAML)"
        return "a scenario or other YAML source"
    if is_story_json(data):
        return "a compiled story"
    if is_json_schema(data):
        return "a JSON Schema"
    if _json(data) is not None:
        return "a JSON file of another kind"
    if is_report_html(data) or "<html" in text.lower():
        return "an HTML file of another kind" if not is_report_html(data) else "a room report"
    return "a file of another kind"


def _same_file(a: Path, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(output: str | os.PathLike, *, ours: Callable[[bytes], bool], what: str,
                 inputs: Iterable[str | os.PathLike] = (), option: str = "-o") -> bool:
    """Refuse (UserError, exit 2) an ``output`` that ``replace_output`` would refuse; True when a
    file of ours is there to be replaced, False when the name is free. Nothing is written."""
    target = Path(output)
    if target.is_dir():
        raise UserError(f"{option} {target}: is a folder; give a file name", 2)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"{option} {target}: the folder {folder} does not exist", 2)
    for source in inputs:
        if source is not None and _same_file(target, source):
            raise UserError(f"{option} {target}: is the input {source}; not replaced (choose another output name)", 2)
    if not os.path.lexists(target):
        return False
    refuse = (f"{option} {target}: already exists and is {{kind}}, not {what} written by RightsPath; "
              "not replaced (choose another output name, or move that file away yourself)")
    if not target.is_file():
        raise UserError(refuse.format(kind="not a regular file"), 2)
    try:
        old = target.read_bytes()
    except OSError as exc:
        raise UserError(f"{option} {target}: cannot read the file there ({exc.strerror or exc}); "
                        "not replaced", 2) from None
    if not ours(old):
        raise UserError(refuse.format(kind=describe(target, old)), 2)
    return True


def replace_output(output: str | os.PathLike, data: str | bytes, *, ours: Callable[[bytes], bool],
                   what: str, inputs: Iterable[str | os.PathLike] = (), option: str = "-o") -> Path:
    """Write ``data`` to ``output``, which may already hold an earlier ``what`` (``ours(old_bytes)``
    says so); anything else there is refused with a UserError (exit 2) and left byte-identical.

    ``inputs`` (the files the command read) are never replaced, whatever their content. The bytes
    are written to a temporary file beside ``output`` and renamed over it in one step.
    """
    target = Path(output)
    data = _as_bytes(data)
    inputs = list(inputs)
    folder = target.parent if str(target.parent) else Path(".")
    for _ in range(3):
        exists = check_output(target, ours=ours, what=what, inputs=inputs, option=option)
        try:
            tmp = _write_temp(folder, data)
        except OSError as exc:
            raise UserError(f"{option} {target}: cannot write it ({exc.strerror or exc})", 2) from None
        try:
            if exists:
                os.replace(tmp, target)
            else:
                _link_new(tmp, target, data)
            return target
        except FileExistsError:
            continue  # someone made the file since we looked: look again
        except OSError as exc:
            raise UserError(f"{option} {target}: cannot write it ({exc.strerror or exc})", 2) from None
        finally:
            tmp.unlink(missing_ok=True)
    raise UserError(f"{option} {target}: the file keeps changing while we write; not replaced", 2)
