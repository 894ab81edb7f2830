"""A room's choice the facilitator undid (issue 15), through a real Ralph LRS: the voiding statement
passes Ralph's xAPI models, is stored after the answer it voids, and the playthrough pulled back is
the record that was pushed, undone choice included, and verifies."""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path

from game.exports import build_record, folder_writer, record_from_json, sign_record, statements, verify_file, write_exports
from game.exports.xapi import VERBS
from tests.exports import helpers
from tests.exports.test_undo import undone_run
from tests.lrs import lrs_server
from tests.lrs.test_lrs import KEY, rightspath


def test_an_undone_choice_is_voided_in_ralph_and_pulled_back_whole(lrs, tmp_path):
    story = helpers.story()
    session = "UNDO-" + uuid.uuid4().hex[:6]
    run, undo, _rec = undone_run(story)
    record = build_record(run, story, helpers.meta(session=session, mode="facilitated", undone=[undo]))
    stmts = statements(record)
    check = [str(lrs_server.PYTHON), str(Path(__file__).with_name("ralph_validate.py"))]
    ok = subprocess.run(check, input=json.dumps(stmts), capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and f"{len(stmts)} valid, 0 invalid" in ok.stdout, ok.stdout + ok.stderr

    write_exports(record, "json,xapi", folder_writer(tmp_path / "out"), session_key=KEY)
    common = ["--endpoint", lrs.url, "--user", lrs.user, "--password", lrs.password]
    pushed = rightspath("lrs", "push", tmp_path / "out", *common)
    assert pushed.returncode == 0, pushed.stderr
    mine = [s for s in lrs.statements() if s["context"]["extensions"].get(
        "https://rightspath.eu/xapi/extensions/session") == session]
    voiding = [s for s in mine if s["verb"]["id"] == VERBS["voided"]]
    assert len(voiding) == 1 and voiding[0]["object"]["objectType"] == "StatementRef"

    pulled = rightspath("lrs", "pull", *common, "--session", session, "-o", tmp_path / "pulled")
    assert pulled.returncode == 0, pulled.stderr
    [file] = sorted((tmp_path / "pulled").glob("*.json"))
    back = record_from_json(file.read_bytes())
    assert back == sign_record(record, KEY) and back["undone"][0]["chosen"] == undo["chosen"]
    assert verify_file(file, KEY).status == "valid"
