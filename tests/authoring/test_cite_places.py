"""validate --strict checks citations against the catalogues (issue 13): a cited id must exist in a
catalogue the scenario lists (E307, an error), and the entry's stages and actors must cover the
decision that cites it (W440, a warning; an error with --strict), each at file:line. Real files,
the real CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _validate(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "validate", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)


def _draft(tmp_path: Path, assess_line: str) -> tuple[Path, int]:
    """The tutorial with one more assessment in its first decision ('greet': first contact, police)."""
    (tmp_path / "rights").mkdir()
    shutil.copy(ROOT / "scenarios" / "rights" / "directive-2012-29.yaml", tmp_path / "rights")
    lines = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if re.match(r"^\s+assess:\s*$", line))
    indent = re.match(r"^(\s*)", lines[at + 1]).group(1)
    lines.insert(at + 1, indent + assess_line)
    path = tmp_path / "tutorial.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, at + 2  # 1-based line of the inserted assessment


def test_the_bundled_scenarios_pass_strict_validation():
    done = _validate("--strict", ROOT / "scenarios")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_right_cited_outside_its_stages_and_actors_is_a_warning_at_its_line(tmp_path):
    # 23(3)(b) (evidence from outside the courtroom) is the court's: not a first-contact police decision
    path, line = _draft(tmp_path, '- {right: "23(3)(b)", verdict: upholds, weight: 1}')
    plain = _validate(path)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    found = [x for x in plain.stdout.splitlines() if " W440: " in x]
    assert len(found) == 1, plain.stdout
    assert found[0].startswith(f"{path}:{line}:") and "warning W440" in found[0]
    assert "stage 'first_contact'" in found[0] and "role 'police_officer'" in found[0]
    assert re.search(r"directive-2012-29\.yaml:\d+", plain.stdout)  # the entry's own file:line in the hint
    strict = _validate("--strict", path)
    assert strict.returncode == 1 and f"{path}:{line}:" in strict.stdout and "error W440" in strict.stdout


def test_a_right_the_listed_catalogues_do_not_have_is_an_error(tmp_path):
    path, line = _draft(tmp_path, '- {right: "99(9)", verdict: upholds, weight: 1}')
    done = _validate(path)
    assert done.returncode == 1
    assert any(x.startswith(f"{path}:{line}:") and "error E307" in x for x in done.stdout.splitlines()), done.stdout
