"""The phrase patterns behind the four safety categories ``safety.detect_safety`` reports.

Built from small word classes (second-person targets, insult nouns, harm
verbs, exposure targets, image nouns, self-harm expressions) following
``spec/criteria.md`` section 3: contempt, threat and sexual pressure are what
the speaker does to the other; crisis is the speaker's own danger.
"""

from __future__ import annotations

import re
from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    DONT,
    GAP,
    I_AM,
    I_WILL,
    SHORT_GAP,
    YOU_WILL,
    alt,
)

__all__ = ["CONTEMPT", "CRISIS", "SAFETY_RULES", "SEXUAL_PRESSURE", "THREAT"]

_NEG_REP = "negated reported"

# --- contempt ------------------------------------------------------------------

_INSULT_NOUNS_WORDS: Final = (
    "loser losers idiot idiots moron morons imbecile dumbass dumbfuck dumb-ass fool clown jerk "
    "asshole arsehole bitch slut whore skank cunt prick dickhead bastard pig slob freak creep "
    "psycho disgrace parasite leech scum lowlife prude lump coward wimp crybaby snowflake "
    "retard loooser looser piece_of_shit piece_of_crap "
    "piece_of_garbage piece_of_trash waste_of_space waste_of_air excuse_for_a sorry_excuse"
)
_INSULT_NOUNS: Final = alt(_INSULT_NOUNS_WORDS)
_INSULT_ADJECTIVES_WORDS: Final = (
    "pathetic disgusting worthless useless stupid dumb brainless braindead ugly fat gross "
    "repulsive revolting spineless gutless clueless pitiful laughable contemptible vile "
    "filthy retarded trash garbage a_joke a_waste beneath_me an_embarrassment "
    "a_disappointment such_a_joke a_failure such_a_failure a_nobody nothing_to_me"
)
_INSULT_ADJECTIVES: Final = alt(_INSULT_ADJECTIVES_WORDS)
#: Every insult cue contains one of these words.
_INSULT_ANCHORS: Final = " ".join(
    sorted(
        set(re.split(r"[ _-]", _INSULT_NOUNS_WORDS + " " + _INSULT_ADJECTIVES_WORDS))
        - {"a", "an", "of", "for", "to", "me", "such", ""}
    )
)
_MODIFIERS: Final = alt(
    "a an the such such_an such_a absolute total complete utter fucking fuckin effing "
    "freaking stupid dumb spineless pathetic useless worthless lazy fat ugly little big sad "
    "biggest real lying whiny miserable disgusting gutless clueless brainless just literally "
    "so really truly honestly nothing_but one"
)
_YOU_ARE: Final = (
    r"\b(?:you" + APOS + r"re|you are|you r|u r|u" + APOS + r"re|youre|ur|your so|your such"
    r"|ur so|ur such|u are)"
)
_SARCASM: Final = (
    r"(?:\U0001f644|\U0001f643|/s\b|alert the (?:media|press)|call the (?:media|press|news)"
    r"|mark (?:the|your|my) calendar|slow clap|(?:a|what a) miracle|shocker|bravo)"
)

