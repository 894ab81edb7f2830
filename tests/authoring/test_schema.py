"""The committed JSON Schemas equal the generated ones and carry what editors complete."""

from __future__ import annotations

import json

from game.authoring.schema import RIGHTS_SCHEMA_FILE, SCENARIO_SCHEMA_FILE, schema_for, schema_text
from game.engine import vocab
from tests.authoring.helpers import ROOT


def test_committed_scenario_schema_is_up_to_date():
    committed = (ROOT / SCENARIO_SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "run 'make schema' and commit scenarios/schema/"


def test_committed_rights_schema_is_up_to_date():
    committed = (ROOT / RIGHTS_SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(rights=True), "run 'make schema' and commit scenarios/schema/"


def test_schema_lists_the_vocabularies_and_closes_every_object():
    schema = schema_for()
    defs = schema["$defs"]
    assert tuple(defs["Scene"]["properties"]["stage"]["enum"]) == vocab.STAGES
    assert tuple(defs["Scene"]["properties"]["location"]["enum"]) == vocab.LOCATIONS
    assert tuple(defs["Decision"]["properties"]["role"]["enum"]) == vocab.ROLES
    assert tuple(defs["Character"]["properties"]["portrait"]["enum"]) == vocab.PORTRAITS
    assert tuple(defs["Ending"]["properties"]["outcome"]["enum"]) == vocab.OUTCOMES
    assert defs["Decision"]["properties"]["choices"]["minItems"] == 2
    assert defs["Decision"]["properties"]["choices"]["maxItems"] == 6
    assert schema["properties"]["nodes"]["items"]["discriminator"]["propertyName"] == "kind"
    assert "else" in defs["Branch"]["properties"]  # the alias, as authors write it
    for name, definition in [("Scenario", schema), *defs.items()]:
        if definition.get("type") == "object":
            assert definition.get("additionalProperties") is False, name
    rights = schema_for(rights=True)
    assert tuple(rights["$defs"]["Right"]["properties"]["actors"]["items"]["enum"]) == vocab.ROLES
    json.dumps(schema)  # serialisable as is
