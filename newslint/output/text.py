"""`path:line:col: level rule message`, one a line; on a terminal also the source line and a caret."""

from __future__ import annotations

from newslint.finding import Finding, Level
from newslint.output import Report

_COLORS = {Level.ERROR: "\x1b[31m", Level.WARNING: "\x1b[33m", Level.SUGGESTION: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _excerpt(finding: Finding, source: str, color: bool) -> list[str]:
    """The finding's first line with a caret run under its span (tabs kept so the caret lines up)."""
    lines = source.splitlines()
    if not 1 <= finding.line <= len(lines):
        return []
    line = lines[finding.line - 1]
    end_column = finding.end_column if finding.end_line == finding.line else len(line) + 1
    width = max(1, end_column - finding.column)
    pad = "".join("\t" if ch == "\t" else " " for ch in line[: finding.column - 1])
    gutter = f"{finding.line} | "
    caret = _paint("^" * width, _COLORS[finding.level], color)
    return [_paint(gutter, _DIM, color) + line, " " * len(gutter) + pad + caret, ""]


def _shown(text: str) -> str:
    """A suggestion as written, quoted when its edges are spaces (a dash " — ") or it is empty."""
    return f"'{text}'" if not text or text != text.strip() else text


def format_finding(finding: Finding, color: bool = False) -> str:
    where = _paint(f"{finding.path}:{finding.line}:{finding.column}:", _BOLD, color)
    level = _paint(str(finding.level), _COLORS[finding.level], color)
    suggestion = f" (suggestion: {_shown(finding.suggestions[0])})" if finding.suggestions else ""
    return f"{where} {level} {finding.rule} {finding.message}{suggestion}"


def render(report: Report) -> str:
    out: list[str] = []
    for finding in report.findings:
        out.append(format_finding(finding, report.color))
        if report.show_source and finding.path in report.sources:
            out.extend(_excerpt(finding, report.sources[finding.path], report.color))
    return "\n".join(out) + ("\n" if out else "")
