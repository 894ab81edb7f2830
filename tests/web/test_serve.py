"""``make serve-web``'s server: the content types pygbag's files need, and no gzip encoding."""

from __future__ import annotations

import gzip
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from game.webbuild.serve import make_server
from game.webbuild.stage import ROOT


@pytest.fixture
def served(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>t</title>", encoding="utf-8")
    (tmp_path / "rightspath.tar.gz").write_bytes(gzip.compress(b"archive bytes"))
    (tmp_path / "rightspath.apk").write_bytes(b"PK\x03\x04zip")
    (tmp_path / "python.wasm").write_bytes(b"\x00asm\x01\x00\x00\x00")
    server = make_server(tmp_path, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def fetch(url: str):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read()


def test_content_types_and_no_content_encoding(served):
    folder, base = served
    expected = {
        "index.html": "text/html; charset=utf-8",
        "rightspath.tar.gz": "application/octet-stream",
        "rightspath.apk": "application/octet-stream",
        "python.wasm": "application/wasm",
    }
    for name, content_type in expected.items():
        headers, body = fetch(base + name)
        assert headers["Content-Type"] == content_type, name
        assert headers.get("Content-Encoding") is None, name
        assert body == (folder / name).read_bytes(), name  # byte for byte, gzip layer intact


def test_missing_file_is_404_and_server_stays_in_its_folder(served):
    _, base = served
    for path in ("nothing.js", "../pyproject.toml", "%2e%2e/%2e%2e/etc/passwd"):
        with pytest.raises(urllib.error.HTTPError) as err:
            fetch(base + path)
        assert err.value.code == 404


def test_serve_command_refuses_a_folder_without_a_build(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "game", "serve-web", "--dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and "make web" in proc.stderr


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_serve_refuses_a_port_out_of_range(tmp_path, port):
    (tmp_path / "index.html").write_text("<title>t</title>", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "game", "serve-web", "--dir", str(tmp_path), f"--port={port}"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    assert "0 to 65535" in proc.stderr and "Traceback" not in proc.stderr


def test_a_port_in_use_says_how_to_pick_another(tmp_path):
    import socket

    (tmp_path / "index.html").write_text("<title>t</title>", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "game", "serve-web", "--dir", str(tmp_path),
                               "--port", str(port)], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr
    assert "make serve-web PORT=0" in proc.stderr and "Traceback" not in proc.stderr


def test_make_serve_web_passes_the_port_on():
    """What the message above tells people to type must reach the server (make -n: print, run nothing)."""
    import shutil

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    proc = subprocess.run(["make", "-n", "serve-web", "PORT=0"], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "rightspath serve-web --port 0" in proc.stdout
    default = subprocess.run(["make", "-n", "serve-web"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "rightspath serve-web --port 8000" in default.stdout


@pytest.mark.parametrize("url", ["http://[::1", "ftp://lrs.example/xAPI/", "lrs.example/xAPI/", "http://h:port/"])
def test_a_bad_lrs_proxy_address_is_refused(tmp_path, url):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>t</title>", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "game", "serve-web", "--dir", str(tmp_path), "--port", "0",
                           "--lrs-proxy", url], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and "--lrs-proxy" in proc.stderr and "Traceback" not in proc.stderr


def test_the_lrs_proxy_passes_xapi_headers_and_answers_502_when_the_store_is_away(tmp_path):
    import http.server

    seen = {}

    class Store(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            seen["path"] = self.path
            seen["headers"] = {k.lower(): v for k, v in self.headers.items()}
            seen["body"] = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'["id-1"]')

        def log_message(self, *args):
            pass

    store = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Store)
    threading.Thread(target=store.serve_forever, daemon=True).start()
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>t</title>", encoding="utf-8")
    server = make_server(tmp_path, "127.0.0.1", 0, lrs_proxy=f"http://127.0.0.1:{store.server_address[1]}/xAPI/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        request = urllib.request.Request(base + "/xAPI/statements", data=b"[]", method="POST", headers={
            "Authorization": "Basic abc", "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json",
            "Cookie": "secret=1"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status == 200 and answer.read() == b'["id-1"]'
        assert seen["path"] == "/xAPI/statements" and seen["body"] == b"[]"
        assert seen["headers"]["authorization"] == "Basic abc" and "cookie" not in seen["headers"]
        with urllib.request.urlopen(base + "/index.html", timeout=30) as page:
            assert b"<title>t</title>" in page.read()  # the web build is still served
        store.shutdown()
        store.server_close()
        with pytest.raises(urllib.error.HTTPError) as away:
            urllib.request.urlopen(urllib.request.Request(base + "/xAPI/statements", data=b"[]", method="POST"),
                                   timeout=30)
        assert away.value.code == 502
    finally:
        server.shutdown()
        server.server_close()
