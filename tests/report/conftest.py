"""Shared fixtures for the report tests."""

from tests.exports.schema_sweep import every_export_on_disk_matches_the_schema  # noqa: F401
