"""Read ruleset YAML safely: bounded size and depth, no anchors, lines kept.

``parse_yaml`` returns the plain data (for pydantic) *and* the node tree, so
every problem found later can name the line it comes from. It refuses:

- files over ``MAX_BYTES`` (checked before parsing) and text that is not UTF-8;
- more than ``MAX_NODES`` nodes or nesting deeper than ``MAX_DEPTH``;
- anchors and aliases: with them a few lines can expand to gigabytes (the
  "billion laughs"), and rulesets have no need of them;
- explicit tags other than YAML's own (``!!python/...`` and friends);
- the same key twice in one mapping (YAML would keep the last, silently).

libyaml's C parser is used when PyYAML has it (it does in the published
wheels): parsing is the slow part, and a rejected file must be rejected fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from intimacy_rules.errors import RulesetSyntaxError

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "ParsedYaml", "parse_yaml"]

#: The largest ruleset file accepted, in bytes.
MAX_BYTES = 256 * 1024
#: The deepest nesting of mappings and lists accepted.
MAX_DEPTH = 32
#: The most YAML nodes (scalars, lists, mappings) accepted in one file.
MAX_NODES = 16_000

try:  # the C parser, when PyYAML was built with libyaml
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)


_ALLOWED_TAGS = {
    None,
    "!",
    *(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")),
}


class _LimitError(Exception):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


class _BoundedLoader(Composer, SafeConstructor, Resolver, _Parser):
    """libyaml's events, composed in Python so each node can be checked."""

    def __init__(self, text: str):
        _Parser.__init__(self, text)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        mark = getattr(event, "start_mark", None)
        line = mark.line + 1 if mark is not None else None
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
            raise _LimitError("YAML anchors and aliases (&, *) are not allowed in rulesets", line)
        tag = (
            getattr(event, "tag", None)
            if isinstance(event, ScalarEvent | CollectionStartEvent)
            else None
        )
        if tag not in _ALLOWED_TAGS:
            raise _LimitError(f"YAML tag {tag!r} is not allowed in rulesets", line)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _LimitError(f"more than {MAX_NODES} YAML nodes", line)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _LimitError(f"nested deeper than {MAX_DEPTH} levels", line)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


@dataclass(frozen=True, slots=True)
class ParsedYaml:
    """A parsed file: its data, its node tree and its raw bytes."""

    data: Any
    root: Node | None
    content: bytes

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line of the deepest node that ``loc`` reaches (keys, then indices)."""
        node = self.root
        line = None if node is None else node.start_mark.line + 1
        for part in loc:
            if isinstance(node, MappingNode):
                for key, value in node.value:
                    if isinstance(key, ScalarNode) and key.value == part:
                        line, node = key.start_mark.line + 1, value
                        break
                else:
                    continue  # a name pydantic adds (a union tag): skip it
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line + 1
            elif isinstance(node, SequenceNode):
                continue
            else:
                break
        return line


def parse_yaml(content: bytes, *, source: str) -> ParsedYaml:
    """Parse a ruleset file's bytes; ``RulesetSyntaxError`` names what and where."""
    if len(content) > MAX_BYTES:
        raise RulesetSyntaxError(
            f"the file is {len(content)} bytes; a ruleset is at most {MAX_BYTES}", path=source
        )
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RulesetSyntaxError(f"not UTF-8 text ({exc.reason})", path=source) from exc
    loader = _BoundedLoader(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    except _LimitError as exc:
        raise RulesetSyntaxError(str(exc), path=source, line=exc.line) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulesetSyntaxError(f"not valid YAML: {problem}", path=source, line=line) from exc
    except RecursionError as exc:  # pragma: no cover - the depth limit comes first
        raise RulesetSyntaxError("nested too deeply", path=source) from exc
    finally:
        loader.dispose()
    if root is not None:
        _refuse_duplicate_keys(root, source)
    return ParsedYaml(data=data, root=root, content=content)


def _refuse_duplicate_keys(root: Node, source: str) -> None:
    # YAML loaders keep the last of two equal keys and drop the first without a
    # word: a rule with two `when:` would silently lose one.
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    if key.value in seen:
                        raise RulesetSyntaxError(
                            f"duplicate key {key.value!r} in one mapping",
                            path=source,
                            line=key.start_mark.line + 1,
                        )
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
