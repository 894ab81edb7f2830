"""``rightspath i18n compile``: translated story JSON, and interface catalogues as JSON.

A translated story is the English story compiled by the authoring compiler (``compile_or_raise``),
with every text that has a usable translation substituted by its stable id, the citations rebuilt
from the translated pattern and instrument name, ``scenario.language`` set to the language and the
content hash recomputed over the translated content. Structure, conditions, effects and scoring
are the compiler's, untouched, so a run scores the same in every language. Texts without a usable
translation stay English (reported). The browser reads plain JSON: no gettext machinery needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from game.engine.citations import display_article
from game.engine.l10n import story_file_name  # the runtime looks stories up by the same names
from game.errors import UserError
from game.i18n.sources import Source, is_catalogue, load_source, resolve
from game.i18n.storytexts import catalogue_finder, slots
from game.i18n.translations import languages_beside, languages_of, load, placeholder_problem
from game.i18n.units import CITATION_TEMPLATE

INTERFACE_DIR = Path("game/locale")
INTERFACE_OUT = Path("assets/locale")
STORIES_OUT = Path("build/out/stories")


def translate_story(story: dict, scenario: Source, catalogues: dict[str, Source], lang: str) -> tuple[dict, int, int]:
    """(translated copy of ``story``, texts translated, texts left in English)."""
    story = json.loads(json.dumps(story))  # a deep copy; the English story stays as it was
    found: dict[str, str] = {}
    tr = load(scenario, lang)
    if tr is not None:
        found.update(tr.usable())
    for catalogue in catalogues.values():
        ctr = load(catalogue, lang)
        if ctr is not None:
            found.update(ctr.usable())
    finder = catalogue_finder(story["scenario"]["catalogues"],
                              {cid: {r.id for r in c.model.rights} for cid, c in catalogues.items()})
    done = left = 0
    for ctxt, container, key in slots(story, finder):
        if ctxt in found:
            container[key] = found[ctxt]
            done += 1
        else:
            left += 1
    for right_id, right in story.get("rights", {}).items():
        cid = finder(right_id)
        if cid is None:
            continue
        model = catalogues[cid].model
        instrument = found.get(f"{cid}:meta:instrument", model.instrument)
        pattern = found.get(f"{cid}:meta:citation", CITATION_TEMPLATE)
        article = right_id[len(model.prefix):] if model.prefix and right_id.startswith(model.prefix) else right_id
        article = display_article(article, lang)  # the language's point letters: 23(2)(d) -> 23(2)(г) in bg
        right["instrument"] = instrument
        if "edition" in right:
            right["edition"] = found.get(f"{cid}:meta:edition", right["edition"])
        right["citation"] = pattern.replace("{article}", article).replace("{instrument}", instrument)
    story["scenario"]["language"] = lang
    from game.engine import story as story_format

    story["content_hash"] = story_format.content_hash(story)
    return story, done, left


def compile_translation(scenario_path: Path, lang: str) -> tuple[dict, int, int]:
    """Compile one scenario and translate it. UserError when the scenario does not compile."""
    from game.authoring.compiler import CompileFailed, compile_or_raise

    try:
        story = compile_or_raise(scenario_path)
    except CompileFailed as exc:
        raise UserError(f"{scenario_path}: not compiled; fix these first:\n" + "\n".join(exc.errors()), 1) from None
    source = load_source(scenario_path)
    return translate_story(story, source, _catalogue_sources(scenario_path, story), lang)


def _catalogue_sources(scenario_path: Path, story: dict) -> dict[str, Source]:
    from game.authoring.checking import catalogue_path

    return {cid: load_source(catalogue_path(str(scenario_path), cid)) for cid in story["scenario"]["catalogues"]}


def translations_beside(scenario_path: Path, story: dict, only: str | None = None,
                        warn: Callable[[str], None] | None = None) -> list[tuple[str, dict]]:
    """(language, translated story) for each .po beside a scenario already compiled into ``story``
    (or only the language ``only``); the sources are read only when there is something to translate.
    ``warn`` hears of each translation left out (a broken placeholder: its English is used)."""
    langs = [lang for lang in languages_beside(scenario_path) if only is None or lang == only]
    if not langs:
        return []
    source = load_source(scenario_path)
    catalogues = _catalogue_sources(scenario_path, story)
    for lang in langs if warn else ():  # a broken placeholder is left out of the story: say so
        for problem in broken_placeholders([source, *catalogues.values()], lang):
            warn(f"{problem}; the English is used for it")
    return [(lang, translate_story(story, source, catalogues, lang)[0]) for lang in langs]


def broken_placeholders(sources, lang: str) -> list[str]:
    """'file:line: placeholder: id: what' for each usable-looking translation of ``sources`` into
    ``lang`` whose placeholders are not the English ones. ``i18n compile`` refuses them; a story
    translated anyway (``play --lang`` of a draft) keeps the English for them."""
    out = []
    for source in sources:
        tr = load(source, lang)
        if tr is not None:
            out += [f"{tr.where()}:{line}: placeholder: {ctxt}: {why}" for line, ctxt, why in tr.broken()]
    return out


def translated_stories(scenarios_dir: Path, langs: list[str] | None = None) -> dict[str, bytes]:
    """{file name: bytes} of every translated story under ``scenarios_dir`` (for the web build).

    Languages are those with a .po beside the scenario, unless ``langs`` names them.
    """
    from game.authoring.compiler import to_bytes

    out: dict[str, bytes] = {}
    for path in sorted(scenarios_dir.glob("*.yaml")):
        source = load_source(path)
        for lang in langs or languages_of(source):
            if load(source, lang) is None:
                continue
            story, _, _ = compile_translation(path, lang)
            out[story_file_name(source.id, lang)] = to_bytes(story)
    return out


def interface_catalogue(po_path: Path) -> dict[str, str]:
    """{msgid: msgstr} of an interface .po (translated, not fuzzy); a context joins as ctxt\\x04msgid."""
    from game.i18n import pofiles

    messages = {}
    for entry in pofiles.read(po_path):
        if entry.obsolete or not entry.msgstr or "fuzzy" in entry.flags or not entry.msgid:
            continue
        if placeholder_problem(entry.msgid, entry.msgstr) is not None:
            continue  # compile_translations refuses these; the game shows the English
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        messages[key] = entry.msgstr
    return messages


def pseudo_interface_catalogue() -> dict[str, str]:
    """The generated en-XA catalogue: every interface string of the template, pseudo-translated."""
    from game.i18n import interface, pseudo

    return {(f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt else e.msgid): pseudo.pseudo(e.msgid)
            for e in interface.build_template()}


def compile_interface(lang: str | None, interface_dir: Path = INTERFACE_DIR, out_dir: Path = INTERFACE_OUT,
                      note: Callable[[str], None] | None = None) -> list[Path]:
    """assets/locale/<lang>.json from each game/locale/<lang>.po; with ``--lang en-XA`` the pseudo
    catalogue generated from the interface strings (it has no .po). ``note`` hears of each file written."""
    from game.i18n import pseudo

    written = []
    if not interface_dir.is_dir():
        return written
    catalogues = {po.stem: (lambda po=po: interface_catalogue(po)) for po in sorted(interface_dir.glob("*.po"))}
    if lang == pseudo.CODE:
        catalogues = {pseudo.CODE: pseudo_interface_catalogue}
    for code, make in catalogues.items():
        if lang and code != lang:
            continue
        messages = make()
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{code}.json"
        text = json.dumps(messages, sort_keys=True, ensure_ascii=False, indent=0) + "\n"
        _write(target, text.encode("utf-8"), interface=True)
        written.append(target)
        if note:
            note(f"{target}: {len(messages)} interface strings")
    return written


def _write(path: Path, data: bytes, *, interface: bool = False) -> None:
    """Through ``game.outfiles``: atomic, the usual permissions, and only ever replacing an earlier
    output of ours (a compiled story, an interface catalogue), never a source or another file."""
    from game import outfiles

    if interface:
        outfiles.replace_output(path, data, ours=outfiles.is_interface_catalogue,
                                what="an interface catalogue", option="i18n compile:")
    else:
        outfiles.replace_output(path, data, ours=outfiles.is_story_json, what="a compiled story",
                                option="i18n compile:")


def compile_translations(paths: list[str], lang: str | None, out_dir: str | None,
                         note: Callable[[str], None] | None = None) -> int:
    """Translated stories into ``out_dir`` (default build/out/stories/) and interface catalogues into
    assets/locale/, or into ``out_dir``/locale/ when a folder is named: ``-o`` keeps the repository as it is.
    Returns how many translated stories were written; ``note`` hears of each file done or skipped."""
    note = note or (lambda _text: None)
    from game.authoring.compiler import to_bytes
    from game.i18n import pofiles

    out = Path(out_dir) if out_dir else STORIES_OUT
    interface_out = out / "locale" if out_dir else INTERFACE_OUT
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: not a folder", 2)
    from game.i18n.sources import SCENARIOS_DIR

    no_scenarios = not paths and not SCENARIOS_DIR.is_dir()  # e.g. only interface catalogues here
    if no_scenarios and not INTERFACE_DIR.is_dir():
        raise UserError(f"nothing to compile: no {SCENARIOS_DIR}/ and no {INTERFACE_DIR}/ here", 2)
    files = [] if no_scenarios else resolve(paths)
    scenarios = [p for p in files if not is_catalogue(p)]
    if paths and not scenarios:
        raise UserError("name scenario files to compile (catalogues are compiled into the scenarios that use them)", 2)
    sources = {path: load_source(path) for path in files}
    # Every .po this run reads is read once first: one that cannot be read stops it before any write.
    pofiles.check_readable([s.po_path(code) for s in sources.values() for code in ([lang] if lang else languages_of(s))]
                           + _interface_pos(lang))
    _refuse_broken_placeholders(scenarios, sources, lang)
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in scenarios:
        source = sources[path]
        for code in [lang] if lang else languages_of(source):
            if load(source, code) is None:
                note(f"{path}: no '{code}' translation; skipped")
                continue
            story, done, left = compile_translation(path, code)
            target = out / story_file_name(source.id, code)
            _write(target, to_bytes(story))
            count += 1
            stale = f", {left} left in English (missing, fuzzy or stale entries)" if left else ""
            note(f"{target}: {done}/{done + left} texts in '{code}'{stale}")
    compile_interface(lang, out_dir=interface_out, note=note)
    return count


def _refuse_broken_placeholders(scenarios: list[Path], sources: dict[Path, Source], lang: str | None) -> None:
    """UserError (exit 1), before anything is written, listing file:line of every translation this
    run would use whose placeholders differ from the English ({artcle}, {{article}}, {article)."""
    from game.authoring.checking import catalogue_path
    from game.i18n import pofiles

    problems: list[str] = []
    catalogues: dict[Path, Source] = {}
    for path in scenarios:
        source = sources[path]
        listed = [catalogue_path(str(path), cid) for cid in source.model.rights]
        for cat in listed:
            if cat.is_file() and cat not in catalogues:
                catalogues[cat] = sources.get(cat) or load_source(cat)
        own = [source, *(catalogues[c] for c in listed if c in catalogues)]
        for code in [lang] if lang else languages_of(source):
            problems += broken_placeholders(own, code)
    for po in _interface_pos(lang):
        if po.is_file():
            for entry in pofiles.read(po):
                if entry.obsolete or not entry.msgstr or "fuzzy" in entry.flags or not entry.msgid:
                    continue
                why = placeholder_problem(entry.msgid, entry.msgstr)
                if why is not None:
                    problems.append(f"{po}:{entry.linenum}: placeholder: {entry.msgid!r}: {why}")
    if problems:
        unique = list(dict.fromkeys(problems))
        raise UserError("not compiled: these translations would print a broken placeholder:\n" + "\n".join(unique)
                        + "\n  hint: write each placeholder exactly as in the English "
                        "('rightspath i18n check' lists every problem)", 1)


def _interface_pos(lang: str | None, interface_dir: Path = INTERFACE_DIR) -> list[Path]:
    """The interface .po files ``compile_interface`` reads for ``lang`` (all when None)."""
    return [interface_dir / f"{lang}.po"] if lang else sorted(interface_dir.glob("*.po"))
