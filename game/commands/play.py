"""``rightspath play``: in the terminal (--text), in a window, or headless through the real UI.

The flags are checked here, once and in one place, before anything is played; then the story goes
to ``game.textplay`` (the terminal front end) or to ``game.ui.launch`` (the window and the headless
run) with the UI's options already built.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from game.commands._args import SCENARIOS_DIR, warn, writable_folder
from game.errors import UserError

# The folder `play` with no SCENARIO offers (default SCENARIOS_DIR): for a site's own set, and for tests.
SCENARIOS_ENV = "RIGHTSPATH_SCENARIOS_DIR"


class _Modes(Sequence):
    """``game.engine.vocab.MODES``, read only when ``play`` parses or shows its options: importing the
    engine at ``register`` time would slow every ``rightspath --help``."""

    def _modes(self) -> tuple[str, ...]:
        from game.engine.vocab import MODES

        return MODES

    def __getitem__(self, index):
        return self._modes()[index]

    def __len__(self) -> int:
        return len(self._modes())


MODES = _Modes()
SCRIPTED_ONLY = "applies to --text and --headless runs; the window is played by hand (its debrief has an Export button)"


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
    mode = p.add_argument("--mode", choices=MODES, metavar="MODE", default="learning")
    mode.metavar = None  # argparse lists the choices when it shows play's help, not while it is declared
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


# --- the scenarios offered -------------------------------------------------------------------

def bundled_dir() -> Path:
    return Path(os.environ.get(SCENARIOS_ENV) or SCENARIOS_DIR)


def bundled_scenarios(folder: Path | None = None) -> list[Path]:
    from game.engine.safeio import path_problem

    folder = bundled_dir() if folder is None else folder
    return sorted(p for p in folder.glob("*.yaml") if path_problem(p) is None)


def bundled_stories(folder: Path | None = None, lang: str | None = None) -> tuple[list, list[tuple[Path, str]]]:
    """(stories, left out) of the scenario folder the window offers: a draft that does not load is
    left out with the reason, and the others play (one broken draft must not close the game)."""
    from game.authoring.compiler import load_story
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
    from game.report.stories import translations_of as beside

    return beside(path, story, only, warn=warn)


# --- the command -----------------------------------------------------------------------------

class _Plan:
    """What the flags ask for, checked: how to play, the script, and the export."""

    def __init__(self, args: argparse.Namespace):
        self.text, self.headless = args.text, args.headless
        self.scripted = args.text or args.headless
        # A scripted run is reproducible: the same options in the same order every time.
        self.seed = args.seed if args.seed is not None or not self.scripted else 0
        self.choices = [c.strip() for c in args.choices.split(",") if c.strip()] if args.choices else None
        self.formats: list[str] = []


def _check_flags(args: argparse.Namespace, paths: list[Path]) -> tuple[_Plan, list[Path]]:
    """Every flag checked before anything is loaded or played; the paths to play."""
    if args.auto and args.choices:
        raise UserError("use either --choices or --auto, not both", 2)
    if (args.text or args.headless) and len(paths) != 1:
        if args.scenario:
            raise UserError("--text and --headless play one scenario at a time", 2)
        paths = [p for p in paths if p.stem == "tutorial"] or paths[:1]
    if args.headless and not (args.choices or args.auto):
        raise UserError("--headless needs --choices or --auto", 2)
    # Options that only a scripted run reads are refused elsewhere rather than silently ignored.
    if not (args.text or args.headless):
        _refuse_scripted_only(args)
    if args.text and args.screenshots:
        raise UserError("--screenshots needs --headless (the terminal has no screens to save)", 2)
    return _Plan(args), paths


def _refuse_scripted_only(args: argparse.Namespace) -> None:
    for flag, value in (("--choices", args.choices), ("--auto", args.auto), ("--export", args.export),
                        ("--screenshots", args.screenshots)):
        if value:
            raise UserError(f"{flag} {SCRIPTED_ONLY}", 2)


def _check_outputs(args: argparse.Namespace, plan: _Plan) -> None:
    """A bad key, session code, format or a folder we cannot write is refused before the playthrough."""
    from game.exports.signing import key_from

    key_from(args.session_key, environ={})  # an empty --session-key is refused, never "unsigned"
    if args.session:
        from game.platform.browser import param_problem

        problem = param_problem("session", args.session)  # the rule 'links' and the browser apply
        if problem:
            raise UserError(f"--session: {problem}", 2)
    if args.export:
        from game.exports import parse_formats

        plan.formats = parse_formats(args.formats)
        writable_folder(Path(args.export), "--export")
    if args.headless and args.screenshots:
        writable_folder(Path(args.screenshots), "--screenshots")


def run(args: argparse.Namespace) -> int:
    if not args.scenario and not (args.text or args.headless):
        return _run_window_on_bundled(args)
    paths = [Path(s) for s in args.scenario] or bundled_scenarios()
    if not paths:
        raise UserError(f"no scenarios found in {bundled_dir()}", 1)
    plan, paths = _check_flags(args, paths)
    from game.authoring.compiler import load_story

    stories = []
    for path in paths:
        story = load_story(path)
        stories.append(story)
        # A draft's translations beside it (<id>.<lang>.po): the window offers every language there
        # is; a scripted run needs only the one asked for.
        stories += translations_of(path, story, only=args.lang if plan.scripted else None)
    if plan.scripted:
        from game.engine.l10n import stories_for_language

        stories = stories_for_language(stories, args.lang)[:1]
    _check_outputs(args, plan)
    if args.text:
        return _play_text(stories[0], plan, args)
    from game.ui import launch  # lazily: only the window and headless modes need pygame

    if args.headless:
        return _play_headless(stories, plan, args, launch)
    launch.play_window(stories, _options(args, plan, headless=False))
    return 0


def _options(args: argparse.Namespace, plan: _Plan, *, headless: bool):
    """The UI's options from the command line."""
    from game.ui.app import AppOptions

    return AppOptions(
        mode=args.mode or "learning",
        language=args.lang or "en",
        trainee=args.trainee or "",
        session=args.session or "",
        headless=headless,
        auto_seed=plan.seed if args.auto else None,
        # The playthrough's seed (the order options are shown in): a headless run's is 0 unless
        # given; the window draws one when none was given (the playthrough does, and the save keeps it).
        seed=plan.seed,
        screenshots_dir=args.screenshots if headless else None,
        reduce_motion=headless,  # a scripted run shows each screen settled, not mid-animation
    )


