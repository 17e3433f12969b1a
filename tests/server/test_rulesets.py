"""Ruleset administration: admin key only; validate, put (atomic swap), get, list, reload."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings
from tests.server.client import AppClient
from tests.server.conftest import ADMIN_KEY, OTHER_KEY, auth, event
from tests.server.fakes import GOOD_YAML, fake_engine_factory, fake_loader

BAD_YAML = "ruleset:\n  name: dating\nrules: []\n"  # no version
YAML = {"content-type": "application/yaml"}


def admin() -> dict[str, str]:
    return {**auth(ADMIN_KEY), **YAML}


def test_ruleset_routes_need_the_admin_key(client: AppClient) -> None:
    assert client.get("/v1/rulesets").status_code == 401
    assert client.get("/v1/rulesets", headers=auth()).status_code == 403
    put = client.put("/v1/rulesets/dating", content=GOOD_YAML, headers={**auth(), **YAML})
    assert put.status_code == 403


def test_the_list_names_each_ruleset_and_who_runs_it(client: AppClient) -> None:
    reply = client.get("/v1/rulesets", headers=admin())
    assert reply.status_code == 200
    found = {r["name"]: r for r in reply.json()["rulesets"]}
    assert found["dating"]["tenants"] == ["acme"]
    assert found["counseling"]["tenants"] == ["globex"]
    assert found["dating"]["source"] == "builtin"


def test_get_returns_the_yaml_and_its_revision(client: AppClient) -> None:
    reply = client.get("/v1/rulesets/dating", headers=admin())
    assert reply.status_code == 200
    body = reply.json()
    assert body["yaml"].startswith("# The default ruleset for dating")
    assert reply.headers["etag"] == f'"{body["info"]["revision"]}"'
    assert client.get("/v1/rulesets/nope", headers=admin()).status_code == 404


def test_validate_reports_problems_and_changes_nothing(client: AppClient) -> None:
    before = client.post("/v1/events", json=event("e1"), headers=auth()).json()["revision"]
    reply = client.post("/v1/rulesets/validate", content=BAD_YAML, headers=admin())
    assert reply.status_code == 200
    body = reply.json()
    assert body["valid"] is False
    assert body["problems"][0]["field"] == "ruleset.version"
    good = client.post("/v1/rulesets/validate", content=GOOD_YAML, headers=admin()).json()
    assert good["valid"] is True
    assert good["revision"].startswith("2+")
    after = client.post("/v1/events", json=event("e2"), headers=auth()).json()["revision"]
    assert after == before


def test_put_swaps_the_ruleset_and_later_decisions_carry_its_revision(
    client: AppClient, settings: Settings
) -> None:
    reply = client.put("/v1/rulesets/dating", content=GOOD_YAML, headers=admin())
    assert reply.status_code == 200
    revision = reply.json()["revision"]
    decision = client.post("/v1/events", json=event("e9"), headers=auth()).json()
    assert decision["revision"] == revision
    other = client.post("/v1/events", json=event("e9"), headers=auth(OTHER_KEY)).json()
    assert other["revision"] != revision  # globex runs counseling
    saved = settings.data_dir / "rulesets" / "dating.yaml"
    assert saved.read_text() == GOOD_YAML


def test_a_bad_put_is_422_with_problems_and_the_working_ruleset_stays(client: AppClient) -> None:
    before = client.post("/v1/events", json=event("e1"), headers=auth()).json()["revision"]
    reply = client.put("/v1/rulesets/dating", content=BAD_YAML, headers=admin())
    assert reply.status_code == 422
    assert reply.json()["errors"][0]["field"] == "ruleset.version"
    after = client.post("/v1/events", json=event("e2"), headers=auth()).json()["revision"]
    assert after == before


def test_a_bad_ruleset_name_is_422(client: AppClient) -> None:
    reply = client.put("/v1/rulesets/Bad.Name", content=GOOD_YAML, headers=admin())
    assert reply.status_code == 422


def test_non_utf8_yaml_is_422(client: AppClient) -> None:
    reply = client.put("/v1/rulesets/dating", content=b"\xff\xfe", headers=admin())
    assert reply.status_code == 422


def test_reload_reads_changed_files_and_refuses_a_broken_one(
    client: AppClient, settings: Settings
) -> None:
    client.put("/v1/rulesets/dating", content=GOOD_YAML, headers=admin())
    path: Path = settings.data_dir / "rulesets" / "dating.yaml"
    path.write_text(GOOD_YAML.replace("version: 2", "version: 3"))
    reply = client.post("/v1/rulesets/reload", headers=admin())
    assert reply.status_code == 200
    decision = client.post("/v1/events", json=event("e5"), headers=auth()).json()
    assert decision["revision"].startswith("3+")
    path.write_text(BAD_YAML)
    assert client.post("/v1/rulesets/reload", headers=admin()).status_code == 422
    decision = client.post("/v1/events", json=event("e6"), headers=auth()).json()
    assert decision["revision"].startswith("3+")


@pytest.mark.parametrize("name", ["dating", "counseling"])
def test_builtin_rulesets_are_listed_even_before_use(client: AppClient, name: str) -> None:
    names = [r["name"] for r in client.get("/v1/rulesets", headers=admin()).json()["rulesets"]]
    assert name in names


def test_a_put_reaches_every_process_on_the_same_data_dir(
    client: AppClient, settings: Settings
) -> None:
    other_app = create_app(
        settings,
        engine_factory=fake_engine_factory,
        store=InMemoryStore(),
        load_ruleset=fake_loader,
    )
    with AppClient(other_app) as other:
        before = other.post("/v1/events", json=event("e1"), headers=auth()).json()["revision"]
        put = client.put("/v1/rulesets/dating", content=GOOD_YAML, headers=admin())
        revision = put.json()["revision"]
        assert revision != before
        after = other.post("/v1/events", json=event("e2"), headers=auth()).json()
        assert after["revision"] == revision
        dry = other.post("/v1/evaluate", json=event("e3"), headers=auth()).json()
        assert dry["revision"] == revision


def test_a_broken_file_written_behind_the_servers_back_changes_nothing(
    client: AppClient, settings: Settings
) -> None:
    client.put("/v1/rulesets/dating", content=GOOD_YAML, headers=admin())
    revision = client.post("/v1/events", json=event("e1"), headers=auth()).json()["revision"]
    path = settings.data_dir / "rulesets" / "dating.yaml"
    path.write_text(BAD_YAML)
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    reply = client.post("/v1/events", json=event("e2"), headers=auth())
    assert reply.status_code == 200
    assert reply.json()["revision"] == revision
