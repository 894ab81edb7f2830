"""The stories a record can be replayed on: those the user names (``--story FILE_OR_DIR``) and the
bundled ones (compiled from ``scenarios/<id>.yaml`` and translated from the ``.po`` files beside it).

Used by ``verify``, ``report`` and ``lrs push`` (through ``game.exports.replay``). Bundled stories
are compiled only when a record names their scenario id, and translated only into the languages
records use.
"""

from __future__ import annotations

from pathlib import Path

from game.errors import UserError
from game.paths import SCENARIOS_DIR
from game.exports.replay import Shelf

STORY_SUFFIXES = (".json", ".yaml", ".yml")
BUNDLED_DIR = SCENARIOS_DIR  # the same folder `play` offers


def load_story(path: Path):
    """A Story from a compiled .json (its content hash checked) or a .yaml scenario; UserError otherwise."""
    from game.authoring.compiler import CompileFailed, load_story as load

    if path.suffix.lower() not in STORY_SUFFIXES:
        raise UserError(f"--story {path}: expected a scenario .yaml or a compiled story .json", 2)
    try:
        return load(path)
    except CompileFailed:
        raise
    except UserError as exc:  # a --story that cannot be read is a content problem here (exit 1)
        raise UserError(exc.message, 1) from None


def translations_of(path: Path, story, only: str | None = None, warn=None) -> list:
    """The translated Stories of a .yaml scenario from the .po files beside it (none for a .json).
    ``warn`` hears of each translation left out of a story (its English is used)."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return []
    from game.engine import Story
    from game.i18n.build import translations_beside

    return [Story(data, source=f"{path} ({lang})")
            for lang, data in translations_beside(path, story.data, only, warn=warn)]


def story_files(item: str | Path) -> list[Path]:
    path = Path(item)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in STORY_SUFFIXES)
    if not path.exists():
        raise UserError(f"--story {item}: no such file or folder", 2)
    return [path]


def _bundled(sc: dict, warn=None) -> list:
    sid = str(sc.get("id") or "")
    out = []
    for candidate in (BUNDLED_DIR / f"{sid}.yaml", BUNDLED_DIR / f"{sid}.json"):
        if not sid or "/" in sid or not candidate.is_file():
            continue
        try:
            english = load_story(candidate)
        except UserError:
            continue  # a bundled draft that does not compile supplies nothing
        out.append(english)
        lang = sc.get("language")
        if lang and lang != english.scenario.get("language", "en"):
            try:
                out.extend(translations_of(candidate, english, only=str(lang), warn=warn))
            except (UserError, OSError, ValueError, ImportError):
                pass
    return out


def shelf(stories: list[str] | str | None = None, *, bundled: bool = True, warn=None) -> Shelf:
    """A Shelf with the named story files (a folder gives its .json/.yaml files; a .yaml also gives its
    translations) and, when ``bundled``, the bundled scenarios on demand. Bad named files are errors.
    ``warn`` hears of each translation left out of a story (its English is used)."""
    items = [stories] if isinstance(stories, (str, Path)) else list(stories or [])
    found = []
    for item in items:
        for path in story_files(item):
            story = load_story(path)
            found.append(story)
            try:
                found.extend(translations_of(path, story, warn=warn))
            except (UserError, OSError, ValueError, ImportError):
                pass
    return Shelf(found, loader=(lambda sc: _bundled(sc, warn)) if bundled else None)
