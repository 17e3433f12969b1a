"""The platform adapters' routes: the only FastAPI-aware part of the adapters.

Each route turns the HTTP request into an ``InboundRequest``, runs it through
``intimacy_rules.adapters.handle_request`` with the tenant's adapter, and sends
back the ``OutboundReply``. The tenant is named in the path: platforms cannot
send our API keys, so each request is authenticated by the platform's own
signature or token, with the secrets of that tenant. URLs to configure in each
platform (``{tenant}`` is the tenant's name)::

    Stream Chat   POST /adapters/stream/{tenant}/webhook              (event_hooks)
                  POST /adapters/stream/{tenant}/before-message-send  (before_message_send_hook_url)
    Sendbird      POST /adapters/sendbird/{tenant}/webhook
    Twilio        POST /adapters/twilio/{tenant}/webhook              (pre- and post-event URL)
    Matrix        PUT  /adapters/matrix/{tenant}/_matrix/app/v1/transactions/{txnId}
                       (registration ``url``: https://<host>/adapters/matrix/{tenant})
                  POST /adapters/matrix/{tenant}/antispam/{callback}
                       (synapse-http-antispam ``base_url``: .../adapters/matrix/{tenant}/antispam)
    Generic       POST /adapters/generic/{tenant}/events

Where a tenant's adapter settings come from (``AdapterSettings``), first found:

1. ``build_adapter_router(services, adapter_settings=...)``: a mapping of
   tenant -> settings, or a function of the tenant's name;
2. the tenant's settings' ``adapters`` (``[tenants.<name>.adapters]`` in the
   config file: the usual way, see ``docs/adapters``);
3. ``app.state.adapter_settings`` (a mapping), for an app built in code.

A tenant, or a platform, without settings answers 404. Decisions are made on
the event loop's thread, like ``/v1/events``: the rules core must not be
entered from two threads at once, and a decision costs less than a hop to a
thread pool.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request, Response

from intimacy_rules.adapters import (
    ADAPTERS,
    Adapter,
    AdapterSettings,
    Headers,
    InboundRequest,
    ReplayCache,
    handle_request,
)
from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event, EventContext
from intimacy_rules.server.services import Services

__all__ = ["AdapterSettingsSource", "build_adapter_router"]

#: Per-tenant adapter settings (models, or their plain-data form): a mapping by
#: tenant name, or a lookup function.
AdapterSettingsSource = (
    Mapping[str, AdapterSettings | Mapping[str, Any]]
    | Callable[[str], AdapterSettings | Mapping[str, Any] | None]
)

_NOT_FOUND = Response(b'{"error":"not found"}', status_code=404, media_type="application/json")
#: How long delivery ids are remembered; never shorter than an adapter's tolerance.
_MIN_REPLAY_TTL = timedelta(hours=1)
#: Homeservers retry a transaction through long outages.
_MATRIX_REPLAY_TTL = timedelta(days=1)


class _AdapterHost:
    """Builds each tenant's adapters once, and keeps their replay caches."""

    def __init__(self, services: Services, source: AdapterSettingsSource | None) -> None:
        self._services = services
        self._source = source
        # Built once per tenant and platform, and again only when the tenant's
        # settings object is replaced (a reload): (source, validated) and
        # (settings, adapter) pairs compared by identity.
        self._validated: dict[str, tuple[object, AdapterSettings]] = {}
        self._adapters: dict[tuple[str, str], tuple[AdapterSettings, Adapter]] = {}
        self._caches: dict[tuple[str, str], ReplayCache] = {}

    def settings_for(self, tenant: str, request: Request) -> AdapterSettings | None:
        try:
            tenant_settings = self._services.tenant_settings(tenant)
        except KeyError:
            return None
        found: Any = None
        if self._source is not None:
            found = (
                self._source.get(tenant)
                if isinstance(self._source, Mapping)
                else self._source(tenant)
            )
        if found is None:
            found = getattr(tenant_settings, "adapters", None)
        if found is None:
            state = getattr(request.app.state, "adapter_settings", None)
            found = state.get(tenant) if isinstance(state, Mapping) else None
        if found is None or isinstance(found, AdapterSettings):
            return found
        cached = self._validated.get(tenant)
        if cached is not None and cached[0] is found:
            return cached[1]
        validated = AdapterSettings.model_validate(found)
        self._validated[tenant] = (found, validated)
        return validated

    def adapter(self, tenant: str, platform: str, settings: AdapterSettings) -> Adapter | None:
        platform_settings = getattr(settings, platform)
        if platform_settings is None:
            return None
        built = self._adapters.get((tenant, platform))
        if built is None or built[0] is not settings:
            built = (settings, self._build(platform, platform_settings, settings))
            self._adapters[(tenant, platform)] = built
        return built[1]

    def _build(self, platform: str, specific: Any, shared: AdapterSettings) -> Adapter:
        context = EventContext(platform=shared.platform, locale=shared.locale)
        kwargs: dict[str, Any] = {
            "context": context,
            "clock": self._services.clock,
            "max_body_bytes": self._services.settings.max_body_bytes,
        }
        if platform == "twilio":
            kwargs["public_url"] = shared.public_url
        adapter: Adapter = ADAPTERS[platform](specific, **kwargs)  # type: ignore[call-arg]
        return adapter

    def cache(self, tenant: str, adapter: Adapter) -> ReplayCache:
        key = (tenant, adapter.name)
        cache = self._caches.get(key)
        if cache is None:
            ttl = _MATRIX_REPLAY_TTL if adapter.name == "matrix" else _MIN_REPLAY_TTL
            cache = ReplayCache(ttl=max(ttl, adapter.tolerance), clock=self._services.clock)
            self._caches[key] = cache
        return cache

    def decider(self, tenant: str) -> Callable[[Event], Decision]:
        services = self._services

        def decide(event: Event) -> Decision:
            if event.kind == "pre_send":
                return services.evaluate(tenant, event)
            return services.process(tenant, event).decision

        return decide

    async def handle(
        self,
        request: Request,
        *,
        tenant: str,
        platform: str,
        hook: str,
        path_params: Mapping[str, str] | None = None,
    ) -> Response:
        settings = self.settings_for(tenant, request)
        adapter = self.adapter(tenant, platform, settings) if settings is not None else None
        if adapter is None:
            return _NOT_FOUND
        inbound = InboundRequest(
            method=request.method,
            url=str(request.url),
            headers=Headers(request.headers.items()),
            body=await request.body(),
            received_at=self._services.clock(),
            hook=hook,
            path_params=dict(path_params or {}),
        )
        reply = handle_request(
            adapter,
            inbound,
            self.decider(tenant),
            seen=self.cache(tenant, adapter),
            scope=tenant,
        )
        return Response(
            content=reply.body,
            status_code=reply.status,
            media_type=reply.media_type,
            headers=dict(reply.headers),
        )


