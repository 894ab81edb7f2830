"""The report's numbers: participation, scores, rights, each decision's choices, breakdowns.

Plain data (dicts and lists) so the HTML template, the charts and the CSV tables read the same
figures. Texts (prompts, options, explanations, discussion prompts) come from the story when we
have it; without it the ids stand in.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

from game.engine import Story
from game.engine import assessment as assessing
from game.engine.scoring import option_value
from game.engine.citations import display_id
from game.engine.story import discussion
from game.engine.vocab import OUTCOME_LABELS, ROLE_LABELS, STAGE_LABELS
from game.report.labels import UNFINISHED


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def counts_as_passed(record: dict) -> bool:
    """A pass counts only for a playthrough that reached an ending: a run stopped after its good
    first decisions (or a record cut down to them) has a high score, not a pass."""
    return bool(record["finished"] and record["score"]["passed"])


def overview(records: list[dict]) -> dict:
    scores = [r["score"]["scaled"] for r in records]
    finished = [r for r in records if r["finished"]]
    passed = sum(1 for r in records if counts_as_passed(r))
    mastery = records[0]["score"]["mastery"] if records else None
    return {
        "participants": len(records),
        "finished": len(finished),
        "completion": round(len(finished) / len(records), 4) if records else 0.0,
        "passed": passed,
        "pass_rate": round(passed / len(records), 4) if records else 0.0,
        "mean": _mean(scores),
        "median": round(statistics.median(scores), 4) if scores else None,
        "min": min(scores) if scores else None,
        "max": max(scores) if scores else None,
        "mastery": mastery,
        "recommended_share": _mean([r["score"]["recommended_share"] for r in records]),
        "sessions": sorted({r["session"] for r in records if r["session"]}),
        "modes": dict(Counter(r["mode"] for r in records)),
        "scores": scores,
    }


def outcomes(records: list[dict]) -> list[dict]:
    counts = Counter(r.get("outcome") or "unfinished" for r in records)
    return [{"outcome": o, "label": OUTCOME_LABELS.get(o, UNFINISHED if o == "unfinished" else o),
             "count": n} for o, n in counts.most_common()]


def rights(records: list[dict], story: Story | None) -> list[dict]:
    """Per right: totals over the room, ordered from most breached to most upheld."""
    tally: dict[str, Counter] = defaultdict(Counter)
    people: dict[str, set] = defaultdict(set)
    for i, r in enumerate(records):
        for rid, t in r["rights"].items():
            tally[rid].update(t)
            if t.get("breached"):
                people[rid].add(i)
    rows = []
    for rid, t in tally.items():
        info = story.right(rid) if story else {"title": "", "citation": f"Art. {rid}"}
        lang = story.scenario.get("language", "en") if story else "en"
        rows.append({"right": rid, "title": info.get("title", ""), "citation": info.get("citation", rid),
                     "shown_id": display_id(rid, lang),  # the id with the language's point letters
                     "upheld": t["upheld"], "breached": t["breached"], "missed": t["missed"],
                     # a version-1 record has no not_used count (it had no "misses" verdict): 0
                     "not_used": t.get("not_used", 0),
                     "breached_by": len(people[rid]), "net": t["upheld"] - t["breached"]})
    rows.sort(key=lambda x: (x["net"], -x["breached"], x["right"]))
    return rows


def decisions(records: list[dict], story: Story | None) -> list[dict]:
    """Each decision met, in story order: how the room chose, with the recommended option and why."""
    met: dict[str, list[dict]] = defaultdict(list)
    first_seen: dict[str, int] = {}
    for r in records:
        for d in r["decisions"]:
            met[d["node"]].append(d)
            first_seen.setdefault(d["node"], len(first_seen))
    # decisions and individual assessments, in story order
    order = [n for n in (story.order() if story else []) if n in met]
    order += sorted((n for n in met if n not in order), key=first_seen.get)
    out = []
    for node_id in order:
        ds = met[node_id]
        node = story.nodes.get(node_id) if story else None
        chosen = Counter(d["chosen"] for d in ds)
        votes: Counter = Counter()
        for d in ds:
            votes.update(d.get("votes") or {})
        recommended = set()
        for d in ds:
            recommended.update(d["best_choices"])
        # Where each option stood in the order shown (each playthrough has its own, from its seed).
        shown_at: dict[str, set] = defaultdict(set)
        for d in ds:
            for pos, cid in enumerate(d.get("order") or (), start=1):
                shown_at[cid].add(pos)
        assessment = (node or {}).get("kind") == "assessment" or any(d.get("kind") == "assessment" for d in ds)
        if assessment:  # an individual assessment (issue 19): its items stand where a decision's options do
            chosen = Counter(i["id"] for d in ds for i in d.get("items", ()) if i["marked"])
            story_choices = [dict(i, text=i.get("text", "")) for i in assessing.items(node)] if node else []
        else:
            story_choices = node.get("choices", []) if node else []
        option_ids = [c["id"] for c in story_choices] or sorted(set(chosen) | set(votes) | recommended)
        for extra in sorted((set(chosen) | set(votes)) - set(option_ids)):
            option_ids.append(extra)
        by_id = {c["id"]: c for c in story_choices}
        options = []
        for cid in option_ids:
            c = by_id.get(cid, {})
            options.append({
                "id": cid, "text": c.get("text", ""), "chosen": chosen.get(cid, 0), "votes": votes.get(cid, 0),
                "share": round(chosen.get(cid, 0) / len(ds), 4),
                "recommended": cid in recommended,
                "value": option_value(c) if c and not assessment else None,
                "feedback": c.get("feedback", ""),
                "assess": c.get("assess", []),
                "shown_at": sorted(shown_at.get(cid, ())),
            })
        rec_share = sum(1 for d in ds if d["recommended"]) / len(ds)
        out.append({
            "node": node_id,
            "stage": (node or {}).get("stage") or ds[0]["stage"],
            "stage_label": STAGE_LABELS.get((node or {}).get("stage") or ds[0]["stage"], ds[0]["stage"]),
            "role": ds[0]["role"], "role_label": ROLE_LABELS.get(ds[0]["role"], ds[0]["role"]),
            "prompt": (node or {}).get("prompt", ""),
            "discuss": discussion(node or {})[0],
            "discuss_after": discussion(node or {})[1],
            "met": len(ds),
            "recommended_share": round(rec_share, 4),
            "has_votes": bool(votes),
            "options": options,
            "explanations": [o for o in options if o["recommended"] and o["feedback"]],
            "kind": "decision",
        })
        if assessment:  # "chosen" counts who marked the item; "recommended" items apply to the case
            out[-1]["kind"] = "assessment"
            results = Counter((i["id"], i["result"]) for d in ds for i in d.get("items", ()))
            for o in out[-1]["options"]:
                o["missed"], o["flagged"] = results[o["id"], "missed"], results[o["id"], "flagged"]
    return out


DISAGREED_SHOWN = 3


def disagreed(decisions_met: list[dict], limit: int = DISAGREED_SHOWN) -> list[dict]:
    """Where the room disagreed most: the decisions whose split was widest, widest first.

    The split is the room's votes where there are any (facilitated play), else the participants'
    own choices (two or more met it). ``disagreement`` = 1 − the leading option's share: 0 when
    everyone agreed (such decisions are left out), towards 1 the more evenly the room split. Ties:
    more votes first, then story order. Each row keeps its decision's options with their share."""
    rows = []
    for order, d in enumerate(decisions_met):
        key = "votes" if d["has_votes"] else "chosen"
        total = sum(o[key] for o in d["options"])
        if total < 2:
            continue
        top = max(o[key] for o in d["options"])
        if top == total:
            continue
        recommended = sum(o[key] for o in d["options"] if o["recommended"])
        split = sorted(({"id": o["id"], "text": o["text"], "count": o[key], "share": round(o[key] / total, 4),
                         "recommended": o["recommended"], "letter": i}
                        for i, o in enumerate(d["options"]) if o[key]), key=lambda o: (-o["count"], o["letter"]))
        rows.append({"node": d["node"], "prompt": d["prompt"], "by": key, "total": total,
                     "disagreement": round(1 - top / total, 4), "recommended_share": round(recommended / total, 4),
                     "split": split, "order": order})
    rows.sort(key=lambda r: (-r["disagreement"], -r["total"], r["order"]))
    return rows[:limit]


