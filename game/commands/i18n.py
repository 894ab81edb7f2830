"""``rightspath i18n``: extract, init, check, compile (docs/CONTRACTS.md §8, §12).

Only the standard library is imported at the top; polib, Babel, pygame and the authoring modules
are imported inside the functions so ``rightspath --help`` stays quick.
"""

from __future__ import annotations

import sys

from game.errors import UserError

PSEUDO = "en-XA"  # generated, never written by hand: accented and about 30% longer


def register(sub) -> None:
    p = sub.add_parser("i18n", help="translation catalogues: extract, init, check, compile",
                       description="Translate scenarios, rights catalogues and the interface with gettext catalogues.")
    cmds = p.add_subparsers(dest="i18n_command", metavar="STEP")

    e = cmds.add_parser("extract", help="write a .pot template beside each scenario and catalogue")
    e.add_argument("paths", nargs="*", metavar="SCENARIO",
                   help="scenario or catalogue files (default: everything under scenarios/)")
    e.add_argument("--interface", action="store_true",
                   help="the interface strings instead: game/locale/rightspath.pot from _() calls in game/")
    e.set_defaults(func=cmd_extract)

    i = cmds.add_parser("init", help="create or update <id>.<lang>.po from the templates")
    i.add_argument("--lang", required=True, help="language code, e.g. bg")
    i.add_argument("paths", nargs="*", metavar="SCENARIO",
                   help="scenario or catalogue files (default: everything under scenarios/)")
    i.add_argument("--interface", action="store_true", help="game/locale/<lang>.po instead")
    i.set_defaults(func=cmd_init)

    c = cmds.add_parser("check", help="report missing, fuzzy, obsolete, placeholder and overflow problems")
    c.add_argument("--lang", help=f"only this language (default: every .po found; {PSEUDO} is the pseudo-locale)")
    c.add_argument("paths", nargs="*", metavar="PATH",
                   help="scenario/catalogue .yaml or .po files (default: everything under scenarios/)")
    c.add_argument("--interface", action="store_true",
                   help="only game/locale/<lang>.po (with no files named, check covers the scenarios "
                        "and game/locale/<lang>.po together)")
    c.set_defaults(func=cmd_check)

    m = cmds.add_parser("compile", help="merge translations into story JSON and interface JSON")
    m.add_argument("--lang", help="only this language (default: every language with a .po)")
    m.add_argument("-o", "--out-dir", metavar="DIR",
                   help="where everything goes: stories in DIR, interface catalogues in DIR/locale/ "
                        "(default: stories in build/out/stories/, interface catalogues in assets/locale/)")
    m.add_argument("paths", nargs="*", metavar="SCENARIO", help="scenarios (default: every scenario)")
    m.set_defaults(func=cmd_compile)

    p.set_defaults(func=lambda args: _usage(p))


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _check_lang(lang: str) -> str:
    import re

    if not re.fullmatch(r"[a-z]{2,3}(-[A-Z]{2})?", lang or ""):
        raise UserError(f"--lang {lang!r}: not a language code like 'bg' or 'pt-BR'", 2)
    if lang == "en":
        raise UserError("--lang en: English is the source language; nothing to translate", 2)
    return lang


def _no_paths_with_interface(args) -> None:
    if args.interface and args.paths:
        raise UserError("--interface works on game/ and game/locale/; do not name scenario files with it", 2)


def cmd_extract(args) -> int:
    from pathlib import Path

    from game.i18n import pofiles
    from game.i18n.sources import load_source, resolve

    _no_paths_with_interface(args)
    if args.interface:
        from game.i18n import interface

        template = interface.build_template()
        interface.LOCALE_DIR.mkdir(parents=True, exist_ok=True)
        changed = pofiles.write(template, interface.TEMPLATE)
        print(f"{interface.TEMPLATE}: {len(template)} interface strings{'' if changed else ' (unchanged)'}",
              file=sys.stderr)
        return 0

    for path in resolve(args.paths):
        source = load_source(Path(path))
        pot = pofiles.build_pot(source.units, source.path, source.pot_path, source.project)
        changed = pofiles.write(pot, source.pot_path)
        print(f"{source.pot_path}: {len(source.units)} texts{'' if changed else ' (unchanged)'}", file=sys.stderr)
    return 0


