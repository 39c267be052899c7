"""Golden stories: each `tests/stories/<slug>.txt|.md` and `tests/<family>/stories/<slug>.txt|.md` is linted and compared with `<slug>.out`.

A `<slug>.toml` beside a story is its config (style, selection); otherwise the defaults apply.
Refresh with `pytest tests/test_golden.py --update-golden` and review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import golden_stories

from newslint.config import load_settings
from newslint.linter import Linter
from newslint.output import Report, render

CASES = golden_stories(".txt", ".md")


def lint_story(path: Path) -> str:
    config = path.with_suffix(".toml")
    linter = Linter(config=config if config.exists() else None, isolated=not config.exists())
    settings = load_settings(config) if config.exists() else None
    text = path.read_text(encoding="utf-8")
    result = linter.lint_text(text, path.name, settings)
    return render("text", Report(findings=result.findings, paths=[path.name], rules={}))


@pytest.mark.parametrize("story", CASES, ids=lambda p: p.name)
def test_golden_story(story: Path, request: pytest.FixtureRequest) -> None:
    expected_path = story.with_suffix(".out")
    actual = lint_story(story)
    if request.config.getoption("--update-golden"):
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"no {expected_path.name}: run with --update-golden and review it"
    assert actual == expected_path.read_text(encoding="utf-8")