def breakdown(records: list[dict], field: str) -> list[dict]:
    """Per value of ``field`` (role, country, organisation_type): how many, mean score, pass and completion."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        if r.get(field):
            groups[r[field]].append(r)
    rows = []
    for value, rs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        label = ROLE_LABELS.get(value, value) if field == "role" else value
        rows.append({"value": value, "label": label, "participants": len(rs),
                     "mean": _mean([r["score"]["scaled"] for r in rs]),
                     "pass_rate": round(sum(counts_as_passed(r) for r in rs) / len(rs), 4),
                     "completion": round(sum(r["finished"] for r in rs) / len(rs), 4)})
    return rows


def participants(records: list[dict], extras: list[dict] | None = None) -> list[dict]:
    """One row per record counted, with (from ``extras``, parallel to ``records``) the evidence it is
    (signed file, unsigned file, ...), its attempt number and its learner's number of attempts."""
    extras = extras or [{} for _ in records]
    rows = []
    order = sorted(range(len(records)), key=lambda i: (records[i]["session"], records[i]["trainee"],
                                                       records[i]["started_at"]))
    for i in order:
        r, extra = records[i], extras[i]
        s = r["score"]
        role = r.get("role") or ""
        rows.append({"evidence": extra.get("evidence", ""), "attempt": extra.get("attempt", 1),
                     "attempts": extra.get("attempts", 1), "chooser": r.get("chooser") or (
                         "room" if r["mode"] == "facilitated" else "trainee"),
                     "trainee": r["trainee"], "session": r["session"], "role": role,
                     "role_label": ROLE_LABELS.get(role, role),
                     "country": r.get("country") or "", "organisation_type": r.get("organisation_type") or "",
                     "mode": r["mode"], "started_at": r["started_at"], "ended_at": r["ended_at"],
                     "decisions": s["decisions"], "scaled": s["scaled"], "passed": counts_as_passed(r),
                     "recommended_share": s["recommended_share"], "finished": r["finished"],
                     "outcome": r.get("outcome") or ""})
    return rows


