"""A live room over a learning-record store (issue 18; docs/CONTRACTS.md §15): the facilitator's game
publishes the current decision as xAPI statements, phones vote with xAPI statements, both poll the
store. Standard library only; shipped to the browser; no threads, no blocking calls."""

from game.room.protocol import (
    CLOSED, OPEN, REVEALED, RoomState, Tally, debrief_statement, joined_registration, joined_statement, normalize_code,
    parse_debrief, parse_state, present, registration, room_debrief, round_activity, round_registration, state_statement,
    tally, vote_statement,
)
from game.room.host import RoomHost

__all__ = [
    "CLOSED", "OPEN", "REVEALED", "RoomHost", "RoomState", "Tally", "debrief_statement", "joined_registration",
    "joined_statement", "normalize_code", "parse_debrief", "parse_state", "present", "registration", "room_debrief",
    "round_activity", "round_registration", "state_statement", "tally", "vote_statement",
]
