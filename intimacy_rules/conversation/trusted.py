"""Fast paths for the conversation models, which are rebuilt on every message.

The engine's whole budget per message is tens of microseconds, while
pydantic's validated construction costs several microseconds per model
(``model_construct`` even more, because it resolves defaults), and
``functools.cached_property`` takes a lock on every first access in Python
3.11. Two small tools avoid both:

- ``trusted(cls, values)`` builds a frozen model from values this package
  computed itself: they are already of the right types and inside their
  bounds (every score is clamped), so re-validating them would only check our
  own arithmetic. Anything arriving from outside (``model_validate_json`` of a
  stored state, ``ConversationState.start``) still goes through validation,
  and the tests check that a trusted build equals a validated one. All the
  instances of a class share one ``model_fields_set`` (every field is set):
  the models are frozen, so pydantic never adds to it, and ``model_copy``
  copies it before an ``update``. One set fewer per model matters: the
  decisions a store remembers are built this way, and every object that
  outlives a message is more work for the garbage collector.
- ``memoized`` caches a derived view in the instance's ``__dict__`` on first
  access, without a lock: the models are immutable, so two threads computing
  the same value at once both get equal results. Models that use it derive
  from ``MemoizingModel``, which lists it in ``ignored_types`` (pydantic
  neither serialises nor compares it) and forgets the cached views on
  ``model_copy``, whose ``update=`` would otherwise leave them stale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar, overload

from pydantic import BaseModel, ConfigDict

__all__ = ["MemoizingModel", "memoized", "trusted"]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


_new = object.__new__
# BaseModel's own slots (``__dict__`` among them), set through their
# descriptors: cheaper than object.__setattr__, which looks each one up first.
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def _all_fields(cls: type[BaseModel]) -> set[str]:
    found = _ALL_FIELDS.get(cls)
    if found is None:
        found = _ALL_FIELDS.setdefault(cls, set(cls.model_fields))
    return found


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values``, which must name every field.

    Sets exactly the attributes ``BaseModel.__init__`` would for a model with
    no extras and no private attributes. The fields set is shared by every
    instance of ``cls`` (do not mutate ``model_fields_set``).
    """
    instance = _new(cls)
    _set_dict(instance, values)
    fields = _ALL_FIELDS.get(cls) or _all_fields(cls)
    # A caller that left a field out gets its own, smaller set, as before.
    _set_fields_set(instance, fields if len(fields) == len(values) else set(values))
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


class memoized(Generic[T]):  # lower case: a decorator, like property
    """A read-only derived attribute, computed once per (immutable) instance."""

    def __init__(self, function: Callable[[Any], T]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> memoized[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | memoized[T]:
        if instance is None:
            return self
        value = self.function(instance)
        # A non-data descriptor: from now on the instance attribute wins.
        instance.__dict__[self.name] = value
        return value


class MemoizingModel(BaseModel):
    """A frozen model whose ``memoized`` views are dropped from every copy."""

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(memoized,))

    def _forget_memoized(self) -> Self:
        fields = type(self).model_fields
        for name in [name for name in self.__dict__ if name not in fields]:
            del self.__dict__[name]
        return self

    def __copy__(self) -> Self:
        return super().__copy__()._forget_memoized()

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        return super().__deepcopy__(memo)._forget_memoized()
