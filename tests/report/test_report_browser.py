"""The debrief report opened in headless Chromium: it renders offline, charts and numbers are there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.report import room
from tests.report.test_report import rightspath

CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "results" / "report-screens"


def test_report_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    records = room.make_room(tmp_path / "room", 9)
    bad = room.bad_files(tmp_path / "bad", next(p for p in (tmp_path / "room").glob("*.json") if "xapi" not in p.name))
    out = tmp_path / "debrief.html"
    result = rightspath("report", tmp_path / "room", *(tmp_path / "bad" / n for n in bad), "-o", out,
                        "--session-key", room.KEY)
    assert result.returncode == 0, result.stderr

    requests_made: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("request", lambda req: requests_made.append(req.url))
            page.goto(out.as_uri())
            page.wait_for_load_state("load")
            assert page.title().startswith("Room report")
            assert page.inner_text('[data-figure="participants"]') == "9"
            passed = sum(r["score"]["passed"] for r in records)
            assert page.inner_text('[data-figure="pass-rate"]') == f"{passed / 9:.0%}"
            decisions = {d["node"] for r in records for d in r["decisions"]}
            assert page.locator("article.decision").count() == len(decisions)
            # Every chart is drawn with a real size, and the score and rights charts carry their numbers.
            charts = page.locator(".chart svg")
            assert charts.count() >= 2 + len(decisions)
            for i in range(charts.count()):
                box = charts.nth(i).bounding_box()
                assert box and box["width"] > 200 and box["height"] > 80, i
            assert "mastery" in page.inner_text('[data-chart="scores"]')
            assert "Scaled score" in page.inner_text('[data-chart="scores"]')
            not_included = page.inner_text("#not-included")
            for name in bad:
                assert name in not_included
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "debrief-top.png"))
            page.locator("article.decision").first.evaluate("e => e.scrollIntoView()")
            page.screenshot(path=str(SHOTS / "debrief-decision.png"))
            page.screenshot(path=str(tmp_path / "full.png"), full_page=True)
            assert (tmp_path / "full.png").stat().st_size > 50_000
        finally:
            browser.close()
    assert requests_made == [out.as_uri()], f"the report fetched something: {requests_made[1:4]}"
