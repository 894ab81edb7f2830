"""UI frame figures for ``make bench``: a scripted playthrough at 1280x720 through the real UI.

Runs in a fresh process so start-up time and peak memory are the game's own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHILD = r'''
import json, os, resource, sys, time
t_start = time.perf_counter()
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
from game.engine import Story, auto_choices
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from game.ui.autopilot import Autopilot
story = Story.from_file(sys.argv[1])
app = App([story], AppOptions(headless=True, reduce_motion=False), DesktopPlatform(data_dir=sys.argv[2]))
app.start()
app.step()
first_frame = time.perf_counter() - t_start
# Idle: nobody touches anything for 600 iterations (10 s of virtual time).
before = (app.stats.iterations, app.stats.idle)
for _ in range(600):
    app.step()
idle_share = (app.stats.idle - before[1]) / (app.stats.iterations - before[0])
# A scripted playthrough with text animations on.
app.stats.frame_cpu.clear()
choices = auto_choices(story, 1)
app.driver = Autopilot(app, story, choices)
n0 = app.stats.iterations; d0 = app.stats.drawn
while app.running:
    app.step()
assert app.result is not None, app.error
iters = app.stats.iterations - n0
drawn = app.stats.drawn - d0
cpu = sorted(app.stats.frame_cpu)
def peak_rss_kib():
    # VmHWM is this process's own high-water mark. ru_maxrss is not: Linux carries the parent's
    # mark over fork and exec, so under make bench it reported the authoring bench's 400 MiB.
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak_kib = peak_rss_kib()  # one whole playthrough, before the second app
# The same playthrough at a reader's pace (one input a second after each screen settles).
app2 = App([story], AppOptions(headless=True, reduce_motion=False), DesktopPlatform(data_dir=sys.argv[2] + "-paced"))
app2.start()
app2.driver = Autopilot(app2, story, choices, pace_frames=60)
i0, s0 = app2.stats.iterations, app2.stats.idle
while app2.running:
    app2.step()
paced_idle = (app2.stats.idle - s0) / (app2.stats.iterations - i0)
print(json.dumps({
    "first_frame": first_frame, "idle_share": idle_share, "paced_idle": paced_idle, "iterations": iters, "drawn": drawn,
    "median": cpu[len(cpu) // 2], "p99": cpu[min(len(cpu) - 1, int(len(cpu) * 0.99))], "max": cpu[-1],
    "text_renders": app.fonts.renders, "decisions": len(choices),
    "peak_kib": peak_kib,
}))
'''


def bench() -> dict[str, str]:
    from game.authoring.compiler import compile_path
    from game.engine.story import canonical_json

    scenarios = sorted((REPO / "scenarios").glob("*.yaml"))
    if not scenarios:
        return {"ui": "no bundled scenario to play"}
    path = max(scenarios, key=lambda p: p.stat().st_size)  # the longest one
    data, _ = compile_path(path)
    with tempfile.TemporaryDirectory() as tmp:
        story_file = Path(tmp) / "story.json"
        story_file.write_text(canonical_json(data), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(REPO), PYGAME_HIDE_SUPPORT_PROMPT="1")
        out = subprocess.run([sys.executable, "-c", CHILD, str(story_file), str(Path(tmp) / "data")],
                             capture_output=True, text=True, env=env, cwd=REPO, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    f = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        "scripted playthrough": f"{path.name}, {f['decisions']} decisions, {f['iterations']} loop iterations, "
                                f"{f['drawn']} frames drawn at 1280x720",
        "CPU per drawn frame, median": f"{f['median'] * 1000:.2f} ms (target <= 2 ms)",
        "CPU per drawn frame, p99": f"{f['p99'] * 1000:.2f} ms (target <= 8 ms); max {f['max'] * 1000:.1f} ms",
        "idle iterations that skip drawing": f"{f['idle_share']:.1%} (600 iterations with no input)",
        "iterations that skip drawing, reader's pace": f"{f['paced_idle']:.1%} (same playthrough, one input a "
                                                       "second after each screen settles, text animations on)",
        "start to first frame": f"{f['first_frame'] * 1000:.0f} ms (imports, story load, window, first draw)",
        "text rasterisations": f"{f['text_renders']} (rendered text is cached)",
        "peak memory (RSS)": f"{f['peak_kib'] / 1024:.1f} MiB (most of it the drawn backgrounds and portraits)",
    }


if __name__ == "__main__":
    for k, v in bench().items():
        print(f"{k}: {v}")
