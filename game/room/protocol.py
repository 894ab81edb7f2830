"""The room protocol's statements, built and read (docs/CONTRACTS.md §15). Pure functions: no I/O.

Everything read back from the store is untrusted: a statement that does not have the expected shape
is skipped (and counted), never raised on.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

ROOM_HOME = "https://rightspath.eu/room/"  # + CODE: the homePage of every account in a room
ACTIVITY = "https://rightspath.eu/xapi/room/"  # + CODE + "/" + round
VERB_PRESENTED = "https://rightspath.eu/xapi/verbs/presented"
VERB_VOTED = "https://rightspath.eu/xapi/verbs/voted"
VERB_JOINED = "https://rightspath.eu/xapi/verbs/joined"
EXT_ROOM = "https://rightspath.eu/xapi/extensions/room"
NAMESPACE = uuid.UUID("6f1d0a52-3c1e-5b7a-9a43-0d2b8e5c7f18")
OPEN, CLOSED, REVEALED = "open", "closed", "revealed"
STATES = (OPEN, CLOSED, REVEALED)
PROTOCOL = 1
MAX_OPTIONS = 9
MAX_TEXT = 2000
MAX_NAME = 40
_CODE = re.compile(r"^[A-Z0-9]{4,12}$")
_ROUND = re.compile(r"^[A-Za-z0-9-]{1,40}$")
_VOTER = re.compile(r"^[A-Za-z0-9_-]{6,64}$")


def normalize_code(text) -> str | None:
    """A room code as typed or linked (case and spaces ignored), or None when it cannot be one."""
    if not isinstance(text, str):
        return None
    code = re.sub(r"[\s-]", "", text).upper()
    return code if _CODE.match(code) else None


def registration(code: str) -> str:
    """The xAPI registration shared by every statement of the room: derived from the code only."""
    return str(uuid.uuid5(NAMESPACE, "room:" + code))


def round_registration(code: str, round_id: str) -> str:
    """The registration of one round's votes (a store can then list a round's votes by itself)."""
    return str(uuid.uuid5(NAMESPACE, f"round:{code}:{round_id}"))


def joined_registration(code: str) -> str:
    """The registration of the phones' "joined" statements (the projector's "12 of 18 voted")."""
    return str(uuid.uuid5(NAMESPACE, "joined:" + code))


def round_activity(code: str, round_id: str) -> str:
    return f"{ACTIVITY}{code}/{round_id}"


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _actor(code: str, name: str, display: str = "") -> dict:
    actor = {"objectType": "Agent", "account": {"homePage": ROOM_HOME + code, "name": name}}
    if display:
        actor["name"] = display
    return actor


def state_statement(code: str, round_id: str, seq: int, decision: str, prompt: str, options, state: str,
                    *, deadline: str | None = None, lang: str = "en", timestamp: str | None = None) -> dict:
    """The facilitator's announcement of a round's state; ``options``: [(id, text)] in the shown order."""
    if state not in STATES:
        raise ValueError(state)
    doc = {
        "v": PROTOCOL, "code": code, "round": round_id, "seq": seq, "decision": decision, "prompt": prompt,
        "options": [{"id": oid, "text": text} for oid, text in options], "state": state, "lang": lang,
    }
    if deadline:
        doc["deadline"] = deadline
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"state:{code}:{round_id}:{seq}:{state}")),
        "actor": _actor(code, "facilitator"),
        "verb": {"id": VERB_PRESENTED, "display": {"en-US": "presented"}},
        "object": {"objectType": "Activity", "id": round_activity(code, round_id),
                   "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction"}},
        "context": {"registration": registration(code), "extensions": {EXT_ROOM: doc},
                    "contextActivities": {"grouping": [{"id": ACTIVITY + code}]}},
        "timestamp": timestamp or now_iso(),
    }


def vote_statement(code: str, round_id: str, option: str, voter: str, display: str = "",
                   *, timestamp: str | None = None) -> dict:
    """A phone's vote (what build/vote.html sends; here for tests and the benchmark's phones)."""
    return {
        "id": str(uuid.uuid4()),
        "actor": _actor(code, voter, display),
        "verb": {"id": VERB_VOTED, "display": {"en-US": "voted"}},
        "object": {"objectType": "Activity", "id": round_activity(code, round_id)},
        "result": {"response": option},
        "context": {"registration": round_registration(code, round_id),
                    "contextActivities": {"grouping": [{"id": ACTIVITY + code}]}},
        "timestamp": timestamp or now_iso(),
    }


@dataclass(frozen=True)
class RoomState:
    code: str
    round: str
    seq: int
    decision: str
    prompt: str
    options: tuple[tuple[str, str], ...]
    state: str
    lang: str = "en"
    deadline: str = ""
    stored: str = ""
    timestamp: str = ""


def _text(value, limit=MAX_TEXT) -> str | None:
    return value if isinstance(value, str) and len(value) <= limit else None


def parse_state(statement, code: str | None = None) -> RoomState | None:
    """A state statement as the facilitator published it, or None for anything else or malformed."""
    try:
        if statement["verb"]["id"] != VERB_PRESENTED:
            return None
        doc = statement["context"]["extensions"][EXT_ROOM]
        room = doc["code"]
        if normalize_code(room) != room or (code is not None and room != code):
            return None
        if statement["actor"]["account"] != {"homePage": ROOM_HOME + room, "name": "facilitator"}:
            return None
        round_id, seq, state = doc["round"], doc["seq"], doc["state"]
        if not (isinstance(round_id, str) and _ROUND.match(round_id)) or state not in STATES:
            return None
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
            return None
        if statement["object"]["id"] != round_activity(room, round_id):
            return None
        options = []
        for item in doc["options"]:
            oid, text = _text(item["id"], 80), _text(item["text"])
            if not oid or text is None:
                return None
            options.append((oid, text))
        if not 1 <= len(options) <= MAX_OPTIONS or len({o for o, _ in options}) != len(options):
            return None
        decision, prompt = _text(doc["decision"], 200), _text(doc["prompt"])
        lang = _text(doc.get("lang", "en"), 10)
        deadline = _text(doc.get("deadline") or "", 40)
        if decision is None or prompt is None or lang is None or deadline is None:
            return None
        return RoomState(room, round_id, seq, decision, prompt, tuple(options), state, lang, deadline,
                         _text(statement.get("stored") or "", 40) or "",
                         _text(statement.get("timestamp") or "", 40) or "")
    except (KeyError, TypeError, AttributeError):
        return None


def _when(text) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def latest_state(statements, code: str) -> RoomState | None:
    """The room's current state: the highest (timestamp, seq) of its valid state statements."""
    best, best_key = None, None
    for statement in statements:
        state = parse_state(statement, code)
        if state is None:
            continue
        when = _when(state.timestamp) or datetime.min.replace(tzinfo=timezone.utc)
        key = (when, state.seq)
        if best_key is None or key > best_key:
            best, best_key = state, key
    return best