def facilitator_changes(records: list[dict], story: Story | None) -> list[dict]:
    """Where the facilitator did not play the room's choice as it stood (issues 18 and 15): an
    overrule (another option played, and the reason given) or a choice played and then undone (and
    what was played instead, if anything). In the order of the playthroughs and their decisions;
    texts from the story when we have it, else the ids."""
    def prompt(node: str) -> str:
        return ((story.nodes.get(node) or {}).get("prompt") if story is not None else None) or node

    def option(node: str, cid: str | None) -> str:
        if cid is None:
            return ""
        choices = (story.nodes.get(node) or {}).get("choices", ()) if story is not None else ()
        return next((c.get("text") or cid for c in choices if c["id"] == cid), cid)

    out: list[dict] = []
    for r in records:
        played = {d["index"]: d for d in r["decisions"]}
        changes = [(d["index"], 1, d) for d in r["decisions"] if d.get("overrule")]
        changes += [(u["index"], 0, u) for u in r.get("undone", ())]
        for index, overruled, d in sorted(changes, key=lambda c: (c[0], c[1])):
            row = {"session": r["session"], "index": index, "node": d["node"], "prompt": prompt(d["node"])}
            if overruled:
                row.update(kind="overruled", room=option(d["node"], d["overrule"]["room_choice"]),
                           played=option(d["node"], d["chosen"]), reason=d["overrule"]["reason"])
            else:
                then = played.get(index)
                row.update(kind="undone", room=option(d["node"], d["chosen"]),
                           played=option(d["node"], then["chosen"]) if then else "", reason="")
            out.append(row)
    return out


def summarise(records: list[dict], story: Story | None, extras: list[dict] | None = None,
              learners: int | None = None, played: int | None = None) -> dict:
    """Every figure of the report, over ``records`` (the attempts the rule counts).

    ``learners``: distinct participants (a learner's attempts counted once; default one per record);
    ``played``: playthroughs before the attempt rule; ``extras``: per record, its evidence and attempt
    numbers (see ``participants``). Rates and means are over ``records``: one per participant under
    the first/best/last rules, every attempt under "all".
    """
    o = overview(records)
    o["counted"] = len(records)
    o["participants"] = len(records) if learners is None else learners
    o["played"] = len(records) if played is None else played
    met = decisions(records, story)
    return {
        "overview": o,
        "disagreed": disagreed(met),
        "changes": facilitator_changes(records, story),
        "outcomes": outcomes(records),
        "rights": rights(records, story),
        "decisions": met,
        "by_role": breakdown(records, "role"),
        "by_country": breakdown(records, "country"),
        "by_organisation": breakdown(records, "organisation_type"),
        "participants": participants(records, extras),
    }
