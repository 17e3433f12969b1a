"""The phrase patterns behind ``merging`` and ``bid_for_closeness``.

Merging is loss of separateness ("you're my whole world", "we're one
person"); a bid for closeness is an explicit wish to be closer or to talk
about the two of them.
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    DONT,
    GAP,
    I_AM,
    SHORT_GAP,
    YOU_ARE,
)

__all__ = ["BID_FOR_CLOSENESS", "MERGING"]

_NEG = "negated"

_WE_ADV: Final = (
    r"(?:(?:basically|literally|really|practically|just|now|already|meant to be|becoming|like"
    r"|truly|officially) )?"
)

MERGING: Final = LabelRules(
    "merging",
    (
        Cue(
            "my_everything",
            "world everything life universe reason half oxygen air soulmate soul all only identity "
            "personality purpose",
            YOU_ARE
            + r" (?:literally |basically |truly |really |already |honestly |just |totally )?"
            r"(?:my (?:whole |entire )?"
            r"(?:world|everything|life|universe|reason (?:to|for) (?:live|living|being|exist)"
            r"|other half|oxygen|air|soulmate|soul mate|all)"
            r"|(?:literally |truly )?everything to me|all i (?:need|have|want|live for)"
            r"|the (?:air|oxygen) i breathe|the reason i (?:breathe|live|exist|wake up)"
            r"|my (?:whole |entire |only )?(?:identity|personality|reason for living|purpose)"
            r"|the only (?:thing|reason|one) (?:i|that)"
            r" (?:live|matters|need|have))\b",
            "makes the other the speaker's whole world",
            _NEG,
        ),
        Cue(
            "nothing_without_you",
            "without every complete live breathe revolves here around me beside near existing "
            "exist disappear apart",
            r"\b(?:(?:" + I_AM + r"|i" + APOS + r"?d be|i would be) (?:nothing|nobody|no one|lost"
            r"|empty|incomplete|not whole)"
            r" without (?:you|u)"
            r"|(?:i|"
            + "i"
            + APOS
            + r"d) (?:literally |really |just |honestly |truly )?(?:can"
            + APOS
            + r"t|cant|cannot|couldn"
            + APOS
            + r"t) (?:even )?(?:live|exist|breathe|function|survive|go on|be happy|do anything|be)"
            r" without (?:you|u)"
            r"|(?:don" + APOS + r"t|dont|do not) (?:even )?know who i(?: am|" + APOS + r"?d be"
            r"| would be| was) without (?:you|u)"
            r"|without (?:you|u),? (?:i" + APOS + r"m|im|i am|i" + APOS + r"d be|i" + APOS + r"m)"
            r" (?:nothing|nobody|lost|no one)"
            r"|without (?:you|u),? (?:i" + APOS + r"?d|i would|i" + APOS + r"?ll|i will) (?:just )?"
            r"(?:disappear|fall apart|cease to exist|stop existing|stop breathing|die)"
            r"|(?:i|" + "i" + APOS + r"d) (?:can" + APOS + r"t|cant|cannot) breathe when (?:you"
            r"|u)" + SHORT_GAP + r"(?:not|gone|away)"
            r"|i need (?:you|u) every (?:second|minute|moment|hour)"
            r"|(?:i" + APOS + r"?d|i would) die without (?:you|u)"
            r"|(?:when|whenever|if) (?:you" + APOS + r"?re|youre|you are|ur|u r) not (?:here|around"
            r"|with me|next to me|beside me|near me)" + SHORT_GAP + r"i (?:just |literally )?"
            r"(?:stop existing|don"
            + APOS
            + r"?t exist|cease to exist|disappear|can"
            + APOS
            + r"?t breathe|fall apart)"
            r"|(?:my (?:whole |entire )?(?:life|world)|everything) revolves around (?:you|u)"
            r"|i (?:don" + APOS + r"t|dont|do not) exist without|(?:you|u) complete me"
            r"|i (?:only )?live for (?:you|u)\b)",
            "says the speaker cannot exist apart from the other",
            _NEG,
        ),
        Cue(
            "one_person",
            "one same single two halves us",
            r"\bwe" + APOS + r"(?:re| are) " + _WE_ADV + r"(?:one|the same|a single)"
            r" (?:person|soul|heart|unit|being|mind|body|entity)\b"
            r"|\bwe" + APOS + r"(?:re| are) " + _WE_ADV + r"one(?= ?[.!,\n]|$| now| already| lol"
            r"| haha| forever)"
            r"|\bnot two (?:people|persons|separate people) anymore"
            r"|\bmeant to be one\b|\btwo halves of (?:one|the same)"
            r"|\b(?:you and (?:i|me)|me and (?:you|u)) (?:are|r)"
            r" (?:basically |literally |really |now )?(?:one|the same)"
            r" (?:thing|person|soul|heart|being)\b"
            r"|\bthere"
            + APOS
            + r"?s no (?:more )?me(?: (?:anymore|any more|now))?,? (?:only|just) us\b"
            r"|\bone (?:family|unit|soul) now\b",
            "claims the two are one person",
            _NEG,
        ),
        Cue(
            "your_life_is_mine",
            "life pain problems happiness friends family yours",
            r"\b(?:your (?:life|pain|problems|happiness|friends|family) (?:is|are) (?:my|mine)"
            r"|what" + APOS + r"s yours is mine)\b",
            "erases the line between the two lives",
            _NEG,
        ),
        Cue(
            "drop_everyone",
            "need together up anymore more",
            r"\b(?:" + DONT + r" need (?:my )?(?:friends|family|anyone|anybody|other people"
            r"|anything)" + SHORT_GAP + r"(?:but|except|just|only|other than) (?:you|u|us)\b"
            r"|(?:don" + APOS + r"t|dont|do not) need (?:friends|anyone else|anybody else)"
            r"|(?:don" + APOS + r"?t|dont|never|no longer) (?:see|talk to|hang out with|call)"
            r" (?:my )?(?:friends|family|anyone) (?:anymore|any more)"
            r"|(?:gave up|give up|quit|dropped|cancel+ed|ditched|stopped seeing) "
            + GAP
            + r"so (?:that )?we (?:can|could) (?:do everything together|be together (?:all the time"
            r"|every day|24/7)|spend every (?:day|minute|second|moment) together)"
            r"|(?:give|gave) up (?:everything|my whole life|all my friends) for (?:you|u))",
            "drops everyone and everything else for the other",
            _NEG,
            needs="need|together|give up|gave up|anymore|any more",
        ),
    ),
)

_BID_ADV: Final = r"(?:(?:really|still|just|honestly|so|truly) ){0,2}"

BID_FOR_CLOSENESS: Final = LabelRules(
    "bid_for_closeness",
    (
        Cue(
            "talk_about_us",
            "talk talking chat check conversation talks",
            r"\b(?:talk|talking|chat|check-in|check in|conversation|talks)"
            + SHORT_GAP
            + r" (?:about|on)"
            r" (?:us|ourselves|what we are|what we"
            + APOS
            + r"?re doing(?! (?:for|on|about|at|with|this|tonight|tomorrow|later|next)\b)"
            r"|what we have|what this is"
            r"|where (?:this|we|things)(?: is| are|"
            + APOS
            + r"re)? (?:going|heading|stand)|how we"
            + APOS
            + r"(?:re| are) (?:really )?(?:doing|feeling)"
            r"|our relationship|our future|the two of us|what" + APOS + r"s (?:happening|going on)"
            r" between us|this thing between us|(?:what|how) we (?:feel|want)"
            r"|what" + APOS + r"?s (?:been )?(?:happening|going on) (?:between|with) us)\b",
            "asks to talk about the two of them",
            _NEG,
        ),
        Cue(
            "want_closer",
            "closer close connected reconnect understand know again over together time miss team "
            "page hear learn talks conversations chats heart deep proper us alone quality date "
            "open honest intimate vulnerable going talking spending let",
            r"\b(?:i(?:" + APOS + r"?d| would)? " + _BID_ADV + r"(?:want|wanna|wish|love|need|hope"
            r"|like)(?: for)?(?: us| we could| we were| we)?(?: to)? (?:feel |be |get |grow )?"
            r"(?:closer(?! to (?:the|a|my|work|town|home|where|your (?:work|office|place)))"
            r"|close again|close like (?:we used to|before)|more connected|connected again"
            r"|reconnect|close to (?:you|u)"
            r"|connected to (?:you|u)|(?:spend|spending) (?:more |some )?(?:real |quality )?time"
            r" (?:together|with (?:you|u))"
            r"|like a team|a team again|on the same page|together again)"
            r"|i(?:" + APOS + r"?d| would)? " + _BID_ADV + r"(?:(?:want|love|like) to|wanna)"
            r" (?:really )?(?:get to )?(?:(?:understand|know) (?:you|u)\b(?!'| were| are"
            r"| did| had| have| got| r\b|re\b)"
            r"|(?:know|understand|hear|learn) (?:everything|more|all|so much more)"
            r" about (?:you|u)\b"
            r"(?! (?:guys|two|both))|(?:know|meet|see) the real (?:you|u)\b"
            r"|know who (?:you|u) (?:really )?(?:are|r)\b)"
            r"|(?:can|could|should) we (?:try again|start over|reconnect|be close again"
            r"|get closer|spend (?:more )?time together)"
            r"|(?:can|could|let"
            + APOS
            + r"?s) (?:we )?(?:spend|have|make|set aside|find|carve out)"
            r" (?:some |more )?(?:real |quality |alone )?time (?:just )?(?:for us|together|to talk"
            r"|to really talk|the two of us|just us|just the two of us|for each other"
            r"|alone together)"
            r"|(?:more|have|having|miss|want|need) (?:more |some )?(?:deep|deeper|real|honest"
            r"|meaningful|proper|heart to heart) (?:talks|conversations|chats)"
            r"|(?:let" + APOS + r"?s|can we|could we|i want|i" + APOS + r"?d love|i wanna)"
            r"[^.!?\n]{0,30}? (?:just (?:for )?(?:us|the two of us|us two|you and me|you and i)"
            r"|alone together|quality time)\b"
            r"|(?:can we|could we|let" + APOS + r"?s|i want|i" + APOS + r"?d love|i wanna)"
            r" (?:have |plan |do |go on |a )?(?:a )?date night"
            r"|(?:want|like|love|need) to (?:let (?:you|u) in|open up to (?:you|u))"
            r"|(?:want|like|love|need) us to (?:be )?(?:more open|more honest|open up|more intimate"
            r"|more vulnerable)(?: with each other| to each other)?"
            r"|(?:hear|know|understand) (?:more )?(?:about )?how (?:you"
            + APOS
            + r"re|youre|you are)"
            r" (?:really )?(?:feeling|doing)"
            r"|(?:know|understand) what" + APOS + r"?s (?:really )?going on (?:in (?:your|ur)"
            r" (?:head|heart|mind)|with (?:you|u)|inside (?:you|u))"
            r"|(?:can|could) we (?:have|do) a (?:proper |real |deep |honest |long )?(?:heart to"
            r" heart|heart-to-heart|deep talk|proper talk)"
            r"|i miss our (?:[a-z]{2,12} ){0,2}(?:talks|chats|conversations|connection|closeness"
            r"|intimacy|date nights|cuddles)"
            r"|i miss (?:talking to (?:you|u)|spending time with (?:you|u)|us|being close"
            r"|feeling close|feeling connected|being connected|our talks"
            r"|our connection|the old us|how we were|how close we|how we used to"
            r"|the way we used to"
            r"|what we had|when we used to))\b",
            "an explicit wish to be closer",
            _NEG,
            needs=(
                "close|connect|time|team|same page|together again|understand|know|try again"
                "|start over|i miss|about you|about u|real you|real u|talks|conversations|chats"
                "|heart|deep talk|proper talk|just us|alone together|quality time|date night"
                "|each other|going on|talking to|the two of us|just for|let you in|open up|how you"
            ),
        ),
    ),
)

#: The flags this module detects, in the order they are tried.
