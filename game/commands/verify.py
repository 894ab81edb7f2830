"""``rightspath verify``: check exported files (signature, and figures replayed against the story)."""

from __future__ import annotations

import argparse

from game.commands._args import KEY_ENV, session_key_from, warn
from game.errors import UserError


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
    v.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from game.exports import KeyNeeded, verify_file
    from game.report.collect import json_files
    from game.report.stories import shelf

    key = session_key_from(args)
    stories = shelf(args.story, warn=warn)
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
            check = verify_file(path, key, stories=stories)
        except KeyNeeded as exc:
            raise UserError(f"{path}: {exc}", 2) from None
        bad = bad or check.bad
        reason = check.reason
        if check.replayed:
            reason += "; figures recomputed from the decisions and match"
        print(f"{path}: {check.status} — {reason}")
    return 1 if bad else 0
