"""Lint many files in worker processes; results come back in input order whatever the number of workers."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any

from newslint.errors import NewslintError
from newslint.runner import FileResult, Linter

# Below this many files a pool costs more (process start, rule building in each worker) than it saves.
MIN_FILES_FOR_POOL = 8

# The linter a worker uses: inherited ready-built when processes fork, otherwise rebuilt from its options.
_worker_linter: Linter | None = None


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


def lint_one(linter: Linter, path: str) -> FileResult:
    """Lint one file; a bug in a check becomes that file's error, never the end of the run.

    A NewslintError (a bad config or pack) still ends the run: it is the user's to fix, not the file's.
    """
    try:
        return linter.lint_file(path)
    except NewslintError:
        raise
    except Exception as error:  # noqa: BLE001 - one broken file must not cost the other files' results
        where = traceback.extract_tb(error.__traceback__)[-1]
        detail = f"{type(error).__name__}: {error} ({os.path.basename(where.filename)}:{where.lineno})"
        return FileResult(path, skipped=True, error=f"{path}: internal error, file not checked: {detail}")


def lint_paths(
    linter: Linter, paths: Sequence[str], jobs: int | None = None, context: BaseContext | None = None
) -> list[FileResult]:
    """Lint `paths` with up to `jobs` processes (None: one per CPU); results in the order of `paths`."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    files = [p for p in paths if p != "-"]  # standard input belongs to this process
    if jobs == 1 or len(files) < MIN_FILES_FOR_POOL:
        return [lint_one(linter, p) for p in paths]
    by_path = _pooled(linter, files, jobs, context or multiprocessing.get_context())
    return [lint_one(linter, p) if p == "-" else by_path[p] for p in paths]


def _pooled(linter: Linter, files: list[str], jobs: int, context: BaseContext) -> dict[str, FileResult]:
    global _worker_linter
    _warm(linter, files[0])
    _worker_linter = linter  # a forked worker starts with it built; a spawned one rebuilds it
    spec = (linter.config, linter.isolated, linter.overrides)
    chunks = _chunks(files, jobs)
    results: dict[str, FileResult] = {}
    lost: list[str] = []
    with ProcessPoolExecutor(jobs, context, initializer=_start_worker, initargs=(spec,)) as pool:
        futures = [(chunk, pool.submit(_lint_chunk, chunk)) for chunk in chunks]
        for chunk, future in futures:
            done = _result(future)
            if done is None:
                lost.extend(chunk)
            else:
                results.update(zip(chunk, done))
    results.update(_isolated(lost, spec, context))
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


def _result(future: Future[list[FileResult]]) -> list[FileResult] | None:
    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except _ConfigProblems as error:
        raise NewslintError(error.problems) from None


def _isolated(files: list[str], spec: tuple[Any, ...], context: BaseContext) -> dict[str, FileResult]:
    """After a worker died, retry its files one at a time, so that only the file that kills a worker is lost."""
    results: dict[str, FileResult] = {}
    pool: ProcessPoolExecutor | None = None
    try:
        for path in files:
            pool = pool or ProcessPoolExecutor(1, context, initializer=_start_worker, initargs=(spec,))
            done = _result(pool.submit(_lint_chunk, [path]))
            if done is None:
                pool.shutdown(wait=True)
                pool = None
                done = [FileResult(path, skipped=True, error=f"{path}: the worker checking it died; file not checked")]
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


def _lint_chunk(paths: list[str]) -> list[FileResult]:
    assert _worker_linter is not None, "worker started without its initializer"
    try:
        return [lint_one(_worker_linter, path) for path in paths]
    except NewslintError as error:
        raise _ConfigProblems(error.problems) from None
