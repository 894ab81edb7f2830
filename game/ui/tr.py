"""Interface strings: marked in the code, looked up in the installed language when drawn.

Controls keep their English label (what tests, the autopilot and ``find`` match on) and translate it
each time they are drawn, so switching the language in the settings applies at once. ``N_`` marks a
string for extraction (Babel's default keywords) without translating it where it is defined.
"""

from __future__ import annotations

from game.engine import l10n
from game.engine.l10n import gettext as _  # noqa: F401  (re-exported for the screens)


def N_(message: str) -> str:
    return message


def install_language(language: str, asset_dirs) -> l10n.Translations:
    """Load ``assets/locale/<language>.json`` from the first asset folder that has it and make it
    current; English, or a missing or broken catalogue, leaves the English strings."""
    translations = l10n.load(language, [d / "locale" for d in asset_dirs])
    l10n.install(translations)
    return translations
