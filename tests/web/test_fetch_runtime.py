"""``rightspath fetch-runtime`` against a stand-in CDN served over HTTP on this computer.

The real CDN cannot be reached here; the stand-in has the same layout (a versioned runtime folder,
the package index beside it naming the wheel with pygbag's <abi>/<api> placeholders).
"""

from __future__ import annotations

import json
import threading

import pytest

from game.webbuild.runtime_files import RUNTIME_FILES
from game.webbuild.serve import make_server
from tests.web.test_commands import rightspath

WHEEL = "cp312/pygame_ce-2.5.7-cp312-cp312-wasm32_bi_emscripten.whl"


@pytest.fixture
def cdn(tmp_path):
    root = tmp_path / "cdn-site" / "cdn"
    files = {}
    for n, rel in enumerate(RUNTIME_FILES):
        files[f"0.9.3/{rel}"] = f"runtime file {n} {rel}\n".encode() * (n + 1)
    files["index-0.9.3-cp312.json"] = json.dumps(
        {"pygame": "cp312/pygame_ce-2.5.7-<abi>-<abi>-<api>.whl", "numpy": "cp312/numpy.whl"}).encode()
    files[WHEEL] = b"PK\x03\x04 wheel bytes"
    files["0.9.3/unrelated.js"] = b"not needed"
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    server = make_server(tmp_path / "cdn-site", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/cdn/0.9.3/", root, files
    server.shutdown()
    server.server_close()


def test_fetches_exactly_what_the_page_loads_keeping_paths(cdn, tmp_path):
    url, root, files = cdn
    proc = rightspath("fetch-runtime", "--cdn", url, "--to", "venue", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    got = tmp_path / "venue"
    fetched = sorted(p.relative_to(got).as_posix() for p in got.rglob("*") if p.is_file())
    wanted = sorted(rel for rel in files if rel not in ("0.9.3/unrelated.js",))
    assert fetched == wanted
    for rel in fetched:
        assert (got / rel).read_bytes() == files[rel], rel
    assert "0.9.3/cpython312/main.wasm" in proc.stdout.split()
    assert "rightspath build-web --cdn http://10.0.0.2/pygbag/0.9.3/" in proc.stderr


def test_a_missing_runtime_file_is_named(cdn, tmp_path):
    url, root, _ = cdn
    (root / "0.9.3" / "cpython312" / "main.data").unlink()
    proc = rightspath("fetch-runtime", "--cdn", url, "--to", str(tmp_path / "venue"), cwd=tmp_path)
    assert proc.returncode == 1
    assert f"cannot fetch {url}cpython312/main.data: the server answered 404" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not list((tmp_path / "venue").rglob("*.part"))


def test_an_index_without_the_wheel_is_reported(cdn, tmp_path):
    url, root, _ = cdn
    (root / "index-0.9.3-cp312.json").write_text('{"numpy": "cp312/numpy.whl"}', encoding="utf-8")
    proc = rightspath("fetch-runtime", "--cdn", url, "--to", str(tmp_path / "venue"), cwd=tmp_path)
    assert proc.returncode == 1 and "names no 'pygame' wheel" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_usage_is_refused(tmp_path):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    cases = [
        (["--cdn", "ftp://host/cdn/0.9.3/", "--to", "v"], "--cdn"),
        (["--cdn", "http://host/cdn/0.9.3", "--to", "v"], "ending with '/'"),
        (["--cdn", "http://host/", "--to", "v"], "version folder"),
        (["--cdn", "http://127.0.0.1:9/cdn/0.9.3/", "--to", "file.txt"], "is a file"),
    ]
    for args, expected in cases:
        proc = rightspath("fetch-runtime", *args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert expected in proc.stderr and "Traceback" not in proc.stderr, (args, proc.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_an_unreachable_cdn_is_a_message(tmp_path):
    proc = rightspath("fetch-runtime", "--cdn", "http://127.0.0.1:9/cdn/0.9.3/", "--to", "v", cwd=tmp_path)
    assert proc.returncode == 1 and "cannot fetch http://127.0.0.1:9/cdn/0.9.3/pythons.js" in proc.stderr
    assert "Traceback" not in proc.stderr
