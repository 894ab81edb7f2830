"""The ``rightspath`` commands: one module per command or group, each with ``register(subparsers)``.

A command module holds the argument handling and the output: it checks the options, calls into the
libraries (authoring, exports, report, lrs, webbuild, i18n, the UI), prints what they return and
picks the exit code. Libraries never parse arguments or print; they return results or raise
``game.errors.UserError``. Only the standard library is imported at a module's top; each command
imports what it needs inside the function it registers, so ``rightspath --help`` stays fast
(docs/CONTRACTS.md §8).
"""
