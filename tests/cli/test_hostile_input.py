"""Nothing a user gives crashes or hangs (issue 11): hostile files, folders and addresses through the
real command line. Each command must end (a subprocess timeout catches a hang), print no traceback,
say what is wrong with which file, and check the rest."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from game.engine.safeio import MAX_JSON_DEPTH
from game.engine.story import canonical_json, content_hash

REPO = Path(__file__).resolve().parents[2]
TUTORIAL = REPO / "scenarios" / "tutorial.yaml"
DEEP = "[" * 200_000 + "]" * 200_000


def rp(*args, timeout=60, user=None, cwd=None, env=None):
    cmd = [sys.executable, "-m", "game", *map(str, args)]
    if user:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd or REPO,
                         env=dict(os.environ, PYTHONPATH=str(REPO), **(env or {})))
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """A real playthrough's exports (JSON record, CSV tables, xAPI statements)."""
    folder = tmp_path_factory.mktemp("exports")
    out = rp("play", "--text", TUTORIAL, "--auto", "--seed", "3", "--trainee", "P-1", "--session", "S-1",
             "--export", folder)
    assert out.returncode == 0, out.stderr
    return folder


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compiled")
    out = rp("compile", TUTORIAL, "-o", folder / "tutorial.json")
    assert out.returncode == 0, out.stderr
    return json.loads((folder / "tutorial.json").read_text())


def _scenarios(tmp_path) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(TUTORIAL, folder)
    shutil.copytree(REPO / "scenarios" / "rights", folder / "rights", ignore=shutil.ignore_patterns("*.po*"))
    return folder


# --- 1. JSON nested 200 000 deep ---------------------------------------------------------------

def test_deep_json_among_exports_is_reported_and_the_others_checked(tmp_path, exports):
    folder = tmp_path / "room"
    shutil.copytree(exports, folder)
    (folder / "aaa-deep.json").write_text(DEEP)
    out = rp("verify", folder)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert any("aaa-deep.json: corrupt" in line and f"more than {MAX_JSON_DEPTH} levels" in line for line in lines)
    assert sum(": unsigned" in line for line in lines) >= 2  # the record and the xAPI file after it

    report = rp("report", folder, "-o", tmp_path / "debrief.html")
    assert report.returncode == 0, report.stderr
    assert "1 playthrough(s) included" in report.stdout
    assert "aaa-deep.json: corrupt" in report.stderr


def test_deep_compiled_story_is_a_clear_story_error(tmp_path):
    story = tmp_path / "deep.json"
    story.write_text(DEEP)
    for args in (("play", "--text", story, "--auto"), ("play", story, "--headless", "--auto")):
        out = rp(*args, env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                             "RIGHTSPATH_DATA_DIR": str(tmp_path / "d")})
        assert out.returncode == 1
        assert f"{story}: not a valid JSON story file" in out.stderr and "nested" in out.stderr


def test_deep_json_where_an_output_or_a_scenario_should_be(tmp_path, exports):
    """-o naming a deep JSON file (compile, report) is refused as "another kind"; validate of it is E104."""
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP)
    out = rp("compile", TUTORIAL, "-o", deep)
    assert out.returncode == 2 and "not replaced" in out.stderr
    out = rp("report", exports, "-o", deep)
    assert out.returncode != 0 and "not replaced" in out.stderr
    assert deep.read_text() == DEEP
    out = rp("validate", deep)
    assert out.returncode == 1


@pytest.mark.parametrize("condition, said", [
    (["~~", "VAR", 1], "unknown operator '~~'"),
    ([">=", "abc", 1], "unknown variable 'abc'"),
    ([">=", "VAR", "abc"], "unknown variable 'abc'"),
    (["visited", 3], "visited() takes 1 id"),
])
def test_hand_edited_story_with_a_bad_condition_is_refused_clearly(tmp_path, compiled, condition, said):
    data = json.loads(json.dumps(compiled))
    var = next(iter(data["variables"]))
    condition = [var if part == "VAR" else part for part in condition]
    decision = next(nid for nid in data["order"] if data["nodes"][nid]["kind"] == "decision")
    data["nodes"][decision]["choices"][0]["show_if"] = condition
    data["content_hash"] = content_hash(data)  # the hash recomputed, as a hand editor would
    path = tmp_path / "edited.json"
    path.write_text(canonical_json(data))
    out = rp("play", "--text", path, "--auto")
    assert out.returncode == 1
    assert str(path) in out.stderr and said in out.stderr and decision in out.stderr


