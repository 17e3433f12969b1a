"""Where cue matches can start: proved literal prefixes find exactly what ``finditer`` finds."""

from __future__ import annotations

import random
from typing import Any

import pytest

from intimacy_rules.analysis.cue_prefixes import (
    literal_prefixes,
    prefix_scanner,
)
from intimacy_rules.analysis.cue_rules import (
    LabelRules,
    TriggerWords,
    _spans,
    clause_starts,
    message_words,
)
from intimacy_rules.analysis.flag_patterns import FLAG_RULES
from intimacy_rules.analysis.safety_patterns import SAFETY_RULES
from intimacy_rules.analysis.text import normalize


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        (r"\byou'?ll regret\b", {"you'll r", "youll re"}),
        # An optional piece: a match starts through it or skips it.
        (
            r"i(?:'?d| would)? (?:really |so ){0,2}want",
            {"i'd real", "i'd so ", "i'd want", "id reall", "id so ", "id want"}
            | {"i would ", "i really", "i so ", "i want"},
        ),
        # Each path reads on as far as it is literal ("took pil"), whatever the others do.
        (
            r"(?:(?:took|swallowed) pills|if i (?:was|were) gone)",
            {"took pil", "swallowe", "if i was", "if i wer"},
        ),
        (r"(?<!i )should(?:n'?t)?\b", {"should"}),
        (r"(?:crash|crashing)", {"crash"}),  # the longer one is redundant
        (r"[^.]{0,20}about", None),  # could start anywhere
        (r"(?:a|)", None),  # could match nothing
        (r"(?i)you", None),  # flags change what matches
    ],
)
def test_literal_prefixes_are_proved_or_refused(pattern: str, prefixes: set[str] | None) -> None:
    found = literal_prefixes(pattern)
    assert (None if found is None else set(found)) == prefixes


@pytest.mark.parametrize(
    "prefixes",
    [{"a"}, {"ab", "b"}, {"ab", "ba", "u x", "x."}, {"you", "yu", "u", "ya"}, {".", "(", "a+"}],
)
def test_prefix_scanner_finds_every_place_a_prefix_occurs(prefixes: set[str]) -> None:
    scanner = prefix_scanner(frozenset(prefixes))
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(["a", "b", " ", "u", "x", ".", "y", "(", "+"]) for _ in range(20))
        expected = [i for i in range(len(text)) if text.startswith(tuple(prefixes), i)]
        found, at = [], scanner.search(text)
        while at is not None:
            found.append(at.start())
            at = scanner.search(text, at.start() + 1)
        assert found == expected, text


def test_clause_starts_skip_softeners_and_keep_every_opening() -> None:
    norm = normalize("So, just try it. Tell me; lol ok fine")
    starts = clause_starts(norm)
    # "So, just try": both the text's start and the comma open onto "try".
    assert starts["try"] == (norm.index("try"), norm.index("try"))
    assert starts["tell"] == (norm.index("tell"),)
    assert starts["fine"] == (norm.index("fine"),)
    assert "so" not in starts


@pytest.mark.parametrize(
    "text",
    ["ok🙂I'm here!!", "", "  you never listen", "café au lait, you're", "I'll\u2019 go\n\nnow"],
)
def test_trigger_words_are_the_triggers_among_the_message_words(text: str) -> None:
    triggers = frozenset({"i'm", "here", "you", "never", "go", "now", "caf", "au", "you're"})
    norm = normalize(text)
    assert TriggerWords(triggers).present(norm) == triggers & message_words(norm)


def _finditer_spans(compiled: Any, text: str) -> list[tuple[int, int]]:
    """What a cue finds by scanning its whole pattern, as it did before prefix scanners."""
    if compiled.needs and not any(part in text for part in compiled.needs):
        return []
    spans = []
    for match in compiled.regex.finditer(text):
        start = match.start(1)
        if compiled.left_boundary and start > 0:
            before = text[start - 1]
            if before.isalnum() or before in "_'":
                continue
        spans.append((start, match.end(1)))
    return spans


@pytest.mark.parametrize("table", [*FLAG_RULES, *SAFETY_RULES], ids=lambda rules: rules.label)
def test_every_cue_finds_through_its_scanner_what_a_full_scan_finds(table: LabelRules) -> None:
    # Texts made of the cue's own literal prefixes, glued to each other and to
    # filler in every way (mid-word, overlapping, repeated): the places where a
    # scanner could go wrong. A match must come out the same either way.
    rng = random.Random(29)
    filler = ["you ", "i ", "the ", "so ", ", ", ". ", "a", "x", "'", " ", "me", "us "]
    for compiled in table._compiled:
        if compiled.clause:
            continue
        prefixes = sorted(literal_prefixes(compiled.regex.pattern, 1000) or ())
        for _ in range(40):
            text = "".join(rng.choices(prefixes + filler, k=rng.randint(1, 12)))
            expected = _finditer_spans(compiled, text)
            assert _spans(compiled, text) == expected, (compiled.cue.name, text)
