"""Characters the game's bundled font can draw (issue 11, Table 1 row 64): an emoji or a rare
symbol in a text shows as an empty box in the game, so validate warns about it (W436).

Reads the character map ('cmap' table, formats 4 and 12) of ``assets/fonts/RightsPathSans.ttf``
with the standard library; when the font is not there, nothing is checked.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

from game.authoring.diagnostics import INVISIBLE, Diagnostic, describe_character
from game.authoring.yamlload import Loaded
from game.paths import FONTS_DIR

FONT = FONTS_DIR / "RightsPathSans.ttf"
# Keys whose text a trainee reads (CONTRACTS §3).
TEXT_KEYS = {"title", "summary", "content_warning", "text", "prompt", "feedback", "discuss", "label", "name"}


@lru_cache(maxsize=2)
def font_characters(path: Path = FONT) -> frozenset[int] | None:
    """The code points the font maps to a glyph, or None when it cannot be read."""
    try:
        data = path.read_bytes()
        num_tables = struct.unpack_from(">H", data, 4)[0]
        cmap = None
        for i in range(num_tables):
            tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            if tag == b"cmap":
                cmap = offset
        if cmap is None:
            return None
        subtables = {}
        for i in range(struct.unpack_from(">H", data, cmap + 2)[0]):
            platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
            subtables[(platform, encoding)] = cmap + offset
        for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
            if key in subtables:
                return frozenset(_read_subtable(data, subtables[key]))
    except (OSError, struct.error):
        return None
    return None


def _read_subtable(data: bytes, at: int) -> set[int]:
    fmt = struct.unpack_from(">H", data, at)[0]
    found: set[int] = set()
    if fmt == 12:
        groups = struct.unpack_from(">I", data, at + 12)[0]
        for g in range(groups):
            start, end, _ = struct.unpack_from(">III", data, at + 16 + 12 * g)
            found.update(range(start, end + 1))
    elif fmt == 4:
        segs = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{segs}H", data, at + 14)
        starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
        deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
        range_at = at + 16 + 6 * segs
        offsets = struct.unpack_from(f">{segs}H", data, range_at)
        for k in range(segs):
            for code in range(starts[k], ends[k] + 1):
                if code == 0xFFFF:
                    continue
                if offsets[k] == 0:
                    glyph = (code + deltas[k]) & 0xFFFF
                else:
                    where = range_at + 2 * k + offsets[k] + 2 * (code - starts[k])
                    glyph = struct.unpack_from(">H", data, where)[0]
                    glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
                if glyph:
                    found.add(code)
    return found


def _texts(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, path + (i,))
    elif isinstance(data, str):
        name = next((p for p in reversed(path) if isinstance(p, str)), None)
        if name in TEXT_KEYS:
            yield path, name, data


def undrawable(loaded: Loaded) -> list[Diagnostic]:
    """W436 for each text holding a character the bundled font has no glyph for (first one named)."""
    covered = font_characters()
    if covered is None:
        return []
    out = []
    for path, name, text in _texts(loaded.data):
        for index, ch in enumerate(text):
            if ord(ch) in covered or ch in INVISIBLE or unicodedata.category(ch) in ("Cc", "Zs", "Mn"):
                continue
            line, col = loaded.pos(path)
            shift = loaded.text_shift.get(path)
            if shift is not None:
                col += shift + index
            out.append(Diagnostic(loaded.path, line, col, "warning", "W436",
                                  f"'{name}' holds {describe_character(ch)}, which the game's font cannot draw: "
                                  "it shows as an empty box", "remove it, or say it in words"))
            break
    return out
