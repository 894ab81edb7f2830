"""RightsPath in the browser: the entry point pygbag runs (staged as ``main.py`` by ``build-web``).

pygbag's loader scans every import in this file, even inside functions, and tries to install
whatever it does not recognise, so only the standard library, pygame and ``game.*`` appear here.
The page's start-up code sets ``__file__`` before running it; the compiled stories sit beside it in
``stories/``. The facilitator's link presets the setup screen through the (sanitised) URL query.
"""

import asyncio
from pathlib import Path

from game.engine import Story, StoryError
from game.platform import get_platform
from game.ui.app import App, AppOptions


def bundle_dir() -> Path:
    return Path(__file__).resolve().parent


def load_stories(folder: Path) -> tuple[list, list[str]]:
    """Every ``stories/*.json``; a file that cannot be read is reported, the others still load."""
    stories, problems = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            stories.append(Story.from_file(path))
        except (StoryError, OSError) as exc:
            problems.append(f"{path.name}: {exc}")
    return stories, problems


def options_from_params(params: dict, stories: list) -> AppOptions:
    """AppOptions preset from the URL (already validated by the platform, key by key)."""
    known = {story.id for story in stories}
    scenario = params.get("scenario")
    return AppOptions(
        mode=params.get("mode", "learning"),
        language=params.get("lang", "en"),
        trainee=params.get("trainee", ""),
        session=params.get("session", ""),
        scenario=scenario if scenario in known else None,
    )


async def main(platform=None, on_app=None, **overrides):
    """Load the stories, preset the options from the link and run the game's one async loop.

    The browser calls ``main()`` bare. A native test of the staged bundle passes a platform,
    AppOptions ``overrides`` (headless, choices) and ``on_app(app)``, called before the loop
    starts, to attach its autopilot.
    """
    platform = platform or get_platform()
    stories, problems = load_stories(bundle_dir() / "stories")
    for problem in problems:
        print("rightspath:", problem)
    if not stories:
        platform.status("No scenario could be loaded. Reload the page; if this persists, tell the facilitator.")
        return None
    opts = options_from_params(platform.url_params(), stories)
    for name, value in overrides.items():
        setattr(opts, name, value)
    app = App(stories, opts, platform=platform)
    if on_app is not None:
        on_app(app)
    return await app.run()


asyncio.run(main())
