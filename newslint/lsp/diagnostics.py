"""Findings as LSP diagnostics and fixes as quick-fix code actions."""

from __future__ import annotations

from collections.abc import Mapping

from lsprotocol import types

from newslint.finding import Finding, Level
from newslint.lsp.positions import PositionMap
from newslint.packs import Rule

SOURCE = "newslint"
FIX_ALL = (
    f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"  # "source.fixAll.newslint", as ruff and ESLint name theirs
)
SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    # Not Hint: editors draw hints so faintly (VS Code: three dots) that a desk would never see them.
    Level.SUGGESTION: types.DiagnosticSeverity.Information,
}


def lsp_range(positions: PositionMap, start: int, end: int) -> types.Range:
    (line, character), (end_line, end_character) = positions.position(start), positions.position(end)
    return types.Range(types.Position(line, character), types.Position(end_line, end_character))


def diagnostic(finding: Finding, positions: PositionMap, uri: str, rules: Mapping[str, Rule]) -> types.Diagnostic:
    where = lsp_range(positions, finding.start, finding.end)
    rule = rules.get(finding.rule)
    related = None
    if rule is not None and rule.why:
        # The rule's reason, shown under the message; it points at the finding itself (nowhere else to point).
        related = [types.DiagnosticRelatedInformation(types.Location(uri, where), f"Why: {rule.why}")]
    return types.Diagnostic(
        range=where,
        message=finding.message,
        severity=SEVERITY[finding.level],
        code=finding.rule,
        code_description=types.CodeDescription(href=rule.link) if rule is not None and rule.link else None,
        source=SOURCE,
        related_information=related,
    )


def problem_diagnostic(message: str) -> types.Diagnostic:
    """A problem that is not the story's (a broken config, a rule that failed): shown at the top of the file."""
    top = types.Range(types.Position(0, 0), types.Position(0, 0))
    return types.Diagnostic(range=top, message=message, severity=types.DiagnosticSeverity.Error, source=SOURCE)


def quick_fix(finding: Finding, positions: PositionMap, uri: str, fixed: types.Diagnostic) -> types.CodeAction:
    assert finding.fix is not None
    edit = types.TextEdit(lsp_range(positions, finding.start, finding.end), finding.fix.replacement)
    return types.CodeAction(
        title=f"Replace '{finding.matched}' with '{finding.fix.replacement}' ({finding.rule})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[fixed],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
        is_preferred=True,
    )


def fix_all(after: str, positions: PositionMap, uri: str, count: int) -> types.CodeAction:
    """Every safe fix at once, as one edit of the whole text (fixes can make or unmake each other)."""
    (end_line, end_character) = positions.end
    whole = types.Range(types.Position(0, 0), types.Position(end_line, end_character))
    return types.CodeAction(
        title=f"Apply newslint's safe fixes ({count})",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(whole, after)]}),
    )
