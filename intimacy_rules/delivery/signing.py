"""Signing outbound callbacks the Standard Webhooks way, with the ``standardwebhooks`` library.

Each callback carries three headers: ``webhook-id`` (stable across retries of
the same row, so the host can de-duplicate), ``webhook-timestamp`` (Unix
seconds of this attempt) and ``webhook-signature`` (``v1,<base64 HMAC-SHA256 of
"id.timestamp.body">``). A host verifies them with the same library's
``Webhook(secret).verify(body, headers)``.
"""

from __future__ import annotations

import base64
import secrets
from datetime import UTC, datetime
from typing import Final

from intimacy_rules.errors import ConfigurationError

__all__ = ["SECRET_PREFIX", "WebhookSigner", "generate_secret"]

SECRET_PREFIX: Final = "whsec_"  # noqa: S105 - a prefix, not a secret
_MIN_SECRET_BYTES: Final = 24


def generate_secret() -> str:
    """A new endpoint secret in the Standard Webhooks form (``whsec_`` + base64)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


class WebhookSigner:
    """Signs callback bodies with one endpoint's secret."""

    __slots__ = ("_webhook",)

    def __init__(self, secret: str) -> None:
        from standardwebhooks import Webhook  # noqa: PLC0415 - part of the server extra

        raw = secret.removeprefix(SECRET_PREFIX)
        try:
            decoded = base64.b64decode(raw + "==", validate=False)
        except ValueError as exc:
            raise ConfigurationError(
                "a webhook secret must be 'whsec_' followed by base64", field="secret"
            ) from exc
        if len(decoded) < _MIN_SECRET_BYTES:
            raise ConfigurationError(
                f"a webhook secret must hold at least {_MIN_SECRET_BYTES} bytes", field="secret"
            )
        self._webhook = Webhook(secret if secret.startswith(SECRET_PREFIX) else decoded)

    def headers(self, message_id: str, timestamp: datetime, body: str) -> dict[str, str]:
        """The three Standard Webhooks headers for ``body`` sent at ``timestamp``."""
        at = timestamp.astimezone(UTC)
        signature: str = self._webhook.sign(message_id, at, body)
        return {
            "webhook-id": message_id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": signature,
        }

    def __repr__(self) -> str:
        return "WebhookSigner(secret=<hidden>)"
