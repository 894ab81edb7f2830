"""xAPI 1.0.3 statements for a record, and the record rebuilt from them.

One playthrough gives: ``initialized``, one ``answered`` per decision (the chosen option is
``result.response``, the rights verdicts are in ``result.extensions``), ``completed`` with the scaled
score and success against the mastery threshold plus ``passed`` or ``failed`` (both only when an
ending was reached), and ``terminated``. All share ``context.registration``, a UUID derived from the
record, and statement ids are derived from it and the statement's position, so exporting or pushing
the same record twice gives the same ids and an LRS stores it once.

The statements carry the whole record in extensions under our IRI namespace, so a session's
statements pulled back from an LRS rebuild the records exactly (``record_from_statements``).
The actor is an account, never an e-mail address: the record's ``learner`` (homePage = the
facilitator's base URL or https://rightspath.eu, name = ``<session>/<trainee>``), so the same code in
two sessions is two actors. In facilitated mode the room chose: the actor is an identified Group
(name ``<session>/room``), each ``answered`` statement carries the room's votes per option in the
``votes`` result extension, and ``chosen-by`` = ``room`` in the context. A record with no learner
(no session, or no trainee code) gets an account of its own (``anonymous/<registration>``).
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from urllib.parse import quote

from game.engine.story import canonical_json
from game.exports.record import ROOM, RecordError, check_record, learner_for, parse_utc

BASE = "https://rightspath.eu/xapi"
EXT = BASE + "/extensions/"
HOME_PAGE = "https://rightspath.eu"
# Our namespace for name-based UUIDs (itself a uuid5 of our home page in the URL namespace).
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, HOME_PAGE)

VERBS = {
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "terminated": "http://adlnet.gov/expapi/verbs/terminated",
    "voided": "http://adlnet.gov/expapi/verbs/voided",
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SESSION_TYPE = "http://adlnet.gov/expapi/activities/meeting"

HEADER_KEYS = ("format", "record_version", "generator", "trainee", "session", "role", "country",
               "organisation_type", "scenario", "mode", "language", "seed", "started_at", "learner", "chooser")
RESULT_KEYS = ("ended_at", "rights", "score", "finished", "ending", "outcome", "variables")


def registration_id(record: dict) -> str:
    """The playthrough's registration: a UUID derived from the record's header — who played which
    scenario version, how, with which seed, starting when — i.e. from what is known when the
    playthrough starts. So the statements sent live during play and those exported at the end share
    it (and their ids), and a playthrough is one registration however often it is exported."""
    header = {k: record.get(k) for k in HEADER_KEYS if k in record}
    return str(uuid.uuid5(ID_NAMESPACE, "registration:" + canonical_json(header, allow_nan=False)))


def learner_of(record: dict) -> dict | None:
    """The record's learner; for a record made before learners were recorded, the one it would have."""
    if "learner" in record:
        return record["learner"]
    return learner_for(record["session"], record["trainee"], record["mode"])


def actor(record: dict, registration: str | None = None) -> dict:
    """The xAPI actor: an Agent (a person) or an identified Group (the room), by account."""
    learner = learner_of(record)
    if learner is None:
        reg = registration or registration_id(record)
        return {"objectType": "Agent", "account": {"homePage": HOME_PAGE, "name": f"anonymous/{reg}"}}
    account = {"homePage": learner["home_page"], "name": learner["name"]}
    if learner["kind"] == ROOM:
        return {"objectType": "Group", "name": f"Room of session {record['session'] or '?'}", "account": account}
    return {"objectType": "Agent", "account": account}


def session_iri(session: str) -> str:
    return f"{BASE}/sessions/{quote(session, safe='')}"


def scenario_iri(scenario_id: str) -> str:
    return f"{BASE}/scenarios/{quote(scenario_id, safe='')}"


def _lang(record: dict) -> str:
    tag = str(record.get("language") or "").replace("_", "-").strip("-")
    return tag or "und"


def _duration(seconds: float) -> str:
    text = f"{seconds:.3f}".rstrip("0").rstrip(".")
    return f"PT{text or '0'}S"


