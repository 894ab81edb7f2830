"""A cmi5 launch (cmi5 spec, AICC/CMI-5_Spec_Current): the statements the game sends to the LMS.

The page (build/template.html, "Learning-platform launch") reads the launch parameters, POSTs once
to the fetch URL for the auth-token and GETs the LMS.LaunchData state document; ``Cmi5Launch.from_info``
takes what it found (``platform.lms()``). ``Cmi5Session`` turns a playthrough into the statements of
one AU session, all with the LMS's actor, registration and context template, the AU's activityId as
the object of the cmi5 defined ones:

- ``initialized`` (cmi5 defined) when the game is ready, first;
- each decision's ``answered`` statement of the export as a "cmi5 allowed" statement: the same
  object, result and RightsPath extensions, with the LMS's actor and registration, the template's
  context merged in (session id, publisher id grouping) and no cmi5 category; a new id (a uuid5 of
  the export statement's id and the cmi5 session), as its content differs from the export's;
- at the ending, in Normal launch mode only: ``completed`` (completion true, duration, no score or
  success) and ``passed`` or ``failed`` (success, score.scaled, duration; passed only at or above the
  LaunchData masteryScore when there is one, which then goes into the context), with the moveOn
  category; never a second ``completed`` or ``passed``, nor ``failed`` after ``passed``, for the same
  registration as far as this device knows (kept in the platform's storage);
- ``terminated`` (duration since initialized), last; nothing after it in this session.

Browse and Review launches send initialized, the decisions and terminated, no completed/passed/failed.
The game's own export statements (their own registration) are not sent to the LMS's store.
Standard library only (ships to the browser).
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import datetime, timedelta, timezone

CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
MASTERY_EXT = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
SESSION_EXT = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
VERBS = {
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "terminated": "http://adlnet.gov/expapi/verbs/terminated",
}
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VOIDED = "http://adlnet.gov/expapi/verbs/voided"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://rightspath.eu/xapi/cmi5")
STATE_KEY = "lms-cmi5-registrations"  # platform storage: what each registration was already sent
SESSION_KEY = "lms-cmi5-session"  # platform storage: how far the current AU session has gone (a reload)
ABANDONED_KEY = "lms-cmi5-abandoned"  # written by the page when it sent terminated as it was left
CHECK_SECONDS = 2.0  # how often PageDuties asks the page whether it ended the session itself


class LaunchProblem(ValueError):
    pass


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(str(text).replace("Z", "+00:00")).astimezone(timezone.utc)


def duration(seconds: float) -> str:
    text = f"{max(0.0, seconds):.2f}".rstrip("0").rstrip(".")
    return f"PT{text or '0'}S"


class Cmi5Launch:
    def __init__(self, endpoint: str, authorization: str, actor: dict, registration: str, activity_id: str,
                 launch_data: dict):
        self.endpoint, self.authorization = endpoint, authorization
        self.actor, self.registration, self.activity_id = actor, registration, activity_id
        self.launch_data = launch_data
        template = launch_data.get("contextTemplate")
        if not isinstance(template, dict):
            raise LaunchProblem("the LMS.LaunchData document has no contextTemplate")
        self.context_template = template
        self.session_id = str((template.get("extensions") or {}).get(SESSION_EXT) or "")
        if not self.session_id:
            raise LaunchProblem("the contextTemplate carries no cmi5 session id")
        self.launch_mode = str(launch_data.get("launchMode") or "Normal")
        mastery = launch_data.get("masteryScore")
        self.mastery_score = float(mastery) if isinstance(mastery, (int, float)) and 0 <= mastery <= 1 else None
        self.move_on = str(launch_data.get("moveOn") or "")
        self.return_url = launch_data.get("returnURL") if isinstance(launch_data.get("returnURL"), str) else None

    @classmethod
    def from_info(cls, info: dict) -> "Cmi5Launch":
        """From ``platform.lms()`` of kind "cmi5" once it is ready; LaunchProblem says what is missing."""
        if info.get("error"):
            raise LaunchProblem(str(info["error"]))
        actor = info.get("actor")
        if not isinstance(actor, dict) or not isinstance(actor.get("account"), dict):
            raise LaunchProblem("the launch's actor has no account")
        data = info.get("launchData")
        if not isinstance(data, dict):
            raise LaunchProblem("the LMS.LaunchData document is not a JSON object")
        return cls(str(info.get("endpoint") or ""), str(info.get("authorization") or ""), actor,
                   str(info.get("registration") or ""), str(info.get("activityId") or ""), data)

    @property
    def learner(self) -> dict:
        """The record's ``lms_learner`` (docs/CONTRACTS.md §11): the LMS's account."""
        account = self.actor["account"]
        return {"home_page": str(account.get("homePage", "")), "name": str(account.get("name", ""))}

    @property
    def normal(self) -> bool:
        return self.launch_mode == "Normal"


class Cmi5Session:
    """The statements of one AU session. ``start(now)`` gives initialized; ``statements(record,
    export_statements)`` what the playthrough adds (answered as cmi5 allowed, then the closing ones
    once it is finished); each statement is produced once."""

    def __init__(self, launch: Cmi5Launch, platform=None):
        self.launch = launch
        self.platform = platform
        self.initialized_at: datetime | None = None
        self.terminated = False
        self._given: set[str] = set()
        self._last: datetime | None = None  # each statement is stamped after the one before
        self.abandoned = False  # the page sent terminated itself when it was left (pagehide)
        self._restore()
        if self._page_ended_it():
            self.terminated = self.abandoned = True

    # -- a reload of the page in the same AU session carries on where it was -------------------
    def _restore(self) -> None:
        if self.platform is None:
            return
        try:
            data = json.loads(self.platform.load(SESSION_KEY) or "{}")
            if data.get("registration") != self.launch.registration or data.get("session") != self.launch.session_id:
                return
            self.initialized_at = _parse(data["initialized_at"])
            self._last = _parse(data["last"])
            self._given = set(data.get("given") or [])
            self.terminated = bool(data.get("terminated"))
        except Exception:  # nothing usable kept: a fresh session
            self.initialized_at, self._last, self._given, self.terminated = None, None, set(), False

    def _page_ended_it(self) -> bool:
        if self.platform is None:
            return False
        try:
            data = json.loads(self.platform.load(ABANDONED_KEY) or "{}")
        except Exception:
            return False
        return isinstance(data, dict) and data.get("registration") == self.launch.registration \
            and data.get("session") == self.launch.session_id

    def page_ended(self) -> None:
        """The page sent this session's terminated (it was left, then shown again from the cache)."""
        self.terminated = self.abandoned = True
        self._persist()

    def closing_for_page(self) -> str:
        """What ``platform.lms_arm`` gets: this session's terminated statement (the id the game's own
        would have, so the store keeps only one), for the page to stamp and send if it is left first."""
        stmt = {"id": self._id("terminated"), "actor": self.launch.actor,
                "verb": {"id": VERBS["terminated"], "display": {"en-US": "terminated"}},
                "object": {"objectType": "Activity", "id": self.launch.activity_id},
                "context": self._context(defined=True)}
        began = self.initialized_at or datetime.now(timezone.utc)
        return json.dumps({"statement": stmt, "initialized_at": _stamp(began), "session": self.launch.session_id,
                           "after": _stamp(self._last or began)}, ensure_ascii=False)

    def _persist(self) -> None:
        if self.platform is None or self.initialized_at is None:
            return
        try:
            self.platform.save(SESSION_KEY, json.dumps({
                "registration": self.launch.registration, "session": self.launch.session_id,
                "initialized_at": _stamp(self.initialized_at), "last": _stamp(self._last or self.initialized_at),
                "given": sorted(self._given), "terminated": self.terminated}))
        except Exception:  # storage off: this page still sends each statement once
            pass

    def _after_last(self, moment: datetime) -> datetime:
        if self._last is not None and moment <= self._last:
            moment = self._last + timedelta(milliseconds=1)
        self._last = moment
        return moment

    def _id(self, what: str) -> str:
        return str(uuid.uuid5(NAMESPACE, f"{self.launch.registration}/{self.launch.session_id}/{what}"))

    def _context(self, *, defined: bool, moveon: bool = False, extra_ext: dict | None = None) -> dict:
        context = copy.deepcopy(self.launch.context_template)
        context["registration"] = self.launch.registration
        acts = context.setdefault("contextActivities", {})
        category = [a for a in acts.get("category", []) if a.get("id") not in (CMI5_CATEGORY, MOVEON_CATEGORY)]
        if defined:
            category.append({"id": CMI5_CATEGORY})
            if moveon:
                category.append({"id": MOVEON_CATEGORY})
        if category:
            acts["category"] = category
        else:
            acts.pop("category", None)
        if extra_ext:
            context["extensions"] = {**context.get("extensions", {}), **extra_ext}
        return context

    def _defined(self, verb: str, moment: datetime, result: dict | None = None, extra_ext=None) -> dict:
        moveon = bool(result) and ("success" in result or "completion" in result)
        stmt = {"id": self._id(verb), "actor": self.launch.actor,
                "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
                "object": {"objectType": "Activity", "id": self.launch.activity_id},
                "context": self._context(defined=True, moveon=moveon, extra_ext=extra_ext),
                "timestamp": _stamp(self._after_last(moment))}
        if result is not None:
            stmt["result"] = result
        return stmt

    def start(self, now: datetime) -> list[dict]:
        if self.initialized_at is not None:
            return []
        self.initialized_at = now
        out = [self._defined("initialized", now)]
        self._persist()
        return out

    def _allowed(self, export_stmt: dict, story=None) -> dict:
        stmt = {k: copy.deepcopy(v) for k, v in export_stmt.items() if k in ("verb", "object", "result")}
        if story is not None:
            readable_names(stmt, story, ((export_stmt.get("context") or {}).get("extensions") or {}))
        stmt["id"] = self._id("allowed/" + export_stmt["id"])
        stmt["actor"] = self.launch.actor
        theirs = export_stmt.get("context") or {}
        context = self._context(defined=False)
        acts = context.setdefault("contextActivities", {})
        for kind, items in (theirs.get("contextActivities") or {}).items():
            acts[kind] = list(acts.get(kind, [])) + [a for a in items if a not in acts.get(kind, [])]
        context["extensions"] = {**(theirs.get("extensions") or {}), **context.get("extensions", {})}
        for key in ("language", "platform"):
            if key in theirs:
                context[key] = theirs[key]
        stmt["context"] = context
        stmt["timestamp"] = _stamp(self._after_last(_parse(export_stmt["timestamp"])))
        return stmt

    def _voiding(self, export_stmt: dict) -> dict:
        """The facilitator undid an answer (issue 15): a cmi5 allowed statement voiding the allowed
        statement this session sent for it (xAPI voiding: a StatementRef; no context.platform)."""
        target = self._id("allowed/" + export_stmt["object"]["id"])
        theirs = export_stmt.get("context") or {}
        context = self._context(defined=False)
        for key in ("platform", "revision"):  # only for an Activity object (xAPI 1.0.3)
            context.pop(key, None)
        context["extensions"] = {**(theirs.get("extensions") or {}), **context.get("extensions", {})}
        if "language" in theirs:
            context["language"] = theirs["language"]
        return {"id": self._id("allowed/" + export_stmt["id"]), "actor": self.launch.actor,
                "verb": copy.deepcopy(export_stmt["verb"]), "object": {"objectType": "StatementRef", "id": target},
                "context": context, "timestamp": _stamp(self._after_last(_parse(export_stmt["timestamp"])))}

    # -- what this device already sent for the registration ------------------------------------
    def _sent_verbs(self) -> set[str]:
        if self.platform is None:
            return set()
        try:
            data = json.loads(self.platform.load(STATE_KEY) or "{}")
        except Exception:
            return set()
        found = data.get(self.launch.registration) if isinstance(data, dict) else None
        return set(found) if isinstance(found, list) else set()

    def _remember(self, verbs: set[str]) -> None:
        if self.platform is None:
            return
        try:
            data = json.loads(self.platform.load(STATE_KEY) or "{}")
            data = data if isinstance(data, dict) else {}
            data[self.launch.registration] = sorted(verbs)
            self.platform.save(STATE_KEY, json.dumps(data, sort_keys=True))
        except Exception:  # storage off: the LMS still receives the statements
            pass

    def passed(self, record: dict) -> bool:
        score = record["score"]
        if self.launch.mastery_score is not None:
            return float(score["scaled"]) >= self.launch.mastery_score
        return bool(score["passed"])

    def statements(self, record: dict, export_statements: list[dict], story=None) -> list[dict]:
        """New statements for the LMS since the last call (never the same one twice). With the
        ``story``, each decision's activity is named by its prompt and its options described by their
        text, in the story's language (``readable_names``)."""
        if self.initialized_at is None or self.terminated:
            return []
        out = []
        for s in export_statements:
            verb = (s.get("verb") or {}).get("id")
            if verb in (ANSWERED, VOIDED):
                allowed = self._allowed(s, story) if verb == ANSWERED else self._voiding(s)
                if allowed["id"] not in self._given:
                    self._given.add(allowed["id"])
                    out.append(allowed)
        if not record.get("finished"):
            self._persist()
            return out
        ended = max(_parse(record["ended_at"]), self.initialized_at)
        spent = (_parse(record["ended_at"]) - _parse(record["started_at"])).total_seconds()
        if self.launch.normal:
            before = self._sent_verbs()
            sent = set(before)
            if "completed" not in before:
                out.append(self._defined("completed", ended, {"completion": True, "duration": duration(spent)}))
                sent.add("completed")
            verdict = "passed" if self.passed(record) else "failed"
            if "passed" not in before and not (verdict == "failed" and "failed" in before):
                score = record["score"]
                result: dict = {"success": verdict == "passed", "duration": duration(spent),
                                "score": {"scaled": max(0.0, min(1.0, float(score["scaled"])))}}
                earned, worst, best = score.get("earned"), score.get("worst"), score.get("best")
                if all(isinstance(x, int) and not isinstance(x, bool) for x in (earned, worst, best)) and worst < best:
                    result["score"].update(raw=earned, min=worst, max=best)
                ext = {MASTERY_EXT: self.launch.mastery_score} if self.launch.mastery_score is not None else None
                out.append(self._defined(verdict, ended, result, ext))
                sent.add(verdict)
            if sent != before:
                self._remember(sent)
        terminated = self._defined("terminated", ended, {})
        terminated["result"]["duration"] = duration(
            (_parse(terminated["timestamp"]) - self.initialized_at).total_seconds())
        out.append(terminated)
        self.terminated = True
        self._persist()
        return out


