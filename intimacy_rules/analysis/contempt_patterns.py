"""The phrase patterns behind the ``contempt`` safety category.

Insults and name-calling aimed at the other, mockery and sarcasm, disgust.
Built from small word classes (insult nouns, insulting adjectives, modifiers)
so new combinations ("you spineless clown") are caught without listing them.
"""

from __future__ import annotations

import re
from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    GAP,
    I_AM,
    SAFETY_REPORTED_BEFORE,
    SHORT_GAP,
    alt,
)

__all__ = ["CONTEMPT"]

_NEG_REP = "negated reported"

_INSULT_NOUNS_WORDS: Final = (
    "loser losers idiot idiots moron morons imbecile dumbass dumbfuck dumb-ass fool clown jerk "
    "asshole arsehole bitch slut whore skank cunt prick dickhead bastard pig slob freak creep "
    "psycho disgrace parasite leech scum lowlife prude lump coward wimp crybaby snowflake "
    "retard loooser looser brat cow hag twat wanker tosser douche douchebag dipshit shithead "
    "numpty airhead bimbo nitwit halfwit dimwit cretin degenerate rat snake worm weasel "
    "muppet donkey pillock plonker dumbo doofus simp incel cuck mouthbreather nutjob manchild "
    "deadbeat "
    "piece_of_shit piece_of_crap "
    "piece_of_garbage piece_of_trash waste_of_space waste_of_air excuse_for_a sorry_excuse"
)
_INSULT_NOUNS: Final = alt(_INSULT_NOUNS_WORDS)
_INSULT_ADJECTIVES_WORDS: Final = (
    "pathetic disgusting worthless useless stupid dumb brainless braindead ugly fat gross "
    "repulsive revolting spineless gutless clueless pitiful laughable contemptible vile "
    "filthy retarded trash garbage dumbest stupidest ugliest fattest a_joke a_waste beneath_me "
    "an_embarrassment "
    "a_disappointment such_a_joke a_failure such_a_failure a_nobody nothing_to_me"
)
_INSULT_ADJECTIVES: Final = alt(_INSULT_ADJECTIVES_WORDS)
#: Every insult cue contains one of these words.
_INSULT_ANCHORS: Final = " ".join(
    sorted(
        set(re.split(r"[ _-]", _INSULT_NOUNS_WORDS + " " + _INSULT_ADJECTIVES_WORDS))
        - {"a", "an", "of", "for", "to", "me", "such", ""}
        | {"brain"}
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

#: Who can do better than the other, in a belittling comparison.
_LESSER_WORDS: Final = (
    "dog|monkey|chimp|toddler|baby|child|kid|goldfish|rock|brick|potato|hamster|cousin|brother"
    "|sister|grandma|granny|nan|grandmother|grandpa"
)
_LESSER: Final = "(?:" + _LESSER_WORDS + ")"
#: Things the other is likened to ("you smell like a dumpster").
_LIKENED: Final = alt(
    _INSULT_NOUNS_WORDS.replace("excuse_for_a sorry_excuse", "")
    + " dumpster garbage_can trash_can sewer corpse toddler goblin troll hobo wet_dog"
)
_YOU_RE: Final = r"\b(?:you" + APOS + r"re|you are|youre|ur|u r)"
_YOU_RE_OR_WOULD: Final = (
    r"\b(?:you" + APOS + r"re|you are|youre|ur|u r|you" + APOS + r"d be|youd be|you would be)"
)

_INSULT_WORD: Final = r"(?:" + _INSULT_ADJECTIVES + r"|" + _INSULT_NOUNS + r")"
_COMPARATIVE: Final = r"(?:dumber|stupider|uglier|fatter|more " + _INSULT_ADJECTIVES + r")"

#: Anchors of the cues that liken the other to something ("like a dumpster").
_LIKENED_ANCHORS: Final = (
    _INSULT_ANCHORS
    + " dumpster sewer corpse toddler goblin troll hobo dumber fatter stupider uglier"
)

CONTEMPT: Final = LabelRules(
    "contempt",
    (
        Cue(
            "someone_like_you",
            _LIKENED_ANCHORS,
            # An insult aimed at the other in any construction: "someone as pathetic as
            # you", "a loser like you", "what kind of idiot…", "you look like a clown".
            r"\b(?:(?:never|not) (?:met|seen|known|dated) )?(?:someone|somebody|anyone|anybody"
            r"|a person|a (?:man|woman|guy|girl)|people|being|be|is)"
            r" (?:as|so) " + _INSULT_ADJECTIVES + r" as (?:you|u)\b(?! think| thought| look| seem"
            r"| say| feel| are about)"
            r"|\b(?:an?|such an?) (?:(?:"
            + _MODIFIERS
            + r") ){0,2}"
            + _INSULT_NOUNS
            + r" like (?:you|u)\b"
            r"|\b(?:what|which) (?:kind|sort|type) of (?:an? )?(?:(?:"
            + _MODIFIERS
            + r") ){0,2}"
            + _INSULT_NOUNS
            + r"\b|\bonly (?:an?|some) (?:(?:"
            + _MODIFIERS
            + r") ){0,2}"
            + _INSULT_NOUNS
            + r" would\b"
            r"|\b(?:you|u) (?:look|looks|sound|act|smell|dress|behave|are acting|are looking"
            r"|are sounding) like (?:a|an|such a|such an|some|a total|an absolute)"
            r" (?:(?:" + _MODIFIERS + r") ){0,2}" + _LIKENED + r"\b"
            r"|\b(?:you|u) (?:look|sound|smell) (?:so |absolutely |fucking |really |just )?"
            r"(?:disgusting|pathetic|stupid|ugly|fat|gross|repulsive|retarded|dumb)\b"
            r"|\bi(?:" + APOS + r"m| am|m)? (?:married|dating|stuck with|engaged to|living with"
            r"|with(?= such| a total| an absolute| this))"
            r" (?:such |this |a total |an absolute |a complete )?(?:an? )?(?:(?:"
            + _MODIFIERS
            + r") ){0,2}"
            + _INSULT_NOUNS
            + r"\b"
            r"|\b(?:can|could|are|r) (?:you|u)(?: really| actually"
            r"| honestly| seriously| possibly| even){0,2}(?: be)? (?:(?:this|that|so|any) "
            + _INSULT_ADJECTIVES
            + r"|(?:any )?"
            + _COMPARATIVE
            + r")\b"
            # "what a pathetic little man", "you spineless old woman"
            r"|\b(?:what an?|what (?:kind|sort|type) of(?: an?)?|(?:you"
            + APOS
            + r"re|you are|youre|ur) (?:such )?an?|you|u)"
            r" (?:(?:" + _MODIFIERS + r"),? ){0,2}" + _INSULT_ADJECTIVES + r",? (?:little |old )?"
            r"(?:man|woman|boy|girl|person|guy|human|human being|thing|creature)\b"
            r"|\bstop being (?:(?:so|such|a|an|an absolute|a total|a fucking|such a|such an) ){0,2}"
            + _INSULT_WORD
            + r"\b",
            "insults the other",
            _NEG_REP + " teasing",
        ),
        Cue(
            "you_are_insult",
            _INSULT_ANCHORS,
            _YOU_ARE + r" (?:(?:so|such|really|just|fucking|truly|literally|absolutely|completely"
            r"|totally|utterly|honestly|a|an|such an|such a|the|biggest|total|complete|absolute"
            r"|by far|easily|officially|hands down"
            r"|utter|most|genuinely|actually|seriously) ){0,3}(?:"
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
            + r"),? ){0,3}"
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
            + r"\b(?! show| car| costume| i am| i"
            + APOS
            + r"m| im| i was| i"
            + APOS
            + r"ve been| i feel|,? (?:the|that|this|some|my|his|her|their) (?:guy|girl|man|woman"
            r"|driver|dude|lady|person|boss|coworker|neighbou?r|waiter|cashier|kid|teacher|ref"
            r"|referee|politician|player|customer|bloke))",
            "mocks the other as a",
            _NEG_REP + " teasing",
        ),
        Cue(
            "insult_predicate",
            "waste excuse "
            "failure disappointment embarrassment joke nobody disgrace mess letdown let",
            _YOU_ARE + r" (?:(?:a|an|such a|such an|the|biggest|total|complete|absolute|utter"
            r"|fucking|sad|pathetic|huge|massive|walking|just|nothing but) ){1,3}(?:failure"
            r"|disappointment|embarrassment|joke|nobody|disgrace|mess|letdown|let-down)\b"
            r"|\b(?:joke|disgrace|failure|excuse|embarrassment|waste|disappointment) of an? (?:man"
            r"|woman|person|partner|husband|wife|boyfriend|girlfriend|human|human being|father"
            r"|mother|dad|mom|mum|son|daughter|brother|sister|friend|parent|adult|bf|gf)\b"
            r"|\bwhat an? (?:joke|failure|disappointment|waste of space|embarrassment|disgrace"
            r"|mess) (?:you are|you" + APOS + r"re|ur|u r)\b",
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
            r"(?= ?(?:[.!?,\n]|$|lol|lmao|smh|behaviou?r\b|energy\b|move\b"
            r"|\U0001f644|\U0001f602|\U0001f921))",
            "a name thrown at the other",
            _NEG_REP + " teasing",
            clause_start=True,
        ),
        Cue(
            "grow_up",
            "grow",
            r"grow up(?= ?[,.!]|$| already| you\b)",
            "tells the other to grow up",
            _NEG_REP + " teasing",
            clause_start=True,
        ),
        Cue(
            "disgust",
            "disgust repulse sicken sick disgusted repulsed sickened stand ew eww ewww ewwww "
            "beneath puke vomit throw embarrassed ashamed gag nauseous crawl look",
            r"\b(?:(?:you|u) (?:disgust|repulse|sicken) me|(?:you|u) (?:make|made) me"
            r" (?:sick|want to (?:puke|vomit|throw up))|" + I_AM + r" (?:so |truly |really )?"
            r"(?:disgusted|repulsed|sickened) (?:by|with) (?:you|u)\b"
            r"|(?:embarrassed|ashamed) to be (?:seen )?(?:with|around) (?:someone like |people"
            r" like )?(?:you|u)\b"
            r"|(?:must be|should be|are|is) (?:so |really |deeply )?(?:ashamed|embarrassed) of"
            r" (?:you|u)\b"
            r"|(?:can" + APOS + r"t|cant|cannot) (?:even )?stand (?:the sight of |looking at )?"
            r"(?:you|u)\b|\bew+ (?:you|u)\b|(?:you" + APOS + r"re|you are|ur|youre) beneath me"
            r"|(?:ashamed|embarrassed) to (?:call (?:you|u)|say (?:you" + APOS + r"?re|youre"
            r"|you are)) my\b"
            r"|the (?:sight|smell|sound|thought) of (?:you|u)(?: alone)? (?:makes|made) me (?:sick"
            r"|want to (?:puke|vomit|throw up|gag)|gag|nauseous)"
            r"|(?:you|u) (?:make|made) me (?:want to )?(?:gag|puke|vomit|throw up)"
            r"|(?:you|u) make my skin crawl"
            r"|(?:can" + APOS + r"?t|cant|cannot) (?:even )?(?:bear to )?look at (?:you|u)\b"
            r"(?! (?:right now|rn) (?:without (?:crying|smiling)|because|cause|cuz|i"
            + APOS
            + r"?m (?:so )?(?:happy|proud|emotional|crying))))",
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
            r"\b(?:cry me a river|boo ?hoo|get a life|get over yourself"
            r"|(?:nobody|no one) asked(?! me| us| if| whether| about| to| him| her| them)"
            r"|who (?:even )?asked(?: (?:you|u))?(?= ?[?!.]|$)"
            r"|(?:nobody|no one) cares(?! about| if| how| what| that| when| but)"
            r"|(?:just|oh|please|pls|omg) grow up|grow the fuck up|grow up already"
            r"|shut the fuck up|stfu|shut your (?:mouth|face)|just shut up|shut up already"
            r"|grow a (?:brain|spine|pair))\b",
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
            "actually finally managed remembered figured",
            r"\b(?:wow|oh wow|omg),? (?:you|u) (?:actually|finally|managed|remembered|figured)\b"
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
            r"\b(?:nobody|no one|noone)(?: in (?:their|his|her) right mind)? (?:else )?"
            r"(?:would|will"
            r"|could) (?:ever )?(?:want|love|date"
            r"|marry|touch|put up with|care about)"
            r" (?:(?:someone|somebody|a (?:[a-z]+ ){0,2}(?:person|guy|girl|man|woman|boy|loser"
            r"|mess)) like )?(?:you|u)\b(?! as much| more| like (?:i|me)| the way| half as)",
            "tells the other they are unlovable",
            "reported",
        ),
        Cue(
            "scorn",
            "embarrassed ashamed cringing display excuse sight laughable infantile pathetic "
            "childish pitiful ridiculous beneath joke",
            # "I'm embarrassed for you", "what a pathetic display", "your reasoning is laughable"
            r"\b(?:i" + APOS + r"?m|im|i am) (?:so |honestly |really |actually |genuinely )?"
            r"(?:embarrassed|ashamed|cringing) for (?:you|u)\b"
            r"|\bwhat (?:a|an) (?:pathetic|embarrassing|laughable|pitiful|cringe)"
            r" (?:display|excuse|sight)\b(?! (?:by|from|of) (?:the|that|this|his|her|their)\b)"
            r"|\b(?:your|ur) (?:[a-z']+ ){0,2}(?:reasoning|attempts?|ideas?|excuses?|arguments?"
            r"|opinions?|efforts?|logic|thinking) (?:is|are|was|were) (?:so |just |frankly )?"
            r"(?:laughable|infantile|pathetic|childish|pitiful|a joke)\b"
            r"|\bi find (?:your|ur|you) (?:[a-z']+ ){0,2}(?:laughable|infantile|pathetic|childish"
            r"|pitiful|ridiculous|beneath me)\b",
            "scorns the other",
            _NEG_REP + " teasing",
        ),
        Cue(
            "belittling_comparison",
            "than",
            # Someone lesser does better: "even a dog listens better than you", "my little
            # brother has more backbone than you".
            r"\b(?:even )?(?:a|an|my|your|ur|the) (?:(?:little|baby|younger|blind|drunk|dead|old"
            r"|[0-9]|[0-9][0-9]|five|ten|twelve|year|yo) ){0,3}"
            + _LESSER
            + r"s?\b"
            + GAP
            + r"(?:better|more|smarter|faster|harder|braver|quicker|sooner|less stupid)\b"
            + SHORT_GAP
            + r"\bthan (?:you|u)\b",
            "belittles the other by comparison",
            _NEG_REP + " teasing",
            needs=("than you|than u"),
        ),
        Cue(
            "mockery",
            "speaking type "
            "look imagine if adults grownups grown seriously nothing reason worth wonder talking "
            "5 five 6 six 10 ten 12 twelve child baby toddler",
            r"\blook at (?:you|u)(?: all| now)?,? (?:trying to|pretending to|thinking (?:you|u)"
            r"|acting (?:all|like)|being all)"
            r"|\bimagine (?:thinking|believing|actually thinking|being (?:dumb|stupid|naive)"
            r" enough to think) (?:that )?(?:you" + APOS + r"?re|you are|ur|u r|you could|u could"
            r"|you can|anyone)"
            r"|\bas if (?:anyone|anybody|someone|i|people|any (?:girl|guy|woman|man)) (?:would"
            r"|could|will|is going to|gonna) (?:ever )?(?:take (?:you|u) seriously|want (?:you|u)"
            r"|listen to (?:you|u)|believe (?:you|u)|date (?:you|u)|love (?:you|u)|care about"
            r" (?:you|u))"
            r"|\b(?:nobody|no one|noone) (?:ever |will ever |will |could ever )?(?:takes|take"
            r"|took) (?:you|u) seriously"
            r"|\b(?:the )?(?:adults|grown ?ups|grown-ups|big boys|big girls) are (?:talking"
            r"|speaking)"
            r"|" + _YOU_RE + r" (?:the|exactly the) (?:reason|type|kind) (?:why )?(?:people"
            r"|everyone|nobody|women|men|girls|guys|no one) (?:hate|hates|can" + APOS + r"?t stand"
            r"|leave|quit|give up)"
            r"|" + _YOU_RE + r" not (?:even )?worth (?:the |my )?(?:effort|time|breath|energy"
            r"|trouble|a second|a minute|argument|argue|arguing)"
            r"|" + _YOU_RE_OR_WOULD + r" (?:absolutely |literally |just )?nothing without me\b"
            r"|\bno wonder (?:(?:your|ur) (?:ex|exes|wife|husband|gf|bf|girlfriend|boyfriend"
            r"|friends|family|parents|mom|mum|dad|kids|boss) (?:left|leaves|cheated|dumped|hates?"
            r"|can" + APOS + r"?t stand|fired|ditched)|(?:nobody|no one|noone) (?:likes|loves"
            r"|wants|respects|dates|talks to) (?:you|u)|" + _YOU_RE + r" (?:still )?(?:alone"
            r"|single|lonely|broke|unemployed|a failure))"
            r"|\bwhat are (?:you|u),? (?:5|five|6|six|10|ten|12|twelve|a child|a baby|a toddler)\b"
            r"|\btalking to (?:you|u) is like talking to a (?:brick )?wall\b",
            "mocks the other",
            _NEG_REP + " teasing",
            needs=(
                "look at|imagine|as if|seriously|adults|grown|are talking|reason|worth|"
                "nothing without|no wonder|what are|talking to"
            ),
        ),
        Cue(
            "mock_title",
            "smartypants smart "
            "genius einstein sherlock smartass smarty hotshot highness obvious king queen master "
            "champion baby princess snowflake crybaby",
            # Sarcastic titles: "ok genius", "the king of excuses", "did the baby get upset".
            r"\b(?:ok|okay|sure|yeah|thanks|thank you|nice (?:one|job|going|try)|well done"
            r"|good job|great job|way to go|bravo|congrats|wow|great idea|brilliant),?"
            r" (?:genius|einstein|sherlock|smart ?ass|smarty ?pants|hotshot|your highness"
            r"|captain obvious)\b"
            r"|\b(?:the )?(?:king|queen|master|champion) of (?:excuses|lies|lying|drama|failure"
            r"|bad ideas|bullshit|bs|stupidity|mediocrity|nothing)\b"
            r"|\b(?:did|does|is|poor|aw|aww) (?:the |ur |your |my |our )?(?:little |poor |widdle )?"
            r"(?:baby|princess|snowflake|crybaby) (?:get|gets|have|has|need|needs|gonna|going to"
            r"|cry|crying|upset|sad|mad|hurt)\b(?! (?:food|milk|fed|changed|a bath|sleep|a nap))",
            "mocks the other with a title",
            _NEG_REP + " teasing",
            needs=(
                "genius|einstein|sherlock|smart|hotshot|highness|obvious|king of|queen "
                "of|master of|champion of|baby|princess|snowflake"
            ),
        ),
        Cue(
            "scorned_ability",
            # Every alternative ends in an insult or a named failing: anchors stay rare.
            _INSULT_ANCHORS
            + " incompetent dense dim clueless slow job girlfriend boyfriend gf bf friend spell "
            "count read shoes boil basic simple rock rocks brick bricks embarrassing little "
            "predictable typical lame",
            r"\bhow (?:are|r|can) (?:you|u) (?:be )?(?:this|that|so) (?:"
            + _INSULT_ADJECTIVES
            + r"|incompetent|dense|dim|clueless|slow)\b"
            r"|\b(?:you|u) (?:really|truly|honestly|actually|seriously|genuinely|literally)"
            r" (?:are|r) (?:that |so |this |such an? |an? )?(?:"
            + _INSULT_ADJECTIVES
            + r"|"
            + _INSULT_NOUNS
            + r")\b"
            r"|\b(?:you|u) (?:can" + APOS + r"?t|cant|cannot|couldn" + APOS + r"?t) even (?:hold"
            r" down|keep|get) a (?:job|girlfriend|boyfriend|gf|bf|friend)\b"
            r"|\b(?:you|u) (?:can" + APOS + r"?t|cant|cannot) even (?:spell|count|read|tie (?:your"
            r"|ur) (?:own )?shoes|boil (?:an egg|water)|do (?:basic|simple))"
            r"|\b(?:dumb|stupid|thick|dense|dim) as (?:a )?(?:rock|rocks|brick|bricks"
            r"|a box of rocks|a post|a plank|a doorknob|dirt)\b"
            r"|\bembarrassing to be (?:around|with|seen with|related to)\b"
            r"|\bhow (?:pathetic|predictable|typical|lame) (?:of (?:you|u)|(?:you|u) (?:are|r)"
            r"|can (?:you|u) (?:be|get))"
            r"|\bhow pathetic(?= ?[.!?\n]| ?$)"
            r"|\b(?:you"
            + APOS
            + r"re|youre|you are|ur) (?:just |such |nothing but )?an? (?:sad|pitiful"
            r"|weak|tiny|small|pathetic|miserable|bitter|fragile) little (?:man|boy|girl|woman"
            r"|person|thing|creature|child|baby)\b",
            "scorns the other's abilities",
            _NEG_REP + " teasing",
            needs=("how |ly are |ly r |t even|cannot even| as |embarrassing to be| little "),
        ),
        Cue(
            "bare_name",
            "stupid dumb fat ugly lazy useless pathetic fucking worthless spineless little",
            r"(?:stupid|dumb|fat|ugly|lazy|useless|pathetic|fucking|worthless|spineless|little)"
            r" (?:(?:"
            + _MODIFIERS
            + r") )?"
            + _INSULT_NOUNS
            + r"(?= ?(?:[.!?,\n]|$|lol|lmao|smh|\U0001f644))",
            "a name thrown at the other",
            _NEG_REP + " teasing",
            clause_start=True,
        ),
        Cue(
            "dismissive_name",
            _INSULT_ANCHORS,
            # A name after a brush-off: "ok loser", "bye idiot", "whatever, clown".
            r"\b(?:ok|okay|sure|yeah|whatever|bye|cool|k|sure thing|yeah right|right),? "
            + _INSULT_NOUNS
            + r"(?= ?(?:[.!?,\n]|$|lol|lmao|smh|\U0001f644))",
            "brushes the other off with a name",
            _NEG_REP + " teasing",
        ),
        Cue(
            "mock_likeness",
            "useful smart bright helpful interesting fun iq brain brains intelligence personality "
            "spine excuse apology",
            # "you're about as useful as a chocolate teapot", "the iq of a potato",
            # "a sorry excuse for a husband".
            r"\b(?:you"
            + APOS
            + r"re|youre|ur|you are|u r) (?:about |just )?as (?:useful|smart|bright"
            r"|helpful|interesting|fun) as (?:a|an) (?!tack|whip|button|fox|owl)"
            # Aimed at the other: "he's a sorry excuse for a man" is about someone else.
            r"|\b(?:you|u) (?:have|got|" + APOS + r"?ve got|ve got) (?:the )?(?:iq|brains?"
            r"|brain cells|intelligence|personality|spine) of (?:a|an) "
            r"(?:(?:dead|wet|small|little|baby) )?(?:" + _LESSER_WORDS + r"|carrot|plank|sponge"
            r"|houseplant|turnip|doorknob|peanut)\b"
            r"|\b(?:you" + APOS + r"?re|youre|ur|you are|u r|you|u|what an?|such an?)"
            r" (?:(?:sorry|poor|pathetic|worthless|useless|sad|pitiful|disgusting|miserable) )?"
            r"(?:excuse|apology) for an? (?:man|woman|person|partner|husband|wife|boyfriend"
            r"|girlfriend|human|human being|father|mother|dad|mom|mum|son|daughter|friend|adult|bf"
            r"|gf)\b",
            "mocks the other by likeness",
            _NEG_REP + " teasing",
            needs=" as | of a| of an|excuse for|apology for",
        ),
        Cue(
            "eye_roll",
            "great nice job done congrats congratulations thanks thank wow amazing brilliant "
            "impressive bravo proud surprise shocker course",
            # Praise with an eye-roll aimed at the other: "great job as usual 🙄".
            r"\b(?:great|nice|good job|well done|congrats|congratulations|thanks|thank you|wow"
            r"|amazing|brilliant|impressive|bravo|so proud|what a surprise|shocker|of course)\b"
            r"[^.!?\n]{0,30}?\b(?:you|u|ur|your|yourself)\b[^.!?\n]{0,30}?\U0001f644",
            "praise with an eye-roll",
            _NEG_REP,
            needs="\U0001f644",
        ),
    ),
    reported=SAFETY_REPORTED_BEFORE,
)