def _stamp(moment) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _timeline(record: dict) -> list[tuple[dict, bool]]:
    """The choices in the order they were made: (decision entry, undone?). A choice the facilitator
    undid (the record's ``undone``, issue 15) comes just before the decision that replaced it, at its
    index; one undone while its decision was open again comes after the last decision."""
    undone: dict[int, list[dict]] = {}
    for d in record.get("undone") or ():
        undone.setdefault(d["index"], []).append(d)
    out: list[tuple[dict, bool]] = []
    for d in record["decisions"]:
        out.extend((u, True) for u in undone.pop(d["index"], ()))
        out.append((d, False))
    for index in sorted(undone):
        out.extend((u, True) for u in undone[index])
    return out


def _decision_times(record: dict, timeline: list[tuple[dict, bool]]) -> list:
    """A timestamp per choice of the timeline: start + cumulative seconds when known, else evenly spread."""
    start, end = parse_utc(record["started_at"]), parse_utc(record["ended_at"])
    out, elapsed = [], 0.0
    for i, (d, _undone) in enumerate(timeline, start=1):
        if d.get("seconds") is not None:
            elapsed += float(d["seconds"])
            moment = start + timedelta(seconds=elapsed)
        else:
            moment = start + (end - start) * i / (len(timeline) + 1)
        out.append(min(max(moment, start), end))
    return out


class _Statements:
    """The statements of one record as they are made: what every statement shares (the actor, the
    registration, the context), and ``add``, which numbers each one (its id) in order."""

    def __init__(self, record: dict):
        self.reg = registration_id(record)
        self.lang = _lang(record)
        sc = record["scenario"]
        self.who = actor(record, self.reg)
        chosen_by = ROOM if record.get("chooser") == ROOM or record["mode"] == "facilitated" else "trainee"
        self.scenario = {"objectType": "Activity", "id": scenario_iri(sc["id"]),
                         "definition": {"type": SIMULATION, "name": {self.lang: sc.get("title") or sc["id"]}}}
        self.context: dict = {
            "registration": self.reg,
            "language": self.lang,
            "platform": "RightsPath",
            "extensions": {EXT + "scenario-version": sc["version"], EXT + "content-hash": sc["content_hash"],
                           EXT + "session": record["session"], EXT + "mode": record["mode"],
                           EXT + "chosen-by": chosen_by},
        }
        if record["session"]:
            self.context["contextActivities"] = {"grouping": [
                {"objectType": "Activity", "id": session_iri(record["session"]),
                 "definition": {"type": SESSION_TYPE}}]}
        self.out: list[dict] = []

    def add(self, verb: str, obj: dict, timestamp: str, *, result=None, context_ext=None, parent=False,
            statement_ref=False) -> None:
        context = {k: (dict(v) if isinstance(v, dict) else v) for k, v in self.context.items()}
        context["extensions"] = {**self.context["extensions"], **(context_ext or {})}
        if statement_ref:  # xAPI 1.0.3 §2.4.6: context.platform only when the object is an Activity
            context.pop("platform", None)
        if parent:
            acts = dict(context.get("contextActivities", {}))
            acts["parent"] = [{"objectType": "Activity", "id": self.scenario["id"]}]
            context["contextActivities"] = acts
        stmt = {
            "id": str(uuid.uuid5(ID_NAMESPACE, f"{self.reg}/{len(self.out)}")),
            "actor": self.who,
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
            "object": obj,
            "context": context,
            "timestamp": timestamp,
        }
        if result is not None:
            stmt["result"] = result
        self.out.append(stmt)


