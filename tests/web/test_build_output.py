"""``build-web``'s output folder: a failed build keeps the last good one, --out is safe, numbers checked.

Every build here is a real offline pygbag build through the real command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import scenarios_to_bundle
from tests.web.test_commands import rightspath

pytestmark = pytest.mark.slow

OUTPUTS = ("index.html", "favicon.png", "rightspath.tar.gz", "rightspath.apk", "vote.html")  # vote.html: issue 18


def build(out, *extra, cwd: Path):
    return rightspath("build-web", "--scenarios", str(scenarios_to_bundle()), "--out", str(out), *extra, cwd=cwd)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def no_leftovers(out: Path) -> bool:
    return not list(out.glob(".build-web-*"))


@pytest.fixture
def built(tmp_path):
    """A folder holding one good build, and what its web/ held."""
    out = tmp_path / "out"
    proc = build(out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (out / "web").iterdir()) == sorted(OUTPUTS)
    return out, snapshot(out / "web")


def test_a_scenario_error_leaves_the_previous_build_untouched(built, tmp_path):
    out, before = built
    stage_before = snapshot(out / "stage")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.yaml").write_text("id: broken\nversion: [\n", encoding="utf-8")
    proc = rightspath("build-web", "--scenarios", str(bad), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 1 and "E101" in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(out / "web") == before
    assert snapshot(out / "stage") == stage_before
    assert no_leftovers(out)


def test_a_pygbag_failure_leaves_the_previous_build_untouched(built, tmp_path):
    """pygbag cut off by the time limit: the build fails late, after staging and packing began."""
    out, before = built
    proc = build(out, "--timeout", "0.001", cwd=tmp_path)
    assert proc.returncode == 1 and "did not finish within" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(out / "web") == before
    assert no_leftovers(out)


def test_a_rebuild_replaces_the_old_web_folder_whole(built, tmp_path):
    out, _ = built
    (out / "web" / "old-bundle.tar.gz").write_bytes(b"left over from an older build")
    (out / "notes.txt").write_text("the facilitator's own file beside the build", encoding="utf-8")
    proc = build(out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (out / "web").iterdir()) == sorted(OUTPUTS)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "the facilitator's own file beside the build"
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "stage", "web"]


def test_relative_out_is_resolved_against_the_current_folder(tmp_path):
    proc = build("site", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"built {tmp_path / 'site' / 'web'}" in proc.stdout
    for name in OUTPUTS:
        assert (tmp_path / "site" / "web" / name).is_file(), name
    assert (tmp_path / "site" / "stage" / "rightspath" / "main.py").is_file()


def test_out_that_is_a_file_is_refused(tmp_path):
    file = tmp_path / "results.txt"
    file.write_text("keep me", encoding="utf-8")
    for out in (file, file / "inside"):
        proc = build(out, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert "is a file, not a folder" in proc.stderr and "Traceback" not in proc.stderr
    assert file.read_text(encoding="utf-8") == "keep me"


def test_a_folder_that_is_not_a_build_is_never_deleted(tmp_path):
    out = tmp_path / "home"
    (out / "web").mkdir(parents=True)
    (out / "web" / "my-site.html").write_text("someone's own web folder", encoding="utf-8")
    proc = build(out, cwd=tmp_path)
    assert proc.returncode == 2 and "not a RightsPath build" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(out / "web") == {"my-site.html": b"someone's own web folder"}
    assert not (out / "stage").exists() and no_leftovers(out)


def test_a_failed_first_build_leaves_no_folder_behind(tmp_path):
    proc = build(tmp_path / "new" / "out", "--timeout", "0.001", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "new" / "out").exists()


@pytest.mark.parametrize("value", ["nan", "inf", "-5", "0", "-inf"])
def test_timeout_must_be_a_finite_positive_number(tmp_path, value):
    proc = build(tmp_path / "out", f"--timeout={value}", cwd=tmp_path)  # '=': argparse takes -inf for an option
    assert proc.returncode == 2, proc.stderr
    assert "--timeout" in proc.stderr and "greater than 0" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()  # refused before anything was made
