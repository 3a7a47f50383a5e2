"""The cue and trigger lexicons of ``extract/`` (data files beside this module).

One reader serves every module, so the files are opened the same way everywhere.
"""

from __future__ import annotations

import csv
from importlib.resources import files

__all__ = ["rows"]


def rows(name: str) -> list[dict[str, str]]:
    """The rows of the lexicon CSV ``name``, each a dict keyed by the header."""
    path = files("kamerkg.extract") / "lexicons" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
