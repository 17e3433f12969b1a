"""``create_app(settings)``: the ASGI app, built from settings and injected collaborators.

Everything the app uses comes in through this function, with defaults for a
real run: a test hands in ``store=InMemoryStore()``, a fake ``engine_factory``,
a fixed ``clock`` and ``transport=httpx.MockTransport(...)`` for the delivery
worker's HTTP client. Building the app reads the data dir's keys (creating them
on a first run) and opens the store; starting it (the ASGI lifespan) starts the
in-process delivery worker, and shutting down stops the worker between rows
and closes the store. Uvicorn drains in-flight requests on SIGTERM before the
lifespan shutdown runs, so no acknowledged request is cut off.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from functools import partial
from typing import Any

from intimacy_rules.errors import ConfigurationError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.server.bootstrap import Secrets, prepare
from intimacy_rules.server.settings import Settings
from intimacy_rules.server.tenants import Tenant, TenantRegistry

try:
    import httpx
    from fastapi import FastAPI
    from starlette.types import ASGIApp, Receive, Scope, Send
except ImportError as exc:  # pragma: no cover - exercised without the extra installed
    raise ConfigurationError(
        "the server needs its extra: pip install 'intimacy-rules[server]'", field="server"
    ) from exc

from intimacy_rules.engine.store import Store
from intimacy_rules.server.adapter_routes import build_adapter_router
from intimacy_rules.server.callbacks import callbacks_for
from intimacy_rules.server.error_handlers import install_error_handlers
from intimacy_rules.server.fast_path import FastPath
from intimacy_rules.server.metrics import Metrics
from intimacy_rules.server.middleware import EdgeMiddleware
from intimacy_rules.server.openapi_doc import document_api
from intimacy_rules.server.replay import ReplayRecorder
from intimacy_rules.server.routes import ROUTERS
from intimacy_rules.server.rulesets import Loader, RulesetCatalog, load_yaml_ruleset
from intimacy_rules.server.runtime import delivery_thread
from intimacy_rules.server.services import (
    Clock,
    DeliveryFactory,
    EngineFactory,
    EngineLike,
    Services,
)
from intimacy_rules.server.stores import default_engine_threads, open_store
from intimacy_rules.storage.write_batcher import WriteBatcher, as_batching_store

__all__ = ["ServerApp", "create_app", "create_app_from_environment", "default_engine_factory"]

_DESCRIPTION = """\
Judges chat messages against the criteria of emotional intimacy and answers
with explained decisions. Send each message as a canonical event to
`POST /v1/events` with `Authorization: Bearer <key>`; decisions that need the
host's action are also POSTed to the tenant's callback URLs, signed the
Standard Webhooks way (see *Webhooks*). Message text is analysed in memory and
never stored or logged.
"""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ServerApp(FastAPI):
    """The FastAPI app, with the two hot routes answered before its middleware stack.

    FastAPI wraps every request in several layers (error and exception
    middleware, a body limit, an OpenTelemetry check that reads the global
    providers), about 50 us per request, a twentieth of an event's whole cost.
    ``POST /v1/events`` and ``/v1/evaluate`` go straight to ``hot`` (the edge
    around the fast path: same body limit, metrics and access log); every other
    request, and every request when ``hot`` is None, takes FastAPI's way.
    """

    hot: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Route one ASGI call."""
        if self.hot is not None and FastPath.handles(scope):
            await self.hot(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def default_engine_factory(
    compiled: Any,
    *,
    tenant: Tenant,
    store: Store,
    pseudonymizer: Pseudonymizer,
    clock: Clock,
    deliveries: DeliveryFactory | None,
) -> EngineLike:
    """The real ``Engine`` over the server's store."""
    from intimacy_rules.engine.engine import Engine  # noqa: PLC0415 - loads the rules core

    return Engine(
        compiled, store=store, pseudonymizer=pseudonymizer, clock=clock, deliveries=deliveries
    )


def create_app(
    settings: Settings | None = None,
    *,
    engine_factory: EngineFactory = default_engine_factory,
    store: Store | None = None,
    clock: Clock = _utc_now,
    transport: httpx.BaseTransport | None = None,
    load_ruleset: Loader = load_yaml_ruleset,
    run_worker: bool | None = None,
    fast_path: bool = True,
) -> ServerApp:
    """Build the app. ``run_worker`` overrides ``settings.delivery.in_process``;
    ``fast_path=False`` serves the hot routes through FastAPI's router too.
    """
    settings = settings if settings is not None else Settings.load()
    secrets: Secrets = prepare(settings)
    pseudonymizer = Pseudonymizer(secrets.pseudonym_key)
    tenants = TenantRegistry(secrets.tenants, secrets.admin_key_hashes)
    own_store = store is None
    real_store = open_store(settings, pseudonymizer) if store is None else store
    try:
        recorder, catalog, engines = _engines(
            settings,
            tenants,
            real_store,
            pseudonymizer=pseudonymizer,
            clock=clock,
            engine_factory=engine_factory,
            load_ruleset=load_ruleset,
        )
    except BaseException:
        if own_store:
            real_store.close()  # a ruleset that does not load must not leak connections
        raise

    metrics = Metrics()
    threads = settings.engine_threads
    if threads < 0:
        threads = 0 if store is not None else default_engine_threads(settings)
    executor = ThreadPoolExecutor(threads, "intimacy-rules-engine") if threads else None
    # Events decided on the loop over a store that can batch (SQLite): group
    # commit, the write turn tried without ever blocking the loop.
    batching = as_batching_store(real_store)
    batcher = (
        WriteBatcher(batching, max_batch=settings.write_batch)
        if batching is not None and executor is None and settings.write_batch
        else None
    )
    if batcher is not None:
        metrics.watch_batcher(batcher)
    services = Services(
        settings=settings,
        tenants=tenants,
        engines=engines,
        store=real_store,
        clock=clock,
        pseudonymizer=pseudonymizer,
        rulesets=catalog,
        metrics=metrics,
        replays=recorder,
        executor=executor,
        batcher=batcher,
    )
    in_process = settings.delivery.in_process if run_worker is None else run_worker
    worker = (
        delivery_thread(
            settings, tenants, real_store, clock=clock, metrics=metrics, transport=transport
        )
        if in_process
        else None
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if worker is not None:
            worker.start()
        try:
            yield
        finally:
            if batcher is not None:
                batcher.close()  # uvicorn has drained requests: normally nothing is left
            if worker is not None:
                worker.stop()
            if executor is not None:
                executor.shutdown(wait=True)  # uvicorn has drained requests by now
            if own_store:
                real_store.close()

    app = ServerApp(
        title="intimacy-rules",
        version=_version(),
        description=_DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.services = services
    install_error_handlers(app)
    for build in ROUTERS:
        app.include_router(build())
    app.include_router(build_adapter_router(services))  # the platforms' webhooks
    document_api(app)
    app.add_middleware(EdgeMiddleware, metrics=metrics, max_body_bytes=settings.max_body_bytes)
    if fast_path:
        # The FastAPI app behind it is never reached for the hot routes; it
        # serves whatever else FastPath passes on.
        fastapi_call = partial(FastAPI.__call__, app)
        app.hot = EdgeMiddleware(
            FastPath(fastapi_call, services=services),
            metrics=metrics,
            max_body_bytes=settings.max_body_bytes,
        )
    return app


def _engines(
    settings: Settings,
    tenants: TenantRegistry,
    store: Store,
    *,
    pseudonymizer: Pseudonymizer,
    clock: Clock,
    engine_factory: EngineFactory,
    load_ruleset: Loader,
) -> tuple[ReplayRecorder, RulesetCatalog, dict[str, EngineLike]]:
    """One engine per tenant, each running its ruleset over the (replay-noting) store."""
    recorder = ReplayRecorder(store)
    catalog = RulesetCatalog(settings.rulesets, data_dir=settings.data_dir, load=load_ruleset)
    engines: dict[str, EngineLike] = {}
    for name in tenants.names:
        tenant = tenants.get(name)
        try:
            entry = catalog.get(tenant.settings.ruleset)
        except KeyError:
            raise ConfigurationError(
                f"unknown ruleset {tenant.settings.ruleset!r} (known: {', '.join(catalog.names)})",
                field=f"tenants.{name}.ruleset",
            ) from None
        engine = engine_factory(
            entry.compiled,
            tenant=tenant,
            store=recorder,
            pseudonymizer=pseudonymizer,
            clock=clock,
            deliveries=callbacks_for(tenant.settings),
        )
        engines[name] = engine
        catalog.on_swap(tenant.settings.ruleset, engine.swap_ruleset)

    return recorder, catalog, engines


def _version() -> str:
    from intimacy_rules import __version__  # noqa: PLC0415 - avoid a cycle at import

    return __version__


def create_app_from_environment() -> ServerApp:
    """The app from ``INTIMACY_RULES_*`` variables: uvicorn's factory for ``--workers``."""
    import os  # noqa: PLC0415

    return create_app(Settings.load(config_file=os.environ.get("INTIMACY_RULES_CONFIG_FILE")))
