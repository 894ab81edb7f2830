"""Playthrough records and their exports (JSON, CSV, xAPI), signatures and their check.

Standard library only: this package ships to the browser. The UI's debrief buttons and
``play --text --export`` both call ``build_record`` then ``write_exports`` (docs/CONTRACTS.md §11).
"""

from game.exports.files import FORMATS, base_name, folder_writer, parse_formats, write_exports, xapi_to_json
from game.exports.record import (
    RECORD_FORMAT, RECORD_VERSION, RecordError, build_record, check_record, record_from_json,
    record_to_json,
)
from game.exports.signing import sign_record, signature_status
from game.exports.tables import decisions_csv, summary_csv
from game.exports.verify import CheckResult, KeyNeeded, load_export, verify_bytes, verify_file
from game.exports.xapi import live_statements, record_from_statements, registration_id, statements

__all__ = [
    "CheckResult", "FORMATS", "KeyNeeded", "RECORD_FORMAT", "RECORD_VERSION", "RecordError", "base_name",
    "build_record", "check_record", "decisions_csv", "folder_writer", "live_statements", "load_export",
    "parse_formats", "record_from_json", "record_from_statements", "record_to_json", "registration_id",
    "sign_record", "signature_status", "statements", "summary_csv", "verify_bytes", "verify_file",
    "write_exports", "xapi_to_json",
]
