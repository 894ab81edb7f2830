"""Authoring sub-commands: validate (lint), compile, stats, graph, schema (docs/CONTRACTS.md §8).

Only the standard library is imported at the top so ``rightspath --help`` stays quick; each
command imports the authoring modules when it runs. Every user mistake becomes a UserError or a
diagnostic: exit 1 for invalid content, 2 for wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.errors import UserError

SKIP_FOLDERS = {"rights", "schema"}


def register(sub) -> None:
    for name, help_text in (("validate", "check scenario files and rights catalogues"),
                            ("lint", "same as validate")):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders of them")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        p.set_defaults(func=cmd_validate)

    p = sub.add_parser("compile", help="compile a scenario to story JSON")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("-o", "--output", metavar="OUT.json", help="where to write (default: standard output)")
    p.add_argument("--strict", action="store_true", help="refuse to compile when there are warnings")
    p.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_compile, parser=p, command="compile")

    p = sub.add_parser("stats", help="print figures about a scenario")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_stats, parser=p, command="stats")

    p = sub.add_parser("graph", help="draw a scenario as a Mermaid flowchart")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write (default: standard output)")
    p.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_graph, parser=p, command="graph")

    p = sub.add_parser("schema", help="write the JSON Schema for scenario (or catalogue) files")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write (default: standard output)")
    p.add_argument("--rights", action="store_true", help="the rights catalogue schema instead")
    p.set_defaults(func=cmd_schema)


# --- helpers -------------------------------------------------------------------------------

def _is_catalogue(path: Path) -> bool:
    return path.parent.name == "rights"


def collect(paths: list[str]) -> list[Path]:
    """Files named, plus every *.yaml under named folders (rights/ files count as catalogues)."""
    from game.engine.safeio import path_problem

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                candidates = [Path(root) / n for n in sorted(names) if n.endswith((".yaml", ".yml"))]
                rights = Path(root) / "rights"
                if "rights" in dirs:  # catalogues are checked as catalogues, not walked as scenarios
                    candidates += sorted(p for p in rights.iterdir() if p.suffix in (".yaml", ".yml"))
                for candidate in candidates:
                    # An editor's lock file (a broken link such as .#x.yaml), a named pipe, a link
                    # loop or a folder called x.yaml is not a scenario: said, and the rest is checked.
                    problem = path_problem(candidate)
                    if problem is None or problem.startswith("cannot read it"):
                        found.append(candidate)
                    else:
                        print(f"{candidate}: skipped: {problem}", file=sys.stderr)
                dirs[:] = sorted(d for d in dirs if d not in SKIP_FOLDERS and not d.startswith("."))
            if not found:
                raise UserError(f"{raw}: no .yaml files in this folder", 2)
            files += found
        elif os.path.lexists(path):
            problem = path_problem(path)
            if problem is not None and not problem.startswith("cannot read it"):
                raise UserError(f"{raw}: {problem}", 2)
            files.append(path)
        else:
            raise UserError(f"{raw}: no such file or folder", 2)
    unique = []
    for f in files:
        if f not in unique:
            unique.append(f)
    return unique


def _check(path: Path, strict: bool):
    from game.authoring.checking import check_catalogue, check_scenario
    from game.authoring.diagnostics import apply_strict
    from game.authoring.yamlload import SourceError

    _refuse_other_kinds(path)
    try:
        if _is_catalogue(path):
            result = check_catalogue(str(path))
            result.diagnostics = apply_strict(result.diagnostics, strict)
            return result
        return check_scenario(str(path), strict=strict)
    except SourceError as exc:
        raise UserError(str(exc), 2) from None


def _refuse_other_kinds(path: Path | str) -> None:
    """A compiled story, an export or a CSV table given where a scenario is expected: said plainly (exit 2)."""
    from game.authoring.filekind import not_a_source

    what = not_a_source(path)
    if what:
        raise UserError(f"{path}: {what}", 2)


def _one_scenario(args) -> None:
    """compile, stats and graph take one scenario: a second one gets this command's usage, not the top level's."""
    if args.extra:
        args.parser.error(f"one scenario at a time; unexpected: {' '.join(args.extra)}")


def _write(text: str, output: str | None, *, ours, what: str, inputs=()) -> None:
    """Write to standard output, or to a file through ``game.outfiles.replace_output``: atomically,
    with the usual permissions, replacing only an earlier ``what`` (never a source or an input)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from game.outfiles import replace_output

    replace_output(output, text, ours=ours, what=what, inputs=inputs)