CONTEMPT: Final = LabelRules(
    "contempt",
    (
        Cue(
            "you_are_insult",
            _INSULT_ANCHORS,
            _YOU_ARE + r" (?:(?:so|such|really|just|fucking|truly|literally|absolutely|completely"
            r"|totally|utterly|honestly|a|an|such an|such a|the|biggest|total|complete|absolute"
            r"|utter) ){0,3}(?:"
            + _INSULT_ADJECTIVES
            + r"|(?:(?:"
            + _MODIFIERS
            + r") ){0,3}"
            + _INSULT_NOUNS
            + r")\b|\bare (?:you|u) (?:fucking |really |just |that |so )?(?:stupid|dumb|retarded"
            r"|an idiot|a moron|brain ?dead)\b",
            "insults the other",
            _NEG_REP + " teasing",
        ),
        Cue(
            "vocative_insult",
            _INSULT_ANCHORS,
            r"\b(?:you|u|ya),? (?:(?:"
            + _MODIFIERS
            + r") ){0,3}"
            + _INSULT_NOUNS
            + r"\b(?! out| around| off| me\b| up)",
            "calls the other names",
            _NEG_REP + " teasing",
        ),
        Cue(
            "what_a",
            _INSULT_ANCHORS,
            r"\bwhat (?:an? |a fucking |an absolute |a total |a complete )?"
            + _INSULT_NOUNS
            + r"\b",
            "mocks the other as a",
            _NEG_REP + " teasing",
        ),
        Cue(
            "insult_predicate",
            "failure disappointment embarrassment joke nobody disgrace mess",
            _YOU_ARE + r" (?:(?:a|an|such a|such an|the|biggest|total|complete|absolute|utter"
            r"|fucking|sad|pathetic|huge|massive|walking|just|nothing but) ){1,3}(?:failure"
            r"|disappointment|embarrassment|joke|nobody|disgrace|mess)\b"
            r"|\bwhat an? (?:joke|failure|disappointment|waste of space) (?:you are|you"
            + APOS
            + r"re|ur|u r)\b",
            "belittles the other",
            _NEG_REP + " teasing",
        ),
        Cue(
            "bare_insult",
            "loser idiot moron imbecile dumbass fool clown jerk asshole bitch prick dickhead "
            "bastard pig slob freak creep psycho coward wimp crybaby absolute total complete "
            "utter fucking stupid dumb pathetic disgusting worthless useless",
            r"(?:(?:absolute|total|complete|utter|fucking|stupid|dumb|so) )?(?:loser|idiot|moron"
            r"|imbecile|dumbass|fool|clown|jerk|asshole|bitch|prick|dickhead|bastard|pig|slob"
            r"|freak|creep|psycho|coward|wimp|crybaby|pathetic|disgusting|worthless|useless)"
            r"(?= ?(?:[.!?,\n]|$|lol|lmao|smh"
            r"|\U0001f644|\U0001f602))",
            "a name thrown at the other",
            _NEG_REP + " teasing",
            clause_start=True,
        ),
        Cue(
            "disgust",
            "disgust repulse sicken sick disgusted repulsed sickened stand ew eww ewww ewwww "
            "beneath puke vomit throw",
            r"\b(?:(?:you|u) (?:disgust|repulse|sicken) me|(?:you|u) (?:make|made) me"
            r" (?:sick|want to (?:puke|vomit|throw up))|" + I_AM + r" (?:so |truly |really )?"
            r"(?:disgusted|repulsed|sickened) (?:by|with) (?:you|u)\b"
            r"|(?:can" + APOS + r"t|cant|cannot) (?:even )?stand (?:the sight of |looking at )?"
            r"(?:you|u)\b|\bew+ (?:you|u)\b|(?:you" + APOS + r"re|you are|ur|youre) beneath me)",
            "disgust aimed at the other",
            _NEG_REP,
        ),
        Cue(
            "mock_because",
            "because cause cuz",
            r"\b(?:oh )?(?:sure|right|yeah right),? (?:because|cause|cuz) (?:you|u|ur)\b",
            "sarcasm aimed at the other",
            _NEG_REP + " teasing",
        ),
        Cue(
            "mock_fanfare",
            "media press news clap medal cookie trophy star",
            r"\b(?:(?:alert|call) the (?:media|press|news)|slow clap|(?:do you|you) want a"
            r" (?:medal|cookie|trophy|gold star)|give (?:you|u) a (?:medal|cookie|trophy))\b",
            "mock celebration of the other",
            _NEG_REP + " teasing",
        ),
        Cue(
            "dismissal",
            "river boo hoo boohoo life yourself asked cares grow shut stfu",
            r"\b(?:cry me a river|boo ?hoo|get a life|get over yourself|(?:nobody|no one) asked"
            r"|who (?:even )?asked(?: (?:you|u))?(?= ?[?!.]|$)"
            r"|(?:nobody|no one) cares(?! about| if| how| what| that| when| but)"
            r"|(?:just|oh|please|pls|omg) grow up|grow the fuck up|grow up already"
            r"|shut the fuck up|stfu|shut your (?:mouth|face)|just shut up|shut up already)\b",
            "dismisses the other with contempt",
            _NEG_REP + " teasing",
        ),
        Cue(
            "cant_even",
            "someone somebody person guy girl man woman",
            r"\b(?:from|by|coming from) (?:someone|somebody|a person|a guy|a girl|a man|a woman)"
            r" who (?:can" + APOS + r"t|cant|cannot|couldn" + APOS + r"t) (?:even )?\w{2,20}\b",
            "mocks the other's abilities",
            _NEG_REP + " teasing",
        ),
        Cue(
            "sarcastic_praise",
            "genius einstein catch prize gem treat delight hero saint smart brilliant clever "
            "helpful mature considerate reliable responsible good",
            _YOU_ARE + r" (?:such|so) (?:a |an )?(?:genius|einstein|catch|prize|gem|treat|delight"
            r"|hero|saint|smart|brilliant|clever|helpful|mature|considerate|reliable|responsible"
            r"|good with)" + GAP + _SARCASM,
            "sarcastic praise of the other",
            _NEG_REP,
        ),
        Cue(
            "sarcastic_surprise",
            "actually finally",
            r"\b(?:wow|oh wow|omg),? (?:you|u) (?:actually|finally) "
            + GAP
            + _SARCASM
            + r"|"
            + _SARCASM
            + GAP
            + r"(?:you|u) (?:actually|finally|really|even|seriously)\b",
            "sarcasm that mocks the other",
            _NEG_REP,
        ),
        Cue(
            "nobody_would",
            "nobody one noone",
            r"\b(?:nobody|no one|noone) (?:else )?(?:would|will|could) (?:ever )?(?:want|love|date"
            r"|marry|touch|put up with|care about) (?:you|u)\b",
            "tells the other they are unlovable",
            "reported",
        ),
    ),
)

