"""`newslint lsp`: a language server over stdio, so that any editor shows newslint's findings as you type.

pygls comes with the `lsp` extra (`pip install 'newslint[lsp]'`); a plain lint never imports this package.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint lsp", description="Run newslint as a language server over standard input and output."
    )
    # Clients such as vscode-languageclient add --stdio on their own; stdio is the only transport anyway.
    parser.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    parser.add_argument(
        "--debounce", type=int, default=300, metavar="MS", help="wait this long after a change before linting"
    )
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    try:
        from newslint.lsp.server import build_server
    except ImportError as error:
        missing = (error.name or "pygls").split(".")[0]  # the package to install, not its submodule
        print(f"newslint: error: `newslint lsp` needs {missing}: pip install 'newslint[lsp]'", file=sys.stderr)
        return EXIT_ERROR
    server = build_server(max(args.debounce, 0) / 1000)
    server.start_io()
    # The specification: exit code 0 when `shutdown` came before `exit`, 1 otherwise.
    return 0 if server.shut_down else 1