def build_adapter_router(
    services: Services, *, adapter_settings: AdapterSettingsSource | None = None
) -> APIRouter:
    """The routes of every platform adapter, served for ``services``' tenants."""
    host = _AdapterHost(services, adapter_settings)
    api = APIRouter(prefix="/adapters", tags=["platform adapters"])

    @api.post("/stream/{tenant}/webhook", summary="Stream Chat event webhook (message.new)")
    async def stream_webhook(tenant: str, request: Request) -> Response:
        return await host.handle(request, tenant=tenant, platform="stream", hook="webhook")

    @api.post(
        "/stream/{tenant}/before-message-send",
        summary="Stream Chat Before Message Send hook: pass or discard",
    )
    async def stream_before_send(tenant: str, request: Request) -> Response:
        return await host.handle(request, tenant=tenant, platform="stream", hook="before_send")

    @api.post("/sendbird/{tenant}/webhook", summary="Sendbird webhook (message_send)")
    async def sendbird_webhook(tenant: str, request: Request) -> Response:
        return await host.handle(request, tenant=tenant, platform="sendbird", hook="webhook")

    @api.post(
        "/twilio/{tenant}/webhook",
        summary="Twilio Conversations pre-event (onMessageAdd) and post-event webhook",
    )
    async def twilio_webhook(tenant: str, request: Request) -> Response:
        return await host.handle(request, tenant=tenant, platform="twilio", hook="webhook")

    @api.put(
        "/matrix/{tenant}/_matrix/app/v1/transactions/{txn_id}",
        summary="Matrix application service: a transaction of events",
    )
    async def matrix_transaction(tenant: str, txn_id: str, request: Request) -> Response:
        return await host.handle(
            request,
            tenant=tenant,
            platform="matrix",
            hook="transactions",
            path_params={"txnId": txn_id},
        )

    @api.post("/matrix/{tenant}/_matrix/app/v1/ping", summary="Matrix application service ping")
    async def matrix_ping(tenant: str, request: Request) -> Response:
        return await host.handle(request, tenant=tenant, platform="matrix", hook="ping")

    @api.api_route(
        "/matrix/{tenant}/_matrix/{rest:path}",
        methods=["GET", "POST", "PUT", "DELETE"],
        include_in_schema=False,
    )
    async def matrix_unrecognized(tenant: str, rest: str, request: Request) -> Response:
        return await host.handle(request, tenant=tenant, platform="matrix", hook="unrecognized")

    @api.post(
        "/matrix/{tenant}/antispam/{callback}",
        summary="Matrix spam check (synapse-http-antispam): allow or refuse an event",
    )
    async def matrix_antispam(tenant: str, callback: str, request: Request) -> Response:
        return await host.handle(
            request,
            tenant=tenant,
            platform="matrix",
            hook="antispam",
            path_params={"callback": callback},
        )

    @api.post("/generic/{tenant}/events", summary="Canonical events signed (Standard Webhooks)")
    async def generic_events(tenant: str, request: Request) -> Response:
        return await host.handle(request, tenant=tenant, platform="generic", hook="events")

    return api
