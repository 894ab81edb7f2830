"""Words several screens show for the same setting, kept once: the setup and settings screens, the
title's notices and the screen-reader description (game.ui.a11y) all read them from here."""

from __future__ import annotations

from game.engine.l10n import available_languages
from game.ui.tr import N_

# Each language in its own name (not translated: a player looks for their language by its name).
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "bg": "Български", "el": "Ελληνικά",
                  "ro": "Română", "hr": "Hrvatski", "it": "Italiano", "es": "Español", "pl": "Polski"}

MODE_LABELS = {"learning": N_("Learning (feedback after each decision)"),
               "assessment": N_("Assessment (feedback at the end)"),
               "facilitated": N_("Facilitated (a group, one screen)")}
MODE_SHORT = {"learning": N_("Learning"), "assessment": N_("Assessment"), "facilitated": N_("Facilitated group")}
SIZE_LABELS = {1: N_("Standard"), 2: N_("Large"), 3: N_("Largest")}


def languages(app) -> list[str]:
    """The languages some scenario is available in (English first), and the one already chosen."""
    langs = available_languages(app.stories)
    if app.prefs.language not in langs:
        langs.append(app.prefs.language)
    return langs
