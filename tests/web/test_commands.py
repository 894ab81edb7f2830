"""``rightspath links`` and ``rightspath build-web`` through the real command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from game.webbuild.stage import ROOT


def rightspath(*args, cwd: Path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


class PageParts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svgs = 0
        self.links: list[str] = []
        self.headings: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.svgs += 1
        if tag == "a":
            self.links.append(dict(attrs)["href"])
        self._in_h2 = tag == "h2"

    def handle_data(self, data):
        if self._in_h2:
            self.headings.append(data)
            self._in_h2 = False


def test_links_prints_one_link_per_trainee_and_writes_a_page(tmp_path):
    proc = rightspath("links", "--base-url", "https://training.example.org/rightspath/", "--session", "SOF-0412",
                      "--count", "12", "--scenario", "mira", "--mode", "facilitated", "--lang", "bg",
                      "-o", "room.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 12
    codes = [line.split()[0] for line in lines]
    assert codes == [f"T{n:02d}" for n in range(1, 13)]
    urls = [line.split()[1] for line in lines]
    first = urlsplit(urls[6])
    assert (first.scheme, first.netloc, first.path) == ("https", "training.example.org", "/rightspath/")
    assert parse_qsl(first.query) == [("scenario", "mira"), ("lang", "bg"), ("mode", "facilitated"),
                                      ("session", "SOF-0412"), ("trainee", "T07")]
    page = (tmp_path / "room.html").read_text(encoding="utf-8")
    parts = PageParts()
    parts.feed(page)
    assert parts.svgs == 12
    assert parts.links == urls
    assert parts.headings == [f"Trainee T{n:02d}" for n in range(1, 13)]
    # Each QR code is drawn as a real symbol: a square grid with the three finder patterns in place.
    svgs = re.findall(r'viewBox="0 0 (\d+) (\d+)".*?<path d="([^"]*)"', page)
    assert len(svgs) == 12
    for width, height, path in svgs:
        n = int(width)
        assert n == int(height) and n >= 29
        dark = {(int(x), int(y)) for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", path)}
        for ox, oy in ((4, 4), (n - 11, 4), (4, n - 11)):  # 4 = the quiet zone
            assert finder_at(dark, ox, oy), (n, ox, oy)
        assert not finder_at(dark, n - 11, n - 11)  # the fourth corner has none


def finder_at(dark: set, ox: int, oy: int) -> bool:
    """A 7x7 finder: dark outer ring, light ring, dark 3x3 centre."""
    for dy in range(7):
        for dx in range(7):
            ring = max(abs(dx - 3), abs(dy - 3))
            if ((ox + dx, oy + dy) in dark) != (ring != 2):
                return False
    return True


def test_links_codes_widen_past_99(tmp_path):
    proc = rightspath("links", "--base-url", "http://127.0.0.1:8000/", "--session", "S1", "--count", "120",
                      cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("T001 ") and lines[-1].startswith("T120 ")
    assert (tmp_path / "links-S1.html").is_file()


def test_links_rejects_bad_input_with_clear_messages(tmp_path):
    cases = [
        (["--base-url", "example.org", "--session", "S1", "--count", "3"], "full web address"),
        (["--base-url", "javascript:alert(1)", "--session", "S1", "--count", "3"], "full web address"),
        (["--base-url", "https://x.org/?a=1", "--session", "S1", "--count", "3"], "leave out"),
        (["--base-url", "https://x.org/", "--session", "SOF 04", "--count", "3"], "session="),
        (["--base-url", "https://x.org/", "--session", "<b>", "--count", "3"], "session="),
        (["--base-url", "https://x.org/", "--session", "A-it", "--count", "3"], "'-i'"),
        (["--base-url", "https://x.org/", "--session", "S1", "--count", "0"], "--count 0"),
        (["--base-url", "https://x.org/", "--session", "S1", "--count", "3", "--mode", "exam"], "mode="),
        (["--base-url", "https://x.org/", "--session", "S1", "--count", "3", "--lang", "Deutsch"], "lang="),
        (["--base-url", "https://x.org/", "--session", "S1", "--count", "3", "--scenario", "Mira!"], "scenario="),
        (["--base-url", "http://[::1/", "--session", "S1", "--count", "3"], "not a web address"),
        (["--base-url", "https://x.org:port/", "--session", "S1", "--count", "3"], "not a web address"),
    ]
    for args, expected in cases:
        proc = rightspath("links", *args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert expected in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written on a refused command


def test_build_web_reports_scenario_errors_without_traceback(tmp_path):
    bad = tmp_path / "scenarios"
    bad.mkdir()
    (bad / "broken.yaml").write_text("id: broken\nversion: [\n", encoding="utf-8")
    proc = rightspath("build-web", "--scenarios", str(bad), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{bad / 'broken.yaml'}:" in proc.stderr and "E101" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out" / "web").exists()

    proc = rightspath("build-web", "--scenarios", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"),
                      cwd=tmp_path)
    assert proc.returncode == 2 and "not a folder" in proc.stderr

    proc = rightspath("build-web", "--cdn", "ftp://mirror/", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 2 and "--cdn" in proc.stderr


def test_build_web_without_pygbag_or_in_time_says_so(tmp_path):
    """A Python without pygbag, and a pygbag that does not finish in time: messages, not tracebacks."""
    import pytest

    from game.errors import UserError
    from game.webbuild.build import run_pygbag

    app = tmp_path / "rightspath"
    app.mkdir()
    (app / "main.py").write_text("print('hi')\n", encoding="utf-8")
    # The interpreter this venv was made from has no pygbag.
    base = Path(sys.base_prefix) / "bin" / "python3"
    if subprocess.run([str(base), "-c", "import pygbag"], capture_output=True).returncode != 0:
        with pytest.raises(UserError) as err:
            run_pygbag(app, tmp_path, cdn="https://example.org/cdn/", timeout=60, python=str(base))
        assert err.value.exit_code == 2 and "pygbag is not installed" in err.value.message
    with pytest.raises(UserError, match="did not finish within"):
        run_pygbag(app, tmp_path, cdn="https://example.org/cdn/", timeout=0.01, python=sys.executable)


def test_links_warn_about_a_scenario_or_language_this_checkout_does_not_bundle(tmp_path):
    proc = rightspath("links", "--base-url", "https://x.org/", "--session", "S1", "--count", "2",
                      "--scenario", "nosuch", "--lang", "fr", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "--scenario 'nosuch' is not one of the bundled scenarios (andrei, mira, nia, tutorial)" in proc.stderr
    assert "--lang 'fr' has no translation here (bg, en)" in proc.stderr
    quiet = rightspath("links", "--base-url", "https://x.org/", "--session", "S1", "--count", "2",
                       "--scenario", "mira", "--lang", "bg", cwd=tmp_path)
    assert quiet.returncode == 0 and "warning" not in quiet.stderr


def test_links_print_nothing_when_the_page_cannot_be_written(tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    proc = rightspath("links", "--base-url", "https://x.org/", "--session", "S1", "--count", "2",
                      "-o", str(tmp_path / "a-file" / "links.html"), cwd=tmp_path)
    assert proc.returncode == 2 and "cannot write" in proc.stderr and proc.stdout == ""
