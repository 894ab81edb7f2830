"""Stage a clean copy of exactly what the browser needs.

pygbag packs every file of the folder it is given, so the folder is built from an allow-list rather
than trimmed with ignore lists: the browser entry point, the browser-shipped packages (engine, UI,
platform, exports), compiled stories and the runtime assets. Nothing of the authoring side (YAML,
pydantic, the compiler), no tests and no caches can end up in the archive because nothing else is
ever copied. UI files are copied as files; this module never imports game.ui.

The game's Python files are shipped without their comments and docstrings (``strip_source``): the
browser downloads them on every visit, and they were a third of the compressed archive. Only those
characters go: every line stays where it was (tracebacks point at the same lines as the sources) and
the code is the same, statement for statement (``tests/web/test_build.py`` compares the syntax trees).
"""

from __future__ import annotations

import ast
import io
import json
import re
import shutil
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import l10n
from game.engine.bundle import file_name
from game.errors import UserError
from game.paths import ROOT
from game.webbuild.storypack import pack_stories
APP_NAME = "rightspath"  # the staged folder's name becomes the archive's name

# Packages shipped whole (their .py files, recursively); single modules of game/ shipped alone.
SHIPPED_PACKAGES = ("engine", "ui", "platform", "exports", "delivery", "room")
# outfiles: the exports' file names; paths: where assets/ is (the fonts look there); wordwrap: the UI's wrap
SHIPPED_MODULES = ("__init__.py", "errors.py", "outfiles.py", "paths.py", "wordwrap.py")
# Files of those packages the browser never imports, with the reason (paths relative to game/).
NOT_SHIPPED = {
    "ui/launch.py": "opens the desktop window ('rightspath play'); the browser runs main.py",
    "ui/art/fonts.py": "finds the fonts for the art's own tests; the game finds them through game.ui.fonts",
    "room/phone_text.py": "the phones' page strings: build-web writes them into vote.html",
}
# Runtime assets: fonts only (art is drawn by code, there is no sound), with their licence, which
# must travel with every copy of the fonts.
ASSET_SUFFIXES = {".ttf", ".otf"}


def is_runtime_asset(path: Path) -> bool:
    return path.suffix.lower() in ASSET_SUFFIXES or path.name.upper().startswith("LICENSE")
MAIN_TEMPLATE = Path(__file__).with_name("main_template.py")


@dataclass
class StageReport:
    folder: Path
    files: list[str] = field(default_factory=list)  # paths relative to the folder, sorted
    stories: list[str] = field(default_factory=list)  # scenario ids packed into stories/ (game.engine.bundle)
    translations: list[str] = field(default_factory=list)  # translated story files, e.g. tutorial.bg.pack
    languages: list[str] = field(default_factory=list)  # languages besides English (stories + interface)


def _copy(src: Path, dst: Path, report: StageReport, folder: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    report.files.append(dst.relative_to(folder).as_posix())


# A comment that is not only a comment: the source encoding (PEP 263), on line 1 or 2.
_CODING = re.compile(r"^[ \t\f]*#.*?coding[:=]")


def strip_source(source: bytes) -> bytes:
    """``source`` without comments and docstrings, indented one space a level, every line kept in
    place (a docstring becomes an empty string on its first line, so a body that held only a
    docstring stays a body)."""
    text = source.decode("utf-8")
    lines = text.splitlines(keepends=True)
    cuts: dict[int, int] = {}  # line number -> column where its comment starts
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            if row <= 2 and _CODING.match(lines[row - 1]):
                continue
            cuts[row] = col
    for row, col in cuts.items():
        line = lines[row - 1]
        ending = line[len(line.rstrip("\r\n")):]
        lines[row - 1] = line[:col].rstrip() + ending
    spans = []
    for node in ast.walk(ast.parse("".join(lines))):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str) and first.value.value:
                spans.append((first.lineno, first.col_offset, first.end_lineno, first.end_col_offset))
    for start, col, end, end_col in sorted(spans, reverse=True):
        # ast's columns count UTF-8 bytes
        head = lines[start - 1].encode("utf-8")[:col].decode("utf-8")
        last = lines[end - 1]
        tail = last.encode("utf-8")[end_col:].decode("utf-8")
        ending = last[len(last.rstrip("\r\n")):]
        lines[start - 1] = (head + '""' + tail.rstrip("\r\n")).rstrip() + ending
        for row in range(start, end):
            blank = lines[row]
            lines[row] = blank[len(blank.rstrip("\r\n")):] or "\n"
    return _reindent("".join(lines)).encode("utf-8")


def _reindent(text: str) -> str:
    """``text`` indented one space a block level, continuation lines not at all; the lines inside a
    string that spans lines are left as they are. Only whitespace that means nothing to Python goes
    (the syntax tree is the same), and every line stays where it was."""
    lines = text.splitlines(keepends=True)
    keep: set[int] = set()  # lines that begin inside a token (a string over several lines)
    new_indent: dict[int, int] = {}  # line -> spaces, for lines that begin a statement
    depth, logical_start = 0, True
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        kind, (row, _col), (end_row, _end) = tok.type, tok.start, tok.end
        if kind == tokenize.INDENT:
            depth += 1
            continue
        if kind == tokenize.DEDENT:
            depth -= 1
            continue
        if end_row > row and kind not in (tokenize.NEWLINE, tokenize.NL):
            keep.update(range(row + 1, end_row + 1))
        if kind in (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER):
            logical_start = logical_start or kind == tokenize.NEWLINE
            continue
        if logical_start:
            new_indent[row] = depth
            logical_start = False
    out = []
    for row, line in enumerate(lines, start=1):
        if row not in keep and line.strip():
            line = " " * new_indent.get(row, 0) + line.lstrip(" \t\f")
        out.append(line)
    return "".join(out)


