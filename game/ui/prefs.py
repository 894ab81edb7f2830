"""The player's settings and profile, kept in platform storage under the key ``prefs``.

Command-line options and URL parameters (a facilitator's link) take precedence over what was saved.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from game.engine import safeio
from game.engine.l10n import SOURCE_LANGUAGE, available_languages
from game.engine.vocab import MODES
from game.platform import StorageError

TEXT_SIZES = (1, 2, 3)


# Which wins when both say something: a link's parameters, then the options of this run
# (game.ui.app.AppOptions, from the command line), then the saved settings (Prefs.load).
@dataclass
class Prefs:
    trainee: str = ""
    session: str = ""
    role: str = ""
    language: str = "en"
    mode: str = "learning"
    text_size: int = 1
    high_contrast: bool = False
    reduce_motion: bool = False
    # Safe answers (issue 15, WCAG 3.3.4 and 2.1.4): in assessment mode a graded answer is chosen,
    # then confirmed; the single-key shortcuts (1-9, Q, +, -) can be switched off.
    confirm_answers: bool = True
    shortcuts: bool = True
    read_aloud: bool = False  # the browser reads each new screen aloud (V toggles it; issue 15)

    @classmethod
    def load(cls, platform, opts) -> "Prefs":
        prefs = cls()
        prefs.headless = bool(opts.headless)
        try:
            # A headless run depends only on its options, never on a player's saved settings.
            saved = {} if opts.headless else safeio.loads(platform.load("prefs") or "{}")
        except (ValueError, StorageError):
            saved = {}  # unreadable settings are not worth stopping for; defaults are safe
        if isinstance(saved, dict):
            for key, value in saved.items():
                if hasattr(prefs, key) and isinstance(value, type(getattr(prefs, key))):
                    setattr(prefs, key, value)
        # Options given for this run win over saved settings.
        defaults = type(opts)()
        for key in ("trainee", "session", "language", "mode", "text_size", "high_contrast", "reduce_motion"):
            value = getattr(opts, key, None)
            if value is not None and value != getattr(defaults, key, None):
                setattr(prefs, key, value)
        if opts.headless:
            prefs.mode = opts.mode
        params = platform.url_params() or {}
        prefs.apply_params(params)
        prefs.clean()
        return prefs

    def apply_params(self, params: dict[str, str]) -> None:
        """A facilitator's link: ?trainee=..&session=..&mode=..&lang=..&size=..&contrast=high"""
        for key in ("trainee", "session", "role"):
            if params.get(key):
                setattr(self, key, params[key][:40])
        if params.get("mode") in MODES:
            self.mode = params["mode"]
        if params.get("lang"):
            self.language = params["lang"][:12]
        if params.get("size", "").isdigit():
            self.text_size = int(params["size"])
        if params.get("contrast") in ("high", "1", "true"):
            self.high_contrast = True
        elif params.get("contrast") in ("standard", "normal"):
            self.high_contrast = False
        if params.get("motion") in ("reduce", "reduced", "off"):
            self.reduce_motion = True
        elif params.get("motion") == "full":
            self.reduce_motion = False

    def clean(self) -> None:
        if self.mode not in MODES:
            self.mode = "learning"
        if self.text_size not in TEXT_SIZES:
            self.text_size = 1

    def save(self, platform) -> None:
        if getattr(self, "headless", False):
            return
        try:
            platform.save("prefs", json.dumps(asdict(self), sort_keys=True))
        except StorageError:
            pass  # settings are a convenience; failing to keep them must not interrupt play


def usable_language(language: str, stories, asset_dirs) -> str:
    """``language`` when some story or an interface catalogue exists in it, else English.

    A link or option naming a language we do not have (``?lang=fr``) must not leave the game
    recording "fr" while everything on screen, and in the exports, is English."""
    if language in available_languages(stories):
        return language
    if any((d / "locale" / f"{language}.json").is_file() for d in asset_dirs):
        return language
    return SOURCE_LANGUAGE
