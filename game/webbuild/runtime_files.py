"""``rightspath fetch-runtime``: copy pygbag's browser runtime for a venue without internet.

The page loads the runtime from the ``--cdn`` folder it was built with (``pythons.js``, the
CPython 3.12 WebAssembly build and its start-up files) and pygame-ce's wheel through the package
index in the folder above it (the template sets ``PYGPI`` to that folder for a self-hosted build).
This fetches exactly those files, keeping their paths, so that the folder can be put on a server
in the room and the game rebuilt with ``--cdn`` pointing at it (README, "Offline venue").
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from game.errors import UserError
from game.paths import writable_folder

# Below the versioned folder (the --cdn URL): the loader, the interpreter and what they load first.
RUNTIME_FILES = (
    "pythons.js",
    "cpythonrc.py",
    "cpython312/main.js",
    "cpython312/main.wasm",
    "cpython312/main.data",
    "empty.html",
    "empty.ogg",
)
ABI = "cp312"
API = "wasm32_bi_emscripten"  # pygbag's HOST_GNU_TYPE with '-' as '_', substituted for <api>
WHEEL_KEY = "pygame"  # pygbag installs pygame-ce under this name (its mapping pygame_ce -> pygame)


@dataclass
class FetchReport:
    folder: Path
    files: list[str] = field(default_factory=list)  # relative to folder, in fetch order
    total_bytes: int = 0


def split_cdn(cdn: str) -> tuple[str, str]:
    """``https://host/cdn/0.9.3/`` -> (``https://host/cdn/``, ``0.9.3``)."""
    if not cdn.startswith(("https://", "http://")) or not cdn.endswith("/"):
        raise UserError(f"--cdn {cdn!r}: give the runtime folder's full URL, ending with '/'", 2)
    base, _, version = cdn[:-1].rpartition("/")
    if not version or base.endswith(":/"):
        raise UserError(f"--cdn {cdn!r}: the URL must end with the runtime's version folder, e.g. 0.9.3/", 2)
    return base + "/", version


def _download(url: str, timeout: float) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise UserError(f"cannot fetch {url}: the server answered {exc.code}", 1) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise UserError(f"cannot fetch {url}: {reason}", 1) from None


def _save(folder: Path, rel: str, data: bytes, report: FetchReport) -> None:
    target = folder / rel
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, target)  # a file that is there is whole
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}", 1) from None
    report.files.append(rel)
    report.total_bytes += len(data)


def wheel_path(index_bytes: bytes, index_name: str) -> str:
    """The pygame-ce wheel's path below the index folder, as the index names it."""
    try:
        index = json.loads(index_bytes.decode("utf-8"))
        path = index[WHEEL_KEY]
    except (ValueError, UnicodeDecodeError):
        raise UserError(f"{index_name}: not a JSON package index", 1) from None
    except (KeyError, TypeError):
        raise UserError(f"{index_name}: names no {WHEEL_KEY!r} wheel", 1) from None
    path = str(path).replace("<abi>", ABI).replace("<api>", API).lstrip("/")
    if ".." in path.split("/") or "://" in path:
        raise UserError(f"{index_name}: unexpected wheel path {path!r}", 1)
    return path


def fetch_runtime(folder: Path, cdn: str, *, timeout: float = 120) -> FetchReport:
    """Fetch the runtime below ``folder``: ``<version>/...``, the index and the wheel beside it."""
    base, version = split_cdn(cdn)
    folder = Path(os.path.abspath(folder))
    writable_folder(folder, "--to")
    report = FetchReport(folder=folder)
    for rel in RUNTIME_FILES:
        _save(folder, f"{version}/{rel}", _download(f"{base}{version}/{rel}", timeout), report)
    index_name = f"index-{version}-{ABI}.json"
    index = _download(base + index_name, timeout)
    _save(folder, index_name, index, report)
    wheel = wheel_path(index, index_name)
    _save(folder, wheel, _download(base + wheel, timeout), report)
    return report
