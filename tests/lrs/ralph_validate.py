"""Run by .venv-lrs's Python: validate xAPI statements (a JSON list on stdin) with Ralph's own models.

Ralph's ``validate`` command matches statements against the xAPI profiles it knows (video, virtual
classroom, ...), which ours do not claim; its base statement model is the xAPI 1.0.3 check itself.
Prints one line per invalid statement and exits 1 if there is any.
"""

import json
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement

bad = 0
statements = json.load(sys.stdin)
for i, statement in enumerate(statements):
    try:
        BaseXapiStatement.model_validate(statement)
    except ValidationError as exc:
        bad += 1
        print(f"statement {i} ({statement.get('verb', {}).get('id')}): {exc}")
print(f"{len(statements) - bad} valid, {bad} invalid")
sys.exit(1 if bad else 0)
