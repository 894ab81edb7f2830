"""RightsPath in the browser: the entry point pygbag runs (staged as ``main.py`` by ``build-web``).

pygbag's loader scans every import in this file, even inside functions, and tries to install
whatever it does not recognise, so only the standard library, pygame and ``game.*`` appear here.
The page's start-up code sets ``__file__`` before running it; the stories sit beside it in
``stories/``, packed (game.engine.bundle: an index, then one file per story, English and each
translation, read only when the story is first needed) and the interface catalogues in ``assets/locale/``. The facilitator's link presets the setup screen through the (sanitised) URL query.
"""

import asyncio
from pathlib import Path

from game.engine import StoryError, l10n
from game.engine.bundle import open_bundle
from game.platform import get_platform
from game.ui.app import App, AppOptions


def bundle_dir() -> Path:
    return Path(__file__).resolve().parent


def load_stories(folder: Path) -> tuple[list, list[str]]:
    """The bundle's stories, from its index: none is read yet (the title needs only their titles);
    each story's file is read when it is first needed, and one that cannot be used is named then.
    An index that cannot be read is the one problem."""
    try:
        return open_bundle(folder), []
    except StoryError as exc:
        return [], [str(exc)]


def language_from_params(params: dict, stories: list) -> str:
    """The link's ``lang`` when some story is written in it; else English (the interface then stays
    English too, and every scenario is offered in English)."""
    lang = params.get("lang") or l10n.SOURCE_LANGUAGE
    return lang if lang in l10n.available_languages(stories) else l10n.SOURCE_LANGUAGE


def stories_for_link(params: dict, stories: list) -> list:
    """One story per scenario in the link's language, English where a scenario has no translation."""
    return l10n.stories_for_language(stories, language_from_params(params, stories))


def options_from_params(params: dict, stories: list) -> AppOptions:
    """AppOptions preset from the URL (already validated by the platform, key by key)."""
    known = {story.id for story in stories}
    scenario = params.get("scenario")
    return AppOptions(
        mode=params.get("mode", "learning"),
        language=language_from_params(params, stories),
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
    params = platform.url_params()
    opts = options_from_params(params, stories)
    for name, value in overrides.items():
        setattr(opts, name, value)
    chosen = stories_for_link(params, stories)
    print("rightspath: language", opts.language, "-", ", ".join(l10n.story_file_name(s.id, l10n.story_language(s))
                                                               for s in chosen))
    # The App gets every language's stories: it shows the ones for the chosen language (the same
    # stories_for_language choice) and lets the player switch language on the setup screen.
    app = App(stories, opts, platform=platform)
    if on_app is not None:
        on_app(app)
    return await app.run()


asyncio.run(main())
