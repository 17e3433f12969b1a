"""Which store a server opens: SQLite under the data dir, or PostgreSQL by DSN.

``database_url`` unset: ``<data_dir>/intimacy-rules.sqlite3`` (WAL), the
embedded default. ``database_url`` starting with ``postgresql://`` (or
``postgres://``): the PostgreSQL store, which many server processes can share.
Both come from the storage registry (``intimacy_rules.storage.registry``). The
pseudonymisation key comes from the data dir or settings, never the database.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import parse_qs, urlsplit

from intimacy_rules.errors import ConfigurationError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.server.settings import Settings
from intimacy_rules.storage.registry import DurableStore
from intimacy_rules.storage.registry import open_store as open_registered

__all__ = ["SQLITE_FILE", "default_engine_threads", "open_store", "store_kind"]

SQLITE_FILE = "intimacy-rules.sqlite3"
#: Threads deciding events over a PostgreSQL server on another machine, whose
#: round trips (~0.5-1 ms) the threads overlap.
REMOTE_ENGINE_THREADS = 8


def store_kind(settings: Settings) -> tuple[str, str]:
    """``(registry name, target)`` of the store ``settings`` name."""
    url = settings.database_url.get_secret_value() if settings.database_url else None
    if url is None:
        return "sqlite", str(settings.data_dir / SQLITE_FILE)
    if url.startswith(("postgresql://", "postgres://")):
        return "postgres", url
    raise ConfigurationError(
        "must be a postgresql:// DSN (or unset for SQLite)", field="database_url"
    )


def open_store(settings: Settings, pseudonymizer: Pseudonymizer) -> DurableStore:
    """Open (and migrate) the store ``settings`` name."""
    kind, target = store_kind(settings)
    try:
        return open_registered(
            kind, target, pseudonymizer=pseudonymizer, retention=settings.retention
        )
    except ImportError as exc:
        raise ConfigurationError(
            "PostgreSQL needs its extra: pip install 'intimacy-rules[postgres]'",
            field="database_url",
        ) from exc


def default_engine_threads(settings: Settings) -> int:
    """``engine_threads`` when left at -1: 0 (decide on the event loop) or 8.

    SQLite, and PostgreSQL on this machine (a Unix socket or a loopback
    address), answer in tens of microseconds: a hop to a thread and the GIL
    hand-offs cost more than waiting (measured on 2 cores, PostgreSQL on
    127.0.0.1 sharing them, concurrency 8: 805-856 events/s and /v1/evaluate
    p99 11.8-12.5 ms on the loop, against 637-714 events/s and p99 12.8-15.8
    ms with 2, 4 or 8 threads).
    A server on another machine takes ~0.5-1 ms a round trip, which threads
    overlap.
    """
    kind, target = store_kind(settings)
    if kind == "sqlite" or _is_local(target):
        return 0
    return REMOTE_ENGINE_THREADS


def _is_local(dsn: str) -> bool:
    """Whether every host a PostgreSQL DSN names is on this machine."""
    parts = urlsplit(dsn)
    # libpq takes hosts from the netloc ("h1:5432,h2") or from ?host=;
    # none at all means the default Unix socket.
    hosts = [host for value in parse_qs(parts.query).get("host", []) for host in value.split(",")]
    netloc = parts.netloc.rpartition("@")[2]
    for item in netloc.split(","):
        host = item[1:].partition("]")[0] if item.startswith("[") else item.partition(":")[0]
        if host:
            hosts.append(host)
    return all(_is_local_host(host) for host in hosts)


def _is_local_host(host: str) -> bool:
    if host.startswith("/") or host == "localhost":
        return True  # a Unix socket directory, or the loopback name
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: assume another machine
