"""The machinery the flag and safety detectors share: cue rules, guards, scanning.

A label (``threat``, ``advice``…) is a ``LabelRules``: a handful of named phrase
patterns compiled into one alternation, a set of trigger words that must occur
in the message before that alternation is even tried, and per-pattern guards
that veto a match in context (a reported threat, a negation, a joke).

Why this shape:

* speed: most messages contain no trigger word of most labels, so the only
  work done for them is one tokenisation (a byte translation and a split,
  shared and cached) and a few set-disjointness tests. A regex scan costs a
  couple of hundred machine instructions per character, ``str.find`` about
  one: so a cue whose matches provably start with a few literals
  (``cue_prefixes``) is only tried where they occur, a guard whose literals
  are absent from its window is not run, and clause starts are found by one
  scan that skips to the marks;
* safety of cost: every pattern is built from bounded pieces (no nested
  quantifiers) and guards look at a bounded window, so cost stays linear in
  the length of the text;
* explanations: each pattern has a name and a reason, and the reason goes into
  the ``Finding`` so the analyzer's evidence says which cue fired.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal, get_args

from intimacy_rules.analysis.cue_prefixes import literal_prefixes, prefix_scanner
from intimacy_rules.analysis.text import Finding
from intimacy_rules.analysis.word_classes import (
    GAME_CONTEXT,
    JOKE_MARKERS,
    LAUGHTER,
    NEGATION_BEFORE,
    REPORTED_BEFORE,
    TEASING,
)
from intimacy_rules.errors import ConfigurationError

__all__ = [
    "Accept",
    "Cue",
    "Guard",
    "LabelRules",
    "TriggerWords",
    "clause_starts",
    "message_tokens",
    "message_words",
    "restretch",
    "triggers_of",
    "unstretched",
]

#: What can veto a cue: a negation or a reporting verb just before it, the
#: sentence being a question, or a joke, laughter, affection or a game near it.
Guard = Literal["negated", "reported", "joke", "laughing", "teasing", "game", "question"]
_GUARDS: Final[frozenset[str]] = frozenset(get_args(Guard))

# Everything but letters, digits and apostrophes separates words for the
# trigger test; emoji become separators, which is what we want there.
_SEPARATORS: Final = re.compile(r"[^a-z0-9']+")

#: How far back (in characters, within the sentence) guards look.
_LOOKBACK: Final = 60
_SENTENCE_MARK: Final = re.compile(r"[.!?\n]")
_GUARD_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "negated": NEGATION_BEFORE,
    "reported": REPORTED_BEFORE,
}


@lru_cache(maxsize=64)
def message_words(norm: str) -> frozenset[str]:
    """The set of words in normalised text (cached: both detectors ask for it)."""
    return frozenset(_SEPARATORS.split(norm))


# ``_SEPARATORS`` as a byte translation: every byte that is not a word
# character becomes a space, and so does every byte of a non-ASCII character
# in UTF-8 (all of them are >= 0x80), exactly as the regex treats them.
_WORD_BYTES: Final = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789'")
_BYTE_SEPARATORS: Final = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))


@lru_cache(maxsize=64)
def message_tokens(norm: str) -> list[bytes]:
    """The words of ``norm`` as UTF-8 bytes (cached per message; do not mutate).

    The same words as ``message_words`` minus the empty one, found by one byte
    translation and one split, both in C: several times cheaper than the
    regex on chat-length text. Detectors intersect them with trigger words
    kept as bytes (``TriggerWords``) and decode only the few that occur.
    """
    return norm.encode("utf-8", "surrogatepass").translate(_BYTE_SEPARATORS).split()


class TriggerWords:
    """A family's trigger words, tested against a message's tokens in one C call."""

    __slots__ = ("_bytes", "_names")

    def __init__(self, words: Iterable[str]) -> None:
        """Keep ``words`` as UTF-8 bytes, the form ``message_tokens`` returns."""
        self._names = {word.encode("utf-8", "surrogatepass"): word for word in words}
        self._bytes = frozenset(self._names)

    def present(self, norm: str) -> frozenset[str]:
        """The trigger words that occur in ``norm`` (what ``triggers & message_words`` is)."""
        found = self._bytes.intersection(message_tokens(norm))
        if not found:
            return frozenset()
        # A dict lookup in C per word, not a decode through a generator.
        return frozenset(map(self._names.__getitem__, found))


@dataclass(frozen=True)
class Cue:
    """One named phrase pattern of a label, the reason it gives, and its guards.

    ``anchors`` lists words of which every match contains at least one: the
    pattern is only run when one of them occurs in the message. ``pattern`` is
    a regular expression over normalised text that must not nest quantifiers.
    ``guards`` is a space-separated list of ``Guard`` names. A ``clause_start``
    cue only matches at the start of a sentence or clause (imperatives).
    ``needs`` optionally lists, separated by ``|``, substrings of which every
    match contains one: a cheap test before the pattern runs.
    """

    name: str
    anchors: str
    pattern: str
    why: str
    guards: str = ""
    clause_start: bool = False
    needs: str = ""


#: A detector's own veto: given the cue and its span, keep the match or not.
Accept = Callable[[Cue, int, int], bool]

# What may stand before a clause-initial cue: a sentence mark, or a comma with
# a conjunction ("…, so just try…"); then spaces or quotes.
# Where a clause starts: after a sentence mark or a comma, past quotes and
# a conjunction or softener or two ("…, so just try…").
_SOFTENER_WORDS: Final = (
    "so and but then or just maybe honestly seriously please pls plz definitely also lastly "
    "first firstly finally now ok okay lol lmao omg ugh wow haha hahaha tbh ngl"
)
_SOFTENERS: Final = frozenset(_SOFTENER_WORDS.split())
# A run of clause marks and the first word after it. Marks are never word
# characters nor quotes, so one ``finditer`` yields exactly the words the
# runs of marks open, in order; opening with a character class lets ``re``
# skip in C to the next mark instead of trying every character.
# (Written "[m][m]*", not "[m]+", so that ``re`` sees the class it opens with.)
_CLAUSE_WORD: Final = re.compile(r"[.!?\n;:(,][.!?\n;:(,]*[ \"'*-]*([a-z0-9']+)")
_WORD_AT: Final = re.compile(r"[ \"'*-]*([a-z0-9']+)")
_GAP_AT: Final = re.compile(r",? +")


@lru_cache(maxsize=64)
def clause_starts(norm: str) -> dict[str, tuple[int, ...]]:
    """The first word of every clause in ``norm`` and where it starts (cached per message).

    Clauses start the message or follow a sentence mark or a comma; leading
    quotes and up to two softeners ("so just…", "lol ok…") are skipped.
    """
    starts: dict[str, list[int]] = {}
    first = _WORD_AT.match(norm)
    words = _CLAUSE_WORD.finditer(norm)
    for opening in words if first is None else itertools.chain((first,), words):
        key = opening.group(1)
        if key in _SOFTENERS:
            skipped = _past_softeners(norm, opening)
            if skipped is None:
                continue
            key, at = skipped.group(1), skipped.start(1)
        else:
            at = opening.start(1)
        found = starts.get(key)
        if found is None:
            starts[key] = [at]
        else:
            found.append(at)
    return {word: tuple(found) for word, found in starts.items()}


def _past_softeners(norm: str, word: re.Match[str]) -> re.Match[str] | None:
    """The word after up to two softeners ("so just try"), or ``None`` if there is none."""
    found: re.Match[str] | None = word
    for _ in range(2):
        if found is None or found.group(1) not in _SOFTENERS:
            break
        gap = _GAP_AT.match(norm, found.end())
        if gap is None:
            break
        found = _WORD_AT.match(norm, gap.end())
    return found


@dataclass(slots=True)
class _Compiled:
    cue: Cue
    anchors: frozenset[str]
    guards: frozenset[str]
    regex: re.Pattern[str]
    clause: bool  # tried only where a clause starts with one of its anchors
    left_boundary: bool  # a leading \b removed from the pattern, checked in Python
    needs: tuple[str, ...] = ()  # substrings of which a match contains one
    # Where a match can start: a pattern finding the literals every match
    # starts with (``cue_prefixes``), built on the cue's first run so importing
    # the tables stays cheap; None: the pattern is scanned with ``finditer``.
    scanner: re.Pattern[str] | None = None
    prefixes_ready: bool = False

    def prepare_prefixes(self) -> None:
        """Build the scanner of the literals the cue's matches start with, if they can be proved."""
        if not self.clause:
            found = literal_prefixes(self.regex.pattern, _MAX_PREFIXES)
            if found is not None:
                self.scanner = prefix_scanner(found)
        self.prefixes_ready = True


