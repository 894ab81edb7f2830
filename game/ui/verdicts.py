"""How a right's verdict is told on screen: the icon, the words and the tone, one place for the
feedback screen, the debrief and the screen-reader description.

Three verdicts (docs/CONTRACTS.md §2): ``upholds``, ``breaches`` and ``misses`` — a lawful choice not
to use a measure the provision makes available ("may", judicial discretion, "to the extent
possible"). A ``misses`` is never worded or coloured as a breach: its own icon (an empty box), its
own sentence, the neutral tone.
"""

from __future__ import annotations

from game.engine.scoring import RATING_LABELS
from game.engine.scoring import rating as rating_of
from game.ui.tr import N_, _

# verdict -> (icon, pattern, tone); the pattern takes {citation} and {title}
LOOK = {
    "upholds": ("upholds", N_("Upholds {citation} — {title}"), "good"),
    "breaches": ("breaches", N_("Breaches {citation} — {title}"), "bad"),
    # Translators: a lawful choice that did not use a measure the provision offers; not a breach.
    "misses": ("misses", N_("Does not use the measure {citation} makes available — {title}"), "neutral"),
}

# The per-right tallies of the debrief, in the order shown: (tally key, icon, words, tone)
TALLIES = (
    ("upheld", "upholds", N_("upheld"), "good"),
    ("breached", "breaches", N_("breached"), "bad"),
    # a "may" measure not used, or a fact an individual assessment left out (both "misses")
    ("not_used", "misses", N_("not used or left out"), "neutral"),
    ("missed", "missed", N_("missed (a better option was shown)"), "neutral"),
)


# A decision's rating (game.engine.scoring.rating: recommended / partial / not_recommended), one
# table for the feedback's heading, the debrief's list of decisions and the screen-reader text:
# rating -> (icon, the feedback's words, the debrief's shorter words, tone). Never colour alone.
RATING_TONES = {"recommended": "good", "partial": "neutral", "not_recommended": "bad"}
RATINGS = {name: (name, *RATING_LABELS[name], tone) for name, tone in RATING_TONES.items()}  # the engine's words


def rating(rec) -> tuple[str, str, str, str]:
    """(icon, words, short words, tone) for a decision record, translated."""
    icon, words, short, tone = RATINGS[rating_of(rec.earned, rec.best, rec.worst)]
    return icon, _(words), _(short), tone


def look(verdict: str) -> tuple[str, str, str]:
    """(icon, pattern, tone) of a verdict; an unknown one is told as a breach would be, never hidden."""
    return LOOK.get(verdict, LOOK["breaches"])


def line(v: dict, right: dict) -> tuple[str, str, str]:
    """(icon, text, tone) for one verdict of a decision: "Upholds Art. 3(2) Directive 2012/29/EU — …"."""
    icon, pattern, tone = look(v["verdict"])
    return icon, _(pattern).format(citation=right.get("citation", v["right"]), title=right.get("title", "")), tone


def source_line(right: dict, right_id: str) -> str:
    """"Source: Art. 24(1)(b) Directive 2012/29/EU (2012 text)": the citation with the text of the
    instrument its catalogue follows (the catalogue's ``edition``), or "" when the story has none."""
    if not right.get("edition"):
        return ""
    return _("Source: {citation} ({edition})").format(citation=right.get("citation", right_id),
                                                      edition=right["edition"])


def tone_color(theme, tone: str):
    return {"good": theme.good, "bad": theme.bad, "neutral": theme.neutral_mark}[tone]
