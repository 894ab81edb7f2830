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
