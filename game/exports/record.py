"""The playthrough record: one JSON object per playthrough, the source of every export.

A record is a plain dict of JSON values (documented by scenarios/schema/export.schema.json), so
record -> JSON -> record is the identity and the UI can hand it around without knowing its shape.
It is built from an engine Run, its Story and the metadata the trainee or facilitator gave.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

from game import __version__
from game.errors import UserError
from game.engine import Run, Story, safeio
from game.engine.story import canonical_json
from game.exports import shape

RECORD_FORMAT = "rightspath-record"
# Bump when a field changes meaning; readers refuse newer versions. 2: the verdict "misses" (a measure
# the provision makes available, not used) and rights[].not_used; version-1 records are still read.
RECORD_VERSION = 2

# The learner's account when the game was not told one (docs/CONTRACTS.md §11, "Learners").
DEFAULT_HOME_PAGE = "https://rightspath.eu"
PERSON, ROOM = "person", "room"


def learner_for(session: str, trainee: str, mode: str, *, home_page: str | None = None,
                lms: dict | None = None) -> dict | None:
    """Who made the choices: a person identified within a session, the room, or the LMS's learner.

    - ``lms`` (the hook for a cmi5/SCORM launch): ``{"home_page": ..., "name": ...}`` from the launch;
      that learner is used as given (source "lms").
    - facilitated mode: the room decided (kind "room"); name ``<session>/room``, or
      ``<session>/room/<trainee>`` when the facilitator's screen has a code (one per group or table).
    - otherwise a person: name ``<session>/<trainee>`` (each part percent-encoded), so trainee T01 of
      two sessions are two learners, and a replay in the same session is the same learner.
    - without a session or (for a person) a trainee code there is no identity: None, and each such
      playthrough counts as a participant of its own.
    ``home_page`` is the facilitator's base URL when known, else https://rightspath.eu.
    """
    kind = ROOM if mode == "facilitated" else PERSON
    if lms:
        return {"kind": kind, "home_page": str(lms["home_page"]), "name": str(lms["name"]), "source": "lms"}
    if not session or (kind == PERSON and not trainee):
        return None
    who = quote(trainee, safe="") if kind == PERSON else "room" + (f"/{quote(trainee, safe='')}" if trainee else "")
    return {"kind": kind, "home_page": home_page or DEFAULT_HOME_PAGE, "name": f"{quote(session, safe='')}/{who}",
            "source": "session"}


class RecordError(UserError, ValueError):
    """A file or object that is not a usable playthrough record, with a reason a person can act on.

    A UserError, so a command that meets one prints the reason and exits (1, or 2 for wrong usage).
    """


def utc_iso(moment: datetime | None = None) -> str:
    """UTC ISO 8601 with a Z suffix and whole seconds, e.g. 2026-11-23T21:30:00Z."""
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def _time_field(meta: dict, key: str, default: str) -> str:
    value = meta.get(key)
    if value is None or value == "":
        return default
    if isinstance(value, datetime):
        return utc_iso(value)
    try:
        return utc_iso(parse_utc(str(value)))
    except ValueError:
        try:
            return utc_iso(datetime.fromisoformat(str(value).replace("Z", "+00:00")))
        except ValueError:
            raise RecordError(f"{key} {value!r} is not an ISO 8601 time") from None


def _optional_text(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


MAX_REASON = 500


def _overrules(given, run: Run) -> dict[int, dict]:
    """{decision index: {"room_choice", "reason"}}, checked against the run (ValueError otherwise)."""
    out: dict[int, dict] = {}
    for key, value in (given or {}).items():
        index = int(key)
        if not 1 <= index <= len(run.history):
            raise ValueError(f"an overrule names decision {index}, but there are {len(run.history)}")
        rec = run.history[index - 1]
        room_choice, reason = (value or {}).get("room_choice"), (value or {}).get("reason")
        if room_choice not in rec.shown or room_choice == rec.chosen:
            raise ValueError(f"decision {index}: the room's choice {room_choice!r} was not another option on offer")
        if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_REASON:
            raise ValueError(f"decision {index}: an overrule needs the facilitator's reason (1-{MAX_REASON} characters)")
        out[index] = {"room_choice": room_choice, "reason": reason.strip()}
    return out


def _assessments(verdicts: list[dict]) -> list[dict]:
    """A right's assessments (upholds, breaches, misses) as the record keeps them: right, verdict,
    weight (an assessment item's verdicts also name their item, which the record says elsewhere)."""
    return [{"right": v["right"], "verdict": v["verdict"], "weight": v["weight"]} for v in verdicts]


def build_record(run: Run, story: Story, meta: dict | None = None, card=None) -> dict:
    """The record of ``run`` (finished or not) over ``story``.

    ``meta`` may hold: trainee, session, role, country, organisation_type, mode, language,
    started_at, ended_at (datetime or ISO 8601; default now), overrules ({decision index: {"room_choice",
    "reason"}}: the facilitator played another option than the room's, and said why; issue 18), undone
    (the room's choices played and then undone by the facilitator, in order: [{"index", "chosen",
    "seconds", "votes", "overrule"?}]; issue 15; each is replayed, see ``_undone``). Other keys are
    ignored. ``record_version``
    1 rebuilds a record in the older layout (the replay of a version-1 file): the same figures
    without the not_used counts, which that version did not have. ``card``: the run's ScoreCard when
    the caller already has it (the game keeps the one computed when the run ended); else computed here.
    """
    meta = dict(meta or {})
    ended_at = _time_field(meta, "ended_at", utc_iso())
    started_at = _time_field(meta, "started_at", ended_at)
    if parse_utc(started_at) > parse_utc(ended_at):
        raise RecordError(f"started_at {started_at} is after ended_at {ended_at}")
    version = meta.get("record_version") or RECORD_VERSION
    if version not in shape.VERDICTS_BY_VERSION:
        raise RecordError(f"cannot build a record of version {version!r}")
    card = card if card is not None else run.score()
    ending = run.ending
    overrules = _overrules(meta.get("overrules"), run)
    decisions = [_decision_entry(rec, index, overrules.get(index)) for index, rec in enumerate(run.history, start=1)]
    undone = _undone(meta.get("undone"), run)
    record = {
        "format": RECORD_FORMAT,
        "record_version": version,
        "generator": f"rightspath {__version__}",
        "trainee": str(meta.get("trainee") or ""),
        "session": str(meta.get("session") or ""),
        "role": _optional_text(meta, "role"),
        "country": _optional_text(meta, "country"),
        "organisation_type": _optional_text(meta, "organisation_type"),
        "scenario": {
            "id": story.id,
            "version": story.version,
            "content_hash": story.hash,
            "title": story.title,
            "language": story.scenario.get("language", "en"),
        },
        "mode": str(meta.get("mode") or "learning"),
        "language": str(meta.get("language") or story.scenario.get("language", "en")),
        "seed": run.seed,
        "started_at": started_at,
        "ended_at": ended_at,
        "decisions": decisions,
        "rights": {rid: {k: n for k, n in t.items() if version >= 2 or k != "not_used"}
                   for rid, t in card.rights.items()},
        # the ScoreCard's fields the record's score has (its rights, ending and finished are top-level)
        "score": {key: value for key, value in card.to_dict().items() if key in shape.RECORD["score"]},
        "finished": bool(card.finished),
        "ending": None if ending is None else {
            "id": run.node_id, "outcome": ending.get("outcome"), "title": ending.get("title", ""),
        },
        "outcome": None if ending is None else ending.get("outcome"),
        "variables": dict(run.variables),
        # Who chose: "room" in facilitated mode (the room's votes per option are in decisions[].votes),
        # else "trainee".
        "chooser": ROOM if str(meta.get("mode") or "") == "facilitated" else "trainee",
        "learner": learner_for(str(meta.get("session") or ""), str(meta.get("trainee") or ""),
                               str(meta.get("mode") or "learning"), home_page=meta.get("home_page") or None,
                               lms=meta.get("lms_learner") or None),
    }
    if undone:  # only when the facilitator undid a played choice: other records are unchanged
        record["undone"] = undone
    return record


def _decision_entry(rec, index: int, overrule: dict | None) -> dict:
    """The engine's record of one decision as it is (an individual assessment's, issue 19, with its
    kind and items), numbered, with its rating, and each right's assessment as the record keeps it."""
    decision = {**rec.to_dict(), "index": index, "recommended": rec.recommended}
    decision["verdicts"] = _assessments(rec.verdicts)
    for item in decision.get("items") or ():
        item["verdicts"] = _assessments(item["verdicts"])
    if overrule:  # only when the facilitator overruled the room: other records are unchanged
        decision["overrule"] = overrule
    return decision


MAX_UNDONE = 200  # undone choices per playthrough: far beyond any room's, and a bound on the replays


def _undone(given, run: Run) -> list[dict]:
    """The choices the facilitator played and then undid (issue 15), as decision entries made by
    replaying each one at the point it was taken: ``given`` is what was done, in the order it was done
    ([{"index", "chosen", "seconds", "votes", "overrule"?}]); every other field is derived, so a
    record cannot claim an undone choice that the story would not have given. ValueError otherwise."""
    if not given:
        return []
    if not isinstance(given, list) or len(given) > MAX_UNDONE:
        raise ValueError(f"the undone choices should be a list of at most {MAX_UNDONE}")
    out: list[dict] = []
    last = 0
    for n, item in enumerate(given, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"undone choice {n} is not an object")
        index, chosen = item.get("index"), item.get("chosen")
        if not isinstance(index, int) or isinstance(index, bool) or not 1 <= index <= len(run.history) + 1:
            raise ValueError(f"undone choice {n} names decision {index!r}, but {len(run.history)} were taken")
        if index < last:  # only the choice just played can be undone, so the numbers never go back
            raise ValueError(f"undone choice {n} (decision {index}) comes after one of decision {last}")
        last = index
        back = run.before_decision(index)
        if back.kind != "decision":
            raise ValueError(f"undone choice {n}: decision {index} is not a choice between options "
                             f"(only the room's choice of an option can be undone)")
        seconds, votes = item.get("seconds"), item.get("votes")
        if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, (int, float))
                                    or not 0 <= seconds <= 10 ** 7):  # NaN and infinity too
            raise ValueError(f"undone choice {n}: seconds {seconds!r} is not a duration")
        if votes is not None and (not isinstance(votes, dict) or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
                for k, v in votes.items())):
            raise ValueError(f"undone choice {n}: votes should map option ids to counts")
        if item.get("overrule") is not None and not isinstance(item["overrule"], dict):
            raise ValueError(f"undone choice {n}: its overrule should be an object with room_choice and reason")
        if not isinstance(chosen, str):
            raise ValueError(f"undone choice {n}: the option chosen should be an option id")
        rec = back.choose(chosen, seconds=seconds, votes=votes)  # ChoiceError (a ValueError) if not on offer
        overrule = _overrules({index: item["overrule"]}, back).get(index) if item.get("overrule") else None
        out.append(_decision_entry(rec, index, overrule))
    return out


