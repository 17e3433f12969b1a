"""The HTTP server (the ``server`` extra): ``create_app(settings)`` builds the ASGI app.

Importing this package imports neither FastAPI nor uvicorn; ``create_app`` does,
and without the extra it raises ``ConfigurationError`` naming
``pip install 'intimacy-rules[server]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from intimacy_rules.server.settings import Settings

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, **collaborators: Any) -> FastAPI:
    """Build the app; see ``intimacy_rules.server.app.create_app``."""
    # Imported here so that importing the package never imports FastAPI.
    from intimacy_rules.server.app import create_app as build  # noqa: PLC0415

    return build(settings, **collaborators)
