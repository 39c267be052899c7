"""Bad requests get a JSON error naming the field; a body over the limit gets 413 before it is read whole; the
service answers the next request either way."""

from __future__ import annotations

import json
import socket
import threading
import time
from urllib.parse import urlsplit

import pytest

from .conftest import start_service, stop_service

SIXTY_MB = 60 * 1000 * 1000


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        (b'{"text": ', None, "the body is not JSON: Expecting value at line 1 column 10"),
        (b"\xff\xfe", None, "the body is not UTF-8"),
        (b'["a story"]', None, "the body must be a JSON object, not an array"),
        (b"{}", "text", "missing field 'text'"),
        (b'{"text": null}', "text", "field 'text' must be a string (the story), not null"),
        (b'{"text": 42}', "text", "field 'text' must be a string (the story), not a number"),
        (b'{"text": "x", "style": 1}', "style", "field 'style' must be a string, not a number"),
        (b'{"text": "x", "style": "app"}', "style", "unknown style 'app' (did you mean 'ap'?)"),
        (b'{"text": "x", "filename": ["a"]}', "filename", "field 'filename' must be a string, not an array"),
        (b'{"text": "x", "txt": "y"}', "txt", "unknown field 'txt' (did you mean 'text'?)"),
    ],
)
def test_bad_lint_request_is_400_naming_the_field(service, body, field, says):
    status, answer = service.request("POST", "/api/lint", body, {"Content-Type": "application/json"})
    assert status == 400
    assert answer["field"] == field and says in answer["error"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "x", "unsafe": "yes"}, "unsafe"),
        ({"text": "x", "only": "names.variant"}, "only"),
        ({"text": "x", "only": {"start": 3}}, "only.rule"),
        ({"text": "x", "only": {"rule": "names.variant", "start": "3"}}, "only.start"),
        ({"text": "x", "only": {"rule": "names.variant", "start": True}}, "only.start"),
        ({"text": "x", "only": {"rule": "names.variant", "start": -1}}, "only.start"),
    ],
)
def test_bad_fix_request_is_400_naming_the_field(service, data, field):
    status, answer = service.post("/api/fix", data)
    assert status == 400 and answer["field"] == field


def test_lint_takes_no_fix_fields(service):
    status, answer = service.post("/api/lint", {"text": "x", "unsafe": True})
    assert status == 400 and answer["field"] == "unsafe"


def test_bad_style_in_query_is_400(service):
    status, answer = service.request("GET", "/api/rules?style=nope")
    assert status == 400 and answer["field"] == "style"


def _upload(url: str, size: int, chunked: bool) -> tuple[str, int]:
    """POST `size` bytes to /api/lint from one thread while another reads the answer: the status line, and how
    many bytes had been sent when it came (a client like curl does the same, reading while it sends)."""
    address = urlsplit(url)
    connection = socket.create_connection((address.hostname, address.port), timeout=60)
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
    connection.sendall(
        f"POST /api/lint HTTP/1.1\r\nHost: {address.netloc}\r\nContent-Type: application/json\r\n{framing}\r\n\r\n".encode()
    )
    sent = [0]

    def send() -> None:
        piece = b"x" * (1 << 20)
        try:
            while sent[0] < size:
                chunk = piece[: size - sent[0]]
                connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
                sent[0] += len(chunk)
            if chunked:
                connection.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the service closed the connection after refusing the body: what it should do

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    answer = b""
    while b"\r\n" not in answer:
        data = connection.recv(4096)
        if not data:
            break
        answer += data
    sent_when_answered = sent[0]
    connection.close()
    sender.join(timeout=30)
    return answer.split(b"\r\n", 1)[0].decode(), sent_when_answered


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_sixty_megabytes_get_413_before_they_are_read_and_the_service_goes_on(service, chunked):
    status_line, sent = _upload(service.url, SIXTY_MB, chunked)
    assert status_line.startswith("HTTP/1.1 413")
    assert sent < SIXTY_MB  # answered while the body was still coming
    assert service.post("/api/lint", {"text": "Officials met on Tuesday."})[0] == 200
    assert service.process.poll() is None


@pytest.fixture(scope="module")
def small_service(tmp_path_factory):
    running = start_service("--max-body", "1000", cwd=tmp_path_factory.mktemp("small"))
    yield running
    stop_service(running)


def test_max_body_is_the_limit_exactly(small_service):
    def status_for(size: int) -> int:
        text = "x" * (size - len('{"text": ""}'))
        return small_service.request("POST", "/api/lint", json.dumps({"text": text}).encode())[0]

    assert status_for(1000) == 200
    assert status_for(1001) == 413
    _, answer = small_service.request("POST", "/api/lint", b"x" * 5000)
    assert answer["error"] == "the body is 5,000 bytes; this service takes at most 1,000 (--max-body)"


def test_many_bad_requests_in_a_row_leave_it_answering(small_service):
    started = time.monotonic()
    for _ in range(20):
        assert small_service.request("POST", "/api/lint", b"{")[0] == 400
        assert small_service.request("POST", "/api/lint", b"y" * 2000)[0] == 413
    assert small_service.post("/api/lint", {"text": "Officials met."})[0] == 200
    assert time.monotonic() - started < 60