# -- reading ----------------------------------------------------------------------------------------

TOP_LEVEL_KEYS = frozenset((
    "format", "record_version", "generator", "trainee", "session", "role", "country", "organisation_type",
    "scenario", "mode", "language", "seed", "started_at", "ended_at", "decisions", "rights", "score",
    "finished", "ending", "outcome", "variables", "signature", "learner", "chooser", "undone",
))
LEARNER_KEYS = {"kind": (PERSON, ROOM), "home_page": None, "name": None, "source": ("session", "lms")}
def check_record(data: Any) -> dict:
    """``data`` if it is a record this version can read; RecordError with the reason otherwise."""
    if not isinstance(data, dict):
        raise RecordError("not a RightsPath record (the file does not hold a JSON object)")
    if data.get("format") != RECORD_FORMAT:
        raise RecordError(f"not a RightsPath record (format is {data.get('format')!r})")
    version = data.get("record_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecordError("the record has no record_version")
    if version > RECORD_VERSION or version < 1:
        raise RecordError(f"unknown record version {version} (this RightsPath reads version {RECORD_VERSION}); "
                          "update RightsPath")
    unknown = sorted(set(data) - TOP_LEVEL_KEYS)
    if unknown:
        # A version-1 record has exactly these fields; an unknown one is damage (or a renamed signature).
        raise RecordError(f"the record has unexpected field(s): {', '.join(map(repr, unknown))}")
    try:
        shape.check(data, shape.RECORD if version >= 2 else shape.RECORD_V1, "")
    except shape.ShapeError as exc:
        raise RecordError(f"the record is malformed: {exc}") from None
    allowed = shape.VERDICTS_BY_VERSION[version]
    _check_decisions(data["decisions"], allowed, version, "decisions")
    _check_decisions(data.get("undone", []), allowed, version, "undone")
    for key in ("started_at", "ended_at"):
        try:
            parse_utc(data[key])
        except ValueError:
            raise RecordError(f"the record's {key} {data[key]!r} is not a UTC time like 2026-11-23T09:00:00Z") from None
    if not 0 <= data["score"]["scaled"] <= 1:
        raise RecordError("the record's score.scaled is outside 0..1")
    _check_orders(data["decisions"])
    _check_orders(data.get("undone", []), "undone")
    # learner and chooser came after the first records: absent in those, checked when present.
    if "chooser" in data and data["chooser"] not in ("trainee", ROOM):
        raise RecordError(f"the record's chooser {data['chooser']!r} is neither 'trainee' nor 'room'")
    learner = data.get("learner")
    if learner is not None:
        if not isinstance(learner, dict) or set(learner) != set(LEARNER_KEYS):
            raise RecordError("the record's learner should be an object with kind, home_page, name and source")
        for key, allowed in LEARNER_KEYS.items():
            value = learner[key]
            if not isinstance(value, str) or not value or (allowed and value not in allowed):
                raise RecordError(f"the record's learner.{key} {value!r} is not allowed")
    return data


def _check_decisions(decisions: list, allowed, version: int, where: str) -> None:
    for i, d in enumerate(decisions):
        if ("kind" in d or "items" in d) and (d.get("kind") != "assessment" or "items" not in d):
            raise RecordError(f"the record is malformed: {where}[{i}] has kind {d.get('kind')!r} and "
                              f"{'items' if 'items' in d else 'no items'} (an assessment has kind 'assessment' and items)")
        for item in d.get("items", ()):
            if item["result"] not in ("marked", "missed", "flagged", "clear") or any(
                    v["verdict"] not in allowed for v in item["verdicts"]):
                raise RecordError(f"the record is malformed: {where}[{i}] item {item['id']!r} has an unknown "
                                  "result or verdict")
        for j, v in enumerate(d["verdicts"]):
            if v["verdict"] not in allowed:
                raise RecordError(f"the record is malformed: {where}[{i}].verdicts[{j}].verdict {v['verdict']!r} "
                                  f"is not one of {', '.join(allowed)} (record version {version})")


def _check_orders(decisions: list, where: str = "decisions") -> None:
    """decisions[].order (the options in the order shown) came after the first records: absent in
    those (their options were shown as authored), checked when present."""
    for i, d in enumerate(decisions):
        if "order" not in d:
            continue
        order = d["order"]
        if not isinstance(order, list) or not all(isinstance(c, str) for c in order) or len(set(order)) != len(order):
            raise RecordError(f"the record is malformed: {where}[{i}].order should be a list of distinct option ids")
        if d["chosen"] not in order and d.get("kind") != "assessment":  # an assessment chooses no option
            raise RecordError(f"the record is malformed: {where}[{i}].order does not hold the option chosen "
                              f"({d['chosen']!r})")


def record_to_json(record: dict) -> str:
    """The export text: the canonical form itself plus a newline, so any changed byte shows."""
    return canonical_json(record, allow_nan=False) + "\n"


def decode_json(data: str | bytes) -> tuple[Any, str]:
    """(the JSON value, the text) of a file's bytes (UTF-8) or text, read with the bounded reader;
    RecordError "corrupt: ..." with the reason when it is not UTF-8 or not JSON."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise RecordError("corrupt: the file is not UTF-8 text") from None
    try:
        return safeio.loads(data), data
    except ValueError as exc:
        raise RecordError(f"corrupt: not valid JSON ({exc})") from None


def record_from_json(text: str | bytes) -> dict:
    return check_record(decode_json(text)[0])

