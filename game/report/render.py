"""Rendering the facilitator's report: one self-contained HTML page (Jinja2, autoescaped) or a set of CSV tables."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from game import __version__
from game.engine import Story
from game.exports.tables import rows_csv
from game.report import charts, labels
from game.report.aggregate import summarise
from game.report.collect import Collection, extras

TEMPLATES = Path(__file__).resolve().parent / "templates"
PARTICIPANT_LIMIT = 300  # the HTML lists this many; the CSV tables hold everyone
BREAKDOWNS = (("role", labels.N_("role"), "by_role"), ("country", labels.N_("country"), "by_country"),
              ("organisation", labels.N_("organisation type"), "by_organisation"))


def _pct(value) -> str:
    return "—" if value is None else f"{value:.0%}"


def _environment(gettext=None) -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["_"] = gettext or (lambda message: message)  # the template's words: _("...")
    env.globals["pct"] = _pct
    env.globals["letter"] = charts.letter
    return env


def notes_for(col: Collection, story: Story | None, lang: str, story_note: str | None = None,
              translations=None) -> list[str]:
    translations = translations or labels.translations(lang)
    _ = translations.gettext
    notes = []
    if col.signatures_checked:
        notes.append(_("Signatures were checked with the session key: only signed, unchanged exports are included."))
    elif col.unchecked_signed:
        notes.append(_("{n} export(s) are signed, but no session key was given, so their signatures were not "
                       "checked (use --session-key).").format(n=col.unchecked_signed))
    if col.records:
        notes.append(_("Every figure was recomputed by replaying each playthrough's decisions on its scenario; "
                       "a file whose figures did not follow from its decisions is listed below with the reason."))
    other = col.played - len(col.records)
    if col.attempt_rule == "all" and col.played > col.learners:
        notes.append(_("Every attempt counts (--attempt all): {n} playthroughs by {p} participants.").format(
            n=col.played, p=col.learners))
    elif other:
        rule = {"first": _("Participants who played more than once: {n}. The first attempt of each is counted "
                           "({other} other attempts are not; see --attempt)."),
                "best": _("Participants who played more than once: {n}. The best attempt of each is counted "
                          "({other} other attempts are not; see --attempt)."),
                "last": _("Participants who played more than once: {n}. The last attempt of each is counted "
                          "({other} other attempts are not; see --attempt).")}[col.attempt_rule]
        notes.append(rule.format(n=sum(1 for t in col.attempts if t > 1), other=other))
    if col.duplicates:
        notes.append(_("{n} duplicate file(s) (the same playthrough exported twice, e.g. as JSON and xAPI) were "
                       "counted once.").format(n=col.duplicates))
    if story_note and col.records:
        notes.append(story_note)
    elif story is None and col.records:
        notes.append(_("The scenario file was not found, so prompts, options and explanations are shown by their "
                       "ids (use --story)."))
    if translations.problem:
        notes.append(f"Report labels are in English; language {lang!r} is not available for them yet.")
    return notes


def _summary(col: Collection, story: Story | None) -> dict:
    s = summarise(col.records, story, extras(col) if col.evidence else None,
                  learners=col.learners if col.evidence else None, played=col.played if col.evidence else None)
    s["overview"]["attempt_rule"] = col.attempt_rule
    return s


def html_report(col: Collection, story: Story | None, *, lang: str = "en", title: str | None = None,
                story_note: str | None = None) -> str:
    translations = labels.translations(lang)
    _ = translations.gettext
    s = labels.localise(_summary(col, story), _)
    o = s["overview"]
    rendered: dict = {"scores": "", "rights": "", "decisions": [], "votes": [], "breakdowns": {}}
    if col.records:
        rendered["scores"] = charts.score_histogram(o["scores"], o["mastery"], _=_)
        rendered["rights"] = charts.rights_chart(s["rights"], _=_) if s["rights"] else ""
        for d in s["decisions"]:
            rendered["decisions"].append(charts.choice_chart(d["options"], d["met"], _=_))
            rendered["votes"].append(charts.choice_chart(d["options"], d["met"], use_votes=True, _=_)
                                     if d["has_votes"] else "")
    breakdowns = []
    for key, label, field in BREAKDOWNS:
        rows = s[field]
        if rows:
            rendered["breakdowns"][key] = charts.breakdown_chart(rows, _(label), _=_)
            breakdowns.append((key, _(label), rows))
    scenario = col.scenario
    if scenario and story is not None and story.scenario.get("language", "en") == lang:
        scenario = {**scenario, "title": story.title}  # the records may be in another language
    if title is None:
        title = _("Room report: {title}").format(title=scenario["title"] or scenario["id"]) if scenario else _("Room report")
    template = _environment(_).get_template("report.html.j2")
    return template.render(
        title=title, lang=lang, scenario=scenario, s=s, o=o, charts=rendered, breakdowns=breakdowns,
        notes=notes_for(col, story, lang, story_note, translations), excluded=col.excluded,
        participant_limit=PARTICIPANT_LIMIT,
        generator=f"RightsPath {__version__}",
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def csv_tables(col: Collection, story: Story | None) -> dict[str, str]:
    """File name -> CSV text: the aggregate tables behind the HTML report."""
    s = _summary(col, story)
    o = s["overview"]
    overview_cols = ("participants", "played", "counted", "attempt_rule", "finished", "completion", "passed", "pass_rate", "mean", "median", "min",
                     "max", "mastery", "recommended_share")
    sc = col.scenario or {"id": "", "version": "", "content_hash": ""}
    tables = {
        "overview.csv": rows_csv(("scenario_id", "scenario_version", "content_hash", *overview_cols),
                                 [{"scenario_id": sc["id"], "scenario_version": sc["version"],
                                   "content_hash": sc["content_hash"], **{k: o[k] for k in overview_cols}}]),
        "rights.csv": rows_csv(("right", "citation", "title", "breached", "not_used", "missed", "upheld", "breached_by"),
                               s["rights"]),
        "choices.csv": rows_csv(
            ("decision", "stage", "role", "met", "option", "recommended", "chosen", "share", "votes", "text"),
            [{"decision": d["node"], "stage": d["stage"], "role": d["role"], "met": d["met"], "option": opt["id"],
              "recommended": opt["recommended"], "chosen": opt["chosen"], "share": opt["share"],
              "votes": opt["votes"], "text": opt["text"]} for d in s["decisions"] for opt in d["options"]]),
        "breakdown.csv": rows_csv(
            ("by", "value", "participants", "mean", "pass_rate", "completion"),
            [{"by": field, **{k: r[k] for k in ("value", "participants", "mean", "pass_rate", "completion")}}
             for field in ("role", "country", "organisation_type") for r in s[f"by_{field.split('_')[0]}"]]),
        "participants.csv": rows_csv(
            ("trainee", "session", "evidence", "chooser", "attempt", "attempts", "role", "country", "organisation_type", "mode", "started_at", "ended_at",
             "decisions", "scaled", "passed", "recommended_share", "finished", "outcome"), s["participants"]),
        "not-included.csv": rows_csv(("file", "reason"), [{"file": n, "reason": r} for n, r in col.excluded]),
    }
    return tables
