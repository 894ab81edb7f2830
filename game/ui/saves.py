"""Autosaves: one per scenario, through the platform's storage.

A save that cannot be restored is never overwritten or deleted: it is moved aside (the platform
says where) and the player is told, then may start fresh.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from game.engine import Run, SaveError, safeio
from game.engine.l10n import SOURCE_LANGUAGE, story_language
from game.platform import StorageError


def _slot(story) -> str:
    """One save per scenario and language: a translated story has its own content hash, so its
    save must never meet the English one (it would be refused as another version)."""
    if isinstance(story, str):
        return story
    lang = story_language(story)
    return story.id if lang == SOURCE_LANGUAGE else f"{story.id}.{lang.lower()}"


def save_key(story, prefix: str = "") -> str:
    return f"{prefix}run-{_slot(story)}"


def meta_key(story, prefix: str = "") -> str:
    return f"{prefix}meta-{_slot(story)}"


@dataclass
class SaveInfo:
    story: object
    run: Run | None = None
    problem: str = ""  # why it could not be resumed
    moved_to: str | None = None
    meta: dict | None = None
    storage_failed: bool = False  # the storage itself could not be read (private window, blocked)

    @property
    def decisions(self) -> int:
        return len(self.run.history) if self.run else 0


def read_save(platform, story, prefix: str = "", ready=None) -> SaveInfo | None:
    """The saved playthrough of ``story``, or None if there is none. A save that does not load is
    set aside and reported in ``problem``. ``ready(story)``, when given, is asked before the save is
    restored (it reads a bundled story's file, game.engine.bundle): False (the story cannot be
    opened) gives None and leaves the save where it is."""
    try:
        text = platform.load(save_key(story, prefix))
    except StorageError as exc:
        return SaveInfo(story, problem=str(exc), storage_failed=True)
    if text is None:
        return None
    if ready is not None and not ready(story):
        return None
    try:
        run = Run.from_json(story, text)
    except SaveError as exc:
        try:
            moved = platform.set_aside(save_key(story, prefix))
        except StorageError as err:
            return SaveInfo(story, problem=f"{exc}; it could not be moved aside either ({err})")
        try:  # its meta file goes with it: a fresh start would overwrite it
            platform.set_aside(meta_key(story, prefix))
        except StorageError:
            pass
        return SaveInfo(story, problem=str(exc), moved_to=moved)
    meta = None
    try:
        meta = safeio.loads(platform.load(meta_key(story, prefix)) or "null")
    except StorageError:
        meta = None
    except ValueError:  # damaged (or nested without end): the run resumes without it, the file is kept
        meta = None
        try:
            platform.set_aside(meta_key(story, prefix))
        except StorageError:
            pass
    return SaveInfo(story, run=run, meta=meta if isinstance(meta, dict) else None)


def write_save(platform, run, meta: dict, prefix: str = "") -> None:
    """Raises StorageError; the caller tells the player."""
    platform.save(meta_key(run.story, prefix), json.dumps(meta, sort_keys=True))
    platform.save(save_key(run.story, prefix), run.to_json())


def drop_save(platform, story, prefix: str = "") -> None:
    for key in (save_key(story, prefix), meta_key(story, prefix)):
        try:
            platform.delete(key)
        except StorageError:
            pass
