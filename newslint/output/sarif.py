"""SARIF 2.1.0, for code-scanning uploads; validated against the published schema in the tests."""

from __future__ import annotations

import json
import os
import string
from pathlib import Path, PurePath
from urllib.parse import quote

from newslint import __version__
from newslint.finding import Level
from newslint.output import Report

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "note"}


def _title(message: str) -> str:
    """A rule's message as a title: each `{placeholder}` (filled per finding) shown as an ellipsis."""
    parts = []
    for literal, field_name, _, _ in string.Formatter().parse(message):
        parts.append(literal)
        if field_name is not None:
            parts.append("…")
    return "".join(parts)


def file_uri(path: str) -> str:
    """A path as a SARIF artifact URI: percent-encoded (spaces, '%', '#', accents), `file://` when absolute,
    else relative to the folder the run started in."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix(), safe="/")


def _rule(rule) -> dict:
    entry = {
        "id": rule.id,
        "shortDescription": {"text": _title(rule.message)},
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
                    "artifactLocation": {"uri": file_uri(finding.path)},
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


def _invocation(report: Report) -> dict:
    """Whether every story was checked; each one that was not is an error notification at its file."""
    notifications = [
        {
            "level": "error",
            "message": {"text": reason},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": file_uri(path)}}}],
        }
        for path, reason in report.errors.items()
    ]
    return {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}


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
                "invocations": [_invocation(report)],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in report.findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
