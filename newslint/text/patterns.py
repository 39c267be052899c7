"""The one lazy-pattern helper: a regular expression compiled on first use and kept for the process."""

from __future__ import annotations

from functools import cache

import regex


@cache
def cached_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`source` compiled on first use and kept: most stories never need most patterns, and the regex
    module's own cache costs more than a short match."""
    return regex.compile(source, flags)
