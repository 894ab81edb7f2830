"""The assessment fixture (tests/fixtures/assessment/assess-fixture.yaml), compiled by the real
compiler, for the engine, export and UI tests of the assessment node (issue 19)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from game.engine import Story

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "fixtures" / "assessment"
SOURCE = FOLDER / "assess-fixture.yaml"
FIRST, REVIEW = "first-assessment", "review"
# What applies in the first assessment (the best marks), and a deliberately poor set.
FIRST_BEST = {"age", "sexual-violence", "mother-present", "retaliation", "adapted-room", "recorded",
              "support-referral"}
REVIEW_BEST = {"update-recorded", "mother-present", "support-referral"}


@lru_cache(maxsize=1)
def compiled_text() -> str:
    from game.authoring.compiler import build_story, to_bytes
    from game.authoring.checking import check_scenario

    checked = check_scenario(str(SOURCE))
    assert checked.ok, [d.render() for d in checked.diagnostics]
    return to_bytes(build_story(checked.model, checked.catalogues)).decode("utf-8")


def story() -> Story:
    return Story.from_json(compiled_text(), source=str(SOURCE))


def write(tmp_path: Path) -> Path:
    """The compiled story as a file (for the tools that take a path)."""
    out = tmp_path / "assess-fixture.json"
    out.write_text(compiled_text(), encoding="utf-8")
    return out
