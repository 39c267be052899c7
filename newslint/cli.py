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
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newslint import __version__
from newslint.config import STYLES, known_encoding
from newslint.discover import Missing, discover
from newslint.errors import NewslintError, did_you_mean
from newslint.finding import Finding, Level
from newslint.linter import FileResult, Linter
from newslint.output import FORMATS, Report, render
from newslint.output.text import terminal_style
from newslint.parallel import fix_and_lint_paths, fix_paths, lint_paths
from newslint.reader import Decoded

if TYPE_CHECKING:  # the fixer is imported only by the runs that fix
    from newslint.fix import FileFix
    from newslint.packs import Rule

# git (--changed-since), baselines and diffs are imported by the runs that use them: start-up matters
# when a desk lints one story from an editor.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _selectors(value: str) -> list[str]:
    """`--select`: an empty value (an unset CI variable) would check nothing, so it is a usage error."""
    items = _csv(value)
    if not items:
        raise argparse.ArgumentTypeError("empty: name rules, families or packs, or ALL (an unset variable?)")
    return items


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got '{value}'") from None


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, got '{value}'")
    return int(value)


def _encoding(value: str) -> str:
    if not known_encoding(value):
        raise argparse.ArgumentTypeError(f"unknown encoding '{value}' (e.g. cp1252, latin-1, utf-16-le)")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="An editorial style and consistency linter for news copy.",
        epilog="commands: newslint serve (the desk page and JSON API), newslint lsp (a language server), "
        "newslint learn-names ARCHIVE (a names file from published stories); each takes --help",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="story files, folders, or - for stdin")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--fail-level", choices=[str(x) for x in Level], help="exit 1 at or above (default: warning)")
    parser.add_argument("--config", type=Path, help="use this config file for every path")
    parser.add_argument("--isolated", action="store_true", help="ignore every config file")
    parser.add_argument("--select", type=_selectors, help="rules, families or packs to use instead of the defaults")
    parser.add_argument("--extend-select", type=_csv, help="rules, families or packs to add")
    parser.add_argument("--ignore", type=_csv, help="rules, families or packs to leave out")
    parser.add_argument("--style", choices=STYLES, help="house style (default: ap)")
    parser.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the stories' date, when they carry no timestamp"
    )
    parser.add_argument("--extend-exclude", type=_csv, default=[], help="globs of paths to skip")
    parser.add_argument(
        "--encoding", type=_encoding, help="encoding of stories without a byte order mark (legacy archives)"
    )
    parser.add_argument("--stdin-filename", help="the name to report for standard input")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule")
    parser.add_argument(
        "--output-file", type=Path, metavar="FILE", help="write the --format report to FILE; the terminal gets text"
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only errors (stories not checked); the exit code says the rest",
    )
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
        encoding=args.encoding,
    )


