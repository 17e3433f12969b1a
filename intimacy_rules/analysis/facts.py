"""Find facts the speaker shares about themself or their life (level 1).

``spec/criteria.md`` section 1: the speaker's own history, circumstances and
acts ("I grew up in Ohio", "I've been sober two years", "my dad passed away")
are facts; logistics, opinions, offers and questions are not ("I'll call
them", "I think so", "should I text her?", "I took Friday off so we could
talk"). A fact is an "I" clause whose verb is not one of thinking, saying,
wanting or a modal, or a "my <person or life event>" clause with an event verb.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from intimacy_rules.analysis.cue_rules import message_tokens
from intimacy_rules.analysis.lexicon import (
    EMOTION_ADJECTIVES,
    EMOTION_VERBS,
    FEEL_ONLY_ADJECTIVES,
    word_regex,
    words,
)
from intimacy_rules.analysis.logistics import arranges, is_errand, may_arrange
from intimacy_rules.analysis.patterns import ADVERB, EMOTION_ADJ_RE
from intimacy_rules.analysis.scan import may_open, occurs_as_word

__all__ = [
    "LIFE_THRESHOLD",
    "LIFE_WEIGHTS",
    "find_fact",
    "life_features",
    "not_information",
    "weighs_as_life_information",
]

# Words between "I" and the verb that change nothing about it being a fact. A
# trie (``word_regex``) so each step tests one branch per letter.
_FILLERS: Final = word_regex(
    words(
        """
        just already never finally recently also still actually literally basically only
        even once always usually often currently now then both kinda mostly gonna going_to
        about_to used_to use_to started start tried_to try_to been was am 'm not don't dont
        didn't didnt do_not did_not totally really honestly originally officially ended_up
        grew_up have_been had_been 've_been ve_been have_never had_never haven't havent
        hadn't wasn't wasnt ain't aint do did kind_of sort_of pretty_much no_longer
        """
    ),
    stretch=False,
)

_I_CLAUSE: Final = re.compile(
    rf"(?P<subj>i\s+am|i\s+was|i'm|im|i've|ive|i\s+have|i\s+had|i|we\s+are|we\s+were|"
    rf"we're|we've|weve|we\s+have|we\s+had|we)"
    rf"(?P<mid>(?:\s+{_FILLERS}){{0,3}})\s+(?P<word>[a-z0-9][a-z0-9'-]*)"
    r"(?:\s+(?P<next>[a-z0-9'-]+))?"
)

_MY_HEAD: Final = (
    r"my\s+(?:(?:ex|step|older|younger|little|big|best|late|grand|own|current|new|old|"
    r"baby|twin|whole|entire|first|second)[\s-]+)?"
)
_MY_TAIL: Final = (
    r"(?P<noun>[a-z][a-z'-]*)"
    r"\s+(?P<aux>(?:(?:just|recently|finally|also|never|always|still|has|had|have|got|"
    r"is|was|were|are|been)\s+){0,2})(?P<word>[a-z0-9][a-z'-]*)"
)
_MY_CLAUSE: Final = re.compile(_MY_HEAD + _MY_TAIL)
# "my medication comment was", "one of my closest friends has": a word before the noun.
_MY_CLAUSE_WIDE: Final = re.compile(_MY_HEAD + r"[a-z][a-z'-]*\s+" + _MY_TAIL)
# "my ex used to ...": the same without the optional word before the noun.
_MY_CLAUSE_BARE: Final = re.compile(r"my\s+" + _MY_TAIL)
_EMOTION_SOON: Final = re.compile(rf"(?:\s+{ADVERB}){{0,2}}\s+{EMOTION_ADJ_RE}\b")
_STATE_AUX: Final = re.compile(r"\b(?:is|was|has|had|got)\b")

# People and things whose news is plainly the speaker's life ("my dad passed away").
_MY_LIFE_NOUNS: Final = words(
    """
    mom mom's mum mother dad dad's father parents sister brother son daughter kid kids
    children wife husband girlfriend boyfriend partner ex friend family boss roommate
    grandma grandpa grandmother grandfather aunt uncle cousin dog cat flight job landlord
    therapist doctor house apartment car surgery diagnosis divorce marriage birthday
    degree baby twins stepdad stepmom sibling siblings grandad granddad gran granny nan
    nana stepmum stepfather stepmother fiance fiancee fiancé husband's wife's son's
    daughter's mate bestie wedding pregnancy miscarriage cancer illness disability
    """
)
# Event verbs that make "my <anything> ..." a piece of the speaker's life.
_EVENT_VERBS: Final = words(
    """
    is was has had got gets went came left died passed took gave lost won made lives
    lived works worked moved broke split started quit retired graduated fought grew met
    ran fell sold bought taught became began spent wrote built drove flew found kept paid
    sent raised
    """
)
_WH_BEFORE: Final = re.compile(r"\b(?:how|what|where|when|why|if|whether)\s+$")

# Verbs (and words after "I") that state no fact about the speaker's life.
_NOT_FACT_WORDS: Final = words(
    """
    think thought know knew remember recall guess mean meant believe swear promise bet got
    seen saw watched noticed
    hope hoped wonder
    suppose assume respect agree disagree understand see hear heard read noticed realize
    realized feel felt want wanted wanna need needed wish would will can can't cant
    could couldn't couldnt should must might may shall 'll ll 'd d like love hate miss
    am m was were is are be being been get got have has had do does did don't dont
    didn't didnt ask asked asking say said saying tell telling talk talking thank thanks
    appreciate care doubt imagine apologize sorry sure not so too very really just
    kidding joking wondering thinking hoping trying looking waiting coming going heading
    leaving on here there back fine ok okay good great glad afraid totally completely
    definitely honestly literally agree mean understand owe bet figured figure reckon
    totally also even only here's promise warn dare love loved hate hated wish
    gonna going the a an to of and or but if it that this what
    i you we he she they me us him them
    """
)

# After "I am"/"I was"/"I've been", words that state a circumstance.
_BE_FACTS: Final = words(
    """
    a an the married single divorced separated widowed sober clean pregnant engaged from in at
    together
    living working studying retired unemployed adopted allergic vegan vegetarian gay
    straight bi bisexual trans diabetic autistic disabled deaf blind older younger only
    home raised born moving giving getting selling buying starting quitting
    taking dating seeing staying visiting training recovering
    applying graduating leaving traveling travelling flying driving through
    on two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    """
)
_NOT_BE_ING: Final = words(
    "asking saying thinking wondering kidding joking telling talking trying looking waiting"
    " coming going heading hoping feeling being doing getting dying"
)
_HAVE_SUBJECTS: Final = frozenset({"i have", "i had", "we have", "we had"})
_VERB_NEXT: Final = re.compile(r"gonna|going|about\s+to|used\s+to|use\s+to|tried")
# "I've seen that show", "I've heard of it": small talk about things, not a life.
_PERCEIVED: Final = words("seen heard watched noticed read thought wondered")
_PARTNER_WORDS: Final = words("you u ya your ur yourself")
# After "I have": things a chat turn offers, not news of a life.
_HAVE_NOT_NEWS: Final = re.compile(
    r"\s+(?:a\s+|an\s+|some\s+|no\s+|one\s+more\s+)?(?:question|questions|idea|feeling|sec|"
    r"second|minute|moment|meeting|call|plan|plans|time|thing|favou?r|request|suggestion|"
    r"surprise|confession|something|update|news)\b"
)
# Verbs of the chat itself: "I texted you", "I asked you" are turns, not a life.
_CHAT_VERBS: Final = words(
    """
    texted messaged called emailed asked answered replied showed mailed sent paged pinged
    tagged added invited warned reminded thanked offered promised booked ordered owed
    mentioned expected
    """
)
_NOT_AFTER_GOT: Final = words("it you u this that ya to no nothing")
_NO_CLAUSES: Final[list[int]] = []
_DIGIT: Final = re.compile(r"\d")
_TIME_CLAUSE_BEFORE: Final = re.compile(r"\b(?:when|whenever|until|till|once|every\s+time)\s+$")
_PAST_FORMS: Final = words(
    """
    was were had got went grew left lost won made took gave came met found spent ran
    broke sold bought quit began wrote saw fell became knew told
    """
)
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
# A clause that opens with the speaker's news, the "I" dropped: "just got back from
# the gym", "been working double shifts". Only past forms and "been -ing", so an
# imperative ("take the bus") or a bare opinion never counts.
_DROPPED_FACT: Final = re.compile(
    r"(?:(?:and|but|ugh|lol|ok|okay|so|also|just|finally|recently|literally|actually)\s+){0,2}"
    r"(?P<news>(?:got|went|moved|started|finished|quit|lost|won|bought|sold|broke|met|"
    r"found|spent|ran|left|came|took|graduated|passed|failed|switched|dropped|joined|"
    r"landed|woke|slept|worked|cooked|visited|adopted|grew)\b"
    r"|been\s+(?:[a-z]+ing|at|in|with|to)\b)(?:\s+(?P<next>[a-z']+))?"
)
# Every word ``_DROPPED_FACT`` can open with (checked before the regex runs).
_DROPPED_FACT_FIRST: Final = words(
    """
    and but ugh lol ok okay so also just finally recently literally actually got went moved
    started finished quit lost won bought sold broke met found spent ran left came took
    graduated passed failed switched dropped joined landed woke slept worked cooked visited
    adopted grew been
    """
)
_NOT_AFTER_HAVE: Final = words("to no nothing never been idea any a_feeling")
_FEELING_WORDS: Final = EMOTION_ADJECTIVES | FEEL_ONLY_ADJECTIVES | EMOTION_VERBS

# What others did to the speaker is the speaker's history (spec section 1): "my stepdad
# used to threaten me", "she told me she would ruin me", "she cheated on me". Searched
# only just before each " me"; "you" as the doer is the chat, judged elsewhere.
_DONE_TO_ME: Final = re.compile(
    r"\b(?:he|she|they|my\s+(?:[a-z'-]+\s+)?[a-z'-]+)\s+"
    r"(?:(?:used\s+to|would|always|never|once|even|just|also|then|finally|had|has|have|"
    r"kept|constantly|repeatedly)\s+){0,2}"
    r"(?:threaten(?:ed|s|ing)?|hit|hits|beat|beats|slapped|pushed|shoved|punched|kicked|"
    r"choked|strangled|abused|bullied|cheated\s+on|dumped|left|raped|assaulted|molested|"
    r"stalked|followed|attacked|fired|raised|adopted|married|divorced|ghosted|blocked|"
    r"told|yelled\s+at|screamed\s+at|lied\s+to|kicked\s+out|kissed|proposed\s+to|"
    r"hurt|broke\s+up\s+with|manipulated|gaslit|gaslighted|controlled|isolated|"
    r"humiliated|belittled|insulted|mocked|ignored|abandoned|betrayed|hospitalized|"
    r"diagnosed|taught|saved|helped|visited)\s+me\b"
)
# "told me" is history only when it reports a threat or a promise to the speaker
# ("she told me she would ruin me"); "my aunt told me she's thrilled" reports a feeling.
_THREAT_AFTER: Final = re.compile(
    r"\s+(?:that\s+)?(?:he|she|they)(?:'d|'ll|\s+(?:would|will|was\s+going\s+to|"
    r"was\s+gonna|wanted\s+to|could))\b"
)
_BODY_NOUNS: Final = words(
    """
    leg legs arm arms foot feet back knee knees head neck shoulder shoulders stomach tummy
    hip hips teeth tooth eye eyes ear ears hand hands wrist wrists ankle ankles muscles
    joints throat chest body skin
    """
)
_ACHE_WORDS: Final = words(
    "killing hurting aching hurts aches sore stiff numb swollen bleeding burning itching"
)
# One's own family, partner, work or diagnosis, named anywhere in a statement.
_MY_MENTION: Final = re.compile(
    r"my\s+(?:(?:ex|step|older|younger|little|big|late|own|current|new|first|second|"
    r"eldest|oldest|youngest|twin|\d+\s*(?:yo|year\s+old|y/o))[\s-]+)?"
    r"(?:husband|wife|hubby|kids?|children|child|sons?|daughters?|boyfriend|girlfriend|bf|gf|"
    r"fianc[eé]e?|partner|ex|exes|parents|mom|mum|mother|dad|father|stepdad|stepmom|sisters?|"
    r"brothers?|siblings?|grandma|grandpa|grandmother|grandfather|family|job|boss|"
    r"coworkers?|colleagues?|therapist|diagnosis|marriage|divorce|relationship|pregnancy|"
    r"baby|babies|twins|nephew|niece|aunt|uncle|cousins?|in-laws|dog|cat|degree|"
    r"childhood|depression|anxiety|adhd|autism|ptsd|ocd|illness|cancer|surgery|school|"
    r"college|university|teens?|twenties|thirties|forties|\d0s)\b"
)
_PLAN_BEFORE: Final = re.compile(
    r"\b(?:i'll|ill|will|i'd|id|would|gonna|going\s+to|should|could|can|please|let|"
    r"ask|tell|call|text)\b[^.!?\n]*$"
)
_NEXT_WORD: Final = re.compile(r"(?:\s+(?:just|also|always|never|still|really|even))?\s+([a-z']+)")
# When the speaker's life happened: "when I was twelve", "growing up", "in my 30s".
_LIFE_TIME: Final = re.compile(
    r"\b(?:when\s+i\s+was\s+(?:a\s+|an\s+|in\s+|\d|little|young|younger|small|"
    r"growing|pregnant|sick|[a-z]+teen|twenty|thirty|forty|fifty)|growing\s+up|"
    r"as\s+a\s+kid|in\s+my\s+(?:early\s+|mid\s+|late\s+)?(?:\d0s|teens|twenties|thirties))"
)
_MY_NOT_FACT: Final = words(
    """
    said says say thinks thought told tells asked asks wants wanted wants knows knew
    was is are were cried cries loves loved hates hated gonna going will would should
    could can might must
    """
)

_MY_NOT_FACT_OR_FEELING: Final = _MY_NOT_FACT | EMOTION_VERBS

_QUESTION_BEFORE: Final = re.compile(
    r"\b(?:do|does|did|am|was|should|could|would|can|will|if|shall|where|what|how|why)\s+$"
)


def _is_fact(subj: str, mid: str, word: str, nxt: str) -> bool:
    # "I'm gonna quit", "I was going to move": a verb follows, not a state.
    verb_next = bool(mid) and _VERB_NEXT.search(mid) is not None
    if nxt in _PARTNER_WORDS:
        # "I just sent you the link", "about to text you" are the chat itself; "I
        # watched you leave", "I waited for you" are the speaker's acts (spec §1).
        return (
            not verb_next
            and not mid.strip()
            and word.endswith("ed")
            and word not in _CHAT_VERBS
            and (word not in _NOT_FACT_WORDS or word == "watched")
        )
    copula = not verb_next and (
        subj in {"i'm", "im", "i am", "i was", "we are", "we were", "we're"}
        or "been" in mid
        or "'m" in mid
        or "am" in mid.split()
    )
    if nxt == "to" and word in {"starting", "beginning", "trying", "started", "began"}:
        return False  # "I'm starting to feel...": what follows decides, not this
    if nxt in {"you", "u", "ya"} and word in {"told", "tell", "asked", "said", "showed"}:
        return False  # "I told you so": talk to the partner, not news of a life
    if copula:
        if word in {"good", "bad", "terrible", "great", "awful"} and nxt == "at":
            return True  # "I'm not good at opening up": a trait of the speaker
        if word in _FEELING_WORDS:
            return False
        if word == "on" and nxt in {"it", "that", "this"}:
            return False  # "I'm on it": a promise, not a circumstance
        if word in {"in", "at", "on", "from"} and not nxt:
            return False  # "I'm in!": agreeing, not a place
        if word == "at" and subj in {"i'm", "im", "i am"}:
            return False  # "I'm at the cafe": where to meet, not a piece of a life
        if word in _BE_FACTS or word[0].isdigit():
            return True
        if word.endswith("ing"):
            return word not in _NOT_BE_ING
        return word.endswith("ed") and word not in _NOT_FACT_WORDS
    if word in _NOT_FACT_WORDS or word in EMOTION_VERBS:
        return False
    return not word[0].isdigit()


def find_fact(
    norm: str, subjects: list[int], clauses: list[int] = _NO_CLAUSES
) -> tuple[int, int] | None:
    """The span of the first fact the speaker shares about themself, or ``None``.

    ``subjects`` are ``scan.subject_positions(norm)`` and ``clauses``
    ``scan.clause_starts(norm)`` (where texting drops the "I": "just got back").
    """
    arranging: bool | None = None
    for pos in subjects:
        m = _I_CLAUSE.match(norm, pos)
        if m is None:
            continue
        subj, mid, word = m.group("subj"), m.group("mid"), m.group("word")
        if subj in _HAVE_SUBJECTS or (subj in {"i've", "ive", "we've", "weve"} and not mid):
            # "I have a daughter" is a fact; "I have to go", "I have no idea",
            # "I have a question", "I've got to run" are not.
            fact = (
                word not in _NOT_AFTER_HAVE
                and word not in _PERCEIVED
                and not (word == "got" and m.group("next") == "to")
                and _HAVE_NOT_NEWS.match(norm, m.start("word") - 1) is None
            )
        elif word == "got":
            # "I got married" is news; "I got you", "I got it" are not.
            fact = (m.group("next") or "it") not in _NOT_AFTER_GOT
        elif word == "be" and "use" in mid:
            fact = True  # "I used to be a swimmer"
        elif word in {"have", "had"} and mid:
            # "I also have a degree", "I still have no idea".
            fact = (m.group("next") or "to") not in _NOT_AFTER_HAVE and (
                _HAVE_NOT_NEWS.match(norm, m.end("word")) is None
            )
        elif "grew" in mid or "born" in mid:
            fact = True  # "I grew up on a farm": where the speaker comes from
        else:
            fact = _is_fact(subj, mid, word, m.group("next") or "")
        if fact and _habitual(norm, pos, word):
            fact = False  # "answer when I call": a time clause, not news of a life
        if fact and not _questioned(norm, pos):
            # Most messages name no arrangement at all: test that once, cheaply.
            if arranging is None:
                arranging = may_arrange(norm)
            if not (arranging and arranges(norm, pos)) and not is_errand(norm, pos):
                return pos, m.end()
    for pos in clauses:
        if not may_open(norm, pos, _DROPPED_FACT_FIRST):
            continue
        m = _DROPPED_FACT.match(norm, pos)
        if m is None or (m.group("news") == "got" and m.group("next") in _NOT_AFTER_GOT):
            continue
        if _asks(norm, m.end()) or arranges(norm, pos):
            continue  # "went well?" asks; "got the tickets for 8" arranges
        return m.start("news"), m.end("news")
    me = norm.find(" me")
    while me >= 0:
        if not norm[me + 3 : me + 4].isalpha():
            m = _DONE_TO_ME.search(norm, max(0, me - 50), me + 3)
            if (
                m is not None
                and m.end() == me + 3
                and not _questioned(norm, m.start())
                and (not norm.endswith("told me", 0, m.end()) or _THREAT_AFTER.match(norm, m.end()))
            ):
                return m.start(), m.end()
        me = norm.find(" me", me + 3)
    my = norm.find("my ")
    while my >= 0:
        if my == 0 or not norm[my - 1].isalnum():
            for pattern in (_MY_CLAUSE, _MY_CLAUSE_WIDE, _MY_CLAUSE_BARE):
                m = pattern.match(norm, my)
                if (
                    m is not None
                    and _my_fact(norm, m)
                    and not is_errand(norm, my)
                    and not _asks(norm, my)
                    and _PLAN_BEFORE.search(norm, max(0, my - 40), my) is None
                ):
                    return my, m.end()
            mention = _my_mention(norm, my)
            if mention is not None:
                return mention
        my = norm.find("my ", my + 3)
    if "when i was" in norm or "growing up" in norm or " as a kid" in norm or "0s" in norm:
        m = _LIFE_TIME.search(norm)
        if m is not None and not _asks(norm, m.end()):
            return m.start(), m.end()
    return None


def _my_mention(norm: str, my: int) -> tuple[int, int] | None:
    """ "with my husband", "my kids and I": naming one's own family, work or
    diagnosis tells of the speaker's life, unless the clause asks, arranges,
    runs an errand or reports what that person said or felt."""
    m = _MY_MENTION.match(norm, my)
    if m is None:
        return None
    after = _NEXT_WORD.match(norm, m.end())
    if after is not None and (
        after.group(1) in _MY_NOT_FACT_OR_FEELING
        or after.group(1) in EMOTION_ADJECTIVES
        or _EMOTION_SOON.match(norm, after.end()) is not None
    ):
        return None  # "my mom said she was proud", "my cousin got so upset": theirs
    if _PLAN_BEFORE.search(norm, max(0, my - 40), my) is not None:
        return None  # "I'll ask my mom", "you should tell your boss": plans and advice
    if _asks(norm, my) or _questioned(norm, my) or is_errand(norm, my) or arranges(norm, my):
        return None
    return my, m.end()


def _my_fact(norm: str, m: re.Match[str]) -> bool:
    """Whether a "my <noun> <verb>" clause tells something of the speaker's life."""
    word = m.group("word")
    if m.group("noun") in _BODY_NOUNS and word in _ACHE_WORDS:
        return True  # "my feet are killing me": an ache is a bodily fact, not a feeling
    if word in _MY_NOT_FACT_OR_FEELING:
        return False  # "my dad said", "my mom cried": their words and feelings
    if _WH_BEFORE.search(norm, max(0, m.start() - 10), m.start()):
        return False  # "you never asked how my day went": an embedded question
    felt = word in EMOTION_ADJECTIVES and bool(m.group("aux"))  # "my dad was upset"
    if felt or _EMOTION_SOON.match(norm, m.end()):
        return False  # "my mom gets so stressed": her feeling, reported
    if m.group("noun").removesuffix("'s") in _MY_LIFE_NOUNS:
        return True
    # Any other noun needs an event or a state: "my flight got delayed", "my shoot
    # went well", "my situation was different".
    return word.endswith("ed") or word in _EVENT_VERBS or bool(_STATE_AUX.search(m.group("aux")))


