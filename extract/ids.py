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
from functools import lru_cache

__all__ = ["fold", "short_hash", "slug"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


#: Strings up to this length are memoised: words and names repeat across documents,
#: while whole paragraphs would only fill the cache.
_CACHED_LEN = 80


def fold(text: str) -> str:
    """Case-folded, diacritics removed, white space collapsed (FORMAT.md matching)."""
    if len(text) <= _CACHED_LEN:
        return _fold_cached(text)
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():
        # NFKD and combining marks change nothing in ASCII, and casefold is lower
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


_fold_cached = lru_cache(maxsize=1 << 16)(_fold)


def slug(name: str) -> str:
    """Lowercase ASCII slug; never empty, so it is always a valid IRI segment."""
    text = _NON_ALNUM.sub("-", fold(name)).strip("-")
    return text or "x" + short_hash(name)[:8]


def short_hash(*parts: object) -> str:
    """A 12-hex-digit digest of the parts, stable across runs and machines."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]