# --- threat --------------------------------------------------------------------

_HARM_VERBS: Final = alt(
    "hurt kill hit beat punch slap stab shoot strangle choke smash break destroy ruin end "
    "murder burn cut bury wreck"
)
_HARM_OBJECTS: Final = (
    r"(?:you|u|ya|him|her|them|ur (?:face|life|car|career)|your (?:face|life|car|career"
    r"|reputation|stuff|phone|legs|neck|head|family|new (?:boyfriend|girlfriend|guy|girl))"
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

_EXPOSURE_ANCHORS: Final = (
    "everyone everybody world online internet instagram facebook twitter tiktok boss wife "
    "husband family parents mom mum dad friends kids coworkers work job office ex girlfriend "
    "boyfriend mother father"
)

THREAT: Final = LabelRules(
    "threat",
    (
        Cue(
            "regret",
            "regret sorry pay wish",
            r"(?:" + YOU_WILL + r"|\b(?:you" + APOS + r"re|youre|you are|u r|ur) (?:going to|gonna)"
            r"|\b(?:he|she|they)(?:" + APOS + r"ll| will|ll| is going to|" + APOS + r"s gonna"
            r"|s gonna| are going to|" + APOS + r"re gonna))"
            r" (?:really |so |seriously |definitely )?(?:regret (?!not\b|missing\b|skipping\b)"
            r"|be sorry\b(?! (?:you|u) missed| if)|pay for (?:this|that|it|what)|pay(?=[.!,\n]|$)"
            r"|wish (?:you|u) (?:hadn" + APOS + r"t|never))"
            r"|\bi(?:" + APOS + r"ll| will|ll) make (?:you|u|him|her|them) (?:pay|regret|sorry"
            r"|suffer)\b",
            "warns the other of consequences",
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
            r"|do something|be waiting|expose)",
            "an ultimatum backed by a threat",
            _NEG_REP + " joke",
        ),
        Cue(
            "harm",
            "hurt kill hit beat punch slap stab shoot strangle choke smash break destroy ruin end "
            "murder burn cut bury wreck dead die",
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
            "warning",
            "watch better warning warned capable test happen",
            r"\b(?:watch (?:your back|yourself|your mouth|your step)\b"
            r"|(?:you" + APOS + r"d|you|u) better (?:watch|not)\b"
            r"|i" + APOS + r"m warning (?:you|u)|(?:this is your |last |final )warning"
            r"|(?:you|u) have no idea what i" + APOS + r"m capable of"
            r"|don" + APOS + r"t test me"
            r"|(?:something|things) (?:bad |terrible )?(?:might|could|will|can|would)"
            r" happen to (?:you|u|your))",
            "warns the other off",
            _NEG_REP + " joke game",
        ),
        Cue(
            "dont_make_me",
            "make push see know",
            r"\b(?:(?:you|u) (?:don"
            + APOS
            + r"t|dont|do not) want to (?:see|know) what (?:i|happens)"
            r"|don" + APOS + r"t (?:make|push) me (?:do something|hurt (?:you|u)|come (?:over|there"
            r"|find)|get (?:physical|violent|angry)|lose (?:my|it)))",
            "intimidates the other",
            _NEG_REP + " joke game",
        ),
        Cue(
            "life_hell",
            "hell miserable nightmare",
            r"\bmake (?:your|ur) life (?:a )?(?:living )?(?:hell|miserable|nightmare)\b",
            "threatens to make the other's life hell",
            _NEG_REP + " joke",
        ),
        Cue(
            "capable",
            "capable word call click happens",
            r"\b(?:what i" + APOS + r"?m capable of|what i am capable of"
            r"|one (?:word|call|text|message|click) from me"
            r"|(?:leave|ignore me|block me|walk away|try me|do it again|test me|cross me)"
            + GAP
            + r"(?:see|find out) what happens)\b",
            "intimidates the other with what could happen",
            _NEG_REP + " joke game",
        ),
        Cue(
            "knows_routine",
            "time when",
            r"\bi know (?:what time|when) (?:you|u) (?:leave|get|finish|go|come|are) (?:home|work"
            r"|out|off|alone|there)\b",
            "shows knowledge of the other's routine",
            _NEG_REP + " joke",
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
            + r" (?:post|leak|share|send|show|forward)"
            + GAP
            + r" (?:to|with) (?:everyone|everybody"
            r"|all your friends|the whole|the internet|your (?:boss|wife|husband|work|job|office"
            r"|coworkers|whole))\b",
            "threatens to spread something to everyone",
            _NEG_REP + " joke",
        ),
        Cue(
            "know_where",
            "live work sleep stay staying go address schedule routine",
            r"\bi know (?:where (?:you|u) (?:live|work|sleep|stay|are staying|go)"
            r"|(?:your|ur) (?:address|schedule|routine))\b",
            "says they know where the other lives",
            _NEG_REP + " joke",
        ),
        Cue(
            "surveillance",
            "parked sitting waiting standing watching following tracking saw watched",
            r"\b(?:(?:been|was) (?:parked|sitting|waiting|standing) (?:outside|near|by|in front of"
            r"|across from) (?:your|ur)"
            r"|i(?:" + APOS + r"ve| have)? (?:been )?(?:watching|following|tracking) (?:you|u)\b"
            r"|i (?:saw|watched|know) who (?:dropped|drove|picked|you|u))",
            "watches or follows the other",
            _NEG_REP + " joke",
        ),
        Cue(
            "tracking",
            "tracker tracking gps airtag camera spy location messages texts every",
            r"\bi (?:(?:put|installed|hid|have) (?:a |an )?(?:tracker|tracking app|gps|airtag"
            r"|camera|spy app) (?:on|in)|(?:can|could) see (?:your|ur) (?:location|messages|texts"
            r"|every))|\b(?:tracking|tracked|monitoring|monitored) (?:your|ur) (?:phone|location"
            r"|messages|texts|emails|dms|car)\b",
            "tracks the other",
            _NEG_REP + " joke",
        ),
        Cue(
            "no_escape",
            "rid escape hide run block accounts account profiles profile numbers find",
            r"\b(?:(?:you|u) (?:can" + APOS + r"t|cant|cannot|will never|won" + APOS + r"t ever)"
            r" (?:get rid of|escape|hide from|run from|block) me"
            r"|block(?:ed)? me" + GAP + r"(?:make|create|open) (?:new|another|more|a new|other)"
            r" (?:accounts?|profiles?|numbers?)"
            r"|i" + APOS + r"ll (?:always )?find (?:you|u) (?:wherever|no matter|anywhere))",
            "says the other cannot get away",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_shame",
            "shame pity",
            r"\b(?:shame|pity) if" + GAP + r"(?:saw|see|sees|found out|find out|finds out"
            r"|heard|hear|knew|learned|were to|happened|leaked)\b",
            "a veiled threat of exposure",
            _NEG_REP + " joke",
        ),
        Cue(
            "exposure_tell",
            _EXPOSURE_ANCHORS,
            I_WILL + r" (?:tell|show) " + _EXPOSURE_TARGETS + r" (?:what (?:you|u)"
            r"|about (?:you|u|us|what|your)|everything|the truth|who (?:you|u) really|your secret)"
            r"|(?:what would|imagine if) " + _EXPOSURE_TARGETS + r" (?:think|say|do)\b"
            r"|\b(?:your|ur) (?:boss|wife|husband|family|parents|mom|mum|dad|kids|coworkers"
            r"|girlfriend|boyfriend) (?:would|will|might) (?:love|like|be interested|be happy) to"
            r" (?:see|read|know|hear)"
            r"|\b(?:everyone|everybody|the whole world) (?:will|is going to|gonna)"
            r" (?:see|know|find out) (?:what|about|who|the truth|everything)\b",
            "threatens to tell others about the other",
            _NEG_REP + " joke",
            needs=(
                "tell |show |what would |imagine if |would love|would like|will love|will like"
                "|might love|might like|be interested|be happy|everyone |everybody |whole world"
            ),
        ),
        Cue(
            "exposure_leak",
            "post leak share send show forward expose",
            I_WILL + r" (?:expose (?:you|u|your)|(?:post|leak|share|send|show|forward)"
            r" (?:your|ur|those|these|the|all) (?:nudes|naked|private|pics of you|photos of you"
            r"|videos of you|sex|intimate|screenshots|dms|messages|texts))",
            "threatens to publish the other's private things",
            _NEG_REP + " joke",
        ),
    ),
)

# --- sexual pressure -------------------------------------------------------------------

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
            r"|should)|just) (?:finally |already |just )?(?:sleep (?:with me|together)|have sex"
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
            r"|dont be) (?:(?:such|a|so|being|just) ){0,2}(?:prude|frigid|tease|cocktease|uptight)"
            r")\b",
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

# --- crisis --------------------------------------------------------------------------

_SELF_HARM_VERBS: Final = alt(
    "cut cutting burn burning hurt hurting harm harming starve starving hang hanging drown drowning"
)
_NOT_ALIVE: Final = "negated reported"

CRISIS: Final = LabelRules(
    "crisis",
    (
        Cue(
            "suicidal",
            "end ending life suicidal suicide goodbye farewell pills tablets overdose overdosing "
            "od myself self harm selfharm harming jump",
            r"\b(?:end (?:my|it) (?:life|all)|end my life|take my (?:own )?life|ending it all"
            r"|(?:i" + APOS + r"?m|im|i am|i" + APOS + r"?ve been|ive been|i feel"
            r"|feeling|been|getting) (?:so |really |very |kind of |kinda |a bit |pretty |extremely "
            r"|severely )?suicidal|(?:my|having|had|getting|have) suicidal (?:thoughts|feelings"
            r"|ideation|urges)|i (?:have|had|get|keep having) suicidal"
            r"|(?:i" + APOS + r"?ve|i have|i|i" + APOS + r"?m|im|i am|been) (?:attempted|tried"
            r"|thinking (?:about|of)|thought (?:about|of)) suicide|suicide (?:note|letter|plan)"
            r"|(?:goodbye|farewell) (?:letter|letters|note|notes|video)"
            r"|how many (?:of (?:my|these|the) )?(?:pills|tablets|sleeping pills)"
            r"|overdose|overdosing|od on|" + _SELF_HARM_VERBS + r" myself(?! off| out| short"
            r"| loose| up| a break| some slack)"
            r"|self[- ]?harm(?:ing)?|do (?:something )?(?:stupid )?to myself"
            r"|jump (?:off|from) (?:a|the) (?:bridge|roof|building|balcony))\b",
            "a self-harm or suicide signal",
            _NOT_ALIVE,
            needs=(
                "end |ending|life|suicid|goodbye|farewell|pills|tablets|overdos|od on|myself"
                "|self|jump"
            ),
        ),
        Cue(
            "dont_want_to_live",
            "alive live exist wake here around go living",
            DONT + r" (?:really |even )?(?:want to|wanna) (?:be alive|live|exist|wake up|be here"
            r"|be around|go on|keep living)\b",
            "does not want to live",
            _NOT_ALIVE,
        ),
        Cue(
            "wish_dead",
            "wish hope",
            r"\b(?:wish|hope) i (?:was|were|could be|" + APOS + r"d|would|could|could just"
            r"|would just|don"
            + APOS
            + r"t|never)? ?(?:be )?(?:dead|never born|gone|not wake up|die"
            r"|disappear|not exist|never wake up|wake up dead)\b",
            "wishes to be dead or gone",
            _NOT_ALIVE,
        ),
        Cue(
            "better_off",
            "better happier easier",
            r"\b(?:better off|happier|easier|better) (?:without me|dead|if i (?:was|were|wasn"
            + APOS
            + r"t|weren"
            + APOS
            + r"t) (?:here|around|gone|alive))(?<!better dead)(?<!happier dead)(?<!easier dead)",
            "says others would be better off without them",
            _NOT_ALIVE,
        ),
        Cue(
            "means",
            "stockpiling hoarding saving collecting pills meds road bridge cliff wall tree train "
            "bus traffic truck note letter notice care miss gone tablets painkillers life cutting",
            r"\b(?:(?:stockpiling|hoarding|saving up|collecting) (?:my |the |all my )?(?:pills|meds"
            r"|medication|tablets|sleeping pills)"
            r"|(?:drive|driving|crash|crashing|jump|jumping|step|stepping) (?:off|into|in front of)"
            r" (?:a|the) (?:road|bridge|cliff|wall|tree|train|bus|traffic|truck)"
            r"|(?:wrote|written|writing|left) (?:a|my) (?:note|letter) (?:for|to) (?:my )?(?:family"
            r"|kids|mom|mum|parents|everyone)"
            r"|(?:nobody|no one) would (?:even )?(?:notice|care|miss me) if i (?:was|were|died"
            r"|disappeared|left)|if i (?:was|were) gone"
            r"|(?:took|taken|swallowed) (?:a bunch of|all my|all the|too many|a lot of|a handful of"
            r"|the whole (?:bottle|pack|box) of) (?:pills|tablets|meds|sleeping pills|painkillers)"
            r"|(?:ending|taking) my (?:own )?life|(?:been|started|keep|i" + APOS + r"?m) cutting"
            r" (?:again|myself))\b",
            "a plan, a means or a goodbye",
            _NOT_ALIVE,
            needs=(
                "pills|meds|medication|tablets|painkillers|off |into |in front of|note|letter"
                "|notice|care|miss me|gone|life|cutting"
            ),
        ),
        Cue(
            "no_point",
            "point",
            r"\b(?:(?:don" + APOS + r"?t|dont|do not|can" + APOS + r"?t) see (?:the|any) point"
            r" (?:in|of) (?:anything|living|life|going on|it all|being here)|what"
            + APOS
            + r"?s the point (?:in|of) (?:living|life|going on|being alive|anything anymore))\b",
            "sees no point in living",
            _NOT_ALIVE,
        ),
        Cue(
            "sleep_forever",
            "forever",
            r"\b(?:want|wanna|wish i could|just want) to sleep forever\b",
            "wishes to sleep forever",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "tired_of_living",
            "tired sick",
            r"\b(?:tired|sick) of (?:living|life|being alive|existing|waking up)\b",
            "is tired of living",
            _NOT_ALIVE,
        ),
        Cue(
            "burden",
            "burden",
            r"\b(?:i"
            + APOS
            + r"m|im|i am|being|feel like|feel|i"
            + APOS
            + r"m just|i"
            + APOS
            + r"m such) (?:such |just |only |nothing but |always |a huge |a big )?a burden\b",
            "feels like a burden",
            _NOT_ALIVE,
        ),
        Cue(
            "cant_go_on",
            "keep go live living",
            r"\bi (?:just |really |honestly )?(?:can" + APOS + r"t|cannot) (?:keep going|go on"
            r"|keep living|live like this)\b"
            r"(?!(?: like this)? with (?:you|u|this|us|that)\b| on (?:like this )?with)",
            "says they cannot go on",
            _NOT_ALIVE,
        ),
        Cue(
            "no_reason",
            "reason point nothing",
            r"\b(?:no (?:reason|point) (?:to|in) (?:live|living|going on|being here|being alive"
            r"|waking up)|nothing (?:left )?to live for)\b",
            "sees no reason to live",
            _NOT_ALIVE,
        ),
        Cue(
            "not_here",
            "here around alive",
            r"\b(?:(?:picturing|imagining|thinking about|think about|thought about|dream(?:ing)?"
            r" (?:of|about)|fantasi[sz]ing about|want|wanna|wish|rather|prefer|better) (?:just "
            r"|simply |me )?not (?:being|be) (?:here|around|alive)"
            r"|not (?:be|being) (?:here|around|alive) (?:anymore|any more|much longer)"
            r"|won" + APOS + r"t be (?:here|around) (?:much longer|anymore|for long|tomorrow))\b",
            "pictures not being here",
            _NOT_ALIVE,
        ),
        Cue(
            "final_arrangements",
            "needing stuff things belongings possessions records clothes books",
            r"\b(?:won" + APOS + r"t be needing (?:them|it|this|these|those|any of|my)"
            r"|(?:giving|give|gave) (?:away )?(?:my|all my|all of my) (?:stuff|things|belongings"
            r"|possessions|records|clothes|books)(?: away)?)\b",
            "gives their things away",
            _NOT_ALIVE,
        ),
        Cue(
            "end_it",
            "forever end stop life living die goodbye",
            r"\b(?:disappear forever|sleep and never wake up"
            r"|(?:want|need) (?:it all|everything) to (?:end|stop)"
            r"|this is (?:my )?(?:final )?goodbye"
            r"|(?:i" + APOS + r"m|im|i am) (?:done|finished)"
            r" with (?:life|living)|(?:plan|planning|ready|prepared) to die)\b",
            "wants it all to end",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "hyperbole_prone",
            "die diee dieee dieeee kill killing kms myself",
            r"\b(?:(?:i|i just|i really|i literally) (?:want|wanna) (?:to )?die+"
            r"|(?:i" + APOS + r"?m|im|i am) (?:going|gonna) (?:to )?die\b(?! of| from| laughing| if"
            r"| when| before| without| happy| alone| old)|kill me now|kms"
            r"|(?:kill|killing) myself)\b",
            "says they want to die",
            "negated reported laughing",
        ),
    ),
)

#: The safety categories this module detects, in the order they are tried.
SAFETY_RULES: Final = (CONTEMPT, THREAT, SEXUAL_PRESSURE, CRISIS)