@dataclass
class Tally:
    counts: dict[str, int]  # option id -> votes, every option shown (0 when none)
    voters: int = 0  # phones whose vote counts
    late: int = 0  # votes stored after voting closed: ignored
    ignored: int = 0  # statements that are not a valid vote of this round
    closed_at: str = ""  # the store's time of the round's first closed/revealed statement
    names: dict[str, str] = field(default_factory=dict)  # voter id -> display name, when one was given
    voters_ids: tuple[str, ...] = ()  # the accounts whose vote counts (never shown; for "12 of 18")


def tally(statements, code: str, round_id: str, option_ids, closed_at: str = "") -> Tally:
    """Votes of one round: the last vote of each phone stored before voting closed counts.

    ``closed_at``: the store's ``stored`` time of the round's closing statement ("" while open).
    Ordered by the store's ``stored`` time (falling back to the order given); a phone is its account
    name within the room; a vote for an option that was not shown is ignored."""
    option_ids = list(option_ids)
    out = Tally(counts={oid: 0 for oid in option_ids}, closed_at=closed_at)
    activity = round_activity(code, round_id)
    floor = datetime.min.replace(tzinfo=timezone.utc)
    closed = _when(closed_at)
    items = []
    for index, statement in enumerate(statements if isinstance(statements, list) else []):
        stored = (_when(statement.get("stored")) or _when(statement.get("timestamp"))) if isinstance(statement, dict) else None
        items.append((stored or floor, index, statement))
    items.sort(key=lambda item: (item[0], item[1]))
    latest: dict[str, tuple[str, str]] = {}
    for stored, _, statement in items:
        vote = _vote(statement, code, activity, option_ids)
        if vote is None:
            out.ignored += 1
            continue
        if closed is not None and stored > closed:
            out.late += 1
            continue
        latest[vote[0]] = (vote[1], vote[2])
    for voter, (option, display) in latest.items():
        out.counts[option] += 1
        if display:
            out.names[voter] = display
    out.voters = len(latest)
    out.voters_ids = tuple(sorted(latest))
    return out