def _habitual(norm: str, pos: int, word: str) -> bool:
    """Whether "when/whenever/until I <present verb>" opens a time clause here."""
    if _TIME_CLAUSE_BEFORE.search(norm, max(0, pos - 12), pos) is None:
        return False
    return not (word.endswith("ed") or word in _PAST_FORMS)


def _asks(norm: str, pos: int) -> bool:
    """Whether the sentence going on from ``pos`` ends in a question mark."""
    stop = _SENTENCE_END.search(norm, pos, min(len(norm), pos + 160))
    return stop is not None and stop.group() == "?"


def _questioned(norm: str, start: int) -> bool:
    return _QUESTION_BEFORE.search(norm, max(0, start - 8), start) is not None


# Life information the rules do not spell out ("both of mine are teenagers now", "I spent my
# twenties abroad, it was a different life") is weighed from a few interpretable
# features. The weights were fitted by ``benchmarks/fit_fact_weights.py`` (logistic
# regression) on one half of the train split of the CL-Aff OffMyChest corpus (CC BY
# 4.0; Jaidka, Singh, Liu, Ungar et al., "Get it #OffMyChest", AffCon @ AAAI 2020),
# the half whose authors hash even, and checked on the other half: macro-F1 of
# ``disclosure.facts`` 0.654 -> 0.659 on the fitted half, 0.661 -> 0.663 on the
# held-out one (fitted the other way round: 0.667, and 0.658 held out). A question
# is never weighed (the spec gate below rules it out). Only these numbers are kept;
# no text is.
LIFE_WEIGHTS: Final[dict[str, float]] = {
    "bias": -1.09,
    "family": 0.60,  # family, partner, friends, named with or without "my"
    "feeling": 0.14,
    "first_person": 0.84,  # "i", "me", "my"... per occurrence, up to three
    "length": 0.84,  # words, up to forty
    "my": 0.36,
    "number": -0.04,  # ages, years, counts
    "past": 0.32,  # "I <past verb>", "we <past verb>"
    "time": 0.44,  # years, ages, school: when in a life something happened
    "told": 0.34,  # "he was", "she said": a story the speaker lived
    "we": 0.18,
    "you": -0.62,  # talk about the reader, not the writer
}
LIFE_THRESHOLD: Final = -0.30
# What the spec keeps from being a fact whatever the weights say: a question
# mark, or one of these at a word start (``scan.occurs_as_word``: each
# alternative opens with a literal, so ``re`` skips to them in C).
_NOT_INFORMATION_WORDS: Final = re.compile(
    r"(?:i'll|ill|i\s+will|gonna|shall|let's|lets|should|i\s+can|can\s+i|wanna|"
    r"feel\s+(?:like|that)\s+(?:you|u|he|she|they)|said\s+(?:he|she|they)|says\s+(?:he|she|they))\b"
)


