"""Linting one story imports only what that run needs: start-up time is most of a desk's wait."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# Each is imported by the runs that use it (a pool of workers, --fix/--diff, --baseline, --changed-since,
# another output format, an error message, a word with no one-edit correction), never by a plain lint.
NOT_FOR_ONE_STORY = [
    "multiprocessing",
    "concurrent.futures",
    "newslint.fix",
    "newslint.baseline",
    "newslint.changed",
    "subprocess",
    "difflib",
    "traceback",
    "xml.etree.ElementTree",
    "newslint.output.sarif",
    "newslint.output.junit",
    "spellchecker",
]


def _modules_after(args: list[str], tmp_path) -> set[str]:
    story = tmp_path / "story.txt"
    story.write_text(
        "Truce holds\n\nThe ceasefire held overnight, officials said. The cease-fire was agreed on Tuesday.\n",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        from newslint.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main({[*args, str(story)]!r})
        print(json.dumps(sorted(sys.modules)))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_one_story_imports_no_pool_fixer_baseline_git_or_other_formats(tmp_path):
    loaded = _modules_after(["--isolated", "--select", "ALL"], tmp_path)
    assert "newslint.output.text" in loaded
    assert [name for name in NOT_FOR_ONE_STORY if name in loaded] == []


def test_another_format_imports_its_own_module_only(tmp_path):
    loaded = _modules_after(["--isolated", "--format", "sarif"], tmp_path)
    assert "newslint.output.sarif" in loaded
    assert "newslint.output.junit" not in loaded
