"""Fixtures that run a real Ralph LRS (see lrs_server.py); every test here is marked ``lrs``."""

from __future__ import annotations

import pytest

from tests.exports.schema_sweep import every_export_on_disk_matches_the_schema  # noqa: F401
from tests.lrs import lrs_server


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/lrs/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.lrs)
            if not lrs_server.available():
                item.add_marker(pytest.mark.skip(reason="Ralph LRS not installed: run 'make lrs-setup'"))


@pytest.fixture(scope="module")
def lrs(tmp_path_factory):
    server = lrs_server.RalphServer(tmp_path_factory.mktemp("ralph")).start()
    yield server
    server.stop()


@pytest.fixture
def fresh_lrs(tmp_path):
    server = lrs_server.RalphServer(tmp_path / "ralph").start()
    yield server
    server.stop()
