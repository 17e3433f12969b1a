"""Run compiled rulesets in durable-rules: the only module that imports it.

What durable-rules does, and how this module lives with it (``design.md``):

- **Every matching rule must fire.** Events are consumed by the first rule, so
  each message is asserted as a *fact*, one flat JSON object with a unique
  ``id``, and retracted before ``match`` returns: the session never grows.
- **One session, never 1024.** All facts go to durable's default session of
  each durable ruleset; no per-conversation sessions are created, so the
  per-ruleset session cap cannot be reached whatever the traffic.
- **No timer threads, no lost actions.** ``durable.engine.Host`` starts timer
  threads that run actions elsewhere, so a ``post`` can return before its
  action ran. This module drives durable's C core (``durable_rules_engine``)
  directly, below the Host: it asserts the fact, then takes every queued action
  of that session one by one on the caller's thread until none is left. The
  fired rules are complete when ``match`` returns, and no Python action ever
  runs inside durable (so none can fail into a hidden ``exception`` state).
- **One lock.** The C core is process-global and not thread-safe; every call
  into it, from every matcher, holds ``_LOCK``.
- **Single-fact patterns only.** Each conjunct of a rule's normal form becomes
  one durable rule over one fact (``$and`` of plain comparisons, no references
  to other matches), the shape that is known to be safe.
- **Limits.** A fact may not satisfy more than 64 alpha nodes at once (error
  303), and ~480 rules break the beta network (error 108). Conjuncts are split
  into durable rulesets of at most ``CHUNK`` rules each, which bounds both;
  one fact is asserted to each chunk.
- **Types.** durable compares across JSON types loosely (``"1" == 1``), so each
  field travels under a key of its own plus, for host attributes, a kind key;
  a comparison first checks the kind, as ``rules.compiled`` defines it.

Durable rulesets get unique names, so several compiled rulesets (or two
revisions of one) live side by side. When a matcher is garbage-collected its
durable rulesets are queued, and deleted by the next match (or the next matcher
built), between calls. A matcher creates its durable rulesets when it is built.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from json.encoder import encode_basestring_ascii
from operator import call, itemgetter
from typing import Any

from intimacy_rules.errors import MatcherError, RulesetLimitError
from intimacy_rules.rules.compiled import (
    Compare,
    CompiledRuleset,
    KindIs,
    KindIsNot,
    Leaf,
    ValueKind,
    value_kind,
)
from intimacy_rules.rules.facts import Fact
from intimacy_rules.rules.fields import fact_catalogue

__all__ = ["CHUNK", "DurableMatcher", "check_ruleset"]

#: Most durable rules (conjuncts) in one durable ruleset; below the 64-node stack.
CHUNK = 48

_LOCK = threading.RLock()
_NAMES = itertools.count(1)
_FACT_IDS = itertools.count(1)
_DOOMED: list[int] = []  # handles of durable rulesets to delete at the next safe point
_KIND_CODE: dict[ValueKind | None, str] = {"bool": "b", "num": "n", "str": "s", None: ""}
_OPS = {"neq": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}
_MARK = "ir"  # every fact we assert carries it; durable's own state fact does not
_SETTLED = frozenset({"bool", "str"})  # catalogue types whose JSON a matcher remembers
_SEGMENTS = 1_024  # distinct remembered combinations per matcher; emptied when full


@cache
def _engine() -> Any:
    # Imported on first use: importing intimacy_rules never loads the C core.
    # durable-rules ships no type information (see pyproject's mypy overrides).
    try:
        import durable_rules_engine  # noqa: PLC0415
    except ImportError as exc:  # the C extension failed to build or is missing
        raise MatcherError(
            "the rules core durable-rules cannot be imported; reinstall it "
            f"(pip install durable-rules; it builds with gcc): {exc}"
        ) from exc
    return durable_rules_engine


@dataclass(frozen=True, slots=True)
class _FieldCode:
    field: str
    value_key: str
    kind_key: str | None
    """present when a pattern tests the value's kind (host attributes, presence)"""


@dataclass(frozen=True, slots=True)
class _Program:
    plain: tuple[tuple[str, str], ...]
    """(field, value key) of required catalogue fields: always there, right type"""
    careful: tuple[_FieldCode, ...]
    """optional fields and host attributes: kind checked on every fact"""
    chunks: tuple[str, ...]
    """the JSON definition of each durable ruleset"""
    rule_of: dict[str, int]
    """durable rule name -> position in CompiledRuleset.rules"""


