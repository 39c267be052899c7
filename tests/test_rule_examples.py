"""Every rule's own examples run as tests: each bad example is flagged, each good one is not."""

from __future__ import annotations

from datetime import date

import pytest

from newslint.checks.base import Context
from newslint.engine import ActiveRule, lint
from newslint.packs import builtin_pack_paths, load_packs
from newslint.text.story import Story

RULES = load_packs(builtin_pack_paths())
# Examples are snippets with no metadata: they run as a newsroom that requires datelines and files
# its copy on a known day, so that the dateline rules which need those settings can show their examples.
EXAMPLE_DAY = date(2024, 3, 23)


def _context(rule) -> Context:
    return Context(style=(rule.styles or ("ap",))[0], require_dateline=True, story_date=EXAMPLE_DAY)


def _findings(rule, text: str):
    active = ActiveRule(rule, rule.level, rule.build(_context(rule)))
    findings, failures = lint(Story.snippet(text), [active])
    assert not failures
    return findings


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_bad_examples_are_flagged(rule):
    assert rule.bad, f"{rule.id} has no bad examples"
    for example in rule.bad:
        assert _findings(rule, example), f"{rule.id} missed its bad example: {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_good_examples_are_clean(rule):
    assert rule.good, f"{rule.id} has no good examples"
    for example in rule.good:
        found = _findings(rule, example)
        assert not found, f"{rule.id} flagged its good example {example!r}: {found}"
