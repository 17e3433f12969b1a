"""A synchronous test client over ``httpx.ASGITransport`` that runs the app's lifespan.

Starlette's ``TestClient`` now warns that its httpx backend is deprecated (and
tests run with warnings as errors), so this does the same small job: an anyio
blocking portal runs the app's lifespan and an ``httpx.AsyncClient`` in one
event loop thread, and each call blocks until its reply.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, ExitStack
from types import TracebackType
from typing import Any

import httpx
from anyio.from_thread import BlockingPortal, start_blocking_portal
from fastapi import FastAPI


class AppClient:
    """``client.post(url, json=...)`` and friends, against an app in this process."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self._stack = ExitStack()
        self._portal: BlockingPortal | None = None
        self._client: httpx.AsyncClient | None = None

    def __enter__(self) -> AppClient:
        self._portal = self._stack.enter_context(start_blocking_portal())
        lifespan: AbstractContextManager[Any] = self._portal.wrap_async_context_manager(
            self.app.router.lifespan_context(self.app)
        )
        self._stack.enter_context(lifespan)
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url="http://testserver"
        )
        self._stack.callback(lambda: self._call(self._client_or_fail().aclose))
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stack.close()

    def _client_or_fail(self) -> httpx.AsyncClient:
        assert self._client is not None, "use AppClient as a context manager"
        return self._client

    def _call(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        assert self._portal is not None
        return self._portal.call(lambda: func(*args, **kwargs))

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response: httpx.Response = self._call(self._client_or_fail().request, method, url, **kwargs)
        return response

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)