def _report(diagnostics, stream=sys.stderr) -> None:
    from game.authoring.diagnostics import render_text

    if diagnostics:
        print(render_text(diagnostics), file=stream)


def _scenario_model(args):
    """A schema-valid model for stats and graph (lint errors are reported, not fatal)."""
    path = Path(args.scenario)
    result = _check(path, False)
    data = result.loaded.data if result.loaded is not None else None
    if _is_catalogue(path) or (isinstance(data, dict) and "instrument" in data and "nodes" not in data):
        from game.authoring.checking import check_catalogue

        result = result if _is_catalogue(path) else check_catalogue(str(path))
        _report(result.diagnostics)
        state = "it has no problems" if result.ok else "its problems are listed above"
        raise UserError(f"{args.scenario}: this is a rights catalogue, not a scenario; '{args.command}' reads "
                        f"scenarios ('validate' checks catalogues: {state})", 2)
    if result.model is None:
        _report(result.diagnostics)
        raise UserError(f"{args.scenario}: not a valid scenario (see above)", 1)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    _report(result.diagnostics)
    return result.model, 1 if errors else 0


def _require_file(raw: str) -> None:
    from game.engine.safeio import path_problem

    problem = path_problem(raw)  # no such file, a broken link, a named pipe, a folder...
    if problem is not None and not problem.startswith("cannot read it"):
        raise UserError(f"{raw}: {problem}", 2)


# --- commands ------------------------------------------------------------------------------

def cmd_validate(args) -> int:
    import json

    from game.authoring.diagnostics import render_text, unique_sorted

    files = collect(args.paths)
    diagnostics = []
    for path in files:
        diagnostics += _check(path, args.strict).diagnostics
    diagnostics = unique_sorted(diagnostics)  # a broken catalogue is seen by each scenario using it
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if args.format == "json":
        print(json.dumps({"files": [str(f) for f in files], "errors": errors, "warnings": warnings,
                          "diagnostics": [d.to_dict() for d in diagnostics]}, ensure_ascii=False, indent=2))
    else:
        if diagnostics:
            print(render_text(diagnostics))
        print(f"checked {len(files)} file{'s' * (len(files) != 1)}: {errors} error{'s' * (errors != 1)}, "
              f"{warnings} warning{'s' * (warnings != 1)}", file=sys.stderr)
    return 1 if errors else 0


def cmd_compile(args) -> int:
    from game.authoring.compiler import compile_path, to_bytes
    from game.authoring.yamlload import SourceError

    _one_scenario(args)
    _require_file(args.scenario)
    _refuse_other_kinds(args.scenario)
    try:
        story, diagnostics = compile_path(args.scenario, strict=args.strict)
    except SourceError as exc:
        raise UserError(str(exc), 2) from None
    _report(diagnostics)
    if story is None:
        raise UserError(f"{args.scenario}: not compiled; fix the errors above", 1)
    from game.outfiles import is_story_json

    _write(to_bytes(story).decode("utf-8"), args.output, ours=is_story_json, what="a compiled story",
           inputs=[args.scenario])
    if args.output and args.output != "-":
        print(f"wrote {args.output} ({len(story['nodes'])} nodes, {story['content_hash'][:19]}...)", file=sys.stderr)
    return 0


def cmd_stats(args) -> int:
    import json

    from game.authoring.stats import render_stats, scenario_stats

    _one_scenario(args)
    _require_file(args.scenario)
    model, code = _scenario_model(args)
    stats = scenario_stats(model)
    print(json.dumps(stats, indent=2, ensure_ascii=False) if args.json else render_stats(stats))
    return code


def cmd_graph(args) -> int:
    from game.authoring.graph import mermaid

    _one_scenario(args)
    _require_file(args.scenario)
    model, code = _scenario_model(args)
    from game.outfiles import is_mermaid_graph

    _write(mermaid(model), args.output, ours=is_mermaid_graph, what="a Mermaid graph", inputs=[args.scenario])
    return code


def cmd_schema(args) -> int:
    from game.authoring.schema import schema_text

    from game.outfiles import is_json_schema

    _write(schema_text(rights=args.rights), args.output, ours=is_json_schema, what="a JSON Schema")
    return 0

