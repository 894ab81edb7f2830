"""The debrief's export: the playthrough record in every format, through the platform's download.

The same call serves the desktop (files land in the results folder; the debrief names the folder)
and the browser (each file is offered as a download). ``rightspath play --headless --export`` goes
through ``game.exports`` with the same run, story and start time, so both write the same files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from game.exports import FORMATS, RecordError, build_record, folder_writer, write_exports
from game.exports.signing import trainee_key
from game.platform import StorageError

DEFAULT_FORMATS = ",".join(FORMATS)


@dataclass
class ExportResult:
    ok: bool
    written: list[str]  # what the platform returned for each file (paths on desktop)
    where: str = ""  # the folder (desktop) or the platform's message (browser)
    problem: str = ""


TRAINEE_KEY_ENV = "RIGHTSPATH_TRAINEE_KEY"
SESSION_KEY_ENV = "RIGHTSPATH_SESSION_KEY"


def signing_key(playthrough) -> str | None:
    """The trainee key this device signs with — never the session code, which is public.

    In the browser it comes from the trainee's link (``#k=...``, see game.exports.signing); on the
    desktop from ``$RIGHTSPATH_TRAINEE_KEY``, or it is derived from ``$RIGHTSPATH_SESSION_KEY`` (the
    facilitator's own machine) for the session and trainee code set. No key, no signature.
    """
    getter = getattr(playthrough.app.platform, "trainee_key", None)
    key = getter() if callable(getter) else None
    if not key and playthrough.app.platform.name == "desktop":
        key = (os.environ.get(TRAINEE_KEY_ENV) or "").strip() or None
        secret = os.environ.get(SESSION_KEY_ENV) or ""
        if not key and secret.strip():
            p = playthrough.app.prefs
            key = trainee_key(secret, p.session or "", p.trainee or "")
    return key or None


def lms_of(platform) -> dict | None:
    """What the learning platform that launched the game says about the launch, or None."""
    getter = getattr(platform, "lms", None)
    try:
        info = getter() if callable(getter) else None
    except Exception:
        return None
    return info if isinstance(info, dict) else None


def lms_learner(platform) -> dict | None:
    """The record's ``lms_learner`` (docs/CONTRACTS.md §11) when an LMS launched the game: the cmi5
    actor's account, or the SCORM learner id with the LMS page's origin as home page."""
    info = lms_of(platform)
    if not info or info.get("error"):
        return None
    if info.get("kind") == "cmi5":
        account = (info.get("actor") or {}).get("account") if isinstance(info.get("actor"), dict) else None
        if isinstance(account, dict) and account.get("homePage") and account.get("name"):
            return {"home_page": str(account["homePage"]), "name": str(account["name"])}
        return None
    learner = info.get("learner") if isinstance(info.get("learner"), dict) else {}
    if learner.get("id") and learner.get("homePage"):
        return {"home_page": str(learner["homePage"]), "name": str(learner["id"])}
    return None


def record_for(playthrough, ended_at: str | None = None) -> dict:
    """The playthrough's record; a finished playthrough ends when it reached its ending (not when the
    export button was pressed), so every export of it, and its live statements, are the same. Its
    score is the one the playthrough kept when the run ended."""
    meta = dict(playthrough.meta())
    learner = lms_learner(playthrough.app.platform)  # launched by an LMS: its learner (CONTRACTS §11, §14)
    if learner:
        meta["lms_learner"] = learner
    ended_at = ended_at or getattr(playthrough, "ended_at", None)
    if ended_at:
        meta["ended_at"] = ended_at
    overrules = getattr(playthrough, "overrules", None)
    if overrules:  # the facilitator overruled the room (issue 18): the record keeps both and why
        meta["overrules"] = dict(overrules)
    return build_record(playthrough.run, playthrough.story, meta, card=getattr(playthrough, "card", None))


def _writer(platform):
    """On desktop the results folder, written as ``play --export`` writes (never replacing a file,
    one stem for the record's files); elsewhere the platform's download."""
    folder = getattr(platform, "results_dir", None)
    return folder_writer(folder) if platform.name == "desktop" and folder is not None else platform.download


def export_playthrough(playthrough, formats: str = DEFAULT_FORMATS) -> ExportResult:
    """Write the playthrough's record; never raises for storage trouble, it reports it instead."""
    platform = playthrough.app.platform
    try:
        record = record_for(playthrough)
        written = write_exports(record, formats, _writer(platform), trainee_key=signing_key(playthrough))
    except (StorageError, RecordError, OSError) as exc:
        return ExportResult(False, [], problem=str(exc) or type(exc).__name__)
    if platform.name == "desktop" and written:
        where = os.path.dirname(written[0])
    else:
        where = written[-1] if written else ""
    return ExportResult(True, written, where)
