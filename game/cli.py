"""The ``rightspath`` command.

The parser is assembled from the modules of ``game.commands`` (see docs/CONTRACTS.md §8). Each
imports only the standard library at its top and does its heavy imports inside the function it
registers, so ``rightspath --help`` stays fast and one part's dependencies never slow another part's
command. Every UserError a command raises is caught here, once: its message and its exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from game import __version__
from game.errors import UserError

# Each module exposes register(subparsers); the order is the order of `rightspath --help`.
COMMAND_MODULES = [
    "game.commands.authoring",  # validate, lint, compile, stats, graph, schema
    "game.commands.play",  # play (text, window, headless)
    "game.commands.web",  # build-web, fetch-runtime, links, package
    "game.commands.verify",  # verify
    "game.commands.lrs",  # lrs push, lrs pull
    "game.commands.report",  # report
    "game.commands.i18n",  # i18n extract, init, check, compile
    "game.commands.audit",  # audit (answer strategies against mastery)
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rightspath",
        description="RightsPath: train for child victims' rights under Directive 2012/29/EU.",
    )
    parser.add_argument("--version", action="version", version=f"rightspath {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
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
