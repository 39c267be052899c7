"""The records that flow out of checks and the engine: levels, hits, fixes and findings."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Level(enum.IntEnum):
    """How serious a finding is; ordered so that `--fail-level` can compare."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Level:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(enum.Enum):
    """Whether `--fix` may apply a fix on its own (ruff's safe/unsafe split)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Fix:
    """Replace the hit's span `[start, end)` with `replacement`."""

    replacement: str
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True)
class Hit:
    """What a check reports: a span of the story's text and the values for the rule's message.

    `start`/`end` are 0-based, end-exclusive offsets into the original text. A check knows nothing of
    lines, config, suppression or output; the engine turns a hit into a `Finding`.
    """

    start: int
    end: int
    args: Mapping[str, Any] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    level: Level | None = None  # a check may lower (never raise) the rule's level for one hit


@dataclass(frozen=True)
class Finding:
    """One located problem, as every output format sees it."""

    path: str
    rule: str
    level: Level
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    matched: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.rule)

    def fixable(self, unsafe: bool = False) -> bool:
        """Whether `--fix` applies this finding's fix: one that changes something, safe or opted in to (the
        engine has already dropped every fix that would edit a quotation)."""
        if self.fix is None or self.fix.replacement == self.matched:
            return False
        return self.fix.applicability is Applicability.SAFE or unsafe

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (docs/json-output.md); never change it silently."""
        return {
            "path": self.path,
            "rule": self.rule,
            "level": str(self.level),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "matched": self.matched,
            "suggestions": list(self.suggestions),
            "fix": None
            if self.fix is None
            else {"replacement": self.fix.replacement, "applicability": self.fix.applicability.value},
        }