def statements(record: dict) -> list[dict]:
    """The record as xAPI 1.0.3 statements, in order: initialized, answered per decision, completed
    and passed/failed when finished, terminated."""
    check_record(record)
    made = _Statements(record)
    started = _stamp(parse_utc(record["started_at"]))
    ended = _stamp(parse_utc(record["ended_at"]))
    made.add("initialized", made.scenario, started,
             context_ext={EXT + "record-header": {k: record.get(k) for k in HEADER_KEYS if k in record}})
    timeline = _timeline(record)
    for (d, undone), moment in zip(timeline, _decision_times(record, timeline)):
        _answered(made, d, _stamp(moment))
        if undone:  # the facilitator undid it: the answer stays in the store, voided (issue 15)
            _voided(made, d, _stamp(moment))
    if record["finished"]:
        _completion(made, record, ended)
    _terminated(made, record, ended)
    return made.out


def _answered(made: _Statements, d: dict, timestamp: str) -> None:
    """One decision (or individual assessment): what was offered, the response, its score."""
    lang = made.lang
    obj = {"objectType": "Activity", "id": f"{made.scenario['id']}/decisions/{quote(d['node'], safe='')}",
           "definition": {"type": INTERACTION, "name": {lang: d["node"]}, "interactionType": "choice",
                          "choices": [{"id": c, "description": {lang: c}} for c in d["shown"]],
                          "correctResponsesPattern": list(d["best_choices"])}}
    assessment = d.get("kind") == "assessment"
    if assessment:  # one statement; the marked items are the response ("a[,]b"), each item's result below
        obj["definition"]["correctResponsesPattern"] = ["[,]".join(d["best_choices"])]
    span = d["best"] - d["worst"]
    score: dict = {"raw": d["earned"], "scaled": round((d["earned"] - d["worst"]) / span, 6) if span else 1.0}
    if span:
        score.update(min=d["worst"], max=d["best"])
    result = {"response": d["chosen"], "success": bool(d["recommended"]), "score": score,
              "extensions": {EXT + "verdicts": d["verdicts"], EXT + "deltas": d["deltas"]}}
    if assessment:
        result["response"] = "[,]".join(i["id"] for i in d["items"] if i["marked"])
        result["extensions"][EXT + "assessment-items"] = [dict(i) for i in d["items"]]
    if d.get("order"):  # the options in the order shown, and where the one chosen stood
        result["extensions"][EXT + "shown-order"] = list(d["order"])
        if not assessment:
            result["extensions"][EXT + "shown-position"] = d["order"].index(d["chosen"]) + 1
    not_used = [v["right"] for v in d["verdicts"] if v["verdict"] == "misses"]
    if not_used:  # rights whose available measure the choice did not use (record version 2)
        result["extensions"][EXT + "measures-not-used"] = not_used
    if d.get("votes") is not None:  # the room's votes per option (option id -> count)
        result["extensions"][EXT + "votes"] = d["votes"]
    if d.get("overrule"):  # the facilitator played another option than the room's (issue 18)
        result["extensions"][EXT + "overrule"] = dict(d["overrule"])
    if d.get("seconds") is not None:
        result["duration"] = _duration(float(d["seconds"]))
    facts = {k: v for k, v in d.items() if k not in ("verdicts", "deltas", "items")}
    made.add("answered", obj, timestamp, result=result, parent=True,
             context_ext={EXT + "decision": facts, EXT + "stage": d["stage"], EXT + "role": d["role"]})


def _voided(made: _Statements, d: dict, timestamp: str) -> None:
    """xAPI 1.0.3's voiding statement (verb voided, object a StatementRef) for the answer just made:
    the store keeps the answer but no longer counts it. It carries the undone decision entry, because
    a conforming store leaves a voided statement out of its queries (the record rebuilds from this)."""
    target = made.out[-1]["id"]
    made.add("voided", {"objectType": "StatementRef", "id": target}, timestamp,
             context_ext={EXT + "undone-decision": dict(d)}, statement_ref=True)


def _completion(made: _Statements, record: dict, ended: str) -> None:
    """A finished playthrough: completed (the per-right counts, mastery, outcome), then passed or failed."""
    s = record["score"]
    total: dict = {"scaled": s["scaled"], "raw": s["earned"]}
    if s["best"] > s["worst"]:
        total.update(min=s["worst"], max=s["best"])
    ext = {EXT + "rights": record["rights"], EXT + "mastery": s["mastery"],
           EXT + "recommended-share": s["recommended_share"], EXT + "outcome": record.get("outcome")}
    made.add("completed", made.scenario, ended,
             result={"completion": True, "success": bool(s["passed"]), "score": total, "extensions": ext})
    made.add("passed" if s["passed"] else "failed", made.scenario, ended,
             result={"success": bool(s["passed"]), "score": total})


