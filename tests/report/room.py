"""A room's worth of exports from real engine runs, plus the bad files a real room produces."""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

from game.engine import Story
from game.engine.story import content_hash
from game.exports import build_record, folder_writer, sign_record, write_exports
from tests.exports import helpers

KEY = "meetup-key-9"
ROLES = ("police_officer", "prosecutor", "social_worker", "judge", "psychologist")
COUNTRIES = ("SI", "HR", "IT", "RO")


def make_room(folder: Path, n: int = 12, *, session: str = "MEETUP-1") -> list[dict]:
    """n signed playthroughs exported as JSON (+ CSV or xAPI copies); returns the records."""
    story = helpers.story()
    records = []
    for i in range(n):
        facilitated = i % 3 == 0
        run = helpers.played(i, story, votes=facilitated, seconds=True)
        record = build_record(run, story, helpers.meta(
            i, session=session, role=ROLES[i % len(ROLES)], country=COUNTRIES[i % len(COUNTRIES)],
            mode="facilitated" if facilitated else "learning"))
        helpers.validate(record)
        write_exports(record, "json,csv" if i % 2 else "json,xapi", folder_writer(folder), session_key=KEY)
        records.append(sign_record(record, KEY))
    return records


def other_version_story() -> Story:
    """The same scenario with another version number and so another content hash."""
    data = copy.deepcopy(helpers.story().data)
    data["scenario"]["version"] = "9.9.9"
    data["content_hash"] = content_hash(data)
    return Story(data, source="other-version")


def bad_files(folder: Path, good_json: Path) -> dict[str, str]:
    """Write one file of each kind the report must leave out; name -> a word its reason must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    (folder / "corrupt.json").write_text('{"format": "rightspath-record", "record_ver', encoding="utf-8")
    out["corrupt.json"] = "corrupt"
    newer = json.loads(good_json.read_text(encoding="utf-8"))
    newer["record_version"] = 9
    (folder / "newer.json").write_text(json.dumps(newer), encoding="utf-8")
    out["newer.json"] = "unknown record version 9"
    text = good_json.read_text(encoding="utf-8")
    (folder / "tampered.json").write_text(text.replace('"passed":false', '"passed":true', 1)
                                          if '"passed":false' in text else text.replace('"passed":true', '"passed":false', 1),
                                          encoding="utf-8")
    out["tampered.json"] = "tampered"
    story = other_version_story()
    record = build_record(helpers.played(1, story), story, helpers.meta(77, session="MEETUP-1"))
    path = write_exports(record, "json", folder_writer(folder / "old"), session_key=KEY)[0]
    Path(path).rename(folder / "other-version.json")
    out["other-version.json"] = "another scenario version"
    return out


def expected_choices(records: list[dict]) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for r in records:
        for d in r["decisions"]:
            counts.setdefault(d["node"], Counter())[d["chosen"]] += 1
    return counts
