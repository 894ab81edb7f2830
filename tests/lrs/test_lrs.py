"""Push to and pull from a real Ralph LRS through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from game.exports import build_record, folder_writer, record_from_json, sign_record, statements, verify_file, write_exports
from game.lrs.client import LRSClient, LRSError
from tests.exports import helpers
from tests.lrs import lrs_server

REPO = Path(__file__).resolve().parents[2]
KEY = "room-42-key"


def rightspath(*args):
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=300, env={**os.environ, "RIGHTSPATH_LRS_USER": "", "RIGHTSPATH_SESSION_KEY": "",
                                                      "RIGHTSPATH_LRS_PASSWORD": ""})


def exported(folder: Path, session: str, n: int, formats="json,xapi") -> list[dict]:
    story = helpers.story()
    records = []
    for i in range(n):
        run = helpers.played(i, story, votes=i % 2 == 0, seconds=True)
        record = build_record(run, story, helpers.meta(i, session=session, mode="facilitated" if i % 2 == 0 else "learning"))
        helpers.validate(record)
        write_exports(record, formats, folder_writer(folder), session_key=KEY)
        records.append(sign_record(record, KEY))
    return records


def test_our_statements_pass_ralphs_xapi_models():
    story = helpers.story()
    stmts = []
    for i in range(6):
        stmts += statements(build_record(helpers.played(i, story, votes=True, seconds=True), story, helpers.meta(i)))
    stmts += statements(build_record(helpers.unfinished(story), story, helpers.meta(trainee="", session="")))
    # The room as an identified Group, with its votes (facilitated mode).
    stmts += statements(build_record(helpers.played(2, story, votes=True), story, helpers.meta(2, mode="facilitated")))
    check = [str(lrs_server.PYTHON), str(Path(__file__).with_name("ralph_validate.py"))]
    ok = subprocess.run(check, input=json.dumps(stmts), capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"{len(stmts)} valid, 0 invalid" in ok.stdout
    broken = json.loads(json.dumps(stmts[:2]))
    broken[1]["context"]["registration"] = "not-a-uuid"  # the check can fail
    bad = subprocess.run(check, input=json.dumps(broken), capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "1 valid, 1 invalid" in bad.stdout


def test_push_twice_then_pull_back_equal(lrs, tmp_path):
    session = "PUSH-" + uuid.uuid4().hex[:6]
    records = exported(tmp_path / "out", session, 4)
    common = ["--endpoint", lrs.url, "--user", lrs.user, "--password", lrs.password]
    first = rightspath("lrs", "push", tmp_path / "out", *common)
    assert first.returncode == 0, first.stderr
    expected = sum(len(statements(r)) for r in records)
    assert f"sent {expected} statements of 4 playthrough(s) from 8 file(s)" in first.stdout  # JSON and xAPI each
    assert f"{expected} newly stored" in first.stdout
    assert "pushing [" in first.stderr and f"{expected}/{expected} statements" in first.stderr
    mine = [s for s in lrs.statements() if s["context"]["extensions"].get(
        "https://rightspath.eu/xapi/extensions/session") == session]
    assert len(mine) == expected and len({s["id"] for s in mine}) == expected

    again = rightspath("lrs", "push", tmp_path / "out", *common)
    assert again.returncode == 0, again.stderr
    assert "0 newly stored" in again.stdout
    mine = [s for s in lrs.statements() if s["context"]["extensions"].get(
        "https://rightspath.eu/xapi/extensions/session") == session]
    assert len(mine) == expected, "a second push must not create duplicates"

    pulled = rightspath("lrs", "pull", *common, "--session", session, "-o", tmp_path / "pulled")
    assert pulled.returncode == 0, pulled.stderr
    files = sorted((tmp_path / "pulled").glob("*.json"))
    assert len(files) == 4
    back = [record_from_json(f.read_bytes()) for f in files]
    for r in back:
        helpers.validate(r)
    key = lambda r: r["trainee"]  # noqa: E731
    assert sorted(back, key=key) == sorted(records, key=key)
    assert all(verify_file(f, KEY).status == "valid" for f in files)


def test_pull_of_an_unknown_session_finds_nothing(lrs, tmp_path):
    out = rightspath("lrs", "pull", "--endpoint", lrs.url, "--user", lrs.user, "--password", lrs.password,
                     "--session", "NOBODY-" + uuid.uuid4().hex[:6], "-o", tmp_path)
    assert out.returncode == 0 and "0 record(s)" in out.stdout


def test_bad_credentials_give_a_clear_error(lrs, tmp_path):
    exported(tmp_path, "CRED", 1, formats="json")
    out = rightspath("lrs", "push", tmp_path, "--endpoint", lrs.url, "--user", lrs.user, "--password", "wrong")
    assert out.returncode == 1
    assert "refused the credentials (HTTP 401" in out.stderr and "Traceback" not in out.stderr
    out = rightspath("lrs", "pull", "--endpoint", lrs.url, "--user", "nobody", "--password", "x", "--session", "S")
    assert out.returncode == 1 and "refused the credentials" in out.stderr


def test_rejected_and_conflicting_statements_carry_the_lrs_message(lrs):
    client = LRSClient(lrs.url, lrs.user, lrs.password)
    story = helpers.story()
    stmts = statements(build_record(helpers.played(3, story), story, helpers.meta(3, session="REJECT")))
    bad = json.loads(json.dumps(stmts[0]))
    bad["id"] = str(uuid.uuid4())
    del bad["verb"]
    with pytest.raises(LRSError, match=r"rejected the statements \(HTTP 4\d\d\): statement 1: verb: Field required"):
        client.send([bad])
    assert client.send(stmts) == len(stmts)
    changed = json.loads(json.dumps(stmts[1]))
    changed["result"]["response"] = "something-else"
    with pytest.raises(LRSError, match=f"different statement with id {changed['id']} \\(HTTP 409"):
        client.send([changed, stmts[0]])  # the batch is refused; statement by statement finds the culprit
    fresh = statements(build_record(helpers.played(4, story), story, helpers.meta(4, session="PUT-ONE")))[0]
    client.put(fresh)
    client.put(fresh)  # identical again: accepted, not stored twice
    assert sum(1 for s in lrs.statements() if s["id"] == fresh["id"]) == 1
    client.close()


def test_stopped_server_gives_a_clear_error(fresh_lrs, tmp_path):
    exported(tmp_path, "STOP", 1, formats="json")
    url = fresh_lrs.url
    fresh_lrs.stop()
    out = rightspath("lrs", "push", tmp_path, "--endpoint", url, "--user", "u", "--password", "p", "--timeout", "5")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"cannot reach the LRS at {url}" in out.stderr and "connection refused" in out.stderr


def test_unknown_host_gives_a_clear_error(tmp_path):
    # .invalid is reserved (RFC 2606): no resolver anywhere can give it an address.
    exported(tmp_path, "HOST", 1, formats="json")
    url = "http://lrs.rightspath.invalid/xAPI/"
    for args in (("push", tmp_path), ("pull", "--session", "HOST")):
        out = rightspath("lrs", *args, "--endpoint", url, "--user", "u", "--password", "p", "--timeout", "5")
        assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
        assert f"cannot reach the LRS at {url}: the host name is unknown" in out.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".json"]  # the export is left as it was


@pytest.mark.parametrize("timeout", ["-1", "0", "nan", "inf", "soon"])
def test_a_timeout_that_is_not_a_positive_number_is_refused(tmp_path, timeout):
    exported(tmp_path, "TIME", 1, formats="json")
    for args in (("push", tmp_path), ("pull", "--session", "TIME")):
        out = rightspath("lrs", *args, "--endpoint", "http://127.0.0.1:9/xAPI/", "--timeout", timeout)
        assert out.returncode == 2 and "Traceback" not in out.stderr and "--timeout" in out.stderr, out.stderr


def test_pull_into_a_file_is_refused_before_asking_the_lrs(tmp_path):
    target = tmp_path / "records.json"
    target.write_text("keep", encoding="utf-8")
    # nothing listens on port 9: had it asked the LRS first, the error would be "cannot reach"
    out = rightspath("lrs", "pull", "--endpoint", "http://127.0.0.1:9/xAPI/", "--session", "S", "-o", target)
    assert out.returncode == 2 and f"-o {target}: that is a file; give a folder" in out.stderr, out.stderr
    assert target.read_text(encoding="utf-8") == "keep"


def test_usage_errors(tmp_path):
    out = rightspath("lrs", "push", tmp_path / "missing", "--endpoint", "http://127.0.0.1:9/xAPI/")
    assert out.returncode == 2 and "no such file or folder" in out.stderr
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    out = rightspath("lrs", "push", tmp_path / "x.json", "--endpoint", "ftp://nowhere")
    assert out.returncode == 2 and "http:// or https://" in out.stderr


def test_report_straight_from_the_lrs(lrs, tmp_path):
    session = "REPORT-" + uuid.uuid4().hex[:6]
    records = exported(tmp_path / "out", session, 3, formats="xapi")
    common = ["--endpoint", lrs.url, "--user", lrs.user, "--password", lrs.password]
    assert rightspath("lrs", "push", tmp_path / "out", *common).returncode == 0
    out = tmp_path / "debrief.html"
    result = rightspath("report", "--lrs", lrs.url, "--user", lrs.user, "--password", lrs.password,
                        "--session", session, "-o", out, "--session-key", KEY)
    assert result.returncode == 0, result.stderr
    assert "3 playthrough(s) included, 0 file(s) not included" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert 'data-figure="participants">3<' in html and session in html
    assert all(r["trainee"] in html for r in records)
    wrong = rightspath("report", "--lrs", lrs.url, "--user", lrs.user, "--password", "nope", "--session", session,
                       "-o", out)
    assert wrong.returncode == 1 and "refused the credentials" in wrong.stderr


def test_push_with_a_key_leaves_out_tampered_files(lrs, tmp_path):
    session = "KEYED-" + uuid.uuid4().hex[:6]
    records = exported(tmp_path / "out", session, 2, formats="json")
    original = sorted((tmp_path / "out").glob("*.json"))[0]
    (tmp_path / "bad").mkdir()
    victim = tmp_path / "bad" / original.name
    victim.write_text(original.read_text(encoding="utf-8").replace('"mode":"', '"mode":"x', 1), encoding="utf-8")
    original.unlink()
    out = rightspath("lrs", "push", tmp_path / "out", tmp_path / "bad", "--endpoint", lrs.url, "--user", lrs.user,
                     "--password", lrs.password, "--session-key", KEY)
    assert out.returncode == 1 and f"{victim}: skipped — tampered" in out.stderr
    assert "of 1 playthrough(s)" in out.stdout
    client = LRSClient(lrs.url, lrs.user, lrs.password)
    from game.lrs.records import fetch_records

    back, notes = fetch_records(client, session)
    client.close()
    assert not notes and len(back) == 1 and back[0] in records


def test_pull_follows_more_links(lrs, tmp_path):
    from game.lrs.records import fetch_records

    session = "PAGES-" + uuid.uuid4().hex[:6]
    records = exported(tmp_path / "out", session, 3, formats="json")
    assert rightspath("lrs", "push", tmp_path / "out", "--endpoint", lrs.url, "--user", lrs.user,
                      "--password", lrs.password).returncode == 0
    client = LRSClient(lrs.url, lrs.user, lrs.password, page_limit=4)  # many pages of 4 statements
    pages = []
    real_request = client._request

    def counting(method, url, **kwargs):
        pages.append(url)
        return real_request(method, url, **kwargs)

    client._request = counting
    back, notes = fetch_records(client, session)
    client.close()
    assert not notes and sorted(back, key=lambda r: r["trainee"]) == sorted(records, key=lambda r: r["trainee"])
    assert len(pages) > 3 and any("search_after" in u or "?" in u for u in pages[1:])


def test_pull_keeps_playthroughs_that_share_a_file_name(lrs, tmp_path):
    story = helpers.story()
    session = "TWINS-" + uuid.uuid4().hex[:6]
    twins = [build_record(helpers.played(seed, story), story, helpers.meta(0, session=session)) for seed in (1, 2)]
    assert twins[0] != twins[1]
    for i, r in enumerate(twins):  # same trainee, session and end time: the same file name
        write_exports(r, "xapi", folder_writer(tmp_path / "out" / str(i)))
    common = ["--endpoint", lrs.url, "--user", lrs.user, "--password", lrs.password]
    assert rightspath("lrs", "push", tmp_path / "out", *common).returncode == 0
    pulled = rightspath("lrs", "pull", *common, "--session", session, "-o", tmp_path / "back")
    assert pulled.returncode == 0, pulled.stderr
    back = [record_from_json(p.read_bytes()) for p in sorted((tmp_path / "back").glob("*.json"))]
    assert len(back) == 2 and all(r in back for r in twins)
