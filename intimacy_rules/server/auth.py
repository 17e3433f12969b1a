"""Bearer-key authentication as FastAPI dependencies: ``tenant_of`` and ``require_admin``.

Callers send ``Authorization: Bearer <key>``. A missing or unknown key is a 401
with ``WWW-Authenticate: Bearer`` and the same reply either way, so a prober
learns nothing about which keys exist. The admin key opens the ruleset and
delivery administration routes; it is not a tenant key.

The dependencies are ``async def`` on purpose: FastAPI runs a plain ``def``
dependency in a thread pool, a hop that cost more than the whole decision.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from intimacy_rules.server.services import Services
from intimacy_rules.server.tenants import Tenant

__all__ = ["AdminDep", "ServicesDep", "TenantDep", "get_services", "require_admin", "tenant_of"]

_bearer = HTTPBearer(auto_error=False, description="an API key: Authorization: Bearer <key>")
_UNAUTHORIZED = HTTPException(
    status_code=401,
    detail="a valid API key is required: Authorization: Bearer <key>",
    headers={"WWW-Authenticate": "Bearer"},
)


async def get_services(request: Request) -> Services:
    """The ``Services`` of the app serving this request."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
_Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


async def tenant_of(services: ServicesDep, credentials: _Credentials) -> Tenant:
    """The tenant whose key the request carries; 401 otherwise."""
    if credentials is None:
        raise _UNAUTHORIZED
    tenant = services.tenants.authenticate(credentials.credentials)
    if tenant is None:
        raise _UNAUTHORIZED
    return tenant


async def require_admin(services: ServicesDep, credentials: _Credentials) -> None:
    """Passes only with the admin key; 401 for no key, 403 for a tenant's key."""
    if credentials is None:
        raise _UNAUTHORIZED
    if services.tenants.is_admin(credentials.credentials):
        return
    if services.tenants.authenticate(credentials.credentials) is not None:
        raise HTTPException(status_code=403, detail="this route needs the admin key")
    raise _UNAUTHORIZED


TenantDep = Annotated[Tenant, Depends(tenant_of)]
AdminDep = Annotated[None, Depends(require_admin)]
