"""Per-tenant adapter settings: which platforms a tenant connects, with which secrets.

A tenant's settings carry an ``adapters`` section of this shape (a TOML example)::

    [tenants.acme.adapters]
    platform = "dating"                    # EventContext.platform of every event
    public_url = "https://rules.acme.example"  # the origin platforms call (Twilio signs it)

    [tenants.acme.adapters.stream]
    api_key = "a1b23cdefgh4"
    api_secret = "..."

    [tenants.acme.adapters.sendbird]
    api_token = "..."                      # the master API token

    [tenants.acme.adapters.twilio]
    auth_token = "..."

    [tenants.acme.adapters.matrix]
    hs_token = "..."                       # from the appservice registration
    antispam_token = "..."                 # synapse-http-antispam's `authorization`

    [tenants.acme.adapters.generic]
    secret = "whsec_..."

A platform without a section is not served for that tenant (its routes 404).
Secrets are ``SecretStr``: no repr or log line shows them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from intimacy_rules.engine.events import Platform

__all__ = [
    "AdapterSettings",
    "GenericSettings",
    "MatrixSettings",
    "SendbirdSettings",
    "StreamSettings",
    "TwilioSettings",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StreamSettings(_Model):
    """Stream Chat: the app's API key and secret (Dashboard > App > Overview)."""

    api_key: str | None = Field(
        default=None, description="when set, X-Api-Key must equal it (several apps, one URL)"
    )
    api_secret: SecretStr = Field(description="signs X-Signature (HMAC-SHA256, hex)")
    max_age_s: float = Field(
        default=3600, gt=0, description="how old a message.new's created_at may be"
    )


class SendbirdSettings(_Model):
    """Sendbird: the application's master API token (Dashboard > Settings > General)."""

    api_token: SecretStr = Field(description="signs x-sendbird-signature (HMAC-SHA256, hex)")
    max_age_s: float = Field(default=3600, gt=0, description="how old payload.created_at may be")


class TwilioSettings(_Model):
    """Twilio Conversations: the account's Auth Token (Console > Account info)."""

    auth_token: SecretStr = Field(description="signs X-Twilio-Signature (HMAC-SHA1, base64)")
    max_age_s: float = Field(default=3600, gt=0, description="how old DateCreated may be")


class MatrixSettings(_Model):
    """Matrix: the appservice ``hs_token`` and the spam-check module's bearer token."""

    hs_token: SecretStr = Field(description="the registration file's hs_token")
    antispam_token: SecretStr | None = Field(
        default=None,
        description="synapse-http-antispam `authorization`; the spam-check route is off if unset",
    )


class GenericSettings(_Model):
    """A host signing the Standard Webhooks way."""

    secret: SecretStr = Field(description="'whsec_' + base64 of at least 24 random bytes")
    tolerance_s: float = Field(default=300, gt=0, description="webhook-timestamp tolerance")

    @field_validator("secret")
    @classmethod
    def _whsec(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().startswith("whsec_"):
            raise ValueError("the secret must start with 'whsec_' (Standard Webhooks format)")
        return value


class AdapterSettings(_Model):
    """The platforms one tenant connects, and what every adapter shares."""

    platform: Platform | None = Field(
        default=None, description="set as EventContext.platform on every event"
    )
    locale: str = Field(default="en", min_length=2, max_length=35)
    public_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^/?#]+$",
        description="scheme://host[:port] the platforms call, when a proxy sits in front",
    )
    stream: StreamSettings | None = None
    sendbird: SendbirdSettings | None = None
    twilio: TwilioSettings | None = None
    matrix: MatrixSettings | None = None
    generic: GenericSettings | None = None
