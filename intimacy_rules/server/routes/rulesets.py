"""Ruleset administration (admin key): list, get, validate, put (swap), reload.

``PUT /v1/rulesets/{name}`` loads the uploaded YAML exactly as ``validate``
does; only a ruleset that loads is saved and swapped into every engine that
runs the name, atomically (events in flight finish with the old one, every
later decision carries the new revision). A bad upload gets 422 with its
problems, and the working ruleset stays.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from intimacy_rules.errors import RulesetError
from intimacy_rules.server.auth import AdminDep, ServicesDep
from intimacy_rules.server.error_handlers import problem_response, ruleset_problems
from intimacy_rules.server.rulesets import RulesetCatalog, RulesetEntry
from intimacy_rules.server.services import Services
from intimacy_rules.server.wire import (
    FieldProblem,
    Problem,
    RulesetDocument,
    RulesetInfo,
    RulesetList,
    RulesetProblems,
)

__all__ = ["router"]

_YAML_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/yaml": {"schema": {"type": "string"}}},
    }
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "no key, or an unknown key"},
    403: {"model": Problem, "description": "a tenant's key; these routes need the admin key"},
}
_MAX_YAML_BYTES = 1_048_576


def _info(entry: RulesetEntry, services: Services) -> RulesetInfo:
    tenants = tuple(
        name
        for name in services.tenants.names
        if services.tenant_settings(name).ruleset == entry.name
    )
    return RulesetInfo(
        name=entry.name,
        version=str(getattr(entry.compiled, "version", "")),
        revision=str(entry.compiled.revision),
        source=entry.source,
        tenants=tenants,
    )


async def _yaml_text(request: Request) -> str | Response:
    raw = await request.body()
    if len(raw) > _MAX_YAML_BYTES:
        return problem_response(413, f"a ruleset may be at most {_MAX_YAML_BYTES} bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return problem_response(
            422,
            "the ruleset is not UTF-8",
            errors=(FieldProblem(field="body", reason="not UTF-8"),),
        )


def _catalog(services: Services) -> RulesetCatalog:
    catalog: RulesetCatalog = services.rulesets
    return catalog


def router() -> APIRouter:
    """The ruleset routes."""
    api = APIRouter(prefix="/v1/rulesets", tags=["rulesets"])

    @api.get("", summary="Every ruleset the server knows", responses=_ERRORS)
    async def list_rulesets(_: AdminDep, services: ServicesDep) -> RulesetList:
        catalog = _catalog(services)
        return RulesetList(rulesets=tuple(_info(catalog.get(n), services) for n in catalog.names))

    @api.post(
        "/reload",
        summary="Read the rulesets back from disk and swap in those that changed",
        responses={**_ERRORS, 422: {"model": Problem, "description": "a file does not load"}},
    )
    async def reload_rulesets(_: AdminDep, services: ServicesDep) -> RulesetList:
        entries = _catalog(services).reload()
        return RulesetList(rulesets=tuple(_info(e, services) for e in entries))

    @api.post(
        "/validate",
        summary="Check YAML without installing it: its problems, or its revision",
        responses=_ERRORS,
        openapi_extra=_YAML_BODY,
    )
    async def validate_ruleset(request: Request, _: AdminDep, services: ServicesDep) -> Response:
        text = await _yaml_text(request)
        if isinstance(text, Response):
            return text
        try:
            compiled = _catalog(services).validate("upload", text)
        except RulesetError as exc:
            result = RulesetProblems(valid=False, problems=ruleset_problems(exc))
        else:
            result = RulesetProblems(valid=True, revision=str(compiled.revision))
        return Response(result.model_dump_json(), media_type="application/json")

    @api.get(
        "/{name}",
        summary="A ruleset's YAML and revision",
        responses={**_ERRORS, 404: {"model": Problem, "description": "no such ruleset"}},
    )
    async def get_ruleset(name: str, _: AdminDep, services: ServicesDep) -> Response:
        catalog = _catalog(services)
        if name not in catalog.names:
            return problem_response(404, "no such ruleset")
        entry = catalog.get(name)
        document = RulesetDocument(info=_info(entry, services), yaml=entry.text)
        return Response(
            document.model_dump_json(),
            media_type="application/json",
            headers={"ETag": f'"{entry.compiled.revision}"'},
        )

    @api.put(
        "/{name}",
        summary="Validate YAML, then swap it in atomically wherever the ruleset runs",
        responses={
            **_ERRORS,
            422: {"model": Problem, "description": "the YAML does not load; nothing changed"},
        },
        openapi_extra=_YAML_BODY,
    )
    async def put_ruleset(
        name: str, request: Request, _: AdminDep, services: ServicesDep
    ) -> Response:
        text = await _yaml_text(request)
        if isinstance(text, Response):
            return text
        if not RulesetCatalog.valid_name(name):
            return problem_response(
                422,
                "bad ruleset name",
                errors=(FieldProblem(field="name", reason="lowercase letters, digits, - and _"),),
            )
        entry = _catalog(services).put(name, text)  # RulesetError -> 422 with problems
        return Response(_info(entry, services).model_dump_json(), media_type="application/json")

    return api
