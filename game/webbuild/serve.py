"""``make serve-web``: serve ``build/web/`` on this computer for a quick look, a test, or a venue.

A plain static server with the content types pygbag's files need: ``.wasm`` as application/wasm
(browsers refuse to stream-compile anything else) and the bundle (``.tar.gz``, ``.apk``) as opaque
bytes with no ``Content-Encoding`` (a ``gzip`` encoding would make the browser unpack the archive
before the loader sees it). For real deployments any static host works; see the README.

``--lrs-proxy URL`` also forwards ``/xAPI/…`` to a learning-record store at URL, so the page and the
store share one origin: the game's live results then need no CORS permission from the store (give
the trainees' links ``#lrs=<this server>/xAPI/``). Only the xAPI headers are passed on.
"""

from __future__ import annotations

import argparse
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from game.webbuild.stage import ROOT

WEB_DIR = ROOT / "build" / "web"
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

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        sys.stderr.write("serve-web: " + (format % args) + "\n")


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
                lrs_proxy: str | None = None) -> ThreadingHTTPServer:
    if lrs_proxy:
        handler_class = type("BoundProxyHandler", (ProxyHandler,), {"lrs": lrs_proxy})
        handler = functools.partial(handler_class, directory=str(directory))
    else:
        handler = functools.partial(WebHandler, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="serve-web", description="Serve the web build on this computer.")
    parser.add_argument("--dir", type=Path, default=WEB_DIR, help="folder to serve (default: build/web)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    parser.add_argument("--lrs-proxy", metavar="URL", help="also forward /xAPI/... to the learning-record store "
                        "at URL (its xAPI endpoint), so the page needs no CORS permission from it")
    args = parser.parse_args(argv)
    if args.lrs_proxy is not None:
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(args.lrs_proxy)
            parts.port  # noqa: B018 (raises on a bad port)
        except ValueError as exc:
            print(f"serve-web: --lrs-proxy {args.lrs_proxy}: not a valid address ({exc})", file=sys.stderr)
            return 2
        if parts.scheme not in ("http", "https") or not parts.hostname:
            print(f"serve-web: --lrs-proxy {args.lrs_proxy}: give the store's http(s) xAPI endpoint", file=sys.stderr)
            return 2
    if not 0 <= args.port <= 65535:
        print(f"serve-web: --port {args.port}: give a port from 0 to 65535 (0 picks a free one)", file=sys.stderr)
        return 2
    if not (args.dir / "index.html").is_file():
        print(f"serve-web: {args.dir} has no index.html; run 'make web' first", file=sys.stderr)
        return 2
    try:
        server = make_server(args.dir, args.host, args.port, lrs_proxy=args.lrs_proxy)
    except OSError as exc:
        print(f"serve-web: cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
              f"pick another port: make serve-web PORT=0 (or --port 0) takes a free one", file=sys.stderr)
        return 2
    host, port = server.server_address[:2]
    print(f"Serving {args.dir} at http://{host}:{port}/  (Ctrl+C stops)", flush=True)
    if args.lrs_proxy:
        print(f"Forwarding http://{host}:{port}/xAPI/ to {args.lrs_proxy}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