def _vote(statement, code, activity, option_ids):
    try:
        if statement["verb"]["id"] != VERB_VOTED or statement["object"]["id"] != activity:
            return None
        account = statement["actor"]["account"]
        voter = account["name"]
        if (account.get("homePage") != ROOM_HOME + code or not isinstance(voter, str) or not _VOTER.match(voter)
                or voter == "facilitator"):
            return None
        option = statement["result"]["response"]
        if option not in option_ids:
            return None
        display = statement["actor"].get("name", "")
        display = display.strip()[:MAX_NAME] if isinstance(display, str) else ""
        return voter, option, display
    except (KeyError, TypeError, AttributeError):
        return None


# -- who is in the room ------------------------------------------------------------------------------

def joined_statement(code: str, voter: str, display: str = "", *, timestamp: str | None = None) -> dict:
    """A phone's "I am here" (what build/vote.html sends on joining): its id is derived from the
    phone's account, so joining again stores nothing new (the store answers 409 or 204)."""
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"joined:{code}:{voter}")),
        "actor": _actor(code, voter, display),
        "verb": {"id": VERB_JOINED, "display": {"en-US": "joined"}},
        "object": {"objectType": "Activity", "id": ACTIVITY + code},
        "context": {"registration": joined_registration(code)},
        "timestamp": timestamp or now_iso(),
    }


def present(statements, code: str) -> dict[str, str]:
    """The phones that joined the room: account name -> display name ("" when anonymous)."""
    out: dict[str, str] = {}
    for statement in statements if isinstance(statements, list) else []:
        try:
            if statement["verb"]["id"] != VERB_JOINED or statement["object"]["id"] != ACTIVITY + code:
                continue
            account = statement["actor"]["account"]
            voter = account["name"]
            if account.get("homePage") != ROOM_HOME + code or not isinstance(voter, str) or not _VOTER.match(voter) \
                    or voter == "facilitator":
                continue
            display = statement["actor"].get("name", "")
            out[voter] = display.strip()[:MAX_NAME] if isinstance(display, str) else ""
        except (KeyError, TypeError, AttributeError):
            continue
    return out


# -- the room's debrief ------------------------------------------------------------------------------

DEBRIEF = "debrief"  # the debrief's activity: ACTIVITY + CODE + "/debrief"
MAX_ROUNDS = 60
MAX_RIGHTS = 5


