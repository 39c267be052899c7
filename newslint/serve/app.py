"""The service's routes: the desk page at `/` and the JSON API under `/api/`, on one warm engine per style."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from newslint import api
from newslint.config import STYLES
from newslint.serve.payload import (
    DEFAULT_MAX_BODY,
    FIX_FIELDS,
    LINT_FIELDS,
    BadRequest,
    parse_json,
    read_body,
    story_request,
)

DESK = Path(__file__).resolve().parent / "static"
# The page loads nothing but its own files and talks to nothing but this service: the browser enforces both,
# so the page works offline and a story pasted into it goes nowhere else.
DESK_HEADERS = {
    "Cache-Control": "no-cache",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}


@dataclass(frozen=True)
class ServiceOptions:
    config: Path | None = None  # the config file every request uses; None: the built-in defaults
    max_body: int = DEFAULT_MAX_BODY


def create_app(options: ServiceOptions | None = None) -> Starlette:
    """The ASGI application. The engine is built here, before the first request, so that a bad config stops
    the start (NewslintError) instead of failing every request."""
    options = options or ServiceOptions()
    api.warm(None, options.config)
    handlers = _Handlers(options)
    routes = [
        Route("/", handlers.desk, methods=["GET"]),
        Route("/api/lint", handlers.lint, methods=["POST"]),
        Route("/api/fix", handlers.fix, methods=["POST"]),
        Route("/api/rules", handlers.rules, methods=["GET"]),
        Route("/api/rules/{rule_id:str}", handlers.rule, methods=["GET"]),
        Route("/api/styles", handlers.styles, methods=["GET"]),
        Mount("/desk", StaticFiles(directory=DESK), name="desk"),
    ]
    return Starlette(
        routes=routes,
        exception_handlers={HTTPException: _http_error, BadRequest: _bad_request, Exception: _internal_error},
    )


class _Handlers:
    def __init__(self, options: ServiceOptions) -> None:
        self.config = options.config
        self.max_body = options.max_body

    async def desk(self, request: Request) -> Response:
        return FileResponse(DESK / "index.html", headers=DESK_HEADERS)

    async def lint(self, request: Request) -> Response:
        story = story_request(await self._json(request), LINT_FIELDS)
        result = await run_in_threadpool(api.lint, story.text, story.style, story.filename, self.config)
        return JSONResponse(_lint_body(result))

    async def fix(self, request: Request) -> Response:
        story = story_request(await self._json(request), FIX_FIELDS)
        if story.only is None:
            fixed = await run_in_threadpool(
                api.fix_text, story.text, story.style, story.filename, self.config, story.unsafe
            )
        else:
            rule, start = story.only
            try:
                fixed = await run_in_threadpool(
                    api.fix_finding, story.text, rule, start, story.style, story.filename, self.config, story.unsafe
                )
            except api.NotFixable as error:
                # The desk's text moved on since it asked (or the fix is unsafe): it lints again and retries.
                raise BadRequest(409, str(error), "only") from None
        return JSONResponse(
            {
                "text": fixed.text,
                "changed": fixed.text != story.text,
                "applied": fixed.applied,
                "rules": list(fixed.rules),
                "converged": fixed.converged,
                **_lint_body(fixed.left),
            }
        )

    async def rules(self, request: Request) -> Response:
        style = _style_query(request)
        return JSONResponse({"rules": await run_in_threadpool(api.list_rules, style, self.config)})

    async def rule(self, request: Request) -> Response:
        style = _style_query(request)
        try:
            rule = await run_in_threadpool(api.explain_rule, request.path_params["rule_id"], style, self.config)
        except api.UnknownRule as error:
            raise BadRequest(404, str(error), "id") from None
        return JSONResponse(rule)

    async def styles(self, request: Request) -> Response:
        default = await run_in_threadpool(api.default_style, self.config)
        return JSONResponse({"styles": list(STYLES), "default": default})

    async def _json(self, request: Request) -> dict[str, Any]:
        return parse_json(await read_body(request.headers, request.stream(), self.max_body))


def _lint_body(result: api.LintResult) -> dict[str, Any]:
    """The findings exactly as `--format json` writes them, and beside them how each may be fixed."""
    return {
        "findings": [finding.to_dict() for finding in result.findings],
        "fixable": result.fixable,
        "notices": result.notices,
        "problems": result.problems,
    }


def _style_query(request: Request) -> str | None:
    style = request.query_params.get("style") or None
    if style is not None and style not in STYLES:
        raise BadRequest(400, f"unknown style {style!r}; one of {', '.join(STYLES)}", "style")
    return style


async def _bad_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, BadRequest)
    # A body refused unread leaves bytes on the connection that cannot be answered: close it after replying.
    headers = {"Connection": "close"} if error.status == 413 else None
    return JSONResponse(error.body(), status_code=error.status, headers=headers)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return JSONResponse({"error": error.detail, "field": None}, status_code=error.status_code, headers=error.headers)


async def _internal_error(request: Request, error: Exception) -> Response:
    # A bug in a rule must not take the service down: this request gets a 500 naming it, the next is answered.
    message = f"internal error: {type(error).__name__}: {error}"
    return JSONResponse({"error": message, "field": None}, status_code=500)
