"""Errors that reach a user as a message and an exit code, never as a traceback."""


class UserError(Exception):
    """A mistake in what the user gave us (a path, an option, a file's content).

    ``cli.main`` prints ``message`` on stderr and exits with ``exit_code``:
    1 for invalid content, 2 for wrong usage.
    """

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
