"""Located user-facing errors: collected, then reported together (DESIGN.md §4)."""

from __future__ import annotations

from collections.abc import Iterable


class NewslintError(Exception):
    """One or more problems that stop the run; each line names its file and, where known, its line."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """The tail of an error message, ` (did you mean 'x'?)`, when a close choice exists; else empty."""
    import difflib  # only a run that reports an error needs it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def locate(path: str, source: str, needle_pattern: str, start_line: int = 1) -> str:
    """`path:line` of the first line at or after `start_line` matching a regex, else just `path`.

    It compiles the pattern, so it is for error messages; a hot path indexes the lines it needs instead.
    """
    import regex

    compiled = regex.compile(needle_pattern)
    for number, line in enumerate(source.splitlines()[start_line - 1 :], start=start_line):
        if compiled.search(line):
            return f"{path}:{number}"
    return path
