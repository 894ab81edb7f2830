"""The room protocol's statements read back from a store we do not control: malformed ones are
skipped and counted, never raised on; the cut-off and the one-vote-per-phone rule (CONTRACTS §15)."""

from __future__ import annotations

import copy
import json

import pytest

from game.room import normalize_code, parse_state, state_statement, tally, vote_statement
from game.room.protocol import EXT_ROOM, latest_state

OPTIONS = [("a", "Alpha"), ("b", "Beta")]


def stored(statement, when):
    statement = copy.deepcopy(statement)
    statement["stored"] = f"2026-12-04T10:00:{when:02d}.000000+00:00"
    return statement


def test_codes():
    assert normalize_code(" meet-42 ") == "MEET42"
    for bad in ("", "abc", "x!", "A" * 13, None, 42, "МЕЕТ42"):
        assert normalize_code(bad) is None


def test_a_state_round_trips_and_malformed_ones_are_none():
    good = state_statement("ROOM1", "h-1", 3, "d1", "Prompt", OPTIONS, "open", lang="bg")
    state = parse_state(json.loads(json.dumps(good)), "ROOM1")
    assert (state.round, state.seq, state.options, state.state, state.lang) == ("h-1", 3, tuple(OPTIONS), "open", "bg")
    assert parse_state(good, "OTHER1") is None
    breakers = [
        lambda s: s["context"]["extensions"][EXT_ROOM].update(options="x"),
        lambda s: s["context"]["extensions"][EXT_ROOM].update(options=[]),
        lambda s: s["context"]["extensions"][EXT_ROOM].update(options=[{"id": "a", "text": 1}]),
        lambda s: s["context"]["extensions"][EXT_ROOM].update(options=[{"id": "a", "text": "x"}] * 2),
        lambda s: s["context"]["extensions"][EXT_ROOM].update(state="maybe"),
        lambda s: s["context"]["extensions"][EXT_ROOM].update(seq=True),
        lambda s: s["context"]["extensions"][EXT_ROOM].update(round="../x"),
        lambda s: s["context"]["extensions"][EXT_ROOM].update(prompt=None),
        lambda s: s["context"]["extensions"].clear(),
        lambda s: s["actor"]["account"].update(name="phone-123456"),  # not the facilitator
        lambda s: s["object"].update(id="https://example.org/other"),
        lambda s: s.update(verb="presented"),
        lambda s: s.clear(),
    ]
    for breaker in breakers:
        bad = copy.deepcopy(good)
        breaker(bad)
        assert parse_state(bad, "ROOM1") is None
    for junk in (None, [], "text", 3, {"verb": {"id": None}}):
        assert parse_state(junk) is None


def test_the_latest_state_wins_by_time_then_seq():
    first = state_statement("ROOM1", "h-1", 1, "d1", "P", OPTIONS, "open", timestamp="2026-12-04T10:00:00Z")
    later = state_statement("ROOM1", "h-1", 2, "d1", "P", OPTIONS, "closed", timestamp="2026-12-04T10:00:00Z")
    assert latest_state([later, "junk", first, {}], "ROOM1").state == "closed"
    assert latest_state(["junk"], "ROOM1") is None


def test_last_vote_per_phone_before_the_close_counts_and_junk_is_counted_not_raised():
    votes = [
        stored(vote_statement("ROOM1", "h-1", "a", "phone-000001"), 1),
        stored(vote_statement("ROOM1", "h-1", "b", "phone-000002", "Ana"), 2),
        stored(vote_statement("ROOM1", "h-1", "b", "phone-000001"), 3),  # changed: counts once, for b
        stored(vote_statement("ROOM1", "h-1", "z", "phone-000003"), 4),  # not an option shown
        stored(vote_statement("ROOM1", "h-2", "a", "phone-000004"), 5),  # another round
        stored(vote_statement("ROOM1", "h-1", "a", "facilitator"), 6),  # the facilitator's account
        stored(vote_statement("ROOM1", "h-1", "a", "x"), 7),  # not an account name a phone makes
        stored(vote_statement("ROOM1", "h-1", "a", "phone-000002"), 20),  # after the close: late
        "junk", None, {"verb": "voted"}, {"stored": 5},
    ]
    result = tally(list(reversed(votes)), "ROOM1", "h-1", ["a", "b"], closed_at="2026-12-04T10:00:10.000000+00:00")
    assert result.counts == {"a": 0, "b": 2} and result.voters == 2
    assert result.late == 1 and result.ignored == 8
    assert result.names == {"phone-000002": "Ana"}
    open_round = tally(votes, "ROOM1", "h-1", ["a", "b"])
    assert open_round.counts == {"a": 1, "b": 1} and open_round.late == 0
    assert tally("not a list", "ROOM1", "h-1", ["a"]).counts == {"a": 0}


