"""The phrase patterns behind the ``sexual_pressure`` safety category.

Requests for images, sex pushed for, love made conditional on sex, guilt by
comparison and shaming. ``safety.detect_safety`` decides, from the whole
message, whether a request is sexual or insistent.
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    GAP,
    SHORT_GAP,
)

__all__ = ["SEXUAL_PRESSURE"]

_NEG_REP = "negated reported"

_IMAGE_NOUNS: Final = (
    r"(?:pic|pics|pix|picture|pictures|photo|photos|selfie|selfies|nude|nudes|vid|video"
    r"|videos|snap|snaps|something (?:sexy|hot|naughty|dirty|spicy|special))\b"
)

SEXUAL_PRESSURE: Final = LabelRules(
    "sexual_pressure",
    (
        Cue(
            "image_request",
            "pic pics pix picture pictures photo photos selfie selfies nude nudes vid video "
            "videos snap snaps something",
            r"\b(?:send|sent|show|give|snap|take|shoot|get|earned|deserve|owe me|get to see"
            r"|see) (?:me |us )?(?:a |one |some |another |the |that |those |your |ur |more |a few "
            r"|a little |a quick |a lil |just one |one more |one little )?(?:(?:sexy|hot|naughty"
            r"|dirty|spicy|little|lil|quick|cute|new|private|special|real|good|naked|nude|topless"
            r"|shirtless|nsfw|bikini|lingerie|racy|steamy) )?"
            + _IMAGE_NOUNS
            + r"|\b(?:just|only|one|1) (?:one |a )?(?:little |quick |lil )?"
            + _IMAGE_NOUNS,
            "asks for an image",
            _NEG_REP,
        ),
        Cue(
            "owed",
            "owe owes",
            r"\b(?:(?:you|u) owe me|owes? me (?:one|some))\b",
            "says the other owes them",
            _NEG_REP,
        ),
        Cue(
            "see_body",
            "naked nude topless body boobs tits ass dick",
            r"\b(?:see|show me|let me see) (?:you|u|yourself|your|ur) ?(?:naked|nude|topless"
            r"|body|boobs|tits|ass|dick|without (?:your|ur) clothes)\b",
            "asks to see the other's body",
            _NEG_REP,
        ),
        Cue(
            "someone_who_will",
            "someone somebody else",
            r"\bif (?:you|u) (?:won"
            + APOS
            + r"?t|don"
            + APOS
            + r"?t|wont|dont|will not|do not)"
            + GAP
            + r"(?:i"
            + APOS
            + r"?ll|i will|ill) (?:just )?(?:find|get|go to|look for) (?:someone"
            r"|somebody|another|a girl|a guy)",
            "threatens to find someone else unless the other has sex",
            _NEG_REP,
        ),
        Cue(
            "undress",
            "take get strip undress",
            r"\b(?:(?:take|get) (?:your|ur) (?:top|shirt|clothes|bra|pants|panties|underwear|dress)"
            r" off|(?:strip|undress) for me|get naked (?:for me|on cam))\b",
            "asks the other to undress",
            _NEG_REP,
        ),
        Cue(
            "conditional_love",
            "loved cared wanted liked trusted",
            r"\bif (?:you|u) (?:really |truly |actually )?(?:loved|cared about|wanted|liked"
            r"|trusted) me(?: back| too)?,? (?:you"
            + APOS
            + r"d|you would|u"
            + APOS
            + r"d|youd|u would"
            r"|you" + APOS + r"ll|you will)\b",
            "makes love conditional on sex",
            _NEG_REP,
        ),
        Cue(
            "push_sex",
            "sleep sex hook fuck bang naked physical",
            r"\b(?:let"
            + APOS
            + r"s|lets|let us|come over and|we should|why won"
            + APOS
            + r"?t (?:you|u)|why (?:don"
            + APOS
            + r"t|dont) (?:you|u)|(?:you|u) (?:need to|have to"
            r"|should)|just|when (?:are|r|will) (?:we|you|u) (?:finally |ever |actually )?(?:gonna "
            r"|going to )?) ?(?:finally |already |just )?(?:sleep (?:with me|together)|have sex"
            r"|hook up|fuck|bang|get naked|get physical)",
            "pushes for sex",
            _NEG_REP,
        ),
        Cue(
            "compare_others",
            "couples people girlfriend girlfriends boyfriend boyfriends guys girls partners wives "
            "husbands",
            r"\b(?:most|other|normal|real|all|every|everyone else" + APOS + r"s) (?:couples"
            r"|people|girlfriends?|boyfriends?|guys|girls|partners|wives|husbands)"
            + SHORT_GAP
            + r"(?:would"
            + APOS
            + r"ve|would have|already|by now|do it|does|do|send|sends"
            r"|have|are)\b|\beveryone else" + APOS + r"s (?:girlfriend|boyfriend|partner|wife"
            r"|husband) (?:does|do|would|sends|gets|get|has|have)\b",
            "guilt-trips by comparison with other couples",
            _NEG_REP,
        ),
        Cue(
            "prude_shaming",
            "prude frigid tease cocktease uptight",
            r"\b(?:(?:you" + APOS + r"re|youre|you are|ur|such a|don" + APOS + r"t be|stop being"
            r"|dont be|(?:you|u) so|(?:you|u) being) (?:(?:such|a|so|being|just) ){0,2}"
            r"(?:prude|frigid"
            r"|tease|cocktease|uptight))\b",
            "shames the other into sex",
            _NEG_REP,
        ),
        Cue(
            "sex_ultimatum",
            "leave break else cheat elsewhere",
            r"\b(?:i" + APOS + r"ll|i will|ill|i" + APOS + r"m gonna) (?:just )?(?:leave|break up"
            r"|find someone else|cheat|go elsewhere|look elsewhere|get it elsewhere)"
            r" (?:with you )?(?:if|unless) (?:you|u)",
            "threatens to leave unless the other has sex",
            _NEG_REP,
        ),
    ),
)