class _Hostile(http.server.BaseHTTPRequestHandler):
    """An 'LRS' that answers every request with JSON nested 200 000 deep."""

    def _answer(self):
        if self.headers.get("Content-Length"):
            self.rfile.read(int(self.headers["Content-Length"]))
        body = DEEP.encode()
        self.send_response(200 if self.command != "PUT" else 400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def hostile_lrs():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/xAPI/"
    server.shutdown()
    server.server_close()


def test_deep_lrs_answers_are_clear_errors(tmp_path, exports, hostile_lrs):
    pull = rp("lrs", "pull", "--endpoint", hostile_lrs, "--session", "S-1", "-o", tmp_path / "back")
    assert pull.returncode == 1 and ("not JSON" in pull.stderr or "nested" in pull.stderr), pull.stderr
    report = rp("report", "--lrs", hostile_lrs, "--session", "S-1", "-o", tmp_path / "r.html")
    assert report.returncode == 1 and ("not JSON" in report.stderr or "nested" in report.stderr), report.stderr
    push = rp("lrs", "push", exports, "--endpoint", hostile_lrs)
    assert push.returncode in (0, 1), push.stderr


# --- 2. special files: named pipes, broken and looping links, folders, unreadable files ---------

def test_named_pipes_are_refused_or_skipped_never_waited_on(tmp_path, exports):
    folder = _scenarios(tmp_path)
    os.mkfifo(folder / "pipe.yaml")
    os.mkfifo(folder / "tutorial.bg.po")
    os.mkfifo(tmp_path / "pipe.json")
    room = tmp_path / "room"
    shutil.copytree(exports, room)
    os.mkfifo(room / "pipe.json")

    out = rp("validate", folder, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "pipe.yaml" in out.stderr and "named pipe" in out.stderr and "checked " in out.stderr
    for args in (("validate", folder / "pipe.yaml"), ("compile", folder / "pipe.yaml"),
                 ("play", "--text", folder / "pipe.yaml", "--auto"), ("play", "--text", tmp_path / "pipe.json"),
                 ("report", room, "-o", tmp_path / "r.html", "--story", folder / "pipe.yaml")):
        out = rp(*args, timeout=60)
        assert out.returncode == (2 if args[0] != "report" else out.returncode) != 0, (args, out.stderr)
        assert "named pipe" in out.stderr, (args, out.stderr)
    # a pipe where the translations are looked for: the English story still plays
    out = rp("play", "--text", folder / "tutorial.yaml", "--auto", "--lang", "bg", timeout=60)
    assert "tutorial.bg.po" in out.stderr and "named pipe" in out.stderr
    out = rp("i18n", "check", "--lang", "bg", folder / "tutorial.yaml", timeout=60)
    assert out.returncode == 2 and "named pipe" in out.stderr

    out = rp("verify", tmp_path / "pipe.json", timeout=60)
    assert out.returncode == 1 and "named pipe" in out.stdout
    out = rp("verify", room, timeout=60)
    assert out.returncode == 1 and "pipe.json: unreadable" in out.stdout and out.stdout.count(": unsigned") >= 2
    out = rp("report", room, "-o", tmp_path / "r.html", timeout=60)
    assert out.returncode == 0 and "pipe.json" in out.stderr
    out = rp("lrs", "push", room, "--endpoint", "http://127.0.0.1:9/xAPI/", "--timeout", "5", timeout=60)
    assert "pipe.json" in out.stderr and "named pipe" in out.stderr


def test_broken_link_loop_and_folder_named_yaml_are_skipped_with_a_note(tmp_path):
    folder = _scenarios(tmp_path)
    (folder / ".#tutorial.yaml").symlink_to("root@host.12345:1700000000")  # an Emacs lock file
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "dir.yaml").mkdir()
    out = rp("validate", folder)
    assert out.returncode == 0, out.stderr
    catalogues = len(list((folder / "rights").glob("*.yaml")))
    assert f"checked {1 + catalogues} files" in out.stderr  # the scenario and its catalogues
    assert ".#tutorial.yaml" in out.stderr and "broken symbolic link" in out.stderr
    assert "loop.yaml" in out.stderr and "symbolic link loop" in out.stderr
    for name, said in ((".#tutorial.yaml", "broken symbolic link"), ("loop.yaml", "symbolic link loop"),
                       ("dir.yaml", "folder")):
        for args in (("validate", folder / name), ("play", "--text", folder / name, "--auto")):
            got = rp(*args)
            assert got.returncode == 2 and said in got.stderr, (args, got.stderr)


def test_unreadable_scenario_and_catalogue_are_clear_errors(exports):
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root to run the command as another user (root reads any file)")
    base = Path(tempfile.mkdtemp(prefix="rp-unreadable-"))
    try:
        base.chmod(0o755)
        folder = _scenarios(base)
        for path in [base, *base.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (folder / "tutorial.yaml").chmod(0)
        room = base / "room"
        shutil.copytree(exports, room)
        room.chmod(0o777)
        for args in (("play", "--text", folder / "tutorial.yaml", "--auto"),
                     ("report", room, "-o", room / "r.html", "--story", folder / "tutorial.yaml"),
                     ("validate", folder / "tutorial.yaml")):
            out = rp(*args, user="nobody")
            assert out.returncode == (2 if args[0] != "report" else out.returncode) != 0, (args, out.stderr)
            assert "cannot read it (Permission denied)" in out.stderr, (args, out.stderr)
        (folder / "tutorial.yaml").chmod(0o644)
        (folder / "rights" / "directive-2012-29.yaml").chmod(0)
        out = rp("play", "--text", folder / "tutorial.yaml", "--auto", user="nobody")
        assert out.returncode in (1, 2) and "Permission denied" in out.stderr, out.stderr
    finally:
        shutil.rmtree(base, ignore_errors=True)


# --- 3. malformed LRS addresses ------------------------------------------------------------------

@pytest.mark.parametrize("endpoint", ["http://[::1", "http://lrs.example:port/xAPI/", "http://[::1]:99999999/"])
def test_malformed_endpoint_is_a_clear_usage_error(tmp_path, exports, endpoint):
    for args in (("lrs", "push", exports, "--endpoint", endpoint),
                 ("lrs", "pull", "--endpoint", endpoint, "--session", "S-1", "-o", tmp_path),
                 ("report", "--lrs", endpoint, "--session", "S-1", "-o", tmp_path / "r.html")):
        out = rp(*args)
        assert out.returncode == 2, (args, out.stderr)
        assert "not a web address" in out.stderr, (args, out.stderr)