def _words(norm: str) -> list[str]:
    """The words of ``norm``: the runs of a-z, 0-9 and apostrophes, in order.

    The flag and safety detectors split every message into the same words as
    bytes (``cue_rules.message_tokens``, cached per message), so decoding
    those costs a fraction of a regex pass that builds each string anew.
    """
    return [token.decode("ascii") for token in message_tokens(norm)]


_FIRST_PERSON: Final = words("i me my mine myself i'm im i've ive i'd id i'll")
_WE_WORDS: Final = words("we our us we're we've ours ourselves")
_YOU_WORDS: Final = words("you your u ur you're youre yours yourself")
_PAST_WORDS: Final = words("was were had got went did made left met took lost grew spent came")
_I_WE: Final = words("i we")
_FAMILY_WORDS: Final = words(
    """
    mom mum mother dad father parents sister brother son daughter kid kids children wife
    husband girlfriend boyfriend gf bf partner ex friend friends family boss grandma grandpa
    aunt uncle cousin baby fiance fiancee
    """
)
_TIME_WORDS: Final = words(
    "years year ago months month weeks week days old age when since grew childhood school"
    " college high"
)
_THIRD: Final = words("he she they")
_THIRD_TOLD: Final = words("was were had did got went said told would used never always has is")
_W = LIFE_WEIGHTS
# The features computed only when they can still change the answer, and how far
# they can move the score up and down.
_LAZY: Final = ("number", "past", "family", "time", "told")
_UPPER: Final = sum(max(0.0, _W[name]) for name in _LAZY)
_LOWER: Final = sum(min(0.0, _W[name]) for name in _LAZY)


