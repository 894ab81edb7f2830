"""Translations at run time, standard library only (shipped to the browser).

Interface strings: ``assets/locale/<lang>.json`` holds ``{english: translation}`` compiled from
``game/locale/<lang>.po`` by ``rightspath i18n compile``; ``gettext``/``_`` look a string up in the
installed language and fall back to the English string itself, so a missing or broken catalogue
never blanks the screen. Stories: each language is its own compiled story file
(``<id>.json`` English, ``<id>.<lang>.json`` translated, docs/CONTRACTS.md §12);
``stories_for_language`` picks one story per scenario for the player's language.
"""

from __future__ import annotations

from pathlib import Path

from game.engine import safeio

SOURCE_LANGUAGE = "en"
CONTEXT_SEPARATOR = "\x04"  # gettext's joiner of msgctxt and msgid, kept in the compiled JSON keys


class Translations:
    """One language's interface strings."""

    def __init__(self, language: str = SOURCE_LANGUAGE, messages: dict[str, str] | None = None,
                 problem: str | None = None):
        self.language = language
        self.messages = messages or {}
        self.problem = problem  # why the catalogue could not be used, when it could not

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def pgettext(self, context: str, message: str) -> str:
        return self.messages.get(f"{context}{CONTEXT_SEPARATOR}{message}") or message


def parse(text: str | bytes, language: str) -> Translations:
    """A catalogue from compiled JSON; bad content gives an empty catalogue and a ``problem``."""
    try:
        data = safeio.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        return Translations(language, {}, f"the '{language}' interface catalogue is not valid JSON ({exc})")
    if not isinstance(data, dict):
        return Translations(language, {}, f"the '{language}' interface catalogue is not a JSON object")
    messages = {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}
    return Translations(language, messages)


def load(language: str, folders: list[Path]) -> Translations:
    """The catalogue for ``language`` from the first folder that has ``<language>.json``."""
    if language == SOURCE_LANGUAGE:
        return Translations(SOURCE_LANGUAGE)
    for folder in folders:
        path = Path(folder) / f"{language}.json"
        try:
            raw = safeio.read_regular(path)  # a named pipe is skipped, never waited on
        except OSError:
            continue
        return parse(raw, language)
    return Translations(language, {}, f"no interface catalogue for '{language}'")


_current = Translations()


def install(translations: Translations) -> None:
    """Make ``translations`` the one ``gettext``/``_`` use from now on."""
    global _current
    _current = translations


def current() -> Translations:
    return _current


def gettext(message: str) -> str:
    return _current.gettext(message)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


_ = gettext


def story_file_name(scenario_id: str, language: str) -> str:
    """tutorial.json for English, tutorial.bg.json for a translation."""
    return f"{scenario_id}.json" if language == SOURCE_LANGUAGE else f"{scenario_id}.{language}.json"


def story_language(story) -> str:
    """The language a loaded story (engine Story or its JSON dict) is written in."""
    data = getattr(story, "scenario", None)
    if data is None and isinstance(story, dict):
        data = story.get("scenario", {})
    return (data or {}).get("language", SOURCE_LANGUAGE)


def available_languages(stories) -> list[str]:
    """Languages any story is available in, English first."""
    found = {story_language(s) for s in stories} | {SOURCE_LANGUAGE}
    return [SOURCE_LANGUAGE] + sorted(found - {SOURCE_LANGUAGE})


def stories_for_language(stories, language: str) -> list:
    """One story per scenario id, in the order first seen: the one in ``language`` when there is
    one, else the English one (else whichever came first)."""
    chosen: dict[str, object] = {}
    for story in stories:
        sid = story.id if hasattr(story, "id") else story["scenario"]["id"]
        lang = story_language(story)
        have = chosen.get(sid)
        if have is None:
            chosen[sid] = story
        elif lang == language and story_language(have) != language:
            chosen[sid] = story
        elif lang == SOURCE_LANGUAGE and story_language(have) not in (language, SOURCE_LANGUAGE):
            chosen[sid] = story
    return list(chosen.values())
