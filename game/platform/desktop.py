"""The desktop platform: files in the user's data folder, written atomically."""

from __future__ import annotations

import os
import time
from pathlib import Path

from game import outfiles
from game.platform.base import Platform, StorageError, valid_key


def default_data_dir() -> Path:
    """RIGHTSPATH_DATA_DIR, else $XDG_DATA_HOME/rightspath, else ~/.local/share/rightspath."""
    override = os.environ.get("RIGHTSPATH_DATA_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "rightspath"


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so that a crash leaves either the old file or the new one, never half of one.

    The folder is made if needed; the file is the user's alone (0600), as saves are
    (``game.outfiles.atomic_write``, the one atomic write).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    outfiles.atomic_write(path, text, mode=0o600)


def _read_regular(path: Path) -> bytes:
    """The file's bytes, opened without blocking and refused unless it is a regular file: a named pipe
    in the saves folder would otherwise make the title screen wait for a writer for ever. (The
    platform may not import the engine's safeio; this is the same check, for one folder.)"""
    import errno
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a named pipe, device or folder)", str(path))
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


class DesktopPlatform(Platform):
    name = "desktop"
    _tickets = 0

    def __init__(self, data_dir: str | os.PathLike | None = None, params: dict[str, str] | None = None):
        self._root = Path(data_dir) if data_dir is not None else default_data_dir()
        self.data_dir = str(self._root)
        self._params = dict(params or {})

    @property
    def saves_dir(self) -> Path:
        return self._root / "saves"

    @property
    def results_dir(self) -> Path:
        return self._root / "results"

    @property
    def set_aside_dir(self) -> Path:
        return self._root / "set-aside"

    def _path(self, key: str) -> Path:
        return self.saves_dir / f"{valid_key(key)}.json"

    def load(self, key: str) -> str | None:
        path = self._path(key)
        try:
            data = _read_regular(path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(f"could not read {path}: {exc.strerror or exc}") from exc
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            # Undecodable bytes are a corrupt save: hand them over as text the caller will reject.
            return data.decode("utf-8", errors="replace")

    def save(self, key: str, text: str) -> None:
        path = self._path(key)
        try:
            atomic_write(path, text)
        except OSError as exc:
            raise StorageError(f"could not save to {path}: {exc.strerror or exc}") from exc

    def delete(self, key: str) -> None:
        try:
            self._path(key).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageError(f"could not delete {self._path(key)}: {exc.strerror or exc}") from exc

    def keys(self) -> list[str]:
        try:
            names = sorted(p.stem for p in self.saves_dir.glob("*.json") if not p.name.startswith("."))
        except OSError:
            return []
        return names

    def set_aside(self, key: str) -> str | None:
        path = self._path(key)
        if not path.exists():
            return None
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        self.set_aside_dir.mkdir(parents=True, exist_ok=True)
        target = self.set_aside_dir / f"{key}-{stamp}.json"
        n = 1
        while target.exists():
            n += 1
            target = self.set_aside_dir / f"{key}-{stamp}-{n}.json"
        try:
            os.replace(path, target)
        except OSError as exc:
            raise StorageError(f"could not move {path} aside: {exc.strerror or exc}") from exc
        return str(target)

    def download(self, filename: str, text: str, mime: str = "application/json") -> str:
        """A new file in the results folder; never replaces one (``name-2.json``... when taken)."""
        from game import outfiles

        stem, dot, ext = os.path.basename(filename.replace("\\", "/")).rpartition(".")
        if not dot:
            stem, ext = ext, "txt"
        stem = outfiles.name_part(stem, "export", max_chars=150, max_bytes=200)
        suffix = "." + outfiles.name_part(ext, "txt", max_chars=10, max_bytes=20)
        try:
            return str(outfiles.create_new(self.results_dir, stem, [(suffix, text)])[0])
        except OSError as exc:
            raise StorageError(f"could not write into {self.results_dir}: {exc.strerror or exc}") from exc

    def url_params(self) -> dict[str, str]:
        return dict(self._params)

    def status(self, text: str) -> None:
        return None

    # -- HTTP for live results: a task on the game's own asyncio loop (game/platform/http.py) --------
    def http_request(self, method: str, url: str, headers: dict[str, str], body: str) -> int:
        import asyncio

        from game.platform import http

        DesktopPlatform._tickets += 1
        ticket = DesktopPlatform._tickets
        if not hasattr(self, "_http"):
            self._http: dict[int, object] = {}
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._http[ticket] = {"error": "no event loop is running to send from"}
            return ticket

        async def run():
            try:
                answer = await http.request(method, url, headers, body)
                return {"status": answer.status, "body": answer.body}
            except http.HttpError as exc:
                return {"error": str(exc)}

        self._http[ticket] = loop.create_task(run())
        return ticket

    def http_result(self, ticket: int) -> dict | None:
        pending = getattr(self, "_http", {})
        if ticket not in pending:
            return {"error": "unknown request"}
        item = pending[ticket]
        if isinstance(item, dict):
            return pending.pop(ticket)
        if not item.done():
            return None
        del pending[ticket]
        if item.cancelled():
            return {"error": "the request was cancelled"}
        exc = item.exception()
        if exc is not None:
            return {"error": f"{exc.__class__.__name__}: {exc}"}
        return item.result()
