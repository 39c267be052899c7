"""Output formats behind one table: each module renders a Report to a string."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
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
    # path -> why the story could not be checked: a failure in every format, never a silent pass (issue 14).
    errors: Mapping[str, str] = field(default_factory=dict)


# Each format's module, imported only when the run asks for that format.
_MODULES = {"text": "text", "json": "json_format", "github": "github", "sarif": "sarif", "junit": "junit"}
FORMATS = tuple(_MODULES)


def render(name: str, report: Report) -> str:
    module = importlib.import_module(f"newslint.output.{_MODULES[name]}")
    return module.render(report)
