"""What a feeling is about: the partner, the two of them, the self, or a third party.

``spec/criteria.md`` section 1 grades a feeling by its object and its time:
about the partner or the two of them (4 when present, 3 when past), about
the speaker themself (3; 4 when anchored to this exchange, "ashamed telling
you this"), about things, events or third parties (2). The object is the
first thing named after the feeling ("angry at my boss", "scared of losing
you"); a causative's object is its cause ("my sister's wedding stressed me
out"); "it"/"this" and objectless feelings look back within the sentence.
All windows are bounded, so the cost per feeling is constant. Whether a
feeling is anchored to this exchange is ``anchors``' business.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from intimacy_rules.analysis.lexicon import words
from intimacy_rules.analysis.patterns import ADVERB_WORDS

__all__ = ["Target", "find_target", "look_back"]

Target = Literal["partner", "us", "self", "third", "ref", "none"]

_WINDOW: Final = 120
# An object follows its feeling within a few words; a shorter look ahead keeps
# the word walk short (the clause usually ends sooner anyway).
_AHEAD: Final = 80

_PERSON_NOUNS: Final = words(
    """
    mom mum mother dad father parent parents sister brother sibling siblings son daughter
    kid kids children child baby wife husband girlfriend boyfriend gf bf partner ex friend
    friends bestie family boss manager coworker coworkers colleague colleagues roommate
    roommates grandma grandpa grandmother grandfather aunt uncle cousin niece nephew teacher
    therapist doctor landlord neighbor neighbors neighbour neighbours dog cat pet guy guys
    girl man woman people team class relative relatives in-laws folks stepdad stepmom twin
    """
)
_PARTNER: Final = words("you u ya yourself youre you're you've youve you'll y'all yall")
_US: Final = words("us we we're we've ours ourselves together")
_SELF_SUBJECT: Final = words("i i'm im i've ive i'd id")
_SELF_NOUNS: Final = words(
    """
    own body weight looks face skin hair appearance self future past life mistake mistakes
    choices behavior behaviour actions decisions reaction reactions temper anxiety
    depression health grades performance mind teeth nose smile voice legs arms stomach
    belly thighs chest butt ears eyes acne scars height accent stutter laugh english
    handwriting cooking driving singing dancing writing
    """
)
_THIRD_WORDS: Final = (
    words(
        """
        he she they him them he's she's they're hes shes theyre work school college uni
        job money people everyone everybody someone somebody news world politics weather
        exam exams test tests interview wedding party game movie show book song music food
        election rent bills
        """
    )
    | _PERSON_NOUNS
)
_POSSESSIVE_THIRD: Final = words("his her their")
_DETERMINERS: Final = words("the that this these those a an some every any")
_NOT_A_NOUN: Final = words(
    """
    i you we he she they it me us him them is was are were for to of in on at with about
    and or but so if when because as by from
    """
)
_FEEL_FORMS: Final = words("feel felt feels feeling")
_COMPARED: Final = words("my his her their a an the your")
# "in"/"on" name a setting ("anxious in crowds"), not what the feeling is about.
_OBJECT_VERBS: Final = words(
    "love loved hate hated miss missed adore adored enjoy enjoyed dread dreaded luv despise"
    " dreading loving hating adoring enjoying missing"
)
_PREPOSITIONS: Final = words("about of at with for by over")
# Words after a preposition that name no outside thing ("sick of everything").
_NOT_OBJECTS: Final = ADVERB_WORDS | words(
    """
    all everything nothing anything something how what why when where who whom whether
    being having me myself so much too really just even still again now ages hours days
    weeks months years life while
    """
)
_HEDGES: Final = words("guess think mean suppose know feel bet hope reckon")
_NO_NOUN_AFTER: Final = (
    _NOT_A_NOUN
    | _PARTNER
    | _US
    | _SELF_SUBJECT
    | words("i'll i'd he'll she'll they'll we'll u'll he'd she'd they'd we'd one")
)
_FOR_SOMEONE: Final = words("feel care love like need want miss")
_REFS: Final = words("it this that which")
_CLAUSE_WORDS: Final = words("but because cause cuz though although while")
_TIME_ONE: Final = words(
    """
    today tonight lately anymore now rn again sometimes tbh ngl lol haha honestly anyway
    yesterday ago too
    """
)
_TIME_AFTER: Final = {
    "right": words("now"),
    "a": words("lot"),
    "so": words("much"),
    "last": words(
        "night week year month time weekend summer spring fall autumn winter christmas"
        " monday tuesday wednesday thursday friday saturday sunday"
    ),
    "this": words("morning afternoon evening week weekend month year time"),
    "that": words("day night time"),
    "these": words("days weeks months years nights past"),
    "past": words("few week weeks month months year years"),
    "all": words("the"),
    "the": words("time moment past last other whole first"),
    "some": words("days nights mornings times weeks"),
    "most": words("days nights mornings times"),
    "every": words("day night morning time week single"),
    "other": words("days times"),
}
# "that first year", "the first week": an ordinal between the determiner and the time.
_FIRST_TIME: Final = words("day night week month year weekend summer winter time date")
_EVENT_NOUNS: Final = words(
    "test tests exam exams lesson lessons class classes appointment appointments interview"
    " instructor teacher coach results scan surgery check-up checkup recital competition"
)
_LIFE_STAGES: Final = words(
    "teens twenties thirties forties fifties youth childhood 20s 30s 40s 50s early mid late"
)
_TIME_PREPOSITIONS: Final = words("since after")
_EVENT_AFTER_WHAT: Final = words("happened happens went goes")
_CLAUSE_PUNCT: Final = frozenset(".!?;,\n")
_SUBJECT_AFTER_THAT: Final = words(
    "i i'm im i'll i'd i've you u ur youre you're you'll you've you'd we we're we'll we've he"
    " he's he'll she she's she'll they they're they'll it it's its my your our his her their"
)
_TOKEN: Final = re.compile(r"[a-z0-9][a-z0-9'-]*|[.!?;,\n\u2600-\u27bf\U0001f300-\U0001faff]")
# "[;,]\s|\s(?:but|…)\s" written to open with one class, which ``re`` skips to
# in C (an alternation of classes is tried at every character); the same matches.
_CLAUSE_BREAK: Final = re.compile(
    r"[;,\s](?:(?<=[;,])\s|(?<=\s)(?:but|because|cause|cuz|though|although|while)\s)"
)


# Every word the walk treats specially; any other word is skipped at once
# (or, after a preposition, taken as a bare object).
_MARKERS: Final = (
    _CLAUSE_WORDS
    | _TIME_ONE
    | frozenset(_TIME_AFTER)
    | _PARTNER
    | _US
    | _SELF_SUBJECT
    | _THIRD_WORDS
    | _POSSESSIVE_THIRD
    | _DETERMINERS
    | _REFS
    | _PREPOSITIONS
    | _NOT_OBJECTS
    | words("since after that your ur our myself my like being having feeling")
)


def find_target(
    norm: str, start: int, limit: int | None = None, *, skip_self: bool = False
) -> tuple[Target, int, int]:
    """The first object named in ``norm`` from ``start`` to the clause's end.

    Returns the target and the span of the words that name it (``-1`` when
    there is none). ``limit`` bounds the search (default: a short window).
    With ``skip_self``, "I"-clauses are passed over (used when looking back
    for the topic of an objectless feeling). The walk goes word by word and
    stops at the first object, so its cost is a few words, not the window.
    """
    end = min(len(norm), start + _AHEAD, len(norm) if limit is None else limit)
    toks: list[str] = _TOKEN.findall(norm, start, end)
    i, n = 0, len(toks)
    ref_at = -1
    while i < n:
        tok = toks[i]
        if tok not in _MARKERS and tok[0].isalnum():
            # Most words name nothing: only a bare noun after a preposition can.
            if (toks[i - 1] in _PREPOSITIONS if i else _ends_with_preposition(norm, start)) and (
                tok.isalpha() and tok not in _NOT_OBJECTS and not tok.endswith("ing")
            ):
                return _span(norm, start, toks, (i, i), "third")  # "scared of heights"
            i += 1
            continue
        nxt = toks[i + 1] if i + 1 < n else ""
        if tok in _CLAUSE_PUNCT or not tok[0].isalnum() or tok in _CLAUSE_WORDS:
            break  # the clause ends: what follows is no longer this feeling's object
        if tok in _TIME_ONE:
            i += 1
            continue
        if tok in {"that", "the"} and nxt == "first" and i + 2 < n and toks[i + 2] in _FIRST_TIME:
            i += 3  # "so lonely that first year": when, not what about
            continue
        after = _TIME_AFTER.get(tok)
        if after is not None and nxt in after:
            i += 2
            continue
        if tok in _TIME_PREPOSITIONS and nxt in _DETERMINERS | {"my", "our", "your", "his", "her"}:
            i += 3  # "depressed since the move": when it began, not what it is about
            continue
        if tok == "what" and nxt in _EVENT_AFTER_WHAT:
            return _span(norm, start, toks, (i, i + 1), "third")  # "about what happened"
        if tok == "that" and nxt in _SUBJECT_AFTER_THAT:
            i += 1  # "sad that we stopped": a clause opens, its subject is the object
            continue
        if tok in {"your", "ur", "our"}:
            noun = _person_within(toks, i + 1, 2)
            if noun >= 0 or nxt.endswith("'s"):
                return _span(norm, start, toks, (i, max(noun, i + 1)), "third")
            return _span(
                norm, start, toks, (i, i + 1 if nxt else i), "us" if tok == "our" else "partner"
            )
        if tok in _PARTNER:
            return _span(norm, start, toks, (i, i), "partner")
        if tok in _US:
            return _span(norm, start, toks, (i, i), "us")
        if tok == "my" and nxt in _LIFE_STAGES and i > 0 and toks[i - 1] == "in":
            i += 2  # "so lonely in my twenties": when, not what about
            continue
        if tok == "my" and nxt in _SELF_NOUNS and i + 2 < n and toks[i + 2] in _EVENT_NOUNS:
            return _span(norm, start, toks, (i, i + 2), "third")  # "my driving test"
        if tok == "myself" or (tok == "my" and nxt in _SELF_NOUNS):
            if not skip_self:
                return _span(norm, start, toks, (i, i + 1 if tok == "my" else i), "self")
            i += 1
            continue
        if tok in {"being", "having", "feeling"} and not skip_self:
            # "tired of always being the one who tries": the speaker's own state,
            # unless the partner is in it ("tired of being ignored by you").
            rel = _relative_within(toks, i + 1, 4)
            if rel >= 0 and toks[rel] in {"you", "u"}:
                return _span(norm, start, toks, (i, rel), "partner")
            return _span(norm, start, toks, (i, i), "self")
        if tok in _SELF_SUBJECT:
            if skip_self or (nxt in {"could", "can"}):
                i += 1
                continue
            if nxt in _FOR_SOMEONE:
                # "scared of how much I feel for you": the speaker's feeling for the partner
                rel = _relative_within(toks, i + 2, 3)
                if rel >= 0 and toks[rel] in {"you", "u"}:
                    return _span(norm, start, toks, (i, rel), "partner")
            return _span(norm, start, toks, (i, i), "self")
        if tok == "my" or tok in _POSSESSIVE_THIRD:
            return _span(norm, start, toks, (i, i + 1 if nxt else i), "third")
        if tok in _THIRD_WORDS:
            return _span(norm, start, toks, (i, i), "third")
        if tok == "like" and nxt in _COMPARED and (i == 0 or toks[i - 1] not in _FEEL_FORMS):
            i += 3  # "like my father": a comparison, not the feeling's object
            continue
        if tok in _DETERMINERS and nxt and nxt[0].isalpha() and nxt not in _NO_NOUN_AFTER:
            # "the notes you left" is about the partner, "the way I spoke" about the
            # speaker; "that guy who texts you" is about a third party.
            rel = _relative_within(toks, i + 2, 4)
            if rel >= 0 and _person_within(toks, i + 1, rel - i - 1) < 0:
                kind: Target = (
                    "self"
                    if toks[rel] in _SELF_SUBJECT
                    else "us"
                    if toks[rel] in _US
                    else "partner"
                )
                if not (skip_self and kind == "self"):
                    return _span(norm, start, toks, (i, rel), kind)
            return _span(norm, start, toks, (i, i + 1), "third")
        if tok in _REFS:
            # "I hate it when you do that", "I love that for you": the clause may go
            # on to name the object; otherwise "it" points back.
            if ref_at < 0:
                ref_at = i
            if i - ref_at > 3:
                break
            i += 1
            continue
        i += 1
    if ref_at >= 0:
        return _span(norm, start, toks, (ref_at, ref_at), "ref")
    return "none", -1, -1


def _span(
    norm: str, start: int, toks: list[str], tokens: tuple[int, int], target: Target
) -> tuple[Target, int, int]:
    """``target`` with the character span of ``tokens`` (first, last), found again by ``find``."""
    first, last = tokens
    pos = start
    begin = start
    for j in range(last + 1):
        pos = norm.find(toks[j], pos)
        if j == first:
            begin = pos
        pos += len(toks[j])
    return target, begin, pos


def _person_within(toks: list[str], first: int, count: int) -> int:
    for j in range(first, min(len(toks), first + count)):
        if toks[j].removesuffix("'s") in _PERSON_NOUNS:
            return j
    return -1


def _ends_with_preposition(norm: str, start: int) -> bool:
    """Whether an object slot ends just before ``start``: a preposition ("care
    about") or a feeling verb ("hate mondays")."""
    before = norm[max(0, start - 12) : start].rstrip()
    last = before.rsplit(" ", 1)[-1]
    return last in _PREPOSITIONS or last in _OBJECT_VERBS


def _relative_within(toks: list[str], first: int, count: int) -> int:
    """Index of a "you", "we" or "I" that opens a relative clause soon after a noun."""
    for j in range(first, min(len(toks), first + count)):
        tok = toks[j]
        if tok in _CLAUSE_PUNCT:
            return -1
        if tok in {"you", "u", "we", "we're", "we've"}:
            return j
        if tok in _SELF_SUBJECT and (j + 1 >= len(toks) or toks[j + 1] not in _HEDGES):
            return j  # "the way I spoke"; not "the honesty, I guess"
    return -1


def look_back(norm: str, start: int) -> tuple[Target, int, int]:
    """The first object named earlier in the sentence that ends at ``start``."""
    lo = max(0, start - _WINDOW)
    cut = max(norm.rfind(ch, lo, start) for ch in ".!?\n")
    begin = cut + 1 if cut >= 0 else lo
    pos = begin
    while pos < start:
        target, s, e = find_target(norm, pos, start, skip_self=True)
        if target == "none":
            # A clause break ends one search; the sentence may go on after it.
            nxt = _CLAUSE_BREAK.search(norm, pos, start)
            if nxt is None:
                break
            pos = nxt.end()
            continue
        if target != "ref":
            return target, s, e
        pos = e
    return "none", -1, -1
