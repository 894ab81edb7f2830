"""``make serve-web``: serve ``build/web/`` on this computer for a quick look or a test.

A plain static server with the content types pygbag's files need: ``.wasm`` as application/wasm
(browsers refuse to stream-compile anything else) and the bundle (``.tar.gz``, ``.apk``) as opaque
bytes with no ``Content-Encoding`` (a ``gzip`` encoding would make the browser unpack the archive
before the loader sees it). For real deployments any static host works; see the README.
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


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    handler = functools.partial(WebHandler, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="serve-web", description="Serve the web build on this computer.")
    parser.add_argument("--dir", type=Path, default=WEB_DIR, help="folder to serve (default: build/web)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        print(f"serve-web: --port {args.port}: give a port from 0 to 65535 (0 picks a free one)", file=sys.stderr)
        return 2
    if not (args.dir / "index.html").is_file():
        print(f"serve-web: {args.dir} has no index.html; run 'make web' first", file=sys.stderr)
        return 2
    try:
        server = make_server(args.dir, args.host, args.port)
    except OSError as exc:
        print(f"serve-web: cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
              f"pick another port: make serve-web PORT=0 (or --port 0) takes a free one", file=sys.stderr)
        return 2
    host, port = server.server_address[:2]
    print(f"Serving {args.dir} at http://{host}:{port}/  (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
