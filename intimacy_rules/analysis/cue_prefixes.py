"""Find where a cue's matches can start, so its pattern runs only there.

Python's ``re`` skips quickly to a pattern's possible first characters only
when it can see them: a literal, a character class, or an alternation whose
every branch opens with a literal. A cue like ``(?:(?:took|swallowed) …|if i
(?:was|were) gone|…)`` opens with groups of groups, so ``finditer`` tries the
whole alternation at every character of the message, which costs
microseconds per cue on chat-length text.

``literal_prefixes`` reads the parsed pattern and returns literal strings of
which every match begins with one (``{"took", "swallowed", "if i", …}``), or
``None`` when it cannot prove such a set. ``prefix_scanner`` lays them out
as a trie that ``re`` skips through in C, and the cue's pattern is tried
only where they occur (the loop in ``cue_rules._spans``), yielding exactly the
matches ``finditer`` would: the same leftmost, non-overlapping matches, because the
pattern cannot match anywhere else and ``match`` at a position sees the same
text around it (look-behinds and ``\\b`` included). The same literals let a
guard skip its regex when none of them is in its window.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, Final

# The parser is private API, stable in practice (it is what ``re.compile``
# runs); importing it by name keeps mypy and ruff quiet on every version.
_sre_parse: Any = importlib.import_module("re._parser")

__all__ = ["literal_prefixes", "prefix_scanner"]

#: Give up beyond this many alternatives: a huge scanner would be no faster.
_MAX_PREFIXES: Final = 96
#: Prefixes stop growing here; longer ones only make the scanner bigger.
_MAX_LENGTH: Final = 8
#: A character class is expanded into prefixes only when this small.
_MAX_CLASS: Final = 4


class _Unknown(Exception):
    """A piece of pattern whose first characters cannot be listed."""


def literal_prefixes(pattern: str, limit: int = _MAX_PREFIXES) -> frozenset[str] | None:
    """Literals of which every match of ``pattern`` starts with one, or ``None``.

    ``None`` when a match could start with anything (an empty prefix), when
    the pattern could match the empty string, when it uses flags or
    constructs this reader does not follow, or past ``limit`` alternatives.
    """
    try:
        parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & ~re.UNICODE:
            return None  # (?i), (?m)…: the literals would not be what matches
        if parsed.getwidth()[0] == 0:
            return None
        still_open, closed = _sequence(list(parsed), {""}, limit)
        prefixes = still_open | closed
    except (_Unknown, re.error, RecursionError):
        return None
    if "" in prefixes or len(prefixes) > limit:
        return None
    # "crash" already finds every start "crashing" would: keep the shortest.
    kept: list[str] = []
    for prefix in sorted(prefixes, key=len):
        if not any(prefix.startswith(shorter) for shorter in kept):
            kept.append(prefix)
    return frozenset(kept)


def _sequence(
    items: list[tuple[Any, Any]], prefixes: set[str], limit: int
) -> tuple[set[str], set[str]]:
    """Read ``items`` on from ``prefixes``, the exact texts a match has consumed
    so far on each path. Returns the texts still exact after ``items`` (open)
    and the prefixes that cannot grow further (closed): every match starts
    with one of either. Each path is followed as far as it is literal, so one
    path ending early (``(?:outside|at) your``: "outsid" is long enough) does
    not stop the others ("at you").
    """
    closed: set[str] = set()
    for op, arg in items:
        name = str(op)
        done = {p for p in prefixes if len(p) >= _MAX_LENGTH}
        if done:
            closed |= done
            prefixes = prefixes - done
        if not prefixes:
            return prefixes, closed
        if name == "LITERAL":
            prefixes = {p + chr(arg) for p in prefixes}
        elif name in {"AT", "ASSERT", "ASSERT_NOT"}:
            continue  # zero-width: the match's text is unaffected
        elif name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = arg
            if add_flags or del_flags:
                raise _Unknown
            prefixes, ended = _sequence(list(sub), prefixes, limit)
            closed |= ended
        elif name == "BRANCH":
            grown: set[str] = set()
            for alternative in arg[1]:
                found, ended = _sequence(list(alternative), prefixes, limit)
                grown |= found
                closed |= ended
            prefixes = grown
        elif name == "IN":
            chars = _class_chars(arg)
            if chars is None:
                return set(), closed | prefixes
            prefixes = {p + c for p in prefixes for c in chars}
        elif name in {"MAX_REPEAT", "MIN_REPEAT"} and arg[0] >= 1:
            # At least one repetition: its prefixes follow, then nothing is sure.
            found, ended = _sequence(list(arg[2]), prefixes, limit)
            return set(), closed | found | ended
        elif name in {"MAX_REPEAT", "MIN_REPEAT"} and arg[1] >= 1:
            # Optional ("i(?:'d| would)? "): a match either starts through it
            # or skips it. Without this, "i" would be the only prefix and every
            # letter i a place to try the pattern. Past one optional pass what
            # follows is sure; past one of several, nothing is on that path.
            found, ended = _sequence(list(arg[2]), prefixes, limit)
            closed |= ended
            if arg[1] == 1:
                prefixes = prefixes | found
            else:
                closed |= found
        else:
            return set(), closed | prefixes
        if len(prefixes) + len(closed) > limit:
            raise _Unknown
    return prefixes, closed


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a small class made of literals only, else ``None``."""
    chars: list[str] = []
    for op, arg in items:
        if str(op) != "LITERAL":
            return None
        chars.append(chr(arg))
    return chars if len(chars) <= _MAX_CLASS else None


def prefix_scanner(prefixes: frozenset[str]) -> re.Pattern[str]:
    """A pattern whose ``search(text, pos)`` finds the first place at or after
    ``pos`` where one of ``prefixes`` occurs.

    The literals are laid out as a trie ("can (?:we|i)|i(?: |'d)") so that every
    alternative opens with a literal: ``re`` then skips in C to the characters
    a prefix can start with and rejects most places after one comparison,
    whatever the number of prefixes (one ``str.find`` each would cost more
    past a dozen, a scan of the cue's own pattern far more).
    """
    return re.compile(_trie(sorted(prefixes)))


def _trie(prefixes: list[str]) -> str:
    """``prefixes`` (sorted, none empty) as an alternation that shares first characters."""
    by_first: dict[str, list[str]] = {}
    for prefix in prefixes:
        by_first.setdefault(prefix[0], []).append(prefix[1:])
    alternatives: list[str] = []
    for first, rests in by_first.items():
        if "" in rests:  # the shorter prefix already finds every longer one's start
            alternatives.append(re.escape(first))
        elif len(rests) == 1:
            alternatives.append(re.escape(first + rests[0]))
        else:
            alternatives.append(re.escape(first) + "(?:" + _trie(rests) + ")")
    return "|".join(alternatives)
