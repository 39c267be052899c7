"""The `newslint` command: parse flags, lint every path, print one report, exit 0, 1 or 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

from newslint import __version__
from newslint.config import STYLES
from newslint.discover import Missing, discover
from newslint.errors import NewslintError, did_you_mean
from newslint.finding import Level
from newslint.output import FORMATS, Report, render
from newslint.runner import FileResult, Linter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


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
    parser.add_argument("--extend-exclude", type=_csv, default=[], help="globs of paths to skip")
    parser.add_argument("--stdin-filename", help="the name to report for standard input")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing; only the exit code")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument("--explain", metavar="RULE", help="explain one rule and exit")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


def _linter(args: argparse.Namespace) -> Linter:
    return Linter(
        config=args.config,
        isolated=args.isolated,
        style=args.style,
        select=tuple(args.select) if args.select is not None else None,
        extend_select=args.extend_select,
        ignore=args.ignore,
        fail_level=Level.parse(args.fail_level) if args.fail_level else None,
    )


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _lint_all(linter: Linter, args: argparse.Namespace) -> tuple[list[FileResult], list[str]]:
    results, errors = [], []
    settings = linter.settings_for(".")
    for item in discover(args.paths, settings.extend_exclude + tuple(args.extend_exclude)):
        if isinstance(item, Missing):
            errors.append(f"{item.path}: no such file or folder")
            continue
        result = linter.lint_file(item)
        if item == "-" and args.stdin_filename:
            result = _renamed(linter, result, args.stdin_filename)
        results.append(result)
    return results, errors


def _renamed(linter: Linter, result: FileResult, name: str) -> FileResult:
    if result.decoded is None:
        return result
    return linter.lint_text(result.decoded.text, name)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except NewslintError as error:
        for problem in error.problems:
            print(f"newslint: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    linter = _linter(args)
    if args.list_rules or args.explain:
        from newslint import explain

        settings = linter.settings_for(".")
        rules = linter.rules(settings)
        if args.explain:
            return explain.explain(args.explain, rules)
        return explain.list_rules(rules, settings, args.format)
    if not args.paths:
        print("newslint: error: no paths given (use - for standard input)", file=sys.stderr)
        return EXIT_ERROR
    results, errors = _lint_all(linter, args)
    return _report(linter, args, results, errors)


def _report(linter: Linter, args: argparse.Namespace, results: list[FileResult], errors: list[str]) -> int:
    findings = sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key())
    if not args.quiet:
        for result in results:
            for line in result.notices + [str(f) for f in result.failures]:
                print(f"newslint: {line}", file=sys.stderr)
        settings = linter.settings_for(".")
        color = _use_color(args.color)
        report = Report(
            findings=findings,
            paths=[r.path for r in results],
            rules={a.rule.id: a.rule for a in linter.active_rules(settings)},
            sources={r.path: r.decoded.text for r in results if r.decoded is not None and r.findings},
            color=color,
            show_source=color,
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
    out = sys.stderr if sys.stdout.isatty() is False and False else sys.stdout
    for rule, count in counts.most_common():
        print(f"{count:6d}  {rule}", file=out)
    print(f"{sum(counts.values()):6d}  total", file=out)


__all__ = ["main", "did_you_mean"]
