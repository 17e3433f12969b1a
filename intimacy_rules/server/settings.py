"""The server's settings: one pydantic-settings class, sources in a fixed order.

Sources, highest priority first:

1. keyword arguments (what the ``serve`` command's flags set);
2. environment variables prefixed ``INTIMACY_RULES_`` (nested fields with
   ``__``, e.g. ``INTIMACY_RULES_DELIVERY__MAX_ATTEMPTS=5``);
3. an optional TOML or YAML config file (``Settings.load(config_file=...)``);
4. the defaults below, which serve one tenant ``default`` on SQLite under
   ``data_dir``.

Secrets (API keys, the admin key, webhook secrets, the pseudonymisation key, a
PostgreSQL DSN) are ``SecretStr`` so a repr or a log line never shows them.
Nothing here reads the environment or a file on import.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
    YamlConfigSettingsSource,
)

from intimacy_rules.adapters import AdapterSettings
from intimacy_rules.errors import ConfigurationError
from intimacy_rules.storage.retention import RetentionPolicy

__all__ = [
    "DEFAULT_TENANT",
    "DeliverySettings",
    "EndpointSettings",
    "Settings",
    "TenantSettings",
]

#: The tenant a first run serves when no config file names any.
DEFAULT_TENANT = "default"

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
#: The config file ``Settings.load`` was asked to read; a ContextVar because
#: pydantic-settings builds its sources in a classmethod without arguments.
_CONFIG_FILE: ContextVar[Path | None] = ContextVar("intimacy_rules_config_file", default=None)

CallbackPolicy = Literal["actionable", "all", "none"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EndpointSettings(_Model):
    """One callback URL of a tenant and the secret its deliveries are signed with."""

    url: str = Field(pattern=r"^https?://", description="where decisions are POSTed")
    secret: SecretStr = Field(
        description="Standard Webhooks secret, 'whsec_' + base64 (at least 24 bytes)"
    )


class TenantSettings(_Model):
    """A platform calling the server: its keys, ruleset and callbacks."""

    api_key_hashes: tuple[str, ...] = Field(
        default=(), description="'sha256:<hex>' of each API key (never the key itself)"
    )
    api_keys: tuple[SecretStr, ...] = Field(
        default=(), description="plain keys, for environments that inject secrets; prefer hashes"
    )
    ruleset: str = Field(default="dating", description="the name of a ruleset in `rulesets`")
    endpoints: dict[str, EndpointSettings] = Field(default_factory=dict)
    adapters: AdapterSettings | None = Field(
        default=None,
        description="platform adapters for this tenant (Stream, Sendbird, Twilio, Matrix, "
        "generic): their secrets and options; see docs/adapters",
    )
    callbacks: CallbackPolicy = Field(
        default="actionable",
        description="which decisions produce callbacks: those with nudges, holds or "
        "escalations ('actionable'), every decision ('all'), or none",
    )

    @field_validator("api_key_hashes")
    @classmethod
    def _hash_format(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            if not re.fullmatch(r"sha256:[0-9a-f]{64}", item):
                raise ValueError("each entry must be 'sha256:' followed by 64 hex digits")
        return value


class DeliverySettings(_Model):
    """How the outbox is delivered: where the worker runs and how it retries."""

    in_process: bool = Field(
        default=True, description="run the delivery worker inside the server process"
    )
    poll_interval_s: float = Field(default=0.5, gt=0, le=60)
    batch_size: int = Field(default=50, ge=1, le=1000)
    timeout_s: float = Field(default=10.0, gt=0, le=120)
    max_attempts: int = Field(default=15, ge=1, le=50)
    base_delay_s: float = Field(default=5.0, gt=0)
    max_delay_s: float = Field(default=3 * 3600.0, gt=0)
    lease_s: float = Field(default=60.0, gt=0, description="how long a claimed row stays claimed")


class Settings(BaseSettings):
    """Everything the server and the worker need; see the module docstring for sources."""

    model_config = SettingsConfigDict(
        env_prefix="INTIMACY_RULES_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    data_dir: Path = Field(default=Path("intimacy-rules-data"))
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    database_url: SecretStr | None = Field(
        default=None, description="a postgresql:// DSN; SQLite under data_dir when unset"
    )
    api_key: SecretStr | None = Field(
        default=None, description="the key of tenant 'default' on a first run (else generated)"
    )
    admin_key: SecretStr | None = Field(default=None, description="else generated on first run")
    admin_key_hash: str | None = Field(default=None, pattern=r"^sha256:[0-9a-f]{64}$")
    pseudonym_key: SecretStr | None = Field(
        default=None, description="base64 or hex, >= 32 bytes; else generated under data_dir"
    )

    tenants: dict[str, TenantSettings] = Field(default_factory=dict)
    rulesets: dict[str, str] = Field(
        default_factory=dict,
        description="ruleset name -> YAML path; the built-in 'dating' and 'counseling' "
        "are always available unless overridden here",
    )
    engine_threads: int = Field(
        default=-1,
        ge=-1,
        le=64,
        description="threads that decide events: 0 decides on the event loop (best with "
        "SQLite, whose writes are serialised anyway); N overlaps N store round trips "
        "(PostgreSQL on another machine); -1 picks 0 for SQLite and for PostgreSQL on this "
        "machine (a Unix socket or a loopback address), 8 for PostgreSQL elsewhere",
    )
    write_batch: int = Field(
        default=64,
        ge=0,
        le=1000,
        description="SQLite, events decided on the event loop: up to this many events "
        "recorded per transaction (group commit, the write turn tried without blocking "
        "the loop); 0 records each event in its own transaction, waiting for the turn",
    )
    max_body_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    max_batch: int = Field(default=100, ge=1, le=1000)
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    retention: RetentionPolicy = Field(default_factory=RetentionPolicy)
    purge_interval_s: float = Field(
        default=3600.0, gt=0, description="how often the server deletes expired rows"
    )

    @field_validator("tenants")
    @classmethod
    def _tenant_names(cls, value: dict[str, TenantSettings]) -> dict[str, TenantSettings]:
        for name in value:
            if not _NAME.match(name):
                raise ValueError(f"tenant name {name!r} must match {_NAME.pattern}")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Flags, then environment, then the config file; no .env or secrets dir."""
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = _CONFIG_FILE.get()
        if path is not None:
            if path.suffix in {".yaml", ".yml"}:
                sources.append(YamlConfigSettingsSource(settings_cls, yaml_file=path))
            else:
                sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @classmethod
    def load(cls, config_file: Path | str | None = None, **overrides: Any) -> Settings:
        """Build settings from ``overrides``, the environment and ``config_file``.

        Raises ``ConfigurationError`` naming the first wrong field and its source.
        """
        path = Path(config_file) if config_file is not None else None
        if path is not None:
            if not path.is_file():
                raise ConfigurationError(f"no such config file: {path}", field="config_file")
            if path.suffix not in {".toml", ".yaml", ".yml"}:
                raise ConfigurationError(
                    f"config file must end in .toml, .yaml or .yml: {path}", field="config_file"
                )
        token = _CONFIG_FILE.set(path)
        try:
            return cls(**{k: v for k, v in overrides.items() if v is not None})
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "settings"
            where = f" (from {path}, the environment or flags)" if path else ""
            raise ConfigurationError(f"{first['msg']}{where}", field=field) from exc
        finally:
            _CONFIG_FILE.reset(token)
