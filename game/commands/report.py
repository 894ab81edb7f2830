"""``rightspath report``: the facilitator's report (HTML, or CSV tables) from a room's exports.

Collecting, replaying and rendering are ``game.report``'s; this module reads the options, writes the
files, prints the summary and picks the exit code.
"""

from __future__ import annotations

import argparse
import sys

from game.commands._args import KEY_ENV, add_lrs_login, fetch_session, session_key_from, warn
from game.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser("report", help="build the facilitator's report from a room's exports",
                         description="Aggregate exported records (files or folders, or a session in an LRS) "
                         "into one self-contained HTML report, or into CSV tables.")
    rep.add_argument("inputs", nargs="*", metavar="FILE_OR_FOLDER")
    rep.add_argument("-o", "--output", required=True, help="the report file (HTML) or folder (CSV)")
    rep.add_argument("--format", choices=("html", "csv"), default="html")
    rep.add_argument("--lang", default="en", help="report language (labels from assets/locale/<lang>.json)")
    rep.add_argument("--story", help="the scenario (.yaml or compiled .json) the records were played on: they "
                     "are replayed on it, and its prompts and explanations are shown; a folder of scenarios only "
                     "supplies stories to replay on (default: the bundled scenario with the records' id)")
    rep.add_argument("--session-key", help=f"check signatures with this key (or ${KEY_ENV})")
    rep.add_argument("--attempt", choices=("first", "best", "last", "all"), default="first",
                     help="which attempt of a learner who played more than once counts (default first; "
                     "all counts every attempt as its own row)")
    rep.add_argument("--title", help="report title")
    rep.add_argument("--lrs", metavar="URL", help="read the records of --session from this LRS instead of files")
    add_lrs_login(rep)  # --user, --password, --timeout: as lrs push and pull have them
    rep.add_argument("--session", help="with --lrs: the session to report on")
    rep.set_defaults(func=run)



def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from game.report.collect import Source, collect, sources_from_paths
    from game.report.render import csv_tables, html_report
    from game.report.stories import shelf

    if args.lrs and args.inputs:
        raise UserError("give files and folders, or --lrs, not both", 2)
    if not args.lrs and not args.inputs:
        raise UserError("give the exported files or folders to report on (or --lrs URL --session S)", 2)
    if args.lrs:
        sources = _lrs_sources(args, Source)
    else:
        for item in args.inputs:
            if not Path(item).exists():
                raise UserError(f"{item}: no such file or folder", 2)
        sources = sources_from_paths(args.inputs)
    key = session_key_from(args)
    story_dir = bool(args.story) and Path(args.story).is_dir()
    stories = shelf([args.story] if args.story else None, warn=warn)
    collection = collect(sources, key=key, story=None, stories=stories, attempt=args.attempt)
    if story_dir:  # a folder only supplies stories to replay on; the texts come from the matching one
        story, story_note = _shelf_story(stories, collection)
    else:
        story, story_note = _report_story(args, collection)
    if args.story and not story_dir:  # the facilitator named the scenario: the report covers exactly that one
        collection = collect(sources, key=key, story=story, stories=stories, attempt=args.attempt)
    out = Path(args.output)
    _write_report(args, out, collection, story, story_note, csv_tables, html_report)
    other = collection.played - len(collection.records)
    print(f"{len(collection.records)} playthrough(s) included, {len(collection.excluded)} file(s) not included"
          + (f", {collection.duplicates} duplicate(s) merged" if collection.duplicates else "")
          + f"; {collection.learners} participant(s), attempt rule {collection.attempt_rule}"
          + (f" ({other} other attempt(s) not counted)" if other else "")
          + "; every figure recomputed from the decisions")
    for name, reason in collection.excluded:
        print(f"  not included: {name}: {reason}", file=sys.stderr)
    if not collection.records:
        # The report is still written (it lists what was left out and why), but a script or a
        # facilitator must not take an empty report for a finished one.
        reason = ("every file was left out (reasons above)" if collection.excluded
                  else "no exported results were found there")
        print(f"rightspath: report: no playthrough to report on: {reason}", file=sys.stderr)
        return 1
    return 0


