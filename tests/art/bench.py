"""Speed and size figures for the art (``python -m tests.art.bench``; ``bench()`` for ``make bench``).

Cold caches every time: what the first screen of a scenario costs.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

PORTRAIT_SIZE = (340, 420)  # what game/ui/session.py asks for


def _timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): CPU time is the fairer figure on a busy machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def bench() -> dict[str, str]:
    from game.engine.vocab import LOCATIONS, MOODS, PORTRAITS
    from game.ui.art import backgrounds, icons, portraits
    from game.ui.art.fonts import font_path

    pygame.init()
    backgrounds.clear_cache()
    portraits.clear_cache()
    icons.clear_cache()
    bg = _timed(lambda: [backgrounds.render(loc, (1280, 720)) for loc in LOCATIONS])
    pt = _timed(lambda: [portraits.render(p, m, PORTRAIT_SIZE) for p in PORTRAITS for m in MOODS])
    ic = _timed(lambda: [icons.render(n, 32, (30, 40, 50)) for n in icons.NAMES])
    again = _timed(lambda: [backgrounds.render(loc, (1280, 720)) for loc in LOCATIONS])
    n_pt = len(PORTRAITS) * len(MOODS)
    pictures = _as_pictures([backgrounds.render(loc, (1280, 720)) for loc in LOCATIONS],
                            [portraits.render(p, m, PORTRAIT_SIZE) for p in PORTRAITS for m in MOODS])
    return {
        f"backgrounds, all {len(LOCATIONS)} at 1280x720": f"{bg[0]:.3f} s wall, {bg[1]:.3f} s CPU ({bg[1] / len(LOCATIONS) * 1000:.0f} ms each)",
        f"portraits, all {n_pt} at {PORTRAIT_SIZE[0]}x{PORTRAIT_SIZE[1]}":
            f"{pt[0]:.3f} s wall, {pt[1]:.3f} s CPU ({pt[1] / n_pt * 1000:.1f} ms each)",
        "backgrounds + portraits": f"{bg[0] + pt[0]:.3f} s wall, {bg[1] + pt[1]:.3f} s CPU",
        f"icons, all {len(icons.NAMES)} at 32 px": f"{ic[1] * 1000:.1f} ms CPU",
        "backgrounds again (cached)": f"{again[0] * 1e6:.0f} us wall",
        "font RightsPathSans.ttf": f"{Path(font_path()).stat().st_size / 1024:.1f} KiB",
        "font RightsPathSans-Bold.ttf": f"{Path(font_path(True)).stat().st_size / 1024:.1f} KiB",
        **pictures,
    }


def _as_pictures(rooms, faces) -> dict[str, str]:
    """The alternative issue 16 names: the art rendered at build time into the bundle as images. What
    it would add to the web archive (PNG, lossless as drawn; JPEG for the rooms, lossy) and what
    decoding costs here, against painting by code above. SDL_image decodes in the wasm runtime too."""
    import io
    import zlib

    def encoded(surfaces, ext):
        out = []
        for surface in surfaces:
            buf = io.BytesIO()
            pygame.image.save(surface, buf, f"x.{ext}")
            out.append(buf.getvalue())
        return out

    def decode_ms(blobs, ext):
        cpu = time.process_time()
        for blob in blobs:
            pygame.image.load(io.BytesIO(blob), f"x.{ext}")
        return (time.process_time() - cpu) * 1000 / len(blobs)

    figures = {}
    for label, surfaces, kinds in (("rooms", rooms, ("png", "jpg")), ("portraits", faces, ("png",))):
        for ext in kinds:
            blobs = encoded(surfaces, ext)
            size = sum(len(zlib.compress(b, 9)) for b in blobs)  # as the archive's gzip would hold them
            figures[f"{label} as {ext.upper()} at build time"] = (
                f"{size / 1024:.0f} kB in the archive for {len(blobs)}, decode {decode_ms(blobs, ext):.1f} ms each")
    return figures


if __name__ == "__main__":
    for key, value in bench().items():
        print(f"{key:<40} {value}")