def _run_window_on_bundled(args: argparse.Namespace) -> int:
    """The window on every scenario of the bundled folder; drafts that do not load are left out and
    said (here and on the title screen), the others are offered."""
    _refuse_scripted_only(args)
    folder = bundled_dir()
    stories, left_out = bundled_stories(folder)
    for path, why in left_out:
        print(f"rightspath: {path.name} left out: {why}", file=sys.stderr)
    if not stories:
        raise UserError(f"no scenario in {folder} could be opened" if left_out
                        else f"no scenarios found in {folder}", 1)
    from game.ui import launch  # lazily: only the window needs pygame

    launch.play_window(stories, _options(args, _Plan(args), headless=False),
                       left_out=[path.name for path, _ in left_out])
    return 0


def _play_headless(stories: list, plan: _Plan, args: argparse.Namespace, launch) -> int:
    from game.engine import auto_choices
    from game.textplay import format_scorecard

    story = stories[0]
    options = _options(args, plan, headless=True)
    options.choices = auto_choices(story, plan.seed) if args.auto else plan.choices
    if not options.choices:  # --choices "," names none
        raise UserError("--headless needs --choices or --auto", 2)
    played = launch.play_headless(story, options)
    # The language actually played (English when --lang named one we do not have): the exports
    # record what the player saw.
    if args.lang and args.lang != played.language:
        print(f"rightspath: {story.id} is not available in {args.lang!r}; played and recorded "
              f"{played.language!r}", file=sys.stderr)
    if played.save_error:  # the run itself went on; say that nothing of it was kept
        print(f"rightspath: warning: progress could not be saved ({played.save_error})", file=sys.stderr)
    print(format_scorecard(played.card, stories[0]))
    if played.live:
        print(f"live results: {played.live}")
    if args.export:  # the UI's run, start and end: the files the debrief's button writes
        _export(played.run, played.story, args, plan, played.language, played.started_at, played.ended_at)
    return 0


def _play_text(story, plan: _Plan, args: argparse.Namespace) -> int:
    from game.engine import auto_choices
    from game.textplay import format_scorecard, play_text

    choices = auto_choices(story, plan.seed) if args.auto else plan.choices
    language = story.scenario.get("language", "en")
    if args.lang != language:  # the terminal plays the story as it is: record the language really played
        print(f"rightspath: {story.id} is in {language!r}; playing and recording {language!r}", file=sys.stderr)
    started_at = datetime.now(timezone.utc)
    run_ = play_text(story, choices=choices, mode=args.mode, seed=plan.seed)
    print(format_scorecard(run_.score(), story))
    if args.export:
        _export(run_, story, args, plan, language, started_at)
    return 0


def _export(run_, story, args: argparse.Namespace, plan: _Plan, language: str, started_at, ended_at=None) -> None:
    from game.exports import build_record, folder_writer, write_exports

    meta = {"trainee": args.trainee, "session": args.session, "mode": args.mode, "language": language,
            "role": args.role, "country": args.country, "organisation_type": args.organisation_type,
            "started_at": started_at, "ended_at": ended_at or datetime.now(timezone.utc)}
    record = build_record(run_, story, meta)
    try:
        written = write_exports(record, plan.formats, folder_writer(Path(args.export)), session_key=args.session_key)
    except OSError as exc:
        raise UserError(f"--export {args.export}: cannot write the results ({exc.strerror or exc})", 1) from None
    for path in written:
        print(f"wrote {path}")