@pytest.mark.parametrize("state", ["open", "closed", "revealed"])
def test_state_ids_are_derived(state):
    one = state_statement("ROOM1", "h-1", 1, "d1", "P", OPTIONS, state)
    two = state_statement("ROOM1", "h-1", 1, "d1", "P", OPTIONS, state)
    assert one["id"] == two["id"]  # a retried PUT stores nothing twice


def test_joined_phones_are_counted_once_and_junk_is_skipped():
    from game.room import joined_statement, present

    one = joined_statement("ROOM1", "p-0011223344556677", "Ana")
    again = joined_statement("ROOM1", "p-0011223344556677", "Ana")
    assert one["id"] == again["id"]  # joining again stores nothing new
    anon = joined_statement("ROOM1", "p-8899aabbccddeeff")
    other_room = joined_statement("ROOM2", "p-1111111111111111")
    bad = copy.deepcopy(anon)
    bad["actor"]["account"]["name"] = "facilitator"
    assert present([one, again, anon, other_room, bad, "junk", {"verb": 3}], "ROOM1") == {
        "p-0011223344556677": "Ana", "p-8899aabbccddeeff": ""}


ROUNDS = [
    {"decision": "d1", "prompt": "First?", "options": [("a", "Alpha"), ("b", "Beta")], "votes": {"a": 9, "b": 1},
     "recommended": ["a"], "played": "a", "assess": {"a": [("x:1", "upholds")], "b": [("x:1", "breaches")]}},
    {"decision": "d2", "prompt": "Second?", "options": [("c", "Gamma"), ("d", "Delta"), ("e", "Eps")],
     "votes": {"c": 4, "d": 4, "e": 2}, "recommended": ["d"], "played": "c",
     "assess": {"c": [("y:2", "misses")], "d": [("y:2", "upholds"), ("x:1", "upholds")], "e": []}},
    {"decision": "d3", "prompt": "Third?", "options": [("f", "F")], "votes": {}, "recommended": ["f"], "played": "f"},
]


def test_the_rooms_debrief_gives_agreement_the_widest_splits_and_the_rights():
    from game.room import room_debrief

    out = room_debrief(ROUNDS, {"x:1": "Art. 1", "y:2": "Art. 2"})
    first, second, third = out["rounds"]
    assert first["agreement"] == 0.9 and first["split"] == 0.1 and first["votes"] == 10
    assert [o["share"] for o in second["options"]] == [0.4, 0.4, 0.2] and second["agreement"] == 0.4
    assert second["split"] == 0.6 and [o["played"] for o in second["options"]] == [True, False, False]
    assert third["agreement"] is None and third["split"] == 0.0
    assert out["splits"] == [1, 0]  # the widest first; a round without votes has no split
    assert out["upheld"] == [{"right": "x:1", "label": "Art. 1", "votes": 13}, {"right": "y:2", "label": "Art. 2", "votes": 4}]
    assert out["missed"] == [{"right": "y:2", "label": "Art. 2", "votes": 4}, {"right": "x:1", "label": "Art. 1", "votes": 1}]
    assert "p-" not in json.dumps(out)  # counts only


def test_the_debrief_statement_round_trips_and_is_not_a_round():
    from game.room import debrief_statement, parse_debrief, room_debrief

    summary = room_debrief(ROUNDS)
    statement = json.loads(json.dumps(debrief_statement("ROOM1", 7, summary, lang="bg")))
    doc = parse_debrief(statement, "ROOM1")
    assert doc["rounds"] == summary["rounds"] and doc["lang"] == "bg" and doc["seq"] == 7
    assert parse_debrief(statement, "ROOM2") is None
    assert parse_state(statement, "ROOM1") is None
    state = state_statement("ROOM1", "h-1", 3, "d1", "Prompt", OPTIONS, "open")
    assert latest_state([state, statement], "ROOM1").seq == 3
    assert parse_debrief(state, "ROOM1") is None
    for path, value in ((("rounds",), "x"), (("rounds", 0, "prompt"), 5), (("rounds", 0, "options", 0, "votes"), "9"),
                        (("splits",), None), (("kind",), "round")):
        bad = copy.deepcopy(statement)
        doc = bad["context"]["extensions"][EXT_ROOM]
        for key in path[:-1]:
            doc = doc[key]
        doc[path[-1]] = value
        assert parse_debrief(bad, "ROOM1") is None, path
