"""Platform adapters: a platform's webhook in, canonical events out, its reply back.

Shipped as ``intimacy_rules.adapters``. Each adapter is one module and one
class with three methods (``verify``, ``parse``, ``render``) over plain data
(``InboundRequest``, ``ParsedEvents``, ``OutboundReply``); the server's
``adapter_routes`` is the only part that knows about HTTP frameworks.

``ADAPTERS`` is the explicit registry, by the name used in routes and in a
tenant's ``adapters`` settings::

    ADAPTERS["stream"](StreamSettings(api_secret="..."), clock=...)

Importing this package opens nothing and reads nothing.
"""

from __future__ import annotations

from typing import Final

from .base import Adapter, Headers, InboundRequest, OutboundReply, ParsedEvents
from .config import (
    AdapterSettings,
    GenericSettings,
    MatrixSettings,
    SendbirdSettings,
    StreamSettings,
    TwilioSettings,
)
from .generic import GenericAdapter
from .matrix import MatrixAdapter
from .pipeline import Decide, handle_request
from .replay import ReplayCache
from .sendbird import SendbirdAdapter
from .stream import StreamAdapter
from .twilio import TwilioAdapter

__all__ = [
    "ADAPTERS",
    "Adapter",
    "AdapterSettings",
    "Decide",
    "GenericAdapter",
    "GenericSettings",
    "Headers",
    "InboundRequest",
    "MatrixAdapter",
    "MatrixSettings",
    "OutboundReply",
    "ParsedEvents",
    "ReplayCache",
    "SendbirdAdapter",
    "SendbirdSettings",
    "StreamAdapter",
    "StreamSettings",
    "TwilioAdapter",
    "TwilioSettings",
    "handle_request",
]

#: Every platform adapter, by the name its routes and settings use.
ADAPTERS: Final[dict[str, type[Adapter]]] = {
    "stream": StreamAdapter,
    "sendbird": SendbirdAdapter,
    "twilio": TwilioAdapter,
    "matrix": MatrixAdapter,
    "generic": GenericAdapter,
}