def _top_level_alternatives(pattern: str) -> int:
    """How many alternatives ``pattern`` has at nesting depth 0."""
    depth, count, i, in_class = 0, 1, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            count += 1
        i += 1
    return count


def _compile(cue: Cue) -> _Compiled:
    guards = frozenset(cue.guards.split())
    unknown = guards - _GUARDS
    if unknown:
        raise ConfigurationError(f"unknown guards {sorted(unknown)}", field=cue.name)
    anchors = frozenset(cue.anchors.split())
    if not anchors:
        raise ConfigurationError("a cue needs anchor words", field=cue.name)
    pattern, left_boundary = cue.pattern, False
    if cue.clause_start:
        # Anchors of a clause-initial cue are its first words: the pattern is
        # only tried where a clause starts with one of them.
        return _Compiled(
            cue, anchors, guards, re.compile("(" + pattern + ")"), True, False, _needs(cue)
        )
    # A leading \b stops the regex engine from jumping to the first literal,
    # which costs several times more on every message; check it in Python.
    if pattern.startswith("\\b") and _top_level_alternatives(pattern[2:]) == 1:
        pattern, left_boundary = pattern[2:], True
    return _Compiled(
        cue, anchors, guards, re.compile("(" + pattern + ")"), False, left_boundary, _needs(cue)
    )


