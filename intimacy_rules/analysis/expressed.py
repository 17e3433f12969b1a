"""Feelings the speaker shows in set phrases rather than by naming them after "I".

``spec/criteria.md`` section 1: a feeling counts when the speaker owns it,
"stated or plainly implied". ``feelings`` finds the stated shapes ("I'm
scared", "it scared me"); this module finds a few phrases that plainly show a
feeling of the speaker's without that shape:

- hope said with force: "I really hope he's okay" (a plain "I hope you feel
  better" or "thank you so much" is a reply's courtesy and shows nothing);
- regret and longing: "I wish I'd known", "I really wish things were
  different" (a plain "I wish I could come" declines politely);
- gladness or sorrow at news: "so good to hear", "sad to see";
- a feeling the speaker has: "I get a weird feeling about it";
- sympathy: "I feel for you", "my heart goes out to her";
- a reaction named by an adjective of emotion, said of a thing: "it's
  heartbreaking", "that was so frustrating", "how exciting" (the speaker is
  the one whose heart breaks); judging words stay opinions ("that's amazing");
- exclamations of frustration or shock: "what the hell", "screw this",
  "holy shit" ("screw you" is aimed at the other and left to the safety
  detectors);
- "that scared the hell out of me".

Every phrase holds one of a few literal keys; most messages hold none, so the
phrases cost one substring test each.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from intimacy_rules.analysis.lexicon import REACTION_ADJECTIVES, word_regex, words
from intimacy_rules.analysis.patterns import ADVERB
from intimacy_rules.analysis.scan import holds_any, may_open

__all__ = ["Expressed", "find_expressed"]


class Expressed(NamedTuple):
    """One feeling shown by a set phrase.

    ``target`` is fixed when the phrase fixes it, else empty; ``fallback`` is
    the target when nothing is named after the phrase (an exclamation is about
    the situation, not a state of the self); ``cause_from`` is where the cause
    begins when it stands before the feeling ("the noise scared the hell out of
    me"), else -1.
    """

    start: int
    end: int
    past: bool
    cause_from: int
    target: str
    fallback: str


# Hope said with force ("I really hope he's okay") or about the speaker's own world
# ("I hope my dad pulls through"). Hope for the reader ("I hope you feel better",
# "hope ur day is going well") or for the reply ("hope this helps") is a reply's
# courtesy, not a disclosure. Matched where the speaker is the subject, or at a
# clause start with the "I" dropped.
_HOPE: Final = re.compile(
    r"(?:(?:i|i'm|im|i\s+am|i\s+was|i've\s+been|ive\s+been|i\s+have\s+been)\s+)?(?P<force>(?:really|truly|so|sincerely|desperately|"
    r"genuinely|honestly|do|still|just\s+really)\s+)?(?P<verb>hope[sd]?|hoping)\b"
    r"(?!\s+(?:(?:this|that|it)\s+(?:helps|helped|counts|makes\s+sense)|so|not)\b)"
)
_FOR_THE_READER: Final = re.compile(
    r"(?:\s+[a-z']+){0,5}?\s+(?:you|u|ya|your|ur|you're|youre|y'all|yall|op|yours|yourself)\b"
)
_COURTESY_CLAUSE: Final = re.compile(r"[^.!?;\n]{0,60}")

# Regret and longing: "I wish I'd known", "I really wish things were different". A
# plain "I wish I could come" declines politely.
_WISH: Final = re.compile(
    r"i\s+(?:(?:just|so|still|sometimes|often|kinda|honestly|always)\s+){0,2}"
    r"wish(?P<ed>ed)?(?:\s+that)?(?=\s+(?:i|we)(?:'d|d)\b|\s+(?:i|we)\s+(?:had|hadn't|hadnt|"
    r"was|were|wasn't|wasnt|weren't|werent|knew|didn't|didnt|never|could\s+have|could've|"
    r"would\s+have|would've)\b)|"
    r"i\s+(?:really|truly|desperately|so\s+much)\s+wish(?P<ed2>ed)?\b"
    r"(?!\s+(?:you|u|ya|y'all|yall|him|her|them|everyone)\s+(?:all\s+the|the|all|luck|good|"
    r"well|best)\b)"
)

# "I get a weird feeling", "I had a bad feeling about it": a feeling the speaker has.
_A_FEELING: Final = re.compile(
    r"(?:i|i've|ive|i'm|im)\s+(?:(?:just|still|always|also|kinda|sometimes|really)\s+){0,2}"
    r"(?:get|got|getting|have|had|having)\s+(?:a|an|this|that|such\s+a)\s+"
    r"(?:(?:sort|kind)\s+of\s+)?(?:[a-z-]+\s+){0,2}?feeling\b(?!\s+(?:that|like)\b)"
)

# Sympathy: "I feel for you", "my heart goes out to her".
_FEEL_FOR: Final = re.compile(
    r"i\s+(?:(?:really|truly|just|so|honestly|genuinely|do)\s+)?(?P<verb>feel|felt)\s+"
    r"(?:so\s+)?for(?=\s+(?:you|u|ya|her|him|them|op|your|ur|his|their|the|anyone|everyone|"
    r"people|those)\b)"
)
_HEART_FOR: Final = re.compile(
    r"\bmy\s+heart\s+(?:(?:really|truly|just|so)\s+)?(?:goes|went)\s+out\s+to|"
    r"\bmy\s+heart\s+(?:breaks|broke|aches|ached|hurts|bleeds)\s+for|"
    # Tears and a warmed heart: "it brought tears to my eyes", "on the verge of tears".
    r"\b(?:brought|brings|bring|bringing)\s+tears\s+to\s+my\s+eyes|"
    r"\bon\s+the\s+verge\s+of\s+tears|\b(?:warm|warmed|warms)\s+my\s+heart\b|"
    r"\bmy\s+(?:absolute\s+|very\s+)?worst\s+nightmare\b"
)
_HEART_KEYS: Final = ("heart", "tears", "nightmare")
_PAST_HEART: Final = ("went", "broke", "ached", "brought", "warmed")

# At a clause start, things the speaker exclaims:
# - a reaction named by an adjective of emotion ("it's heartbreaking", "how exciting");
# - gladness or sorrow at news ("so good to hear", "sad to see that");
# - frustration or shock ("what the hell", "screw this", "holy shit");
# - a feeling with the "I" dropped and nothing before it ("glad you're okay",
#   "proud of you"), only with feelings that never open a greeting ("happy birthday")
#   or a judgment ("sad life").
_REACTION_RE: Final = word_regex(REACTION_ADJECTIVES, stretch=False)
_AT_CLAUSE: Final = re.compile(
    r"(?:(?:and|but|oh|honestly|man|god|ugh|ok|okay|yeah|well)\s+)?(?:"
    r"(?P<news>(?:(?:it's|its|it\s+is|that's|thats|it\s+was)\s+)?"
    r"(?:(?:so|really|very|always|just|truly)\s+)?"
    r"(?:nice|good|great|lovely|wonderful|awesome|refreshing|heartwarming|sad|hard|painful|"
    r"a\s+relief|a\s+joy|a\s+pleasure)\s+to\s+(?:hear|see|know|read)\b)|"
    # "it felt good to be heard", "it feels weird when": the speaker is the one feeling.
    r"(?P<felt>(?:it|this|that)\s+(?P<tense>felt|feels|feel)\s+(?:(?:so|really|very|kinda|"
    r"pretty|super|weirdly|strangely|oddly)\s+)?(?:good|great|amazing|awesome|wonderful|nice|"
    r"weird|strange|odd|awful|terrible|horrible|bad|surreal|liberating|freeing|lonely|"
    r"empty|heavy)\s+(?:to|when|being|having|that|knowing|seeing)\b)|"
    r"(?P<reaction>(?P<subj>it's|its|it\s+is|it\s+was|that's|thats|that\s+is|that\s+was|"
    r"this\s+is|this\s+was|it\s+has\s+been|it's\s+been|it\s+gets|how|what\s+an?)"
    rf"(?:\s+{ADVERB}){{0,2}}\s+(?:{_REACTION_RE})\b(?!\s*\?))|"
    r"(?P<exclaim>(?:what|wth)\s+the\s+(?:actual\s+)?(?:fuck|hell|heck|fck)|wtf|omfg|"
    r"holy\s+(?:shit|fuck|crap|hell)|jesus\s+(?:fucking\s+)?christ|god\s*damn\s+it|"
    r"goddammit|dammit|damn\s+it|(?:fuck|screw|fk)\s+(?:this|that|it\s+all|everything|"
    r"everyone|my\s+life|my\s+luck|these|those)(?!\s+(?:up|over|out|guy|dude|person)\b))\b|"
    r"(?P<bare>glad|grateful|thankful|relieved|proud|scared|terrified|nervous|worried|"
    r"excited|stoked|thrilled|heartbroken|jealous|ashamed|embarrassed|gutted)"
    r"(?=\s+(?:to|that|i|i'm|im|you|u|ur|you're|we|it|it's|for|of|about|as|when|because|"
    r"the|my|our|his|her|their|this|everything|everyone)\b))"
)
# Every word ``_AT_CLAUSE`` can open with (checked before the regex runs).
_CLAUSE_FIRST: Final = words(
    """
    and but so oh honestly man god ugh ok okay yeah well it's its it that's thats that this
    how what really very always just truly nice good great lovely wonderful awesome
    refreshing heartwarming sad hard painful a wth wtf omfg holy jesus goddammit dammit
    damn fuck screw fk glad grateful thankful relieved proud scared terrified nervous
    worried excited stoked thrilled heartbroken jealous ashamed embarrassed gutted
    hope hoped hopes sincerely
    """
)
_PAST_SUBJECT: Final = ("was", "been")

# Distress: "I can't take it anymore", "I just can't handle this".
_CANT_TAKE: Final = re.compile(
    r"(?:i|i\s+just|i\s+really|i\s+honestly)\s+(?:can't|cant|cannot|couldn't|couldnt)\s+"
    r"(?:take|handle|bear|stand|deal\s+with)\s+(?:it|this|that|any\s+more|anymore|much\s+more|"
    r"the\s+(?:pain|stress|pressure|loneliness|silence))\b"
)

_OUT_OF_ME: Final = re.compile(
    r"\b(?:scared|scares|spooked|frightened|freaked|annoyed|annoys|bugged|bugs|"
    r"surprised|startled|terrified)\s+the\s+(?:living\s+|literal\s+)?"
    r"(?:shit|hell|crap|heck|fuck|daylights|life)\s+out\s+of\s+me\b"
)


def find_expressed(norm: str, subjects: list[int], clauses: list[int]) -> list[Expressed]:
    """Every feeling ``norm`` (``text.normalize`` output) shows by a set phrase.

    ``subjects`` and ``clauses`` are ``scan.subject_positions(norm)`` and
    ``scan.clause_starts(norm)``: the phrases are matched only there (and a
    few after a literal key), so most messages cost a few set lookups.
    """
    found: list[Expressed] = []
    hope = "hop" in norm
    if subjects:
        wish = "wish" in norm
        feeling = "feeling" in norm
        feel_for = " for " in norm
        cant = "n't " in norm or "cant " in norm or "cannot " in norm
        for pos in subjects:
            if cant and (m := _CANT_TAKE.match(norm, pos)) is not None:
                found.append(Expressed(pos, m.end(), "couldn" in m.group(), -1, "", "self"))
            if hope:
                _hope(norm, pos, found)
            if wish and (m := _WISH.match(norm, pos)) is not None:
                past = m.group("ed") is not None or m.group("ed2") is not None
                found.append(Expressed(pos, m.end(), past, -1, "", "third"))
            if feeling and (m := _A_FEELING.match(norm, pos)) is not None:
                found.append(Expressed(pos, m.end(), " had " in m.group(), -1, "", "third"))
            if feel_for and (m := _FEEL_FOR.match(norm, pos)) is not None:
                found.append(Expressed(pos, m.end(), m.group("verb") == "felt", -1, "", "third"))
    for pos in clauses:
        if not may_open(norm, pos, _CLAUSE_FIRST):
            continue
        m = _AT_CLAUSE.match(norm, pos)
        if m is None:
            if hope:
                _hope(norm, pos, found)
            continue
        if m.group("reaction") is not None:
            past = m.group("subj").endswith(_PAST_SUBJECT)
            found.append(Expressed(m.start("reaction"), m.end(), past, -1, "", "third"))
        elif m.group("felt") is not None:
            past = m.group("tense") == "felt"
            found.append(Expressed(m.start("felt"), m.end(), past, -1, "", "third"))
        elif m.group("news") is not None:
            past = " was " in m.group("news")
            found.append(Expressed(m.start("news"), m.end(), past, -1, "", "third"))
        elif m.group("exclaim") is not None:
            # Aimed at the situation even when "you" follows ("what the hell is
            # wrong with you" is anger, and never a closeness toward the other).
            found.append(Expressed(m.start("exclaim"), m.end(), False, -1, "third", ""))
        else:  # the feeling is the word itself; its object starts after it
            found.append(Expressed(m.start("bare"), m.end(), False, -1, "", ""))
    if holds_any(norm, _HEART_KEYS):
        for m in _HEART_FOR.finditer(norm):
            past = m.group().startswith(_PAST_HEART) or " went " in m.group()
            found.append(Expressed(m.start(), m.end(), past, -1, "", ""))
    if "out of me" in norm:
        for m in _OUT_OF_ME.finditer(norm):
            past = m.group().split(None, 1)[0].endswith("ed")
            found.append(Expressed(m.start(), m.end(), past, m.start(), "", ""))
    return found


def _hope(norm: str, pos: int, found: list[Expressed]) -> None:
    """Hope at ``pos`` (a subject or a clause start), unless it is a courtesy."""
    m = _HOPE.match(norm, pos)
    if m is None:
        return
    if m.group("force") is None and m.group("verb") != "hoping" and _for_the_reader(norm, m.end()):
        return  # "I hope you feel better": courtesy to the reader
    past = m.group("verb") == "hoped" or " was " in m.group()
    found.append(Expressed(pos, m.end(), past, -1, "", "third"))


def _for_the_reader(norm: str, end: int) -> bool:
    """Whether the hope's clause is about the reader ("hope you're okay")."""
    clause = _COURTESY_CLAUSE.match(norm, end)
    stop = clause.end() if clause is not None else end
    return _FOR_THE_READER.match(norm, end, stop) is not None
