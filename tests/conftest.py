"""Shared test fixtures and the `--update-golden` flag."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the golden stories' .out files from current output"
    )
