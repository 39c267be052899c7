"""Shared pattern helpers: the one lazy-pattern cache and the one way to join literal phrases into an alternation."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex


@cache
def cached_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`source` compiled on first use and kept: most stories never need most patterns, and the regex
    module's own cache costs more than a short match."""
    return regex.compile(source, flags)


def word_alternation(phrases: Iterable[str]) -> str:
    """Literal phrases as one alternation, longest first, with any run of spaces between their words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)