def cmd_init(args) -> int:
    from pathlib import Path

    from game.i18n import pofiles
    from game.i18n.sources import load_source, resolve

    lang = _check_lang(args.lang)
    if lang == PSEUDO:
        raise UserError(f"--lang {PSEUDO}: the pseudo-locale is generated on the fly by check and compile; "
                        "there is no file to create", 2)
    _no_paths_with_interface(args)
    if args.interface:
        from game.i18n import interface

        target = interface.po_path(lang)
        old = pofiles.read(target) if target.exists() else None  # a broken file stops us before any write
        template = interface.build_template()
        interface.LOCALE_DIR.mkdir(parents=True, exist_ok=True)
        pofiles.write(template, interface.TEMPLATE)
        merged = pofiles.merge(template, old, lang, "rightspath interface", key=pofiles.text_key)
        pofiles.write(merged, target)
        done = sum(1 for e in merged if not e.obsolete and e.msgstr and "fuzzy" not in e.flags)
        print(f"{target}: {done}/{len(template)} translated", file=sys.stderr)
        return 0
    # Everything is read first: a .po that cannot be read stops the command before any file is written.
    sources = [load_source(Path(path)) for path in resolve(args.paths)]
    olds = [pofiles.read(s.po_path(lang)) if s.po_path(lang).exists() else None for s in sources]
    for source, old in zip(sources, olds):
        pot = pofiles.build_pot(source.units, source.path, source.pot_path, source.project)
        pofiles.write(pot, source.pot_path)
        po_path = source.po_path(lang)
        merged = pofiles.merge(pot, old, lang, source.project)
        pofiles.write(merged, po_path)
        active = [e for e in merged if not e.obsolete]
        done = sum(1 for e in active if e.msgstr and "fuzzy" not in e.flags)
        fuzzy = sum(1 for e in active if "fuzzy" in e.flags)
        obsolete = len(merged) - len(active)
        print(f"{po_path}: {done}/{len(active)} translated, {fuzzy} fuzzy, {obsolete} obsolete"
              f"{' (new)' if old is None else ''}", file=sys.stderr)
    return 0


def _show(report) -> int:
    """A check's problems on standard output, its summary on standard error; the exit code."""
    for problem in report.problems:
        print(problem.render())
    print(report.summary, file=sys.stderr)
    return 1 if report.failed else 0


def cmd_check(args) -> int:
    from game.commands._args import note
    from game.i18n.checks import run_check, run_interface_check

    lang = _check_lang(args.lang) if args.lang else None
    _no_paths_with_interface(args)
    if args.interface:
        return _show(run_interface_check(lang))
    if args.paths:
        return _show(run_check(args.paths, lang, note=note))
    # No files named: the whole language (or every language), scenarios and interface together,
    # so one command says whether a translation is complete.
    from game.i18n import interface

    interface_pos = [interface.po_path(lang)] if lang else sorted(interface.LOCALE_DIR.glob("*.po"))
    interface_pos = [path for path in interface_pos if path.is_file()]
    status = _show(run_check([], lang, note=note))
    if not interface_pos:
        return status
    interface_status = _show(run_interface_check(lang))
    what = f"'{lang}'" if lang else "every language"
    verdict = "complete: no problems" if status == interface_status == 0 else "not complete: problems above"
    print(f"{what} (scenarios and interface): {verdict}", file=sys.stderr)
    return max(status, interface_status)


def cmd_compile(args) -> int:
    from game.commands._args import note
    from game.i18n.build import compile_translations

    lang = _check_lang(args.lang) if args.lang else None
    if not compile_translations(args.paths, lang, args.out_dir, note=note):
        note("no translated stories written")
    return 0
