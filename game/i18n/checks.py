"""``rightspath i18n check``: what a translation still lacks or gets wrong, as file:line messages.

Problems: an entry with no translation (or no entry at all), a fuzzy entry, an obsolete entry, an
entry whose English no longer matches the source, an entry for an id the source does not have,
placeholders that differ from the English, text the UI cuts (overflow) or shrinks (note) at the
largest text size, and a .pot that is out of date. The command (``game.commands.i18n``) prints them
and exits 1 when there is any problem other than a warning or a note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.errors import UserError
from game.i18n import pseudo, translations
from game.i18n.sources import Source, load_source, resolve
from game.i18n.translations import Translation, languages_of, load


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    kind: str  # missing | fuzzy | obsolete | stale | unknown | placeholder | overflow | warning | note | template
    message: str
    ctxt: str = ""
    box: str = ""  # which of a text's boxes overflows (an option beside the vote count is another box)

    def render(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


@dataclass
class CheckReport:
    """What a check found: the problems (file:line each) and a one-line summary."""
    problems: list[Problem]
    summary: str

    @property
    def failed(self) -> bool:
        """Any problem other than a warning (a warning is the English's, not the translation's) or a
        note (what the UI shrinks to fit, losing nothing)."""
        return any(p.kind not in ("warning", "note") for p in self.problems)


def placeholders(text: str) -> Counter:
    return translations.placeholders(text)


def _where(tr: Translation) -> str:
    return str(tr.path) if tr.path is not None else str(tr.source.path)


def entry_problems(tr: Translation) -> list[Problem]:
    """Missing, fuzzy, obsolete, stale, unknown and placeholder problems of one translation."""
    problems: list[Problem] = []
    where = _where(tr)
    units = {u.ctxt: u for u in tr.source.units}
    seen = set()
    for entry in tr.entries:
        line = getattr(entry, "linenum", 0) or 0
        ctxt = entry.msgctxt
        if entry.obsolete:
            problems.append(Problem(where, line, "obsolete", f"{ctxt} is no longer in {tr.source.path.name}; "
                                    "delete the #~ entry once its wording is reused"))
            continue
        unit = units.get(ctxt)
        if unit is None:
            problems.append(Problem(where, line, "unknown", f"{ctxt or entry.msgid[:40]!r} is not a text of "
                                    f"{tr.source.path.name}; run 'rightspath i18n init --lang {tr.lang}'"))
            continue
        seen.add(ctxt)
        if entry.msgid != unit.text:
            problems.append(Problem(where, line, "stale", f"{ctxt}: the English changed since this entry was made; "
                                    f"run 'rightspath i18n init --lang {tr.lang}' and review it"))
        if not entry.msgstr:
            problems.append(Problem(where, line, "missing", f"{ctxt} is not translated"))
            continue
        if "fuzzy" in entry.flags:
            problems.append(Problem(where, line, "fuzzy", f"{ctxt} is marked fuzzy; review it and remove the flag"))
        why = translations.placeholder_problem(unit.text, entry.msgstr)
        if why is not None:
            problems.append(Problem(where, line, "placeholder", f"{ctxt}: {why}"))
    for unit in tr.source.units:
        if unit.ctxt not in seen and tr.path is not None:
            problems.append(Problem(where, 1, "missing", f"{unit.ctxt} has no entry (source line {unit.line}); "
                                    f"run 'rightspath i18n init --lang {tr.lang}'"))
    return problems


def _list(counter: Counter) -> str:
    return ", ".join(sorted(counter.elements())) or "none"


def overflow_problems(tr: Translation, measure) -> list[Problem]:
    """Texts the UI cuts, shrinks or lets run over at the largest text size (translated where
    translated); what scrolls or pages there is not an overflow (game/i18n/layout.py)."""
    from game.authoring.models import Assessment, Decision
    from game.i18n import layout

    source = tr.source
    if source.kind != "scenario":
        return _catalogue_overflows(tr, measure)
    text = {u.ctxt: u.text for u in source.units}
    text.update(tr.usable())
    line_of = {u.ctxt: u.line for u in source.units}
    if tr.path is not None:
        line_of.update({e.msgctxt: e.linenum for e in tr.entries if not e.obsolete and getattr(e, "linenum", 0)})
    where = _where(tr)
    sid = source.id
    problems: list[Problem] = []

    def report(ctxt: str, message: str, box: str = "", kind: str = "overflow") -> None:
        problems.append(Problem(where, line_of.get(ctxt, 1), kind, f"{ctxt}: {message}", ctxt, box))

    def option(ctxt: str, what: str, widths: list[tuple[str, int]]) -> None:
        # The first width at which the label does not fit its button (the narrowest is last): cut is
        # an overflow; shrunk (to no less than three quarters of its size: 33 px, text size 2's)
        # loses nothing and is a note.
        for mode, inner in widths:
            fit = measure.button_fit(text[ctxt], inner)
            if fit.shrunk or fit.cut:
                report(ctxt, _button_message(what, mode, fit), f"button{mode}", "overflow" if fit.cut else "note")
                return

    scenario = source.model
    for node in scenario.nodes:
        if isinstance(node, Decision):
            widths = [("", layout.option_inner()), (" in facilitated mode", layout.option_inner(facilitated=True))]
            for c in node.choices:
                option(f"{sid}:{node.id}:{c.id}:text", "the option", widths)
        elif isinstance(node, Assessment):
            for _path, item in node.all_items():
                option(f"{sid}:{node.id}:item:{item.id}:text", "the item", [("", layout.item_inner())])
    title_id = f"{sid}:meta:title"
    n = measure.lines(text[title_id], "heading", layout.CARD_INNER_W, bold=True)
    if n > layout.CARD_TITLE_LINES:
        shown = measure.clipped(text[title_id], "heading", layout.CARD_INNER_W, layout.CARD_TITLE_LINES, bold=True)
        report(title_id, f"takes {n} lines at {layout.px('heading')} px on the scenario card at text size 3; "
                         f"{layout.CARD_TITLE_LINES} fit, so the card shows “{' '.join(shown)}”")
    for name, variable in scenario.variables.items():
        ctxt = f"{sid}:var:{name}:label"
        # The widest value the meter can show, beside the label (hud.Meters.draw).
        value = max((str(v) for v in (variable.min, variable.max)), key=lambda v: measure.width(v, "small", True))
        width = measure.width(text[ctxt], "small", bold=True) + measure.width(value, "small", bold=True)
        if variable.shown and width > layout.METER_LABEL_W:
            report(ctxt, f"the meter label and its value ({value}) are {width} px wide at text size 3; "
                         f"{layout.METER_LABEL_W} px fit, so the label runs into the value")
    for cid in scenario.characters:
        ctxt = f"{sid}:char:{cid}:name"
        width = measure.width(text[ctxt], "label", bold=True) + 20
        if width > layout.NAME_TAG_MAX_W:
            report(ctxt, f"the name tag is {width} px wide at text size 3; {layout.NAME_TAG_MAX_W} px fit "
                         "before the screen's edge cuts it")
    return problems


def _button_message(what: str, mode: str, fit) -> str:
    from game.i18n import layout

    head = (f"{what} takes {fit.first} lines at {fit.size} px in its button at text size 3{mode}; "
            f"{layout.BUTTON_MAX_LINES} fit")
    if not fit.cut:
        return f"{head}, so the UI shrinks it to {fit.px} px"
    return (f"{head} even shrunk to {fit.px} px ({fit.needed} lines there), so the UI cuts it, ending "
            f"“{fit.lines[-1]}”")


def _catalogue_overflows(tr: Translation, measure) -> list[Problem]:
    """A right's title must fit the debrief's rights column in two lines at text size 3, and a citation
    (shown whole there for a right of another instrument than the story's main one) in two."""
    from game.engine.citations import display_article
    from game.i18n import layout
    from game.i18n.units import CITATION_TEMPLATE

    problems = []
    usable = tr.usable()
    lines = {e.msgctxt: e.linenum for e in tr.entries if not e.obsolete and getattr(e, "linenum", 0)}
    where = _where(tr)

    def line_of(unit) -> int:
        return lines.get(unit.ctxt, unit.line)

    units = {u.ctxt: u for u in tr.source.units}
    for unit in tr.source.units:
        if not unit.ctxt.endswith(":title") or unit.ctxt.endswith(":meta:title"):
            continue
        title = usable.get(unit.ctxt, unit.text)
        n = measure.lines(title, "small", layout.DEBRIEF_LABEL_W)
        if n > layout.DEBRIEF_TITLE_LINES:
            shown = " ".join(measure.clipped(title, "small", layout.DEBRIEF_LABEL_W, layout.DEBRIEF_TITLE_LINES))
            problems.append(Problem(where, line_of(unit), "overflow",
                                    f"{unit.ctxt}: the title takes {n} lines of {layout.DEBRIEF_LABEL_W} px in the "
                                    f"debrief's rights column at text size 3; {layout.DEBRIEF_TITLE_LINES} fit, "
                                    f"so it shows “{shown}”", unit.ctxt, "title"))
    catalogue = tr.source.model
    cid = tr.source.id
    pattern_unit = units.get(f"{cid}:meta:citation")
    if pattern_unit is not None and catalogue.rights:
        pattern = usable.get(pattern_unit.ctxt, CITATION_TEMPLATE)
        instrument = usable.get(f"{cid}:meta:instrument", catalogue.instrument)
        prefix = catalogue.prefix

        def cited(right) -> str:
            article = right.id[len(prefix):] if prefix and right.id.startswith(prefix) else right.id
            return pattern.replace("{article}", display_article(article, tr.lang)).replace("{instrument}", instrument)

        citation = max((cited(r) for r in catalogue.rights),
                       key=lambda c: measure.lines(c, "small", layout.DEBRIEF_LABEL_W, bold=True))
        n = measure.lines(citation, "small", layout.DEBRIEF_LABEL_W, bold=True)
        if n > layout.DEBRIEF_CITATION_LINES:
            problems.append(Problem(where, line_of(pattern_unit), "overflow",
                                    f"{pattern_unit.ctxt}: the citation “{citation}” takes {n} lines in the "
                                    f"debrief's rights column at text size 3; {layout.DEBRIEF_CITATION_LINES} fit",
                                    pattern_unit.ctxt, "citation"))
    return problems


def _translation_overflows(tr: Translation, measure) -> list[Problem]:
    """Overflows of the translation; a box the English already overflows is a warning for the
    author (the translator cannot fix it), not a problem of the translation. A note (a label the UI
    shrinks) says when the English is shrunk too."""
    found = overflow_problems(tr, measure)
    english = {(p.ctxt, p.box, p.kind) for p in overflow_problems(Translation(tr.source, "en", None, []), measure)}
    out = []
    for p in found:
        if (p.ctxt, p.box, p.kind) not in english:
            out.append(p)
        elif p.kind == "note":
            out.append(Problem(p.path, p.line, "note", p.message + " (so is the English)", p.ctxt, p.box))
        else:
            out.append(Problem(p.path, p.line, "warning", p.message + " (the English overflows too: shorten the source)",
                               p.ctxt, p.box))
    return out


def template_problems(source: Source) -> list[Problem]:
    from game.i18n import pofiles

    pot = source.pot_path
    if not pot.exists():
        return [Problem(str(pot), 1, "template", "no template; run 'rightspath i18n extract'")]
    built = pofiles.render(pofiles.build_pot(source.units, source.path, pot, source.project))
    try:
        current = pot.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if current != built:
        return [Problem(str(pot), 1, "template", f"out of date with {source.path.name}; run 'rightspath i18n extract'")]
    return []


def _targets(paths: list[str], lang: str | None) -> tuple[list[Path], str | None]:
    """YAML files to check; a .po path names its source and language."""
    yaml_paths: list[str] = []
    for raw in paths:
        if raw.endswith(".po"):
            path = Path(raw)
            if not path.is_file():
                raise UserError(f"{raw}: no such file", 2)
            stem, _, po_lang = path.name[:-3].rpartition(".")
            if not stem:
                raise UserError(f"{raw}: expected a name like <scenario>.<lang>.po", 2)
            if lang and po_lang != lang:
                raise UserError(f"{raw}: is a '{po_lang}' file but --lang {lang} was given", 2)
            lang = po_lang
            source = path.with_name(f"{stem}.yaml")
            if not source.is_file():
                raise UserError(f"{raw}: its source {source} does not exist", 2)
            yaml_paths.append(str(source))
        else:
            yaml_paths.append(raw)
    if paths and not yaml_paths:
        return [], lang
    files = resolve(yaml_paths)
    if paths and any(raw.endswith(".po") for raw in paths):
        # A .po names exactly one file to check, not the catalogues its scenario uses.
        wanted = {Path(p).resolve() for p in yaml_paths}
        files = [f for f in files if f.resolve() in wanted]
    return files, lang


def run_check(paths: list[str], lang: str | None, note: Callable[[str], None] | None = None) -> CheckReport:
    """The translations of ``paths`` (all under scenarios/ when none) into ``lang`` (every language
    found when None) checked; ``note`` hears a line per translation checked, as it is done."""
    note = note or (lambda _text: None)
    files, lang = _targets(paths, lang)
    measure = None
    problems: list[Problem] = []
    checked = 0
    for path in files:
        source = load_source(path)
        problems += template_problems(source)
        langs = [lang] if lang else languages_of(source)
        for code in langs:
            tr = load(source, code)
            if tr is None:
                problems.append(Problem(str(source.po_path(code)), 1, "missing",
                                        f"no '{code}' translation of {source.path.name}; "
                                        f"run 'rightspath i18n init --lang {code} {source.path}'"))
                continue
            checked += 1
            found = entry_problems(tr)
            if measure is None:
                from game.i18n.layout import Measure

                measure = Measure()
            found += _translation_overflows(tr, measure)
            problems += found
            total = len(source.units)
            done = len(tr.usable())
            note(f"{_where(tr)}: {done}/{total} translated, "
                  f"{sum(p.kind == 'missing' for p in found)} missing, {sum(p.kind == 'fuzzy' for p in found)} fuzzy, "
                  f"{sum(p.kind == 'obsolete' for p in found)} obsolete, {sum(p.kind == 'overflow' for p in found)} overflow")
    kinds = Counter(p.kind for p in problems)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no problems"
    return CheckReport(problems, f"checked {checked} translation{'s' * (checked != 1)} of {len(files)} "
                       f"file{'s' * (len(files) != 1)}: {summary}")


def run_interface_check(lang: str | None) -> CheckReport:
    """Missing, fuzzy, obsolete, unknown and placeholder problems of game/locale/<lang>.po."""
    from game.i18n import interface, pofiles

    template = interface.build_template()
    wanted = {pofiles.text_key(e) for e in template}
    if lang == pseudo.CODE:
        return CheckReport([], f"{pseudo.CODE}: generated from all {len(template)} interface strings by "
                           f"'i18n compile --lang {pseudo.CODE}'; nothing to translate")
    paths = [interface.po_path(lang)] if lang else sorted(interface.LOCALE_DIR.glob("*.po"))
    problems: list[Problem] = []
    for path in paths:
        if not path.exists():
            problems.append(Problem(str(path), 1, "missing", f"no interface translation; run "
                                    f"'rightspath i18n init --interface --lang {path.stem}'"))
            continue
        seen = set()
        for entry in pofiles.read(path):
            line, key = entry.linenum, pofiles.text_key(entry)
            label = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid
            if entry.obsolete:
                problems.append(Problem(str(path), line, "obsolete", f"{label!r} is no longer in the interface"))
                continue
            if key not in wanted:
                problems.append(Problem(str(path), line, "unknown", f"{label!r} is not an interface string; "
                                        f"run 'rightspath i18n init --interface --lang {path.stem}'"))
                continue
            seen.add(key)
            if not entry.msgstr:
                problems.append(Problem(str(path), line, "missing", f"{label!r} is not translated"))
            elif "fuzzy" in entry.flags:
                problems.append(Problem(str(path), line, "fuzzy", f"{label!r} is marked fuzzy"))
            elif translations.placeholder_problem(entry.msgid, entry.msgstr) is not None:
                problems.append(Problem(str(path), line, "placeholder", f"{label!r}: "
                                        f"{translations.placeholder_problem(entry.msgid, entry.msgstr)}"))
        for missing in sorted(wanted - seen, key=str):
            problems.append(Problem(str(path), 1, "missing", f"{missing[1]!r} has no entry; "
                                    f"run 'rightspath i18n init --interface --lang {path.stem}'"))
    return CheckReport(problems, f"checked {len(paths)} interface translation{'s' * (len(paths) != 1)} against "
                       f"{len(template)} strings: {len(problems)} problem{'s' * (len(problems) != 1)}")
