"""A scenario compiled in memory as an engine Story, for tests that start from the YAML."""

from __future__ import annotations

from pathlib import Path

from game.authoring.compiler import compile_or_raise, to_bytes
from game.engine import Story


def load_story_from_yaml(path: str | Path) -> Story:
    """The Story the compiled file of ``path`` would load as (through its JSON bytes, as the game reads
    it). UserError (CompileFailed, exit 1) with the diagnostics when the scenario has errors."""
    return Story.from_json(to_bytes(compile_or_raise(path)).decode("utf-8"), source=str(path))
