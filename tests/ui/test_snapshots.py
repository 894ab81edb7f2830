"""Reference screenshots of the main screens, compared with a tolerance (animations off).

Regenerate with ``UPDATE_SNAPSHOTS=1 pytest tests/ui/test_snapshots.py`` and look at the PNGs in
tests/ui/reference/ before committing them. On a mismatch a side-by-side image (reference, actual,
differences in magenta) is written and its path is in the failure message.

The pictures depend on the drawings in game/ui/art/ and on the bundled font, which other people
change; the references record a fingerprint of those inputs, and when it differs the comparison is
skipped with a request to regenerate instead of failing on someone else's change.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pygame
import pytest

from tests.ui.driving import open_story
from tests.ui.stories import REPO, fixture_story

np = pytest.importorskip("numpy")

REFERENCE = Path(__file__).with_name("reference")
FINGERPRINT = REFERENCE / "inputs.sha256"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
CHANNEL_TOLERANCE = 40  # per colour channel, 0..255: anti-aliasing differences pass
PIXEL_SHARE = 0.004  # at most 0.4% of pixels may differ beyond that


def inputs_fingerprint() -> str:
    h = hashlib.sha256()
    files = sorted((REPO / "game" / "ui" / "art").glob("*.py")) + sorted((REPO / "assets" / "fonts").glob("*.ttf"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _array(surface) -> "np.ndarray":
    raw = pygame.image.tobytes(surface, "RGB")
    return np.frombuffer(raw, dtype=np.uint8).reshape(surface.get_height(), surface.get_width(), 3)


def check(surface, name: str, failures: Path) -> None:
    ref_path = REFERENCE / f"{name}.png"
    if UPDATE:
        REFERENCE.mkdir(exist_ok=True)
        pygame.image.save(surface, str(ref_path))
        FINGERPRINT.write_text(inputs_fingerprint() + "\n")
        return
    if not ref_path.exists():
        pytest.fail(f"no reference {ref_path}; run with UPDATE_SNAPSHOTS=1 and look at it")
    if FINGERPRINT.exists() and FINGERPRINT.read_text().strip() != inputs_fingerprint():
        # A failure, not a skip: a skipped comparison would let an art regression through unseen.
        pytest.fail("the art or the font changed since the references were made: regenerate them with "
                    "UPDATE_SNAPSHOTS=1, look at them, and commit them with the change")
    ref = pygame.image.load(str(ref_path))
    a, b = _array(ref), _array(surface)
    assert a.shape == b.shape
    differs = (np.abs(a.astype(np.int16) - b.astype(np.int16)) > CHANNEL_TOLERANCE).any(axis=2)
    share = differs.mean()
    if share > PIXEL_SHARE:
        failures.mkdir(parents=True, exist_ok=True)
        w, h = surface.get_size()
        side = pygame.Surface((w * 3, h))
        side.blit(ref, (0, 0))
        side.blit(surface, (w, 0))
        marked = b.copy()
        marked[differs] = (255, 0, 255)
        side.blit(pygame.image.frombytes(marked.tobytes(), (w, h), "RGB"), (w * 2, 0))
        out = failures / f"{name}-side-by-side.png"
        pygame.image.save(side, str(out))
        pytest.fail(f"{name}: {share:.2%} of pixels differ from {ref_path}; see {out}")


def shot(pilot):
    pilot.app.mark_dirty()
    pilot.step()
    return pilot.app.surface.copy()


@pytest.fixture
def failures(tmp_path_factory):
    return tmp_path_factory.mktemp("snapshot-failures")


@pytest.mark.parametrize("high_contrast", [False, True], ids=["calm", "high-contrast"])
def test_main_screens_match_their_references(make_pilot, failures, high_contrast):
    suffix = "-high-contrast" if high_contrast else ""
    story = fixture_story()
    pilot = make_pilot([story], high_contrast=high_contrast, trainee="snap")
    check(shot(pilot), f"title{suffix}", failures)
    open_story(pilot, story)
    pilot.press(pygame.K_SPACE)  # to Lena's line: portrait, name and mood
    assert pilot.scene.name == "story" and pilot.scene.line == 1
    check(shot(pilot), f"play{suffix}", failures)
    pilot.press(pygame.K_SPACE)
    assert pilot.scene.name == "decision"
    pilot.press(pygame.K_DOWN)  # focus on the second option: the focus mark is part of the picture
    check(shot(pilot), f"decision{suffix}", failures)
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "feedback"
    check(shot(pilot), f"feedback{suffix}", failures)
    pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_1)
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "debrief"
    check(shot(pilot), f"debrief{suffix}", failures)


def test_facilitated_decision_matches_its_reference(make_pilot, failures):
    story = fixture_story()
    pilot = make_pilot([story], mode="facilitated")
    open_story(pilot, story)
    pilot.press(pygame.K_SPACE, pygame.K_SPACE)
    assert pilot.scene.name == "decision"
    pilot.press(pygame.K_1, pygame.K_1, pygame.K_2)
    check(shot(pilot), "facilitated", failures)
