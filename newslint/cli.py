"""The `newslint` command: parse flags, lint every path, print one report, exit 0, 1 or 2."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newslint import __version__
from newslint.config import STYLES
from newslint.discover import Missing, discover
from newslint.errors import NewslintError, did_you_mean
from newslint.finding import Finding, Level
from newslint.output import FORMATS, Report, render
from newslint.output.text import terminal_style
from newslint.parallel import fix_paths, lint_paths
from newslint.reader import Decoded
from newslint.linter import FileResult, Linter

if TYPE_CHECKING:  # the fixer is imported only by the runs that fix
    from newslint.fix import FileFix

# git (--changed-since), baselines and diffs are imported by the runs that use them: start-up matters
# when a desk lints one story from an editor.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got '{value}'") from None


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, got '{value}'")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint", description="An editorial style and consistency linter for news copy."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="story files, folders, or - for stdin")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--fail-level", choices=[str(x) for x in Level], help="exit 1 at or above (default: warning)")
    parser.add_argument("--config", type=Path, help="use this config file for every path")
    parser.add_argument("--isolated", action="store_true", help="ignore every config file")
    parser.add_argument("--select", type=_csv, help="rules, families or packs to use instead of the defaults")
    parser.add_argument("--extend-select", type=_csv, help="rules, families or packs to add")
    parser.add_argument("--ignore", type=_csv, help="rules, families or packs to leave out")
    parser.add_argument("--style", choices=STYLES, help="house style (default: ap)")
    parser.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the stories' date, when they carry no timestamp"
    )
    parser.add_argument("--extend-exclude", type=_csv, default=[], help="globs of paths to skip")
    parser.add_argument("--stdin-filename", help="the name to report for standard input")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing; only the exit code")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument("--explain", metavar="RULE", help="explain one rule and exit")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place, then report what is left")
    parser.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    parser.add_argument("--changed-since", metavar="REF", help="only the stories git says changed since REF")
    parser.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in FILE")
    parser.add_argument("--write-baseline", type=Path, metavar="FILE", help="record the findings in FILE; exit 0")
    parser.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="worker processes (default: one per CPU)")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


def _linter(args: argparse.Namespace) -> Linter:
    return Linter(
        config=args.config,
        isolated=args.isolated,
        style=args.style,
        story_date=args.date,
        select=tuple(args.select) if args.select is not None else None,
        extend_select=args.extend_select,
        ignore=args.ignore,
        fail_level=Level.parse(args.fail_level) if args.fail_level else None,
    )


def _story_paths(linter: Linter, args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The story files to check, and the named paths that do not exist."""
    paths, errors = [], []
    settings = linter.settings_for(".")
    for item in discover(args.paths or ["."], settings.extend_exclude + tuple(args.extend_exclude)):
        if isinstance(item, Missing):
            errors.append(f"{item.path}: no such file or folder")
        else:
            paths.append(item if args.paths else os.path.normpath(item))  # "stories/a.txt", not "./stories/a.txt"
    if args.changed_since:
        from newslint.changed import changed_since, keep_changed

        paths = keep_changed(paths, changed_since(args.changed_since))
    return paths, errors


def _lint_all(linter: Linter, args: argparse.Namespace, paths: list[str]) -> tuple[list[FileResult], list[str]]:
    results = lint_paths(linter, paths, args.jobs)
    if args.stdin_filename:
        results = [_renamed(linter, r, args.stdin_filename) if r.path == "-" else r for r in results]
    return results, [r.error for r in results if r.error]


def _renamed(linter: Linter, result: FileResult, name: str) -> FileResult:
    if result.decoded is None:
        return result
    renamed = linter.lint_text(result.decoded.text, name)
    renamed.decoded = result.decoded
    return renamed


def _fix(linter: Linter, args: argparse.Namespace, paths: list[str]) -> tuple[list[str], bool, FileFix | None]:
    """Fix (or with --diff, print the fixes for) every file: the problems, whether any file changes, and the
    fixing of standard input when --fix wrote it to standard output."""
    from newslint.fix import fix_input, unified_diff

    files = [p for p in paths if p != "-"]
    fixes = fix_paths(linter, files, args.unsafe_fixes, write=not args.diff, jobs=args.jobs)
    piped = None
    if "-" in paths:
        piped = fix_input(linter, args.stdin_filename or "-", args.unsafe_fixes, write=not args.diff)
        fixes.append(piped)
    if args.diff:
        sys.stdout.write("".join(unified_diff(f.before, f.after, f.path) for f in fixes if f.changed))
    elif not args.quiet:
        count = sum(f.fixed.applied for f in fixes if f.changed and f.fixed)
        files = sum(f.changed for f in fixes)
        print(f"newslint: fixed {count} findings in {files} file{'s' * (files != 1)}", file=sys.stderr)
    return [f.problem for f in fixes if f.problem], any(f.changed for f in fixes), None if args.diff else piped


