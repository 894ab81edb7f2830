"""One learner per person, the room as a group, and no forged figures sent: against a real Ralph LRS."""

from __future__ import annotations

import uuid

from game.exports import build_record, folder_writer, statements, write_exports
from game.exports.xapi import EXT
from tests.exports import forgeries, helpers
from tests.lrs.test_lrs import rightspath

SESSION_EXT = EXT + "session"


def mine(lrs, *sessions) -> list[dict]:
    return [s for s in lrs.statements() if s["context"]["extensions"].get(SESSION_EXT) in sessions]


def common(lrs) -> list:
    return ["--endpoint", lrs.url, "--user", lrs.user, "--password", lrs.password]


def test_the_same_trainee_codes_in_two_sessions_come_back_as_different_actors(lrs, tmp_path):
    tag = uuid.uuid4().hex[:6]
    a, b = f"A-{tag}", f"B-{tag}"
    story = helpers.story()
    for session in (a, b):
        for i in range(2):  # T000 and T001 in both sessions
            record = build_record(helpers.played(i, story), story, helpers.meta(i, session=session))
            write_exports(record, "json", folder_writer(tmp_path / "out"))
    out = rightspath("lrs", "push", tmp_path / "out", *common(lrs))
    assert out.returncode == 0, out.stderr
    actors = {}
    for s in mine(lrs, a, b):
        key = (s["context"]["extensions"][SESSION_EXT], s["actor"]["account"]["name"])
        actors.setdefault(key, set()).add((s["actor"]["objectType"], s["actor"]["account"]["homePage"],
                                           s["actor"]["account"]["name"]))
    assert sorted(actors) == sorted([(a, f"{a}/T000"), (a, f"{a}/T001"), (b, f"{b}/T000"), (b, f"{b}/T001")])
    assert len({next(iter(v)) for v in actors.values()}) == 4  # four different actors, one per learner
    assert all(v == {("Agent", "https://rightspath.eu", name)} for (_, name), v in actors.items())


def test_a_facilitated_playthrough_is_the_rooms_choice_with_its_votes(lrs, tmp_path):
    session = f"ROOM-{uuid.uuid4().hex[:6]}"
    story = helpers.story()
    record = build_record(helpers.played(4, story, votes=True), story,
                          helpers.meta(4, session=session, trainee="", mode="facilitated"))
    assert record["chooser"] == "room" and record["learner"]["kind"] == "room"
    write_exports(record, "json", folder_writer(tmp_path / "out"))
    out = rightspath("lrs", "push", tmp_path / "out", *common(lrs))
    assert out.returncode == 0, out.stderr
    back = mine(lrs, session)
    assert len(back) == len(statements(record))
    for s in back:
        assert s["actor"]["objectType"] == "Group"
        assert s["actor"]["account"]["name"] == f"{session}/room"
        assert s["context"]["extensions"][EXT + "chosen-by"] == "room"
    answered = [s for s in back if s["verb"]["id"].endswith("/answered")]
    by_node = {d["node"]: d for d in record["decisions"]}
    assert answered and all(s["result"]["extensions"][EXT + "votes"] ==
                            by_node[s["context"]["extensions"][EXT + "decision"]["node"]]["votes"] for s in answered)


def test_push_sends_no_forgery_signed_or_not(lrs, tmp_path):
    session = f"FORGE-{uuid.uuid4().hex[:6]}"
    for signed, folder in ((True, tmp_path / "signed"), (False, tmp_path / "plain")):
        good = forgeries.honest_room(folder, 2, session=session + ("-s" if signed else "-u"), signed=signed)
        for name, (make, _) in forgeries.FORGERIES.items():
            forgeries.write(folder, name, make(session + ("-s" if signed else "-u")), signed=signed)
        key = ["--session-key", forgeries.KEY] if signed else []
        out = rightspath("lrs", "push", folder, *common(lrs), *key)
        assert out.returncode == 1, out.stdout + out.stderr
        for name, (_, words) in forgeries.FORGERIES.items():
            line = next(line for line in out.stderr.splitlines() if f"{name}.json: skipped" in line)
            assert words in line, line
        assert "of 2 playthrough(s)" in out.stdout
        sent = mine(lrs, session + ("-s" if signed else "-u"))
        names = {s["actor"]["account"]["name"].split("/", 1)[1] for s in sent}
        assert names == {r["trainee"] for r in good}, names
