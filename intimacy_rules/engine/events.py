"""The canonical event: one message of a conversation, as every adapter delivers it."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

__all__ = ["MAX_TEXT_CHARS", "Event", "EventContext", "EventKind", "Platform"]

#: The longest message text an event may carry (1 MiB of characters).
MAX_TEXT_CHARS = 1_048_576

Platform = Literal["dating", "counseling"]
EventKind = Literal["message", "pre_send"]
ContextValue = str | int | float | bool


class EventContext(BaseModel):
    """What the host knows about the conversation beyond the message itself."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    platform: Platform | None = None
    match_age_hours: float | None = Field(default=None, ge=0)
    locale: str = Field(default="en", min_length=2, max_length=35)
    attributes: dict[str, ContextValue] = Field(
        default_factory=dict,
        max_length=64,
        description="host-supplied values that rules can read as context.attributes.<name>",
    )


class Event(BaseModel):
    """One message sent (``kind="message"``) or about to be sent (``"pre_send"``)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)

    id: str = Field(min_length=1, max_length=200, description="the host's id; idempotency key")
    conversation_id: str = Field(min_length=1, max_length=200)
    sender: str = Field(min_length=1, max_length=200)
    text: str = Field(max_length=MAX_TEXT_CHARS)
    sent_at: AwareDatetime
    recipients: tuple[str, ...] = Field(default=(), max_length=64)
    kind: EventKind = "message"
    context: EventContext = Field(default_factory=EventContext)
