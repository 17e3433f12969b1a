"""Safety categories: contempt, threat, sexual pressure and the speaker's crisis.

``detect_safety`` takes text already passed through ``text.normalize`` and
returns ``Finding`` objects whose spans index the original text, at most one
per category. The phrase patterns live in ``safety_patterns``; this module
adds the decisions that look at the whole message: whether a request for a
picture is sexual, whether a proposal is pushed or simply made.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from intimacy_rules.analysis.crisis_patterns import NOT_OTHERS_CUES, SPEAKER_CUES
from intimacy_rules.analysis.cue_rules import (
    Cue,
    TriggerWords,
    restretch,
    triggers_of,
    unstretched,
)
from intimacy_rules.analysis.safety_patterns import (
    CONTEMPT,
    CRISIS,
    SAFETY_RULES,
    SEXUAL_PRESSURE,
    SEXUAL_PRESSURE_IN_CONTEXT,
    THREAT,
)
from intimacy_rules.analysis.scan import holds_any
from intimacy_rules.analysis.text import Finding
from intimacy_rules.analysis.word_classes import SEX_TERMS, SEX_TERMS_RE

__all__ = ["detect_safety"]

_TRIGGERS: Final = triggers_of(SAFETY_RULES)
# One set test in C against every trigger word of the family, per message.
_PRESENT: Final = TriggerWords(_TRIGGERS)

#: How far a conditional ("if you loved me you'd…") reaches for its object.
_CONDITIONAL_REACH: Final = 80

#: Insistence: what turns an ask into pushing ("come on", "already", "you owe me").
_PRESSURE: Final = re.compile(
    r"\b(?:come on|c'?mon|cmon|already|finally|for once|just once|one more time|asking again"
    r"|(?:pls|plz|please) (?:pls|plz|please)|make up for it|leave me hanging|don'?t be stingy"
    r"|unless (?:some|a few|you send|u send|new ones|more)"
    r"|pretty please|pleas{1,3}e{2,}|don'?t make me beg|dont make me beg|i'?ve earned|i earned"
    r"|i deserve|you owe|owe me|least you could|if you (?:really )?loved|prove (?:it|you)"
    r"|everyone else|most couples|by now|what'?s the big deal|not a big deal|no big deal"
    r"|no one will (?:know|see)|nobody will (?:know|see)|i won'?t show|don'?t be (?:a prude|shy"
    r"|boring|like that)|stop being|you promised|you said you would|waited long enough"
    r"|it'?s been (?:weeks|months|forever)|how long do i have to wait|i'?m just asking|prude"
    r"|what kind of (?:girlfriend|boyfriend|partner|wife|husband)|won'?t even|wouldn'?t even"
    r"|real (?:girlfriends?|boyfriends?|partners?|wives|husbands) (?:do|would|send)"
    r"|or (?:don'?t|dont) bother|or we'?re (?:done|over|finished)|or i'?m (?:leaving|done|gone)"
    r"|i'?ve waited|on cam(?:era)?|on facetime|all i'?m asking"
    r"|too much to ask|don'?t be difficult|stop pretending|stop overthinking"
    r"|not fair|why not me|selfish|no excuses|i'?m your (?:boyfriend|girlfriend|bf|gf|husband"
    r"|wife|partner)|you'?re my (?:girlfriend|boyfriend|gf|bf|wife|husband|partner)"
    r"|it'?s been (?:[0-9] |[0-9][0-9] |two |three |four |five |six "
    r"|a few |several |so many )?(?:days|weeks|months|years))\b"
)
#: A friendly plan around a known place ("I know where you work, I'll bring lunch").
_FRIENDLY_VISIT: Final = re.compile(
    r"\b(?:bring|pick (?:you )?up|lunch|dinner|coffee|flowers|deliver|delivery|surprise you"
    r"|see you (?:at|there|soon|tonight)|swing by|drop (?:it|them|something) off|come by"
    r"|come (?:down|out)|downstairs|when you'?re ready|ready when|our (?:lunch|dinner|date)"
    r"|pick (?:you|u) up|honk|bringing|soup|snacks|pizza|groceries|cake|gift|present"
    r"|care package|cookies|breakfast)\b"
)
#: What makes a request or a complaint about sex: sex itself, or images of the body.
_INTIMATE: Final = re.compile(
    SEX_TERMS
    + r"|\b(?:pic|pics|pix|picture|pictures|photo|photos|selfie|selfies|nude|nudes|vid|video"
    r"|videos|send (?:me )?(?:it|them|those|one|yours)|please (?:her|his|their|your|ur) (?:man"
    r"|woman|bf|gf|boyfriend|girlfriend|partner|husband|wife)|satisfy (?:me|him|her|your|ur))\b"
)
#: How far back the speaker may stand as subject of talk about dying.
_SPEAKER_REACH: Final = 40
#: The speaker as a subject.
_ME: Final = r"i|i'?m|im|i am|i'?ve|ive|i'?d|id|i'?ll"
#: "i", "i'm", "i've"… with no sentence mark between it and the end of the window.
_SPEAKER_BEFORE: Final = re.compile(rf"\b(?:{_ME})\b[^.!?\n]*$")

_NEGATED_ENDINGS: Final = ("not ", "never ", "n't ", "nt ", "no ")
#: Whoever is the subject nearest before a cue, in the same sentence.
_SUBJECT: Final = re.compile(
    rf"\b(?:(?P<me>{_ME})|he|she|they|he's|she's|they're"
    r"|they've|hes|shes|theyre|someone|somebody"
    r"|my (?:friend|sister|brother|mom|mum|dad|son|daughter|cousin|ex|roommate|flatmate))\b"
    r"|[.!?\n]"
)


def _others_subject(before: str) -> bool:
    """Whether the subject nearest the end of ``before`` is someone else ("she's been")."""
    found = list(_SUBJECT.finditer(before))
    if not found:
        return False
    last = found[-1]
    return last.group()[0] not in ".!?\n" and last.group("me") is None


#: Respect for the other's choice: "only if you want to", "no need to".
_CONSENT: Final = re.compile(
    r"\b(?:only if you want|if you want to|if you'?re comfortable|if youre comfortable"
    r"|whenever you'?re ready|no rush|no need to|you don'?t have to|you dont have to"
    r"|you never have to|don'?t feel like you have to|totally fine if not|it'?s ok(?:ay)? if not"
    r"|no worries if not|zero pressure|never pressure)\b"
)


#: ``_INTIMATE`` matches only where one of these words or substrings occurs:
#: a set test in C and a few ``in`` tests are far cheaper than its scan.
_INTIMATE_WORD_LIST: Final = (
    "sex sexy sexual sleep slept sleeping hookup fuck fucking bang smash bed nude nudes naked "
    "topless shirtless lingerie underwear bra panties boobs tits titties ass butt booty dick cock "
    "nsfw spicy dirty horny blow blowjob bj body bikini pic pics pix picture pictures photo "
    "photos selfie selfies vid video videos satisfy"
)
# Tokens keep apostrophes ("body's"), which the regular expression reads as a boundary.
_INTIMATE_WORDS: Final = TriggerWords(
    f"{word}{tail}" for word in _INTIMATE_WORD_LIST.split() for tail in ("", "'s", "'")
)
_INTIMATE_PARTS: Final = (
    "make love",
    "hook up",
    "go down on",
    "stay over",
    "the night",
    "shower",
    "touch you",
    "feel you up",
    "without ",
    "something ",
    "send ",
    "please ",
    "\U0001f346",
    "\U0001f351",
    "\U0001f4a6",
    "\U0001f60f",
)


def _is_intimate(norm: str) -> bool:
    """Whether the message names sex or images of the body (``_INTIMATE``)."""
    if not _INTIMATE_WORDS.present(norm) and not holds_any(norm, _INTIMATE_PARTS):
        return False
    return _INTIMATE.search(norm) is not None


#: The message-wide tests of sexual pressure: whether the message insists,
#: leaves the choice to the other, names sex, or names sex or images of the body.
#: How kept pictures could reach others: a name for them, or a way to them.
_LEVERAGE_REACH: Final = re.compile(
    r"\b(?:shame if|easy to find|unless|would love to see|(?:group|family) chat|everyone"
    r"|(?:your|ur) (?:boss|mom|mum|dad|wife|husband|family|parents|friends|coworkers|manager"
    r"|employer|new (?:boyfriend|girlfriend|man|woman))(?:'s)?)\b"
)
#: What a requested picture shows when it is not the other: "a pic of the menu".
_OF_A_THING: Final = re.compile(r" of (?:the|a|an|that|this|those|these|my|our|his|her|their|it)\b")

_FACTS: Final[dict[str, Callable[[str], bool]]] = {
    "pressing": lambda norm: _PRESSURE.search(norm) is not None,
    "consenting": lambda norm: _CONSENT.search(norm) is not None,
    "sexual": lambda norm: SEX_TERMS_RE.search(norm) is not None,
    "intimate": _is_intimate,
}


def _detect_safety(norm: str) -> list[Finding]:
    """Return the safety categories found in normalised text, one finding per category.

    ``norm`` must be ``text.normalize(text)``, so spans index the original text.
    """
    words = _PRESENT.present(norm)
    if not words:
        return []
    found: list[Finding] = []

    def not_friendly(cue: Cue, start: int, end: int) -> bool:
        if cue.name in SPEAKER_CUES:
            # The speaker must be the subject, just before in the same sentence, and
            # the words not negated ("i'm not a burden", "i don't want to die").
            before = norm[max(0, start - _SPEAKER_REACH) : start]
            return _SPEAKER_BEFORE.search(before) is not None and not before.endswith(
                _NEGATED_ENDINGS
            )
        if cue.name == "leverage":
            return _LEVERAGE_REACH.search(norm) is not None
        if cue.name in NOT_OTHERS_CUES:
            return not _others_subject(norm[max(0, start - _SPEAKER_REACH) : start])
        # Knowing where the other lives or works, or waiting outside, is
        # intimidation unless the message plans something kind there.
        if cue.name not in {"know_where", "surveillance"}:
            return True
        return _FRIENDLY_VISIT.search(norm) is None

    for rules in (CONTEMPT, THREAT, CRISIS):
        if rules.triggers.isdisjoint(words):
            continue  # one set operation instead of a call into the label
        finding = rules.find(norm, words, not_friendly)
        if finding is not None:
            found.append(finding)
    in_context = SEXUAL_PRESSURE_IN_CONTEXT.applies(words)
    if in_context or SEXUAL_PRESSURE.applies(words):
        # The message-wide tests run only once a cue has matched.
        facts: dict[str, bool] = {}

        def fact(name: str) -> bool:
            # Each test scans the whole message: run it only when asked.
            if name not in facts:
                facts[name] = _FACTS[name](norm)
            return facts[name]

        def pressure(cue: Cue, start: int, end: int) -> bool:
            if fact("consenting"):
                return False
            if cue.name == "image_request":
                # A picture is sexual when the message says so, or pushes for it; a
                # picture "of the menu" or "of my dog" is of something else.
                if _OF_A_THING.match(norm, end) is not None and not fact("sexual"):
                    return False
                return fact("sexual") or fact("pressing")
            if cue.name in {"conditional_love", "sex_ultimatum"}:
                return _INTIMATE.search(norm, end, end + _CONDITIONAL_REACH) is not None
            if cue.name in {"push_sex", "undress"}:
                return fact("pressing")
            if cue.name in {"owed", "someone_who_will"}:
                return fact("sexual")
            if cue.name == "presume_desire":
                return fact("intimate") or fact("pressing")
            return True

        finding = SEXUAL_PRESSURE.find(norm, words, pressure)
        if finding is None and in_context and fact("intimate") and not fact("consenting"):
            finding = SEXUAL_PRESSURE_IN_CONTEXT.find(norm, words)
        if finding is not None:
            found.append(finding)
    return found


def detect_safety(norm: str) -> list[Finding]:
    """Return the safety categories found in normalised text, at most one finding each.

    ``norm`` must be ``text.normalize(text)``, so spans index the original
    text. Letters stretched for emphasis ("neverrr", "pleeease") are read as
    the plain word; spans still point at what the user wrote.
    """
    squeezed, origin = unstretched(norm)
    return restretch(_detect_safety(squeezed), origin)
