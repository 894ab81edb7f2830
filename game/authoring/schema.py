"""JSON Schemas for scenario and rights catalogue files, generated from the pydantic models.

Committed under scenarios/schema/ so editors with the YAML language server complete keys and
vocabularies as an author types (the files start with '# yaml-language-server: $schema=...').
A test keeps the committed files equal to what this module generates.
"""

from __future__ import annotations

import json

from game.authoring.models import Catalogue, Scenario

SCENARIO_SCHEMA_FILE = "scenarios/schema/scenario.schema.json"
RIGHTS_SCHEMA_FILE = "scenarios/schema/rights.schema.json"


def schema_for(rights: bool = False) -> dict:
    model = Catalogue if rights else Scenario
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text(rights: bool = False) -> str:
    """The schema as the committed file holds it: sorted keys, two-space indent, final newline."""
    return json.dumps(schema_for(rights), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
