"""SARIF 2.1.0, for code-scanning uploads; validated against the published schema in the tests."""

from __future__ import annotations

import json
from pathlib import Path

from newslint import __version__
from newslint.finding import Level
from newslint.output import Report

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "note"}


def _rule(rule) -> dict:
    entry = {
        "id": rule.id,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.why},
        "defaultConfiguration": {"level": _LEVEL[rule.level]},
    }
    if rule.link:
        entry["helpUri"] = rule.link
    return entry


def _result(finding, rule_index: dict[str, int]) -> dict:
    result = {
        "ruleId": finding.rule,
        "level": _LEVEL[finding.level],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(finding.path).as_posix()},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": finding.end_line,
                        "endColumn": finding.end_column,
                        "snippet": {"text": finding.matched},
                    },
                }
            }
        ],
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    return result


def render(report: Report) -> str:
    rules = [report.rules[k] for k in sorted(report.rules)]
    index = {rule.id: i for i, rule in enumerate(rules)}
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/newslint/",
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in report.findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