def _copy_python(src: Path, dst: Path, report: StageReport, folder: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(strip_source(src.read_bytes()))
    report.files.append(dst.relative_to(folder).as_posix())


def _python_files(package: Path):
    """The package's .py files, skipping caches and hidden folders (pygbag would pack them)."""
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        if any(part.startswith((".", "__pycache__")) for part in rel.parts):
            continue
        yield path


def compile_stories(scenarios_dir: Path) -> dict[str, bytes]:
    """Compile every scenario YAML of the folder; any error stops the build with the diagnostics."""
    from game.authoring.compiler import CompileFailed, compile_or_raise, to_bytes

    if not scenarios_dir.is_dir():
        raise UserError(f"{scenarios_dir}: not a folder of scenarios", 2)
    paths = sorted(p for p in scenarios_dir.glob("*.yaml") if p.is_file())
    if not paths:
        raise UserError(f"{scenarios_dir}: no scenario files (*.yaml) to bundle", 1)
    compiled: dict[str, bytes] = {}
    problems: list[str] = []
    for path in paths:
        try:
            story = compile_or_raise(path)
        except CompileFailed as exc:
            problems.extend(exc.errors())
            continue
        except UserError as exc:  # unreadable
            problems.append(exc.message)
            continue
        compiled[story["scenario"]["id"]] = to_bytes(story)
    if problems:
        raise UserError("cannot build: scenarios have errors\n" + "\n".join(problems), 1)
    return compiled


def translated_stories(scenarios_dir: Path) -> dict[str, bytes]:
    """{file name: bytes} of every translation of the bundled scenarios (game.i18n.build)."""
    from game.i18n.build import translated_stories as build

    return build(scenarios_dir)


def not_shipped_messages(source_root: Path, shipped: set[str]) -> set[str]:
    """Catalogue keys (``context\x04message`` or ``message``) whose every use, by the interface
    template (game/locale/rightspath.pot), is in a file the browser bundle does not ship."""
    from game.i18n import pofiles
    from game.i18n.interface import TEMPLATE

    pot = source_root / TEMPLATE
    if not pot.is_file():
        return set()
    out = set()
    for entry in pofiles.read(pot):
        files = {ref for ref, _line in entry.occurrences}
        if files and not any(ref in shipped for ref in files):
            out.add(f"{entry.msgctxt}{l10n.CONTEXT_SEPARATOR}{entry.msgid}" if entry.msgctxt else entry.msgid)
    return out


def browser_catalogue(raw: bytes, unshipped: set[str]) -> bytes:
    """A compiled interface catalogue without the messages no shipped file shows, in the layout
    ``rightspath i18n compile`` writes."""
    messages = json.loads(raw.decode("utf-8"))
    kept = {key: text for key, text in messages.items() if key not in unshipped}
    return (json.dumps(kept, sort_keys=True, ensure_ascii=False, indent=0) + "\n").encode("utf-8")


def stage(folder: Path, scenarios_dir: Path, *, source_root: Path = ROOT) -> StageReport:
    """Fill ``folder`` (emptied first) with the browser bundle's files."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    report = StageReport(folder=folder)
    game_src = source_root / "game"

    _copy(MAIN_TEMPLATE, folder / "main.py", report, folder)
    for name in SHIPPED_MODULES:
        _copy_python(game_src / name, folder / "game" / name, report, folder)
    for package in SHIPPED_PACKAGES:
        src = game_src / package
        if not src.is_dir():
            if package == "exports":  # optional: another part, may not exist yet
                continue
            raise UserError(f"{src}: missing; the browser build needs it", 1)
        for path in _python_files(src):
            if f"{package}/{path.relative_to(src).as_posix()}" in NOT_SHIPPED:
                continue
            _copy_python(path, folder / "game" / package / path.relative_to(src), report, folder)

    # The stories, packed (game.engine.bundle): an index the title reads, then one file per story read
    # when it is chosen; translations (CONTRACTS §12) as their strings over the English story.
    compiled = compile_stories(scenarios_dir)
    translations = translated_stories(scenarios_dir)
    stories = [json.loads(data) for data in compiled.values()] + [json.loads(data) for data in translations.values()]
    (folder / "stories").mkdir(parents=True, exist_ok=True)
    for name, data in pack_stories(stories).items():
        target = folder / "stories" / name
        target.write_bytes(data)
        report.files.append(target.relative_to(folder).as_posix())
    report.stories = list(compiled)
    for data in stories[len(compiled):]:
        report.translations.append(file_name(data["scenario"]["id"], data["scenario"]["language"]))
    report.languages = sorted({name.split(".")[-2] for name in report.translations})

    assets = source_root / "assets"
    if assets.is_dir():
        for path in sorted(assets.rglob("*")):
            if path.is_file() and is_runtime_asset(path):
                _copy(path, folder / "assets" / path.relative_to(assets), report, folder)
        # The interface catalogue of each language the stories come in; a language without stories
        # (the pseudo-locale en-XA, a catalogue in progress) could never be chosen in the browser.
        # Only the messages some shipped file shows: the facilitator's report (game/report) and the
        # phones' page (written into vote.html by build-web) are not in the browser game.
        unshipped = not_shipped_messages(source_root, set(report.files))
        for lang in report.languages:
            catalogue = assets / "locale" / f"{lang}.json"
            if catalogue.is_file():
                target = folder / "assets" / "locale" / catalogue.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(browser_catalogue(catalogue.read_bytes(), unshipped))
                report.files.append(target.relative_to(folder).as_posix())

    report.files.sort()
    report.stories.sort()
    return report
