"""A session's write-only credential on a real Ralph (``game.lrs.credential``): made with Ralph's own
``ralph auth``, it writes statements and reads nothing when Ralph enforces scopes; revoked, it is
refused; the facilitator's credential still reads what it wrote."""

from __future__ import annotations

import json
import uuid

import pytest
import requests

from game.errors import UserError
from game.lrs.credential import create_on_ralph, new_credential, revoke_on_ralph
from tests.lrs import lrs_server

pytestmark = [pytest.mark.lrs, pytest.mark.skipif(not lrs_server.available(), reason="Ralph LRS not installed: "
                                                                                     "run 'make lrs-setup'")]
HEADERS = {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}


def statement():
    return {"id": str(uuid.uuid4()), "actor": {"objectType": "Agent", "account": {"homePage": "https://rightspath.eu",
                                                                                  "name": "S-1/T-1"}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"objectType": "Activity", "id": "https://rightspath.eu/scenarios/tutorial"}}


def scoped(workdir):
    server = lrs_server.RalphServer(workdir)
    server.env.update(RALPH_LRS_RESTRICT_BY_SCOPES="True", RALPH_LRS_RESTRICT_BY_AUTHORITY="True")
    return server


def test_a_session_credential_writes_statements_and_reads_none_and_is_gone_once_revoked(tmp_path):
    server = scoped(tmp_path / "ralph")
    auth_file = server.workdir / "auth.json"
    cred = create_on_ralph("S-1", auth_file, str(lrs_server.RALPH), server.env)
    assert cred.username.startswith("rp-S-1-") and len(cred.password) >= 24
    (user,) = [u for u in json.loads(auth_file.read_text()) if u["username"] == cred.username]
    assert user["scopes"] == ["statements/write"] and cred.password not in auth_file.read_text()
    server.start()  # Ralph reads its users file at start (its own facilitator is added to it)
    try:
        trainee = {**HEADERS, "Authorization": cred.authorization}
        sent = statement()
        r = requests.post(server.url + "statements", json=[sent], headers=trainee, timeout=30)
        assert r.status_code == 200, r.text
        r = requests.get(server.url + "statements", headers=trainee, timeout=30)
        assert r.status_code == 401 and "scope" in r.text  # a trainee who reads the link cannot read results
        assert [s["id"] for s in server.statements()] == [sent["id"]]  # the facilitator reads them
        assert cred.fragment(server.url).startswith(f"#lrs={server.url}&lrsauth=Basic%20")
    finally:
        server.stop()
    assert revoke_on_ralph(cred.username, auth_file) and not revoke_on_ralph(cred.username, auth_file)
    assert [u["username"] for u in json.loads(auth_file.read_text())] == ["facilitator"]
    revoke_on_ralph("facilitator", auth_file)  # start() adds it again (Ralph refuses a second one)
    server.start()
    try:
        r = requests.post(server.url + "statements", json=[statement()], headers={
            **HEADERS, "Authorization": cred.authorization}, timeout=30)
        assert r.status_code == 401
    finally:
        server.stop()


def test_bad_session_codes_and_files_are_refused_with_a_reason(tmp_path):
    with pytest.raises(UserError, match="--session"):
        new_credential("a b")
    bad = tmp_path / "auth.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="not a Ralph users file"):
        create_on_ralph("S-1", bad, str(lrs_server.RALPH))
    assert bad.read_text(encoding="utf-8") == "{not json"  # never overwritten
    with pytest.raises(UserError, match="not installed"):
        create_on_ralph("S-1", tmp_path / "new.json", str(tmp_path / "no-ralph"))


def test_the_command_line_makes_and_revokes_it_and_refuses_bad_input(tmp_path):
    import subprocess
    import sys

    from tests.lrs.lrs_server import REPO

    server = scoped(tmp_path / "ralph")
    auth_file = server.workdir / "auth.json"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "game", "lrs", "credential", "--ralph-auth-file", str(auth_file),
                               "--ralph", str(lrs_server.RALPH), *args], capture_output=True, text=True,
                              cwd=REPO, env=server.env, timeout=300)

    made = run("--session", "S-7", "--endpoint", "https://lrs.example/xAPI/")
    assert made.returncode == 0, made.stderr
    (user,) = json.loads(auth_file.read_text())
    assert user["username"].startswith("rp-S-7-") and user["scopes"] == ["statements/write"]
    assert "#lrs=https://lrs.example/xAPI/&lrsauth=Basic%20" in made.stdout
    gone = run("--revoke", user["username"])
    assert gone.returncode == 0 and json.loads(auth_file.read_text()) == []
    for args, code, words in ((("--revoke", "nobody"), 1, "no such user"), ((), 2, "--session"),
                              (("--session", "a b", "--endpoint", "https://x/"), 2, "--session"),
                              (("--session", "S-1", "--endpoint", "ftp://x/"), 2, "--endpoint")):
        bad = run(*args)
        assert bad.returncode == code and words in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
