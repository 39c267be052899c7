"""The Python API (newslint.api, and newslint.lint_text / fix_text): what a CMS written in Python calls."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newslint
from newslint import api
from newslint.errors import NewslintError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "xinhua-blinken.txt").read_text(encoding="utf-8")


def test_lint_text_finds_blinked_at_23_104():
    findings = newslint.lint_text(EXAMPLE, filename="xinhua-blinken.txt")
    [blinked] = [f for f in findings if f.matched == "Blinked"]
    assert (blinked.line, blinked.column, blinked.rule, blinked.path) == (
        23,
        104,
        "names.variant",
        "xinhua-blinken.txt",
    )
    assert blinked.suggestions == ("Blinken",)
    assert findings == sorted(findings, key=lambda f: f.sort_key())


def test_style_is_the_house_style():
    text = "JERUSALEM, March 22 (Xinhua) -- Talks went on, officials said.\n"
    assert "dateline.dash" in {f.rule for f in newslint.lint_text(text, style="ap")}
    assert "dateline.dash" not in {f.rule for f in newslint.lint_text(text, style="xinhua")}


def test_unknown_style_says_which_exist():
    with pytest.raises(ValueError, match=r"unknown style 'app' \(did you mean 'ap'\?\); one of ap, reuters"):
        newslint.lint_text("Talks went on.", style="app")


def test_config_file_selects_rules(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('ignore = ["names"]\n', encoding="utf-8")
    assert not [f for f in newslint.lint_text(EXAMPLE, config=config) if f.rule.startswith("names.")]
    assert [f for f in newslint.lint_text(EXAMPLE) if f.rule.startswith("names.")]


def test_bad_config_raises_located_problems(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text("levels = 3\n", encoding="utf-8")
    with pytest.raises(NewslintError) as raised:
        newslint.lint_text("Talks went on.", config=config)
    assert raised.value.problems == [f"{config}:1: 'levels' must be a table of rule = level"]


def test_fix_text_applies_safe_fixes_only():
    fixed = newslint.fix_text(EXAMPLE)
    assert fixed.converged and fixed.applied >= 1 and "dateline.dash" in fixed.rules
    assert "(Xinhua) — U.S." in fixed.text and "Blinked reportedly" in fixed.text
    assert [f.matched for f in fixed.findings if f.rule == "names.variant"] == ["Blinked"]
    assert newslint.fix_text(EXAMPLE, unsafe=True).text.count("Blinked") == 0


def test_fix_text_of_clean_copy_is_the_same_text():
    text = "Officials met on Tuesday.\n"
    fixed = newslint.fix_text(text)
    assert fixed.text == text and fixed.applied == 0 and fixed.rules == ()


def test_fix_finding_applies_one_fix():
    [blinked] = [f for f in newslint.lint_text(EXAMPLE) if f.matched == "Blinked"]
    fixed = api.fix_finding(EXAMPLE, blinked.rule, blinked.start, unsafe=True)
    assert fixed.text == EXAMPLE.replace("Blinked", "Blinken")
    with pytest.raises(api.NotFixable):
        api.fix_finding(EXAMPLE, blinked.rule, blinked.start)  # unsafe, not asked for
    with pytest.raises(api.NotFixable):
        api.fix_finding(EXAMPLE, blinked.rule, blinked.start + 1, unsafe=True)


def test_lint_says_how_each_finding_may_be_fixed():
    result = api.lint(EXAMPLE)
    how = {f.rule: fixable for f, fixable in zip(result.findings, result.fixable)}
    assert how["dateline.dash"] == "safe" and how["names.variant"] == "unsafe" and how["dateline.agency"] is None


def test_rules_and_explain():
    rules = api.list_rules()
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert api.explain_rule("names.variant")["bad"]
    with pytest.raises(api.UnknownRule, match="did you mean 'names.variant'"):
        api.explain_rule("names.variat")


def test_import_newslint_loads_no_engine():
    """The command line imports the package on every run: the API loads only when first used."""
    script = "import json, sys, newslint; print(json.dumps(sorted(sys.modules)))"
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout))
    assert not {"newslint.api", "newslint.linter", "newslint.packs", "starlette"} & loaded
    script = (
        "import newslint; print(len(newslint.lint_text('Talks went on, Blinken said. Blinked agreed. Blinken left.')))"
    )
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, text=True).stdout == "1\n"


def test_unknown_attribute_is_still_an_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'lint_txt'"):
        newslint.lint_txt  # noqa: B018
