"""Prometheus metrics of one app, on its own ``CollectorRegistry``.

Each ``create_app`` gets a fresh registry, so two apps in one process (tests,
or an app and a worker) never collide on metric names, and nothing registers
on import. Labels are bounded sets (route templates, outcome types, status
classes): never an id, a tenant's key or anything from a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

from intimacy_rules.engine.decision import Decision

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    """Requests, latency, decisions by outcome type, deliveries and dead letters."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.requests = Counter(
            "intimacy_rules_http_requests",
            "HTTP requests by route template, method and status code",
            ("route", "method", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "intimacy_rules_http_request_duration_seconds",
            "time from request to response, by route template",
            ("route",),
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.decisions = Counter(
            "intimacy_rules_decisions",
            "decisions by kind (stored, replayed, dry_run)",
            ("kind",),
            registry=self.registry,
        )
        self.outcomes = Counter(
            "intimacy_rules_decision_outcomes",
            "outcomes in decisions, by type (signal, nudge, hold, escalate, score)",
            ("type",),
            registry=self.registry,
        )
        self.deliveries = Counter(
            "intimacy_rules_deliveries",
            "delivery attempts by result (delivered, retry, gone, dead)",
            ("result",),
            registry=self.registry,
        )
        self.dead_letters = Counter(
            "intimacy_rules_dead_letters",
            "deliveries given up after the last attempt",
            registry=self.registry,
        )
        # ``labels()`` hashes and locks on every call; the label sets are few
        # and fixed, so each request reuses its children.
        self._request_children: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        self._label_children: dict[tuple[Counter, str], Any] = {}

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        """Count one finished request."""
        key = (route, method, status)
        children = self._request_children.get(key)
        if children is None:
            children = (
                self.requests.labels(route, method, str(status)),
                self.latency.labels(route),
            )
            if len(self._request_children) < 1024:  # odd methods must not grow it forever
                self._request_children[key] = children
        children[0].inc()
        children[1].observe(seconds)

    def count_decision(self, decision: Decision, *, replayed: bool, dry_run: bool = False) -> None:
        """Count a decision and each outcome it carries (replays count once, as replays)."""
        kind = "dry_run" if dry_run else "replayed" if replayed else "stored"
        self._child(self.decisions, kind).inc()
        if replayed:
            return
        for rule in decision.fired:
            for outcome in rule.outcomes:
                self._child(self.outcomes, outcome.type).inc()

    def _child(self, counter: Counter, label: str) -> Any:
        # Kinds and outcome types are a handful of fixed words: cache each child.
        key = (counter, label)
        child = self._label_children.get(key)
        if child is None:
            child = counter.labels(label)
            self._label_children[key] = child
        return child

    def count_delivery(self, result: str) -> None:
        """Count one delivery attempt's result; ``dead`` also counts a dead letter."""
        self.deliveries.labels(result).inc()
        if result == "dead":
            self.dead_letters.inc()

    def watch_batcher(self, batcher: Any) -> None:
        """Expose a ``WriteBatcher``'s counters (read when scraped, nothing per event)."""
        self.registry.register(_BatcherCollector(batcher))

    def render(self) -> bytes:
        """The exposition text of every metric."""
        return generate_latest(self.registry)


class _BatcherCollector(Collector):
    """Group commit on SQLite: transactions, the events in them, turns found taken."""

    def __init__(self, batcher: Any) -> None:
        self._batcher = batcher

    def collect(self) -> Iterator[CounterMetricFamily]:
        batcher = self._batcher
        yield CounterMetricFamily(
            "intimacy_rules_write_batches",
            "SQLite transactions the write batcher ran (events per batch: events / batches)",
            value=batcher.batches,
        )
        yield CounterMetricFamily(
            "intimacy_rules_write_batch_events",
            "events the write batcher recorded (or failed) in those transactions",
            value=batcher.events,
        )
        yield CounterMetricFamily(
            "intimacy_rules_write_turn_busy",
            "tries of the write batcher that found another writer holding the turn",
            value=batcher.misses,
        )
