"""The app's routers, in an explicit registry: ``create_app`` includes each of ``ROUTERS``."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter

from intimacy_rules.server.routes import conversations, deliveries, events, health, rulesets

__all__ = ["ROUTERS"]

ROUTERS: tuple[Callable[[], APIRouter], ...] = (
    events.router,
    conversations.router,
    rulesets.router,
    deliveries.router,
    health.router,
)
