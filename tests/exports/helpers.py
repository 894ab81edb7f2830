"""Records from real engine runs over a real compiled scenario, for the exports, LRS and report tests.

The bundled tutorial is used when it exists; until then the authoring tests' valid fixture scenario
(compiled by the real compiler) stands in. Both are played by the real engine.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from game.engine import Run, Story, auto_play

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / "scenarios" / "schema" / "export.schema.json"
CANDIDATES = (REPO / "scenarios" / "tutorial.yaml", REPO / "tests" / "fixtures" / "valid" / "fixture-story.yaml")


@lru_cache(maxsize=None)
def scenario_path() -> Path:
    """The tutorial when it compiles (another part owns it and may be mid-edit), else the fixture."""
    from game.errors import UserError

    for path in CANDIDATES:
        if path.exists():
            try:
                _compiled(str(path))
                return path
            except UserError:
                continue
    raise RuntimeError("no scenario compiles for the exports tests")


@lru_cache(maxsize=None)
def _compiled(path: str) -> str:
    from tests.support.stories import load_story_from_yaml

    return json.dumps(load_story_from_yaml(path).data)


def story(path: Path | None = None) -> Story:
    return Story.from_json(_compiled(str(path or scenario_path())), source="tests")


def played(seed: int, story_: Story | None = None, *, votes: bool = False, seconds: bool = False) -> Run:
    """A seeded playthrough to an ending; with votes/seconds the facilitated-mode fields are filled."""
    story_ = story_ or story()
    if not (votes or seconds):
        return auto_play(story_, seed)
    path = auto_play(story_, seed)  # the same choices, replayed with room votes and timings
    run = Run(story_, seed=seed)
    for i, rec in enumerate(path.history):
        while run.kind == "scene":
            run.advance()
        shown = [c.id for c in run.choices() if c.enabled]
        room = {cid: (i + j * 3 + seed) % 7 for j, cid in enumerate(shown)} if votes else None
        run.choose(rec.chosen, seconds=12.5 + i + seed % 5 if seconds else None, votes=room)
    while run.kind == "scene":
        run.advance()
    return run


def unfinished(story_: Story | None = None) -> Run:
    """A run stopped at its first decision's aftermath, before any ending."""
    story_ = story_ or story()
    run = Run(story_, seed=0)
    while run.kind == "scene":
        run.advance()
    run.choose(next(c.id for c in run.choices() if c.enabled))
    return run


def meta(i: int = 0, **extra) -> dict:
    base = {"trainee": f"T{i:03d}", "session": "MEETUP-1", "role": "police_officer", "country": "SI",
            "organisation_type": "police", "mode": "learning", "language": "en",
            "started_at": "2026-11-23T09:00:00Z", "ended_at": "2026-11-23T09:25:00Z"}
    base.update(extra)
    return base


def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(record: dict) -> None:
    """Raise jsonschema.ValidationError when ``record`` does not match the committed schema."""
    import jsonschema

    jsonschema.Draft202012Validator(schema()).validate(record)