def _compile(ruleset: CompiledRuleset) -> _Program:
    codes: dict[str, _FieldCode] = {}
    kind_tested: set[str] = set()
    attributes = {f for f in ruleset.fields if f.startswith("context.attributes.")}
    for rule in ruleset.rules:
        for conj in rule.conjuncts:
            kind_tested.update(leaf.field for leaf in conj if not isinstance(leaf, Compare))
    for n, field in enumerate(sorted(ruleset.fields)):
        needs_kind = field in kind_tested or field in attributes
        codes[field] = _FieldCode(field, f"v{n}", f"k{n}" if needs_kind else None)

    def pattern(leaf: Leaf) -> list[dict[str, Any]]:
        code = codes[leaf.field]
        kind_key = code.kind_key or ""  # set for every field whose kind is tested
        if isinstance(leaf, KindIs):
            return [{kind_key: _KIND_CODE[leaf.kind]}]
        if isinstance(leaf, KindIsNot):
            return [{"$neq": {kind_key: _KIND_CODE[leaf.kind]}}]
        value = float(leaf.value) if leaf.kind == "num" else leaf.value
        test: dict[str, Any] = (
            {code.value_key: value} if leaf.op == "eq" else {_OPS[leaf.op]: {code.value_key: value}}
        )
        if leaf.field in attributes:
            return [{kind_key: _KIND_CODE[leaf.kind]}, test]
        return [test]

    durable_rules: list[tuple[str, dict[str, Any]]] = []
    rule_of: dict[str, int] = {}
    for position, rule in enumerate(ruleset.rules):
        for k, conj in enumerate(rule.conjuncts):
            name = f"r{position}_{k}"
            rule_of[name] = position
            tests: list[dict[str, Any]] = [{_MARK: 1}]
            for leaf in conj:
                tests.extend(pattern(leaf))
            durable_rules.append((name, {"all": [{"m": {"$and": tests}}]}))
    chunks = tuple(
        json.dumps(dict(durable_rules[i : i + CHUNK])) for i in range(0, len(durable_rules), CHUNK)
    )
    catalogue = fact_catalogue()
    plain, careful = [], []
    for code in codes.values():
        spec = catalogue.fields.get(code.field)
        if spec is not None and not spec.optional and code.kind_key is None:
            plain.append((code.field, code.value_key))
        else:
            careful.append(code)
    return _Program(tuple(plain), tuple(careful), chunks, rule_of)


def _true_only_fields(ruleset: CompiledRuleset) -> frozenset[str]:
    """The fields every leaf of every rule tests for ``== true`` and nothing else."""
    tests: dict[str, set[bool]] = {}
    for rule in ruleset.rules:
        for conj in rule.conjuncts:
            for leaf in conj:
                tests.setdefault(leaf.field, set()).add(
                    isinstance(leaf, Compare)
                    and leaf.op == "eq"
                    and leaf.kind == "bool"
                    and leaf.value is True
                )
    return frozenset(field for field, kinds in tests.items() if kinds == {True})


def check_ruleset(ruleset: CompiledRuleset) -> None:
    """Create and delete the durable rulesets once: a ruleset that loads will run.

    ``RulesetLimitError`` when the rules core refuses the definition.
    """
    program = _compile(ruleset)
    engine = _engine()
    with _LOCK:
        for n, chunk in enumerate(program.chunks):
            try:
                handle = engine.create_ruleset(f"intimacy-check-{next(_NAMES)}", chunk)
            except engine.error as exc:
                raise RulesetLimitError(
                    f"{ruleset.source}: the rules core refused part {n + 1} of the ruleset: {exc}",
                    path=ruleset.source,
                ) from exc
            engine.delete_ruleset(handle)


_JSON_OF: dict[type, Callable[[Any], str]] = {
    bool: {True: "true", False: "false"}.__getitem__,
    int: int.__repr__,
    float: float.__repr__,  # what json.dumps writes for a finite float
    str: encode_basestring_ascii,
}


