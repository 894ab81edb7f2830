"""Issue 11 (D1): the debrief's "Export results" on desktop never replaces a file, and a record's
files share one stem (Cyrillic codes kept in the name)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pygame

from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import fixture_story

SUFFIXES = (".json", "-decisions.csv", "-summary.csv", "-xapi.json")


def test_the_export_button_never_replaces_a_file_and_keeps_one_stem(make_pilot, platform):
    story = fixture_story()
    pilot = make_pilot([story], trainee="Иван", session="СОФ-1")
    open_story(pilot, story)
    play_to_debrief(pilot, ["explain-simply", "record-once"])
    results = Path(platform.data_dir) / "results"
    results.mkdir(parents=True)
    # Files with exactly the names the next exports would take, for every second of the next minutes.
    now = datetime.now(timezone.utc).replace(microsecond=0)
    decoys = {}
    for second in range(-5, 300):
        stamp = (now + timedelta(seconds=second)).strftime("%Y%m%dT%H%M%SZ")
        path = results / f"rightspath-fixture-СОФ-1-Иван-{stamp}-summary.csv"
        path.write_text(f"precious {stamp}\n", encoding="utf-8")
        decoys[path] = path.read_bytes()
    for _ in range(2):
        pilot.click("Export results")
        assert pilot.scene.name == "exported", pilot.screen
        pilot.press(pygame.K_RETURN)
        assert pilot.scene.name == "debrief"
    assert all(path.read_bytes() == text for path, text in decoys.items())
    new = sorted(set(results.iterdir()) - set(decoys))
    records = [p for p in new if p.name.endswith(".json") and not p.name.endswith("-xapi.json")]
    assert len(records) == 2 and len(new) == 8, [p.name for p in new]  # pressed twice: two sets
    for record in records:
        stem = record.name[: -len(".json")]
        assert stem.startswith("rightspath-fixture-СОФ-1-Иван-") and stem.endswith(("Z-2", "Z-3"))
        assert all((results / f"{stem}{suffix}").is_file() for suffix in SUFFIXES)
