"""The phrase patterns behind the ``threat`` safety category.

Warnings of consequences, threats of harm (harm verbs aimed at a person, not
"this exam is killing me"), intimidation, stalking and surveillance, and
threats of exposure, including veiled ones ("would be a shame if…").
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    GAP,
    I_WILL,
    SAFETY_REPORTED_BEFORE,
    SHORT_GAP,
    YOU_WILL,
    alt,
)

__all__ = ["THREAT"]

_NEG_REP = "negated reported"

_HARM_VERBS: Final = alt(
    "hurt kill hit beat punch slap stab shoot strangle choke smash break destroy ruin end "
    "murder burn cut bury wreck key slash poison drown run_over"
)
_HARM_OBJECTS: Final = (
    r"(?:you|u|ya|him|her|them|(?:all )?(?:your|ur) (?:face|life|car|career|reputation|stuff"
    r"|things|clothes|house|place|phone|legs|neck|head|family|kids|dog|cat|tyres|tires"
    r"|new (?:boyfriend|girlfriend|guy|girl))"
    r"|(?:your|ur) (?:fingers|arms|arm|nose|jaw|teeth|ribs|knees|kneecaps|hands|hand|skull)"
    r"|(?:his|her|their) (?:face|jaw|head|nose|legs|teeth|neck|knees|skull|arms|car|fingers)"
    r"|that (?:guy|girl|bitch|bastard))\b"
)
_EXPOSURE_TARGETS: Final = (
    r"(?:everyone|everybody|the world|online|the internet|instagram|facebook|twitter|tiktok"
    r"|your (?:boss|wife|husband|family|parents|mom|mum|dad|friends|kids|coworkers|work|job"
    r"|whole (?:family|office)|ex|girlfriend|boyfriend)|all your friends|your mother|your father)"
)

# "I'll hit you up", "I'll cut you a slice": the harm verb is part of an idiom.
_NOT_IDIOM: Final = (
    r"(?! up\b| back\b| with\b| in on\b| a\b| an\b| some\b| off\b| out\b| down\b| to\b"
    r"| into\b| the\b| at\b| in\b| on\b)"
)

# Spreading the other's private things, and what gets spread.
_SPREAD_WORDS: Final = (
    "post posting leak leaking share sharing send sending show showing forward forwarding "
    "publish publishing upload uploading spread spreading release releasing expose exposing"
)
_SPREAD: Final = alt(_SPREAD_WORDS)
_PRIVATE: Final = (
    r"(?:pics|pictures|photos|nudes|videos|video|vids|vid|screenshots|texts|messages|chats|dms"
    r"|recordings|tapes?|everything|it all|the lot|(?:your|ur) secrets?|photo|pic|picture"
    r"|video)\b"
)
# What such a threat is made conditional on: the other's refusal or leaving.
_IF_YOU_REFUSE: Final = (
    r"\b(?:if (?:you|u) (?:don" + APOS + r"t|dont|do not|won" + APOS + r"t|wont|will not|ever"
    r"|try|leave|block|ignore|dump|break up|cheat|keep|stop|refuse|end (?:this|it|us|things)"
    r"|quit)(?! mind| want| need| like"
    r"| have (?:time|a (?:sec|minute|chance)))|unless (?:you|u)(?! want| need| like| mind| prefer"
    r"| have| object| think| say))\b"
)
# "I'll show you the video" shows it to the other: no exposure.
_SPEAKER_SPREADS: Final = (
    r"(?:" + I_WILL + r"|\b(?:i" + APOS + r"m|im|i am)) (?:just )?" + _SPREAD + r"(?! (?:you|u)\b)"
)

_EXPOSURE_ANCHORS: Final = (
    "everyone everybody world online internet instagram facebook twitter tiktok boss wife "
    "husband family parents mom mum dad friends kids coworkers work job office ex girlfriend "
    "boyfriend mother father person all everyone's everybody's partner fiance fiancee manager"
)

THREAT: Final = LabelRules(
    "threat",
    (
        Cue(
            "regret",
            "regret sorry pay wish suffer away sure fired sacked arrested deported kicked banned "
            "locked thrown disappear vanish",
            r"(?:" + YOU_WILL + r"|\b(?:you" + APOS + r"re|youre|you are|u r|ur) (?:going to|gonna)"
            r"|\b(?:he|she|they)(?:" + APOS + r"ll| will|ll| is going to|" + APOS + r"s gonna"
            r"|s gonna| are going to|" + APOS + r"re gonna))"
            r" (?:really |so |seriously |definitely )?(?:regret (?!not\b|missing\b|skipping\b)"
            r"|be (?:so |really |very |truly )?sorry\b(?! (?:you|u) missed| if)"
            r"|pay for (?:this|that|it|what|[a-z]{2,15}ing (?:me|to me))|pay(?=[.!,\n]|$)"
            r"|wish (?:you|u) (?:hadn" + APOS + r"t|never))"
            r"|"
            + I_WILL
            + r" make (?:you|u|him|her|them) (?:pay|regret|sorry|suffer|disappear|vanish)\b"
            r"|" + I_WILL + r" (?:get|have) (?:you|u) (?:fired|sacked|arrested|deported|kicked out"
            r"|banned|locked up|thrown out)\b"
            r"|" + I_WILL + r" make sure (?:(?:you|u) (?:regret|pay|suffer|lose (?:your|ur"
            r"|everything)|never (?:work|see|get|find))|(?:nobody|no one) (?:ever )?"
            r"(?:hires|wants|loves|dates|believes|trusts|touches|employs) (?:you|u)"
            r"|(?:your|ur) whole [a-z]{2,12} (?:knows|finds out|sees"
            r"|hears)"
            r"|(?:everyone|everybody) (?:knows|finds out|sees|hears) (?:what (?:you|u)"
            r"|who (?:you|u)"
            r"|about (?:you|u|this|us)|the truth))\b"
            r"|\b(?:you|u)(?: won" + APOS + r"t| will not|" + APOS + r"re not| are not| r not"
            r"| aren" + APOS + r"t)(?: going to| gonna)? get away with (?:this|that|it"
            r"|what (?:you|u))\b",
            "warns the other of consequences",
            _NEG_REP + " joke",
        ),
        Cue(
            "promised_consequence",
            "like will ull happens comes coming you'll youll u'll deserve life career marriage "
            "reputation ruin destroy end",
            # Consequences promised to the other: "you won't like what happens next",
            # "you're gonna get what's coming to you", "cross me and you'll find out".
            r"\b(?:you|u)(?: won"
            + APOS
            + r"?t| wont| will not| are not going to| aren"
            + APOS
            + r"?t going to| re not gonna) like what (?:happens|comes next|i do|i"
            + APOS
            + r"?ll do|i will do)"
            r"|\b(?:you" + APOS + r"re|youre|you are|ur|u r) (?:going to|gonna) get what"
            r"(?:" + APOS + r"?s| is) coming(?: to (?:you|u))?"
            r"|\b(?:you" + APOS + r"ll|you will|u" + APOS + r"ll|u will|youll|(?:you" + APOS + r"re"
            r"|youre|ur|you are) (?:gonna|going to)) get what (?:you|u) deserve\b"
            r"|\b(?:you" + APOS + r"ll|you will|u" + APOS + r"ll|u will|youll) (?:find out|see)"
            r"(?= ?[.!\n]| ?$| what (?:happens|i do))"
            # "your whole life is over", "your career will be finished"; not "if your
            # marriage is over, ..." nor "your life isn't over"
            r"|(?<!if )(?<!when )(?<!now that )\b(?:(?:your|ur) (?:whole |entire )(?:life|career"
            r"|marriage|reputation) (?:is|will be|" + APOS + r"?s) (?:over|finished|ruined)"
            r"|(?:your|ur) (?:life|career|marriage|reputation) (?:will be|is going to be"
            r"|" + APOS + r"?s going to be|is gonna be|" + APOS + r"?s gonna be) (?:over|finished"
            r"|ruined)"
            r"|" + I_WILL + r" (?:ruin|destroy|end) (?:your|ur) (?:whole |entire )?(?:life|career"
            r"|marriage|reputation))\b",
            "promises the other consequences",
            _NEG_REP + " joke",
        ),
        Cue(
            "or_else",
            "else or",
            r"\bor else(?= ?[.!?\n]|$| i\b)|\bor (?:i"
            + APOS
            + r"ll|ill|i will|i"
            + APOS
            + r"m gonna|im gonna)"
            r" (?:come (?:find|over|there|to your)|make (?:you|sure)|tell (?:everyone|your)"
            r"|show|post|send (?:them|it|everyone)|find (?:you|out)|hurt|kill|end|ruin|break"
            r"|do something|be waiting|expose|turn up|show up|come round|come over)"
            r"|\bor (?:i" + APOS + r"m|im|i am) (?:sending|posting|showing|telling|leaking"
            r"|forwarding|coming (?:over|round|to your|in|up|inside)|breaking in"
            r"|kicking (?:the|your|ur) door)\b"
            # "don't ignore me or your mum sees…": the "don't" belongs to the ultimatum.
            r"|\b(?:(?:don" + APOS + r"?t|dont|do not) [a-z]{2,12}(?: me)? )?or (?:(?:your|ur)"
            r" [a-z]{2,12}|everyone|everybody|the whole [a-z]{2,12})"
            r" (?:sees|will see|finds out|will find out|gets|will get|hears|will hear|knows"
            r"|will know)\b",
            "an ultimatum backed by a threat",
            _NEG_REP + " joke",
        ),
        Cue(
            "harm",
            "hurt kill hit beat punch slap stab shoot strangle choke smash break destroy ruin end "
            "murder burn cut bury wreck key slash dead die poison drown run",
            I_WILL
            + r" (?:fucking |really |actually |seriously |literally |just )?"
            + _HARM_VERBS
            + r" "
            + _HARM_OBJECTS
            + _NOT_IDIOM
            + r"|\bi (?:could|want to|wanna|swear i"
            + APOS
            + r"ll) (?:fucking |literally )?"
            r"(?:kill|strangle|hurt|punch|slap|hit|stab|choke) "
            + _HARM_OBJECTS
            + _NOT_IDIOM
            + r"|(?:you"
            + APOS
            + r"re|youre|you are|ur) (?:so )?(?:dead|dead meat|gonna die"
            r"|going to die|going to get hurt|gonna get hurt)\b(?! to me)",
            "threatens harm",
            _NEG_REP + " laughing game",
        ),
        Cue(
            "conditional_menace",
            "leave walk block ignore lie cheat dump ghost report talk text see message answer "
            "reply come pick respond won't wont try dare tell keep again break touches touch "
            "next finished history dead",
            # A hostile act promised on a condition: "if you block me I will come to your
            # house", "if that guy texts you again I'll break his jaw".
            r"\bif (?:you|u) (?:ever )?(?:leave|walk out|block|ignore|lie|cheat|dump|ghost|report"
            r"|go (?:out|near)|talk to|text|see|message|don" + APOS + r"?t (?:answer|reply|come"
            r"|pick up|respond)|dont (?:answer|reply|come|pick up|respond)|won" + APOS + r"?t|wont"
            r"|try|dare|tell|do (?:it|that|this) again|say (?:that|it) again|break up)"
            + GAP
            + I_WILL
            + r" (?:just |fucking )?(?:come (?:to|over to|round to) (?:your|ur)|show up (?:at|to)"
            r"|make sure|make (?:your|ur)|ruin|destroy|expose|leak|find (?:you|u)"
            r"|get (?:you|u) (?:fired|sacked|arrested)|call (?:your|ur) (?:boss|wife|husband|mum"
            r"|mom|dad|parents|work)|come (?:over there|find)|make (?:you|u) (?:pay|regret|sorry"
            r"|suffer)|shut (?:you|u) up)\b"
            r"|\b(?:say|do|try) (?:that|it|this) again" + GAP + I_WILL + r" (?:just |fucking )?"
            r"(?:shut (?:you|u) up|make (?:you|u)|hurt|hit|slap|kill|end|ruin|break)\b"
            r"|\bif (?:you|u) " + GAP + r",? (?:you" + APOS + r"re|youre|you are|ur) (?:finished"
            r"|done for|history|dead)\b"
            r"|\bif (?:he|she|they|that [a-z]{2,10}|some [a-z]{2,10}|any [a-z]{2,10}|[a-z]{2,12})"
            r" (?:ever )?(?:touches|texts|calls|messages|talks to|looks at|comes near|goes near"
            r"|hurts|so much as)" + GAP + I_WILL + r" (?:fucking )?(?:kill|hurt|break|punch|smash"
            r"|beat|stab|hit|end|destroy|ruin|bury)\b"
            r"|\b(?:the next|any) (?:guy|man|girl|woman|person|one|dude) (?:who|that)"
            + GAP
            + r"(?:is getting|gets|will get|is gonna get|is going to get) (?:hurt|beaten|hit"
            r"|his (?:ass|head) kicked|it)\b",
            "promises a hostile act on a condition",
            _NEG_REP + " joke game",
        ),
        Cue(
            "intimidation",
            "piss cross enemy messing piece dare test",
            r"\b(?:(?:i" + APOS + r"m|im|i am) not (?:someone|somebody|a person) (?:you|u) (?:want"
            r"|wanna) (?:as an enemy|to (?:cross|mess with|piss off|upset))"
            r"|(?:you|u) (?:don" + APOS + r"?t|dont|do not) (?:want|wanna) (?:me as an enemy"
            r"|to (?:cross|mess with|piss) me)"
            r"|(?:don" + APOS + r"?t|dont|do not) know who (?:you" + APOS + r"re|youre|you are)"
            r" messing with"
            r"|(?:won" + APOS + r"?t|wont|will not|not) (?:come|get|make it|walk) (?:home |back "
            r"|out )?in one piece"
            r"|(?:won"
            + APOS
            + r"?t|wont|will not|not gonna|not going to|never) (?:leave|get out of"
            r"|walk away from|come out of|walk out of|make it out of) (?:this|here|me|us|my"
            r" (?:house|place|life)|this (?:relationship|house|marriage|room)) in one piece"
            r"|(?:try|just try) (?:leaving|to leave|it|me|and leave)[.!,]* i dare (?:you|u)"
            r"|(?:want to|wanna|trying to) test me)\b",
            "intimidates the other",
            _NEG_REP + " joke game",
        ),
        Cue(
            "harm_idiom",
            "baby smash kick bash punch knock kids children son daughter dog",
            I_WILL + r" (?:smash|kick|bash|punch|knock) (?:your|ur) (?:face|head|teeth) in\b"
            r"|\b(?:you" + APOS + r"ll|you will|u" + APOS + r"ll|u will|youll) never see (?:the"
            r"|your|ur|my|our) (?:kids|children|son|daughter|dog|baby) again\b",
            "threatens harm or loss",
            _NEG_REP + " joke game",
        ),
        Cue(
            "warning",
            "watch better warning warned capable test happen consequences hell scared afraid "
            "terrified accidents trouble problems problem happen",
            r"\b(?:watch (?:your back|ur back|yourself|your mouth|ur mouth)\b"
            r"|(?:you" + APOS + r"d|you|u|youd|ud) better (?:watch|not|be (?:careful|scared|afraid"
            r"|worried))\b"
            r"|(?:should|better|had better|needs to|wants to) watch (?:his|her|their|your|ur)"
            r" back\b"
            r"|(?:you|u) (?:should|ought to) be (?:very |really )?(?:scared|afraid|terrified)"
            r" of me\b"
            r"|i" + APOS + r"m warning (?:you|u)|(?:this is your |last |final )warning"
            r"|(?:there"
            + APOS
            + r"?ll|there will|there"
            + APOS
            + r"?s going to) be (?:consequences"
            r"|hell to pay|trouble|problems|a problem)|hell to pay"
            r"|(?:you|u) have no idea what i" + APOS + r"m capable of"
            r"|don" + APOS + r"t test me"
            r"|(?:something|things) (?:bad |terrible )?(?:might|could|will|can|would)"
            r" happen to (?:you|u|your)"
            r"|(?:accidents|bad things|terrible things|things|bad stuff) (?:happen|can happen"
            r"|do happen|tend to happen) to (?:people|girls|guys|women|men|those|anyone|liars"
            r"|cheaters) (?:who|that|like (?:you|u))"
            r"|(?:accidents (?:happen|can happen)|(?:people|girls|guys) have accidents)"
            + GAP
            + r"(?:just saying|you know|if (?:you|u)|to people who))",
            "warns the other off",
            _NEG_REP + " joke game teasing",
        ),
        Cue(
            "dont_make_me",
            "make push see know",
            r"\b(?:(?:you|u) (?:don"
            + APOS
            + r"t|dont|do not) want to (?:see|know) what (?:i|happens)"
            r"|don" + APOS + r"?t (?:make|push) me (?:do something|hurt (?:you|u)|show up|turn up"
            r"|come (?:over|there|find|down|up|round|back|after (?:you|u)|get (?:you|u))"
            r"|get (?:physical|violent"
            r"|angry)|lose (?:my|it)))",
            "intimidates the other",
            _NEG_REP + " joke game",
        ),
        Cue(
            "life_hell",
            "hell miserable nightmare difficult hard unbearable",
            r"\bmake (?:your|ur) life (?:a |very |really |so )?(?:living )?(?:hell|miserable"
            r"|nightmare|difficult|hard|unbearable)\b",
            "threatens to make the other's life hell",
            _NEG_REP + " joke",
        ),
        Cue(
            "capable",
            "text message "
            "capable word call click happens idea know next works damage harm move see watch "
            "twice carefully hard",
            r"\b(?:what i" + APOS + r"?m capable of|what i am capable of"
            r"|one (?:word|call|text|message|click) from me"
            r"|(?:i" + APOS + r"?d|id|you" + APOS + r"?d|youd|you should|i would|better) think"
            r" (?:twice|very carefully|carefully|hard|long and hard) (?:before|about) (?:leaving"
            r"|dumping|blocking|ignoring|reporting|crossing|lying to|cheating on|walking out on)"
            r" me\b"
            r"|(?:see|watch|find out|wait and see) what (?:happens|i do|i" + APOS + r"?ll do"
            r"|i will do) (?:if|when|the next time) (?:you|u) (?:ever )?(?:leave|walk out|block"
            r"|ignore|dump|cheat|lie|tell|report|try|do that|do it|say that|go|talk to|text"
            r"|see)\b"
            r"|(?:one|a single) (?:phone )?(?:call|word|text|click|message|post)" + GAP + r"(?:your"
            r"|ur) (?:whole |entire )?(?:life|career|marriage|world|family|reputation|job)\b"
            r"|(?:go ahead|i dare (?:you|u)|call the (?:cops|police)|report me|tell (?:anyone"
            r"|someone|the police)|leave|ignore me|block me|walk away|try me|do it again|test me"
            r"|cross me|again"
            r"|keep (?:it|this|that) up|keep (?:on )?[a-z]{2,12}ing)"
            + GAP
            + r"(?:see|find out|watch) what happens"
            r"|see how (?:that|this) works out for (?:you|u)"
            r"|(?:see|watch) what i(?:" + APOS + r"ll| will)? do to (?:you|u|your|ur|him|her)"
            r"|(?:damage|harm) i (?:could|can|will|" + APOS + r"ll) do\b"
            r"|(?:think (?:very )?(?:carefully|hard)|be (?:very )?careful) about (?:your|ur) next"
            r" move"
            r"|(?:you|u) (?:have no idea|(?:don"
            + APOS
            + r"t|dont) know) what i(?:"
            + APOS
            + r"ll| will|"
            + APOS
            + r"m (?:going to|gonna)| might| could)? do\b(?! for| to make"
            r"| with| about| all day| at work| for a living)"
            r"|wait (?:till|until|til) (?:you|u) see what i(?:" + APOS + r"ll| will)? do next)\b",
            "intimidates the other with what could happen",
            _NEG_REP + " joke game",
        ),
        Cue(
            "knows_routine",
            "time when",
            r"\bi know (?:what time|when) (?:you|u) (?:leave|get|finish|go|come|are) (?:home|work"
            r"|out|off|alone|there|(?:your|ur) (?:shift|work|class|job|run))\b",
            "shows knowledge of the other's routine",
            _NEG_REP + " joke teasing",
        ),
        Cue(
            "followed",
            "followed tracked trailed watched saw",
            r"\bi (?:(?:followed|tracked|trailed) (?:you|u) (?:to|home|there|around|all|into|from"
            r"|back)|(?:watched|saw) (?:you|u) (?:from|through|leave|get|go in|come out))\b",
            "followed or watched the other",
            _NEG_REP + " joke",
        ),
        Cue(
            "send_to_everyone",
            "post leak share send show forward",
            I_WILL
            + r" (?:post|leak|share|send|show|forward)(?! (?:the|some|a few|my) (?:photos|pics"
            r"|pictures|link|invite|invites|details|news|recipe|playlist|album|menu|plan|address"
            r"|results)\b(?! of (?:you|u)\b))" + GAP + r" (?:to|with) (?:everyone|everybody"
            r"|all your friends|the whole|the internet|your (?:boss|wife|husband|work|job|office"
            r"|coworkers|whole))\b",
            "threatens to spread something to everyone",
            _NEG_REP + " joke",
        ),
        Cue(
            "know_where",
            "live lives work works sleep sleeps stay stays staying go goes address schedule "
            "routine take drive use walk park leave find living hiding sleeping",
            r"\bi know (?:where (?:you|u) (?:live|work|sleep|stay|are staying|go)(?! is| was| has)"
            r"|where (?:you" + APOS + r"?re|youre|ur|u r) (?:staying|living|sleeping|hiding)"
            r"|(?:your|ur) (?:new )?(?:address|schedule|routine)(?! (?:is|was|has been|gets)"
            r" (?:crazy|busy|packed|hectic|full|tight|mad|insane|a mess|so))"
            r"|where (?:your|ur) (?:kids|children|son|daughter|mom|mum|dad|parents|family|sister"
            r"|brother|girlfriend|boyfriend|new (?:boyfriend|girlfriend|man|woman|guy|girl))"
            r" (?:live|lives|work|works|go|goes|stay|stays|sleep|sleeps)"
            r"|(?:which|what) (?:bus|train|route|way|car|gym|door|entrance) (?:you|u) (?:take|drive"
            r"|use|go|walk|park|leave))\b"
            r"|"
            + I_WILL
            + r" find out where (?:you|u) (?:are|live|work|stay|sleep|"
            + APOS
            + r"?re staying)\b",
            "says they know where the other lives",
            _NEG_REP + " joke",
        ),
        Cue(
            "surveillance",
            "hiding street know "
            "tailing "
            "parked sitting waiting standing watching following tracking saw watched waited sat "
            "stood hid lurked hung was been drove driven driving walked walking outside filming "
            "across show turn come tabs keeping wait sit park stand hang front",
            r"\b(?:(?:been|was|i" + APOS + r"?m|im|i am) (?:parked|sitting|waiting|standing|hiding)"
            r" (?:(?:on|in|at) (?:the|a) [a-z]+ )?(?:outside|near|by|in front of|across from"
            r"|across the street from|down the street from) (?:your|ur)"
            # The speaker's own act of watching the other's place: "I waited outside your work".
            r"|\b(?:i" + APOS + r"m|im|i am) (?:(?:in|at|on) (?:the|a) [a-z]+ )?"
            r"(?:across (?:the street |the road )?from|down the street from|around the corner from)"
            r" (?:your|ur)\b"
            r"|i (?:waited|sat|stood|parked|hid|lurked|hung around) (?:by|next to) (?:your|ur)"
            r" (?:car|door|house|flat|place|work|office|building)\b"
            r"|i(?:" + APOS + r"ve| have|ve)? (?:been )?keeping tabs on (?:you|u|where|who|what)"
            r"|i (?:waited|sat|stood|parked|hid|lurked|hung around|was|(?:" + APOS + r"ve|ve|have)"
            r" been)(?: in (?:my|the) car| in the dark)? (?:outside|in front of|across from"
            r"|across the street from|down the road from|up the road from|across the road from"
            r"|down the street"
            r" from|around the corner from) (?:your|ur)\b"
            r"|i(?:" + APOS + r"ve| have|ve)? (?:been )?(?:drove|driven|driving|walked|walking)"
            r" (?:past|by) (?:your|ur) (?:place|house|flat|apartment|work|office|building"
            r"|parents" + APOS + r"?)" + GAP + r"(?:again|times|twice|every|all (?:day|night|week)"
            r"|last night|at night|tonight)\b"
            r"|(?:outside|at) (?:your|ur) (?:house|place|door|flat|apartment|work|office)"
            + GAP
            + r"(?:not leaving|won"
            + APOS
            + r"t leave|not going anywhere|staying (?:right )?here)"
            r" (?:until|till|unless)\b"
            r"|i(?:" + APOS + r"ve| have)? (?:been )?(?:watching|following|tracking) (?:you|u)\b"
            # "I'll show up at your work": a visit is a threat unless it plans something kind.
            r"|" + I_WILL + r" (?:just )?(?:show up|turn up|come|come round|come over) (?:at|to)"
            r" (?:your|ur) (?:work|house|office|job|door|place|flat|apartment|school|parents)"
            r"|(?:i" + APOS + r"?m|im|i am|i was) (?:following|tailing|watching|filming) (?:you|u)"
            r" (?:home|everywhere|around|to work|from work|all day|all night)\b"
            r"|i was (?:watching|following|filming) (?:you|u)\b(?! play| on| in the| perform| sing"
            r"| dance| speak| at the| onstage| on stage)"
            r"|i(?:" + APOS + r"ll| will|ll) be (?:waiting |sitting |parked |standing )?(?:outside"
            r"|across from|across the street from) (?:your|ur)\b"
            r"|i (?:saw|watched|know) who (?:dropped|drove|picked|you|u)"
            r"|"
            + I_WILL
            + r" (?:just )?(?:wait|be waiting|sit|park|stand|hang around) (?:by|outside"
            r"|at|near|in front of|next to) (?:your|ur) (?:car|house|door|place|flat|work|office"
            r"|building|gym|school|job)\b"
            r"|\b(?:i"
            + APOS
            + r"?m|im|i am) (?:right )?(?:outside|in front of) (?:your|ur) (?:place"
            r"|house|door|flat|apartment|work|office|building|window)\b)",
            "watches or follows the other",
            _NEG_REP + " joke question",
        ),
        Cue(
            "tracking",
            "snooping snooped "
            "hacking tracker tracking gps airtag camera spy location messages texts every checking "
            "through hacked logged tracked monitoring monitored into spyware see reading",
            r"\bi(?:" + APOS + r"ve| have|ve)? (?:been |keep |kept )reading (?:all )?(?:your|ur)"
            r" (?:messages|texts|emails|dms|chats|whatsapp|diary|journal)"
            r"|\bi (?:(?:put|installed|hid|have) (?:a |an )?(?:tracker|tracking app|gps|airtag"
            r"|camera|spy app|spyware) (?:on|in)"
            r"|(?:can )?see (?:everything|all) (?:you|u) (?:do|say|text|send|type|search)"
            r"|(?:can )?see everything(?= ?[.!\n]| ?$)"
            r"|(?:can|could) see (?:your|ur) (?:location|messages|texts"
            r"|every))|\b(?:tracking|tracked|monitoring|monitored) (?:your|ur) (?:phone|location"
            r"|messages|texts|emails|dms|car)\b"
            # Going through the other's phone or accounts, told as the speaker's own act.
            r"|\bi(?:" + APOS + r"ve| have|ve)? (?:been |keep |kept )?(?:checking|going through"
            r"|went through|gone through|snooping (?:through|in)|snooped (?:through|in)"
            r"|looked through|looking through|hacked|hacking|hacked into|logged into|logging into"
            r"|got into) (?:all )?(?:your|ur) (?:location|phone|messages|texts|emails|email|dms"
            r"|chats|whatsapp|instagram|insta|snapchat|snap|facebook|inbox|browser history"
            r"|search history|call log|accounts?|icloud|laptop)\b",
            "tracks the other",
            _NEG_REP + " joke",
        ),
        Cue(
            "no_escape",
            "blocked rid escape hide run block accounts account profiles profile numbers find",
            r"\b(?:(?:you|u) (?:can" + APOS + r"t|cant|cannot|will never|won" + APOS + r"t ever)"
            r" (?:get rid of|escape|hide from|run from|block) me"
            r"|block(?:ed)? me" + GAP + r"(?:make|create|open) (?:new|another|more|a new|other)"
            r" (?:accounts?|profiles?|numbers?)"
            r"|" + I_WILL + r" (?:always )?find (?:you|u)?,? ?(?:wherever|no matter (?:where|what)"
            r"|anywhere))",
            "says the other cannot get away",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_shame",
            "shame pity",
            # One scan for every outcome: "shame if they got out", "…if she didn't come back".
            r"\b(?:shame|pity) if" + GAP + r"(?:saw|see|sees|found out|find out|finds out"
            r"|heard|hear|knew|learned|were to|happened|leaked|got out|gets out|get out"
            r"|went public|go public|went online|got around|got leaked|gets leaked|didn"
            + APOS
            + r"?t come (?:back|home)|never came (?:back|home)|went missing|goes missing|got hurt"
            r"|gets hurt|disappeared|had an accident|caught fire|got scratched|got damaged)\b",
            "a veiled threat of exposure or misfortune",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_tell",
            _EXPOSURE_ANCHORS,
            I_WILL + r" (?:tell|show) " + _EXPOSURE_TARGETS + r" (?:what (?:you|u)"
            r"|about (?:you|u|us|what|your)|everything|the truth|who (?:you|u) really|your secret)"
            r"|(?:what would|imagine if) " + _EXPOSURE_TARGETS + r" (?:think|say|do)\b"
            r"|imagine what "
            + _EXPOSURE_TARGETS
            + r" (?:would|will|"
            + APOS
            + r"?d|might) (?:think|say|do)\b"
            r"|\b(?:your|ur) (?:new |current )?(?:boss|wife|husband|family|parents|mom|mum|dad|kids"
            r"|coworkers|girlfriend|boyfriend|partner|fiance|fiancee|manager)"
            r" (?:would|will|might|" + APOS + r"d) (?:love|like|be interested|be happy|enjoy) to"
            r" (?:see|read|know|hear)"
            r"|\b(?:everyone|everybody|the whole world|every (?:single )?person (?:you know|in your"
            r" life)|all (?:your|ur) [a-z]{2,12})(?:" + APOS + r"?s| is| are)? (?:will|is going to"
            r"|going to|gonna|are going to)"
            r" (?:see|know|find out|get|read|hear) (?:what|about|who|the truth|everything|those"
            r"|these|the|your|ur|our)\b",
            "threatens to tell others about the other",
            _NEG_REP + " joke",
            needs=(
                "tell |show |what would |imagine |would love|would like|will love|will like"
                "|might love|might like|be interested|be happy|everyone|everybody|whole world"
                "|person |all your |all ur "
            ),
        ),
        Cue(
            "exposure_leak",
            "post leak share send show forward expose upload publish release put",
            I_WILL + r" (?:send|show|forward) (?:your|ur) (?:mom|mum|dad|parents|boss|wife|husband"
            r"|family|friends|kids|coworkers|sister|brother|ex|girlfriend|boyfriend) (?:the|those"
            r"|these|that|our|your|ur|all (?:the|those|our)) (?:video|videos|pics|photos|pictures"
            r"|screenshots|texts|messages|chats|dms|recordings|nudes|tape)\b(?! from| of (?:the"
            r"|our|my) )"
            r"|" + I_WILL + r" (?:expose (?:you|u|your)|(?:post|leak|share|send|show|forward"
            r"|upload|publish|release|put up)"
            r" (?:your|ur|those|these|the|all) (?:nudes|naked|private|pics of you|photos of you"
            r"|videos of you|sex|intimate|screenshots|dms|messages|texts))",
            "threatens to publish the other's private things",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_conditional",
            _SPREAD_WORDS,
            # "I'll show everyone those pictures if you don't…", "if you leave, I'm posting…",
            # "one more lie and I'm showing your dad the messages"
            _SPEAKER_SPREADS
            + r"\b"
            + SHORT_GAP
            + _PRIVATE
            + GAP
            + _IF_YOU_REFUSE
            + r"|"
            + _IF_YOU_REFUSE
            + GAP
            + _SPEAKER_SPREADS
            + r"\b"
            + SHORT_GAP
            + _PRIVATE
            + r"|\b(?:one more|again|ever again|try (?:it|me|that)|keep [a-z]{2,12}ing|(?:ignore"
            r"|block|leave|dump|ghost|report|break up with) me)"
            + GAP
            + r"and "
            + _SPEAKER_SPREADS
            + r"\b"
            + SHORT_GAP
            + _PRIVATE,
            "makes the other's private things a hostage",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_leverage",
            "videos pics photos pictures nude nudes screenshots recordings messages texts chats "
            "dms know",
            # "I have screenshots of everything, don't push me", "your sister still doesn't
            # know what you did. For now."
            r"\bi(?:" + APOS + r"ve| have|ve)? (?:still )?(?:have|kept|saved|got|stored)"
            r" (?:copies of |screenshots of |recordings of )?(?:all |every )?(?:of )?(?:those "
            r"|these |the |your |ur |our )?(?:videos|pics|photos|pictures|nudes?|screenshots"
            r"|recordings|messages|texts|chats|dms"
            r"|(?:pics|photos|videos) of (?:you|u))\b"
            r"[^\n]{0,40}?(?:think about that|remember that|before you|don" + APOS + r"?t (?:push"
            r"|test|forget|make)|just saying|just so (?:you|u) know|for now"
            r"|so (?:be careful|think)|just in case|in case (?:you|u) (?:get|try|think)"
            r"|get (?:any )?ideas)"
            r"|(?:doesn" + APOS + r"?t|does not|don" + APOS + r"?t|do not|dont|doesnt) know"
            r" (?:what (?:you|u) did|about (?:you|u|us|this|it|what (?:you|u)))[^\n]{0,15}?for now",
            "holds the other's private things over them",
            _NEG_REP + " joke",
            needs="think about|remember|before you|push|test|forget|make|saying|so you know"
            "|so u know|for now|careful|in case|ideas",
        ),
        Cue(
            "exposure_tell_if",
            "tell show call",
            # "if you don't come back I'll tell your boss about…"
            _IF_YOU_REFUSE
            + GAP
            + I_WILL
            + r" (?:tell|show|call) "
            + _EXPOSURE_TARGETS
            + r"|"
            + I_WILL
            + r" (?:tell|show) "
            + _EXPOSURE_TARGETS
            + GAP
            + _IF_YOU_REFUSE,
            "threatens to tell others unless the other complies",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_as_consequence",
            "ignore ignoring block blocking leave leaving dump dumping ghost ghosting cheat "
            "cheating report reporting",
            # "ignore me again and those videos go to your parents"
            r"\b(?:ignore|ignoring|block|blocking|leave|leaving|dump|dumping|ghost|ghosting"
            r"|cheat on|cheating on|report|reporting) me" + GAP + r"and (?:(?:those|the|your|ur"
            r"|all|my|our|these|every) (?:\w{1,15} )?" + _PRIVATE + r" (?:go|goes|get|gets|end up"
            r"|ends up|will|are going|is going|go out|get sent)|(?:everyone|everybody"
            r"|the whole \w{2,12}|(?:your|ur) \w{2,12}) (?:sees|gets|will see|finds out"
            r"|will find out|hears|will hear|will know|knows|is getting)\b)",
            "makes exposure the price of leaving or ignoring",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_underway",
            "nudes screenshots recordings tape naked private intimate nude",
            # "screenshots of our chats are going to your wife"
            r"\b(?:nudes|screenshots|recordings|sex tape|(?:naked|private|intimate|nude)"
            r" (?:pics|photos|videos|pictures))" + SHORT_GAP + r" (?:are|is|will be|go|goes"
            r"|get|gets) (?:going |sent |straight )?(?:to (?:your|ur|everyone|everybody"
            r"|the internet)|online|public|everywhere|viral)\b",
            "says the other's private things are being sent out",
            _NEG_REP + " joke",
        ),
        Cue(
            "no_one_else",
            "nobody noone one no1",
            r"\bif i (?:can" + APOS + r"t|cant|cannot|can not) have (?:you|u),? (?:then )?"
            r"(?:no one|nobody|noone|no1) (?:else )?(?:can|will|ever will|gets to)\b",
            "possessive menace: nobody else may have the other",
            _NEG_REP + " joke",
        ),
        Cue(
            "veiled_misfortune",
            "hate lucky",
            # Veiled threats: "i'd hate for your sister to find out", "your dog won't be so
            # lucky next time" ("shame if…" is ``exposure_shame``).
            r"\b(?:i" + APOS + r"?d|id|i would) hate (?:for|if) (?:your|ur|anyone|people|everyone"
            r"|those|these)" + GAP + r"(?:to )?(?:find out|found out|see|saw|know|knew|hear|heard"
            r"|get out|got out|get hurt|got hurt|go missing|went missing|leak|leaked)\b"
            r"|\b(?:won" + APOS + r"?t|wont|will not|might not|may not) be so lucky (?:next time"
            r"|the next time|again)\b",
            "a veiled threat of misfortune",
            _NEG_REP + " joke",
        ),
        Cue(
            "veiled_harm",
            "happened happen happens live safe followed tailed find knife gun weapon employer "
            "boss manager share blade wife husband family parents kids coworkers trailed",
            # "if something happened to their mom", "won't live long enough to regret it",
            # "see how safe you feel", "followed your bus home", "people who can find anyone",
            # "I bought a knife. just so you know", "share it with your employer"
            r"\bif (?:something|anything) (?:bad )?(?:were to |was to |ever )?happen(?:ed|s)? to"
            r" (?:your|ur|their) (?:mom|mum|dad|mother|father|kids|children|sister|brother|dog|cat"
            r"|family|parents|son|daughter|girlfriend|boyfriend)\b"
            # caring, not menacing: "if anything happened to your mum I'd be there"
            r"(?![^.!?\n]{0,30}\b(?:i" + APOS + r"?d|i would|i" + APOS + r"?ll|i will|call me"
            r"|let me know|text me)\b)"
            r"|\b(?:won" + APOS + r"?t|wont|will not|wouldn" + APOS + r"?t) live (?:long enough"
            r"|to see)\b"
            r"|\bsee how safe (?:you|u) feel\b"
            r"|\b(?:followed|tailed|trailed) (?:you|u|your (?:bus|car|train|cab|taxi|uber))"
            r" (?:home|to (?:work|your|the|school)|all the way|from (?:work|the))"
            r"|\b(?:people|ppl|guys|friends) who (?:can|could) find (?:anyone|anybody|you|u)\b"
            r"|\b(?:bought|got|have|carry|keep) (?:myself )?(?:a|my) (?:knife|gun|weapon|blade)"
            r"[.!,]? (?:just so (?:you|u) know|remember that|think about (?:that|it))"
            r"|\b(?:share|send|forward|show) (?:it|this|that|them|everything|all of it) (?:with|to)"
            r" (?:your|ur) (?:employer|boss|manager|wife|husband|family|parents|kids|coworkers)\b",
            "a veiled threat of harm",
            _NEG_REP + " joke",
        ),
        Cue(
            "leverage",
            "pic pics photo photos picture pictures video videos screenshot screenshots nude nudes "
            "recording recordings",
            # "I still have every photo you ever sent me, and your boss's email is easy to
            # find": kept private material, with a way to others (safety.py checks the rest)
            r"\b(?:still )?(?:have|got|kept|saved)(?: (?:all|every|each|the|those|your|ur))?"
            r" (?:single )?(?:pics?|photos?|pictures?|videos?|screenshots?|nudes?|recordings?)"
            r" (?:you|u) (?:ever )?(?:sent|took|gave)\b",
            "holds the other's private pictures over them",
            _NEG_REP + " joke",
        ),
        Cue(
            "ominous_warning",
            "watch stay careful were eye pray alone over",
            r"\b(?:i" + APOS + r"?d|id|i would) be (?:very |really |real )?careful(?: if i were"
            r" (?:you|u)| if i was (?:you|u)| what (?:you|u) (?:say|do|wish for)| who (?:you|u))"
            r"|\bif i (?:were|was) (?:you|u),? (?:i" + APOS + r"?d|id|i would) (?:be careful"
            r"|watch|think twice|sleep with one eye open|stay (?:home|away|inside)|leave town"
            r"|lock (?:your|ur|the) doors?)"
            r"|\bsleep with one eye open\b"
            r"|\b(?:better|should|had better|best) pray (?:that )?i (?:don" + APOS + r"?t|dont"
            r"|never|do not) (?:find|see|catch)"
            r"|\b(?:wouldn" + APOS + r"?t|wouldnt|would not) (?:go|walk|be) (?:anywhere |out "
            r"|home )?alone if i (?:were|was) (?:you|u)"
            r"|\bthis (?:isn"
            + APOS
            + r"?t|isnt|is not|ain"
            + APOS
            + r"?t|aint) over\b(?! yet| till"
            r"| until|,? (?:we|there" + APOS + r"?s|theres|still))",
            "warns the other in a veiled way",
            _NEG_REP + " joke game teasing",
            needs=("careful|were|eye open|pray|alone|over"),
        ),
        Cue(
            "property_harm",
            "knock destroy throw toss chuck dump bin trash shred rip cut smash kick break bash",
            # The other's belongings or home as the target: "i'll throw your clothes in the
            # river", "i'll kick your door in".
            I_WILL + r" (?:just )?(?:trash|shred|rip up|cut up|smash|destroy|bin) (?:all )?"
            r"(?:of )?(?:your|ur) (?:stuff|things|clothes|belongings|shit|crap|phone|laptop"
            r"|guitar|books|records|bike|car|plants|photos|pictures|tv|computer)\b"
            r"|" + I_WILL + r" (?:just )?(?:throw|toss|chuck|dump) (?:all )?(?:of )?(?:your|ur)"
            r" (?:stuff|things|clothes|belongings|shit|crap|phone|laptop|guitar|books|records|bike"
            r"|plants|tv|computer) (?:out (?:the window|on the street|in the street|on the lawn)"
            r"|in(?:to)? the (?:river|lake|trash|bin|garbage|fire|street|sea|canal|toilet"
            r"|dumpster|road)|off the (?:balcony|bridge|roof))"
            r"|" + I_WILL + r" (?:kick|break|smash|bash|knock) (?:your|ur|the) (?:front )?"
            r"(?:door|doors|window|windows) (?:in|down)\b",
            "threatens the other's belongings or home",
            _NEG_REP + " joke game",
        ),
        Cue(
            "defiance",
            "think",
            r"\b(?:you|u) (?:really |actually |seriously )?think (?:you|u) can (?:just )?(?:leave"
            r" me|walk away from me|walk out on me|get away with (?:this|it|that)|ignore me"
            r"|block me|dump me|escape (?:me|from me)|get rid of me|run from me|hide from me)\b",
            "tells the other they cannot get away",
            _NEG_REP + " joke game",
        ),
        Cue(
            "done_with_you",
            "done finished through pretty tough cocky smug brave confident",
            r"\bwhen i(?:" + APOS + r"?m| am|m) (?:done|finished|through) with (?:you|u)\b"
            r"|\b(?:you|u) (?:won" + APOS + r"?t|wont|will not) be (?:so|as|that) (?:pretty|tough"
            r"|cocky|smug|brave|confident) (?:when|after|once)\b",
            "promises what the other will look like after",
            _NEG_REP + " joke game teasing",
        ),
        Cue(
            "key_reminder",
            "key keys",
            r"\b(?:remember|don"
            + APOS
            + r"?t forget|dont forget|just so (?:you|u) know|btw|fyi)"
            + SHORT_GAP
            + r"\bi (?:still )?(?:have|got|kept|made|copied) (?:a|the|your|ur|a copy of (?:your|ur)"
            r"|a spare) (?:spare )?keys? (?:to|for) (?:your|ur)\b",
            "reminds the other of access to their home",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_spite",
            "see",
            I_WILL
            + r" (?:post|leak|share|send|show|forward|upload|publish)"
            + GAP
            + r"(?:see|let"
            + APOS
            + r"?s see|we"
            + APOS
            + r"?ll see) (?:how|what) (?:your|ur"
            r"|everyone|everybody|people)\b",
            "threatens to expose the other out of spite",
            _NEG_REP + " joke",
        ),
        Cue(
            "menace_misc",
            "end "
            "good hospital ditch wheelchair born friends people guys soundly easy custody "
            "uncomfortable",
            # Open-ended menace: "if you know what's good for you", "you'll end up in the
            # hospital", "make you wish you were never born", "i've got friends who can…".
            r"\bif (?:you|u) know what" + APOS + r"?s good for (?:you|u)\b"
            r"|\b(?:you" + APOS + r"?ll|you will|youll|u" + APOS + r"?ll|you" + APOS + r"?re gonna"
            r"|youre gonna|you" + APOS + r"?re going to|you are going to) end up (?:in (?:the|a)"
            r" (?:hospital|ditch|wheelchair|morgue|grave|river)|dead|hurt|in pieces)\b"
            r"|\bmake (?:you|u) wish (?:you|u) (?:were|was|had) never\b"
            r"|\bi(?:" + APOS + r"?ve| have|ve)? (?:got )?(?:friends|people|guys|mates) who (?:can"
            r"|could|will|would) (?:find|hurt|deal with|take care of|sort) (?:you|u)\b"
            r"|\b(?:wouldn" + APOS + r"?t|wouldnt|would not) (?:sleep|rest) (?:too |very |so )?"
            r"(?:soundly|well|easy|easily)(?: tonight)? if i (?:were|was) (?:you|u)\b"
            r"|\bmake sure (?:you|u) (?:lose|never get) (?:custody|the kids|your kids|ur kids)\b"
            r"|\bmake (?:your|ur) (?:life|work|job|time) (?:very |really |so )?uncomfortable\b",
            "open-ended menace",
            _NEG_REP + " joke game teasing",
        ),
        Cue(
            "caught_menace",
            "see catch find hear word",
            # "if i see you with him again he's dead", "say one word and you're done"
            r"\bif (?:i|we) (?:ever )?(?:see|catch|find|hear about) (?:you|u)"
            + GAP
            + r"(?:(?:he|she|they|you)(?:"
            + APOS
            + r"?s| is| are|"
            + APOS
            + r"?re| r|"
            + APOS
            + r"?ll be| will be) (?:so )?(?:dead|done|finished|history|dead meat)\b|"
            + I_WILL
            + r" (?:fucking )?(?:kill|hurt|break|punch|smash|beat|stab|hit|end|destroy|ruin)\b)"
            r"|\b(?:say|tell|breathe|mention) (?:one|a single|a) word"
            + GAP
            + r"(?:and )?(?:you"
            + APOS
            + r"?re|youre|ur|you are|you"
            + APOS
            + r"?ll be|you will be) (?:so )?(?:dead|done"
            r"|finished|history)\b",
            "promises harm if the other is caught or talks",
            _NEG_REP + " joke game",
        ),
        Cue(
            "exposure_if_told",
            "anyone anybody someone police cops",
            # "tell anyone about this and your sister hears everything"
            r"\b(?:(?:tell|telling) (?:anyone|anybody|someone|the police|the cops)"
            r"|(?:go|going) to the (?:police|cops))" + GAP + r"and (?:everyone|everybody"
            r"|the whole \w{2,12}|(?:your|ur) \w{2,12}) (?:sees|gets|will see|finds out"
            r"|will find out|hears|will hear|will know|knows|is getting)\b",
            "makes exposure the price of telling anyone",
            _NEG_REP + " joke",
        ),
    ),
    reported=SAFETY_REPORTED_BEFORE,
)