def _json_value(value: object) -> str:
    """One scalar as JSON; ``MatcherError`` for anything else (lists, None, NaN)."""
    convert = _JSON_OF.get(type(value))
    if convert is not None and (type(value) is not float or math.isfinite(value)):
        return convert(value)
    if isinstance(value, bool | int | str) or (isinstance(value, float) and math.isfinite(value)):
        return json.dumps(value)
    raise MatcherError(
        f"the fact holds {value!r}, not a finite scalar; build facts with build_fact"
    )


def _reader(fields: Sequence[str]) -> Callable[[Fact], tuple[Any, ...]]:
    """Read several fact fields in one C-level call, always as a tuple."""
    if not fields:
        return lambda fact: ()
    if len(fields) == 1:
        one = itemgetter(fields[0])
        return lambda fact: (one(fact),)
    return itemgetter(*fields)


def _delete_later(handles: Sequence[int]) -> None:
    # A finalizer may run during any allocation, even inside another match's
    # sequence of calls into the core (the lock is reentrant), so it only queues
    # the handles; list.extend is atomic. They are deleted by ``_drain``.
    _DOOMED.extend(handles)


def _drain(engine: Any) -> None:
    """Delete queued durable rulesets; the caller holds ``_LOCK``, between matches."""
    while _DOOMED:
        handle = _DOOMED.pop()
        with contextlib.suppress(engine.error):  # already gone: nothing to free
            engine.delete_ruleset(handle)


