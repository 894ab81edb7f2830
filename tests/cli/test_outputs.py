"""Issue 11 (D2, R10): ``-o`` of compile, graph, schema, report and ``i18n compile`` replaces only an
earlier output of the same command, never a source, an input or a file of another kind; outputs get
the usual permissions (0666 & ~umask). Through the real command line, on real files."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RP = ROOT / ".venv" / "bin" / "rightspath"
SCENARIOS = ROOT / "scenarios"
STORY = ("--story", str(SCENARIOS / "tutorial.yaml"))  # the records are replayed on it wherever we run


def rp(*args: str, cwd: Path, umask: int = 0o022) -> subprocess.CompletedProcess:
    exe = [str(RP)] if RP.exists() else [sys.executable, "-m", "game"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*exe, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                          preexec_fn=lambda: os.umask(umask))


def refused(done: subprocess.CompletedProcess, name: str) -> None:
    assert done.returncode != 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert name in done.stderr and "not replaced" in done.stderr, done.stderr


@pytest.fixture
def project(tmp_path) -> Path:
    """A scenario with its rights catalogues and translations, as an author has it."""
    (tmp_path / "scenarios" / "rights").mkdir(parents=True)
    for name in ("tutorial.yaml", "tutorial.bg.po"):
        shutil.copy(SCENARIOS / name, tmp_path / "scenarios" / name)
    for path in (SCENARIOS / "rights").iterdir():
        if path.suffix in (".yaml", ".po"):
            shutil.copy(path, tmp_path / "scenarios" / "rights" / path.name)
    return tmp_path


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    done = rp("play", "--text", str(SCENARIOS / "tutorial.yaml"), "--auto", "--seed", "2", "--trainee", "T1",
              "--session", "S", "--export", str(out), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return out


def test_compile_onto_its_own_source_is_refused_and_the_source_kept(project):
    source = project / "scenarios" / "tutorial.yaml"
    before = source.read_bytes()
    done = rp("compile", "tutorial.yaml", "-o", "tutorial.yaml", cwd=source.parent)
    refused(done, "tutorial.yaml")
    assert source.read_bytes() == before


def test_o_never_replaces_a_source_an_input_or_a_file_of_another_kind(project, exports):
    scen = project / "scenarios"
    assert rp("compile", "tutorial.yaml", "-o", "story.json", cwd=scen).returncode == 0
    assert rp("report", str(exports), *STORY, "-o", "debrief.html", cwd=scen).returncode == 0
    (scen / "tables").mkdir()
    (scen / "tables" / "overview.csv").write_text("our own sheet,not a report table\n", encoding="utf-8")
    record = next(p for p in exports.iterdir() if p.name.endswith("Z.json"))
    shutil.copy(SCENARIOS / "tutorial.yaml", scen / "copy.yaml")
    cases = [
        (("compile", "tutorial.yaml", "-o", "rights/directive-2012-29.yaml"), "rights/directive-2012-29.yaml"),
        (("compile", "tutorial.yaml", "-o", "tutorial.bg.po"), "tutorial.bg.po"),
        (("compile", "tutorial.yaml", "-o", "debrief.html"), "debrief.html"),
        (("graph", "tutorial.yaml", "-o", "copy.yaml"), "copy.yaml"),
        (("graph", "tutorial.yaml", "-o", "story.json"), "story.json"),
        (("schema", "-o", "story.json"), "story.json"),
        (("schema", "--rights", "-o", "tutorial.yaml"), "tutorial.yaml"),
        (("report", str(exports), *STORY, "-o", str(record)), record.name),
        (("report", str(exports), *STORY, "-o", "story.json"), "story.json"),
        (("report", str(exports), *STORY, "--format", "csv", "-o", "tables"), "overview.csv"),
    ]
    files = [p for p in (*scen.rglob("*"), *exports.iterdir()) if p.is_file()]
    before = {p: (p.read_bytes(), p.stat().st_mode) for p in files}
    for args, name in cases:
        refused(rp(*args, cwd=scen), name)
    after = {p: (p.read_bytes(), p.stat().st_mode) for p in (*scen.rglob("*"), *exports.iterdir()) if p.is_file()}
    assert after == before  # nothing replaced, nothing added (no temporary file left behind)


def test_o_replaces_an_earlier_output_of_the_same_command(project, exports):
    scen = project / "scenarios"
    runs = [("compile", "tutorial.yaml", "-o", "out/story.json"), ("graph", "tutorial.yaml", "-o", "out/graph.md"),
            ("schema", "-o", "out/scenario.schema.json"), ("schema", "--rights", "-o", "out/rights.schema.json"),
            ("report", str(exports), *STORY, "-o", "out/debrief.html"),
            ("report", str(exports), *STORY, "--format", "csv", "-o", "out/tables")]
    (scen / "out").mkdir()
    for args in runs + runs:
        done = rp(*args, cwd=scen)
        assert done.returncode == 0, (args, done.stderr)
    names = sorted(p.name for p in (scen / "out").rglob("*"))
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")], names


def test_i18n_compile_replaces_its_own_story_but_not_another_file(project):
    target = project / "out" / "tutorial.bg.json"
    target.parent.mkdir()
    target.write_text('{"mine": "not a story"}\n', encoding="utf-8")
    done = rp("i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/tutorial.yaml", cwd=project)
    refused(done, "tutorial.bg.json")
    assert target.read_text(encoding="utf-8") == '{"mine": "not a story"}\n'
    target.unlink()
    for _ in range(2):
        done = rp("i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/tutorial.yaml", cwd=project)
        assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"{")


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_outputs_get_the_usual_permissions(project, exports, umask):
    scen = project / "scenarios"
    expected = 0o666 & ~umask
    (scen / "old.json").write_text("{}", encoding="utf-8")
    runs = {"story.json": ("compile", "tutorial.yaml", "-o", "story.json"),
            "graph.md": ("graph", "tutorial.yaml", "-o", "graph.md"),
            "schema.json": ("schema", "-o", "schema.json"),
            "debrief.html": ("report", str(exports), *STORY, "-o", "debrief.html"),
            "tables/overview.csv": ("report", str(exports), *STORY, "--format", "csv", "-o", "tables")}
    for name, args in runs.items():
        for _ in range(2):  # a new file, then replacing our own earlier output
            done = rp(*args, cwd=scen, umask=umask)
            assert done.returncode == 0, done.stderr
            assert stat.S_IMODE((scen / name).stat().st_mode) == expected, (name, oct((scen / name).stat().st_mode))
    done = rp("i18n", "compile", "--lang", "bg", "-o", "out", "scenarios/tutorial.yaml", cwd=project, umask=umask)
    assert done.returncode == 0, done.stderr
    for path in (project / "out").rglob("*.json"):
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
    results = project / "results"
    done = rp("play", "--text", "scenarios/tutorial.yaml", "--auto", "--export", str(results), cwd=project,
              umask=umask)
    assert done.returncode == 0, done.stderr
    assert {stat.S_IMODE(p.stat().st_mode) for p in results.iterdir()} == {expected}
