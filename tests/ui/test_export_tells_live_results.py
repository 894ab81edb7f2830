"""The debrief's export tells the trainee whether the facilitator already has the results (issue 14):
no learning-record store given, or one that has not answered yet."""

from __future__ import annotations

from tests.lrs.lrs_server import free_port
from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import fixture_story

CHOICES = ["explain-simply", "record-once"]


def _exported_message(make_pilot, monkeypatch, **env) -> str:
    for name in ("RIGHTSPATH_LRS_ENDPOINT", "RIGHTSPATH_LRS_USER", "RIGHTSPATH_LRS_PASSWORD", "RIGHTSPATH_LRS_AUTH"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    story = fixture_story()
    pilot = make_pilot([story], trainee="T1", session="S1")
    open_story(pilot, story)
    play_to_debrief(pilot, CHOICES)
    pilot.click("Export results")
    assert pilot.scene.name == "exported", pilot.screen
    return pilot.scene.message


def test_without_a_store_the_export_says_the_results_went_nowhere(make_pilot, monkeypatch):
    text = _exported_message(make_pilot, monkeypatch)
    assert "were not sent anywhere" in text


def test_with_a_store_not_reached_yet_the_export_says_they_are_waiting(make_pilot, monkeypatch):
    text = _exported_message(make_pilot, monkeypatch, RIGHTSPATH_LRS_ENDPOINT=f"http://127.0.0.1:{free_port()}/xAPI/",
                             RIGHTSPATH_LRS_USER="u", RIGHTSPATH_LRS_PASSWORD="p")
    assert "results are still waiting to be sent" in text
