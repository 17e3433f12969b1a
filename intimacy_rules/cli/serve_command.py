"""``intimacy-rules serve``: run the webhook server on uvicorn.

With no config file it serves one tenant, ``default``, on SQLite under
``--data-dir``; on a first run it generates the API key and the admin key,
writes them there (mode 0600), prints them once, and prints a ``curl`` that
sends a sample event. ``--workers N`` runs N processes over the same store
(SQLite in WAL mode, or PostgreSQL); each builds its app from the environment
this command sets (``INTIMACY_RULES_*``), so they share one configuration.
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.config
import os
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intimacy_rules.errors import ConfigurationError

__all__ = ["configure", "curl_example", "run"]

_INSTALL = "the server needs its extra: pip install 'intimacy-rules[server]'"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the serve options."""
    parser.add_argument("--host", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to bind (default 8000)")
    parser.add_argument("--data-dir", type=Path, help="keys and the SQLite database live here")
    parser.add_argument("--config", type=Path, help="a TOML or YAML settings file")
    parser.add_argument("--workers", type=int, help="server processes (default 1)")
    parser.add_argument(
        "--log-level", choices=("debug", "info", "warning", "error"), help="default info"
    )
    parser.add_argument(
        "--no-delivery",
        action="store_true",
        help="do not deliver callbacks in the server (run `intimacy-rules worker` instead)",
    )


def curl_example(base_url: str, key_expression: str) -> str:
    """A ``curl`` that posts a sample event; ``key_expression`` is the key or a shell $(...)."""
    sample = {
        "id": f"evt-{datetime.now(UTC).strftime('%Y%m%d%H%M%S')}",
        "conversation_id": "conv-1",
        "sender": "alice",
        "recipients": ["bob"],
        "text": "I feel closer to you when we talk like this",
        "sent_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "context": {"platform": "dating", "match_age_hours": 30},
    }
    return (
        f"curl -sS {base_url}/v1/events \\\n"
        f'  -H "Authorization: Bearer {key_expression}" \\\n'
        f'  -H "Content-Type: application/json" \\\n'
        f"  -d {shlex.quote(json.dumps(sample, separators=(',', ':')))}"
    )


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "host": args.host,
        "port": args.port,
        "data_dir": args.data_dir,
        "workers": args.workers,
        "log_level": args.log_level,
    }


def _export(args: argparse.Namespace) -> None:
    # Worker processes build their own app from the environment: hand them
    # exactly what the flags said, so every process serves the same thing.
    for name, value in _overrides(args).items():
        if value is not None:
            os.environ[f"INTIMACY_RULES_{name.upper()}"] = str(value)
    if args.config is not None:
        os.environ["INTIMACY_RULES_CONFIG_FILE"] = str(args.config.resolve())
    if args.no_delivery:
        os.environ["INTIMACY_RULES_DELIVERY__IN_PROCESS"] = "false"


def _log_config(level: str) -> dict[str, Any]:
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            "intimacy_rules": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            # httpx logs every callback URL at INFO; a URL may carry a token.
            "httpx": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        },
    }


def _announce(settings: Any, secrets: Any) -> None:
    host = "127.0.0.1" if settings.host in {"0.0.0.0", "::", ""} else settings.host  # noqa: S104
    base = f"http://{host}:{settings.port}"
    out = sys.stdout
    if "api_key" in secrets.generated:
        print(
            f"API key of tenant 'default' (shown once, kept in {secrets.api_key_file}):", file=out
        )
        print(f"  {secrets.generated['api_key']}", file=out)
    if "admin_key" in secrets.generated:
        print(f"Admin key (shown once, kept in {secrets.admin_key_file}):", file=out)
        print(f"  {secrets.generated['admin_key']}", file=out)
    if settings.tenants:
        print(f"Serving {len(settings.tenants)} tenant(s) on {base}", file=out)
        return
    if "api_key" in secrets.generated:
        key = secrets.generated["api_key"]
    elif secrets.api_key_file is not None:
        key = f"$(cat {shlex.quote(str(secrets.api_key_file))})"
    else:
        key = "$INTIMACY_RULES_API_KEY"
    print(f"Serving tenant 'default' on {base} (docs: {base}/docs). Try:\n", file=out)
    print(curl_example(base, key) + "\n", file=out, flush=True)


def _http_protocol() -> Any:
    """Uvicorn's httptools protocol writing each response in one piece, or "auto"."""
    try:
        from intimacy_rules.server.http_protocol import (  # noqa: PLC0415
            CoalescingHttpToolsProtocol,
        )
    except ImportError:  # no httptools: uvicorn picks h11
        return "auto"
    return CoalescingHttpToolsProtocol


def run(args: argparse.Namespace) -> int:
    """Prepare the data dir, print how to call the server, and serve until stopped."""
    try:
        import uvicorn  # noqa: PLC0415 - part of the server extra

        from intimacy_rules.server.app import create_app  # noqa: PLC0415
    except ImportError as exc:
        raise ConfigurationError(_INSTALL, field="server") from exc
    from intimacy_rules.server.bootstrap import prepare  # noqa: PLC0415
    from intimacy_rules.server.settings import Settings  # noqa: PLC0415

    settings = Settings.load(args.config, **_overrides(args))
    if args.no_delivery:
        settings = settings.model_copy(
            update={"delivery": settings.delivery.model_copy(update={"in_process": False})}
        )
    secrets = prepare(settings)  # before any worker starts: one process makes the keys
    _announce(settings, secrets)
    common: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "http": _http_protocol(),
        # The app reads neither the client's address nor the scheme: rewriting
        # them from X-Forwarded-* on every request would be work for nothing.
        "proxy_headers": False,
        "access_log": False,  # ours logs route templates, never ids in paths
        "log_config": _log_config(settings.log_level),
        "timeout_graceful_shutdown": 30,
        "server_header": False,
    }
    if settings.workers > 1:
        _export(args)
        uvicorn.run(
            "intimacy_rules.server.app:create_app_from_environment",
            factory=True,
            workers=settings.workers,
            **common,
        )
    else:
        logging.config.dictConfig(common["log_config"])
        uvicorn.run(create_app(settings), **common)
    return 0