def _needs(cue: Cue) -> tuple[str, ...]:
    """The ``|``-separated substrings of ``cue.needs`` (one of them is in every match)."""
    return tuple(part for part in cue.needs.split("|") if part)


class LabelRules:
    """The cues of one label, each compiled once and gated by its anchor words."""

    def __init__(
        self,
        label: str,
        cues: tuple[Cue, ...],
        reported: re.Pattern[str] | None = None,
    ) -> None:
        """Compile ``cues``; a label's trigger words are the union of their anchors.

        ``reported`` replaces the default ``reported`` guard pattern
        (``word_classes.REPORTED_BEFORE``) for this label's cues.
        """
        self.label = label
        self._guard_patterns: dict[str, re.Pattern[str]] = (
            _GUARD_PATTERNS if reported is None else {**_GUARD_PATTERNS, "reported": reported}
        )
        if len({cue.name for cue in cues}) != len(cues):
            raise ConfigurationError("duplicate cue names", field=label)
        self._compiled = tuple(_compile(cue) for cue in cues)
        self.triggers: frozenset[str] = frozenset().union(*(c.anchors for c in self._compiled))
        # word -> positions of the cues it anchors, so a message only pays for
        # the cues its own words can start; clause-initial cues are indexed
        # apart, by the words that open a clause.
        index: dict[str, list[int]] = {}
        clause_index: dict[str, list[int]] = {}
        for position, compiled in enumerate(self._compiled):
            for word in compiled.anchors:
                target = clause_index if compiled.clause else index
                target.setdefault(word, []).append(position)
        self._index = {word: tuple(positions) for word, positions in index.items()}
        self._clause_index = {word: tuple(found) for word, found in clause_index.items()}
        self._word_triggers = frozenset(self._index)
        self._clause_triggers = frozenset(self._clause_index)

    def _positions(self, norm: str, words: AbstractSet[str]) -> Sequence[int]:
        """The cues worth trying on ``norm``, in their order."""
        present = self.triggers.intersection(words)
        if not present:
            return ()
        if len(present) == 1:
            # The common case: one trigger word, whose cues are already in order.
            (word,) = present
            found = self._index.get(word, ())
            if word in self._clause_triggers and word in clause_starts(norm):
                return sorted({*found, *self._clause_index[word]})
            return found
        positions = {p for word in present & self._word_triggers for p in self._index[word]}
        opening = present & self._clause_triggers
        if opening:
            # keys() on the left: ``frozenset & keys()`` is a set at run time but a
            # frozenset to mypy, and the compiled build checks the declared type.
            for word in clause_starts(norm).keys() & opening:
                positions.update(self._clause_index[word])
        return sorted(positions)

    @property
    def cues(self) -> tuple[Cue, ...]:
        """The cues, in the order they are tried."""
        return tuple(c.cue for c in self._compiled)

    def applies(self, words: frozenset[str]) -> bool:
        """Whether any trigger word occurs, so the patterns are worth running."""
        return not self.triggers.isdisjoint(words)

    def find(
        self,
        norm: str,
        words: AbstractSet[str] | None = None,
        accept: Accept | None = None,
    ) -> Finding | None:
        """Return the first match no guard vetoes as a ``Finding``, or ``None``.

        ``words`` are the message's words (or any subset holding all the
        trigger words it contains); ``accept(cue, start, end)`` lets a detector
        veto a match with knowledge the rules lack (e.g. another label already
        covers that span).
        """
        if words is None:
            words = message_words(norm)
        if self.triggers.isdisjoint(words):
            return None  # most labels, most messages: no call beyond this test
        for position in self._positions(norm, words):
            compiled = self._compiled[position]
            for start, end in _spans(compiled, norm):
                if compiled.guards and _vetoed(
                    compiled.guards, norm, start, end, self._guard_patterns
                ):
                    continue
                if accept is not None and not accept(compiled.cue, start, end):
                    continue
                return Finding(self.label, start, end, compiled.cue.why)
        return None

    def find_all(
        self,
        norm: str,
        words: AbstractSet[str] | None = None,
        accept: Accept | None = None,
        per_cue: int = 32,
    ) -> list[tuple[Cue, int, int]]:
        """The matches no guard vetoes, as (cue, start, end), cue by cue.

        At most ``per_cue`` matches of each cue are kept (the first ones), so
        a huge text repeating one phrase costs a scan, not a pile of guards.
        """
        if words is None:
            words = message_words(norm)
        hits: list[tuple[Cue, int, int]] = []
        if self.triggers.isdisjoint(words):
            return hits
        for position in self._positions(norm, words):
            compiled = self._compiled[position]
            kept = 0
            for start, end in _spans(compiled, norm):
                if compiled.guards and _vetoed(
                    compiled.guards, norm, start, end, self._guard_patterns
                ):
                    continue
                if accept is not None and not accept(compiled.cue, start, end):
                    continue
                hits.append((compiled.cue, start, end))
                kept += 1
                if kept >= per_cue:
                    break
        return hits


