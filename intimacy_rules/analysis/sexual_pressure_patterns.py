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
    SAFETY_REPORTED_BEFORE,
    SHORT_GAP,
)

__all__ = ["IN_CONTEXT_CUES", "SEXUAL_PRESSURE", "SEXUAL_PRESSURE_IN_CONTEXT"]

_NEG_REP = "negated reported"

_IMAGE_NOUNS: Final = (
    r"(?:pic|pics|pix|picture|pictures|photo|photos|selfie|selfies|nude|nudes|vid|video"
    r"|videos|snap|snaps|(?:something|anything) (?:sexy|hot|naughty|dirty|spicy|special))\b"
)
#: Sex itself, or what stands for it in a request ("stay the night", "come to bed").
_SEX_ACTS: Final = (
    r"(?:sleep with me|sleep together|have sex|hook up|fuck|bang|get naked|stay the night"
    r"|stay over|spend the night|come to bed|come upstairs|come back to mine|put out"
    r"|send (?:me )?(?:nudes|pics|a pic|a nude)|go down on me|touch me|do stuff)\b"
)
#: The explicit part of ``_SEX_ACTS``, for frames where "stay over" may be innocent.
_SEX_EXPLICIT: Final = (
    r"(?:sleep with me|sleep together|have sex|hook up|fuck|bang|get naked|come to bed"
    r"|come upstairs|put out|send (?:me )?(?:nudes|a nude)|go down on me|want me|touch me)\b"
)
_LOVE_VERBS: Final = r"(?:loved|cared|wanted|liked|respected|trusted)"

