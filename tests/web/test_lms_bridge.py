"""The learning-platform bridge's Python side against its contract (docs/CONTRACTS.md §14), with a
stand-in for the page's window.rpLms (its real side runs in Chromium: test_lms_chromium.py), and the
cmi5 session's statements from real playthrough records."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from game.delivery.cmi5 import (CMI5_CATEGORY, MOVEON_CATEGORY, SESSION_EXT, Cmi5Launch, Cmi5Session,
                                Namespaced, report_for_scorm)
from game.exports import build_record, live_statements
from game.platform.base import Platform
from game.platform.browser import BrowserPlatform
from tests.exports import helpers

REG = "0d4b8e3a-1111-4a2b-9c3d-000000000001"


class Lms:
    def __init__(self, info):
        self.answer, self.reports = info, []

    def info(self):
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def report(self, text):
        self.reports.append(json.loads(text))
        return "ok"


class Window:
    def __init__(self, info):
        self.rpLms = Lms(info)


class NoLms:
    pass


def test_lms_is_none_without_a_learning_platform_or_with_an_answer_it_cannot_use():
    assert BrowserPlatform(window=NoLms(), environ={}).lms() is None
    for answer in ('{"kind": "", "ready": true, "error": ""}', "not json", '["cmi5"]', '{"kind": "aicc"}',
                   RuntimeError("the page's JS threw")):
        assert BrowserPlatform(window=Window(answer), environ={}).lms() is None, answer
    assert Platform().lms() is None and "no learning platform" in Platform().lms_report({})


def test_lms_gives_the_pages_answer_and_lms_report_hands_the_result_over():
    info = {"kind": "scorm12", "ready": True, "error": "",
            "learner": {"id": "L-1", "name": "Ana", "homePage": "https://moodle.example/"}}
    window = Window(json.dumps(info))
    platform = BrowserPlatform(window=window, environ={})
    assert platform.lms() == info
    assert platform.lms_report({"scaled": 0.5, "raw": 50}) == "ok"
    assert window.rpLms.reports == [{"scaled": 0.5, "raw": 50}]
    assert "could not report" in BrowserPlatform(window=NoLms(), environ={}).lms_report({})


def launch(mode="Normal", mastery=None, session="S-1"):
    data = {"contextTemplate": {"contextActivities": {"grouping": [{"id": "https://rightspath.eu/lms/scenarios/x"}],
                                                      "category": [{"id": CMI5_CATEGORY}]},
                                "extensions": {SESSION_EXT: session}},
            "launchMode": mode, "moveOn": "Passed"}
    if mastery is not None:
        data["masteryScore"] = mastery
    return Cmi5Launch.from_info({"kind": "cmi5", "ready": True, "error": "", "endpoint": "https://lms/xapi/",
                                 "authorization": "Basic t",
                                 "actor": {"objectType": "Agent", "account": {"homePage": "https://lms", "name": "u"}},
                                 "registration": REG, "activityId": "https://lms/au/1", "launchData": data})


def record(seed=7, finished=True):
    story = helpers.story()
    rec = build_record(helpers.played(seed, story, seconds=True), story, helpers.meta(seed, session="BRIDGE"))
    assert rec["finished"] is finished
    return rec


class Store(Platform):
    def __init__(self):
        self.items = {}

    def load(self, key):
        return self.items.get(key)

    def save(self, key, text):
        self.items[key] = text

    def delete(self, key):
        self.items.pop(key, None)

    def keys(self):
        return sorted(self.items)


def verbs(stmts):
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in stmts]


def test_the_cmi5_session_is_initialized_decisions_completed_verdict_terminated_each_once():
    rec = record()
    session = Cmi5Session(launch(mastery=0.3), Store())
    assert session.statements(rec, live_statements(rec)) == []  # nothing before initialized
    start = datetime.now(timezone.utc) - timedelta(hours=2)
    out = session.start(start) + session.statements(rec, live_statements(rec))
    n = len(rec["decisions"])
    assert verbs(out) == ["initialized"] + ["answered"] * n + ["completed", "passed", "terminated"]
    stamps = [s["timestamp"] for s in out]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert len({s["id"] for s in out}) == len(out)
    for s in out:
        assert s["context"]["registration"] == REG and s["context"]["extensions"][SESSION_EXT] == "S-1"
        categories = [a["id"] for a in s["context"]["contextActivities"].get("category", [])]
        assert (CMI5_CATEGORY in categories) is (verbs([s])[0] != "answered")
        assert (MOVEON_CATEGORY in categories) is (verbs([s])[0] in ("completed", "passed"))
    completed, passed = out[-3], out[-2]
    assert completed["result"] == {"completion": True, "duration": completed["result"]["duration"]}
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] >= 0.3
    assert passed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == 0.3
    # Nothing after terminated, nothing twice.
    assert session.statements(rec, live_statements(rec)) == [] and session.start(start) == []


def test_the_verdict_follows_the_lms_mastery_score_over_the_scenarios():
    rec = record()
    assert not rec["score"]["passed"]  # by the scenario's mastery
    high = Cmi5Session(launch(mastery=0.99))
    out = high.start(datetime.now(timezone.utc)) + high.statements(rec, live_statements(rec))
    assert "failed" in verbs(out) and "passed" not in verbs(out)
    low = Cmi5Session(launch(mastery=0.0))
    out = low.start(datetime.now(timezone.utc)) + low.statements(rec, live_statements(rec))
    assert "passed" in verbs(out)
    none = Cmi5Session(launch())
    out = none.start(datetime.now(timezone.utc)) + none.statements(rec, live_statements(rec))
    assert "failed" in verbs(out)  # no masteryScore: the scenario's own verdict


def test_browse_sends_no_result_and_a_later_session_of_the_registration_no_second_completed_or_passed():
    rec = record()
    browse = Cmi5Session(launch(mode="Browse", mastery=0.0), Store())
    out = browse.start(datetime.now(timezone.utc)) + browse.statements(rec, live_statements(rec))
    assert not {"completed", "passed", "failed"} & set(verbs(out)) and verbs(out)[-1] == "terminated"
    device = Store()
    first = Cmi5Session(launch(mastery=0.0), device)
    assert "passed" in verbs(first.start(datetime.now(timezone.utc)) + first.statements(rec, live_statements(rec)))
    again = Cmi5Session(launch(mastery=0.99, session="S-2"), device)  # a new session, a stricter mastery next time: still no 'failed' after 'passed'
    out = again.start(datetime.now(timezone.utc)) + again.statements(rec, live_statements(rec))
    assert verbs(out)[0] == "initialized" and verbs(out)[-1] == "terminated"
    assert not {"completed", "passed", "failed"} & set(verbs(out))


def test_the_cmi5_outbox_keeps_to_keys_of_its_own():
    device = Store()
    device.save("xapi-outbox-00000001", "theirs")
    mine = Namespaced(device, "cmi5-")
    mine.save("xapi-outbox-00000001", "mine")
    assert mine.keys() == ["xapi-outbox-00000001"] and mine.load("xapi-outbox-00000001") == "mine"
    assert device.load("xapi-outbox-00000001") == "theirs"


def test_the_scorm_report_is_a_percentage_with_the_verdict_and_the_time():
    rec = record()
    r = report_for_scorm(rec)
    assert r["min"] == 0 and r["max"] == 100 and r["raw"] == round(r["scaled"] * 100, 2)
    assert r["passed"] is rec["score"]["passed"] and r["completed"] is True and r["seconds"] > 0


def test_a_reload_in_the_same_cmi5_session_sends_no_second_initialized_and_nothing_twice():
    device = Store()
    first = Cmi5Session(launch(mastery=0.0), device)
    out = first.start(datetime.now(timezone.utc))
    partial = record()
    half = [s for s in live_statements(partial) if s["verb"]["id"].endswith("answered")][:2]
    out += first.statements({**partial, "finished": False}, half)
    assert verbs(out) == ["initialized", "answered", "answered"]
    # The page is reloaded: a new session object on the same device's storage, the same launch.
    second = Cmi5Session(launch(mastery=0.0), device)
    assert second.start(datetime.now(timezone.utc)) == []
    rest = second.statements(partial, live_statements(partial))
    assert verbs(rest) == ["answered"] * (len(partial["decisions"]) - 2) + ["completed", "passed", "terminated"]
    assert rest[0]["timestamp"] > out[-1]["timestamp"]
    # Another reload after terminated: nothing more in this session.
    third = Cmi5Session(launch(mastery=0.0), device)
    assert third.start(datetime.now(timezone.utc)) == [] and third.statements(partial, live_statements(partial)) == []


def test_a_review_launch_like_browse_sends_no_completed_passed_or_failed():
    rec = record()
    review = Cmi5Session(launch(mode="Review", mastery=0.0), Store())
    out = review.start(datetime.now(timezone.utc)) + review.statements(rec, live_statements(rec))
    assert verbs(out)[0] == "initialized" and verbs(out)[-1] == "terminated"
    assert not {"completed", "passed", "failed"} & set(verbs(out))
    assert all("score" not in s.get("result", {}) for s in out if verbs([s])[0] != "answered")


# -- SCORM suspend data (game.delivery.scorm) ------------------------------------------------------
def _played_run(n_decisions, seconds=True):
    from game.engine import Run, auto_choices

    story = helpers.story()
    run = Run(story, seed=11)
    choices = auto_choices(story, 11)
    made = 0
    while not run.ended and made < n_decisions:
        if run.kind == "scene":
            run.advance()
        else:
            run.choose(choices[made], seconds=12.5 + made if seconds else None)
            made += 1
    if not run.ended and run.kind == "scene":
        run.advance()
    return story, run


def test_the_suspend_data_is_seed_and_steps_and_resumes_the_same_run():
    from game.delivery.scorm import LIMITS, resume_from, suspend_text

    story, run = _played_run(2)
    meta = {"mode": "learning", "language": "en", "started_at": "2026-12-04T10:00:00Z", "trainee": "", "session": ""}
    text = suspend_text(run, meta, LIMITS["scorm12"])
    assert text is not None and len(text) < 400, text  # one character a step, well inside 4096
    again_story, again, again_meta = resume_from(text, [story])
    assert again_story is story and again.to_json() == run.to_json()  # the same node, steps, seconds
    assert again.node_id == run.node_id and again_meta == {"mode": "learning", "language": "en",
                                                             "started_at": "2026-12-04T10:00:00Z"}


def test_a_suspend_data_too_long_for_the_lms_drops_the_seconds_then_gives_none():
    from game.delivery.scorm import resume_from, suspend_text

    story, run = _played_run(4)
    full = suspend_text(run, {}, 64000)
    short = suspend_text(run, {}, len(full) - 1)
    assert short is not None and '"t"' in full and '"t"' not in short
    _, resumed, _ = resume_from(short, [story])
    assert resumed.node_id == run.node_id and all(h.seconds is None for h in resumed.history)
    assert suspend_text(run, {}, 20) is None


def test_suspend_data_that_is_not_ours_or_does_not_replay_is_refused_with_a_reason():
    import json as _json

    import pytest

    from game.delivery.scorm import SuspendProblem, resume_from, suspend_text

    story, run = _played_run(2)
    text = suspend_text(run, {}, 4096)
    for bad, why in (("", "not RightsPath's"), ("{}", "not RightsPath's"), ("[1]", "not RightsPath's"),
                     (text.replace('"id":"' + story.id, '"id":"other'), "does not have"),
                     (_json.dumps({**_json.loads(text), "h": "0" * 16}), "has changed"),
                     (_json.dumps({**_json.loads(text), "k": "zzzz"}), "does not replay")):
        with pytest.raises(SuspendProblem, match=why):
            resume_from(bad, [story])


# -- cmi5: nothing after terminated, the page's part ------------------------------------------------
def test_the_gate_refuses_a_sessions_statements_after_its_terminated():
    from game.delivery.cmi5 import TerminatedGate

    rec = record()
    session = Cmi5Session(launch(mastery=0.0), Store())
    out = session.start(datetime.now(timezone.utc)) + session.statements(rec, live_statements(rec))
    late = dict(out[1], id="late-one")
    gate = TerminatedGate()
    assert gate.refused(out) == [] and gate.refused(out + [late]) == ["late-one"]
    gate.acknowledged(out[-1])
    assert gate.refused([late]) == ["late-one"]
    other = Cmi5Session(launch(mastery=0.0, session="S-9"), Store()).start(datetime.now(timezone.utc))
    assert gate.refused(other) == []  # another session of the registration goes on


class PageLms(Store):
    """A platform whose page answers the cmi5 calls as build/template.html does (its real side runs in
    Chromium: test_lms_chromium.py)."""

    def __init__(self):
        super().__init__()
        self.armed, self.offers, self.info = [], [], {"kind": "cmi5", "ready": True}

    def lms(self):
        return self.info

    def lms_arm(self, text):
        self.armed.append(text)
        return "ok"

    def lms_offer_return(self, lang):
        self.offers.append(lang)
        return "ok"

    def http_request(self, method, url, headers, body):
        return 1

    def http_result(self, ticket):
        return {"status": 200, "body": "[]"}


def test_page_duties_arm_after_initialized_offer_the_return_after_terminated():
    from game.delivery import Outbox, Sender
    from game.delivery.cmi5 import PageDuties
    from game.delivery.sender import LrsTarget

    device = PageLms()
    session = Cmi5Session(launch(mastery=0.0), device)
    outbox = Outbox(Namespaced(device))
    sender = Sender(device, outbox, LrsTarget("https://lms/xapi/"))
    duties = PageDuties(session, outbox, sender, device, "bg")
    outbox.add(session.start(datetime.now(timezone.utc)))
    duties.tick(0.0)
    assert device.armed == []  # initialized is not with the store yet
    sender.tick(0.0), sender.tick(0.1)
    duties.tick(0.2)
    armed = json.loads(device.armed[-1])
    assert armed["statement"]["verb"]["id"].endswith("terminated") and armed["session"] == "S-1"
    rec = record()
    outbox.add(session.statements(rec, live_statements(rec)))
    assert armed["statement"]["id"] == outbox.items[-1]["id"]  # the page's terminated is the game's, by id
    for t in range(10):
        sender.tick(1.0 + t)
    duties.tick(20.0)
    assert device.armed[-1] == "" and device.offers == ["bg"] and len(outbox) == 0


def test_a_session_the_page_ended_sends_nothing_more_even_after_a_reload():
    from game.delivery import Outbox, Sender
    from game.delivery.cmi5 import ABANDONED_KEY, PageDuties
    from game.delivery.sender import LrsTarget

    device = PageLms()
    session = Cmi5Session(launch(mastery=0.0), device)
    outbox = Outbox(Namespaced(device))
    sender = Sender(device, outbox, LrsTarget("https://lms/xapi/"))
    duties = PageDuties(session, outbox, sender, device)
    outbox.add(session.start(datetime.now(timezone.utc)))
    rec = record()
    half = [s for s in live_statements(rec) if s["verb"]["id"].endswith("answered")][:2]
    outbox.add(session.statements({**rec, "finished": False}, half))
    device.info = {"kind": "cmi5", "ready": True, "terminated": True}  # pagehide sent it; the page came back
    duties.tick(5.0)
    assert session.terminated and len(outbox) == 0 and sender.withheld == 3
    assert session.statements(rec, live_statements(rec)) == []
    # A reload of the tab: the page's note (what its pagehide wrote) ends the session again.
    device.items[ABANDONED_KEY] = json.dumps({"registration": REG, "session": "S-1"})
    device.info = {"kind": "cmi5", "ready": True}
    again = Cmi5Session(launch(mastery=0.0), device)
    assert again.terminated and again.abandoned and again.statements(rec, live_statements(rec)) == []


def test_the_learners_language_preference_picks_the_first_language_the_game_has():
    from game.platform.browser import game_languages, preferred_language

    have = game_languages()
    assert {"en", "bg"} <= have
    info = {"kind": "cmi5", "learnerPreferences": {"languagePreference": "fr-FR, bg-BG,en-US"}}
    assert preferred_language(info, have) == "bg"
    assert preferred_language({**info, "learnerPreferences": {"languagePreference": "fr,de"}}, have) is None
    assert preferred_language({"kind": "cmi5", "learnerPreferences": None}, have) is None
    assert preferred_language({"kind": "scorm12"}, have) is None
    platform = BrowserPlatform(window=Window(json.dumps(info)), environ={})
    assert platform.url_params()["lang"] == "bg"
    assert BrowserPlatform(window=Window(json.dumps(info)), environ={"lang": "en"}).url_params()["lang"] == "en"


def test_an_assessment_step_is_kept_in_the_suspend_data_with_its_marks():
    from game.delivery.scorm import resume_from, suspend_text
    from game.engine import Run, auto_play
    from tests.engine import assessment_fixture

    story = assessment_fixture.story()
    played = auto_play(story, 5)
    assert any("assess" in s for s in played.steps)
    run = Run(story, seed=played.seed)
    for step in played.steps:  # replayed up to and including the first assessment
        if "advance" in step:
            run.advance()
        elif "assess" in step:
            run.assess(step["assess"], seconds=9.5)
            break
        else:
            run.choose(step["choose"], seconds=step.get("seconds"))
    text = suspend_text(run, {}, 4096)
    assert "*" in __import__("json").loads(text)["k"]
    _, again, _ = resume_from(text, [story])
    assert again.to_json() == run.to_json()


def test_cmi5_decision_statements_carry_the_prompt_and_the_options_text_not_bare_ids():
    story = helpers.story()
    rec = record()
    session = Cmi5Session(launch(mastery=0.0), Store())
    out = session.start(datetime.now(timezone.utc)) + session.statements(rec, live_statements(rec), story)
    answered = [s for s in out if verbs([s])[0] == "answered"]
    assert len(answered) == len(rec["decisions"])
    lang = story.scenario.get("language", "en")
    for s, d in zip(answered, rec["decisions"]):
        node = story.nodes[d["node"]]
        definition = s["object"]["definition"]
        assert definition["description"] == {lang: node["prompt"].strip()}
        name = definition["name"][lang]
        assert name != d["node"] and len(name) <= 120 and node["prompt"].split()[0] in name
        texts = {c["id"]: c["text"] for c in node["choices"]}
        assert [c["description"] for c in definition["choices"]] == [{lang: texts[c["id"]]} for c in definition["choices"]]
    # The ids stay the session's own, derived, as before: the same statements again are nothing new.
    again = Cmi5Session(launch(mastery=0.0), Store())
    ids = [s["id"] for s in again.start(datetime.now(timezone.utc)) + again.statements(rec, live_statements(rec))]
    assert [s["id"] for s in out][1:-3] == ids[1:-3]


def test_hostile_suspend_data_only_ever_raises_suspend_problem():
    import json as _json
    import random

    import pytest

    from game.delivery.scorm import SuspendProblem, resume_from, suspend_text

    story, run = _played_run(3)
    good = _json.loads(suspend_text(run, {"mode": "learning"}, 4096))
    rng = random.Random(14)
    junk = [None, True, -1, 2**70, "", "x" * 5000, [], {}, [[]], {"a": 1}, "é\u0000", 1.5]
    for _ in range(400):
        data = dict(good)
        for key in rng.sample(sorted(set(good) | {"order", "a", "o", "t"}), rng.randint(1, 3)):
            data[key] = rng.choice(junk + [good.get(key)])
        try:
            resume_from(_json.dumps(data), [story])
        except SuspendProblem:
            pass
    with pytest.raises(SuspendProblem):
        resume_from("[" * 100000, [story])


class ScormPage(Store):
    """A platform whose page found a SCORM LMS that kept suspend data (the page's real side runs in
    Chromium: test_lms_chromium.py)."""

    def __init__(self, suspend_data):
        super().__init__()
        self.info = {"kind": "scorm12", "ready": True, "error": "", "entry": "resume",
                     "suspendData": suspend_data, "suspendLimit": 4096}

    def lms(self):
        return self.info

    def set_aside(self, key):
        if key not in self.items:
            return None
        self.items["aside-" + key] = self.items.pop(key)
        return "aside-" + key

    def download(self, *args):
        raise AssertionError("no downloads here")


def test_the_lms_save_replaces_another_playthrough_here_only_after_setting_it_aside():
    from game.delivery.scorm import suspend_text
    from game.ui.app import App, AppOptions
    from game.ui.live import resume_from_lms
    from game.ui.saves import read_save, write_save

    from game.engine import Run

    story, lms_run = _played_run(2)
    other = Run(story, seed=99)  # a playthrough of its own on this device: another seed, one decision
    while other.kind == "scene":
        other.advance()
    other.choose(other.choices()[-1].id)
    page = ScormPage(suspend_text(lms_run, {"mode": "learning", "started_at": "2026-12-04T10:00:00Z"}, 4096))
    app = App([story], AppOptions(headless=True), page)
    write_save(page, other, {"mode": "learning"}, app.save_prefix)
    mine = page.items[f"{app.save_prefix}run-{story.id}"]
    assert resume_from_lms(app) == ""
    assert page.items[f"aside-{app.save_prefix}run-{story.id}"] == mine  # kept, not overwritten
    resumed = read_save(page, story, app.save_prefix)
    assert resumed.run.to_json() == lms_run.to_json() and resumed.meta["started_at"] == "2026-12-04T10:00:00Z"
    # This device already further along the LMS's steps: left as it is.
    further = _played_run(3)[1]
    write_save(page, further, {"mode": "learning"}, app.save_prefix)
    assert resume_from_lms(app) == "" and read_save(page, story, app.save_prefix).run.to_json() == further.to_json()
    # Suspend data that does not replay: the reason, and the save here untouched.
    page.info["suspendData"] = '{"v":1,"id":"' + story.id + '","lang":"en","h":"0","seed":1,"k":"."}'
    assert "changed" in resume_from_lms(app)
    assert read_save(page, story, app.save_prefix).run.to_json() == further.to_json()


def test_an_undone_choice_is_voided_by_an_allowed_statement_naming_the_one_sent():
    """Issue 15 in a cmi5 launch: the allowed statement sent for the undone answer is voided by another
    allowed statement (a StatementRef to it, no context.platform), and nothing is sent twice."""
    from tests.exports.test_undo import undone_run

    story = helpers.story()
    run, undo, _rec = undone_run(story)
    rec = build_record(run, story, helpers.meta(7, session="BRIDGE", mode="facilitated", undone=[undo]))
    session = Cmi5Session(launch(mastery=0.3), Store())
    out = session.start(datetime.now(timezone.utc) - timedelta(hours=2)) + session.statements(rec, live_statements(rec))
    assert verbs(out)[:5] == ["initialized", "answered", "answered", "voided", "answered"]
    first_try, voiding = out[2], out[3]
    assert voiding["object"] == {"objectType": "StatementRef", "id": first_try["id"]}
    assert voiding["actor"] == first_try["actor"] and "platform" not in voiding["context"]
    assert voiding["context"]["registration"] == REG and voiding["context"]["extensions"][SESSION_EXT] == "S-1"
    assert first_try["result"]["response"] == undo["chosen"]
    assert len({s["id"] for s in out}) == len(out)
    stamps = [s["timestamp"] for s in out]
    assert stamps == sorted(stamps)


def test_the_suspend_data_keeps_a_rooms_overrule_and_undone_choice():
    """Issues 18 and 15 under SCORM: the facilitator's overrule and an undone choice travel in the suspend
    data and come back as the save's meta; a resumed playthrough keeps them only if they fit its run."""
    from game.delivery.scorm import resume_from, suspend_text
    from game.exports import build_record
    from tests.exports.test_undo import undone_run

    story = helpers.story()
    run, undo, _rec = undone_run(story)
    other = next(cid for cid in run.history[0].shown if cid != run.history[0].chosen)
    meta = {"mode": "facilitated", "overrules": {"1": {"room_choice": other, "reason": "Why not"}}, "undone": [undo]}
    text = suspend_text(run, meta, 64000)
    _story, again, back = resume_from(text, [story])
    assert back["overrules"] == meta["overrules"] and back["undone"] == [undo]
    record = build_record(again, story, {**back, "overrules": {1: back["overrules"]["1"]}})
    assert record["undone"][0]["chosen"] == undo["chosen"] and record["decisions"][0]["overrule"]["reason"] == "Why not"
    plain = suspend_text(run, {"mode": "facilitated"}, 64000)
    assert len(suspend_text(run, meta, len(plain))) <= len(plain)  # too long for the LMS: they go last
    assert "overrules" not in resume_from(plain, [story])[2]
