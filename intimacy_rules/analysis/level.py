"""Grade one message's depth, 0-4, as ``spec/criteria.md`` section 1 defines it.

The level is the deepest disclosure in the message: each feeling the speaker
owns is graded by its object, its time and its anchor (``targets``); a fact
about the speaker gives 1; nothing gives 0. The result carries the span and
the reason of the disclosure that set the level, for the evidence.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from intimacy_rules.analysis.anchors import anchor_near
from intimacy_rules.analysis.facts import find_fact, weighs_as_life_information
from intimacy_rules.analysis.feelings import FeelingHit, find_feelings
from intimacy_rules.analysis.lexicon import PLEASANT_FEELINGS, word_regex
from intimacy_rules.analysis.scan import clause_starts, subject_positions
from intimacy_rules.analysis.targets import Target, find_target, look_back
from intimacy_rules.analysis.thought import FeelLike, find_feel_like

__all__ = ["LevelResult", "grade"]

# Feelings of self-worth are about the speaker, whatever event came with them.
_SELF_WORTH: Final = re.compile(
    r"\b(?:worthless|useless|inadequate|stupid|dumb|ugly|insecure|pathetic|a\s+failure|"
    r"a\s+burden|not\s+good\s+enough|shy|awkward|self-conscious|unlovable|unworthy)\b"
)
_SELF_CONSCIOUS: Final = re.compile(
    r"\b(?:ashamed|guilty|embarrassed|regret|regretful|remorseful|mortified|sorry|awful|"
    r"terrible|bad)\b"
)
# The object is the speaker's own act: "of my drinking", "for skipping", "about how I".
_OWN_ACT: Final = re.compile(
    r"\s*(?:about|of|for|over|at|with)?\s*(?:my\s+|having\s+)?[a-z]+ing\b|"
    r"\s*(?:about|of|for)\s+(?:how|what)\s+i\b"
)
# After a comma in the same sentence, within a few words: "our", "we", "us".
_NEXT_CLAUSE_US: Final = re.compile(
    r"[^,.!?;\n]{0,40},\s+(?:[a-z']+\s+){0,4}?(?:our|we|we're|we've|us)\b"
)
_BECAUSE_OF_YOU: Final = re.compile(
    r"[^,.!?;\n]{0,30}?\b(?:because\s+of|thanks\s+to|cause\s+of|cuz\s+of)\s+(?:you|u)\b"
)
_OBJECT_PREPOSITION: Final = re.compile(
    r"(?<![\w'])(?:about|around|with|toward|towards|near|because)\b|[,.!?;\n]"
)
_EAGER: Final = re.compile(
    r"(?:wait|dying\s+to|excited|eager|stoked|pumped|psyched|hyped|keen|thrilled)$"
)
_PLEASANT_WORD: Final = re.compile(rf"(?<![\w'])(?:{word_regex(PLEASANT_FEELINGS)})(?![\w'])")
# A negation before the feeling ("not proud", "never felt safe"), but not
# "can't stop smiling", "can't help smiling", "can't wait".
_NEGATION: Final = re.compile(
    r"(?<![\w'])(?:not|never|no\s+longer|hardly|barely|don't|dont|didn't|didnt|doesn't|doesnt"
    r"|isn't|isnt|wasn't|wasnt|aren't|arent|weren't|werent|haven't|havent|hasn't|hasnt|hadn't"
    r"|won't|wont|wouldn't|wouldnt|ain't|aint|can't|cant|cannot|couldn't|couldnt)"
    r"(?![\w'])(?!\s+(?:stop|help|wait)\b)"
)
# "[,.!?;\n]|\s(?:and|…)\s" written to open with one class, which ``re`` skips
# to in C (an alternation of classes is tried at every character); the same matches.
_CLAUSE_END: Final = re.compile(
    r"[,.!?;\n\s](?:(?<=[,.!?;\n])|(?<=\s)(?:and|but|so|because|cause|cuz)\s)"
)


class LevelResult(NamedTuple):
    """A message's level, whether it shares facts, and what set the level.

    ``thoughts`` are the spans of "I feel like/that + a proposition";
    ``rule_fact`` says whether the rules found a fact (``facts`` may also come
    from the fitted life-information weights); ``negative`` whether a feeling
    at the message's level is a painful one.
    """

    level: int
    facts: bool
    start: int
    end: int
    why: str
    thoughts: tuple[tuple[int, int], ...]
    rule_fact: bool = False
    #: A feeling disclosed at ``level`` (2 or more) is a painful one: not only
    #: pride, joy, relief or closeness (``_pleasant``).
    negative: bool = False


def _grade_feeling(norm: str, hit: FeelingHit) -> tuple[int, int, str]:
    """Level, span end and reason for one feeling."""
    target = hit.target
    t_end = hit.end
    if not target:
        if hit.cause_from >= 0:
            target = look_back(norm, hit.cause_from)[0]
            if target == "none":
                # "it hurts when you ignore me": the cause comes after the feeling.
                target, _, e = find_target(norm, hit.object_from)
                t_end = max(t_end, e)
        else:
            target, _, e = find_target(norm, hit.object_from)
            if e > 0:
                t_end = e
        if target in {"ref", "none"}:
            before = look_back(norm, hit.start)[0]
            if before != "none":
                target = before
            elif target == "ref":
                target = "none"
            elif _next_clause_is_about_us(norm, t_end):
                target = "us"  # "I'm so nervous, this is our first date"
            elif hit.dropped:
                target = _previous_sentence_topic(norm, hit.start)
    if target == "none" and hit.fallback:
        target = hit.fallback
    if target == "none" and _eager_for_activity(norm, hit):
        target = "third"  # "can't wait to go to Spain": looking forward to an event
    # Shame or guilt about one's own act ("guilty for skipping her party",
    # "ashamed of losing you") is a feeling about the self (spec section 1).
    if target in {"third", "partner", "us"} and _own_act_shame(norm, hit):
        target = "self"
    if target == "third" and _BECAUSE_OF_YOU.match(norm, t_end):
        target = "partner"  # "smiling at my phone because of you": the cause decides
    if target in {"partner", "us"}:
        if hit.past and anchor_near(norm, hit.start, t_end)[0] != "exchange":
            return 3, t_end, "past feeling about the partner or the relationship"
        return 4, t_end, "present feeling toward the partner or the two of them"
    if target == "third" and _SELF_WORTH.search(norm, hit.start, hit.end) is None:
        return 2, t_end, "feeling about things, events or third parties"
    if target == "third":
        target = "self"  # "useless after the layoff": worth is about the self (spec §1)
    # Only a feeling about the self, or with no object, can be lifted to 4 by an
    # anchor to this exchange, so only these pay for the anchor search.
    anchor, a_start, a_end = ("", -1, -1) if hit.past else anchor_near(norm, hit.start, t_end)
    if anchor and a_end > t_end and a_start - t_end < 60:
        t_end = a_end
    if target == "self":
        if anchor == "exchange":
            return 4, t_end, "feeling about themself, anchored to this exchange"
        return 3, t_end, "feeling about themself"
    if anchor:
        return 4, t_end, "present feeling anchored to this moment"
    return 3, t_end, "feeling state with no outside object"


def _previous_sentence_topic(norm: str, start: int) -> Target:
    """The topic of the sentence just before ``start`` ("GOT THE JOB!!! so happy")."""
    cut = max(norm.rfind(ch, max(0, start - 40), start) for ch in ".!?\n")
    if cut < 0 or norm[cut:start].strip(" .!?\n"):
        return "none"  # not right after a sentence end
    while cut > 0 and norm[cut - 1] in ".!?\n":
        cut -= 1
    return look_back(norm, cut)[0]


def _next_clause_is_about_us(norm: str, pos: int) -> bool:
    """Whether the next clause of the sentence names the two of them ("our", "we")."""
    m = _NEXT_CLAUSE_US.match(norm, pos)
    return m is not None


def _eager_for_activity(norm: str, hit: FeelingHit) -> bool:
    """Whether the feeling is eagerness for something to do ("dying to try it")."""
    return _EAGER.search(norm, max(hit.start, hit.end - 12), hit.end) is not None and (
        norm.endswith("to", hit.start, hit.end) or norm.startswith(" to ", hit.end)
    )


def _own_act_shame(norm: str, hit: FeelingHit) -> bool:
    return (
        _SELF_CONSCIOUS.search(norm, hit.start, hit.end) is not None
        and _OWN_ACT.match(norm, hit.object_from) is not None
    )


def _feel_like_hit(norm: str, item: FeelLike) -> FeelingHit:
    """A "feel like crying"/"feel like a mess" feeling: its object, if any, follows a
    preposition ("like an idiot around you"); the words before it are the feeling."""
    m = _OBJECT_PREPOSITION.search(norm, item.end, min(len(norm), item.end + 40))
    object_from = m.start() if m is not None else _clause_end(norm, item.end)
    return FeelingHit(item.start, item.end, object_from, False, -1, "")


def _clause_end(norm: str, pos: int) -> int:
    stop = _CLAUSE_END.search(norm, pos, min(len(norm), pos + 120))
    return stop.start() if stop is not None else min(len(norm), pos + 120)


def grade(norm: str) -> LevelResult:
    """Grade normalised text (``text.normalize`` output)."""
    best = (0, 0, 0, "")
    subjects = subject_positions(norm)
    speaks = bool(subjects)
    clauses = clause_starts(norm)
    feel_like = find_feel_like(norm, subjects, clauses)
    thoughts: tuple[tuple[int, int], ...] = ()
    hits = find_feelings(norm, subjects, clauses)
    if feel_like:  # most messages have none: skip the bookkeeping for them
        thoughts = tuple((t.start, t.end) for t in feel_like if t.kind == "thought")
        hits.extend(_feel_like_hit(norm, t) for t in feel_like if t.kind == "feeling")
    joined_until = -10  # end of the last feeling graded, far before the text
    negative = False  # a feeling at the best level so far is a painful one
    for hit in hits:
        if thoughts and _inside(norm, hit.start, thoughts):
            continue  # a feeling word inside "I feel like ..." belongs to the thought
        if 0 <= hit.start - joined_until <= 2:
            continue  # "so happy I could cry": the second part only says how much
        joined_until = hit.end
        level, end, why = _grade_feeling(norm, hit)
        if level >= 2 and (level > best[0] or (level == best[0] and not negative)):
            negative = not _pleasant(norm, hit.start, hit.end)
        if level > best[0]:
            best = (level, hit.start, end, why)
            if level == 4:
                break
    # An "I" that opened a feeling ("im falling for you") opens no fact as well.
    if hits and subjects:
        felt = {hit.start for hit in hits}
        subjects = [p for p in subjects if p not in felt]
    if thoughts:  # "I feel like we never go out": the thought's clause tells no fact
        subjects = [p for p in subjects if not _inside(norm, p, thoughts)]
    fact = find_fact(norm, subjects, clauses)
    if best[0] == 0 and fact is not None:
        best = (1, fact[0], fact[1], "personal fact about the speaker")
    level, start, end, why = best
    if level == 0:
        why = "no self-disclosure found"
        start, end = 0, len(norm)
    facts = fact is not None or (
        # Only first-person text can weigh as life information: skip the rest cheaply.
        (speaks or "my" in norm or "me" in norm or "us" in norm or "our" in norm)
        and weighs_as_life_information(norm, feeling=level >= 2)
    )
    # ``negative`` is only ever set by a feeling graded 2 or more, and the level never falls.
    return LevelResult(level, facts, start, end, why, thoughts, fact is not None, negative)


def _pleasant(norm: str, start: int, end: int) -> bool:
    """Whether the feeling stated in ``norm[start:end]`` is a pleasant one, not negated.

    "I'm so proud of myself" is; "I'm not proud of it", "I've never felt
    safe" and "I feel worthless" are not. "can't stop smiling" negates nothing.
    """
    found = _PLEASANT_WORD.search(norm, start, end)
    return found is not None and _NEGATION.search(norm, start, found.start()) is None


def _inside(norm: str, pos: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``pos`` lies in the clause of one of the thoughts at ``spans``."""
    for start, end in spans:
        if start <= pos:
            stop = _CLAUSE_END.search(norm, end, end + 120)
            if pos < (stop.start() if stop else end + 120):
                return True
    return False
