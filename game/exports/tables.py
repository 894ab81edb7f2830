"""CSV exports: a decisions table and a one-row summary, for spreadsheets.

UTF-8 with a byte-order mark so spreadsheet programs pick the right encoding. Text cells that a
spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) get a leading
apostrophe, so a trainee pseudonym like ``=HYPERLINK(...)`` stays text. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io

from game.engine.story import canonical_json

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@")

DECISION_COLUMNS = (
    "session", "trainee", "scenario_id", "scenario_version", "index", "node", "stage", "role",
    "shown", "disabled", "chosen", "shown_position", "shown_order", "votes", "seconds", "earned", "best", "worst", "recommended",
    "best_choices", "verdicts", "measures_not_used", "deltas",
    # an individual assessment (issue 19): kind "assessment" (empty for a decision) and its items as
    # id:result:value, ';'-separated in authored order (result marked | missed | flagged | clear)
    "kind", "items",
    # a live room (issues 18 and 15): the room's choice when the facilitator played another option
    # (and the reason given), and the options played here and then undone, in order (';'-separated)
    "overruled_room_choice", "overrule_reason", "undone_choices",
)
SUMMARY_COLUMNS = (
    "record_version", "trainee", "session", "role", "country", "organisation_type", "scenario_id",
    "scenario_version", "content_hash", "mode", "language", "started_at", "ended_at", "decisions",
    "earned", "best", "worst", "scaled", "mastery", "passed", "recommended", "recommended_share",
    "finished", "ending", "outcome", "rights", "measures_not_used", "undone", "record_signature",
)


def neutralise(value: object) -> object:
    """Text that a spreadsheet would evaluate gets a leading apostrophe; other values pass through."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r" or value.strip().startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return neutralise(value)


def _join(items) -> str:
    return ";".join(str(i) for i in items)


def _compact(value) -> str:
    return "" if value is None else canonical_json(value)


def _table(columns, rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return BOM + buf.getvalue()


def decision_rows(record: dict) -> list[dict]:
    sc = record["scenario"]
    return [{
        "session": record["session"], "trainee": record["trainee"],
        "scenario_id": sc["id"], "scenario_version": sc["version"],
        "index": d["index"], "node": d["node"], "stage": d["stage"], "role": d["role"],
        "shown": _join(d["shown"]), "disabled": _join(d["disabled"]), "chosen": d["chosen"],
        # "option N as shown": the position of the chosen option in the order the trainee saw
        # (empty for records from before the order was kept, whose options were shown as authored)
        "shown_position": d["order"].index(d["chosen"]) + 1 if d.get("order") and d["chosen"] in d["order"] else None,
        "shown_order": _join(d.get("order") or ()),
        "votes": _compact(d["votes"]), "seconds": d["seconds"],
        "earned": d["earned"], "best": d["best"], "worst": d["worst"], "recommended": d["recommended"],
        "best_choices": _join(d["best_choices"]),
        "verdicts": _join(f"{v['right']}:{v['verdict']}:{v['weight']}" for v in d["verdicts"]),
        # the "misses" verdicts on their own: measures the provision makes available that this choice
        # did not use (right:weight); not a breach
        "measures_not_used": _join(f"{v['right']}:{v['weight']}" for v in d["verdicts"] if v["verdict"] == "misses"),
        "deltas": _compact(d["deltas"]),
        "kind": d.get("kind", ""),
        "items": _join(f"{i['id']}:{i['result']}:{i['value']}" for i in d.get("items", ())),
        "overruled_room_choice": (d.get("overrule") or {}).get("room_choice", ""),
        "overrule_reason": (d.get("overrule") or {}).get("reason", ""),
        "undone_choices": _join(u["chosen"] for u in record.get("undone", ()) if u["index"] == d["index"]),
    } for d in record["decisions"]]


def summary_row(record: dict) -> dict:
    sc, score, ending = record["scenario"], record["score"], record.get("ending")
    sig = record.get("signature")
    return {
        "record_version": record["record_version"], "trainee": record["trainee"], "session": record["session"],
        "role": record.get("role"), "country": record.get("country"),
        "organisation_type": record.get("organisation_type"),
        "scenario_id": sc["id"], "scenario_version": sc["version"], "content_hash": sc["content_hash"],
        "mode": record["mode"], "language": record["language"],
        "started_at": record["started_at"], "ended_at": record["ended_at"],
        "decisions": score["decisions"], "earned": score["earned"], "best": score["best"], "worst": score["worst"],
        "scaled": score["scaled"], "mastery": score["mastery"], "passed": score["passed"],
        "recommended": score["recommended"], "recommended_share": score["recommended_share"],
        "finished": record["finished"], "ending": ending["id"] if ending else None, "outcome": record.get("outcome"),
        "rights": _join(f"{rid}={t['upheld']}/{t['breached']}/{t['missed']}" for rid, t in record["rights"].items()),
        # per right, how often the choices did not use a measure it makes available (version 2 records)
        "measures_not_used": _join(f"{rid}={t['not_used']}" for rid, t in record["rights"].items()
                                   if t.get("not_used")),
        # how many choices the facilitator played and then undid (issue 15; they count in no figure)
        "undone": len(record.get("undone", ())),
        # The JSON record's signature, for matching this row to its JSON file; it does not cover the CSV.
        "record_signature": sig["value"] if isinstance(sig, dict) else None,
    }


def decisions_csv(record: dict) -> str:
    return _table(DECISION_COLUMNS, decision_rows(record))


def summary_csv(record: dict) -> str:
    return _table(SUMMARY_COLUMNS, [summary_row(record)])


def rows_csv(columns, rows) -> str:
    """Any table (the facilitator report's aggregates use this too), with the same protections."""
    return _table(columns, rows)
