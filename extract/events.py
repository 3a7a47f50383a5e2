"""Incidents and state responses: the two extractors, under their former home.

The work lives in :mod:`kamerkg.extract.incidents` and
:mod:`kamerkg.extract.responses` (with what they share in
:mod:`kamerkg.extract.event_common`); this module keeps older imports working.
"""

from __future__ import annotations

from .event_common import _rows, _spaced
from .incidents import _incident_triggers, extract_incidents
from .responses import _response_triggers, extract_responses

__all__ = [
    "_incident_triggers",
    "_response_triggers",
    "_rows",
    "_spaced",
    "extract_incidents",
    "extract_responses",
]
