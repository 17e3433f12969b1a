"""Find the speaker's own feelings in normalised text, with their tense.

A feeling counts only when the speaker owns it (``spec/criteria.md``
section 1): "I'm scared", "I miss you", "it scared me", "my heart sank", or a
clause opening with the feeling and no other subject ("so happy I could
cry"). "She was mad at me" and "I can tell you're nervous" report someone
else's feeling and are never matched: every pattern starts from the speaker.
Where each feeling points (the partner, the self, a third party) is decided
by ``targets``; this module only finds feelings and says whether they are past.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from intimacy_rules.analysis.expressed import find_expressed
from intimacy_rules.analysis.lexicon import EMOTION_VERBS, PAST_EMOTION_VERBS, words
from intimacy_rules.analysis.patterns import (
    ADVERB,
    ADVERB_WORDS,
    AUXILIARY,
    EMOTION_ADJ_RE,
    EMOTION_VERB_RE,
    FEEL_ONLY_RE,
    SUBJECT_I,
)
from intimacy_rules.analysis.scan import first_words, holds_any, may_open

__all__ = ["FeelingHit", "find_feelings"]


class FeelingHit(NamedTuple):
    """One feeling the speaker owns.

    ``start``/``end`` span the words that state it; ``object_from`` is where
    its object (if any) begins; ``cause_from`` is where a causative's cause
    begins (the cause stands before the feeling, as in "work stressed me
    out"), else -1. ``target`` is preset when the pattern itself fixes it
    (a wish to be closer is about the two of them), else empty.
    """

    start: int
    end: int
    object_from: int
    past: bool
    cause_from: int
    target: str
    #: The "I" was dropped ("so happy I could cry"): texting that often
    #: answers the sentence before ("GOT THE JOB!!! so happy").
    dropped: bool = False
    #: The target when no object is found: hope and exclamations are about
    #: how things stand ("I hope it works out"), not a state of the self.
    fallback: str = ""


_FILL: Final = rf"(?:{ADVERB}|{AUXILIARY})"
# "safe", "small", "used" name feelings only after "feel": "I feel so used", not "I used to".
_FEEL_THEN: Final = rf"(?:feel|felt|feels|feeling)(?:\s+{ADVERB}){{0,3}}\s+"

# "I'm so scared", "I've been feeling lonely", "I don't love you", "I used to love";
# matched only at the speaker's subject positions (``scan.subject_positions``).
_STATE: Final = re.compile(
    rf"(?P<subj>{SUBJECT_I})(?P<mid>(?:\s+{_FILL}){{0,5}}?)\s+"
    rf"(?:(?P<verb>{EMOTION_VERB_RE})|(?P<emo>{EMOTION_ADJ_RE})|{_FEEL_THEN}(?:(?P<feel>{FEEL_ONLY_RE})"
    # After "feel" almost any adjective names a feeling ("I feel inferior", "so gangster").
    r"|(?P<any>[a-z][a-z-]+)))\b"
)
# Words after "feel" that name no feeling: a clause, a pronoun, a preposition.
_FEEL_NOT_ADJ: Final = words(
    """
    like that as if it its it's this these those you u ya him her them me us my your ur his
    their our the a an to for about with when what how is are was were be bad so and but or
    because cause cuz when while though free something anything nothing everything one way
    strongly sure certain confident obliged compelled inclined tempted forced
    """
)

# A clause that opens with the feeling: "so happy I could cry", "been so lonely";
# matched only at clause starts (``scan.clause_starts``).
_DROPPED: Final = re.compile(
    r"(?:(?:and|but|ugh|lol|tbh|ngl|omg|idk|honestly|ok|okay|oh|also|just)\s+)?"
    r"(?P<mid>"
    rf"(?:(?:{ADVERB}|been|feeling|feel|felt|was|were|am|got|get|getting)\s+){{1,3}}?"
    rf"(?P<emo>{EMOTION_ADJ_RE})"
    # "feeling kinda down", "feel so safe with u": "feel" words need no modifier
    rf"|(?:(?:{ADVERB}|don't|dont|didn't|didnt|never|been)\s+){{0,2}}{_FEEL_THEN}(?P<feel>{FEEL_ONLY_RE})"
    # "miss you so much", "love u", "hate mondays": texting drops the "I"
    rf"|(?:(?:{ADVERB}|don't|dont|can't|cant)\s+){{0,2}}(?P<verb>{EMOTION_VERB_RE}|luv)"
    r"(?=\s+\S)"
    r")\b"
)
# Every word ``_DROPPED`` can open with (checked before the regex runs).
_DROPPED_FIRST: Final = first_words(
    ADVERB_WORDS
    | EMOTION_VERBS
    | words(
        """
        and but ugh lol tbh ngl omg idk honestly ok okay oh also just been feeling feel
        felt feels was were am got get getting don't dont didn't didnt never can't cant luv
        """
    )
)
# "I really like you", "I don't like who I've become": liking someone or something
# (not "I like to", "I'd like", "like, whatever").
_LIKE: Final = re.compile(
    r"\b(?:i|we)\s+(?:(?:really|don't|dont|do\s+not|didn't|didnt|kinda|actually|genuinely|"
    r"honestly|so|still|just|also|always|never|used\s+to)\s+){0,2}(?:like|liked)\s+"
    r"(?=(?:you|u|him|her|them|who|how|what|my|your|our|being|when|[a-z]+ing)\b)"
)
# "how happy you make me": the feeling named first, the partner as its cause.
_HOW_YOU_MAKE_ME: Final = re.compile(
    rf"\bhow\s+(?:{ADVERB}\s+){{0,2}}(?:{EMOTION_ADJ_RE})\s+(?:you|u)\s+(?:make|made)\s+me\b"
)
# Texting shorthand for "I love you (so much)".
_ILY: Final = re.compile(r"\b(?:ily|ilysm|ilu|ly2|love\s+ya|luv\s+ya)\b")

# "it makes me so sad", "the news has me scared", "left me heartbroken"; searched
# only just before each " me".
_MAKES_ME: Final = re.compile(
    r"\b(?P<verb>makes?|made|making|has|have|had|got|gets|getting|leaves|left|keeps|kept)"
    rf"\s+me\s+(?:(?:{ADVERB}|feel|feeling)\s+){{0,4}}?"
    rf"(?:(?P<emo>{EMOTION_ADJ_RE})|{_FEEL_THEN}(?P<feel>{FEEL_ONLY_RE})|cry|sick|smile|laugh|"
    r"blush|melt|shiver|tear\s+up|in\s+tears|worry|panic|feel\s+like(?!\s+(?:that|this|it)\b))\b"
)

# "work stressed me out", "you disgust me", "what you said hurt me".
_VERB_ME: Final = re.compile(
    r"\b(?P<verb>stress(?:es|ed|ing)?|scare[sd]?|scaring|hurts?|hurting|upset(?:s|ting)?|"
    r"annoy(?:s|ed|ing)?|bother(?:s|ed|ing)?|bug(?:s|ged|ging)|irritat(?:es|ed|ing)|"
    r"frustrat(?:es|ed|ing)|worr(?:y|ies|ied|ying)|frighten(?:s|ed)?|"
    r"terrif(?:y|ies|ied)|disgust(?:s|ed)?|disappoint(?:s|ed)?|embarrass(?:es|ed)?|"
    r"wreck(?:s|ed)?|crushe[sd]|broke|breaks|saddens?|saddened|anger(?:s|ed)|"
    r"piss(?:es|ed)|freak(?:s|ed|ing)|overwhelm(?:s|ed)?|depress(?:es|ed)?|exhaust(?:s|ed)|"
    r"drain(?:s|ed)|haunt(?:s|ed)|infuriat(?:es|ed)|terrorize[sd]|humiliate[sd]|"
    r"thrill(?:s|ed)|excite[sd]|move[sd]|touche[sd]|amaze[sd]|stun(?:s|ned)|"
    r"shook|gutted|destroy(?:s|ed)|shatter(?:s|ed)|kill(?:s|ing)|(?:gonna|going\s+to)\s+kill)"
    r"\s+me\b(?!\s+(?:to|into|up)\b)"
)

# "it hurts", "that really stung".
_IT_HURTS: Final = re.compile(
    rf"\b(?:it|that|this|what\s+(?:you|u)\s+(?:just\s+)?(?:said|did|wrote|texted|told\s+me)"
    # "what you said about my job at dinner still hurts": a short stretch, no break
    r"(?:\s+[a-z']+){0,8}?)"
    rf"\s+(?:{ADVERB}\s+){{0,3}}(?:hurts?|stings?|stung)\b"
    r"(?!\s+(?:him|her|them|others|people|everyone|everybody|his|their)\b)"
)

# Plainly implied feelings: crying, a sinking heart, a wish to die of embarrassment.
_IMPLIED: Final = re.compile(
    r"\b(?:my\s+heart\s+(?:(?:is|was|just|literally|kinda)\s+)*(?:breaking|broke|broken|"
    r"sank|sinks|sinking|races?|racing|raced|melts?|melted|melting|aches?|aching|hurts|"
    r"pounding|pounds|skipped|stopped|swells?|is\s+full|dropped|jumped|leapt|fluttered|"
    r"went\s+out)|"
    r"(?:broke|breaks|breaking|broken|shattered|melted|melts|warmed|warms)\s+my\s+heart|"
    r"(?:the\s+)?(?:worst|best|happiest|saddest|hardest|scariest)\s+(?:day|night|week|year|"
    r"moment|time|thing)s?\s+(?:of|in)\s+my\s+life|"
    r"something\s+in\s+me\s+(?:sank|broke|died|snapped|shifted)|"
    r"(?:burning|shaking|trembling|seething|boiling|red|flushed)\s+with\s+(?:shame|embarrassment"
    r"|rage|anger|fear|guilt|jealousy|nerves)|"
    r"(?:i'm|im|i\s+am|i\s+was)\s+(?:\w+\s+)?in\s+tears|tears\s+(?:in|streaming\s+down)\s+my|"
    r"i\s+(?:have|got|get|had)\s+(?:the\s+|such\s+)?(?:butterflies|chills|goosebumps)|"
    r"i\s+(?:just\s+|literally\s+|kinda\s+|really\s+)?(?:want|wanna)\s+(?:to\s+)?"
    r"(?:die|disappear|vanish|scream|cry|hide)|"
    r"i\s+(?:could|can'?t|couldn'?t)\s+(?:stop\s+)?(?:cry|crying|smiling|shaking)|"
    r"i\s+(?:can'?t|cannot|couldn'?t)\s+breathe(?!\s+without)|"
    r"(?:i\s+)?(?:can'?t|cannot|couldn'?t)\s+stop\s+thinking\s+(?=about\b)|"
    r"(?:i'm|im|i\s+am|i\s+was)\s+(?:\w+\s+)?(?:losing|lost)\s+my\s+mind|"
    r"(?:made|makes|making)\s+my\s+(?:day|night|week|year)|"
    r"(?:not\s+sure|don'?t\s+know|dunno|no\s+idea)\s+(?:how|what)\s+(?:i|to)\s+feel(?=\s+about)|"
    r"(?:driving|drives|drove|drive)\s+me\s+(?:crazy|nuts|insane|mad|bonkers|up\s+the\s+wall)|"
    r"(?:been|i'm|im|i\s+am|i\s+was)\s+(?:so\s+|really\s+|too\s+|way\s+too\s+)?hard\s+on\s+myself|"
    r"(?:it|that|this)\s+means\s+(?:a\s+lot|so\s+much|the\s+world|everything)|"
    r"(?:is|was)\s+the\s+best\s+part\s+of\s+my\s+(?:day|week|year|life)|"
    r"(?:i\s+)?(?:think|thinking)\s+(?=about\s+(?:you|u)\s+(?:all\s+the\s+time|constantly|"
    r"every\s+day|a\s+lot|so\s+much|nonstop))|"
    # "I'm missing you", not "I'm missing my keys": missing a person is a feeling.
    r"(?:i'm|im|i\s+am)\s+(?:so\s+|really\s+|just\s+)?missing(?=\s+(?:you|u|him|her|them|home|"
    r"my\s+(?:mom|mum|dad|family|friends|ex|kids|grandma|grandpa|sister|brother))\b))\b"
)

# A wish to feel closer: "I want to feel closer to you", "I want us to be close".
_WISH: Final = re.compile(
    rf"\bi\s+(?:{ADVERB}\s+){{0,2}}(?:want|wanna|wish|need|would\s+love|'d\s+love|hope)\s+"
    r"(?:(?:(?:to|us\s+to|we\s+(?:could|can))\s+)?(?:feel|be|get|grow)|we\s+were)\s+"
    rf"(?:{ADVERB}\s+){{0,2}}(?:closer|close|connected|intimate)\b"
    # Longing for the partner: "I wish I could hold you", "I need you so much".
    r"|\bi\s+(?:really\s+|just\s+|so\s+)?wish\s+(?:i\s+could|we\s+could)\s+"
    r"(?:hold|hug|kiss|see|cuddle|be\s+with)\s+(?:you|u)\b"
    r"|\bi\s+(?:really\s+|just\s+|so\s+|still\s+)?need\s+(?:you|u)\b(?!\s+to\b)"
)

# A wish not to be alive is a feeling state about the self (the gold convention:
# level 3); a plain act ("I tried to kill myself in 2019") stays a fact.
_DESPAIR: Final = re.compile(
    r"\b(?:(?:want|wanna|wanted|going|gonna|thinking\s+(?:about|of)|think\s+about|"
    r"thought\s+about|thoughts\s+of)\s+(?:to\s+)?(?:kill(?:ing)?\s+myself|"
    r"end(?:ing)?\s+(?:it\s+all|my\s+life)|suicide|dying|not\s+being\s+here)|"
    r"(?:better\s+off|happier)\s+(?:without\s+me|if\s+i\s+(?:was|were|wasn't|weren't)\s+"
    r"(?:gone|dead|here|around|alive))|"
    r"wish\s+i(?:'d|d|\s+had)?\s+(?:could\s+)?(?:just\s+)?(?:(?:go\s+to|fall)\s+(?:a)?sleep\s+and\s+(?:never|not)\s+wake|"
    r"(?:was|were)\s+(?:dead|gone|never\s+born)|(?:had\s+)?never\s+(?:been\s+born|existed)|"
    r"disappear|vanish|didn't\s+exist|did\s+not\s+exist)|"
    r"(?:see|is|there's|theres)\s+(?:no|the)\s+point\s+in\s+(?:living|being\s+alive|going\s+on)|"
    r"(?:don't|dont|do\s+not|no\s+longer)\s+want\s+to\s+(?:be\s+alive|live|exist|"
    r"be\s+here\s+anymore|wake\s+up)|"
    r"(?:no|nothing\s+to)\s+(?:reason\s+to\s+)?live\s+for|no\s+reason\s+to\s+live|"
    r"(?:can't|cant|cannot)\s+go\s+on\s+(?:anymore|like\s+this))\b"
)
# Substrings every despair pattern holds: most messages hold none and skip it.
_DESPAIR_KEYS: Final = (
    "kill myself",
    "killing myself",
    "ending",
    "end it",
    "end my",
    "suicid",
    "better off",
    "happier",
    "wake",
    "alive",
    "exist",
    "to live",
    "in living",
    "go on",
    "dying",
    "born",
    "be here",
    "disappear",
    "vanish",
)
_COPULA: Final = re.compile(
    r"\b(?:am|m|was|were|are|been|be|being|feel|feels|feeling|felt|get|gets|got|getting|"
    r"gotten|become|became|becoming|im|i'm|ain't|aint|wasn't|wasnt|keep|kept|keeps|stop)\b|'m"
)
_HURT_SOMEONE: Final = re.compile(
    r"\s+(?:his|her|him|them|their|you|u|your|ur|my|myself|the|someone|somebody|people|"
    r"everyone|everybody|our|us)\b"
)
_COPULA_SUBJECTS: Final = frozenset({"i'm", "im", "i am", "we're", "we are"})
# Emotion words that are also verbs, so "I hurt" needs no copula.
_BARE_OK: Final = EMOTION_VERBS | {"hurt", "hurting"}
_PAST_AUX: Final = re.compile(
    r"\b(?:was|were|felt|had|used\s+to|use\s+to|did|didn't|didnt|got|became|kept|wasn't|wasnt)\b"
)
_PRESENT_AUX: Final = re.compile(r"\b(?:still|been|lately|anymore|ve|have|has|now)\b|'ve")
_DROPPED_PAST: Final = re.compile(r"\b(?:felt|was|were|got)\b")
_IMPLIED_PAST: Final = re.compile(
    r"\b(?:was|sank|broke|raced|melted|skipped|stopped|had|got|dropped|couldn|jumped|leapt|"
    r"fluttered|went|shattered|warmed)"
)
# "so sorry for your loss", "sorry things worked out like that": sympathy, a feeling;
# "sorry I'm late", "sorry if I woke you": an apology's formula.
_SORRY_FOR: Final = re.compile(
    r"\s+(?:for|about|to\s+hear|to\s+see|that|you|your|ur|u|things|it|he|she|they|so|"
    r"this|we|we're|everything|what)\b"
)
# Before "hurt me"/"killing me": a modal makes it a threat or a condition; a body
# part makes it an ache ("my back is killing me").
_MODAL_OR_BODY_BEFORE: Final = re.compile(
    r"\b(?:he|she|they|you|u|someone|somebody|my\s+[a-z]+)(?:'d|'ll|\s+(?:would|will|could|"
    r"might|wd))\s+(?:\w+\s+)?$|"
    r"\bmy\s+(?:\w+\s+)?(?:legs?|arms?|feet|foot|back|knees?|head|neck|shoulders?|"
    r"stomach|tummy|hips?|teeth|tooth|eyes?|ears?|hands?|wrists?|ankles?|muscles|joints|"
    r"calves|thighs|throat|chest|body|shins?|toes?)\s+(?:(?:is|are|was|were|has|have|been|"
    r"be|just|still|really|literally|absolutely|so|totally)\s+){0,3}$"
)
_PAST_TIME: Final = re.compile(
    r"\b(?:yesterday|last\s+(?:night|week|month|year|time|summer|weekend|spring|fall|autumn"
    r"|winter|christmas|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|ago|back\s+then|"
    r"that\s+(?:day|night|time))\b"
)
_YOU_BEFORE: Final = re.compile(r"\b(?:you're|youre|you\s+are|ur|u\s+r|you|u)\s+$")
# Groans that plainly imply the speaker's frustration, at a clause start.
_GROANS: Final = ("ugh", "argh", "ffs", "fml", "uggh")
_GROAN: Final = re.compile(r"(?:u+g+h+|a+r+g+h+|ffs|fml)\b")
_I_NEXT: Final = re.compile(
    r"[\s,.!]*(?:i|i'm|im|i've|ive|i'd|id|i'll|you|you're|youre|ur|u|your)\b"
)
_LIKE_BEFORE: Final = re.compile(r"\s(?:like|that)\s")
_SORRY_ALONE: Final = re.compile(r"\s*(?:[.!,;:(]|<3|$)")
_INTENSE: Final = re.compile(r"\b(?:so|really|very|truly|deeply|terribly|incredibly)\b")
_PAST_CAUSE: Final = re.compile(r"(?:ed|made|had|got|left|kept|broke|shook|stung)$")
# An inverted subject asks ("am I", "do I"); "idk why im so sad" still tells.
_QUESTION_BEFORE: Final = re.compile(
    r"\b(?:do|does|did|am|was|were|should|could|would|can|will|if|are)\s+$"
)


# The subject a clause joined by "and"/"but" shares with the clause before it.
_OTHER_SUBJECTS: Final = words(
    "you u ya he she they it people everyone everybody someone somebody who y'all yall"
)
_SPEAKER_SUBJECTS: Final = words("i i'm im i've ive i'd id i'll me")


# Between the subject and the feeling: a feeling imagined, not had.
_WOULD: Final = re.compile(r"\b(?:would|wouldn't|wouldnt)\b")
# Feeling verbs that open an imperative more often than a texted "I ..." ("enjoy
# your trip", "trust your gut"); "love u", "miss you", "hate mondays" stay feelings.
_IMPERATIVE_VERBS: Final = words("enjoy trust cherish fear regret envy dread admire savor savour")
_SOFTENING: Final = words("so just please pls")


def _only_softeners(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` holds nothing but softeners ("so trust me")."""
    return all(word in _SOFTENING for word in norm[start:end].split())


# After a verb with no subject, words that make it a noun: "love is", "fear and".
_NOUN_AFTER: Final = re.compile(r"\s*(?:is|was|isn't|wasnt|wasn't|and|or|of|,|\.|:)(?:\s|$)")


def _joined_to_other(norm: str, pos: int) -> bool:
    """Whether the clause at ``pos`` follows "and"/"but" and shares another's subject."""
    if not (norm.endswith(" and ", 0, pos) or norm.endswith(" but ", 0, pos)):
        return False
    lo = max(0, pos - 80)
    cut = max(norm.rfind(ch, lo, pos) for ch in ".!?,;\n")
    for word in reversed(norm[cut + 1 if cut >= 0 else lo : pos].split()):
        if word in _SPEAKER_SUBJECTS:
            return False
        if word in _OTHER_SUBJECTS:
            return True
    return False


def _sympathy(norm: str, m: re.Match[str]) -> bool:
    """ "I'm so sorry." standing alone: sympathy, a feeling (not an apology's formula)."""
    return _SORRY_ALONE.match(norm, m.end()) is not None and (
        _INTENSE.search(m.group("mid")) is not None
    )


def _is_past(mid: str, verb_word: str) -> bool:
    """Whether the words before the feeling put it in the past ("I was", "I loved")."""
    if _PAST_AUX.search(mid) is None and verb_word not in PAST_EMOTION_VERBS:
        return False  # the common case, one search
    return _PRESENT_AUX.search(mid) is None  # "I've been", "still" keep it present


def _asked(norm: str, start: int) -> bool:
    """Whether the subject at ``start`` is inverted into a question or a condition."""
    return bool(_QUESTION_BEFORE.search(norm, max(0, start - 8), start))


def find_feelings(norm: str, subjects: list[int], clauses: list[int]) -> list[FeelingHit]:
    """Every feeling the speaker owns in ``norm`` (``text.normalize`` output), in order.

    ``subjects`` and ``clauses`` are ``scan.subject_positions`` and
    ``scan.clause_starts`` of ``norm``: the anchored patterns run only there,
    which keeps the cost to a few regex steps per sentence.
    """
    hits: list[FeelingHit] = []
    for pos in subjects:
        m = _STATE.match(norm, pos)
        if m is None:
            continue
        mid = m.group("mid")
        subj = m.group("subj")
        copula = subj in _COPULA_SUBJECTS or (bool(mid) and _COPULA.search(mid) is not None)
        emo = m.group("emo")
        anyword = m.group("any")
        if anyword is not None and (
            anyword in _FEEL_NOT_ADJ or _LIKE_BEFORE.search(norm, pos, m.start("any")) is not None
        ):
            continue  # "I feel like pizza", "I feel you": no feeling named here
        if emo is not None:
            if not copula and emo not in _BARE_OK:
                continue  # "I moved to Leeds": an adjective needs "am", "feel", "got"...
            if not copula and emo.startswith("hurt") and _HURT_SOMEONE.match(norm, m.end()):
                continue  # "I hurt his feelings" is an act; "I hurt so much" a feeling
            if emo == "sorry" and not _SORRY_FOR.match(norm, m.end()) and not _sympathy(norm, m):
                continue  # "sorry I'm late" apologises; "so sorry for your loss" feels
        if _asked(norm, pos) or (mid and _WOULD.search(mid) is not None):
            continue  # "am I sad?"; "I would be so sad if you left" imagines, like "I'd be"
        # "I loved it" is past; "I feel loved" is not.
        verb = "" if copula else (m.group("verb") or "")
        said = m.group()  # the subject too: "I've missed you" is still going on
        hits.append(FeelingHit(pos, m.end(), m.end(), _is_past(said, verb), -1, ""))
    for pos in clauses:
        m = _DROPPED.match(norm, pos) if may_open(norm, pos, _DROPPED_FIRST) else None
        if m is not None and _joined_to_other(norm, pos):
            continue  # "if you love him and trust him": the subject is someone else
        if m is None and norm.startswith(_GROANS, pos):
            # "ugh, mondays": frustration, plainly implied (spec section 1); but "ugh
            # im so annoyed" says the feeling itself and "ugh you're a joke" judges.
            groan = _GROAN.match(norm, pos)
            if groan is not None and _I_NEXT.match(norm, groan.end()) is None:
                hits.append(FeelingHit(pos, groan.end(), groan.end(), False, -1, ""))
        if m is None or m.group("feel") == "free":
            continue  # "feel free to ask" invites, it feels nothing
        verb = m.group("verb")
        if verb is not None and (
            # "trust me", "so trust me:", "just enjoy it": an order, softened at most
            (verb in _IMPERATIVE_VERBS and _only_softeners(norm, m.start("mid"), m.start("verb")))
            or _NOUN_AFTER.match(norm, m.end()) is not None
        ):
            continue  # "enjoy it", "trust your gut" tell the reader; "love is patient" names
        if m.group("emo") != "sorry" or _SORRY_FOR.match(norm, m.end()):
            said = m.group("mid")
            verb = m.group("verb") or ""
            past = _DROPPED_PAST.search(said) is not None or verb in PAST_EMOTION_VERBS
            hits.append(FeelingHit(m.start("mid"), m.end(), m.end(), past, -1, "", dropped=True))
    if " like" in norm:
        for m in _LIKE.finditer(norm):
            if not _asked(norm, m.start()):
                past = "liked" in m.group() or "didn" in m.group() or "used" in m.group()
                hits.append(FeelingHit(m.start(), m.end(), m.end(), past, -1, ""))
    if "make me" in norm or "made me" in norm:
        hits.extend(
            FeelingHit(m.start(), m.end(), m.end(), "made" in m.group(), -1, "partner")
            for m in _HOW_YOU_MAKE_ME.finditer(norm)
        )
    if "ily" in norm or "ilu" in norm or "ly2" in norm or " ya" in norm:
        hits.extend(
            FeelingHit(m.start(), m.end(), m.end(), False, -1, "partner")
            for m in _ILY.finditer(norm)
        )
    me = norm.find(" me")
    while me >= 0:
        if not norm[me + 3 : me + 4].isalpha():  # " me", not " meet" or " message"
            hits.extend(_caused(norm, me))
        me = norm.find(" me", me + 3)
    if "hurt" in norm or "stung" in norm or "sting" in norm:
        for m in _IT_HURTS.finditer(norm):
            said = m.group(0)
            past = said.endswith("stung") or (
                said.endswith("hurt")
                and _PAST_TIME.search(norm, m.end(), min(len(norm), m.end() + 80)) is not None
            )
            if said.startswith("what"):
                # "what you said still hurts": the partner's act, named before the
                # feeling, and "what you did last year hurt" names its time there too.
                past = past or (said.endswith("hurt") and _PAST_TIME.search(said) is not None)
                hits.append(FeelingHit(m.start(), m.end(), m.end(), past, -1, "partner"))
            else:
                hits.append(FeelingHit(m.start(), m.end(), m.end(), past, m.start(), ""))
    if _may_imply(norm):
        for m in _IMPLIED.finditer(norm):
            past = _IMPLIED_PAST.search(m.group(0)) is not None
            hits.append(FeelingHit(m.start(), m.end(), m.end(), past, -1, ""))
    if holds_any(norm, _DESPAIR_KEYS):
        for m in _DESPAIR.finditer(norm):
            if not _asked(norm, m.start()):
                hits.append(FeelingHit(m.start(), m.end(), m.end(), False, -1, "self"))
    if "clos" in norm or "connect" in norm or "intima" in norm or "wish" in norm or "need" in norm:
        for m in _WISH.finditer(norm):
            hits.append(FeelingHit(m.start(), m.end(), m.end(), False, -1, "us"))
    hits.extend(
        FeelingHit(e.start, e.end, e.end, e.past, e.cause_from, e.target, fallback=e.fallback)
        for e in find_expressed(norm, subjects, clauses)
    )
    hits.sort()
    return hits


def _caused(norm: str, me: int) -> list[FeelingHit]:
    """Causatives ending in the " me" at ``me``: "work stressed me out", "made me cry"."""
    lo = max(0, me - 16)
    hi = min(len(norm), me + 60)
    found: list[FeelingHit] = []
    m = _MAKES_ME.search(norm, lo, hi)
    if m is not None and m.start("verb") < me < m.end():
        past = _PAST_CAUSE.search(m.group("verb")) is not None
        found.append(FeelingHit(m.start(), m.end(), m.end(), past, m.start(), ""))
        return found
    m = _VERB_ME.search(norm, lo, min(len(norm), me + 12))
    if m is not None and m.start() < me < m.end() and not _not_caused(norm, m.start()):
        verb = m.group("verb")
        past = _PAST_CAUSE.search(verb) is not None and verb not in {"hurt", "upset"}
        if verb in {"hurt", "upset"}:
            # "hurt" is past or present by its form; a time in the sentence decides
            # ("what you said last week hurt me" is past).
            past = _PAST_TIME.search(norm, max(0, me - 60), min(len(norm), me + 60)) is not None
        found.append(FeelingHit(m.start(), m.end(), m.end(), past, m.start(), ""))
    return found


def _not_caused(norm: str, verb_at: int) -> bool:
    """Whether the verb at ``verb_at`` does something to the speaker rather than
    stir a feeling: a threat or a condition ("she would hit me if I went") or a body
    part ("my back is killing me"), both facts at most (spec section 1)."""
    if _MODAL_OR_BODY_BEFORE.search(norm, max(0, verb_at - 40), verb_at) is not None:
        return True
    # "you're killing me with these puns": the partner's joke, laughter, not a feeling.
    return norm.startswith("kill", verb_at) and (
        _YOU_BEFORE.search(norm, max(0, verb_at - 12), verb_at) is not None
    )


_WITH_FEELING_KEYS: Final = (
    "with shame",
    "with embarrassment",
    "with rage",
    "with anger",
    "with fear",
    "with guilt",
    "with jealousy",
    "with nerves",
)


def _may_imply(norm: str) -> bool:
    """A cheap test that ``_IMPLIED`` can match at all (most messages skip it)."""
    return (
        "heart" in norm
        or "of my life" in norm
        or "in my life" in norm
        or " in me" in norm
        or "tears" in norm
        or "die" in norm
        or "cry" in norm
        or "crying" in norm
        or "breathe" in norm
        or "mind" in norm
        or "butterfl" in norm
        or "chills" in norm
        or "goosebump" in norm
        or "smiling" in norm
        or "shaking" in norm
        or "thinking" in norm
        or "disappear" in norm
        or "vanish" in norm
        or "scream" in norm
        or "hide" in norm
        or "how i feel" in norm
        or "driv" in norm
        or "drove" in norm
        or "hard on" in norm
        or "means" in norm
        or "missing" in norm
        or "best part" in norm
        or ("with " in norm and holds_any(norm, _WITH_FEELING_KEYS))
        or "think about" in norm
        or "what i feel" in norm
        or "to feel about" in norm
        or "my day" in norm
        or "my night" in norm
        or "my week" in norm
        or "my year" in norm
    )