_CUES: Final = (
    Cue(
        "image_request",
        "pic pics pix picture pictures photo photos selfie selfies nude nudes vid video "
        "videos snap snaps something anything",
        # "why won't you send…" pushes; the leading question keeps the negation guard off.
        r"\b(?:why (?:won" + APOS + r"?t|wont|don" + APOS + r"?t|dont) (?:you|u) (?:ever |just )?"
        r"|(?:you|u) (?:won" + APOS + r"?t|wont|can" + APOS + r"?t|cant|never|refuse to)"
        r" (?:even |ever )?)?"
        r"(?:send|sent|show|give|snap|take|shoot|get|earned|deserve|owe me|get to see|need|want"
        r"|see) (?:me |us )?(?:a |one |some |another |the |that |those |your |ur |more |a few "
        r"|a little |a quick |a lil |just one |one more |one little )?(?:(?:sexy|hot|naughty"
        r"|dirty|spicy|little|lil|quick|cute|new|private|special|real|good|naked|nude|topless"
        r"|shirtless|nsfw|bikini|lingerie|racy|steamy) )?"
        + _IMAGE_NOUNS
        + r"|\b(?:just|only|one|1) (?:one |a )?(?:more )?(?:little |quick |lil )?"
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
        "naked nude topless body boobs tits ass dick under underneath",
        r"\b(?:see|show me|let me see) (?:you|u|yourself|your|ur) ?(?:naked|nude|topless"
        r"|body|boobs|tits|ass|dick|without (?:your|ur) clothes)\b"
        r"|\b(?:see|show me|let me see) what" + APOS + r"?s (?:under|underneath) (?:that|your|ur"
        r"|the|this) (?:dress|shirt|top|skirt|clothes|towel|jeans|hoodie|blanket)\b",
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
        + r"?ll|i will|ill) (?:just )?(?:go )?(?:find|get|go to|look for) (?:someone"
        r"|somebody|another|a girl|a guy)"
        r"|\b(?:i" + APOS + r"?ll|i will|ill) (?:just )?(?:go )?(?:find|get) (?:someone"
        r"|somebody)"
        r" (?:else )?who (?:will|would)" + GAP + r"if (?:you|u) (?:won" + APOS + r"?t|wont"
        r"|don" + APOS + r"?t|dont|will not)",
        "threatens to find someone else unless the other has sex",
        _NEG_REP,
    ),
    Cue(
        "undress",
        "take get strip undress",
        r"\b(?:take (?:it|that|them|everything|it all) off (?:for me|now|already)"
        r"|take off (?:your|ur) (?:top|shirt|clothes|bra|pants|panties|underwear|dress)"
        r"|(?:take|get) (?:your|ur) (?:top|shirt|clothes|bra|pants|panties|underwear|dress)"
        r" off|(?:strip|undress) for me|get naked (?:for me|on cam))\b",
        "asks the other to undress",
        _NEG_REP,
    ),
    Cue(
        "conditional_love",
        "loved cared wanted liked trusted",
        r"\bif (?:you|u) (?:really |truly |actually )?(?:(?:loved|cared about|wanted|liked"
        r"|trusted) me(?: back| too)?|cared),? (?:you"
        + APOS
        + r"d|you would|u"
        + APOS
        + r"d|youd|u would"
        r"|you" + APOS + r"ll|you will|you wouldn" + APOS + r"t|you wouldnt|you would not"
        r"|u wouldn" + APOS + r"t|u wouldnt)\b",
        "makes love conditional on sex",
        _NEG_REP,
    ),
    Cue(
        "push_sex",
        "sleep sex hook fuck bang naked physical pic photo picture nude selfie bed upstairs put",
        r"\b(?:let"
        + APOS
        + r"s|lets|let us|come over and|we should|why won"
        + APOS
        + r"?t (?:you|u)|why (?:don"
        + APOS
        + r"t|dont) (?:you|u)|(?:you|u) (?:need to|have to"
        r"|should)|just|and|now|when (?:are|r|will) (?:we|you|u)"
        r" (?:finally |ever |actually )?(?:gonna "
        r"|going to )?) ?(?:finally |already |just )?(?:sleep (?:with me|together)|have sex"
        r"|hook up|fuck|bang|get naked|get physical|come to bed|get in bed|get into bed"
        r"|come upstairs|put out)"
        # Minimising, which only counts when the message insists ("what's the big deal").
        r"|\b(?:it" + APOS + r"s|its|it is) (?:just|only) (?:sex|a pic|a photo|a picture|a nude"
        r"|one pic|one photo|a selfie|a little pic)\b",
        "pushes for sex",
        _NEG_REP,
    ),
    Cue(
        "sex_as_proof",
        "least supposed love care want like needs loved cared wanted liked respected "
        "trusted someone somebody plenty never time even know weird uptight frigid prudish if "
        "why awkward strange cold boring",
        # Sex made the price of love, owed, or a duty: "the least you can do is…",
        # "you're supposed to want…", "you'd stay the night if you loved me".
        r"\bthe least (?:you|u) (?:can|could) do is (?:to )?(?:just )?"
        + _SEX_EXPLICIT
        + r"|\b(?:you"
        + APOS
        + r"re|youre|you are|ur) supposed to (?:want to |wanna |be )?"
        r"(?:want(?:ing)? )?"
        + _SEX_EXPLICIT
        + r"|\b(?:girlfriends|boyfriends|wives|husbands|partners|couples) (?:are supposed to"
        r"|should|have to) "
        + _SEX_ACTS
        + r"|\b(?:you|u) (?:don"
        + APOS
        + r"t|dont|do not|can"
        + APOS
        + r"t|cant) (?:really )?"
        r"(?:love|care about|want|like) me (?:if|since|cause|because|unless) (?:you|u)"
        r" (?:won"
        + APOS
        + r"t|wont|will not|don"
        + APOS
        + r"t|dont|refuse to|can"
        + APOS
        + r"t|never) (?:even )?"
        + _SEX_ACTS
        + r"|\b(?:you"
        + APOS
        + r"d|you would|youd|u would|u"
        + APOS
        + r"d) (?:just |already "
        r"|happily )?"
        + _SEX_ACTS
        + GAP
        + r"if (?:you|u) (?:really |truly |actually )?"
        + _LOVE_VERBS
        + r"|\bif (?:you|u) (?:won"
        + APOS
        + r"t|wont|don"
        + APOS
        + r"t|dont|will not) "
        + _SEX_ACTS
        + r"(?: with me)?,? (?:then )?(?:someone|somebody|plenty of \w{2,10})"
        r" (?:else )?(?:will|would|who will)"
        r"|\b(?:you|u) never (?:want|wanna) (?:to )?"
        + _SEX_EXPLICIT
        + r"|\b(?:won"
        + APOS
        + r"?t|wont|will not|can"
        + APOS
        + r"?t|cant) even "
        + _SEX_EXPLICIT
        + r"|\bwhy (?:won"
        + APOS
        + r"?t|wont|don"
        + APOS
        + r"?t|dont) (?:you|u) (?:just |ever )?"
        + _SEX_EXPLICIT
        + r"|\bif (?:you|u) (?:don"
        + APOS
        + r"?t|dont|won"
        + APOS
        + r"?t|wont|will not) "
        + _SEX_EXPLICIT
        + GAP
        + r"(?:i"
        + APOS
        + r"?m done|we"
        + APOS
        + r"?re done|i"
        + APOS
        + r"?m leaving|i"
        + APOS
        + r"?ll leave|it"
        + APOS
        + r"?s over|we"
        + APOS
        + r"?re over|i"
        + APOS
        + r"?m out)"
        + r"|\b(?:you|u) know (?:you|u) (?:want|wanna) (?:it|to|me)[^.!?\n]{0,30}?"
        + _SEX_EXPLICIT
        + r"|\b(?:weird|uptight|frigid|prudish|awkward|strange|cold|boring|shy|precious)"
        r" (?:about|with) (?:(?:sending|taking|having|sharing|showing) )?(?:sex|sleeping"
        r" (?:with me|together)|nudes|pics|a pic|photos|a photo|your body|ur body)\b"
        + r"|\b(?:it"
        + APOS
        + r"?s|its|it is|about) time (?:you|u|we) (?:finally )?(?:slept with me"
        r"|slept together|had sex|hooked up|got physical|went all the way)\b"
        + r"|\b(?:i (?:have|got|"
        + APOS
        + r"ve got|ve got) needs|(?:a|every) (?:man|guy|girl"
        r"|woman) has needs)\b(?! too| as well| that| and| of my own| in this| like)",
        "makes sex the proof of love or a duty",
        _NEG_REP,
        # Every alternative names sex or what stands for it.
        needs="sleep|sex|hook|fuck|bang|naked|night|stay over|bed|upstairs|mine|put out|nude"
        "|pic|go down|touch me|stuff|slept|physical|all the way|needs|want me",
    ),
    Cue(
        "compare_others",
        "couples people girlfriend girlfriends boyfriend boyfriends guys girls partners wives "
        "husbands gf gfs bf bfs women men everyone everybody",
        r"\b(?:most|other|normal|real|all|every|everyone else" + APOS + r"s) (?:couples"
        r"|people|girlfriends?|boyfriends?|gfs?|bfs?|guys|girls|partners|wives|husbands|women"
        r"|men)"
        + SHORT_GAP
        + r"(?:would"
        + APOS
        + r"ve|would have|would|already|by now|do it|does|do|send|sends"
        r"|have|are)\b|\beveryone else" + APOS + r"s (?:girlfriend|boyfriend|partner|wife"
        r"|husband|gf|bf) (?:does|do|would|sends|gets|get|has|have)\b"
        # "everyone sends pics to their bf", "everybody does it"
        r"|\b(?:everyone|everybody)(?: else)? (?:sends|does it|does that|has sex"
        r"|sleeps with|puts out|shares)\b",
        "guilt-trips by comparison with other couples",
        _NEG_REP,
    ),
    Cue(
        "compare_ex",
        "last ex exes",
        # "you send them to your ex but not to me", "i bet your ex got pics"
        r"\b(?:your|ur) (?:ex|exes|last (?:bf|gf|boyfriend|girlfriend))\b"
        + GAP
        + r"(?:but not (?:to |for |with )?me|why not me|and not me)"
        r"|\b(?:your|ur) (?:ex|exes) (?:got|gets|had|has|saw|sees|used to get) (?:pics"
        r"|nudes|photos|videos|it|everything|to see)\b",
        "compares the other's refusal with what an ex got",
        _NEG_REP,
    ),
    Cue(
        "prude_shaming",
        "prude frigid tease cocktease uptight",
        r"\b(?:(?:you" + APOS + r"re|youre|you are|ur|such a|don" + APOS + r"t be|stop being"
        r"|dont be|(?:you|u) so|(?:you|u) being|quit being|what a|why (?:are|r) (?:you|u)"
        r"|you" + APOS + r"re being|ur being) (?:(?:such|a|so|being|just) ){0,2}"
        r"(?:prude|frigid"
        r"|tease|cocktease|uptight))\b",
        "shames the other into sex",
        _NEG_REP,
    ),
    Cue(
        "sex_ultimatum",
        "leave break else cheat elsewhere stop block dump end unmatch",
        r"\b(?:i" + APOS + r"ll|i will|ill|i" + APOS + r"m gonna) (?:just )?(?:leave|break up"
        r"|find someone else|cheat|go elsewhere|look elsewhere|get it elsewhere"
        r"|stop (?:talking to|texting|seeing|answering) (?:you|u)|block (?:you|u)"
        r"|dump (?:you|u)|end (?:this|it|things|us)|unmatch)"
        r" (?:with (?:you|u) )?(?:if|unless) (?:you|u|we)",
        "threatens to leave unless the other has sex",
        _NEG_REP,
    ),
    Cue(
        "no_means_yes",
        "means answer option",
        # A refusal treated as no answer: "ur no means maybe", "no isn't an answer".
        r"\b(?:your|ur|a|the) no (?:(?:really|just|usually|always|probably) )?means (?:maybe"
        r"|yes|try harder|keep going|ask again)\b"
        r"|\bno (?:isn" + APOS + r"?t|isnt|is not|ain" + APOS + r"?t|aint|" + APOS + r"?s not)"
        r" (?:really )?(?:an|a real|an acceptable|a valid|the right) (?:answer|option)\b",
        "treats a refusal as no answer",
        "reported",
    ),
    Cue(
        "refusal_pushed",
        "saying refusing excuses answer asking begging bugging texting ask turning rejecting",
        # Insisting after a refusal; counts when the message is about sex or images.
        r"\bstop (?:saying no|refusing|making excuses|with the excuses|rejecting me"
        r"|turning me down)\b"
        r"|\b(?:won" + APOS + r"?t|wont|will not|not gonna|not going to|don" + APOS + r"?t|dont"
        r"|never) take no for an answer\b"
        r"|\b(?:not|never) taking no for an answer\b"
        r"|\b(?:keep|keeps|gonna keep|going to keep|ll keep|" + APOS + r"ll keep) (?:asking"
        r"|begging|bugging (?:you|u)|texting (?:you|u)) (?:until|till|til|" + APOS + r"til)"
        r" (?:you|u) (?:say yes|give in|do it|send|agree)\b"
        r"|\bhow many (?:more )?times (?:do|will|must|should) i (?:have to |need to |gotta )?"
        r"ask\b"
        r"|\b(?:always|keep|keeps|still) (?:making|make|makes|coming up with) excuses\b"
        r"|\b(?:you|u) (?:keep|kept|keeps) (?:refusing|saying no|turning me down"
        r"|rejecting me)\b",
        "will not take no for an answer",
        "reported",
        needs=(
            "saying no|refusing|excuses|for an answer|until|til|how many|turning me down"
            "|rejecting me"
        ),
    ),
    Cue(
        "aroused_refusal",
        "lead led leading worked turned",
        # "you got me all worked up and now you're saying no"
        r"\b(?:(?:lead|led|leading) me on|(?:got|get|gets|getting) me (?:all |so )?"
        r"(?:worked up|turned on|hot and bothered|hard|wet))"
        + GAP
        + r"(?:say(?:ing)? no|stop|change (?:your|ur) mind|back out|not fair|tease)",
        "blames the other's arousal for their refusal",
        "reported",
    ),
    Cue(
        "guilt_for_sex",
        "crap "
        "unwanted unloved rejected ugly undesirable unattractive fun point wait waiting "
        "let further way selfish still yet",
        # Guilt over a refusal; counts when the message names sex or images.
        r"\b(?:you|u) (?:make|made|making) me feel (?:so |really |very |like )?(?:unwanted"
        r"|unloved|rejected|ugly|undesirable|unattractive|like shit|like crap|like nothing)"
        r"|\b(?:you|u) used to be (?:so |more )?fun\b"
        r"|\bwhat" + APOS + r"?s the point (?:of|in) (?:being together|us|dating|this"
        r" relationship|a relationship|having a (?:gf|bf|girlfriend|boyfriend|partner)"
        r"|being with (?:you|u))"
        r"|\b(?:wait|waiting|wait around|waiting around) (?:forever|this long|any longer"
        r"|much longer)\b"
        r"|\b(?:won" + APOS + r"?t|wont|never|refuse to) (?:even )?(?:let me|go (?:any )?further"
        r"|go all the way)\b"
        r"|\b(?:so|being|you" + APOS + r"re|ur|youre) (?:so )?selfish\b"
        r"|\b(?:still|yet again) no (?:sex|action|nudes|pics)\b",
        "guilt-trips the other over a refusal",
        "reported",
        needs=(
            "me feel|used to be|the point|wait|let me|further|all the way|selfish|n"
            "o sex|no action|no nudes|no pics"
        ),
    ),
    Cue(
        "doubt_love",
        "attractive want love care like",
        # "you don't even find me attractive", "you clearly don't want me"
        r"\b(?:you|u) (?:clearly |obviously |must )?(?:don" + APOS + r"?t|dont|do not|must not"
        r"|never) (?:actually |even |really |truly |clearly |obviously )?(?:find me attractive"
        r"|want me|love me|care about me|like me)\b",
        "doubts the other's love over a refusal",
        "reported",
        needs="attractive|want me|love me|care about me|like me",
    ),
    Cue(
        "transactional",
        "after owed entitled fair mine",
        # Sex as repayment: "after everything i spent…", "it's only fair you send yours".
        r"\bafter (?:all|everything) (?:i" + APOS + r"?ve done|i have done|i do|i did|i spent"
        r"|i paid|i bought|i gave)"
        r"|\b(?:i" + APOS + r"?m|im|i am|i feel) (?:owed|entitled to)\b"
        r"|\b(?:only|just) fair (?:that )?(?:you|u) (?:send|show|do|give|return)"
        r"|\bi (?:sent|showed|gave) (?:you|u) mine\b",
        "makes sex or images a repayment",
        _NEG_REP,
        needs=("after all|after everything|owed|entitled|fair|mine"),
    ),
    Cue(
        "presume_desire",
        "know pretending",
        r"\b(?:i|we both) know (?:you|u) (?:want|wanna|like) (?:it|this|me)\b"
        r"|\bstop pretending (?:you|u) (?:don" + APOS + r"?t|dont|do not)",
        "claims the other secretly wants it",
        _NEG_REP,
    ),
    Cue(
        "shaming_refusal",
        "scaredycat baby chicken scaredy wimp boring shy difficult dramatic precious",
        # "stop being a baby and send it": counts when the message is about sex or images.
        r"\b(?:stop being|don" + APOS + r"?t be|dont be|quit being|you" + APOS + r"?re being"
        r"|youre being|ur being) (?:(?:such|so|a|an) ){0,2}(?:baby|chicken|scaredy ?cat|wimp"
        r"|boring|shy|difficult|dramatic|precious)\b",
        "shames a refusal",
        _NEG_REP,
    ),
    Cue(
        "insistence",
        "beg begging prove tired sick losing patience whether leaving always keep keeps turn "
        "turns turning turned job duty owe lucky acting playing hard just once mine belongs "
        "least top half else nobody deserve knew wearing dressed needs how every never tonight "
        "love even husband boyfriend bf wife girlfriend gf games patient waited waiting weeks "
        "months withhold withholds withholding withheld",
        # Pushing in a message about sex or images: begging, impatience, entitlement,
        # "just the top half", "do you even love me?".
        r"\b(?:have to|had to|make me|making me|why do i (?:always )?have to) beg\b"
        r"|\bbegging (?:you|u)\b|\bprove (?:it|that you|you|u)\b"
        r"|\b(?:tired|sick) of waiting\b|\blosing (?:my )?patience\b"
        # impatience with a refusal: "I've been patient for weeks and you still won't have sex"
        r"|\b(?:been (?:so |very |really )?patient|waited|been waiting|been (?:weeks|months))\b"
        r"[^\n]{0,60}?\b(?:you|u) (?:still )?(?:won" + APOS + r"?t|wont|will not|refuse to)"
        r" (?:have sex|sleep with me|touch me|put out)\b"
        r"|\b(?:withhold|withholds|withholding|withheld) (?:sex|intimacy)\b[^\n]{0,120}?"
        r"\b(?:i expect|(?:that|it|this) (?:needs|has|is going) to change)"
        r"|\bwhether (?:you|u)(?:" + APOS + r"?re| are| r)? (?:like it|in the mood|want (?:to|it)"
        r"|feel like it|ready|into it) or not\b|\bnot leaving (?:until|till|til)\b"
        r"|\b(?:always|keep|keeps) (?:say(?:ing)?|said) (?:no|not tonight)\b"
        r"|\b(?:turn|turns|turning|turned) (?:me )?(?:away|down)\b"
        r"|\b(?:it" + APOS + r"?s|its|it is) (?:literally )?(?:your|ur) (?:job|duty)\b"
        r"|\b(?:you|u) owe (?:me|it to me)\b"
        r"|\b(?:you|u) should (?:feel|be) lucky\b|\blucky i (?:even )?want\b"
        r"|\bacting like a (?:virgin|nun|prude|child|kid|little girl|little boy)\b"
        r"|\bstop playing (?:games|hard to get)\b"
        r"|\b(?:making|make|makes) (?:this|it) so (?:hard|difficult|complicated)\b"
        r"|\bjust (?:this )?once\b|\bjust (?:the )?(?:top half|top|one|a little|a bit)\b"
        r"|\b(?:is|are) mine (?:too|as well)\b|\bbelongs? to me\b"
        r"|\b(?:at least|at the very least) (?:take|send|show|let)\b"
        r"|\b(?:nobody|no one) (?:else )?(?:sees|will see|would see|is going to see) (?:my"
        r" phone|it|them)\b"
        r"|\bi (?:need|deserve) (?:this|it)\b"
        r"|\b(?:knew|know) what (?:you|u) were doing\b|\b(?:wearing|dressed like) that\b"
        r"|\bhow (?:much )?longer\b|\bevery time i try\b"
        r"|\b(?:you|u) never (?:want|wanna|let me)\b|\bnot tonight again\b"
        r"|\bdo (?:you|u) even (?:love|like|want) me\b|\bdon" + APOS + r"?t (?:you|u) (?:love"
        r"|want) me\b"
        r"|\b(?:i" + APOS + r"?m|im|i am) (?:your|ur) (?:husband|boyfriend|bf|wife|girlfriend"
        r"|gf)\b|\b(?:you" + APOS + r"?re|youre|ur|you are) my (?:girlfriend|gf|wife|boyfriend"
        r"|bf|husband)\b",
        "pushes for sex or images",
        "reported",
    ),
)

#: Cues built from common words ("just once", "how much longer", "you never
#: want…") that count only in a message about sex or images of the body:
#: ``safety.detect_safety`` runs them only after that test.
IN_CONTEXT_CUES: Final = frozenset(
    {
        "compare_others",
        "compare_ex",
        "refusal_pushed",
        "guilt_for_sex",
        "doubt_love",
        "transactional",
        "shaming_refusal",
        "insistence",
    }
)

SEXUAL_PRESSURE: Final = LabelRules(
    "sexual_pressure",
    tuple(cue for cue in _CUES if cue.name not in IN_CONTEXT_CUES),
    reported=SAFETY_REPORTED_BEFORE,
)
SEXUAL_PRESSURE_IN_CONTEXT: Final = LabelRules(
    "sexual_pressure",
    tuple(cue for cue in _CUES if cue.name in IN_CONTEXT_CUES),
    reported=SAFETY_REPORTED_BEFORE,
)
