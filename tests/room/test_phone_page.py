"""The phone page's words (build/vote.html, issue 18) come from the interface catalogue: the page's
English is game/room/phone_text.py's, every key the page's script uses exists, and the shipped page
(what build-web writes) carries every catalogue language, Bulgarian complete, placeholders kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.errors import UserError
from game.room.phone_text import STRINGS
from game.webbuild.votepage import MARK, page_strings, vote_page

SOURCE = Path(__file__).resolve().parents[2] / "build" / "vote.html"


def table(page: str) -> dict:
    return json.loads(page.split(MARK)[1])


def test_the_pages_english_is_the_catalogues_and_every_key_it_uses_exists():
    source = SOURCE.read_text(encoding="utf-8")
    assert table(source) == {"en": STRINGS}
    used = set(re.findall(r'\b(?:t|say)\("([a-z]+)"', source)) | {"open", "closed", "revealed"}  # say(s.state)
    used |= set(re.findall(r'\[\["(upheld)",d\.upheld\],\["(missed)"', source)[0])
    assert used <= set(STRINGS), used - set(STRINGS)
    script = source.split(MARK)[2]
    assert [key for key in STRINGS if f'"{key}"' not in script] == []  # no word the page never shows


def test_the_shipped_page_carries_every_language_bulgarian_complete():
    shipped = table(vote_page(SOURCE.read_text(encoding="utf-8")))
    assert set(shipped) >= {"en", "bg", "en-XA"}
    assert set(shipped["bg"]) == set(STRINGS)  # nothing falls back to English in Bulgarian
    assert shipped["bg"]["join"] == "Влизане" and shipped["bg"]["ended"].startswith("Сесията приключи")
    for lang, words in shipped.items():
        for key, text in words.items():
            assert sorted(re.findall(r"\{\w+\}", text)) == sorted(re.findall(r"\{\w+\}", STRINGS[key])), (lang, key)
    assert page_strings()["bg"] == shipped["bg"]


def test_a_page_without_its_string_table_is_refused(tmp_path):
    with pytest.raises(UserError, match="string table"):
        vote_page("<script>var T={};</script>")
    (tmp_path / "bg.json").write_text(json.dumps({STRINGS["join"]: "Влизане", "other": "x"}), encoding="utf-8")
    out = table(vote_page(SOURCE.read_text(encoding="utf-8"), tmp_path))
    assert out["bg"] == {"join": "Влизане"} and out["en"] == STRINGS
