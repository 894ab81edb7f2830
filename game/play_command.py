"""``rightspath play``: in the terminal (--text), in a window, or headless through the real UI."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from game.cli_args import writable_folder
from game.errors import UserError

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DIR = REPO_ROOT / "scenarios"
# The folder `play` with no SCENARIO offers (default BUNDLED_DIR): for a site's own set, and for tests.
SCENARIOS_ENV = "RIGHTSPATH_SCENARIOS_DIR"
MODES = ("learning", "assessment", "facilitated")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "play",
        help="play a scenario (window, --text in the terminal, or --headless through the UI)",
        description="Play scenarios. With no SCENARIO the window offers every bundled scenario; "
        "--text and --headless play one. A SCENARIO is a .yaml draft (compiled on the fly) or a compiled .json.",
    )
    p.add_argument("scenario", nargs="*", help="scenario .yaml or compiled story .json (default: bundled)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--text", action="store_true", help="play in the terminal")
    how.add_argument("--headless", action="store_true", help="drive the real UI with synthetic input (no window)")
    p.add_argument("--choices", help="comma-separated choice ids, or numbers: positions in the order shown "
                   "(which --seed sets), to play in order")
    p.add_argument("--auto", action="store_true", help="choose at random (seeded by --seed)")
    p.add_argument("--seed", type=int, default=None,
                   help="the playthrough's seed: the order each decision's options are shown in, and --auto's "
                   "choices (--text and --headless: default 0; the window draws one and saves it)")
    p.add_argument("--mode", choices=MODES, default="learning")
    p.add_argument("--screenshots", metavar="DIR", help="headless: save a PNG of every new screen into DIR")
    p.add_argument("--trainee", default="", help="pseudonym or code given by the facilitator")
    p.add_argument("--session", default="", help="session code")
    p.add_argument("--lang", default="en", help="language code (default en)")
    p.add_argument("--role", help="the trainee's professional role (recorded in exports)")
    p.add_argument("--country", help="the trainee's country, ISO 3166 code (recorded in exports)")
    p.add_argument("--organisation-type", help="e.g. police, court, ngo (recorded in exports)")
    p.add_argument("--export", metavar="DIR", help="write the playthrough's exports into DIR")
    p.add_argument("--formats", default="json,csv,xapi", help="export formats: json,csv,xapi")
    p.add_argument("--session-key", help="sign exports with this secret session key (HMAC-SHA256; not the "
                   "session code, which is public)")
    p.set_defaults(func=run)


def bundled_dir() -> Path:
    return Path(os.environ.get(SCENARIOS_ENV) or BUNDLED_DIR)


def bundled_scenarios(folder: Path | None = None) -> list[Path]:
    from game.engine.safeio import path_problem

    folder = bundled_dir() if folder is None else folder
    return sorted(p for p in folder.glob("*.yaml") if path_problem(p) is None)


def bundled_stories(folder: Path | None = None, lang: str | None = None) -> tuple[list, list[tuple[Path, str]]]:
    """(stories, left out) of the scenario folder the window offers: a draft that does not load is
    left out with the reason, and the others play (one broken draft must not close the game)."""
    from game.engine.safeio import path_problem

    folder = bundled_dir() if folder is None else folder
    stories: list = []
    left_out: list[tuple[Path, str]] = []
    for path in sorted(folder.glob("*.yaml")):
        problem = path_problem(path)
        if problem is not None:
            left_out.append((path, problem))
            continue
        try:
            story = load_story(path)
        except UserError as exc:
            left_out.append((path, str(exc)))
            continue
        stories.append(story)
        try:
            stories += translations_of(path, story, only=lang)
        except UserError as exc:  # the English story still plays
            left_out.append((path, f"its translations: {exc}"))
    return stories, left_out


def translations_of(path: Path, story, only: str | None = None) -> list:
    """The translated Stories of a .yaml scenario, from the <id>.<lang>.po files beside it (all of
    them, or only ``only``); none for a compiled .json, which is one language already."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return []
    from game.engine import Story
    from game.i18n.build import translations_beside

    return [Story(data, source=f"{path} ({lang})") for lang, data in translations_beside(path, story.data, only)]


def load_story(path: str | Path):
    """A Story from a compiled .json or a .yaml draft; a UserError with diagnostics otherwise."""
    from game.engine import Story, StoryError

    from game.engine.safeio import path_problem

    path = Path(path)
    problem = path_problem(path)  # never open a named pipe: it would wait for a writer for ever
    if problem is not None and problem.startswith("a folder"):
        raise UserError(f"{path}: is a folder; name a scenario file", 2)
    if problem is not None and not problem.startswith("cannot read it"):
        raise UserError(f"{path}: {problem}", 2)
    if path.suffix.lower() == ".json":
        try:
            return Story.from_file(path, verify_hash=True)
        except StoryError as exc:
            raise UserError(str(exc), 1) from None
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UserError(f"{path}: expected a scenario .yaml or a compiled story .json", 2)
    from game.authoring.compiler import compile_path
    from game.authoring.diagnostics import has_errors, render_text

    from game.authoring.yamlload import SourceError

    try:
        story_dict, diagnostics = compile_path(path)
    except SourceError as exc:  # unreadable (permission), or a catalogue that is not a file
        raise UserError(str(exc), 2) from None
    if story_dict is None or has_errors(diagnostics):
        raise UserError(f"{path} has errors; fix them and try again:\n{render_text(diagnostics)}", 1)
    return Story(story_dict, source=str(path))


