"""Output formats behind one table: each module renders a Report to a string."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from newslint.finding import Finding
from newslint.packs import Rule


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    paths: list[str]  # every file linted, in order, findings or not
    rules: Mapping[str, Rule]  # the rules that ran, by id
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> text, for source excerpts
    color: bool = False
    show_source: bool = False


def _formatters() -> dict[str, Callable[[Report], str]]:
    from newslint.output import github, json_format, junit, sarif, text

    return {
        "text": text.render,
        "json": json_format.render,
        "github": github.render,
        "sarif": sarif.render,
        "junit": junit.render,
    }


FORMATS = ("text", "json", "github", "sarif", "junit")


def render(name: str, report: Report) -> str:
    return _formatters()[name](report)
