"""Shared fixtures of the web-build tests: one offline build per test session, in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.webbuild.stage import ROOT

BUILD_REPORT = pytest.StashKey()  # the session build's BuildReport, for the terminal summary
BUILD_TIMEOUT = 300  # seconds pygbag may take; the build itself reports if it is exceeded


def scenarios_to_bundle() -> Path:
    """The project's scenarios; the authoring fixture story until the first real scenario lands."""
    real = ROOT / "scenarios"
    if any(real.glob("*.yaml")):
        return real
    return ROOT / "tests" / "fixtures" / "valid"


@pytest.fixture(scope="session")
def web_build(tmp_path_factory, pytestconfig):
    from game.webbuild.build import build_web

    out = tmp_path_factory.mktemp("webbuild")
    report = build_web(out_dir=out, scenarios_dir=scenarios_to_bundle(), timeout=BUILD_TIMEOUT)
    pytestconfig.stash[BUILD_REPORT] = report
    return report


def bundle_size_line(report) -> str:
    from game.webbuild.build import BUDGET_BYTES
    from game.webbuild.stage import APP_NAME

    return (f"web bundle: {APP_NAME}.tar.gz {report.archive_bytes / 1000:.0f} kB of "
            f"{BUDGET_BYTES / 1000:.0f} kB budget ({len(report.files)} files, {APP_NAME}.apk "
            f"{report.apk_bytes / 1000:.0f} kB)")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the bundle size after the run: a print inside a passing test is captured and lost."""
    report = config.stash.get(BUILD_REPORT, None)
    if report is not None:
        terminalreporter.write_line(bundle_size_line(report))
