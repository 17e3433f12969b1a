"""Settings from flags, environment and a TOML/YAML file; tenants' keys; first-run secrets."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from intimacy_rules.errors import ConfigurationError
from intimacy_rules.server.app import create_app
from intimacy_rules.server.bootstrap import prepare
from intimacy_rules.server.settings import Settings
from intimacy_rules.server.stores import default_engine_threads
from intimacy_rules.server.tenants import TenantRegistry, generate_key, hash_key
from tests.server.fakes import fake_engine_factory, fake_loader

KEY = "ir_file-tenant-key-0123456789"

TOML = f"""
data_dir = "{{data}}"
max_batch = 10

[tenants.acme]
api_key_hashes = ["{hash_key(KEY)}"]
ruleset = "counseling"
callbacks = "all"

[tenants.acme.endpoints.main]
url = "https://acme.example/hooks"
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

[delivery]
max_attempts = 4
"""


def test_a_toml_file_configures_tenants_and_delivery(tmp_path: Path) -> None:
    path = tmp_path / "server.toml"
    path.write_text(TOML.format(data=tmp_path / "d"))
    settings = Settings.load(path)
    assert settings.max_batch == 10
    assert settings.tenants["acme"].ruleset == "counseling"
    assert settings.tenants["acme"].endpoints["main"].url == "https://acme.example/hooks"
    assert settings.delivery.max_attempts == 4
    assert "MfKQ9" not in repr(settings)  # secrets stay hidden


def test_a_yaml_file_works_too(tmp_path: Path) -> None:
    path = tmp_path / "server.yaml"
    path.write_text("max_batch: 7\nlog_level: warning\n")
    assert Settings.load(path).max_batch == 7


def test_the_environment_overrides_the_file_and_flags_override_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "server.toml"
    path.write_text(TOML.format(data=tmp_path / "d"))
    monkeypatch.setenv("INTIMACY_RULES_MAX_BATCH", "20")
    monkeypatch.setenv("INTIMACY_RULES_DELIVERY__MAX_ATTEMPTS", "9")
    settings = Settings.load(path)
    assert settings.max_batch == 20
    assert settings.delivery.max_attempts == 9
    assert Settings.load(path, max_batch=30).max_batch == 30


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("max_batch = 0\n", "max_batch"),
        ("colour = 'red'\n", "colour"),
        ("[tenants.Bad]\napi_keys = ['x']\n", "tenants"),
        ("[tenants.a]\napi_key_hashes = ['md5:1']\n", "tenants.a.api_key_hashes"),
    ],
)
def test_a_wrong_setting_names_its_field(tmp_path: Path, content: str, field: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigurationError) as caught:
        Settings.load(path)
    assert caught.value.field == field


def test_a_missing_or_oddly_named_config_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no such config file"):
        Settings.load(tmp_path / "nope.toml")
    odd = tmp_path / "server.ini"
    odd.write_text("")
    with pytest.raises(ConfigurationError, match=r"\.toml, \.yaml"):
        Settings.load(odd)


def test_keys_are_matched_by_hash_and_the_admin_key_is_separate() -> None:
    admin = generate_key()
    registry = TenantRegistry(
        Settings.load(tenants={"acme": {"api_key_hashes": [hash_key(KEY)]}}).tenants,
        [hash_key(admin)],
    )
    tenant = registry.authenticate(KEY)
    assert tenant is not None
    assert tenant.name == "acme"
    assert registry.authenticate(KEY + "x") is None
    assert registry.authenticate(admin) is None
    assert registry.is_admin(admin)
    assert not registry.is_admin(KEY)


def test_a_tenant_without_keys_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="at least one API key"):
        TenantRegistry(Settings.load(tenants={"acme": {}}).tenants, [])


def test_a_first_run_generates_keys_once_in_private_files(tmp_path: Path) -> None:
    settings = Settings.load(data_dir=tmp_path / "data")
    first = prepare(settings)
    assert set(first.generated) == {"api_key", "admin_key"}
    for name in ("api-key", "admin-key", "pseudonym.key"):
        mode = stat.S_IMODE((tmp_path / "data" / name).stat().st_mode)
        assert mode == 0o600, name
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    second = prepare(settings)
    assert second.generated == {}  # printed once: later runs read the files
    assert second.tenants == first.tenants
    assert second.pseudonym_key == first.pseudonym_key
    registry = TenantRegistry(second.tenants, second.admin_key_hashes)
    assert registry.authenticate(first.generated["api_key"]) is not None


def test_the_default_tenant_key_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTIMACY_RULES_API_KEY", KEY)
    secrets = prepare(Settings.load(data_dir=tmp_path))
    assert "api_key" not in secrets.generated
    assert not (tmp_path / "api-key").exists()
    assert TenantRegistry(secrets.tenants, []).authenticate(KEY) is not None


def test_a_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    settings = Settings.load(data_dir=tmp_path)
    prepare(settings)
    (tmp_path / "api-key").chmod(0o644)
    with pytest.raises(ConfigurationError, match="chmod 600"):
        prepare(settings)


def test_a_short_pseudonym_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="at least 32 bytes"):
        prepare(Settings.load(data_dir=tmp_path, pseudonym_key="c2hvcnQ="))


def test_a_tenant_naming_an_unknown_ruleset_fails_at_startup(tmp_path: Path) -> None:
    settings = Settings.load(
        data_dir=tmp_path, tenants={"acme": {"api_keys": [KEY], "ruleset": "nope"}}
    )
    with pytest.raises(ConfigurationError, match="unknown ruleset 'nope'") as caught:
        create_app(settings, engine_factory=fake_engine_factory, load_ruleset=fake_loader)
    assert caught.value.field == "tenants.acme.ruleset"


@pytest.mark.parametrize(
    ("database_url", "threads"),
    [
        (None, 0),  # SQLite
        ("postgresql://u:p@127.0.0.1:5432/db", 0),
        ("postgresql://u:p@localhost/db", 0),
        ("postgresql://u:p@[::1]:5433/db", 0),
        ("postgresql:///db", 0),  # libpq's default Unix socket
        ("postgresql:///db?host=/var/run/postgresql", 0),
        ("postgres://u@127.0.0.1:5432,localhost:5433/db", 0),
        ("postgresql://u:p@db.internal:5432/db", 8),
        ("postgresql://u:p@10.0.0.7/db", 8),
        ("postgresql://u@127.0.0.1,db.internal/db", 8),  # one host elsewhere is enough
        ("postgresql:///db?host=db.internal", 8),
    ],
)
def test_engine_threads_default_to_the_loop_unless_the_database_is_elsewhere(
    tmp_path: Path, database_url: str | None, threads: int
) -> None:
    settings = Settings(data_dir=tmp_path, database_url=database_url)
    assert default_engine_threads(settings) == threads