NAME_LIMIT = 120  # an activity's name is a label; the whole prompt goes into its description
DECISION_EXT = "https://rightspath.eu/xapi/extensions/decision"


def _clip(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= NAME_LIMIT else text[:NAME_LIMIT - 1].rstrip() + "…"


def option_texts(node: dict) -> dict[str, str]:
    """Option id -> its text: a decision's choices, an assessment's items (sections and measures)."""
    out = {str(c["id"]): str(c.get("text") or "") for c in node.get("choices", ()) if isinstance(c, dict)}
    groups = list(node.get("sections") or ())
    if isinstance(node.get("measures"), dict):
        groups.append(node["measures"])
    for group in groups:
        for item in (group.get("items") or ()) if isinstance(group, dict) else ():
            if isinstance(item, dict) and "id" in item:
                out[str(item["id"])] = str(item.get("text") or item.get("title") or "")
    return out


def readable_names(stmt: dict, story, extensions: dict) -> None:
    """Give an ``answered`` statement's activity the decision's prompt as its name (clipped) and
    description, and each option its text, as language maps in the story's language — in place of
    the bare ids (cmi5 "allowed" statements are read by people in the LMS's reports)."""
    facts = extensions.get(DECISION_EXT) if isinstance(extensions, dict) else None
    node_id = facts.get("node") if isinstance(facts, dict) else None
    node = story.nodes.get(node_id) if node_id else None
    definition = (stmt.get("object") or {}).get("definition")
    if not isinstance(node, dict) or not isinstance(definition, dict):
        return
    data = getattr(story, "scenario", None) or {}
    lang = str(data.get("language") or "en")
    prompt = str(node.get("prompt") or "").strip()
    if prompt:
        definition["name"] = {lang: _clip(prompt)}
        definition["description"] = {lang: prompt}
    texts = option_texts(node)
    for choice in definition.get("choices") or ():
        text = texts.get(str(choice.get("id")))
        if text:
            choice["description"] = {lang: text}


def _session_of(stmt: dict) -> str:
    return str(((stmt.get("context") or {}).get("extensions") or {}).get(SESSION_EXT) or "")


class TerminatedGate:
    """The sender's gate (``Sender.gate``): no statement of a cmi5 session goes after its terminated,
    whether the game's own was acknowledged or the page sent one when it was left."""

    def __init__(self):
        self.closed: set[str] = set()

    def close(self, session_id: str) -> None:
        self.closed.add(session_id)

    def refused(self, batch: list[dict]) -> list[str]:
        closed, out = set(self.closed), []
        for s in batch:
            session = _session_of(s)
            if session and session in closed:
                out.append(s["id"])
            elif session and (s.get("verb") or {}).get("id") == VERBS["terminated"]:
                closed.add(session)  # later ones in this batch are after it
        return out

    def acknowledged(self, stmt: dict) -> None:
        if (stmt.get("verb") or {}).get("id") == VERBS["terminated"] and _session_of(stmt):
            self.closed.add(_session_of(stmt))


class PageDuties:
    """What a cmi5 session needs from the page besides sending, one ``tick(now)`` a frame:

    - once ``initialized`` is acknowledged, the page is armed with the session's terminated
      statement (``platform.lms_arm``), which it sends with a keepalive request if the page is left
      (pagehide / beforeunload) before the game's own terminated was acknowledged;
    - once the game's terminated is acknowledged, the page is disarmed and offers "Return to the
      course" (``platform.lms_offer_return``; the LaunchData returnURL, http(s) only);
    - every CHECK_SECONDS it asks the page whether it ended the session itself (a page left and shown
      again from the browser's cache): then nothing more of this session is sent.
    """

    def __init__(self, session: Cmi5Session, outbox, sender, platform, language: str = "en"):
        self.session, self.outbox, self.sender, self.platform = session, outbox, sender, platform
        self.language = language
        self.armed = False
        self.offered = ""  # the page's answer to lms_offer_return, once asked
        self._checked = 0.0
        self.gate = TerminatedGate()
        sender.gate = self.gate
        if session.abandoned:
            self._ended_by_page()

    def _ended_by_page(self) -> None:
        self.gate.close(self.session.launch.session_id)
        mine = [s["id"] for s in self.outbox.items if _session_of(s) == self.session.launch.session_id]
        self.outbox.drop(mine)
        self.sender.withheld += len(mine)

    def _pending(self, verb: str) -> bool:
        session = self.session.launch.session_id
        return any(_session_of(s) == session and (s.get("verb") or {}).get("id") == VERBS[verb]
                   for s in self.outbox.items)

    def tick(self, now: float) -> None:
        s = self.session
        if s.abandoned or s.initialized_at is None:
            return
        if not s.terminated and not self.armed and not self._pending("initialized"):
            self.armed = self.platform.lms_arm(s.closing_for_page()) == "ok"
        if s.terminated and not self.offered and not self._pending("terminated"):
            self.platform.lms_arm("")
            self.armed = False
            self.offered = self.platform.lms_offer_return(self.language)
        if not s.terminated and now - self._checked >= CHECK_SECONDS:
            self._checked = now
            getter = getattr(self.platform, "lms", None)
            info = getter() if callable(getter) else None
            if isinstance(info, dict) and info.get("terminated"):
                s.page_ended()
                self._ended_by_page()


class Namespaced:
    """The platform's storage under a prefix of its own, for a second outbox (the cmi5 session's
    statements go to the LMS's store, never mixed with those for the facilitator's)."""

    def __init__(self, platform, prefix: str = "cmi5-"):
        self.platform, self.prefix = platform, prefix

    def load(self, key):
        return self.platform.load(self.prefix + key)

    def save(self, key, text):
        self.platform.save(self.prefix + key, text)

    def delete(self, key):
        self.platform.delete(self.prefix + key)

    def set_aside(self, key):
        return self.platform.set_aside(self.prefix + key)

    def keys(self):
        return [k[len(self.prefix):] for k in self.platform.keys() if k.startswith(self.prefix)]


def report_for_scorm(record: dict) -> dict:
    """What ``platform.lms_report`` gets at the end of a playthrough in a SCORM launch: the score as
    a percentage (raw 0-100 with min 0 and max 100, which SCORM 1.2's score range demands) and scaled
    0-1, pass or fail by the scenario's mastery, and the playthrough's time in seconds."""
    score = record["score"]
    scaled = max(0.0, min(1.0, float(score["scaled"])))
    seconds = (_parse(record["ended_at"]) - _parse(record["started_at"])).total_seconds()
    return {"scaled": round(scaled, 4), "raw": round(scaled * 100, 2), "min": 0, "max": 100,
            "passed": bool(score["passed"]), "completed": bool(record["finished"]),
            "seconds": round(max(0.0, seconds), 2)}
