"""What a SQL store writes for each model: pseudonymous keys and sealed documents.

Both SQL stores go through one ``DocumentCodec`` so they keep identical rows:

- lookup keys are tenant-scoped HMAC pseudonyms
  (``pseudonym("conversation", f"{tenant}:{id}")``), so equal ids of two
  tenants never meet, and nothing in the database links back to the host's ids;
- the state, the decision and each outbox payload are JSON sealed with
  ``Sealer``, bound to their tenant and row key. A replayed decision is thus the
  very decision first returned, with the host's real conversation, event and
  participant ids, although none of them is readable at rest.

The tenant name is kept in clear: it names a platform, not a person, and
operators need it to list dead letters and to purge.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pydantic_core import PydanticSerializationError, to_json

from intimacy_rules.engine.decision import Decision
from intimacy_rules.errors import StoreError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.sealing import Sealer

if TYPE_CHECKING:
    from intimacy_rules.conversation.state import ConversationState

__all__ = ["UNREADABLE_PAYLOAD", "DocumentCodec"]

#: The error recorded on an outbox row whose payload no longer opens.
UNREADABLE_PAYLOAD = "the sealed payload does not open: another key, or the row was altered"


class DocumentCodec:
    """Turns ids into row keys and models into sealed bytes, and back."""

    __slots__ = ("_pseudonymizer", "_sealer")

    def __init__(self, pseudonymizer: Pseudonymizer, sealer: Sealer | None = None) -> None:
        self._pseudonymizer = pseudonymizer
        self._sealer = sealer if sealer is not None else Sealer.derived_from(pseudonymizer)

    def conversation_key(self, tenant: str, conversation_id: str) -> str:
        """The row key of a conversation: a tenant-scoped pseudonym."""
        return self._pseudonymizer.pseudonym("conversation", f"{tenant}:{conversation_id}")

    def event_key(self, tenant: str, event_id: str) -> str:
        """The row key of an event's decision: a tenant-scoped pseudonym."""
        return self._pseudonymizer.pseudonym("event", f"{tenant}:{event_id}")

    def seal_state(self, tenant: str, conversation_key: str, state: ConversationState) -> bytes:
        """The state as stored: its JSON, sealed to this conversation."""
        return self._sealer.seal(
            state.model_dump_json().encode(), f"state\x00{tenant}\x00{conversation_key}"
        )

    def open_state(self, tenant: str, conversation_key: str, sealed: bytes) -> ConversationState:
        """The state read back from its row."""
        from intimacy_rules.conversation.state import ConversationState  # noqa: PLC0415

        plain = self._sealer.open(sealed, f"state\x00{tenant}\x00{conversation_key}")
        return ConversationState.model_validate_json(plain)

    def seal_decision(self, tenant: str, event_key: str, decision: Decision) -> bytes:
        """The decision as stored: its JSON, sealed to this event."""
        return self._sealer.seal(
            decision.model_dump_json().encode(), f"decision\x00{tenant}\x00{event_key}"
        )

    def open_decision(self, tenant: str, event_key: str, sealed: bytes) -> Decision:
        """The decision read back from its row, with the host's real ids."""
        plain = self._sealer.open(sealed, f"decision\x00{tenant}\x00{event_key}")
        return Decision.model_validate_json(plain)

    def seal_payload(self, tenant: str, endpoint: str, payload: dict[str, object]) -> bytes:
        """An outbox payload as stored, sealed to its tenant and endpoint."""
        try:
            # pydantic's encoder, so datetimes and models in a payload become JSON
            # exactly as they would in the delivered body.
            body = to_json(payload)
        except PydanticSerializationError as exc:
            raise StoreError(f"an outbox payload for {endpoint!r} is not JSON: {exc}") from exc
        return self._sealer.seal(body, f"outbox\x00{tenant}\x00{endpoint}")

    def open_payload(self, tenant: str, endpoint: str, sealed: bytes) -> dict[str, object]:
        """An outbox payload read back from its row."""
        value = json.loads(self._sealer.open(sealed, f"outbox\x00{tenant}\x00{endpoint}"))
        if not isinstance(value, dict):
            raise StoreError("a stored outbox payload is not a JSON object")
        return value

    def open_payload_or_none(
        self, tenant: str, endpoint: str, sealed: bytes
    ) -> dict[str, object] | None:
        """The payload, or None when it does not open (so one bad row cannot jam the outbox)."""
        try:
            return self.open_payload(tenant, endpoint, sealed)
        except StoreError:
            return None
