"""Exceptions with messages a user can act on.

Readers and stages raise these for bad input; the CLI prints the message on one line, names the
input, and goes on with the rest of the batch. Anything else escaping a stage is a bug.
"""


class DyadsError(Exception):
    """Base class for errors that are reported to the user without a traceback."""


class InputError(DyadsError):
    """An input cannot be read or understood; the rest of the batch goes on without it."""


class DatabaseInUseError(DyadsError):
    """Another dyads process holds the database open for writing."""


class ModelNotFoundError(DyadsError):
    """No usable spaCy model is installed."""
