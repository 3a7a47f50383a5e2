"""Errors a user can cause, each with a number, a cause and a remedy.

The command line prints ``str(error)`` as one line and exits non-zero; no traceback
reaches the user for these.

Examples
--------
>>> str(InputError("E101", "seeds/x.txt is empty", "give a file with text"))
'E101 seeds/x.txt is empty: give a file with text'
"""

from __future__ import annotations

__all__ = ["InputError", "KamerkgError", "QueryError", "StoreError"]


class KamerkgError(Exception):
    """Base class: a numbered, one-line, user-facing error.

    Parameters
    ----------
    code : str
        ``E`` and three digits; the hundreds say the room (1 read, 2 layout/nlp,
        3 graph build and store, 4 query, 5 evaluate and validate, 6 views and export).
    cause : str
        What went wrong, naming the file or value.
    remedy : str
        What the user can do about it.
    """

    exit_code = 2

    def __init__(self, code: str, cause: str, remedy: str = "") -> None:
        self.code = code
        self.cause = cause
        self.remedy = remedy
        super().__init__(str(self))

    def __reduce__(self):
        # Errors cross process boundaries in parallel builds.
        return (type(self), (self.code, self.cause, self.remedy))

    def __str__(self) -> str:
        text = f"{self.code} {self.cause}"
        return f"{text}: {self.remedy}" if self.remedy else text


class InputError(KamerkgError):
    """A document or path that cannot be read."""


class QueryError(KamerkgError):
    """A query that cannot be run (syntax, unknown name, update refused)."""


class StoreError(KamerkgError):
    """A missing or unusable built graph."""
