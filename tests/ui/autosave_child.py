"""Child process for the autosave test: plays a story through the real UI (headless autopilot) and
prints ``committed N`` each time an autosave with N decisions has returned. The parent kills it."""

from __future__ import annotations

import os
import sys
import time

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"


def main(story_path: str, data_dir: str, choices: str) -> None:
    from game.engine import Story
    from game.platform.desktop import DesktopPlatform
    from game.ui.app import App, AppOptions
    from game.ui.autopilot import Autopilot

    story = Story.from_file(story_path)
    app = App([story], AppOptions(headless=True, reduce_motion=True), DesktopPlatform(data_dir=data_dir))
    app.driver = Autopilot(app, story, choices.split(","))
    app.on_autosave = lambda n: print(f"committed {n}", flush=True)
    app.start()
    print("started", flush=True)
    while app.running:
        app.step()
        time.sleep(0.005)  # a real pace, so the kill lands in the middle of play
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
