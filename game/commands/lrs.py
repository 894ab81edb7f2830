"""``rightspath lrs push`` and ``rightspath lrs pull``: results to and from a learning-record store (xAPI).

What is sent and rebuilt is ``game.lrs.records``'s; this module reads the options, prints and picks
the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands._args import (KEY_ENV, add_lrs_login, fetch_session, lrs_client, session_key_from, warn,
                                 writable_folder)
from game.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    lrs = sub.add_parser("lrs", help="send results to / fetch them from a learning-record store (xAPI)")
    lrs_sub = lrs.add_subparsers(dest="lrs_command", metavar="ACTION")
    push = lrs_sub.add_parser("push", help="send the xAPI statements of exported records to an LRS",
                              description="Send exported records (JSON or xAPI files, or folders of them) to an "
                              "xAPI 1.0.3 LRS. Statement ids are stable, so pushing twice stores nothing twice.")
    push.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER")
    _endpoint(push)
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
    _endpoint(pull)
    pull.add_argument("--session", required=True, help="session code")
    pull.add_argument("-o", "--output", default=".", metavar="DIR", help="folder for the records (default .)")
    pull.set_defaults(func=run_pull)
    cred = lrs_sub.add_parser(
        "credential", help="make (or revoke) a session's write-only credential on a Ralph LRS, for the links",
        description="Add a user that can only write statements to Ralph's users file (through 'ralph auth', "
        "so run it where Ralph runs) and print the links' #lrs=...&lrsauth=... fragment; or take one out "
        "with --revoke. Ralph enforces scopes only with RALPH_LRS_RESTRICT_BY_SCOPES=True and "
        "RALPH_LRS_RESTRICT_BY_AUTHORITY=True, and reads the file at start: restart it afterwards.")
    cred.add_argument("--ralph-auth-file", required=True, type=Path, metavar="FILE",
                      help="Ralph's users file (its RALPH_AUTH_FILE)")
    cred.add_argument("--session", help="the session code the credential is for")
    cred.add_argument("--endpoint", help="the xAPI endpoint the links name, e.g. https://lrs.example/xAPI/")
    cred.add_argument("--ralph", default="ralph", metavar="PATH", help="Ralph's command (default: ralph)")
    cred.add_argument("--revoke", metavar="USER", help="take this user out of the users file instead")
    cred.set_defaults(func=run_credential)
    lrs.set_defaults(func=lambda args: _help(lrs))


def _endpoint(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", required=True, help="the LRS's xAPI endpoint, e.g. https://lrs.example/xAPI/")
    add_lrs_login(p)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def export_files(inputs: list[str]) -> list[Path]:
    """The .json files named, and those inside folders named (sorted); a UserError for missing paths."""
    from game.report.collect import json_files

    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():  # a pipe or a broken link among them is reported when read, never waited on
            out.extend(json_files(path))
        elif path.exists():
            out.append(path)
        else:
            raise UserError(f"{path}: no such file or folder", 2)
    return out


def run_push(args: argparse.Namespace) -> int:
    from game.commands._progress import Progress
    from game.lrs.client import LRSError
    from game.lrs.records import prepare_push, send
    from game.report.stories import shelf

    files = export_files(args.files)
    if not files:
        raise UserError("no .json exports found in what was given", 2)
    if args.batch < 1:
        raise UserError("--batch must be at least 1", 2)
    key = session_key_from(args)
    stories = shelf(getattr(args, "story", None), warn=warn)  # every record is replayed; wrong figures are never sent
    batch = prepare_push(files, key, stories)
    for path, why in batch.skipped:
        print(f"{path}: skipped — {why}", file=sys.stderr)
    client = lrs_client(args.endpoint, args)
    progress = Progress("pushing", len(batch.statements), unit="statements", enabled=len(files) > 1)
    try:
        stored = send(client, batch.statements, args.batch, progress.advance)
    except LRSError as exc:
        progress.finish()
        raise UserError(f"lrs push: {exc}", 1) from None
    finally:
        client.close()
    progress.finish()
    print(f"sent {len(batch.statements)} statements of {len(batch.registrations)} playthrough(s) from "
          f"{len(files) - len(batch.skipped)} file(s) to {client.endpoint}; "
          f"{stored} newly stored, the others were already there")
    if batch.skipped:
        print(f"{len(batch.skipped)} file(s) skipped (see above)", file=sys.stderr)
        return 1
    return 0


def run_pull(args: argparse.Namespace) -> int:
    from game.exports import folder_writer, record_to_json
    from game.exports.files import base_name

    if not args.session:
        raise UserError("--session must name a session", 2)
    writable_folder(Path(args.output), "-o")  # before asking the LRS for anything
    records, notes, endpoint = fetch_session(args.endpoint, args, "lrs pull")
    write = folder_writer(Path(args.output))
    used: set[str] = set()
    for record in records:
        name, n = base_name(record), 1
        while name + ".json" in used:  # two playthroughs with the same trainee, session and end second
            n += 1
            name = f"{base_name(record)}-{n}"
        used.add(name + ".json")
        try:
            written = write(name + ".json", record_to_json(record), "application/json")
        except OSError as exc:
            raise UserError(f"-o {args.output}: cannot write the records ({exc.strerror or exc})", 1) from None
        print(f"wrote {written}")
    for note in notes:
        print(f"not rebuilt: {note}", file=sys.stderr)
    print(f"{len(records)} record(s) of session {args.session!r} from {endpoint}")
    return 1 if notes else 0


def run_credential(args: argparse.Namespace) -> int:
    from game.lrs.credential import create_on_ralph, revoke_on_ralph

    if args.revoke:
        if not revoke_on_ralph(args.revoke, args.ralph_auth_file):
            raise UserError(f"--revoke {args.revoke}: no such user in {args.ralph_auth_file}", 1)
        print(f"{args.revoke} revoked in {args.ralph_auth_file}; restart Ralph so it reads the file again")
        return 0
    if not args.session or not args.endpoint:
        raise UserError("lrs credential: give --session CODE and --endpoint URL (or --revoke USER)", 2)
    if not args.endpoint.startswith(("https://", "http://")):
        raise UserError(f"--endpoint {args.endpoint!r}: give the store's http(s) xAPI endpoint", 2)
    cred = create_on_ralph(args.session, args.ralph_auth_file, args.ralph)
    print(f"user {cred.username} (scope statements/write) added to {args.ralph_auth_file}; restart Ralph")
    print(f"links' fragment: {cred.fragment(args.endpoint)}")
    print(f"revoke after the session: rightspath lrs credential --ralph-auth-file {args.ralph_auth_file} "
          f"--revoke {cred.username}")
    return 0