def _terminated(made: _Statements, record: dict, ended: str) -> None:
    """The last statement: the record's result fields and its signature, so the record rebuilds exactly."""
    term_ext = {EXT + "record-result": {k: record.get(k) for k in RESULT_KEYS}}
    if "signature" in record:
        term_ext[EXT + "signature"] = record["signature"]
    made.add("terminated", made.scenario, ended, result={"completion": bool(record["finished"])}, context_ext=term_ext)


def live_statements(record: dict) -> list[dict]:
    """The statements a playthrough can send while it runs: for one not finished yet, ``initialized``
    and an ``answered`` per decision so far (the export's closing ``terminated`` would claim an id a
    later decision takes); for a finished one, all of them. Each is the very statement the export of
    the finished playthrough holds, id and content, provided its ``ended_at`` is the moment it ended."""
    out = statements(record)
    return out if record["finished"] else out[:-1]


def _ext(stmt: dict, where: str, name: str):
    return ((stmt.get(where) or {}).get("extensions") or {}).get(EXT + name)


def record_from_statements(stmts: list[dict]) -> dict:
    """Rebuild one record from its statements (any order, extra LRS fields ignored)."""
    header = result = None
    signature = None
    decisions = []
    undone = []  # (position among the statements, the undone decision entry)
    if not all(isinstance(s, dict) for s in stmts):
        raise RecordError("an xAPI statement is not a JSON object")
    # Answers the facilitator undid (issue 15): their voiding statements name them and carry them.
    voided = {((s.get("object") or {}).get("id")) for s in stmts
              if (s.get("verb") or {}).get("id") == VERBS["voided"]}
    for position, s in enumerate(stmts):
        verb = (s.get("verb") or {}).get("id")
        if verb == VERBS["voided"]:
            entry = _ext(s, "context", "undone-decision")
            if not isinstance(entry, dict):
                raise RecordError("a 'voided' statement carries no undone RightsPath decision")
            undone.append((str(s.get("timestamp") or ""), position, entry))
        elif verb == VERBS["answered"] and s.get("id") in voided:
            continue  # its voiding statement carries it
        elif verb == VERBS["initialized"]:
            header = _ext(s, "context", "record-header")
        elif verb == VERBS["answered"]:
            facts = _ext(s, "context", "decision")
            if not isinstance(facts, dict):
                raise RecordError("an 'answered' statement carries no RightsPath decision")
            decisions.append({**facts, "verdicts": _ext(s, "result", "verdicts"),
                              "deltas": _ext(s, "result", "deltas")})
            if facts.get("kind") == "assessment":  # its items travel in the result (issue 19)
                decisions[-1]["items"] = _ext(s, "result", "assessment-items")
        elif verb == VERBS["terminated"]:
            result = _ext(s, "context", "record-result")
            signature = _ext(s, "context", "signature")
    if not isinstance(header, dict) or not isinstance(result, dict):
        raise RecordError("the statements do not hold a whole RightsPath playthrough "
                          "(the 'initialized' or 'terminated' statement is missing)")
    decisions.sort(key=lambda d: d.get("index", 0))
    record = {**header, **result, "decisions": decisions}
    if undone:  # in the order undone: by decision, then by when (a store may return any order)
        undone.sort(key=lambda u: (u[2].get("index", 0) if isinstance(u[2].get("index"), int) else 0, u[0], u[1]))
        record["undone"] = [u[2] for u in undone]
    if signature is not None:
        record["signature"] = signature
    return check_record(record)


def group_by_registration(stmts: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for s in stmts:
        reg = (s.get("context") or {}).get("registration") if isinstance(s, dict) else None
        groups.setdefault(str(reg), []).append(s)
    return groups
