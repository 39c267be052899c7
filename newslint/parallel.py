"""Lint or fix many files in worker processes; results come back in input order whatever the number of workers."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from newslint.errors import NewslintError
from newslint.linter import FileResult, Linter

# multiprocessing and the fixer cost milliseconds to import; a run of one story needs neither.
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

    from newslint.fix import FileFix

# Below this many files a pool costs more (process start, rule building in each worker) than it saves.
MIN_FILES_FOR_POOL = 8

# The linter a worker uses: inherited ready-built when processes fork, otherwise rebuilt from its options.
_worker_linter: Linter | None = None

T = TypeVar("T")
Task = Callable[[Linter, str], T]  # one file's work; module-level (or a partial of one) so that it pickles
Lost = Callable[[str, str], T]  # the result for a file that could not be done, from its path and the reason


def default_jobs() -> int:
    """The CPUs this process may run on (a container's affinity, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class _ConfigProblems(Exception):
    """A NewslintError crossing back from a worker (its own constructor does not survive pickling)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems)
        self.problems = problems


def _describe(error: Exception) -> str:
    import traceback  # only a file that hit a bug needs it

    where = traceback.extract_tb(error.__traceback__)[-1]
    return f"{type(error).__name__}: {error} ({os.path.basename(where.filename)}:{where.lineno})"


def _lint_lost(path: str, reason: str) -> FileResult:
    return FileResult(path, skipped=True, error=f"{path}: {reason}; file not checked")


def _fix_lost(path: str, reason: str) -> FileFix:
    from newslint.fix import FileFix

    return FileFix(path, problem=f"{path}: {reason}; file not fixed")


def lint_one(linter: Linter, path: str, stdin_name: str = "") -> FileResult:
    """Lint one file (standard input reported as `stdin_name`); a bug in a check becomes that file's error,
    never the end of the run.

    A NewslintError (a bad config or pack) still ends the run: it is the user's to fix, not the file's.
    """
    try:
        return linter.lint_file(path, stdin_name if path == "-" else "")
    except NewslintError:
        raise
    except Exception as error:  # noqa: BLE001 - one broken file must not cost the other files' results
        return _lint_lost(path, f"internal error: {_describe(error)}")


def fix_one(linter: Linter, path: str, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one file, with the same containment as `lint_one`."""
    from newslint.fix import fix_file

    if path.lower().endswith(".docx"):  # a Word story: the text of its runs is rewritten (docs/docx.md)
        from newslint.docx_fix import fix_docx as fix_file
    try:
        return fix_file(linter, path, unsafe, write)
    except NewslintError:
        raise
    except Exception as error:  # noqa: BLE001 - as in lint_one
        return _fix_lost(path, f"internal error: {_describe(error)}")


def lint_paths(
    linter: Linter,
    paths: Sequence[str],
    jobs: int | None = None,
    context: BaseContext | None = None,
    stdin_name: str = "",
) -> list[FileResult]:
    """Lint `paths` with up to `jobs` processes (None: one per CPU); results in the order of `paths`."""
    return map_paths(linter, paths, partial(lint_one, stdin_name=stdin_name), _lint_lost, jobs, context)


def fix_and_lint_one(linter: Linter, path: str, unsafe: bool = False) -> tuple[FileFix, FileResult]:
    """Fix one file in place, then lint what is left. In the same process, right after the fix, so that the
    lint reuses the fixer's last round (the linter remembers it) instead of checking the story again."""
    return fix_one(linter, path, unsafe, write=True), lint_one(linter, path)


def _fix_and_lint_lost(path: str, reason: str) -> tuple[FileFix, FileResult]:
    return _fix_lost(path, reason), _lint_lost(path, reason)


def fix_and_lint_paths(
    linter: Linter, paths: Sequence[str], unsafe: bool, jobs: int | None = None
) -> list[tuple[FileFix, FileResult]]:
    """Fix `paths` in place and lint each afterwards; results in the order of `paths`."""
    return map_paths(linter, paths, partial(fix_and_lint_one, unsafe=unsafe), _fix_and_lint_lost, jobs)


def fix_paths(
    linter: Linter, paths: Sequence[str], unsafe: bool, write: bool, jobs: int | None = None
) -> list[FileFix]:
    """Fix (or with write=False, compute the fixes for) `paths`; results in the order of `paths`."""
    return map_paths(linter, paths, partial(fix_one, unsafe=unsafe, write=write), _fix_lost, jobs)


def map_paths(
    linter: Linter,
    paths: Sequence[str],
    task: Task[T],
    lost: Lost[T],
    jobs: int | None = None,
    context: BaseContext | None = None,
) -> list[T]:
    """`task` on every path, in worker processes when there are enough files; results in input order."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    files = [p for p in paths if p != "-"]  # standard input belongs to this process
    if jobs == 1 or len(files) < MIN_FILES_FOR_POOL:
        return [task(linter, p) for p in paths]
    import multiprocessing

    done = _pooled(linter, files, task, lost, jobs, context or multiprocessing.get_context())
    return [task(linter, p) if p == "-" else done[p] for p in paths]


def _pooled(
    linter: Linter, files: list[str], task: Task[T], lost: Lost[T], jobs: int, context: BaseContext
) -> dict[str, T]:
    from concurrent.futures import ProcessPoolExecutor

    global _worker_linter
    _warm(linter, files[0])
    _worker_linter = linter  # a forked worker starts with it built; a spawned one rebuilds it
    spec = (linter.config, linter.isolated, linter.overrides)
    results: dict[str, T] = {}
    unfinished: list[str] = []
    with ProcessPoolExecutor(jobs, context, initializer=_start_worker, initargs=(spec,)) as pool:
        futures = [(chunk, pool.submit(_run_chunk, task, chunk)) for chunk in _chunks(files, jobs)]
        for chunk, future in futures:
            done = _result(future)
            if done is None:
                unfinished.extend(chunk)
            else:
                results.update(zip(chunk, done))
    results.update(_isolated(unfinished, task, lost, spec, context))
    return results


def _warm(linter: Linter, path: str) -> None:
    """Build the rules once here so that forked workers share them instead of each building its own."""
    # A bad config is not reported here: the workers report it for the files it governs.
    with contextlib.suppress(Exception):
        linter.active_rules(linter.settings_for(path))


def _chunks(files: list[str], jobs: int) -> list[list[str]]:
    # Several chunks per worker keep the workers evenly busy when some stories are long.
    size = max(1, len(files) // (jobs * 8))
    return [files[i : i + size] for i in range(0, len(files), size)]


def _result(future: Future[list[T]]) -> list[T] | None:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except _ConfigProblems as error:
        raise NewslintError(error.problems) from None


def _isolated(
    files: list[str], task: Task[T], lost: Lost[T], spec: tuple[Any, ...], context: BaseContext
) -> dict[str, T]:
    """After a worker died, retry its files one at a time, so that only the file that kills a worker is lost."""
    from concurrent.futures import ProcessPoolExecutor

    results: dict[str, T] = {}
    pool: ProcessPoolExecutor | None = None
    try:
        for path in files:
            pool = pool or ProcessPoolExecutor(1, context, initializer=_start_worker, initargs=(spec,))
            done = _result(pool.submit(_run_chunk, task, [path]))
            if done is None:
                pool.shutdown(wait=True)
                pool = None
                done = [lost(path, "the worker process handling it died")]
            results[path] = done[0]
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return results


def _start_worker(spec: tuple[Any, ...]) -> None:
    global _worker_linter
    if _worker_linter is None:
        config, isolated, overrides = spec
        _worker_linter = Linter(config=config, isolated=isolated, **overrides)


def _run_chunk(task: Task[T], paths: list[str]) -> list[T]:
    assert _worker_linter is not None, "worker started without its initializer"
    try:
        return [task(_worker_linter, path) for path in paths]
    except NewslintError as error:
        raise _ConfigProblems(error.problems) from None
