"""``intimacy-rules worker``: deliver the outbox in its own process, until SIGTERM.

For deployments that run the server with ``--no-delivery`` (or
``delivery.in_process = false``), and for more delivery capacity: several
workers on one PostgreSQL never hold the same row at once (each claim is a
lease taken with ``FOR UPDATE SKIP LOCKED``). It reads the same settings and
data dir as ``serve``: the pseudonymisation key is needed to open payloads.
"""

from __future__ import annotations

import argparse
import logging
import logging.config
import signal
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from intimacy_rules.errors import ConfigurationError

__all__ = ["configure", "run"]

log = logging.getLogger("intimacy_rules.delivery")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the worker options."""
    parser.add_argument("--data-dir", type=Path, help="the data dir the server uses")
    parser.add_argument("--config", type=Path, help="a TOML or YAML settings file")
    parser.add_argument(
        "--log-level", choices=("debug", "info", "warning", "error"), help="default info"
    )


def run(args: argparse.Namespace) -> int:
    """Deliver until SIGTERM or SIGINT; the row in hand is finished first."""
    try:
        import httpx  # noqa: F401, PLC0415 - needed to post callbacks
        import standardwebhooks  # noqa: F401, PLC0415 - part of the server extra
    except ImportError as exc:
        raise ConfigurationError(
            "the worker needs the server extra: pip install 'intimacy-rules[server]'",
            field="worker",
        ) from exc
    from intimacy_rules.privacy import Pseudonymizer  # noqa: PLC0415
    from intimacy_rules.server.bootstrap import prepare  # noqa: PLC0415
    from intimacy_rules.server.runtime import delivery_thread  # noqa: PLC0415
    from intimacy_rules.server.settings import Settings  # noqa: PLC0415
    from intimacy_rules.server.stores import open_store  # noqa: PLC0415
    from intimacy_rules.server.tenants import TenantRegistry  # noqa: PLC0415

    settings = Settings.load(args.config, data_dir=args.data_dir, log_level=args.log_level)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # it logs every callback URL
    secrets = prepare(settings)
    store = open_store(settings, Pseudonymizer(secrets.pseudonym_key))
    tenants = TenantRegistry(secrets.tenants, secrets.admin_key_hashes)
    thread = delivery_thread(settings, tenants, store, clock=lambda: datetime.now(UTC))
    if thread is None:  # pragma: no cover - durable stores always have an outbox
        raise ConfigurationError("this store keeps no outbox", field="database_url")
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    thread.start()
    log.info("delivery worker started")
    try:
        while not stop.wait(1.0):
            if not thread.running:
                log.error("delivery thread ended unexpectedly")
                return 1
    finally:
        stopped = thread.stop(timeout=30)
        store.close()
        log.info("delivery worker stopped%s", "" if stopped else " (timed out)")
    return 0
