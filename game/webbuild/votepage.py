"""The live room's phone page (build/vote.html, issue 18) as shipped: its words in every language.

The page carries ``var T=/*rp-strings*/{...}/*rp-strings*/``: the English of game/room/phone_text.py.
``build-web`` replaces it with every language of the interface catalogue (assets/locale/<lang>.json,
compiled from game/locale/<lang>.po): per language the page's keys that are translated; the page
falls back to English for a key a language lacks. The page picks the language of its link
(``lang=``), else the room's (the facilitator's game publishes it), else the browser's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.errors import UserError
from game.room.phone_text import STRINGS

LOCALE_DIR = Path(__file__).resolve().parents[2] / "assets" / "locale"
MARK = "/*rp-strings*/"
_BLOCK = re.compile(re.escape(MARK) + r".*?" + re.escape(MARK), re.S)


def page_strings(locale_dir: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """{"en": English, lang: {key: translation}} for every compiled catalogue."""
    out = {"en": dict(STRINGS)}
    for path in sorted(locale_dir.glob("*.json")):
        catalogue = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(catalogue, dict):
            continue
        translated = {key: catalogue[english] for key, english in STRINGS.items()
                      if isinstance(catalogue.get(english), str) and catalogue[english]}
        if translated:
            out[path.stem] = translated
    return out


def vote_page(source: str, locale_dir: Path = LOCALE_DIR) -> str:
    """The page's text with its string table replaced by every language's."""
    if len(_BLOCK.findall(source)) != 1:
        raise UserError(f"build/vote.html: the string table ({MARK}…{MARK}) is missing or repeated", 1)
    table = json.dumps(page_strings(locale_dir), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    table = table.replace("</", "<\\/")  # never closes the script element
    return _BLOCK.sub(lambda _: MARK + table + MARK, source)


def write_vote_page(source: Path, dest: Path, locale_dir: Path = LOCALE_DIR) -> None:
    dest.write_text(vote_page(source.read_text(encoding="utf-8"), locale_dir), encoding="utf-8")
