"""The phrase patterns behind ``controlling`` and ``criticism``.

Controlling runs the other's contacts, whereabouts, phone, time or feelings;
criticism attacks the other's character globally ("you never…", "you're so
selfish"). Both are built from the word classes in ``word_classes``.
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    SHORT_GAP,
    alt,
)

__all__ = ["CONTROLLING", "CRITICISM"]

_Q = "question "
_NEG_REP = "negated reported"

# An imperative may follow a softener ("just", "maybe", "honestly"...).
_SOFT = r"(?:(?:just|maybe|honestly|seriously|please|pls|plz|definitely|also|then|so|and) )?"

_CONTACT_VERBS: Final = alt(
    "delete block unfollow unfriend remove unmatch ghost cut_off stop_talking_to "
    "stop_texting stop_seeing stop_hanging_out_with stop_hanging_out stop_following "
    "stop_messaging stop_calling stop_meeting stop_going_out quit_seeing"
)
# "your insta password", never a shared account ("your netflix password").
_ACCOUNT: Final = (
    r"(?:(?!netflix |wifi |wi-fi |spotify |disney|hulu |hbo |prime |amazon |apple tv )"
    r"[a-z]{2,12} )?"
)
# What the other does with people, places and clothes, the things controlling runs.
_CONTACT_ING: Final = (
    r"(?:seeing|talking to|texting|messaging|calling|hanging out with|hanging around with"
    r"|meeting up with|meeting|following|dating|visiting|spending time with|going out with"
    r"|speaking to|dancing with|flirting with)"
)
_CONTACT_TO: Final = (
    r"(?:see|talk to|text|message|call|hang out with|meet up with|meet|follow|date|visit"
    r"|spend time with|go out with|speak to|dance with|flirt with)"
)

# Whoever the other is told to drop: anyone but the speaker ("stop texting me" is a boundary).
_WHO: Final = r"(?!me\b|us\b|yourself\b|myself\b)[a-z]"

CONTROLLING: Final = LabelRules(
    "controlling",
    (
        Cue(
            "demand_whereabouts",
            "tell location answer know",
            r"\b(?:tell me (?:right now |now )?(?:where (?:you|u) (?:are|were|r|went|been)"
            r"|where (?:you"
            + APOS
            + r"re|youre|ur)|who (?:ur|u r|(?:you|u)(?:"
            + APOS
            + r"re| are| were|re)?)"
            r" (?:with|texting|talking|seeing|messaging))"
            r"|(?:send|share|turn on) (?:me )?(?:your |ur )?(?:live )?location"
            r"|answer (?:me|your phone|the phone)\b(?! when| this| honestly| one)"
            r"|i (?:need|want|have|deserve) to know (?:where|who) (?:you|u))",
            "demands the other's whereabouts or company",
            _NEG_REP,
        ),
        Cue(
            "whereabouts_rules",
            "without through "
            "every everywhere places not access checking check anywhere decide pic picture photo "
            "selfie video cancel",
            # "tell me every place you go", "you're not to see him", "give me access to your
            # email", "you don't go anywhere without me", "a photo of who you're with".
            r"\b(?:tell me (?:every place|everywhere|all the places) (?:you|u) (?:go|went"
            r"|are going)"
            r"|(?:you"
            + APOS
            + r"re|you are|youre|ur) not to (?:see|talk|text|go|leave|call|contact"
            r"|speak|meet|wear)\b"
            r"|(?:give|need|want) (?:me )?access to (?:your|ur) (?:email|emails|phone|accounts?"
            r"|messages|icloud|instagram|insta|snap|location|dms)"
            r"|(?:i"
            + APOS
            + r"m|im|i am|i"
            + APOS
            + r"ll|i will) (?:checking|going through|going to"
            r" check|gonna check) (?:your|ur) (?:phone|messages|texts|dms|emails)"
            r"|(?:you|u) (?:don" + APOS + r"t|dont|do not) go (?:anywhere|out) without me"
            r"|(?:send|show) me (?:a )?(?:pic|picture|photo|selfie|video) (?:of )?(?:who|where)"
            r" (?:you|u)\b"
            r"|cancel (?:your|ur) (?:plans|trip|night out|date|drinks) with"
            r"|i(?:"
            + APOS
            + r"ll| will)? decide (?:who|what) (?:your|ur) (?:friends|clothes|plans)"
            r" (?:are|will be))",
            "sets rules for the other's whereabouts, company or accounts",
            _NEG_REP,
        ),
        Cue(
            "demand_access",
            "log "
            "password passcode pin login phone code texts messages dms chats inbox emails camera "
            "snap snaps whatsapp history",
            r"\b(?:(?:(?:give|send|tell|hand) me|gimme|i (?:want|need|deserve)|hand over"
            r"|i(?:"
            + APOS
            + r"m going to| am going to|"
            + APOS
            + r"m gonna|m gonna|"
            + APOS
            + r"ll|ll) need)"
            r" (?:your|ur) " + _ACCOUNT + r"(?:password|passcode|pin|login|phone|code)"
            r"|(?:what"
            + APOS
            + r"s|whats|what is) (?:your|ur) "
            + _ACCOUNT
            + r"(?:password|passcode|pin)"
            r"|(?:what" + APOS + r"s|whats|what is) the (?:password|passcode|pin|code|login)"
            r" (?:to|for|of|on) (?:your|ur)"
            r"|(?:show me|let me see|let me check|let me read|let me go through|hand me|unlock)"
            r" (?:your|ur) (?:phone|texts|messages|dms|chats|inbox|emails|camera roll|snap)"
            r"|i (?:want|need|wanna|have|deserve|get|"
            + APOS
            + r"?m going|am going) to (?:see|check"
            r"|read|look at|look through|go through) (?:all )?(?:your|ur) (?:phone|messages|texts"
            r"|dms|chats|emails|whatsapp|inbox|snaps?|call (?:log|history)|search history"
            r"|browser history)"
            r"|(?:give|hand) (?:your|ur) phone (?:to me|over|here))",
            "demands access to the other's phone or accounts",
            _NEG_REP,
        ),
        Cue(
            "cut_contacts",
            "delete block unfollow unfriend remove unmatch ghost cut stop quit",
            _SOFT + _CONTACT_VERBS + r" " + _WHO,
            "tells the other to cut off their contacts",
            _Q + _NEG_REP,
            clause_start=True,
        ),
        Cue(
            "cut_contacts_demand",
            "delete block unfollow unfriend remove unmatch ghost cut stop quit",
            r"\b(?:i need|i want|i expect|i"
            + APOS
            + r"m asking|you need|you have|you"
            + APOS
            + r"re going|you will) (?:you )?(?:to )?"
            + _CONTACT_VERBS
            + r" "
            + _WHO,
            "tells the other to cut off their contacts",
            _NEG_REP,
        ),
        Cue(
            "dont_contact",
            "don't dont do never",
            r"\b(?:don"
            + APOS
            + r"t|dont|do not|never) (?:ever )?"
            + _CONTACT_TO
            + r" (?:other (?:guys|girls|men|women|people|dudes|boys)|anyone else|anybody else"
            r"|(?:your|ur) ex|him|her)\b(?! like| that way| so| when| about)",
            "forbids the other's contacts",
            # An order, so a tag question ("..., ok?") does not make it one.
            "reported",
            clause_start=True,
        ),
        Cue(
            "dont_ignore",
            "don't dont do never",
            # "don't you ever ignore me", "dont ignore my calls"; not the plea "don't ignore me"
            r"\b(?:don"
            + APOS
            + r"t|dont|do not|never) (?:(?:you )?ever (?:ignore|block|mute|leave)"
            r" (?:me|my (?:calls?|texts?|messages?|dms?))|(?:you )?(?:ignore|block|mute|leave)"
            r" my (?:calls?|texts?|messages?|dms?))(?: on read)?\b",
            "demands the other always answer",
            "reported",
            clause_start=True,
        ),
        Cue(
            "tracks_whereabouts",
            "tracker tracking gps airtag life360 spyware find",
            r"\bi (?:put|installed|hid|have|added|set up|turned on|slipped) (?:a |an |the )?"
            r"(?:tracker|tracking app|gps(?: tracker)?|airtag|life360|spyware|find my)"
            r" (?:on|in|into|to) (?:your|ur)\b",
            "tracks the other's whereabouts",
            "negated reported",
        ),
        Cue(
            "no_more",
            "more seeing texting talking calling messaging hanging going",
            r"\bno more (?:texting|talking to|seeing|hanging out|going out|nights out"
            r"|guys|girls|other (?:guys|girls|men|women))\b"
            r"|\bno (?:seeing|texting|talking to|calling|messaging|hanging out with|going out with)"
            r" (?!me\b|us\b)[a-z]",
            "forbids the other's contacts or outings",
            "question reported",
        ),
        Cue(
            "not_allowed",
            "allowed going leaving wearing only",
            r"\b(?:(?:you" + APOS + r"re|you are|youre|ur|u r) not (?:allowed|going out"
            r"|going anywhere|going to (?:a |the |that |his |her |their |\w{1,20}"
            + APOS
            + r"s )|leaving|wearing that)|(?:you|u) (?:aren"
            + APOS
            + r"t allowed|are not allowed|arent allowed)|(?:you"
            + APOS
            + r"re|you are|youre|ur|u r) only"
            r" allowed)\b",
            "tells the other what they are not allowed to do",
            "question reported",
        ),
        Cue(
            "cant_go",
            "can't cant cannot let allow forbid dare",
            r"\b(?:(?:you|u) (?:can" + APOS + r"t|cant|cannot) (?:go out|see (?:him|her|them)"
            r"|hang out with|text (?:him|her|them)|talk to (?:him|her|them)|wear that)"
            r"|i (?:won" + APOS + r"t|will not|wont|don" + APOS + r"t|dont) (?:let|allow) (?:you|u)"
            r" (?:to )?(?:go|see|leave|talk|text|hang|wear|out|do that|near)"
            r"|(?:you|u) (?:can"
            + APOS
            + r"t|cant|cannot) "
            + _CONTACT_TO
            + r" (?:your|ur) (?:friends"
            r"|family|ex|mates|sister|brother|mum|mom|parents|coworkers)"
            + SHORT_GAP
            + r"(?:unless|without|anymore|any more|again)\b"
            r"|(?:you|u) (?:can"
            + APOS
            + r"t|cant|cannot) (?:go|leave|travel|hang out|go out)"
            + SHORT_GAP
            + r" without (?:me|asking|my permission|telling me)\b"
            r"|i forbid|(?:don" + APOS + r"t|dont|do not) (?:you )?dare (?:go|leave|talk|text|see"
            r"|wear|hang|call|answer|open))\b",
            "forbids the other to go, see or wear something",
            "question reported",
        ),
        Cue(
            "outing_rules",
            "phone without location straight directly permission",
            # "don't go to the gym without telling me", "your location better be on",
            # "you'll come straight home", "ask my permission".
            r"\b(?:(?:don"
            + APOS
            + r"t|dont|do not) (?:go|leave|travel|go out) "
            + SHORT_GAP
            + r"without (?:telling|asking|checking with) me\b"
            r"|(?:your|ur) (?:location|phone) (?:better|had better|needs to|has to|must)"
            r" (?:be|stay) on\b"
            r"|(?:you" + APOS + r"ll|you will|youll|you" + APOS + r"re going to|you are going to)"
            r" (?:come|go) (?:straight|directly) (?:home|back)\b"
            r"|(?:asked?|ask for|without|need|needs|get|got|getting) my permission\b)",
            "sets rules for the other's outings",
            "question reported",
        ),
        Cue(
            "if_again",
            "again",
            r"\bif (?:you|u) (?:ever )?(?:talk to|text|see|call|message|meet|hang out with|go out"
            r" with|speak to|go near|look at) (?!me\b)\w{1,20} again\b",
            "forbids contact with a conditional warning",
            _NEG_REP,
        ),
        Cue(
            "check_in_every",
            "every from second minute moment",
            r"\b(?:(?:text|call|message|check in with|update) me every|(?:you|u) text me every"
            r"|(?:text|call|message) me the (?:second|minute|moment) (?:you|u)"
            r"|(?:send|text|call|message) me (?:a |an )?(?:photo|pic|picture|selfie|text|update"
            r"|message|call|proof) every (?:hour|half|single|few|\d)"
            r"|from now on,? (?:you|u) (?:text|call|tell|check|ask|send|come|go|stay|don|will|need"
            r"|have|are|can" + APOS + r"t|share|keep|answer|let|give|turn|be|must))\b",
            "demands regular check-ins",
            _NEG_REP,
        ),
        Cue(
            "report_to_me",
            "text call check answer report ask tell permission first",
            r"\b(?:(?:you|u) (?:will|have to|must|need to|are going to) (?:text|call|check in with"
            r"|answer|report to|ask) me|(?:you|u) (?:will|have to|must|need to|are going to) tell"
            r" me (?:where|who|everything|first|before)"
            r"|(?:you|u) (?:need|have to get|must get) my permission|ask (?:me|my permission)"
            r" first)\b",
            "demands the other report to them or ask permission",
            _NEG_REP,
        ),
        Cue(
            "finality",
            "discussion conversation said final thats that's negotiable arguments say tell wear",
            r"\b(?:end of discussion|end of conversation|because i said so|that"
            + APOS
            + r"s final|thats final|not up for discussion|not negotiable|no arguments"
            r"|(?:you" + APOS + r"ll |you will )?do (?:what|as) i (?:say|said|tell you)"
            r"|(?:wear|say|eat|go|do) (?:what|whatever|where|wherever) i (?:tell (?:you|u)"
            r"(?: to)?|say|said)(?= ?[.!,\n]|$| to\b| and\b))\b",
            "closes the discussion to impose a decision",
            _NEG_REP,
        ),
        Cue(
            "run_feelings",
            "reason get allowed",
            r"\b(?:(?:you have|you"
            + APOS
            + r"ve got|youve got|there"
            + APOS
            + r"s|theres) no reason"
            r" to (?:be|feel) (?:upset|sad|mad|angry|hurt|jealous|worried|scared|like that)"
            r"|(?:you|u) (?:don" + APOS + r"t|dont) get to (?:be|feel)"
            r"|(?:you|u) (?:aren" + APOS + r"t|are not) allowed to (?:be|feel))\b",
            "tells the other what to feel",
            _NEG_REP,
        ),
        Cue(
            "stop_feeling",
            "stop",
            r"stop (?:crying|whining|sulking|complaining|pouting|overreacting|being (?:so )?"
            r"(?:dramatic|sensitive|emotional|upset|needy|clingy|mad|sad))\b",
            "tells the other to stop feeling",
            _NEG_REP,
            clause_start=True,
        ),
        Cue(
            "if_you_loved",
            "loved cared respected trusted",
            r"\bif (?:you|u) (?:really |truly |actually )?(?:(?:loved|cared about|cared for"
            r"|respected|trusted) me(?: back| too)?|cared),? (?:you"
            + APOS
            + r"d|you would|u"
            + APOS
            + r"d|youd|u would"
            r"|you wouldn" + APOS + r"t|you would not)\b",
            "makes love conditional on obeying",
            _NEG_REP,
        ),
        Cue(
            "wish_about_contacts",
            "want like rather prefer",
            # A wish that rules the other's contacts or outings: "I don't want you
            # seeing him", "I'd rather you didn't text her".
            r"\bi (?:don"
            + APOS
            + r"t|dont|do not) (?:want|like) (?:you|u) (?:"
            + _CONTACT_ING
            + r" "
            + _WHO
            + r"|going (?:out|anywhere|to (?:that|his|her|their|the|[a-z]{2,15}"
            + APOS
            + r"s))"
            r"|(?:at|near|around) (?:that|his|her|their) [a-z]"
            r"|wearing (?:that|this|those|these|a|short|anything)|(?:to )?"
            + _CONTACT_TO
            + r" "
            + _WHO
            + r"|to (?:go out|go anywhere|wear (?:that|this|those)))"
            r"|\bi(?:"
            + APOS
            + r"d| would|d) (?:rather|prefer|prefer it if) (?:you|u) (?:didn"
            + APOS
            + r"t|did not|didnt|don"
            + APOS
            + r"t|dont|not|never|stopped|stop) (?:"
            + _CONTACT_TO
            + r"|"
            + _CONTACT_ING
            + r"|go out|going out|wear|wearing) "
            + _WHO,
            "a wish that rules the other's contacts or outings",
            "question reported",
        ),
        Cue(
            "rules_of_contact",
            "life360 find "
            "seeing talking texting meeting going hanging calling messaging staying decide choose "
            "say permission ask check clear home back every whenever immediately within second "
            "moment location gps sharing tell know prove answer pick reply respond",
            # "you're not seeing him again", "you need to be home by 9", "I decide who
            # you see", "you have to answer every time I call", "turn your location on".
            r"\b(?:(?:you"
            + APOS
            + r"re|youre|you are|ur|u r) not "
            + _CONTACT_ING
            + r" "
            + _WHO
            + SHORT_GAP
            + r"(?:again|anymore|any more|ever)\b"
            r"|(?:you" + APOS + r"re|youre|you are|u r) staying (?:home|in)(?= tonight| today"
            r"| this weekend| with me| ?[.!,]| ?$)"
            r"|(?:you|u) (?:need|have|" + APOS + r"ve got|ve got|must|better|gotta)(?: to)? be"
            r" (?:home|back|here|in) (?:by|before|no later than) [a-z0-9:]{1,8}(?: ?[ap]m)?"
            r"(?= ?[.!,\n]| ?$| tonight| or\b| at the latest)"
            r"|i (?:decide|choose|say|get to (?:decide|choose|say)|"
            + APOS
            + r"ll decide|will decide)"
            r" (?:(?:who|where) (?:you|u) (?:see|hang|talk|text|go|can|are allowed|spend|meet"
            r"|date)|what (?:you|u) (?:wear|eat|post|buy))"
            r"|(?:you|u) (?:need|have|must|better|gotta)(?: to)? (?:ask|check with|clear it with"
            r"|run it by) me (?:before|first)"
            r"|(?<!like )(?<!that )(?:you|u) (?:need|have|must|better|gotta|will|always have"
            r"|should always)(?: to)?"
            r" (?:always )?(?:pick up|answer|reply|respond|text (?:me )?back|call (?:me )?back)"
            r"(?: (?:me|my (?:calls|texts|messages)|the phone|your phone|ur phone))?"
            r" (?:every (?:time|single time)|whenever i|when i|within|immediately|right away"
            r"|straight away|the second|the moment|as soon as i)"
            r"|(?:turn|keep|put|switch|leave) (?:your|ur) (?:location|find my|gps|life360)"
            r"(?: sharing)?(?: back)? on\b"
            r"|so i know (?:you" + APOS + r"re|youre|you are|ur|u r|you were) (?:really |actually"
            r" )?(?:at|with|home|there|alone|not lying|telling the truth)"
            r"|prove (?:you" + APOS + r"re|youre|you are|you were|ur) (?:really |actually )?"
            r"(?:at|with|home|there|alone)\b"
            r"|(?:you|u) (?:shouldn" + APOS + r"t|shouldnt|should not|can" + APOS + r"t|cant"
            r"|cannot) (?:be )?(?:talking|talk|texting|text|seeing|see|hanging out|hang out"
            r"|messaging|message|dancing|dance|flirting|flirt) (?:to |with )?(?:other|any other"
            r"|random) (?:guys|girls|men|women|people)\b)",
            "sets rules for the other's contacts, whereabouts or phone",
            "question reported",
        ),
        Cue(
            "possession",
            "belong own mine",
            r"\b(?:you belong to me|i own you|(?:you" + APOS + r"re|you are|youre) mine"
            r" and (?:no one|nobody) else)\b",
            "claims ownership of the other",
            _NEG_REP,
        ),
        Cue(
            "i_need_you_to_stop",
            "staying wear stop quit cut drop stay come home back here who off stays approve",
            r"\b(?:i (?:need|want|expect) (?:you|u) to|i" + APOS + r"m asking you to)"
            r" (?:stop|quit|cut|drop|stay home|come home (?:now|right now|immediately))\b"
            r"|\bi (?:want|need|expect) (?:you|u) (?:home|back|here) (?:by|before|at|now|right now"
            r"|tonight|immediately|straight after|right after|from now on|every night|early)\b"
            r"|\bwho (?:said|told (?:you|u)) (?:you|u) could\b|\bwho gave (?:you|u) permission\b"
            r"|\b(?:your|ur) (?:phone|location|laptop) (?:stays|is staying|needs to stay"
            r"|will stay) (?:on|with me|where i|unlocked|out)"
            r"|\bi (?:need|have|get|want) to (?:approve|see|check|read|vet) (?:anything|everything"
            r"|whatever|what) (?:you|u) (?:post|send|wear|buy|say|text)\b",
            "demands the other change their behaviour",
            _NEG_REP,
        ),
    ),
)

_CHAR_CLEAR: Final = alt(
    "selfish inconsiderate lazy thoughtless self-centered self-centred selfcentered "
    "self-absorbed selfabsorbed immature irresponsible insensitive unreliable manipulative "
    "ungrateful arrogant disrespectful entitled(?! to) narcissistic heartless cruel toxic "
    "hypocrite hypocritical childish petty dishonest careless a_liar such_a_liar a_hypocrite "
    "a_narcissist spoiled spoilt two-faced passive-aggressive judgmental judgemental "
    "condescending controlling possessive stubborn unbearable impossible_to_talk_to "
    "emotionally_unavailable useless_at self_absorbed self_centered self_centred self_obsessed "
    "self-obsessed"
)
_CHAR_SOFT: Final = alt(
    "cold mean negative dramatic jealous boring annoying difficult distant fake cheap messy "
    "critical rude needy clingy defensive flaky closed_off bossy uptight"
)
#: Who a character word is pinned on: "a selfish person", "such a cold man".
_PERSON_NOUN: Final = alt(
    "person human_being human man woman guy girl individual partner boyfriend girlfriend "
    "husband wife friend people"
)
_INTENSIFIER: Final = alt(
    "so such_a such_an really too very incredibly completely totally always the_most being "
    "being_so just_so honestly_so literally_so kind_of kinda sooo soo just plain simply"
)
# What follows "you always" / "you never" in praise, reassurance or idiom.
_SHARED_POSITIVE: Final = (
    r"make me (?:smile|laugh|happy|feel (?:good|better|safe|loved|special|happy|welcome"
    r"|at home|seen|heard))|makes? me (?:smile|laugh)|told me|tell me|mentioned|said"
    r"|know\b|gonna|going to|so (?:sweet|kind|nice|good|thoughtful|supportive|patient"
    r"|lovely|cute|funny)|welcome|on my mind|in my"
)
# "You never met her", "if you never go back": facts and conditions, not complaints.
_NEVER_FACTUAL: Final = (
    r"(?! (?:met|had|got|went|saw|knew|was|were|came|get to|go back|did anything wrong"
    r"|been|heard|seen|learned|found))"
)
_ALWAYS_POSITIVE: Final = (
    r"(?!,? (?:been )?(?:"
    + _SHARED_POSITIVE
    + r"|look|cheer|help|support|have my back|there for me"
    r"|there|(?:so |really |very |such (?:a |an )?)?(?:kind|good|great|amazing|wonderful|sweet"
    r"|supportive|patient|generous|honest|loyal|caring|gentle|brave|strong|smart|beautiful"
    r"|my (?:favou?rite|best)|the (?:best|one))"
    r"|right|remember|manage|find|come through|show up for|got my back|make time|answer"
    r"|pick up|surprise|amaze|know (?:how|what|just|when)|have (?:the best|such|good|great"
    r"|amazing|a way|my back)|smell|sound|make it|get it right"
    r"|this (?:tired|busy|hungry|sleepy|early|quiet|cheerful|happy|chatty|calm|organi[sz]ed"
    r"|productive|energetic)))"
)
_NEVER_POSITIVE: Final = (
    r"(?!,? (?:" + _SHARED_POSITIVE + r"|fail to|cease to|disappoint|let me down|give up"
    r"|get (?:tired|bored)|stop|forget|judge|complain|(?:have|need) to))"
)

_YOU_ARE_STRICT: Final = (
    r"\b(?:you" + APOS + r"re|you are|you r|u r|u" + APOS + r"re|youre|you" + APOS + r"re being"
    r"|you are being|are you)"
)
# The other as subject; a curious question ("do you always wake up this
# early?") is not a complaint, hence the look-behinds after "you".
_SUBJECT: Final = (
    r"\b(?:you" + APOS + r"re|you are|youre|ur|your|are you|are u|you|u)(?<!do you)(?<!did you)"
    r"(?<!will you)(?<!would you)(?<!can you)(?<!could you)(?<!do u)(?<!did u)"
    r"(?<!have you)(?<!if you)(?<!if u)(?<!sure you)(?<!sure u)"
)

CRITICISM: Final = LabelRules(
    "criticism",
    (
        Cue(
            "always",
            "always constantly allways alwys",
            r"(?:"
            + _SUBJECT
            + r" (?:just |literally |really |honestly |seriously |basically |simply )?"
            r"(?:always|constantly|allways|alwys)"
            # "you've always been cold"; not "you've always wanted to go there"
            r"|(?<!if )(?<!if u )\b(?:you" + APOS + r"ve|youve|you have|u" + APOS + r"ve) (?:always"
            r"|constantly)(?= been\b))\b" + _ALWAYS_POSITIVE,
            "a global 'always' complaint about the other",
            _NEG_REP,
        ),
        Cue(
            "why_always",
            "always never constantly",
            r"\bwhy (?:do|does|did|are|r|must|can"
            + APOS
            + r"?t) (?:you|u) (?:always|never|constantly)"
            r"\b",
            "asks why the other always or never does something",
            _NEG_REP,
        ),
        Cue(
            "never",
            "never nevr",
            _SUBJECT + r" (?:just |literally |really |honestly |seriously |basically |simply )?"
            r"(?:never|nevr)\b" + _NEVER_POSITIVE + _NEVER_FACTUAL,
            "a global 'never' complaint about the other",
            _NEG_REP,
        ),
        Cue(
            "character",
            "useless "
            "selfish inconsiderate lazy thoughtless centered centred selfcentered absorbed "
            "selfabsorbed immature irresponsible insensitive unreliable manipulative ungrateful "
            "arrogant disrespectful entitled narcissistic heartless cruel toxic hypocrite "
            "hypocritical childish petty dishonest careless liar narcissist spoiled spoilt faced "
            "aggressive judgmental judgemental condescending controlling possessive stubborn "
            "unbearable impossible unavailable cold mean negative dramatic jealous boring "
            "annoying difficult distant fake cheap messy critical rude needy clingy defensive "
            "flaky closed bossy uptight obsessed",
            r"(?:"
            + _YOU_ARE_STRICT
            + r" (?:"
            + _INTENSIFIER
            + r" )?|\b(?:your|ur) "
            + _INTENSIFIER
            + r" )(?:"
            + _CHAR_CLEAR
            + r"|(?:"
            + _INTENSIFIER
            + r") "
            + _CHAR_SOFT
            + r")\b"
            # "you're just a selfish person", "ur a really cold guy"
            r"|(?:" + _YOU_ARE_STRICT + r"|\b(?:your|ur)) (?:just |honestly |really |literally "
            r"|basically |simply |such )?(?:a|an|such a|such an) (?:(?:really|very|so|truly"
            r"|deeply|incredibly|totally) )?" + _CHAR_CLEAR + r"\b(?! of\b)"
            r"|(?:" + _YOU_ARE_STRICT + r"|\b(?:your|ur)) (?:just |honestly |really |literally "
            r"|basically |simply |such )?(?:a|an|one|such a|such an|the most) (?:(?:really|very|so"
            r"|truly|deeply|incredibly|genuinely|fundamentally|totally|completely|utterly"
            r"|absolutely) )?(?:" + _CHAR_CLEAR + r"|" + _CHAR_SOFT + r") " + _PERSON_NOUN + r"\b",
            "attacks the other's character",
            _NEG_REP,
        ),
        Cue(
            "bad_at_love",
            "crappy shitty terrible awful horrible lousy bad shit crap worst idea how",
            r"\b(?:(?:you" + APOS + r"re|you are|youre|ur|u r) (?:such |just |really )?(?:a |the )?"
            r"(?:terrible|awful|horrible|lousy|bad|shit|crap|shitty|crappy|worst) (?:listener"
            r"|partner|boyfriend|girlfriend|husband|wife|friend|communicator|person|father|mother"
            r"|dad|mom|mum|lover)"
            r"|(?:you|u) (?:have no idea|don" + APOS + r"?t know|dont know|never learned) how to"
            r" (?:love|listen|communicate|apologi[sz]e|be a|treat|care|support))\b",
            "attacks the other as a partner",
            _NEG_REP,
        ),
        Cue(
            "all_about_you",
            "about",
            r"\b(?:(?:it" + APOS + r"s|its|it is|everything" + APOS + r"s|everything is)"
            r" (?:always |all |only )?(?:always |all )?about (?:you|u)\b(?! and me| two)"
            r"|(?:you|u) make (?:everything|it all|it) about (?:you|yourself)"
            r"|(?:you|u) (?:only |just )?(?:ever )?(?:think|care) about (?:yourself|you)\b)",
            "says everything is about the other",
            _NEG_REP,
            needs="about",
        ),
        Cue(
            "self_centred",
            "own "
            "yourself urself empathy respect compassion consideration decency shame "
            "awareness manners integrity intelligence incapable capable",
            # Global verdicts on the other's regard for anyone else.
            r"\b(?:(?:don" + APOS + r"t|dont|do not|never) (?:care|think) about (?:anyone|anybody"
            r"|anything) (?:but|except|other than|besides) (?:yourself|urself)"
            r"|(?:only|always|only ever) (?:think|thinking|care|caring) (?:of|about) (?:yourself"
            r"|urself|your own)"
            r"|(?:care|cares|think|thinks) about (?:no one|nobody) (?:but|except|other than"
            r"|besides) (?:yourself|urself)"
            r"|(?:you|u) (?:have|got|" + APOS + r"ve got|ve got|has) (?:zero|no|absolutely no"
            r"|not an ounce of|not one ounce of|not a shred of) (?:empathy|respect|compassion"
            r"|consideration|decency|shame|self-awareness|self awareness|manners|integrity"
            r"|emotional intelligence)"
            r"|(?:you" + APOS + r"re|youre|you are|ur) (?:completely |totally |just |literally )?"
            r"(?:incapable|not capable) of (?:listening|loving|caring|empathy|being|admitting"
            r"|apologi[sz]ing|compromising|thinking|taking|hearing|showing))\b",
            "a global verdict on how the other treats others",
            _NEG_REP,
        ),
        Cue(
            "never_will",
            "admit apologise apologize listen responsibility sorry accept own compromise change",
            r"\b(?:you|u)(?:"
            + APOS
            + r"ll| can| could| will| would|ll) never (?:admit|apologi[sz]e"
            r"|listen|take responsibility|say sorry|accept|own up|compromise|change)\b",
            "says the other never will",
            _NEG_REP,
        ),
        Cue(
            "nothing_right",
            "anything ruin",
            r"\b(?:you|u) (?:(?:can" + APOS + r"t|cant|cannot) (?:ever )?do anything right"
            r"|ruin everything)\b",
            "a global attack on the other's competence",
            _NEG_REP,
        ),
        Cue(
            "just_like",
            "like typical",
            r"\b(?:(?:you" + APOS + r"re|you are|youre|ur) just like (?:them|him|her|your (?:mom"
            r"|mother|dad|father)|my ex)|(?:so |how )?typical of (?:you|u))\b",
            "lumps the other with those they resent",
            _NEG_REP,
            needs="just like|typical of",
        ),
    ),
)
