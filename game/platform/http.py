"""A small HTTP/1.1 client on asyncio streams, for the desktop game's frame loop (standard library only).

The game's loop is one asyncio coroutine (``App.run``), shared with the browser build, where threads
and blocking calls are not allowed; ``urllib`` blocks. So the desktop platform sends results to a
learning-record store with ``request`` below, run as a task on the loop that runs the game: each
frame the loop yields, the task moves on, and the frame never waits for the network.

One request per connection (``Connection: close``), bodies up to ``MAX_BODY`` bytes, ``http`` and
``https`` (the system's certificate store). Every failure comes back as ``HttpError`` with a sentence.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_BODY = 4 * 1024 * 1024
MAX_HEADER_LINES = 200


class HttpError(Exception):
    """The request did not get an answer; ``str(exc)`` says why."""


@dataclass(frozen=True)
class HttpAnswer:
    status: int
    body: str


def split_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an http(s) URL; HttpError for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise HttpError(f"not a valid address: {url} ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpError(f"not an http(s) address: {url}")
    if parts.username or parts.password:
        raise HttpError("put the credentials in the settings, not in the address")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80), path


async def request(method: str, url: str, headers: dict[str, str] | None = None, body: str = "",
                  timeout: float = 20.0) -> HttpAnswer:
    try:
        return await asyncio.wait_for(_request(method, url, headers or {}, body), timeout)
    except asyncio.TimeoutError:
        raise HttpError(f"no answer from {urlsplit(url).netloc} within {timeout:g} s") from None
    except (OSError, ssl.SSLError) as exc:
        raise HttpError(f"could not reach {urlsplit(url).netloc} ({exc.__class__.__name__}: {exc})") from None


async def _request(method: str, url: str, headers: dict[str, str], body: str) -> HttpAnswer:
    scheme, host, port, path = split_url(url)
    payload = body.encode("utf-8")
    context = ssl.create_default_context() if scheme == "https" else None
    reader, writer = await asyncio.open_connection(host, port, ssl=context,
                                                   server_hostname=host if context else None)
    try:
        default_port = 443 if scheme == "https" else 80
        host_header = host if port == default_port else f"{host}:{port}"
        if ":" in host and not host.startswith("["):
            host_header = f"[{host}]" if port == default_port else f"[{host}]:{port}"
        lines = [f"{method} {path} HTTP/1.1", f"Host: {host_header}", "Connection: close",
                 f"Content-Length: {len(payload)}"]
        for name, value in headers.items():
            if "\r" in name + value or "\n" in name + value:
                raise HttpError(f"a header holds a line break: {name}")
            lines.append(f"{name}: {value}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload)
        await writer.drain()
        status_line = await reader.readline()
        try:
            _, code, *_ = status_line.decode("latin-1").split(" ", 2)
            status = int(code)
        except ValueError:
            raise HttpError(f"{host} did not answer in HTTP ({status_line[:60]!r})") from None
        answer_headers: dict[str, str] = {}
        for _ in range(MAX_HEADER_LINES):
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            answer_headers[name.strip().lower()] = value.strip()
        else:
            raise HttpError(f"{host} sent too many header lines")
        data = await _body(reader, answer_headers, host)
        return HttpAnswer(status, data.decode("utf-8", errors="replace"))
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except (OSError, ssl.SSLError):
            pass


async def _body(reader: asyncio.StreamReader, headers: dict[str, str], host: str) -> bytes:
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out = bytearray()
        while True:
            size_line = await reader.readline()
            try:
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
            except ValueError:
                raise HttpError(f"{host} sent a malformed chunked body") from None
            if size == 0:
                await reader.readline()
                return bytes(out)
            if len(out) + size > MAX_BODY:
                raise HttpError(f"{host} sent more than {MAX_BODY} bytes")
            out += await reader.readexactly(size)
            await reader.readline()
    if "content-length" in headers:
        try:
            length = int(headers["content-length"])
        except ValueError:
            raise HttpError(f"{host} sent a malformed Content-Length") from None
        if length > MAX_BODY:
            raise HttpError(f"{host} sent more than {MAX_BODY} bytes")
        return await reader.readexactly(length)
    data = await reader.read(MAX_BODY + 1)
    if len(data) > MAX_BODY:
        raise HttpError(f"{host} sent more than {MAX_BODY} bytes")
    return data
