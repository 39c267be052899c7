"""Read a request's JSON body within a size limit, and check its fields: each problem is a located error."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

from newslint.api import DEFAULT_FILENAME
from newslint.config import STYLES
from newslint.errors import did_you_mean

DEFAULT_MAX_BODY = 4 * 1024 * 1024  # a long story is 100 KB; a few MB leaves room for pasted Markdown and HTML


class BadRequest(Exception):
    """A request the service answers with an error status and `{"error": message, "field": name}`."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field

    def body(self) -> dict[str, Any]:
        return {"error": self.message, "field": self.field}


async def read_body(headers: Mapping[str, str], chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """The body, or 413 as soon as it is known to be over `limit`: from Content-Length before a byte is read,
    else by counting the bytes as they stream in (a chunked upload declares no length)."""
    declared = headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BadRequest(400, f"Content-Length is not a number of bytes: {declared!r}")
        if int(declared) > limit:
            raise _too_large(int(declared), limit)
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise _too_large(len(body), limit, more=True)
    return bytes(body)


def _too_large(size: int, limit: int, more: bool = False) -> BadRequest:
    over = "more than " if more else ""
    return BadRequest(413, f"the body is {over}{size:,} bytes; this service takes at most {limit:,} (--max-body)")


def parse_json(body: bytes) -> dict[str, Any]:
    """The body as a JSON object; 400 saying where it stops being JSON."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadRequest(400, f"the body is not UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise BadRequest(
            400, f"the body is not JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    if not isinstance(data, dict):
        raise BadRequest(400, f"the body must be a JSON object, not {_json_type(data)}")
    return data


@dataclass(frozen=True)
class StoryRequest:
    """The fields of `POST /api/lint` and `POST /api/fix`."""

    text: str
    style: str | None = None
    filename: str = DEFAULT_FILENAME
    unsafe: bool = False
    only: tuple[str, int] | None = None  # (rule, start): fix this one finding only


LINT_FIELDS = ("text", "style", "filename")
FIX_FIELDS = (*LINT_FIELDS, "unsafe", "only")


def story_request(data: dict[str, Any], allowed: tuple[str, ...]) -> StoryRequest:
    """Check the fields named in `allowed`; unknown fields are errors too, so that a typo is not ignored."""
    for name in data:
        if name not in allowed:
            raise BadRequest(400, f"unknown field '{name}'{did_you_mean(name, allowed)}", name)
    text = _typed(data, "text", str, "a string (the story)")
    style = _typed(data, "style", str, "a string", optional=True)
    if style is not None and style not in STYLES:
        raise BadRequest(
            400, f"unknown style {style!r}{did_you_mean(style, STYLES)}; one of {', '.join(STYLES)}", "style"
        )
    filename = _typed(data, "filename", str, "a string", optional=True) or DEFAULT_FILENAME
    unsafe = _typed(data, "unsafe", bool, "true or false", optional=True) or False
    only = _only(data["only"]) if data.get("only") is not None else None
    return StoryRequest(text, style, filename, unsafe, only)


def _only(value: Any) -> tuple[str, int]:
    if not isinstance(value, dict):
        raise BadRequest(
            400, f'field \'only\' must be an object {{"rule": ..., "start": ...}}, not {_json_type(value)}', "only"
        )
    rule = _typed(value, "rule", str, "a string", prefix="only.")
    start = _typed(value, "start", int, "a whole number", prefix="only.")
    if start < 0:
        raise BadRequest(400, "field 'only.start' must be an offset, 0 or more", "only.start")
    return rule, start


def _typed(data: dict[str, Any], name: str, kind: type, described: str, optional: bool = False, prefix: str = ""):
    value = data.get(name)
    if value is None and optional:
        return None
    if name not in data:
        raise BadRequest(400, f"missing field '{prefix}{name}' ({described})", prefix + name)
    # JSON true is a Python bool, which is an int: a whole number must not accept it.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise BadRequest(400, f"field '{prefix}{name}' must be {described}, not {_json_type(value)}", prefix + name)
    return value


def _json_type(value: Any) -> str:
    """The JSON name of a value's type, as the caller wrote it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"