def triggers_of(rules: Iterable[LabelRules]) -> frozenset[str]:
    """Every trigger word of a family of labels: one set test gates them all."""
    return frozenset().union(*(r.triggers for r in rules))


def _spans(compiled: _Compiled, norm: str) -> list[tuple[int, int]]:
    """The spans where a compiled cue matches, in text order."""
    spans: list[tuple[int, int]] = []
    # A plain substring test is far cheaper than running the pattern.
    if compiled.needs:
        for part in compiled.needs:
            if part in norm:
                break
        else:
            return spans
    if compiled.clause:
        starts = clause_starts(norm)
        for word in starts.keys() & compiled.anchors:
            for position in starts[word]:
                match = compiled.regex.match(norm, position)
                if match is not None:
                    spans.append(match.span(1))
        return sorted(spans)
    if not compiled.prefixes_ready:
        compiled.prepare_prefixes()
    check = compiled.left_boundary
    scanner = compiled.scanner
    if scanner is None:
        matches: Iterable[re.Match[str]] = compiled.regex.finditer(norm)
    else:
        # A scan of the cue's pattern tries its whole alternation at every
        # character; the scanner skips in C to where a match can start, and
        # the pattern is tried only there. These are the matches ``finditer``
        # finds: the same leftmost, non-overlapping ones, since no match can
        # start anywhere else and ``match`` sees the text around it.
        search = scanner.search
        found = search(norm)
        if found is None:
            return spans
        match_at = compiled.regex.match
        matched: list[re.Match[str]] = []
        tried = 0
        pos = 0
        while found is not None:
            start = found.start()
            match = match_at(norm, start)
            if match is None:
                pos = start + 1
            else:
                matched.append(match)
                pos = match.end()
            tried += 1
            if tried >= _MAX_CANDIDATES:
                # So many places (a long text) that one scan from here is cheaper.
                matched.extend(compiled.regex.finditer(norm, pos))
                break
            found = search(norm, pos)
        matches = matched
    for match in matches:
        start = match.start(1)
        if check and start > 0:
            before = norm[start - 1]
            if before.isalnum() or before in "_'":
                continue
        spans.append((start, match.end(1)))
    return spans


#: Beyond this many prefixes a cue is scanned by its regex instead.
_MAX_PREFIXES: Final = 1000
#: Beyond this many possible starts, one regex scan is cheaper than trying each.
_MAX_CANDIDATES: Final = 32


def _sentence_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    """The bounded window of the sentence around ``[start, end)``."""
    lo = max(0, start - _LOOKBACK)
    before = norm[lo:start]
    # The last sentence mark before the cue starts its sentence.
    cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind("\n"))
    if cut >= 0:
        lo += cut + 1
    hi_window = norm[end : end + _LOOKBACK]
    stop = _SENTENCE_MARK.search(hi_window)
    hi = end + (stop.start() if stop else len(hi_window))
    return lo, hi


