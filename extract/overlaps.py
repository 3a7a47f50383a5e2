"""Choosing non-overlapping spans: the longest-first rule of mentions and actor slots.

Examples
--------
>>> from kamerkg.extract.model import Span
>>> first_fit([Span(0, 10), Span(5, 12), Span(10, 14)])
[Span(start=0, end=10), Span(start=10, end=14)]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol, TypeVar

__all__ = ["first_fit"]


class _Ranged(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Ranged)


def first_fit(ranked: Iterable[T]) -> list[T]:
    """The non-empty items of ``ranked`` that overlap no earlier kept one, in rank order."""
    # Kept items never overlap: sorted by start they are sorted by end too, so only the
    # last one starting before an item's end can overlap it (a bisect, not a scan).
    starts: list[int] = []
    ends: list[int] = []
    kept: list[T] = []
    for item in ranked:
        if item.end <= item.start:
            continue
        k = bisect.bisect_left(starts, item.end)
        if k and ends[k - 1] > item.start:
            continue
        starts.insert(k, item.start)
        ends.insert(k, item.end)
        kept.append(item)
    return kept
