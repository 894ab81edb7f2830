"""The report's words in the facilitator's language.

The report shares the interface catalogue (``game/locale/<lang>.po`` compiled to
``assets/locale/<lang>.json``, docs/CONTRACTS.md §12): its strings are marked with ``_()`` in
game/report (templates included) and extracted by ``rightspath i18n extract --interface`` with the
game's own, so one translation covers the stage, role and outcome names the game and report share.
"""

from __future__ import annotations

from game import paths
from game.engine import l10n

LOCALE_DIR = paths.LOCALE_DIR


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined; it is translated where it is shown."""
    return message


UNFINISHED = N_("Did not reach an ending")


def translations(lang: str) -> l10n.Translations:
    """The catalogue for ``lang`` (English: none needed); a missing one has a ``problem``."""
    return l10n.load(lang, [LOCALE_DIR])


def localise(summary: dict, tr) -> dict:
    """The aggregate's vocabulary labels (stage, role, outcome: English from game.engine.vocab)
    translated in place with the gettext function ``tr`` (named so: these are not literals to extract)."""
    for row in summary.get("outcomes", []):
        row["label"] = tr(row["label"])
    for d in summary.get("decisions", []):
        d["stage_label"] = tr(d["stage_label"])
        d["role_label"] = tr(d["role_label"])
    for row in summary.get("by_role", []):
        row["label"] = tr(row["label"])
    for p in summary.get("participants", []):
        p["role_label"] = tr(p["role_label"])
    return summary
