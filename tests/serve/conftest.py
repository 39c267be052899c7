"""A real `newslint serve` for the tests: the installed console script on a free port, in its own process."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpers import console_script

# The service is an optional extra: without it these tests skip, saying so (the test extra installs it).
SERVE_MISSING = [name for name in ("starlette", "uvicorn") if importlib.util.find_spec(name) is None]


@pytest.fixture(autouse=True)
def _needs_the_serve_extra(request) -> None:
    if SERVE_MISSING and getattr(request.module, "NEEDS_SERVE_EXTRA", True):
        pytest.skip(f"the serve extra is not installed ({', '.join(SERVE_MISSING)}): pip install '.[serve]'")


ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "xinhua-blinken.txt"


@dataclass
class Service:
    """A running service: its address, and the process to ask whether it is still up."""

    url: str
    process: subprocess.Popen

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """(status, parsed JSON or text) of one real HTTP request; error statuses are answers, not exceptions."""
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, _parsed(response.headers, response.read())
        except urllib.error.HTTPError as error:
            return error.code, _parsed(error.headers, error.read())

    def post(self, path: str, data) -> tuple[int, object]:
        return self.request("POST", path, json.dumps(data).encode("utf-8"), {"Content-Type": "application/json"})


def _parsed(headers, body: bytes):
    return json.loads(body) if headers.get("content-type", "").startswith("application/json") else body.decode()


def spawn_service(*args: str, cwd: Path | None = None) -> subprocess.Popen:
    """The installed `newslint serve --port 0 ...` as a process, its output unread."""
    return subprocess.Popen(
        [console_script(), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
    )  # fmt: skip


def start_service(*args: str, cwd: Path | None = None) -> Service:
    """Start `newslint serve --port 0 ...` and read the address it prints on its first line."""
    process = spawn_service(*args, cwd=cwd)
    first = process.stdout.readline()
    if "listening on" not in first:
        process.kill()
        raise AssertionError(f"the service did not start: {first}{process.stderr.read()}")
    return Service(first.split("listening on ", 1)[1].strip().rstrip("/"), process)


def stop_service(service: Service) -> None:
    service.process.terminate()
    try:
        service.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        service.process.kill()
        service.process.wait()
    service.process.stdout.close()
    service.process.stderr.close()


@pytest.fixture(scope="session")
def service(tmp_path_factory) -> Iterator[Service]:
    running = start_service(cwd=tmp_path_factory.mktemp("serve"))
    yield running
    stop_service(running)


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
