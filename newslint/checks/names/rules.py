"""The names family's rule types, one per rule, each named after it (`names.variant` -> `names-variant` -> Variant).

- `names-variant`: a name spelled two ways in one story ("Blinked" once beside six "Blinken");
- `names-rejected`: a form the newsroom names list rejects ("Kiev" for AP's "Kyiv");
- `names-near-listed`: a near miss of a listed name ("Netanyhu") that the story does not itself establish;
- `names-choice`: one name with and without diacritics or a particle capital ("Rodriguez", "Rodríguez").
"""

from __future__ import annotations

from newslint.checks.base import Check
from newslint.checks.names.choice import Choice
from newslint.checks.names.listed import NearListed, Rejected
from newslint.checks.names.variant import Variant

NAMES_TYPES: dict[str, type[Check]] = {
    "names-variant": Variant,
    "names-rejected": Rejected,
    "names-near-listed": NearListed,
    "names-choice": Choice,
}

# Before the split, one `names` type took a `kind` key naming the rule: an old table maps by it.
OLD_NAMES_KINDS: dict[str, str] = {kind: f"names-{kind}" for kind in ("variant", "rejected", "near-listed", "choice")}
