"""Signatures: valid with the key, and every single-byte change to a signed export is caught."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.exports import (
    build_record, folder_writer, record_to_json, sign_record, signature_status, verify_bytes, write_exports,
    xapi_to_json,
)
from tests.exports import helpers

KEY = "session-7Q2X"
REPO = Path(__file__).resolve().parents[2]


def signed_record(seed=0):
    story = helpers.story()
    return sign_record(build_record(helpers.played(seed, story, votes=True, seconds=True), story,
                                    helpers.meta(seed, trainee="Łucja")), KEY)


def test_sign_and_check():
    record = signed_record()
    helpers.validate(record)
    assert signature_status(record, KEY)[0] == "valid"
    assert signature_status(record, "another-key")[0] == "tampered"
    unsigned = {k: v for k, v in record.items() if k != "signature"}
    assert signature_status(unsigned, KEY)[0] == "unsigned"
    with pytest.raises(ValueError, match="session key"):
        signature_status(record, None)
    changed = dict(record, trainee="someone else")
    assert signature_status(changed, KEY)[0] == "tampered"


def mutations(data: bytes):
    """Every position, changed to two different bytes: a flipped low bit and a space/quote."""
    for i in range(len(data)):
        for new in {data[i] ^ 0x01, 0x20 if data[i] != 0x20 else 0x22}:
            yield i, data[:i] + bytes([new]) + data[i + 1:]


def test_every_single_byte_change_to_a_signed_json_export_is_detected():
    data = record_to_json(signed_record()).encode("utf-8")
    assert verify_bytes(data, KEY).status == "valid"
    missed = [i for i, changed in mutations(data) if verify_bytes(changed, KEY).status not in ("tampered", "corrupt")]
    assert not missed, f"changes at byte(s) {missed[:10]} went unnoticed"


def test_every_single_byte_change_to_a_signed_xapi_export_is_detected():
    # A short playthrough keeps this exhaustive sweep quick: each of ~2x(file size) checks rebuilds the record.
    story = helpers.story()
    record = sign_record(build_record(helpers.unfinished(story), story, helpers.meta(trainee="Łucja")), KEY)
    data = xapi_to_json(record).encode("utf-8")
    assert verify_bytes(data, KEY).status == "valid"
    missed = [i for i, changed in mutations(data) if verify_bytes(changed, KEY).status not in ("tampered", "corrupt")]
    assert not missed, f"changes at byte(s) {missed[:10]} went unnoticed"


def test_reformatted_but_equal_json_is_still_tampered():
    import json

    record = signed_record()
    pretty = json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8")
    verdict = verify_bytes(pretty, KEY)
    assert verdict.status == "tampered" and "bytes" in verdict.reason


def rightspath(*args, env=None):
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, **(env or {})}, timeout=120)


def test_verify_command(tmp_path):
    story = helpers.story()
    record = build_record(helpers.played(2, story), story, helpers.meta(2))
    signed_dir, plain_dir = tmp_path / "signed", tmp_path / "plain"
    signed = write_exports(record, "json,csv,xapi", folder_writer(signed_dir), session_key=KEY)
    plain = write_exports(record, ["json"], folder_writer(plain_dir))
    for path in signed:
        if path.endswith(".json"):
            helpers.validate(verify_bytes(Path(path).read_bytes(), KEY).record)
    tampered = tmp_path / "tampered.json"
    tampered.write_text(Path(signed[0]).read_text(encoding="utf-8").replace('"T002"', '"T999"'), encoding="utf-8")
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_bytes(Path(signed[0]).read_bytes()[:-40])
    newer = tmp_path / "newer.json"
    newer.write_text(Path(plain[0]).read_text(encoding="utf-8").replace('"record_version":2', '"record_version":9'),
                     encoding="utf-8")

    signed_json = [p for p in signed if p.endswith(".json")]
    ok = rightspath("verify", *signed_json, "--session-key", KEY)
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.splitlines()
    assert len(lines) == 2 and all(": valid" in line for line in lines)  # the JSON record and the xAPI file
    unsigned = rightspath("verify", *plain, env={"RIGHTSPATH_SESSION_KEY": ""})
    assert unsigned.returncode == 0 and ": unsigned — no signature; figures recomputed" in unsigned.stdout
    # With a key every file must be signed by it: an unsigned one is not (R5).
    keyed = rightspath("verify", *plain, "--session-key", KEY)
    assert keyed.returncode == 1 and ": unsigned — not signed by the session key given" in keyed.stdout
    csv = rightspath("verify", *(p for p in signed if p.endswith(".csv")), "--session-key", KEY)
    assert csv.returncode == 1 and csv.stdout.count(": unchecked — a CSV table cannot be verified") == 2

    bad = rightspath("verify", signed[0], tampered, corrupt, newer, tmp_path / "missing.json",
                     env={"RIGHTSPATH_SESSION_KEY": KEY})
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    out = bad.stdout.splitlines()
    assert out[0].endswith("valid — signature matches; figures recomputed from the decisions and match")
    assert f"{tampered}: tampered" in out[1]
    assert f"{corrupt}: corrupt" in out[2] and "JSON" in out[2]
    assert f"{newer}: corrupt" in out[3] and "unknown record version 9" in out[3]
    assert "missing.json: unreadable" in out[4]

    folder = rightspath("verify", signed_dir, "--session-key", KEY)
    assert folder.returncode == 0 and folder.stdout.count(": valid") == 2  # a folder: its .json files

    wrong_key = rightspath("verify", signed[0], "--session-key", "not-the-key")
    assert wrong_key.returncode == 1 and ": tampered" in wrong_key.stdout

    no_key = rightspath("verify", signed[0], env={"RIGHTSPATH_SESSION_KEY": ""})
    assert no_key.returncode == 2 and "session key" in no_key.stderr and "Traceback" not in no_key.stderr


def test_the_schema_sweep_finds_and_checks_exports_on_disk(tmp_path):
    import json

    from tests.exports.schema_sweep import sweep

    story = helpers.story()
    record = build_record(helpers.played(3, story), story, helpers.meta(3))
    write_exports(record, "json,xapi", folder_writer(tmp_path), session_key=KEY)
    assert sweep(tmp_path) == (2, [])
    broken = dict(record, mode="freestyle")  # the schema allows three modes only
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "broken.json").write_text(json.dumps(broken), encoding="utf-8")
    checked, problems = sweep(tmp_path)
    assert checked == 3 and len(problems) == 1 and "mode" in problems[0]
    (tmp_path / "sub").rename(tmp_path / "bad")  # where damaged files belong: the sweep skips them
    assert sweep(tmp_path) == (2, [])
