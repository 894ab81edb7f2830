"""The ``rightspath`` command.

The parser is assembled from command modules (see docs/CONTRACTS.md §8). Each module imports only
the standard library at its top and does its heavy imports inside the function it registers, so
``rightspath --help`` stays fast and one part's dependencies never slow another part's command.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from game import __version__
from game.errors import UserError

# Each module exposes register(subparsers).
COMMAND_MODULES = [
    "game.authoring.commands",  # validate, lint, compile, stats, graph, schema
    "game.play_command",  # play (text, window, headless)
    "game.webbuild.commands",  # build-web, links
    "game.exports_commands",  # verify, lrs push/pull, report
    "game.i18n.commands",  # i18n extract, init, check, compile
    "game.audit_command",  # audit (answer strategies against mastery)
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rightspath",
        description="RightsPath: train for child victims' rights under Directive 2012/29/EU.",
    )
    parser.add_argument("--version", action="version", version=f"rightspath {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a part that is not built yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"rightspath: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rightspath: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