def run(args: argparse.Namespace) -> int:
    if not args.scenario and not (args.text or args.headless):
        return _run_window_on_bundled(args)
    paths = [Path(s) for s in args.scenario] or bundled_scenarios()
    if not paths:
        raise UserError(f"no scenarios found in {bundled_dir()}", 1)
    if args.auto and args.choices:
        raise UserError("use either --choices or --auto, not both", 2)
    if (args.text or args.headless) and len(paths) != 1:
        if args.scenario:
            raise UserError("--text and --headless play one scenario at a time", 2)
        paths = [p for p in paths if p.stem == "tutorial"] or paths[:1]
    if args.headless and not (args.choices or args.auto):
        raise UserError("--headless needs --choices or --auto", 2)
    # Options that only a scripted run reads are refused elsewhere rather than silently ignored.
    scripted_only = [("--choices", args.choices), ("--auto", args.auto), ("--export", args.export)]
    if not (args.text or args.headless):
        for flag, value in scripted_only + [("--screenshots", args.screenshots)]:
            if value:
                raise UserError(f"{flag} applies to --text and --headless runs; the window is played by hand "
                                "(its debrief has an Export button)", 2)
    if args.text and args.screenshots:
        raise UserError("--screenshots needs --headless (the terminal has no screens to save)", 2)
    scripted = args.text or args.headless
    if scripted and args.seed is None:
        args.seed = 0  # a scripted run is reproducible: the same options in the same order every time
    stories = []
    for path in paths:
        story = load_story(path)
        stories.append(story)
        # A draft's translations beside it (<id>.<lang>.po): the window offers every language there
        # is; a scripted run needs only the one asked for.
        stories += translations_of(path, story, only=args.lang if scripted else None)
    if scripted:
        from game.engine.l10n import stories_for_language

        stories = stories_for_language(stories, args.lang)[:1]
    choices = [c.strip() for c in args.choices.split(",") if c.strip()] if args.choices else None

    # A bad format or a folder we cannot write is refused before the playthrough, not after it.
    from game.exports.signing import key_from

    key_from(args.session_key, environ={})  # an empty --session-key is refused, never "unsigned"
    if args.session:
        from game.platform.browser import param_problem

        problem = param_problem("session", args.session)  # the rule 'links' and the browser apply
        if problem:
            raise UserError(f"--session: {problem}", 2)
    if args.export:
        from game.exports import parse_formats

        parse_formats(args.formats)
        writable_folder(Path(args.export), "--export")
    if args.headless and args.screenshots:
        writable_folder(Path(args.screenshots), "--screenshots")
    if args.text:
        return _play_text(stories[0], choices, args)
    from game.ui import launch  # lazily: only the window and headless modes need pygame

    if args.headless:
        if args.export:
            from game.exports import parse_formats

            parse_formats(args.formats)
        played = launch.play_headless(stories, args)
        from game.textplay import format_scorecard

        print(format_scorecard(played.card, stories[0]))
        if played.live:
            print(f"live results: {played.live}")
        if args.export:  # the UI's run, start and end: the files the debrief's button writes
            _export(played.run, played.story, args, played.started_at, played.ended_at)
        return 0
    launch.play_window(stories, args)
    return 0


def _run_window_on_bundled(args: argparse.Namespace) -> int:
    """The window on every scenario of the bundled folder; drafts that do not load are left out and
    said (here and on the title screen), the others are offered."""
    for flag, value in (("--choices", args.choices), ("--auto", args.auto), ("--export", args.export),
                        ("--screenshots", args.screenshots)):
        if value:
            raise UserError(f"{flag} applies to --text and --headless runs; the window is played by hand "
                            "(its debrief has an Export button)", 2)
    folder = bundled_dir()
    stories, left_out = bundled_stories(folder)
    for path, why in left_out:
        print(f"rightspath: {path.name} left out: {why}", file=sys.stderr)
    if not stories:
        raise UserError(f"no scenario in {folder} could be opened" if left_out
                        else f"no scenarios found in {folder}", 1)
    from game.ui import launch  # lazily: only the window needs pygame

    launch.play_window(stories, args, left_out=[path.name for path, _ in left_out])
    return 0


def _play_text(story, choices, args) -> int:
    from game.engine import auto_choices
    from game.textplay import format_scorecard, play_text

    if args.auto:
        choices = auto_choices(story, args.seed)
    if args.export:  # refuse a bad format before the playthrough, not after it
        from game.exports import parse_formats

        parse_formats(args.formats)
    story_lang = story.scenario.get("language", "en")
    if args.lang != story_lang:  # the terminal plays the story as it is: record the language really played
        print(f"rightspath: {story.id} is in {story_lang!r}; playing and recording {story_lang!r}", file=sys.stderr)
        args.lang = story_lang
    started_at = datetime.now(timezone.utc)
    run_ = play_text(story, choices=choices, mode=args.mode, seed=args.seed)
    print(format_scorecard(run_.score(), story))
    if args.export:
        _export(run_, story, args, started_at)
    return 0


def _export(run_, story, args, started_at, ended_at=None) -> None:
    try:
        from game.exports import build_record, folder_writer, write_exports
    except ImportError:
        raise UserError("exports are not available in this build", 2) from None
    meta = {"trainee": args.trainee, "session": args.session, "mode": args.mode, "language": args.lang,
            "role": args.role, "country": args.country, "organisation_type": args.organisation_type,
            "started_at": started_at, "ended_at": ended_at or datetime.now(timezone.utc)}
    record = build_record(run_, story, meta)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    try:
        written = write_exports(record, formats, folder_writer(Path(args.export)), session_key=args.session_key)
    except OSError as exc:
        raise UserError(f"--export {args.export}: cannot write the results ({exc.strerror or exc})", 1) from None
    for path in written:
        print(f"wrote {path}")
