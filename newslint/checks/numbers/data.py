"""The numbers checks' shared data (`rules/data/numbers.toml`), loaded once per process."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newslint.resources import builtin_rules_dir, read_toml

DATA_FILE = "numbers.toml"


@dataclass(frozen=True, eq=False)  # hashed by identity: loaded once and used as a cache key
class NumberData:
    """Word lists (lower-cased where matching ignores case), thresholds and house forms."""

    thresholds: Mapping[str, int]
    cardinals: tuple[str, ...]
    tens: tuple[str, ...]
    ordinals: tuple[str, ...]
    tens_ordinals: tuple[str, ...]
    scales: Mapping[str, int]
    scale_abbreviations: Mapping[str, int]
    fractions: Mapping[str, int]
    context: Mapping[str, tuple[str, ...]]
    house: Mapping[str, Mapping[str, str]]
    lowered: Mapping[str, frozenset[str]]  # each context list lower-cased, built once

    def words(self, key: str) -> tuple[str, ...]:
        """One context list, as written in the data file."""
        return self.context[key]

    def lower(self, key: str) -> frozenset[str]:
        """One context list, lower-cased, for case-blind lookups."""
        return self.lowered[key]

    def house_form(self, style: str, key: str) -> str | None:
        """What house `style` prescribes for `key` (percent, thousands, scale), or None if it is silent."""
        return self.house.get(style, {}).get(key)

    def threshold(self, key: str) -> int:
        return int(self.thresholds[key])


def _strings(table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{DATA_FILE}: '{key}' must be a list of strings")
    return tuple(value)


@cache
def load_number_data(folder: Path | None = None) -> NumberData:
    """Read the numbers data file from `folder` (the shipped `rules/data/` by default)."""

    path = (folder or builtin_rules_dir() / "data") / DATA_FILE
    data, _ = read_toml(path)
    words = data["words"]
    context = {key: _strings(data["context"], key) for key in data["context"]}
    return NumberData(
        thresholds=dict(data["thresholds"]),
        cardinals=_strings(words, "cardinals"),
        tens=_strings(words, "tens"),
        ordinals=_strings(words, "ordinals"),
        tens_ordinals=_strings(words, "tens-ordinals"),
        scales=dict(words["scales"]),
        scale_abbreviations=dict(words["scale-abbreviations"]),
        fractions=dict(words["fractions"]),
        context=context,
        house={style: dict(table) for style, table in data["house"].items()},
        lowered={key: frozenset(w.lower() for w in words) for key, words in context.items()},
    )