#: Per guard pattern, literals one of which every match starts with (read
#: on first use): a guard whose literals are all absent cannot match, and
#: ``in`` tests cost far less than a regex scan of the window.
#: Keyed by the pattern's source: hashing a compiled pattern hashes its whole
#: program on every lookup (~9.5k instructions), a string caches its hash.
_GUARD_PREFIXES: dict[str, tuple[str, ...] | None] = {}


def _occurs(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text) is not None``, skipping the scan when it cannot match."""
    source = pattern.pattern
    try:
        prefixes = _GUARD_PREFIXES[source]
    except KeyError:
        found = literal_prefixes(source)
        prefixes = None if found is None else tuple(sorted(found))
        _GUARD_PREFIXES[source] = prefixes
    if prefixes is not None:
        for prefix in prefixes:
            if prefix in text:
                break
        else:
            return False
    return pattern.search(text) is not None


def _vetoed(
    guards: frozenset[str],
    norm: str,
    start: int,
    end: int,
    patterns: dict[str, re.Pattern[str]] = _GUARD_PATTERNS,
) -> bool:
    lo, hi = _sentence_bounds(norm, start, end)
    before = norm[lo:start]
    for guard in guards:
        pattern = patterns.get(guard)
        if pattern is not None and _occurs(pattern, before):
            return True
    if "question" in guards and norm[hi : hi + 1] == "?":
        return True
    # Jokes and games colour the whole message, not one sentence: "haha now I
    # know where you live 👀 jk" marks the joke after the cue.
    near = norm[max(0, start - 2 * _LOOKBACK) : end + 2 * _LOOKBACK]
    if "joke" in guards and _occurs(JOKE_MARKERS, near):
        return True
    if "laughing" in guards and _occurs(LAUGHTER, near):
        return True
    if "teasing" in guards and _occurs(TEASING, near):
        return True
    return "game" in guards and _occurs(GAME_CONTEXT, near)


_STRETCHED: Final = re.compile(r"([a-z])\1\1+")


#: Past this many runs of three equal non-letters, the pattern looks instead.
_MAX_NON_LETTER_RUNS: Final = 8


def _has_stretched(norm: str) -> bool:
    """``_STRETCHED.search(norm) is not None``, in a few C calls instead of a regex
    tried at every letter (most messages stretch nothing).

    In UTF-8 every character outside ASCII is made of bytes >= 0x80, so three
    equal bytes in a-z are three equal letters; XOR-ing the bytes with the
    same bytes shifted by one leaves a zero byte wherever two neighbours are
    equal, and two zero bytes in a row where three are.
    """
    data = norm.encode("utf-8", "surrogatepass")
    if len(data) < 3:
        return False
    same = (int.from_bytes(data[:-1], "big") ^ int.from_bytes(data[1:], "big")).to_bytes(
        len(data) - 1, "big"
    )
    at = same.find(b"\0\0")
    for _ in range(_MAX_NON_LETTER_RUNS):
        if at < 0:
            return False
        if 0x61 <= data[at] <= 0x7A:  # a-z
            return True
        at = same.find(b"\0\0", at + 1)
    # Many runs of one non-letter ("!!!!!!…"): let the pattern skip them in C.
    return at >= 0 and _STRETCHED.search(norm) is not None


@lru_cache(maxsize=64)
def unstretched(norm: str) -> tuple[str, tuple[int, ...] | None]:
    """``norm`` with letters stretched for emphasis squeezed ("sooo" -> "so").

    Returns the squeezed text and, when anything was squeezed, where each of
    its characters came from in ``norm`` (plus the end), so spans found in the
    squeezed text can be mapped back with ``restretch``.
    """
    if not _has_stretched(norm):
        return norm, None
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _STRETCHED.finditer(norm):
        pieces.append(norm[last : match.start()])
        origin.extend(range(last, match.start()))
        pieces.append(match.group(1))
        origin.append(match.start())
        last = match.end()
    pieces.append(norm[last:])
    origin.extend(range(last, len(norm)))
    origin.append(len(norm))
    return "".join(pieces), tuple(origin)


def restretch(findings: list[Finding], origin: tuple[int, ...] | None) -> list[Finding]:
    """Map findings on the squeezed text back to spans of the original text."""
    if origin is None:
        return findings
    # A squeezed character stands for its whole run, so an end maps to where
    # the next character came from.
    return [f._replace(start=origin[f.start], end=origin[f.end]) for f in findings]
