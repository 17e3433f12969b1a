"""Standard Webhooks signatures: what a host's verifier accepts, and bad secrets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook

from intimacy_rules.delivery.signing import WebhookSigner, generate_secret
from intimacy_rules.errors import ConfigurationError


def test_headers_verify_with_the_reference_library() -> None:
    secret = generate_secret()
    now = datetime.now(UTC)
    body = '{"type":"decision.created","data":{}}'
    headers = WebhookSigner(secret).headers("msg_1", now, body)
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))
    assert headers["webhook-signature"].startswith("v1,")
    assert Webhook(secret).verify(body, headers) == {"type": "decision.created", "data": {}}


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="at least 24 bytes"):
        WebhookSigner("whsec_c2hvcnQ=")


def test_the_signer_hides_its_secret() -> None:
    secret = generate_secret()
    assert secret not in repr(WebhookSigner(secret))
