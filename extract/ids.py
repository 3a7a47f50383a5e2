"""Stable identifiers derived from canonical names.

Examples
--------
>>> slug("Hanke Bruins Slot")
'hanke-bruins-slot'
>>> slug("Ministerie van Justitie & Veiligheid")
'ministerie-van-justitie-veiligheid'
>>> slug("Mariëtte Hamer")
'mariette-hamer'
>>> short_hash("APT31", "attributedTo", "china")
'2603a845748d'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["fold", "short_hash", "slug"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Case-folded, diacritics removed, white space collapsed (FORMAT.md matching)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def slug(name: str) -> str:
    """Lowercase ASCII slug; never empty, so it is always a valid IRI segment."""
    text = _NON_ALNUM.sub("-", fold(name)).strip("-")
    return text or "x" + short_hash(name)[:8]


def short_hash(*parts: object) -> str:
    """A 12-hex-digit digest of the parts, stable across runs and machines."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]
