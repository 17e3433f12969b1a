"""Random strings drawn from a regular expression, for testing what gates its use.

``samples(pattern, n)`` walks the parsed pattern (``re._parser``, what
``re.compile`` runs) and builds a string per walk: a random branch of each
alternation, a random count within each repeat, a random member of each
class. Assertions (``\\b``, look-arounds) are skipped while building, so each
candidate is kept only if the compiled pattern really matches it (alone, or
inside a little context). Deterministic for a given seed.
"""

from __future__ import annotations

import importlib
import random
import re
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

_ALPHABET = "abcdefghijklmnopqrstuvwxyz '.,!?0123456789"
_CATEGORIES = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_NOT_DIGIT": "abcxyz .",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "abcxyz'.",
    "CATEGORY_WORD": "abcdefghijklmnopqrstuvwxyz0123456789_",
    "CATEGORY_NOT_WORD": " .,!?'",
}
_CONTEXTS = (("", ""), ("so ", " now"), ("ok, ", "."))


def _member(items: Any, rng: random.Random) -> str:
    negate, chars = False, []
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars.append(chr(arg))
        elif name == "RANGE":
            chars.extend(chr(c) for c in range(arg[0], min(arg[1], arg[0] + 40) + 1))
        elif name == "CATEGORY":
            chars.extend(_CATEGORIES.get(str(arg), "a"))
    if negate:
        return rng.choice([c for c in _ALPHABET if c not in chars] or ["~"])
    return rng.choice(chars) if chars else "a"


def _build(items: Any, rng: random.Random, groups: dict[int, str]) -> str:
    out: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append(rng.choice([c for c in _ALPHABET if c != chr(arg)]))
        elif name == "ANY":
            out.append(rng.choice(_ALPHABET))
        elif name == "IN":
            out.append(_member(arg, rng))
        elif name == "BRANCH":
            out.append(_build(rng.choice(arg[1]), rng, groups))
        elif name == "SUBPATTERN":
            text = _build(arg[-1], rng, groups)
            if arg[0] is not None:
                groups[arg[0]] = text
            out.append(text)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            high = low + 3 if high == _constants.MAXREPEAT else min(high, low + 3)
            out.append("".join(_build(sub, rng, groups) for _ in range(rng.randint(low, high))))
        elif name == "ATOMIC_GROUP":
            out.append(_build(arg, rng, groups))
        elif name == "GROUPREF":
            out.append(groups.get(arg, ""))
        # AT, ASSERT, ASSERT_NOT, GROUPREF_EXISTS: nothing to add; the match check decides.
    return "".join(out)


def samples(pattern: str, count: int, seed: int = 1) -> list[tuple[str, re.Match[str]]]:
    """Up to ``count`` texts the pattern matches, each with its match."""
    rng = random.Random(seed)
    tree = _parser.parse(pattern)
    regex = re.compile(pattern)
    found: list[tuple[str, re.Match[str]]] = []
    for _ in range(count):
        drawn = _build(tree, rng, {})
        for before, after in _CONTEXTS:
            text = before + drawn + after
            match = regex.search(text)
            if match is not None:
                found.append((text, match))
                break
    return found
