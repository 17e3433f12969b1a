"""The two hot routes' logic, shared by the FastAPI routes and the ASGI fast path.

``post_events`` and ``post_evaluate`` take the tenant and the raw body and
return a ``Reply`` (status, JSON body, headers); they raise ``ValidationError``
or package errors, which the caller turns into problem replies with
``error_handlers.problem_for``. Bodies are parsed once, from bytes, with
pydantic; replies are the decision's own JSON.

Both are coroutines. The blocking work runs through ``Services.run``: on the
event loop's thread (a decision costs well under a millisecond, less than a
hop to a thread pool), or with ``engine_threads`` on a pool that overlaps a
networked store's round trips (the rules core serialises its own calls under
one lock). A single event goes through ``Services.record``: on SQLite it is
recorded by the write batcher, so the loop keeps serving other requests while
another process has the write turn. A retry of an event already decided
(same tenant, same event id) returns the original decision with
``Idempotent-Replayed: true``. In a batch, events are decided in order and each
is committed on its own: if the store fails midway the reply is 503, and a
retry of the whole batch replays those already decided.
"""

from __future__ import annotations

from typing import NamedTuple

from intimacy_rules.engine.decision import Decision
from intimacy_rules.server.error_handlers import problem_response
from intimacy_rules.server.services import Services
from intimacy_rules.server.wire import (
    DecisionBatch,
    EventBatch,
    FieldProblem,
    parse_event,
    parse_events,
)

__all__ = ["REPLAY_HEADER", "Reply", "post_evaluate", "post_events"]

REPLAY_HEADER = "Idempotent-Replayed"
JSON = "application/json"


class Reply(NamedTuple):
    """A reply to send: status, body and extra headers."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    media_type: str = JSON


async def post_events(services: Services, tenant: str, body: bytes) -> Reply:
    """Decide on one event or a batch, and record it."""
    parsed = parse_events(body)
    if isinstance(parsed, EventBatch):
        return await services.run(_post_batch, services, tenant, parsed)
    outcome = await services.record(tenant, parsed)
    headers = ((REPLAY_HEADER, "true"),) if outcome.replayed else ()
    return Reply(200, outcome.decision.model_dump_json().encode(), headers)


def _post_batch(services: Services, tenant: str, parsed: EventBatch) -> Reply:
    """Decide on a batch, each event in its own transaction, in order."""
    limit = services.settings.max_batch
    if len(parsed.events) > limit:
        problem = problem_response(
            422,
            "the batch is too large",
            errors=(FieldProblem(field="events", reason=f"at most {limit} events"),),
        )
        return Reply(422, bytes(problem.body), media_type="application/problem+json")
    decisions: list[Decision] = []
    replayed: list[str] = []
    for event in parsed.events:
        outcome = services.process(tenant, event)
        decisions.append(outcome.decision)
        if outcome.replayed:
            replayed.append(event.id)
    batch = DecisionBatch(decisions=tuple(decisions), replayed=tuple(replayed))
    return Reply(200, batch.model_dump_json().encode())


async def post_evaluate(services: Services, tenant: str, body: bytes) -> Reply:
    """Decide on one event without storing anything."""
    return await services.run(_evaluate, services, tenant, body)


def _evaluate(services: Services, tenant: str, body: bytes) -> Reply:
    decision = services.evaluate(tenant, parse_event(body))
    return Reply(200, decision.model_dump_json().encode())