def _write_report(args, out, collection, story, story_note, csv_tables, html_report) -> None:
    """The report's files through ``game.outfiles``: an earlier report is replaced, anything else
    (an export, a scenario, a file of another kind) is refused before a byte is written."""
    from game.outfiles import check_output, is_report_html, replace_output, same_first_line

    inputs = [*args.inputs, *([args.story] if isinstance(args.story, str) else [])]
    try:
        if args.format == "csv":
            if out.exists() and not out.is_dir():
                raise UserError(f"-o {out}: is a file; give a folder for the CSV tables", 2)
            out.mkdir(parents=True, exist_ok=True)
            tables = csv_tables(collection, story)
            for name, text in tables.items():  # every table checked before any is written
                check_output(out / name, ours=same_first_line(text), what="a report table", inputs=inputs)
            for name, text in tables.items():
                replace_output(out / name, text, ours=same_first_line(text), what="a report table", inputs=inputs)
                print(f"wrote {out / name}")
        else:
            if out.is_dir():
                raise UserError(f"{out} is a folder; give the report's file name, e.g. {out / 'report.html'}", 2)
            out.parent.mkdir(parents=True, exist_ok=True)
            html = html_report(collection, story, lang=args.lang, title=args.title, story_note=story_note)
            replace_output(out, html, ours=is_report_html, what="a room report", inputs=inputs)
            print(f"wrote {out}")
    except OSError as exc:
        raise UserError(f"{out}: cannot write the report ({exc.strerror or exc})", 1) from None


def _lrs_sources(args: argparse.Namespace, source_type) -> list:
    from game.exports import record_to_json

    if not args.session:
        raise UserError("--lrs needs --session (the session to report on)", 2)
    # the login, timeout and environment defaults of lrs push/pull
    records, notes, _endpoint = fetch_session(args.lrs, args, "report")
    sources = [source_type(f"{args.lrs} registration {i + 1}", record_to_json(r).encode("utf-8"), origin="lrs")
               for i, r in enumerate(records)]
    sources += [source_type(f"{args.lrs} {note.split(':', 1)[0]}", None, note.split(":", 1)[-1].strip())
                for note in notes]
    return sources


def _shelf_story(stories, collection):
    """(story, note) for the texts when --story named a folder: the one the records' scenario is."""
    if not collection.scenario or not collection.records:
        return None, None
    return stories.find({"scenario": collection.scenario}), None


def _report_story(args: argparse.Namespace, collection):
    """(story for the texts, note): --story, else the bundled scenario the records were played on.

    The bundled file explains the records when one of its compiled variants (English or a translation
    into a language the records use) has their content hash; its texts are then shown in --lang when
    a translation exists.
    """
    from game.authoring.compiler import load_story
    from game.commands._args import SCENARIOS_DIR as BUNDLED_DIR

    if args.story:
        return load_story(args.story), None
    if not collection.scenario or not collection.records:
        return None, None
    sid, version = collection.scenario["id"], collection.scenario["version"]
    candidate = next((p for p in (BUNDLED_DIR / f"{sid}.yaml", BUNDLED_DIR / f"{sid}.json") if p.exists()), None)
    if candidate is None:
        return None, None
    try:
        english = load_story(candidate)
    except UserError:
        return None, (f"The bundled scenario {candidate.name} does not compile, so prompts and options are "
                      "shown by their ids (use --story).")
    variants = {english.scenario.get("language", "en"): english}
    played = {r["scenario"]["language"] for r in collection.records}
    for lang in sorted(({args.lang} | played) - set(variants)):
        translated = _translated(candidate, lang)
        if translated is not None:
            variants[lang] = translated
    hashes = {r["scenario"]["content_hash"] for r in collection.records}
    if not any(v.hash in hashes for v in variants.values()):
        return None, (f"The bundled scenario {sid!r} is version {english.version}, not the {version} these "
                      "records were made with, so prompts and options are shown by their ids "
                      "(use --story with the matching scenario file).")
    return variants.get(args.lang) or english, None


def _translated(path, lang: str):
    """The scenario at ``path`` translated into ``lang``, or None when there is no such translation."""
    from game.engine import Story
    from game.i18n.build import compile_translation

    try:
        data, done, _ = compile_translation(path, lang)
    except (UserError, OSError, ValueError):
        return None
    return Story(data, source=f"{path} ({lang})") if done else None