def room_debrief(rounds, right_labels=None) -> dict:
    """The room's debrief from its rounds (plain data; the game gathers it from its record).

    ``rounds``: [{"decision", "prompt", "options": [(id, text)] as shown, "votes": {id: n},
    "recommended": [ids], "played": id, "assess": {id: [(right, verdict)]}}]. Returns per round the
    split (votes and share per option), the share of votes for a recommended option (agreement) and
    the widest splits first in ``splits``; ``upheld`` and ``missed``: the rights the room's votes
    upheld, and breached or left unused, most first (each vote counts for the rights its option is
    assessed against). No names, no accounts: only counts."""
    labels = right_labels or {}
    out_rounds, upheld, missed = [], {}, {}
    for r in list(rounds)[:MAX_ROUNDS]:
        votes = {oid: max(0, int((r.get("votes") or {}).get(oid, 0))) for oid, _ in r["options"]}
        total = sum(votes.values())
        recommended = set(r.get("recommended") or ())
        options = [{"id": oid, "text": text, "votes": votes[oid],
                    "share": round(votes[oid] / total, 4) if total else 0.0,
                    "recommended": oid in recommended, "played": oid == r.get("played")}
                   for oid, text in r["options"]]
        top = max(votes.values()) if total else 0
        out_rounds.append({
            "decision": r.get("decision", ""), "prompt": r.get("prompt", ""), "votes": total, "options": options,
            "agreement": round(sum(votes[o] for o in recommended if o in votes) / total, 4) if total else None,
            "split": round(1 - top / total, 4) if total else 0.0,
        })
        for oid, n in votes.items():
            for right, verdict in (r.get("assess") or {}).get(oid, ()):
                into = upheld if verdict == "upholds" else missed
                into[right] = into.get(right, 0) + n
    order = sorted(range(len(out_rounds)), key=lambda i: (-out_rounds[i]["split"], -out_rounds[i]["votes"], i))

    def most(table):
        rows = sorted(((n, right) for right, n in table.items() if n), key=lambda x: (-x[0], x[1]))[:MAX_RIGHTS]
        return [{"right": right, "label": labels.get(right, right), "votes": n} for n, right in rows]

    return {"rounds": out_rounds, "splits": [i for i in order if out_rounds[i]["split"] > 0][:3],
            "upheld": most(upheld), "missed": most(missed)}


def debrief_statement(code: str, seq: int, summary: dict, *, lang: str = "en", timestamp: str | None = None) -> dict:
    """The room's debrief for the phones (published at the end, in the room's registration)."""
    doc = {"v": PROTOCOL, "code": code, "kind": DEBRIEF, "seq": seq, "lang": lang, **summary}
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"debrief:{code}:{seq}")),
        "actor": _actor(code, "facilitator"),
        "verb": {"id": VERB_PRESENTED, "display": {"en-US": "presented"}},
        "object": {"objectType": "Activity", "id": f"{ACTIVITY}{code}/{DEBRIEF}"},
        "context": {"registration": registration(code), "extensions": {EXT_ROOM: doc},
                    "contextActivities": {"grouping": [{"id": ACTIVITY + code}]}},
        "timestamp": timestamp or now_iso(),
    }


def parse_debrief(statement, code: str) -> dict | None:
    """A debrief statement as published, or None (anything else, or malformed)."""
    try:
        if statement["verb"]["id"] != VERB_PRESENTED or statement["object"]["id"] != f"{ACTIVITY}{code}/{DEBRIEF}":
            return None
        if statement["actor"]["account"] != {"homePage": ROOM_HOME + code, "name": "facilitator"}:
            return None
        doc = statement["context"]["extensions"][EXT_ROOM]
        if doc.get("kind") != DEBRIEF or doc.get("code") != code or not isinstance(doc.get("rounds"), list):
            return None
        for r in doc["rounds"]:
            if _text(r["prompt"]) is None or not isinstance(r["options"], list):
                return None
            for o in r["options"]:
                if _text(o["text"]) is None or not isinstance(o["votes"], int):
                    return None
        if not all(isinstance(doc.get(k), list) for k in ("splits", "upheld", "missed")):
            return None
        return doc
    except (KeyError, TypeError, AttributeError):
        return None