def life_features(norm: str, *, feeling: bool) -> dict[str, float] | None:
    """The features ``weighs_as_life_information`` weighs, or ``None`` for text with
    no first person (which never weighs as the speaker's life). For the fitting
    script and the tests; the analyzer computes the same lazily."""
    toks = _words(norm)
    first = sum(map(_FIRST_PERSON.__contains__, toks))
    we = not _WE_WORDS.isdisjoint(toks)
    if not first and not we:
        return None
    return {
        "first_person": min(first, 3) / 3,
        "my": float("my" in toks),
        "we": float(we),
        "you": float(not _YOU_WORDS.isdisjoint(toks)),
        "number": float(_DIGIT.search(norm) is not None),
        "feeling": float(feeling),
        "past": float(_told_in_past(toks)),
        "length": min(len(toks), 40) / 40,
        "family": float(not _FAMILY_WORDS.isdisjoint(toks)),
        "time": float(not _TIME_WORDS.isdisjoint(toks)),
        "told": float(_third_person_told(toks)),
    }


def not_information(norm: str) -> bool:
    """Whether the spec keeps ``norm`` from being a fact: plans, questions, reported
    feelings and thoughts ("I'll call her", "does he?", "I feel like you...")."""
    return "?" in norm or occurs_as_word(_NOT_INFORMATION_WORDS, norm)


