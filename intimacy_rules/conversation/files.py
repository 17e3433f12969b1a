"""The conversation file format of ``spec/criteria.md`` section 6, as models.

The gold corpora and operators' own replay files share one format: an id,
an optional context (platform, match age), the participants, the messages in
order, and, for labelled files only, what is expected. ``load_conversation_file``
parses one file and reports what is wrong with it as an ``InputError`` naming
the file and the line (bad JSON) or the field's location (wrong content).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from intimacy_rules.conversation.vocabulary import Criterion, Pattern
from intimacy_rules.errors import InputError

__all__ = [
    "ConversationContext",
    "ConversationExpectation",
    "ConversationFile",
    "ConversationMessage",
    "load_conversation_file",
]

#: A conversation file larger than this is refused before it is parsed.
MAX_FILE_BYTES = 16 * 1024 * 1024


class ConversationContext(BaseModel):
    """What the host knows about the conversation besides its messages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    platform: Literal["dating", "counseling"] | None = None
    match_age_hours: float | None = Field(
        default=None, ge=0, description="how long the two have been talking"
    )


class ConversationMessage(BaseModel):
    """One message of the conversation, in the file's order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str | None = None
    sender: str = Field(min_length=1)
    text: str
    sent_at: datetime


class ConversationExpectation(BaseModel):
    """What a labelled conversation should come out as (gold files only).

    ``criteria`` lists only the clear-cut criteria: ``low`` means below 0.4,
    ``high`` at or above 0.6. ``patterns`` is the exact set.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    depth: int | None = Field(default=None, ge=0, le=4)
    patterns: tuple[Pattern, ...] | None = None
    criteria: dict[Criterion, Literal["low", "high"]] = Field(default_factory=dict)


class ConversationFile(BaseModel):
    """One conversation file: the gold format, with ``expect`` optional."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    context: ConversationContext = Field(default_factory=ConversationContext)
    participants: tuple[str, ...] | None = Field(
        default=None, description="the senders; when given, every message must be from one"
    )
    messages: tuple[ConversationMessage, ...] = Field(min_length=1)
    expect: ConversationExpectation | None = None

    @model_validator(mode="after")
    def _senders_are_participants(self) -> Self:
        if self.participants is None:
            return self
        known = set(self.participants)
        for index, message in enumerate(self.messages):
            if message.sender not in known:
                raise ValueError(
                    f"messages.{index}.sender: {message.sender!r} is not one of the participants"
                )
        return self


def _location(error: dict[str, object]) -> str:
    loc = error.get("loc", ())
    return ".".join(str(part) for part in loc) if isinstance(loc, tuple) else str(loc)


def load_conversation_file(path: str | Path) -> ConversationFile:
    """Read and validate one conversation file.

    Raises ``InputError`` (``source`` = the path) when the file cannot be read,
    is not JSON (with the line), or does not match the format (with each
    wrong field's location, e.g. ``messages.2.sent_at``).
    """
    source = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file is {size} bytes, more than {MAX_FILE_BYTES}", source=source)
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=source) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text: {exc.reason}", source=source) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", source=source, line=exc.lineno) from exc
    if not isinstance(data, dict):
        raise InputError(
            f"expected a JSON object, got {type(data).__name__}", source=source, line=1
        )
    try:
        return ConversationFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{_location(dict(error))}: {error['msg']}"
            if error["loc"]
            else error["msg"].removeprefix("Value error, ")
            for error in exc.errors(include_url=False)
        )
        raise InputError(problems, source=source) from exc
