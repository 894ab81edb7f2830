"""The phones' page's words (build/vote.html, issue 18), in the interface catalogue.

They are marked here so ``rightspath i18n extract --interface`` puts them in game/locale/rightspath.pot
with the game's own strings; ``build-web`` writes every language's translation into the page (a
key missing in a language falls back to English). Placeholders in braces are filled by the page.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Marks a string for extraction; the page translates it."""
    return message


STRINGS = {
    "title": N_("RightsPath: vote"),
    "code": N_("Room code"),
    "name": N_("Display name (optional)"),
    "join": N_("Join"),
    "privacy": N_("Leave the name empty to vote anonymously. A name you give is stored with your votes in the "
                  "training's record store, and the facilitator can see it."),
    # Translators: the phone page's line above the question; {c} is the room code.
    "room": N_("Room {c}"),
    # Translators: follows "Room {c}" on the phone page; {n} is the participant's display name.
    "as": N_(" as {n}"),
    "anon": N_(" (anonymous)"),
    "wait": N_("Waiting for the facilitator to open a vote…"),
    "nocode": N_("Enter the room code from the screen."),
    "bad": N_("{c} is not a room code: 4 to 12 letters or digits."),
    "unknown": N_("No room with the code {c} has started yet. Check the code on the screen."),
    "open": N_("Choose one option. You can change your vote until voting closes."),
    "got": N_("Vote received: {o}."),
    "sending": N_("Sending your vote…"),
    "kept": N_("No connection: your vote is kept and will be sent when the connection is back."),
    "closed": N_("Voting is closed."),
    # Translators: {h} is a time of day, e.g. 14:05:30.
    "until": N_("voting closes at {h}"),
    "revealed": N_("Voting is closed. The result is on the screen."),
    "refused": N_("The record store refused the room's credential. Tell the facilitator."),
    "problem": N_("The record store is not answering; trying again…"),
    "broken": N_("The room's data could not be read; waiting for the next update."),
    "ended": N_("The session has ended. Thank you for voting."),
    "debrief": N_("The room's debrief"),
    "splits": N_("Where the room was most divided"),
    "each": N_("Every decision"),
    "upheld": N_("Rights the room's votes upheld most"),
    "missed": N_("Rights the room's votes breached or left unused most"),
    # Translators: the phone's debrief, per decision; {p} is a percentage such as 45%.
    "agree": N_("{p} voted for the recommended option"),
    # Translators: the phone's debrief; {n} is a number of votes.
    "votes": N_("{n} votes"),
    "rec": N_("recommended"),
    "played": N_("played"),
}
