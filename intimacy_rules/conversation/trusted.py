"""Build frozen models from values this package computed itself, without validation.

The state is rebuilt on every message and the engine's whole budget is tens of
microseconds, while pydantic's validated construction costs ~5 µs per model
(``model_construct`` even more, because it resolves defaults). The values the
state computes are already of the right types and inside their bounds (every
score is clamped), so re-validating them would only check our own arithmetic.
Anything arriving from outside (``model_validate_json`` of a stored state,
``ConversationState.start``) still goes through full validation, and the tests
check that a trusted build equals a validated one.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["trusted"]

M = TypeVar("M", bound=BaseModel)


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values``, which must name every field.

    Sets exactly the attributes ``BaseModel.__init__`` would for a model with
    no extras and no private attributes.
    """
    instance = cls.__new__(cls)
    setter = object.__setattr__
    setter(instance, "__dict__", values)
    setter(instance, "__pydantic_fields_set__", set(values))
    setter(instance, "__pydantic_extra__", None)
    setter(instance, "__pydantic_private__", None)
    return instance
