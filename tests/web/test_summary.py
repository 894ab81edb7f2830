"""The bundle size reaches the output of ``make test`` (a print in a passing test would be captured)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from game.webbuild.stage import ROOT

pytestmark = pytest.mark.slow
LINE = re.compile(r"^web bundle: rightspath\.tar\.gz (\d+) kB of 1500 kB budget \((\d+) files, "
                  r"rightspath\.apk \d+ kB\)$", re.M)


def run_pytest(tmp_path, test: str):
    """A separate pytest run (its own temp folder, so it never rotates ours away)."""
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--basetemp", str(tmp_path / "inner"), test],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_a_run_that_built_the_bundle_reports_its_size(tmp_path):
    proc = run_pytest(tmp_path, "tests/web/test_build.py::test_archive_is_within_budget")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    found = LINE.findall(proc.stdout)
    assert len(found) == 1, proc.stdout
    kb, files = map(int, found[0])
    assert 0 < kb <= 1500 and files > 10
    # The figure is the archive the run built, measured after the tests passed.
    archive = next((tmp_path / "inner").rglob("web/rightspath.tar.gz"))
    assert kb == round(archive.stat().st_size / 1000)


def test_a_run_without_the_build_says_nothing_about_it(tmp_path):
    proc = run_pytest(tmp_path, "tests/web/test_serve.py::test_serve_command_refuses_a_folder_without_a_build")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "web bundle:" not in proc.stdout
