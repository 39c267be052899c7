"""The language server: lint on open, on save and (debounced) on change; publish diagnostics; offer fixes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint import __version__
from newslint.errors import NewslintError
from newslint.finding import Finding
from newslint.fix import fix_text
from newslint.lsp.configs import Linters
from newslint.lsp.diagnostics import FIX_ALL, diagnostic, fix_all, problem_diagnostic, quick_fix
from newslint.lsp.positions import PositionMap

# Long enough that a typist's burst is one lint, short enough that the squiggle follows the fix at once.
DEFAULT_DEBOUNCE = 0.3


@dataclass
class Linted:
    """One document as last linted: the text and version the diagnostics belong to."""

    version: int | None
    text: str
    path: str  # the name the engine sees
    file: str | None  # the file on disk, whose folder's config applies; None for an unsaved document
    positions: PositionMap
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


class NewslintServer(LanguageServer):
    def __init__(self, debounce: float = DEFAULT_DEBOUNCE) -> None:
        # Full sync: a story is a few kilobytes, and the client's whole text is always right, whereas applying
        # ranged edits here would split lines where Python does (a form feed, U+2028) and not where LSP does.
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.debounce = debounce
        self.unsafe_fixes = False  # initializationOptions {"unsafeFixes": true} offers unsafe fixes too
        self.linters = Linters()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.shut_down = False

    # --- linting ---------------------------------------------------------------------------------

    def document_path(self, uri: str) -> tuple[str, str | None]:
        """The name the engine sees (its suffix says Markdown or not) and the file, if the document has one."""
        document = self.workspace.get_text_document(uri)
        if document.path and uri.startswith("file:"):
            return document.path, document.path
        suffix = ".md" if document.language_id == "markdown" else ".txt"
        return f"untitled{suffix}", None

    def lint(self, uri: str) -> Linted:
        document = self.workspace.get_text_document(uri)
        name, file = self.document_path(uri)
        encoding = str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        linted = Linted(document.version, document.source, name, file, PositionMap(document.source, encoding))
        try:
            self.check(linted, uri)
        except NewslintError as error:  # a broken config or pack: the desk's to fix, shown where they look
            linted.findings = []
            linted.diagnostics = [problem_diagnostic(f"newslint: {problem}") for problem in error.problems]
        except Exception as error:  # noqa: BLE001 - a bug on one document must not end the editor's session
            linted.findings, linted.diagnostics = [], []
            self.say(f"newslint could not check {name}: {type(error).__name__}: {error}", types.MessageType.Error)
        return linted

    def check(self, linted: Linted, uri: str) -> None:
        linter = self.linters.for_path(linted.file)
        settings = linter.settings_for(linted.file or linted.path)
        result = linter.lint_text(linted.text, linted.path, settings)
        rules = {active.rule.id: active.rule for active in linter.active_rules(settings, linted.path)}
        for notice in result.notices:  # "empty story", a deprecated key in a pack: the log, not a pop-up
            self.say(f"newslint: {notice}", types.MessageType.Log)
        for failure in result.failures:  # a rule that failed on this text (a regex timeout, a bug)
            self.say(f"newslint: {failure}", types.MessageType.Warning)
        linted.findings = result.findings
        linted.diagnostics = [diagnostic(f, linted.positions, uri, rules) for f in result.findings]

    def publish(self, uri: str) -> None:
        """Lint the document as it is now and publish what was found (nothing for a closed document)."""
        self.pending.pop(uri, None)
        if not self.is_open(uri):  # closed while its lint waited
            return
        linted = self.linted[uri] = self.lint(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.diagnostics, version=linted.version)
        )

    def publish_later(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(self.debounce, self.publish, uri)

    def current(self, uri: str) -> Linted | None:
        """The lint of the document's present text (linted now when an edit has not been linted yet)."""
        if not self.is_open(uri):
            return None
        document = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != document.version or linted.text != document.source:
            linted = self.linted[uri] = self.lint(uri)
        return linted

    def is_open(self, uri: str) -> bool:
        documents = self.workspace.text_documents  # keyed by the URI as pygls normalised it
        return uri in documents or unquote(uri) in documents

    def say(self, message: str, kind: types.MessageType) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    # --- fixes -----------------------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = self.current(uri)
        if linted is None or not linted.findings:
            return []
        fixable = [(f, d) for f, d in zip(linted.findings, linted.diagnostics) if f.fixable(self.unsafe_fixes)]
        wanted = params.context.only
        actions = []
        if _wants(wanted, types.CodeActionKind.QuickFix):
            actions += [quick_fix(f, linted.positions, uri, d) for f, d in fixable if _overlap(d.range, params.range)]
        if fixable and _wants(wanted, FIX_ALL):
            actions.append(self.fix_all_action(linted, uri))
        return [a for a in actions if a is not None]

    def fix_all_action(self, linted: Linted, uri: str) -> types.CodeAction | None:
        linter = self.linters.for_path(linted.file)
        settings = linter.settings_for(linted.file or linted.path)
        fixed = fix_text(
            linted.text, linted.path, lambda t: linter.lint_text(t, linted.path, settings).findings, self.unsafe_fixes
        )
        if not fixed.converged or fixed.text == linted.text:  # fixes that do not settle are not offered
            return None
        return fix_all(fixed.text, linted.positions, uri, fixed.applied)


def _wants(only: list[str] | None, kind: str) -> bool:
    """Whether a request limited to `only` kinds takes actions of `kind` ("source" takes "source.fixAll")."""
    return not only or any(kind == o or kind.startswith(f"{o}.") for o in only)


def _overlap(a: types.Range, b: types.Range) -> bool:
    start_a, end_a = (a.start.line, a.start.character), (a.end.line, a.end.character)
    start_b, end_b = (b.start.line, b.start.character), (b.end.line, b.end.character)
    return start_a <= end_b and start_b <= end_a


def build_server(debounce: float = DEFAULT_DEBOUNCE) -> NewslintServer:
    server = NewslintServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        ls.unsafe_fixes = bool(options.get("unsafeFixes", False))
        ls.linters = Linters(ls.workspace.root_path)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        try:
            return ls.code_actions(params)
        except Exception as error:  # noqa: BLE001 - no fixes is better than an error box in the editor
            ls.say(f"newslint could not offer fixes: {type(error).__name__}: {error}", types.MessageType.Error)
            return []

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, *args: object) -> None:
        ls.shut_down = True
        for waiting in ls.pending.values():
            waiting.cancel()
        ls.pending.clear()

    return server