def _story_paths(linter: Linter, args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The story files to check, and the named paths that do not exist."""
    paths, errors = [], []

    def config_excludes(path: str) -> tuple[str, ...]:  # each named path by the config that governs it
        return linter.settings_for(path).extend_exclude

    for item in discover(args.paths or ["."], args.extend_exclude, config_excludes):
        if isinstance(item, Missing):
            errors.append(f"{item.path}: no such file or folder")
        else:
            paths.append(item if args.paths else os.path.normpath(item))  # "stories/a.txt", not "./stories/a.txt"
    if args.changed_since:
        from newslint.changed import changed_since, keep_changed

        paths = keep_changed(paths, changed_since(args.changed_since))
    return paths, errors


def _refuse_legacy_encoding(linter: Linter, args: argparse.Namespace, paths: list[str]) -> None:
    """The fixer reads stories by their BOM, as UTF-8 or as cp1252, not in a named legacy encoding: rather
    than fix a story read one way and linted another, such a run is refused before anything is written."""
    names = [(args.stdin_filename or p) if p == "-" else p for p in paths if not p.lower().endswith(".docx")]
    named = [name for name in names if linter.settings_for(name).encoding]  # a .docx is UTF-8 XML, always
    if named:
        raise NewslintError(
            f"{path}: --fix and --diff do not read stories in a named encoding (--encoding or the config's "
            "'encoding'); lint them without --fix, or convert them to UTF-8 first"
            for path in named
        )


def _fix(linter: Linter, args: argparse.Namespace, paths: list[str]) -> tuple[list[FileResult], list[str]]:
    """Fix every file in place and lint what is left: the results, and the files that could not be fixed.
    With `-`, the story goes to standard output and its report to standard error."""
    from newslint.fix import fix_input

    files = [p for p in paths if p != "-"]
    pairs = fix_and_lint_paths(linter, files, args.unsafe_fixes, args.jobs)
    if "-" in paths:
        piped = fix_input(linter, args.stdin_filename or "-", args.unsafe_fixes, write=True)
        pairs.append((piped, _piped_result(linter, piped)))
    if not args.quiet:
        count = sum(f.fixed.applied for f, _ in pairs if f.changed and f.fixed)
        changed = sum(f.changed for f, _ in pairs)
        print(f"newslint: fixed {_plural(count, 'finding')} in {_plural(changed, 'file')}", file=sys.stderr)
    # A file that could not be read is one error, said by its lint result; the fixer's word on it would repeat it.
    problems = [f.problem for f, r in pairs if f.problem and not r.error]
    return [r for _, r in pairs], problems


def _diff(linter: Linter, args: argparse.Namespace, paths: list[str], missing: list[str]) -> int:
    """Print the fixes as a unified diff and change nothing: exit 1 when there is something to fix."""
    from newslint.fix import fix_input, unified_diff

    fixes = fix_paths(linter, [p for p in paths if p != "-"], args.unsafe_fixes, write=False, jobs=args.jobs)
    if "-" in paths:
        fixes.append(fix_input(linter, args.stdin_filename or "-", args.unsafe_fixes, write=False))
    sys.stdout.write("".join(unified_diff(f.before, f.after, f.path) for f in fixes if f.changed))
    problems = missing + [f.problem for f in fixes if f.problem]
    for problem in problems:
        print(f"newslint: error: {problem}", file=sys.stderr)
    return EXIT_ERROR if problems else EXIT_FINDINGS if any(f.changed for f in fixes) else EXIT_CLEAN


def _plural(count: int, noun: str) -> str:
    if count != 1:
        noun = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count} {noun}"


def _piped_result(linter: Linter, piped: FileFix) -> FileResult:
    """The findings left in the story --fix wrote to standard output (the fixer's last round, remembered)."""
    if piped.problem and not piped.before:
        return FileResult(piped.path, skipped=True, error=piped.problem)  # unreadable: not checked
    text = piped.after if piped.changed else piped.before  # `changed` only when it was written out fixed
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
    if args.fix or args.diff:
        _refuse_legacy_encoding(linter, args, paths)
    if args.diff:
        return _diff(linter, args, paths, missing)
    problems: list[str] = []
    if args.fix:
        results, problems = _fix(linter, args, paths)
    else:
        results = lint_paths(linter, paths, args.jobs, stdin_name=args.stdin_filename or "")
    errors = missing + [r.error for r in results if r.error] + problems
    if args.fix and "-" in paths:
        # --fix -: the story went to standard output, so the report of what is left goes to standard error.
        with contextlib.redirect_stdout(sys.stderr):
            return _report(linter, args, results, errors)
    return _report(linter, args, results, errors)


def _findings(results: list[FileResult], args: argparse.Namespace) -> list[Finding]:
    """Every finding, sorted; with --baseline only those not recorded in it."""
    pairs = [(f, r.decoded.text if r.decoded else "") for r in results for f in r.findings]
    if args.baseline:
        from newslint import baseline

        return sorted(baseline.new_findings(args.baseline, pairs), key=lambda f: f.sort_key())
    return sorted((f for f, _ in pairs), key=lambda f: f.sort_key())


def _report(linter: Linter, args: argparse.Namespace, results: list[FileResult], errors: list[str]) -> int:
    # A rule that could not finish (a pattern past its timeout) left part of the story unchecked: an error in
    # every format, shown even with -q, exit 2 (issue 14, item 8).
    errors = errors + [str(f) for r in results for f in r.failures]
    if args.write_baseline:
        from newslint import baseline

        pairs = [(f, r.decoded.text if r.decoded else "") for r in results for f in r.findings]
        count = baseline.write(args.write_baseline, pairs)
        print(f"newslint: recorded {_plural(count, 'finding')} in {args.write_baseline}", file=sys.stderr)
        _print_errors(errors)
        return EXIT_ERROR if errors else EXIT_CLEAN
    findings = _findings(results, args)
    report = Report(
        findings=findings,
        paths=[r.path for r in results],
        rules=_rules_used(linter, results),
        sources={r.path: r.decoded.text for r in results if r.decoded is not None and r.findings},
        errors=_errors_by_path(results),
    )
    if args.output_file:
        _write_output(args.output_file, render(args.format, report))
    if not args.quiet:
        for result in results:
            for line in result.notices:
                print(f"newslint: {line}", file=sys.stderr)
        shown = "text" if args.output_file else args.format  # the file has the machine format; the log, text
        color, show_source = terminal_style(args.color, sys.stdout)
        sys.stdout.write(render(shown, replace(report, color=color, show_source=show_source)))
        if args.statistics:
            # Beside a machine format the table goes to standard error, never into the JSON, SARIF or XML.
            sys.stdout.flush()
            _print_statistics(findings, sys.stdout if shown == "text" else sys.stderr)
    sys.stdout.flush()
    _print_errors(errors)
    if not args.quiet and (findings or errors):
        print(f"newslint: {summary(findings, results)}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if _any_failing(results, findings) else EXIT_CLEAN


def _print_errors(errors: list[str]) -> None:
    for error in errors:
        print(f"newslint: error: {error}", file=sys.stderr)


def _errors_by_path(results: list[FileResult]) -> dict[str, str]:
    """Each story that was not (wholly) checked, with why: unreadable, a dead worker, a rule that timed out."""
    reasons: dict[str, list[str]] = {}
    for result in results:
        if result.error:
            reasons.setdefault(result.path, []).append(result.error)
        reasons.setdefault(result.path, []).extend(str(f) for f in result.failures)
    return {path: "; ".join(why) for path, why in reasons.items() if why}


def _write_output(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise NewslintError([f"{path}: cannot write the report: {error.strerror or error}"]) from None


def summary(findings: list[Finding], results: list[FileResult]) -> str:
    """One line for the end of a run: findings by level, stories, how many --fix would fix, unchecked stories."""
    levels = Counter(f.level for f in findings)
    by_level = ", ".join(_plural(levels[level], str(level)) for level in sorted(levels, reverse=True))
    stories = {f.path for f in findings}
    line = f"{_plural(len(findings), 'finding')}"
    if findings and len(stories) == len(results):
        line += f" ({by_level}) in {_plural(len(results), 'story')}"
    elif findings:
        line += f" ({by_level}) in {len(stories)} of {_plural(len(results), 'story')}"
    else:
        line += f" in {_plural(len(results), 'story')}"
    fixable_keys = {(r.path, *key) for r in results for key in r.fixable}
    fixable = sum(1 for f in findings if (f.path, f.start, f.end, f.rule) in fixable_keys)
    if fixable:
        line += f"; {fixable} fixable with --fix"
    unchecked = sum(1 for r in results if r.error or r.failures)
    if unchecked:
        line += f"; {_plural(unchecked, 'story')} not fully checked"
    return line


def _rules_used(linter: Linter, results: list[FileResult]) -> dict[str, Rule]:
    """Every rule switched on for any story, each story by its own config (a subfolder's pack included)."""
    distinct = {id(r.settings): r.settings for r in results if r.settings is not None}
    return {rule.id: rule for settings in distinct.values() for rule in linter.selected_rules(settings)}


def _any_failing(results: list[FileResult], findings: list[Finding]) -> bool:
    """Whether a finding reaches the fail level of its own story's config (or the command line's)."""
    fail_levels = {r.path: r.settings.fail_level for r in results if r.settings is not None}
    return any(f.level >= fail_levels.get(f.path, Level.WARNING) for f in findings)


def _print_statistics(findings: list[Finding], out: TextIO) -> None:
    counts = Counter(f.rule for f in findings)
    for rule, count in counts.most_common():
        print(f"{count:6d}  {rule}", file=out)
    print(f"{sum(counts.values()):6d}  total", file=out)


__all__ = ["did_you_mean", "main"]
