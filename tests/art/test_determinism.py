"""Same arguments, same pixels, also in a fresh process with a different string-hash seed
(a drawing that used ``hash(str)`` for its randomness would pass in-process tests and still vary)."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import hashlib, os
os.environ["SDL_VIDEODRIVER"] = "dummy"
import pygame
pygame.init()
from game.ui.art import backgrounds, icons, portraits
h = hashlib.sha256()
for loc in ("video_link", "street", "interview_room", "cyber_unit", "counsellor_room"):
    h.update(pygame.image.tobytes(backgrounds.render(loc, (160, 90)), "RGB"))
for who, mood in (("girl_child", "warm"), ("social_worker", "withdrawn"), ("narrator", "sad"), ("girl_teen", "worried")):
    h.update(pygame.image.tobytes(portraits.render(who, mood, (85, 105)), "RGBA"))
h.update(pygame.image.tobytes(icons.render("settings", 24, (10, 20, 30)), "RGBA"))
print(h.hexdigest())
"""


def digest_in_fresh_process(hash_seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=REPO, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_pictures_do_not_depend_on_the_process():
    first = digest_in_fresh_process("1")
    assert len(first) == 64
    assert digest_in_fresh_process("2") == first
    assert digest_in_fresh_process("12345") == first
