"""The one registration table of rule types: a rule's `type` key names one of these classes."""

from __future__ import annotations

from newslint.checks.attribution.rules import ATTRIBUTION_TYPES
from newslint.checks.base import Check
from newslint.checks.dateline.rules import DATELINE_TYPES
from newslint.checks.generic import Consistency, Existence, Occurrence, Substitution
from newslint.checks.names.rules import NAMES_TYPES, OLD_NAMES_KINDS
from newslint.checks.numbers.rules import NUMBER_TYPES
from newslint.checks.proofreading import ArticleAgreement, RepeatedWord
from newslint.checks.spelling import Typo

CHECK_TYPES: dict[str, type[Check]] = {
    "existence": Existence,
    "substitution": Substitution,
    "consistency": Consistency,
    "occurrence": Occurrence,
    "repeated-word": RepeatedWord,
    "article-agreement": ArticleAgreement,
    **ATTRIBUTION_TYPES,
    **NAMES_TYPES,
    **NUMBER_TYPES,
    "spelling-typo": Typo,
    **DATELINE_TYPES,
}

# Type keys as they were spelt before each was named after its rule: users' own packs may still use them, and
# get a notice naming the new key.
RENAMED_TYPES: dict[str, str] = {
    # numbers
    "number-words": "numbers-spell-out",
    "number-sentence-start": "numbers-sentence-start",
    "number-separators": "numbers-thousands-separator",
    "number-percent": "numbers-percent-sign",
    "number-scale": "numbers-millions",
    "number-date-suffix": "numbers-date-suffix",
    "number-preposition-range": "numbers-from-to",
    "number-money-range": "numbers-money-range",
    "number-consistency": "numbers-mixed",
    # dateline
    "dateline-case": "dateline-city-case",
    "dateline-region-missing": "dateline-needs-region",
    "dateline-region-extra": "dateline-standalone-region",
    "dateline-state": "dateline-state-abbreviation",
    "dateline-future": "dateline-future-date",
    # attribution
    "attribution-quote": "attribution-unattributed-quote",
    "attribution-claim": "attribution-unsourced-claim",
    "attribution-anonymous": "attribution-anonymous-source",
    # names and spelling
    "spelling": "spelling-typo",
}

# Old types that held several rules, told apart by one key: old type -> (that key, its value -> new type).
SPLIT_TYPES: dict[str, tuple[str, dict[str, str]]] = {
    "names": ("kind", OLD_NAMES_KINDS),
}
