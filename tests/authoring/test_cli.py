"""The authoring commands through the real command line: exit codes, output, no tracebacks."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.authoring.helpers import INVALID, VALID, VALID_STORY, rightspath


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr


def test_validate_valid_folder_exits_0():
    result = rightspath("validate", str(VALID))
    _no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checked 3 files: 0 errors, 0 warnings" in result.stderr  # the scenario and both catalogues


def test_validate_invalid_file_prints_file_line_col_and_hint():
    result = rightspath("validate", str(INVALID / "e301-unknown-next.yaml"))
    assert result.returncode == 1
    assert "e301-unknown-next.yaml:38:15: error E301: 'bda-end' is not a node" in result.stdout
    assert "  hint: did you mean 'bad-end'?" in result.stdout


def test_lint_is_an_alias_and_json_format_is_machine_readable():
    result = rightspath("lint", "--format", "json", str(INVALID / "e310-unknown-speaker.yaml"))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] == 2 and data["warnings"] == 0
    assert [(d["code"], d["line"], d["col"]) for d in data["diagnostics"]] == [("E310", 21, 31), ("E310", 22, 19)]


def test_warnings_pass_unless_strict():
    path = str(INVALID / "w402-stage-order.yaml")
    assert rightspath("validate", path).returncode == 0
    strict = rightspath("validate", "--strict", path)
    assert strict.returncode == 1
    assert "error W402" in strict.stdout


def test_folder_validation_covers_scenarios_and_catalogues_and_skips_schema(tmp_path):
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "notes.yaml").write_text("- not a scenario\n")
    (tmp_path / "rights" / "broken.yaml").write_text("id: broken\n")
    result = rightspath("validate", str(tmp_path))
    assert result.returncode == 1
    assert "broken.yaml:1:1: error E202" in result.stdout  # the catalogue was checked as a catalogue
    assert "notes.yaml" not in result.stdout


def test_compile_writes_the_golden_bytes(tmp_path):
    out = tmp_path / "story.json"
    result = rightspath("compile", str(VALID_STORY), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == VALID_STORY.with_suffix(".json").read_bytes()


def test_compile_of_invalid_content_keeps_the_old_output(tmp_path):
    out = tmp_path / "story.json"
    out.write_text("previous")
    result = rightspath("compile", str(INVALID / "e309-bad-condition.yaml"), "-o", str(out))
    _no_traceback(result)
    assert result.returncode == 1
    assert "E309" in result.stderr
    assert out.read_text() == "previous"


def test_stats_and_graph():
    stats = rightspath("stats", str(VALID_STORY), "--json")
    assert stats.returncode == 0
    figures = json.loads(stats.stdout)
    assert (figures["nodes"], figures["decisions"], figures["endings"], figures["choices"]) == (8, 3, 2, 6)
    assert figures["rights_count"] == 4 == len(set(figures["rights_assessed"]))
    assert all(isinstance(r, str) for r in figures["rights_assessed"])
    assert figures["roles"] == {"police_officer": 2, "social_worker": 1}
    graph = rightspath("graph", str(VALID_STORY))
    assert graph.returncode == 0
    assert graph.stdout.startswith("```mermaid\nflowchart TD\n")
    assert 'n_how_to_start -->|"explain-simply"| n_check_stress' in graph.stdout
    assert ":::ending" in graph.stdout


def test_schema_command_writes_the_committed_schema(tmp_path):
    out = tmp_path / "s.json"
    assert rightspath("schema", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["title"] == "RightsPath scenario"
    assert rightspath("schema", "--rights").stdout.startswith("{")


@pytest.mark.parametrize("args, code", [
    (["validate", "does-not-exist.yaml"], 2),
    (["compile", "does-not-exist.yaml"], 2),
    (["stats", "."], 2),
    (["graph", "does-not-exist.yaml"], 2),
    (["validate"], 2),
    (["validate", "--format", "xml", "x.yaml"], 2),
    (["compile", str(VALID_STORY), "-o", "/nonexistent-folder/x.json"], 2),
    (["compile", str(VALID_STORY), "-o", "/"], 2),
    (["stats", str(INVALID / "e107-encoding.yaml")], 1),
    (["graph", str(INVALID / "e105-billion-laughs.yaml")], 1),
    (["compile", str(INVALID / "e104-too-deep.yaml")], 1),
])
def test_user_mistakes_give_a_message_and_an_exit_code(args, code):
    result = rightspath(*args)
    _no_traceback(result)
    assert result.returncode == code, result.stderr
    assert result.stderr.strip()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_usage_error(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text("id: secret\n")
    path.chmod(0)
    result = rightspath("validate", str(path))
    _no_traceback(result)
    assert result.returncode == 2


def test_huge_and_hostile_files_through_the_cli(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = rightspath("validate", str(big), str(INVALID / "e105-billion-laughs.yaml"))
    assert result.returncode == 1
    assert "big.yaml:1:1: error E103" in result.stdout
    assert "e105-billion-laughs.yaml:5:8: error E105" in result.stdout
