"""Loaded by the Ralph test server's Python (PYTHONPATH points here); never by RightsPath itself.

Ralph 5.1's filesystem backend writes every statement batch with operation "create", which refuses
to touch an existing file: the LRS stores the first batch and answers 500 to every later one. We
switch that backend to "append" so the real Ralph LRS can hold more than one request's statements.
"""

try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
except ImportError:  # not the Ralph environment: nothing to patch
    pass
