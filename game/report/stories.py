"""The stories a record can be replayed on: those the user names (``--story FILE_OR_DIR``) and the
bundled ones (compiled from ``scenarios/<id>.yaml`` and translated from the ``.po`` files beside it).

Used by ``verify``, ``report`` and ``lrs push`` (through ``game.exports.replay``). Bundled stories
are compiled only when a record names their scenario id, and translated only into the languages
records use.
"""

from __future__ import annotations

from pathlib import Path

from game.errors import UserError
from game.exports.replay import Shelf

STORY_SUFFIXES = (".json", ".yaml", ".yml")
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "scenarios"  # the same folder play_command bundles


def load_story(path: Path):
    """A Story from a compiled .json (its content hash checked) or a .yaml scenario; UserError otherwise."""
    from game.engine import Story, StoryError

    if path.suffix.lower() == ".json":
        try:
            return Story.from_file(path, verify_hash=True)
        except StoryError as exc:
            raise UserError(str(exc), 1) from None
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UserError(f"--story {path}: expected a scenario .yaml or a compiled story .json", 2)
    from game.authoring.compiler import compile_path
    from game.authoring.diagnostics import has_errors, render_text
    from game.authoring.yamlload import SourceError

    try:
        story_dict, diagnostics = compile_path(path)
    except SourceError as exc:
        raise UserError(str(exc), 1) from None
    if story_dict is None or has_errors(diagnostics):
        raise UserError(f"{path} has errors; fix them and try again:\n{render_text(diagnostics)}", 1)
    return Story(story_dict, source=str(path))


def translations_of(path: Path, story, only: str | None = None) -> list:
    """The translated Stories of a .yaml scenario from the .po files beside it (none for a .json)."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return []
    from game.engine import Story
    from game.i18n.build import translations_beside

    return [Story(data, source=f"{path} ({lang})") for lang, data in translations_beside(path, story.data, only)]


def story_files(item: str | Path) -> list[Path]:
    path = Path(item)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in STORY_SUFFIXES)
    if not path.exists():
        raise UserError(f"--story {item}: no such file or folder", 2)
    return [path]


def _bundled(sc: dict) -> list:
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
                out.extend(translations_of(candidate, english, only=str(lang)))
            except (UserError, OSError, ValueError, ImportError):
                pass
    return out


def shelf(stories: list[str] | str | None = None, *, bundled: bool = True) -> Shelf:
    """A Shelf with the named story files (a folder gives its .json/.yaml files; a .yaml also gives its
    translations) and, when ``bundled``, the bundled scenarios on demand. Bad named files are errors."""
    items = [stories] if isinstance(stories, (str, Path)) else list(stories or [])
    found = []
    for item in items:
        for path in story_files(item):
            story = load_story(path)
            found.append(story)
            try:
                found.extend(translations_of(path, story))
            except (UserError, OSError, ValueError, ImportError):
                pass
    return Shelf(found, loader=_bundled if bundled else None)