def _piped_result(linter: Linter, piped: FileFix) -> FileResult:
    """The findings left in the story --fix wrote to standard output."""
    text = piped.after if piped.changed else piped.before  # `changed` only when it was written out fixed
    if not piped.before:
        return FileResult(piped.path, skipped=True)  # unreadable: its problem is reported already
    result = linter.lint_text(text, piped.path)
    result.decoded = Decoded(text, "utf-8", bom=False)  # for the report's excerpts and a baseline
    return result


# Commands beside linting, each a module with its own `main(argv) -> int`, imported only when named: the
# service and the language server live in optional extras, and a plain lint never loads them.
SUBCOMMANDS = {
    "serve": "newslint.serve",  # the desk page and JSON API (newslint[serve])
    "lsp": "newslint.lsp",  # the language server (newslint[lsp])
    "learn-names": "newslint.archive",  # a newsroom's names memory, read from its archive
}


def _subcommand(argv: Sequence[str]) -> int | None:
    """Run `newslint COMMAND ...` when the first argument names one (a file so named is `./serve`)."""
    if not argv or argv[0] not in SUBCOMMANDS:
        return None
    import importlib

    return importlib.import_module(SUBCOMMANDS[argv[0]]).main(list(argv[1:]))


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = _subcommand(argv)
    if command is not None:
        return command
    # The process ends after the report: the interpreter's last collection would walk every object the
    # rules built (about 10 ms of a one-story run) only to free what ending the process frees anyway.
    atexit.unregister(gc.freeze)  # once, however often main runs in one process
    atexit.register(gc.freeze)
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except NewslintError as error:
        for problem in error.problems:
            print(f"newslint: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`newslint ... | head`): stop quietly, as `cat` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush cannot fail again
        return EXIT_BROKEN_PIPE


def _run(args: argparse.Namespace) -> int:
    linter = _linter(args)
    if args.list_rules or args.explain:
        from newslint import explain

        settings = linter.settings_for(".")
        rules = linter.rules(settings)
        if args.explain:
            return explain.explain(args.explain, rules)
        return explain.list_rules(rules, settings, args.format)
    if not args.paths and not args.changed_since:
        print("newslint: error: no paths given (use - for standard input)", file=sys.stderr)
        return EXIT_ERROR
    paths, missing = _story_paths(linter, args)
    problems: list[str] = []
    piped = None
    if args.fix or args.diff:
        problems, changed, piped = _fix(linter, args, paths)
        if args.diff:
            for problem in missing + problems:
                print(f"newslint: error: {problem}", file=sys.stderr)
            return EXIT_ERROR if missing + problems else EXIT_FINDINGS if changed else EXIT_CLEAN
    if piped is None:
        results, errors = _lint_all(linter, args, paths)
        return _report(linter, args, results, missing + problems + errors)
    # --fix -: the story went to standard output, so the report of what is left goes to standard error.
    results, errors = _lint_all(linter, args, [p for p in paths if p != "-"])
    with contextlib.redirect_stdout(sys.stderr):
        return _report(linter, args, [*results, _piped_result(linter, piped)], missing + problems + errors)


def _findings(results: list[FileResult], args: argparse.Namespace) -> list[Finding]:
    """Every finding, sorted; with --baseline only those not recorded in it."""
    pairs = [(f, r.decoded.text if r.decoded else "") for r in results for f in r.findings]
    if args.baseline:
        from newslint import baseline

        return sorted(baseline.new_findings(args.baseline, pairs), key=lambda f: f.sort_key())
    return sorted((f for f, _ in pairs), key=lambda f: f.sort_key())


def _report(linter: Linter, args: argparse.Namespace, results: list[FileResult], errors: list[str]) -> int:
    if args.write_baseline:
        from newslint import baseline

        pairs = [(f, r.decoded.text if r.decoded else "") for r in results for f in r.findings]
        count = baseline.write(args.write_baseline, pairs)
        print(f"newslint: recorded {count} findings in {args.write_baseline}", file=sys.stderr)
        for error in errors:
            print(f"newslint: error: {error}", file=sys.stderr)
        return EXIT_ERROR if errors else EXIT_CLEAN
    findings = _findings(results, args)
    if not args.quiet:
        for result in results:
            for line in result.notices + [str(f) for f in result.failures]:
                print(f"newslint: {line}", file=sys.stderr)
        settings = linter.settings_for(".")
        color, show_source = terminal_style(args.color, sys.stdout)
        report = Report(
            findings=findings,
            paths=[r.path for r in results],
            rules={a.rule.id: a.rule for a in linter.active_rules(settings)},
            sources={r.path: r.decoded.text for r in results if r.decoded is not None and r.findings},
            color=color,
            show_source=show_source,
        )
        sys.stdout.write(render(args.format, report))
        if args.statistics:
            _print_statistics(findings)
    for error in errors:
        print(f"newslint: error: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    fail_level = linter.settings_for(".").fail_level
    return EXIT_FINDINGS if any(f.level >= fail_level for f in findings) else EXIT_CLEAN


def _print_statistics(findings) -> None:
    counts = Counter(f.rule for f in findings)
    for rule, count in counts.most_common():
        print(f"{count:6d}  {rule}")
    print(f"{sum(counts.values()):6d}  total")


__all__ = ["did_you_mean", "main"]