def weighs_as_life_information(norm: str, *, feeling: bool) -> bool:
    """Whether ``norm`` (which the rules found no fact in) weighs as information
    about the speaker's life, by the fitted weights above. Only text in the first
    person can; the costlier features are computed only when they could still
    change the answer."""
    toks = _words(norm)
    first = sum(map(_FIRST_PERSON.__contains__, toks))
    we = not _WE_WORDS.isdisjoint(toks)
    if not first and not we:
        return False
    w = _W
    score = (
        w["bias"]
        + w["first_person"] * min(first, 3) / 3
        + w["my"] * ("my" in toks)
        + w["we"] * we
        + w["you"] * (not _YOU_WORDS.isdisjoint(toks))
        + w["feeling"] * feeling
        + w["length"] * min(len(toks), 40) / 40
    )
    if score + _UPPER <= LIFE_THRESHOLD:
        return False
    if score + _LOWER <= LIFE_THRESHOLD:
        score += (
            w["number"] * (_DIGIT.search(norm) is not None)
            + w["family"] * (not _FAMILY_WORDS.isdisjoint(toks))
            + w["time"] * (not _TIME_WORDS.isdisjoint(toks))
            + w["past"] * _told_in_past(toks)
            + w["told"] * _third_person_told(toks)
        )
        if score <= LIFE_THRESHOLD:
            return False
    return not not_information(norm)  # plans, questions, reported feelings


def _told_in_past(toks: list[str]) -> bool:
    """Whether "I"/"we" stands one or two words before a past verb ("I finally quit")."""
    for i, tok in enumerate(toks):
        if (tok in _PAST_WORDS or (len(tok) > 3 and tok.endswith("ed"))) and (
            (i > 0 and toks[i - 1] in _I_WE) or (i > 1 and toks[i - 2] in _I_WE)
        ):
            return True
    return False


def _third_person_told(toks: list[str]) -> bool:
    """Whether "he"/"she"/"they" is followed by a verb of a story ("she was", "he said")."""
    if _THIRD.isdisjoint(toks):
        return False
    return any(tok in _THIRD and nxt in _THIRD_TOLD for tok, nxt in itertools.pairwise(toks))
