"""What ``rightspath serve-web`` (``make serve-web``) runs: serve ``build/web/`` on this computer for a quick look, a test, or a venue.

A plain static server with the content types pygbag's files need: ``.wasm`` as application/wasm
(browsers refuse to stream-compile anything else) and the bundle (``.tar.gz``, ``.apk``) as opaque
bytes with no ``Content-Encoding`` (a ``gzip`` encoding would make the browser unpack the archive
before the loader sees it). For real deployments any static host works; see the README.

``--lrs-proxy URL`` also forwards ``/xAPI/…`` to a learning-record store at URL, so the page and the
store share one origin: the game's live results then need no CORS permission from the store (give
the trainees' links ``#lrs=<this server>/xAPI/``). Only the xAPI headers are passed on.
"""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".png": "image/png",
    ".apk": "application/octet-stream",
    ".gz": "application/octet-stream",
    ".tar": "application/octet-stream",
    ".py": "text/plain; charset=utf-8",
    ".data": "application/octet-stream",
}


class WebHandler(SimpleHTTPRequestHandler):
    """Static files with fixed content types, never compressed on the fly, never cached."""

    def guess_type(self, path):
        suffix = Path(str(path)).suffix.lower()
        return TYPES.get(suffix) or super().guess_type(path)

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    log = None  # a callable taking one line per request (the serve-web command prints it); None: quiet

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        if self.log is not None:
            type(self).log(format % args)


PROXY_PREFIX = "/xAPI/"
PROXY_HEADERS = ("authorization", "content-type", "x-experience-api-version", "if-match", "if-none-match")
PROXY_MAX_BODY = 4 * 1024 * 1024


class ProxyHandler(WebHandler):
    """The web build, and ``/xAPI/…`` forwarded to ``lrs`` (set by ``make_server``)."""

    lrs = ""

    def _forward(self) -> None:
        import urllib.error
        import urllib.request

        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= PROXY_MAX_BODY:
            self.send_error(413, "request body too large or its length unreadable")
            return
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in PROXY_HEADERS}
        target = self.lrs.rstrip("/") + "/" + self.path[len(PROXY_PREFIX):]
        request = urllib.request.Request(target, data=body, headers=headers, method=self.command)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, data, kind = answer.status, answer.read(PROXY_MAX_BODY), answer.headers.get("Content-Type")
        except urllib.error.HTTPError as err:
            status, data, kind = err.code, err.read(PROXY_MAX_BODY), err.headers.get("Content-Type")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            self.send_error(502, f"the learning-record store did not answer ({exc})")
            return
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _route(self, static) -> None:
        if self.path.startswith(PROXY_PREFIX):
            self._forward()
        elif static is not None:
            static()
        else:
            self.send_error(405)

    def do_GET(self):
        self._route(super().do_GET)

    def do_HEAD(self):
        self._route(super().do_HEAD)

    def do_POST(self):
        self._route(None)

    def do_PUT(self):
        self._route(None)


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000,
                lrs_proxy: str | None = None, log=None) -> ThreadingHTTPServer:
    """A server for ``directory`` (not yet serving); ``log`` gets one line per request."""
    if lrs_proxy:
        handler_class = type("BoundProxyHandler", (ProxyHandler,), {"lrs": lrs_proxy, "log": log})
    else:
        handler_class = type("BoundWebHandler", (WebHandler,), {"log": log})
    return ThreadingHTTPServer((host, port), functools.partial(handler_class, directory=str(directory)))
