"""From the package's exceptions to HTTP replies, in one table.

Every error reply is an RFC 9457 problem (``application/problem+json``). The
mapping follows the error tree of ``intimacy_rules.errors``:

=========================  ======  ==============================================
exception                  status  why
=========================  ======  ==============================================
RequestValidationError     422     FastAPI-parsed parameters (path, query)
ValidationError (body)     422     each field and reason, never the input value
InputError / EventError    422     the caller's input is wrong
RulesetError               422     the ruleset's problems, with line and rule id
StoreUnavailableError      503     nothing was written; retry (Retry-After)
ConflictError              503     a concurrent write won; retry the same event
StoreError                 503/500 retryable or not
SignatureError             .status_code
EngineError, other         500     logged by type only
=========================  ======  ==============================================

Nothing here logs a request body or an exception's message when it could hold
caller data: the log line names the exception type and the route.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from intimacy_rules.errors import (
    InputError,
    IntimacyRulesError,
    Problem,
    RulesetError,
    RulesetValidationError,
    SignatureError,
    StoreError,
    StoreUnavailableError,
)
from intimacy_rules.server.wire import FieldProblem, problems_of
from intimacy_rules.server.wire import Problem as ProblemReply

__all__ = ["install_error_handlers", "problem_for", "problem_response", "ruleset_problems"]

log = logging.getLogger("intimacy_rules.server")

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Payload Too Large",
    422: "Unprocessable Content",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def problem_response(
    status: int,
    detail: str | None = None,
    *,
    errors: tuple[FieldProblem, ...] = (),
    headers: dict[str, str] | None = None,
) -> Response:
    """A problem-details reply."""
    body = ProblemReply(
        title=_TITLES.get(status, "Error"), status=status, detail=detail, errors=errors
    )
    return Response(
        body.model_dump_json(exclude_defaults=False),
        status_code=status,
        media_type="application/problem+json",
        headers=headers,
    )


def ruleset_problems(exc: RulesetError) -> tuple[FieldProblem, ...]:
    """The problems of a ruleset that does not load, as field problems."""
    problems: list[Problem] = (
        exc.problems if isinstance(exc, RulesetValidationError) else [Problem(str(exc))]
    )
    out = []
    for p in problems:
        where = [f"line {p.line}"] if p.line is not None else []
        if p.rule_id:
            where.append(f"rule {p.rule_id}")
        field = p.field or ("rules" if p.rule_id else "ruleset")
        reason = str(p.message) + (f" (did you mean {p.hint!r}?)" if p.hint else "")
        out.append(
            FieldProblem(field=field, reason=(", ".join(where) + ": " if where else "") + reason)
        )
    return tuple(out)


async def _request_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = tuple(
        FieldProblem(field=".".join(str(p) for p in e.get("loc", ())), reason=str(e.get("msg", "")))
        for e in exc.errors()
    )
    return problem_response(422, "the request does not match the schema", errors=errors)


def problem_for(exc: Exception, route: str) -> Response:
    """The reply for a ``ValidationError`` or a package error raised on ``route``.

    ``route`` is the route's template (``/v1/conversations/{conversation_id}``),
    never the request path, which may hold a conversation id.
    """
    if isinstance(exc, ValidationError):
        return problem_response(
            422, "the request body does not match the schema", errors=problems_of(exc)
        )
    if isinstance(exc, RulesetError):
        return problem_response(422, "the ruleset does not load", errors=ruleset_problems(exc))
    if isinstance(exc, InputError):
        return problem_response(422, exc.reason)
    if isinstance(exc, SignatureError):
        return problem_response(exc.status_code, "the webhook signature does not verify")
    if isinstance(exc, StoreError):
        log.warning("store error %s on %s", type(exc).__name__, route)
        if exc.retryable or isinstance(exc, StoreUnavailableError):
            return problem_response(
                503,
                "the store is unavailable; the event was not recorded, retry it",
                headers={"Retry-After": "1"},
            )
        return problem_response(500, "the store failed; the event was not recorded")
    log.error("%s on %s", type(exc).__name__, route)
    return problem_response(500, "the engine failed on this request")


def _route(request: Request) -> str:
    route: Any = request.scope.get("route")
    return str(getattr(route, "path", "unmatched"))


async def _handled(request: Request, exc: Exception) -> Response:
    return problem_for(exc, _route(request))


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers) if exc.headers else None
    return problem_response(exc.status_code, str(exc.detail), headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Register the mapping above on ``app``."""
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(ValidationError, _handled)
    app.add_exception_handler(IntimacyRulesError, _handled)
    app.add_exception_handler(HTTPException, _http)
