"""Shared fixtures of the web-build tests: one offline build per test session, in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.webbuild.stage import ROOT

BUILD_TIMEOUT = 300  # seconds pygbag may take; the build itself reports if it is exceeded


def scenarios_to_bundle() -> Path:
    """The project's scenarios; the authoring fixture story until the first real scenario lands."""
    real = ROOT / "scenarios"
    if any(real.glob("*.yaml")):
        return real
    return ROOT / "tests" / "fixtures" / "valid"


@pytest.fixture(scope="session")
def web_build(tmp_path_factory):
    from game.webbuild.build import build_web

    out = tmp_path_factory.mktemp("webbuild")
    report = build_web(out_dir=out, scenarios_dir=scenarios_to_bundle(), timeout=BUILD_TIMEOUT)
    print(f"\n{report.summary()}")
    return report