class DurableMatcher:
    """Matches facts with durable-rules; thread-safe, leaves no state behind."""

    def __init__(self, ruleset: CompiledRuleset):
        self.ruleset = ruleset
        self._program = _compile(ruleset)
        self._ids = [rule.id for rule in ruleset.rules]
        self._handles: list[int] = []
        # Booleans and strings take few distinct values together (a message's
        # labels), numbers (counts, scores, ages) change with every message:
        # the first are written once per distinct combination and remembered,
        # the second on every fact.
        catalogue = fact_catalogue().fields
        settled = [(f, key) for f, key in self._program.plain if catalogue[f].type in _SETTLED]
        numbers = [(f, key) for f, key in self._program.plain if catalogue[f].type not in _SETTLED]
        types = {"bool": bool, "int": int, "float": float, "str": str}
        self._read_settled = _reader([field for field, _ in settled])
        self._settled_keys = tuple(key for _, key in settled)
        self._settled_writers = tuple(_JSON_OF[types[catalogue[f].type]] for f, _ in settled)
        # A boolean every pattern tests only for true matches nothing when it is
        # false or absent alike: left out of the JSON when false, so the core
        # parses fewer keys (most of a message's labels are false).
        true_only = _true_only_fields(ruleset)
        self._skip_false = tuple(f in true_only for f, _ in settled)
        self._segments: dict[tuple[Any, ...], str] = {}
        self._read_plain = _reader([field for field, _ in numbers])
        self._template = (
            '{"id":%d,"' + _MARK + '":1%s' + "".join(f',"{key}":%s' for _, key in numbers)
        )
        # the catalogue knows each number's type: its JSON writer, all in C
        self._writers = tuple(_JSON_OF[types[catalogue[f].type]] for f, _ in numbers)
        self._careful = tuple(
            (code.field, code.value_key, code.kind_key) for code in self._program.careful
        )
        self._finalizer: weakref.finalize[Any, Any] | None = None
        if self._program.chunks:
            # Create the durable rulesets now (0.2-1 ms), not on the first
            # message: its latency stays that of any other, and a ruleset the
            # core refuses fails here, before an engine or a swap uses it.
            with _LOCK:
                if _DOOMED:
                    _drain(_engine())
                self._handles = self._open()

    @property
    def chunks(self) -> int:
        """How many durable rulesets one match asserts into."""
        return len(self._program.chunks)

    def _open(self) -> list[int]:
        engine = _engine()
        prefix = f"intimacy-{self.ruleset.name}-{next(_NAMES)}"
        handles: list[int] = []
        try:
            for n, chunk in enumerate(self._program.chunks):
                handles.append(engine.create_ruleset(f"{prefix}-{n}", chunk))
        except engine.error as exc:
            _delete_later(handles)
            raise MatcherError(
                f"the rules core refused ruleset {self.ruleset.name!r}: {exc}"
            ) from exc
        self._finalizer = weakref.finalize(self, _delete_later, tuple(handles))
        return handles

    def _reset(self) -> None:
        # After a failure an action may still be queued; start from fresh rulesets.
        if self._finalizer is not None:
            self._finalizer()
            self._finalizer = None
        self._handles = []

    def _settled_json(self, fact: Fact) -> str:
        """The booleans' and strings' part of the fact's JSON, remembered per value."""
        values = self._read_settled(fact)
        try:
            return self._segments[values]
        except KeyError:
            pass
        except TypeError:  # unhashable: not a scalar, refused below
            return self._write_settled(values)
        segment = self._write_settled(values)
        if len(self._segments) >= _SEGMENTS:
            self._segments.clear()  # bounded; the common combinations come back at once
        self._segments[values] = segment
        return segment

    def _write_settled(self, values: tuple[Any, ...]) -> str:
        try:
            written = tuple(map(call, self._settled_writers, values))
        except (KeyError, TypeError):  # not of the catalogue's type: the careful way
            written = tuple(map(_json_value, values))
        pairs = zip(self._settled_keys, written, self._skip_false, values, strict=True)
        return "".join(
            f',"{key}":{json}' for key, json, skip, value in pairs if not (skip and value is False)
        )

    def _encode(self, fact: Fact, fact_id: int) -> str:
        # The JSON is written by hand from a template: json.dumps of a whole dict
        # cost more than the rules core itself, and every value here is a scalar.
        try:  # build_fact guarantees the required fields and their types
            settled = self._settled_json(fact)
            values = self._read_plain(fact)
        except KeyError as exc:
            raise MatcherError(
                f"the fact lacks {exc.args[0]!r}; build facts with build_fact"
            ) from exc
        try:  # each writer on its value, in one C-level loop
            text = self._template % (fact_id, settled, *map(call, self._writers, values))
        except (KeyError, TypeError):  # not of the catalogue's type: the careful way
            text = self._template % (fact_id, settled, *map(_json_value, values))
        if not self._careful:
            return text + "}"
        parts = [text]
        for field, value_key, kind_key in self._careful:
            value = fact.get(field)
            kind: ValueKind | None
            if value is None:
                kind = None
            elif type(value) is float:  # the common optional value: a finite float
                if kind_key is None and math.isfinite(value):
                    parts.append(f',"{value_key}":{float.__repr__(value)}')  # as _json_value
                    continue
                kind = "num" if math.isfinite(value) else None
            else:
                kind = value_kind(value)
            if kind_key is not None:
                parts.append(f',"{kind_key}":"{_KIND_CODE[kind]}"')
            if kind is not None:
                number = float(value) if kind == "num" else value  # type: ignore[arg-type]
                parts.append(f',"{value_key}":{_json_value(number)}')
        parts.append("}")
        return "".join(parts)

    def match(self, fact: Fact) -> tuple[str, ...]:
        """The ids of every rule whose condition holds, in priority order."""
        if not self._program.chunks:
            return ()
        engine = _engine()
        rule_of = self._program.rule_of
        fired: set[int] = set()
        fact_id = next(_FACT_IDS)  # atomic under the GIL: ids never repeat in a process
        text = self._encode(fact, fact_id)
        retract = f'{{"id":{fact_id}}}'
        with _LOCK:
            if _DOOMED:
                _drain(engine)
            if not self._handles:
                self._handles = self._open()
            try:
                for handle in self._handles:
                    try:
                        code, state = engine.assert_fact(handle, text)
                        if code == 0:
                            started = engine.start_action_for_state(handle, state)
                            action = started[1] if started else None
                            while action:
                                # '{"<rule name>":{...}}': the name is all we need
                                fired.add(rule_of[action[2 : action.index('"', 2)]])
                                action = engine.complete_and_start_action(handle, state)
                        elif code != 1:  # 1: no rule matched, a normal outcome
                            raise MatcherError(f"the rules core answered {code} to a fact")
                    finally:
                        engine.retract_fact(handle, retract)
            except engine.error as exc:
                self._reset()
                raise MatcherError(f"the rules core failed: {exc}") from exc
            except (KeyError, ValueError, MatcherError) as exc:
                self._reset()
                raise MatcherError(f"the rules core answered something unexpected: {exc}") from exc
        if not fired:
            return ()
        ids = self._ids
        return tuple([ids[i] for i in sorted(fired)])
