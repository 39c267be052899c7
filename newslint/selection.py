"""Choose the rules a run uses: `select`/`ignore` by rule id, family or pack; the most specific wins."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import regex

from newslint.config import Settings
from newslint.errors import NewslintError, did_you_mean, locate
from newslint.finding import Level
from newslint.packs import Rule

ALL = "ALL"


def _specificity(selector: str, rule: Rule) -> int:
    """2 for the rule's id, 1 for its family or pack, 0 for ALL, -2 for no match."""
    if selector == rule.id:
        return 2
    if selector in (rule.family, rule.pack):
        return 1
    return 0 if selector == ALL else -2


def check_selectors(selectors: Iterable[str], rules: Sequence[Rule], where: str) -> None:
    """NewslintError naming every selector that matches no rule, with a did-you-mean."""
    known = {ALL} | {r.id for r in rules} | {r.family for r in rules} | {r.pack for r in rules}
    unknown = [s for s in selectors if s not in known]
    if unknown:
        raise NewslintError(
            f"{_line_of(where, s)}: unknown rule or family '{s}'{did_you_mean(s, known)}" for s in unknown
        )


def _line_of(config: str, selector: str) -> str:
    """`config:line` where the selector is written, or the bare name (flags, defaults)."""
    path = Path(config)
    if not path.is_file():
        return config
    return locate(config, path.read_text(encoding="utf-8-sig"), rf"[\"']{regex.escape(selector)}[\"']")


def is_selected(rule: Rule, settings: Settings, extra_ignores: Sequence[str] = ()) -> bool:
    if not rule.applies_to(settings.style):
        return False
    decisions = [(-1, rule.enabled if settings.select is None else False)]
    decisions += [(_specificity(s, rule), True) for s in (settings.select or ()) + settings.extend_select]
    decisions += [(_specificity(s, rule), False) for s in settings.ignore + tuple(extra_ignores)]
    # Highest specificity wins; at equal specificity, ignore beats select.
    return max((spec, not on, on) for spec, on in decisions if spec >= -1)[2]


def rule_level(rule: Rule, settings: Settings) -> Level:
    best = max(((_specificity(s, rule), lvl) for s, lvl in settings.levels.items()), default=(-1, rule.level))
    return best[1] if best[0] >= 0 else rule.level
