"""``rightspath verify``, ``rightspath lrs push|pull`` and ``rightspath report``.

Only the standard library is imported here; each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys

from game.cli_args import seconds
from game.errors import UserError

KEY_ENV = "RIGHTSPATH_SESSION_KEY"


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("verify", help="check exported files: signature, and figures replayed against the story",
                       description="Check exported RightsPath files (JSON records and xAPI statement files): "
                       "the signature, and the figures, recomputed by replaying the decisions on the story the "
                       "record names (--story, or the bundled scenarios). Prints one line per file: valid, "
                       "unsigned, tampered, rejected (figures or choices wrong), unchecked (story not at hand), "
                       "corrupt or unreadable. Exit code 0 when every file passes (valid, or without --session-key "
                       "unsigned with figures that match); 1 otherwise, and for a folder with no .json "
                       "exports; with --session-key an unsigned file fails; 2 for a signed file and no key.")
    v.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER", help="files, or folders of .json exports")
    v.add_argument("--session-key", help=f"the secret session key the exports were signed with (or ${KEY_ENV})")
    v.add_argument("--story", action="append", metavar="FILE_OR_DIR",
                   help="scenario file(s) or a folder of them to replay the records on (besides the bundled ones)")
    v.set_defaults(func=run_verify)

    lrs = sub.add_parser("lrs", help="send results to / fetch them from a learning-record store (xAPI)")
    lrs_sub = lrs.add_subparsers(dest="lrs_command", metavar="ACTION")
    push = lrs_sub.add_parser("push", help="send the xAPI statements of exported records to an LRS",
                              description="Send exported records (JSON or xAPI files, or folders of them) to an "
                              "xAPI 1.0.3 LRS. Statement ids are stable, so pushing twice stores nothing twice.")
    push.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER")
    _lrs_args(push)
    push.add_argument("--batch", type=int, default=200, help="statements per request (default 200)")
    push.add_argument("--session-key", help="send only exports whose signature checks out with this key "
                      f"(or ${KEY_ENV})")
    push.add_argument("--story", action="append", metavar="FILE_OR_DIR",
                      help="scenario file(s) or folder to replay the records on (besides the bundled ones); "
                      "a record whose figures do not follow from its decisions is never sent")
    push.set_defaults(func=run_push)
    pull = lrs_sub.add_parser("pull", help="fetch a session's statements back into records",
                              description="Fetch every statement of a session from an LRS and rebuild the "
                              "playthrough records as JSON files.")
    _lrs_args(pull)
    pull.add_argument("--session", required=True, help="session code")
    pull.add_argument("-o", "--output", default=".", metavar="DIR", help="folder for the records (default .)")
    pull.set_defaults(func=run_pull)
    lrs.set_defaults(func=lambda args: _lrs_help(lrs))

    rep = sub.add_parser("report", help="build the facilitator's debrief report from a room's exports",
                         description="Aggregate exported records (files or folders, or a session in an LRS) "
                         "into one self-contained HTML debrief, or into CSV tables.")
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
    rep.add_argument("--user", help="LRS user")
    rep.add_argument("--password", help="LRS password")
    rep.add_argument("--session", help="with --lrs: the session to report on")
    rep.set_defaults(func=run_report)


def _lrs_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", required=True, help="the LRS's xAPI endpoint, e.g. https://lrs.example/xAPI/")
    p.add_argument("--user", default=os.environ.get("RIGHTSPATH_LRS_USER"), help="user (or $RIGHTSPATH_LRS_USER)")
    p.add_argument("--password", default=os.environ.get("RIGHTSPATH_LRS_PASSWORD"),
                   help="password (or $RIGHTSPATH_LRS_PASSWORD)")
    p.add_argument("--timeout", type=seconds, default=30.0, help="seconds to wait for the LRS (default 30)")


def _lrs_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def session_key(args: argparse.Namespace) -> str | None:
    """--session-key, else $RIGHTSPATH_SESSION_KEY; an empty --session-key is refused (exit 2)."""
    from game.exports.signing import key_from

    return key_from(getattr(args, "session_key", None))


def story_shelf(args: argparse.Namespace):
    from game.report.stories import shelf

    return shelf(getattr(args, "story", None))


def json_files(folder) -> list:
    """The .json files under ``folder``, sorted, with the entries named so that cannot be read as
    files (a named pipe, a broken or looping symbolic link, a folder called x.json): reading one
    reports why, and no reader ever waits on a pipe. Symbolic links to folders are not followed."""
    from game.engine.safeio import scan_folder

    found, skipped = scan_folder(folder, (".json",), hidden_dirs=True)
    return sorted(found + [path for path, _ in skipped])


def run_verify(args: argparse.Namespace) -> int:
    from game.exports import KeyNeeded, verify_file

    from pathlib import Path

    key = session_key(args)
    stories = story_shelf(args)
    bad = False
    paths: list = []
    for item in args.files:
        folder = Path(item)
        if folder.is_dir():
            found = json_files(folder)
            if not found:
                raise UserError(f"{item}: no .json exports in this folder; nothing was verified", 1)
            paths.extend(found)
        else:  # a file that cannot be read is reported as unreadable, with the others
            paths.append(item)
    for path in paths:
        try:
            verdict = verify_file(path, key, stories=stories)
        except KeyNeeded as exc:
            raise UserError(f"{path}: {exc}", 2) from None
        bad = bad or verdict.bad
        reason = verdict.reason
        if verdict.replayed:
            reason += "; figures recomputed from the decisions and match"
        print(f"{path}: {verdict.status} — {reason}")
    return 1 if bad else 0


def run_push(args: argparse.Namespace) -> int:
    from game.lrs.commands import push

    return push(args)


def run_pull(args: argparse.Namespace) -> int:
    from game.lrs.commands import pull

    return pull(args)


def run_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from game.report.collect import Source, collect, sources_from_paths
    from game.report.render import csv_tables, html_report

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
    key = session_key(args)
    story_dir = bool(args.story) and Path(args.story).is_dir()
    stories = story_shelf(argparse.Namespace(story=[args.story] if args.story else None))
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
                raise UserError(f"{out} is a folder; give the report's file name, e.g. {out / 'debrief.html'}", 2)
            out.parent.mkdir(parents=True, exist_ok=True)
            html = html_report(collection, story, lang=args.lang, title=args.title, story_note=story_note)
            replace_output(out, html, ours=is_report_html, what="a debrief report", inputs=inputs)
            print(f"wrote {out}")
    except OSError as exc:
        raise UserError(f"{out}: cannot write the report ({exc.strerror or exc})", 1) from None


def _lrs_sources(args: argparse.Namespace, source_type) -> list:
    from game.lrs.client import LRSClient, LRSError
    from game.lrs.commands import fetch_records

    if not args.session:
        raise UserError("--lrs needs --session (the session to report on)", 2)
    try:
        client = LRSClient(args.lrs, args.user, args.password)
    except LRSError as exc:
        raise UserError(str(exc), 2) from None
    try:
        records, notes = fetch_records(client, args.session)
    except LRSError as exc:
        raise UserError(f"report: {exc}", 1) from None
    finally:
        client.close()
    from game.exports import record_to_json

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
    from game.play_command import BUNDLED_DIR, load_story

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
    try:
        from game.engine import Story
        from game.i18n.build import compile_translation
    except ImportError:  # translations are another part of RightsPath; without them, English texts
        return None
    try:
        data, done, _ = compile_translation(path, lang)
    except (UserError, OSError, ValueError):
        return None
    return Story(data, source=f"{path} ({lang})") if done else None
