"""Forged records, as someone with a text editor (and, for the signed ones, the session key) makes them.

Each forgery starts from a real record of a real engine run over the bundled scenario and is
written exactly as the game writes a file (canonical JSON), so the bytes check alone cannot catch
it: only the replay of its decisions on its story can.
"""

from __future__ import annotations

import copy
from pathlib import Path

from game.exports import build_record, record_to_json, sign_record
from tests.exports import helpers

KEY = "forger-has-this-key"


def honest(i: int, *, session: str = "FORGE-1", trainee: str | None = None) -> dict:
    story = helpers.story()
    extra = {"trainee": trainee} if trainee else {}
    return build_record(helpers.played(i, story, seconds=True), story, helpers.meta(i, session=session, **extra))


def _weak(session: str, trainee: str) -> dict:
    """A real record that did not pass (the seed is searched, deterministically)."""
    for i in range(40):
        record = honest(100 + i, session=session, trainee=trainee)
        if not record["score"]["passed"] and len(record["decisions"]) >= 2:
            return record
    raise RuntimeError("no failing playthrough among 40 seeds")


def raised_score(session: str) -> dict:
    r = copy.deepcopy(_weak(session, "RAISED"))
    r["score"].update(scaled=0.93, passed=True, recommended=r["score"]["decisions"],
                      recommended_share=1.0)
    return r


def decision_removed(session: str) -> dict:
    r = copy.deepcopy(honest(7, session=session, trainee="REMOVED"))
    worst = min(range(len(r["decisions"])), key=lambda i: r["decisions"][i]["earned"])
    del r["decisions"][worst]
    for n, d in enumerate(r["decisions"], start=1):
        d["index"] = n
    return r


def impossible_choice(session: str) -> dict:
    r = copy.deepcopy(honest(8, session=session, trainee="NOCHOICE"))
    d = r["decisions"][0]
    d["chosen"] = "the-perfect-answer"
    for listed in ("shown", "order"):  # a careful forger keeps the record's lists consistent
        if isinstance(d.get(listed), list):
            d[listed].append("the-perfect-answer")
    d["best_choices"] = ["the-perfect-answer"]
    d["earned"] = d["best"]
    d["recommended"] = True
    return r


def other_version(session: str) -> dict:
    r = copy.deepcopy(honest(9, session=session, trainee="OLDVERSION"))
    r["scenario"]["version"] = "0.9.0"
    r["scenario"]["content_hash"] = "sha256:" + "ab" * 32
    return r


FORGERIES = {  # name -> (maker, words the reason must contain)
    "raised-score": (raised_score, "figures do not follow from its decisions"),
    "decision-removed": (decision_removed, "its choices are not possible"),
    "impossible-choice": (impossible_choice, "is not an option there"),
    "other-version": (other_version, "is not at hand"),
}


def write(folder: Path, name: str, record: dict, *, signed: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(record_to_json(sign_record(record, KEY) if signed else record), encoding="utf-8")
    return path


def honest_room(folder: Path, n: int = 3, *, session: str = "FORGE-1", signed: bool = True) -> list[dict]:
    records = [honest(i, session=session) for i in range(n)]
    for i, r in enumerate(records):
        write(folder, f"honest-{i}", r, signed=signed)
    return records
