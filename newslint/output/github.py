"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from newslint.finding import Level
from newslint.output import Report

_COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "notice"}


def _escape(value: str, in_property: bool) -> str:
    # The escaping GitHub's toolkit applies to workflow command data and properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if in_property else value


def render(report: Report) -> str:
    # A story that could not be checked is an error annotation on its file, so the check cannot look green.
    lines = [
        f"::error file={_escape(path, True)},title=newslint::{_escape(reason, False)}"
        for path, reason in report.errors.items()
    ]
    for f in report.findings:
        props = ",".join(
            f"{key}={_escape(str(value), True)}"
            for key, value in (
                ("file", f.path), ("line", f.line), ("col", f.column),
                ("endLine", f.end_line), ("endColumn", f.end_column), ("title", f.rule),
            )
        )  # fmt: skip
        lines.append(f"::{_COMMAND[f.level]} {props}::{_escape(f'{f.rule}: {f.message}', False)}")
    return "\n".join(lines) + ("\n" if lines else "")
