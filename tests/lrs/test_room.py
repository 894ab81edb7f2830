"""The live room's facilitator side (game.room.RoomHost) against a real Ralph, through the desktop
platform's non-blocking HTTP, driven as the frame loop drives it; phones' votes are posted to the same
store as build/vote.html posts them (docs/CONTRACTS.md §15)."""

from __future__ import annotations

import asyncio

import requests

from game.delivery import LrsTarget
from game.platform.desktop import DesktopPlatform
from game.room import CLOSED, OPEN, REVEALED, RoomHost, parse_state, registration, vote_statement
from game.room.protocol import VERB_PRESENTED  # noqa: F401

OPTIONS = [("calm", "Talk to her calmly"), ("wait", "Wait for the social worker"), ("ask", "Ask the mother")]


def drive(host, until, iterations=20_000, dt=1 / 60):
    async def loop():
        now = 0.0
        for _ in range(iterations):
            host.tick(now)
            if until(host):
                return now
            await asyncio.sleep(0.001)
            now += dt
        raise AssertionError(f"not done: state {host.state} problem {host.problem!r} tally {host.tally}")

    return asyncio.run(loop())


def phone_vote(lrs, code, round_id, option, voter, name=""):
    answer = requests.post(lrs.url + "statements", json=vote_statement(code, round_id, option, voter, name),
                           auth=(lrs.user, lrs.password), headers={"X-Experience-API-Version": "1.0.3"}, timeout=30)
    assert answer.status_code == 200, answer.text


def room_statements(lrs, code):
    answer = requests.get(lrs.url + "statements", params={"registration": registration(code)},
                          auth=(lrs.user, lrs.password), headers={"X-Experience-API-Version": "1.0.3"}, timeout=30)
    return answer.json()["statements"]


def test_votes_are_counted_once_each_hidden_until_reveal_and_late_votes_ignored(lrs, tmp_path):
    code = "ROOMA1"
    host = RoomHost(DesktopPlatform(tmp_path / "d"), LrsTarget.basic(lrs.url, lrs.user, lrs.password), code)
    round_id = host.publish("d1", "What do you do first?", OPTIONS)
    drive(host, lambda h: h.polls >= 1)
    states = [parse_state(s, code) for s in room_statements(lrs, code)]
    assert [(s.round, s.state, [o for o, _ in s.options]) for s in states if s] == [(round_id, OPEN, ["calm", "wait", "ask"])]

    phone_vote(lrs, code, round_id, "wait", "phone-aaaa1")
    phone_vote(lrs, code, round_id, "calm", "phone-bbbb2", "Ana")
    phone_vote(lrs, code, round_id, "ask", "phone-cccc3")
    phone_vote(lrs, code, round_id, "calm", "phone-aaaa1")  # a changed vote supersedes
    phone_vote(lrs, code, "otherround-1", "ask", "phone-dddd4")  # another round: not this one's
    polls = host.polls
    drive(host, lambda h: h.polls > polls + 1)
    assert host.tally.voters == 3 and host.tally.counts == {"calm": 2, "wait": 0, "ask": 1}
    assert host.tally.names == {"phone-bbbb2": "Ana"}

    host.close()
    drive(host, lambda h: h.settled)
    phone_vote(lrs, code, round_id, "wait", "phone-cccc3")  # after the close: ignored
    phone_vote(lrs, code, round_id, "wait", "phone-eeee5")
    polls = host.polls
    drive(host, lambda h: h.polls > polls)
    assert host.tally.counts == {"calm": 2, "wait": 0, "ask": 1} and host.tally.late == 2
    host.reveal()
    drive(host, lambda h: h.settled and h.polls > polls + 1)
    assert host.state == REVEALED and host.tally.voters == 3
    assert [s.state for s in map(lambda x: parse_state(x, code), room_statements(lrs, code)) if s] .count(CLOSED) == 1


def test_a_new_round_starts_empty_and_a_refused_credential_is_a_sentence(lrs, tmp_path):
    code = "ROOMB2"
    host = RoomHost(DesktopPlatform(tmp_path / "d"), LrsTarget.basic(lrs.url, lrs.user, lrs.password), code)
    first = host.publish("d1", "Prompt", OPTIONS)
    drive(host, lambda h: h.polls >= 1)
    phone_vote(lrs, code, first, "ask", "phone-ffff6")
    drive(host, lambda h: h.tally.voters == 1)
    host.publish("d2", "Next", OPTIONS[:2])
    drive(host, lambda h: h.polls >= 3)
    assert host.tally.voters == 0 and host.tally.counts == {"calm": 0, "wait": 0}

    bad = RoomHost(DesktopPlatform(tmp_path / "e"), LrsTarget.basic(lrs.url, lrs.user, "wrong"), "ROOMB3")
    bad.publish("d1", "Prompt", OPTIONS)
    drive(bad, lambda h: bool(h.problem))
    assert "credential" in bad.problem and "401" in bad.problem


def test_joined_phones_make_the_rooms_size_and_the_debrief_reaches_the_store(lrs, tmp_path):
    from game.room import joined_statement, parse_debrief, room_debrief

    code = "ROOMJ5"
    host = RoomHost(DesktopPlatform(tmp_path / "d"), LrsTarget.basic(lrs.url, lrs.user, lrs.password), code)
    drive(host, lambda h: h.present == {} and h._next_join > 0)  # polls who joined before any round
    for voter, name in (("phone-aaaa1", "Ana"), ("phone-bbbb2", ""), ("phone-aaaa1", "Ana")):
        statement = joined_statement(code, voter, name)
        answer = requests.put(lrs.url + "statements", params={"statementId": statement["id"]}, json=statement,
                              auth=(lrs.user, lrs.password), headers={"X-Experience-API-Version": "1.0.3"}, timeout=30)
        assert answer.status_code in (204, 409), answer.text  # joining again stores nothing new
    round_id = host.publish("d1", "What do you do first?", OPTIONS)
    phone_vote(lrs, code, round_id, "ask", "phone-cccc3")  # a phone whose "joined" was lost still counts
    drive(host, lambda h: len(h.present) == 2 and h.tally.voters == 1, iterations=40_000)
    assert host.present == {"phone-aaaa1": "Ana", "phone-bbbb2": ""} and host.joined == 3
    summary = room_debrief([{"decision": "d1", "prompt": "What do you do first?", "options": OPTIONS,
                             "votes": host.tally.counts, "recommended": ["calm"], "played": "ask", "assess": {}}])
    host.reveal()
    host.publish_debrief(summary)
    drive(host, lambda h: not h._outgoing)
    docs = [parse_debrief(s, code) for s in room_statements(lrs, code)]
    assert [d["rounds"] for d in docs if d] == [summary["rounds"]]
