"""After the test session: every export the tests wrote to disk must match the committed JSON Schema.

Imported by the conftest of each exports-related test folder. It walks pytest's temporary folders
for RightsPath JSON records and xAPI files (rebuilt into records) and validates each one.
"""

from __future__ import annotations

import json
import stat

import pytest

from tests.exports import helpers


def sweep(base) -> tuple[int, list[str]]:
    import jsonschema

    from game.exports import RecordError, record_from_statements

    checked, problems = 0, []
    validator = jsonschema.Draft202012Validator(helpers.schema())
    for path in base.rglob("*.json"):
        if "bad" in path.relative_to(base).parts[:-1]:
            continue  # a folder of deliberately damaged files
        try:
            # Only regular files: the hostile-input tests leave named pipes called x.json (reading one
            # would wait for a writer for ever), broken links and folders named like files.
            if path.is_symlink() or not stat.S_ISREG(path.stat().st_mode):
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            continue  # deliberately broken files made by the tests (some nested too deep to parse)
        if isinstance(data, list) and data and isinstance(data[0], dict) and "verb" in data[0]:
            try:
                data = record_from_statements(data)
            except RecordError:
                continue
        if not (isinstance(data, dict) and data.get("format") == "rightspath-record"
                and data.get("record_version") in (1, 2)):
            continue  # not a record, or a deliberately unknown version
        checked += 1
        for error in validator.iter_errors(data):
            problems.append(f"{path}: {error.json_path}: {error.message}")
    return checked, problems


@pytest.fixture(scope="session", autouse=True)
def every_export_on_disk_matches_the_schema(tmp_path_factory):
    yield
    checked, problems = sweep(tmp_path_factory.getbasetemp())
    # Tests keep deliberately damaged records in memory or in folders named "bad"; anything else on
    # disk that claims to be a version-1 record must be a valid one.
    assert not problems, f"{len(problems)} of {checked} exports do not match the schema:\n" + "\n".join(problems[:10])
