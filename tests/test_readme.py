"""The README's example output is what the installed tool prints, and its first two commands are as documented."""

from __future__ import annotations

from pathlib import Path

import regex
from helpers import run

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_blocks() -> list[tuple[str, str]]:
    """(command, expected output) for each ```console block that runs newslint on a file in the repo."""
    blocks = regex.findall(r"```console\n\$ (newslint [^\n]+)\n(.*?)```", README, flags=regex.DOTALL)
    return [(command, output) for command, output in blocks]


def test_readme_example_output_is_current():
    blocks = _console_blocks()
    assert blocks, "the README shows no example run"
    for command, expected in blocks:
        done = run(*command.split()[1:], cwd=ROOT)
        assert done.stdout.decode() == expected, f"README example '{command}' is stale"


def test_readme_opens_with_the_install_and_test_commands():
    commands = regex.findall(r"```sh\n([^\n]+)\n```", README)
    assert commands[:2] == ["pip install . && newslint examples/xinhua-blinken.txt", "pip install '.[test]' && pytest"]
