"""The phrase patterns behind the five flags ``flags.detect_flags`` reports.

Each flag is a ``LabelRules``: trigger words, then named cues built from the
word classes in ``word_classes``. The cues follow ``spec/criteria.md``
section 2 and its hard cases; they describe kinds of phrase ("you + should +
verb", "imperative at the start of a clause"), never single sentences.
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
    SHORT_GAP,
    YOU,
    YOU_ARE,
    alt,
)

__all__ = ["ADVICE", "BID_FOR_CLOSENESS", "CONTROLLING", "CRITICISM", "FLAG_RULES", "MERGING"]

_Q = "question "
_NEG = "negated"
_NEG_REP = "negated reported"

# An imperative may follow a softener ("just", "maybe", "honestly"...).
_SOFT = r"(?:(?:just|maybe|honestly|seriously|please|pls|plz|definitely|also|then|so|and) )?"
_ADV = r"(?:(?:really|just|honestly|definitely|probably|seriously|totally|still|also|maybe|def) )?"

_ADVICE_PHRASES: Final = (
    "try talk_to talk_with tell_him tell_her tell_them tell_your ask_him ask_her ask_them "
    "ask_for ask_about ask_your go_to go_see go_for go_talk go_back see_a see_if see_your "
    "get_a get_some get_help get_out get_away get_checked get_rid get_therapy find_a "
    "find_someone find_something find_out find_some find_ways look_into look_for look_after "
    "look_up consider stay_away stay_strong stay_safe stay_calm stay_positive stay_true avoid "
    "focus_on give_it give_him give_her give_them give_yourself take_care_of_yourself take_some "
    "take_time take_it_easy take_it_slow take_a_break take_a_step stop_worrying stop_blaming "
    "stop_overthinking stop_apologizing "
    "stop_comparing stop_beating be_honest be_patient be_kind be_gentle be_careful be_yourself "
    "be_upfront be_clear be_open be_direct be_firm be_brave keep_trying keep_going keep_your "
    "keep_an_eye keep_in_mind keep_it keep_at_it write_it write_down write_a call_him call_her "
    "call_them call_a call_the call_your call_someone block_him block_her block_them report_him "
    "report_her report_it report_them leave_him leave_her leave_them move_on move_out walk_away "
    "cut_him cut_her cut_them cut_ties cut_contact reach_out spend_time spend_some spend_more "
    "spend_less start_by start_with set_boundaries set_a set_up let_him let_her let_them let_it "
    "let_yourself learn_to learn_how read_up read_about use_a use_the use_this use_your "
    "ignore_him ignore_her ignore_them ignore_it forgive_yourself treat_yourself trust_yourself "
    "trust_your check_out check_if check_with check_in_on put_yourself remember_to remember_that "
    "journal apply_for save_up quit_your quit_that drop_him drop_her drop_them drop_it "
    "drop_toxic seek_help seek_therapy sleep_on_it breathe think_about_it hang_in_there "
    "don't_let don't_take don't_give don't_be_afraid don't_feel_bad don't_worry don't_blame "
    "don't_beat don't_settle don't_rush don't_listen don't_waste don't_stress don't_forget "
    "dont_let dont_take dont_give dont_be_afraid dont_feel_bad dont_worry dont_blame dont_beat "
    "dont_settle dont_rush dont_listen dont_waste dont_stress dont_forget do_not "
    "never_let never_give_up never_settle"
)

_YOU_MODAL_NOT: Final = (
    r"(?! have\b|" + APOS + r"ve\b| know\b| see me\b| hear\b| tell me\b| come\b"
    r"| see (?:the|this|that|my|his|her|their|what|how|it|them)\b"
    r"| be (?:proud|happy|glad|ashamed|fine|ok|okay|good|sorry|kidding|joking|tired"
    r"|exhausted|so|really|very|a|an|the|here|there|with me)\b)"
)
_ADVICE_GUARDS: Final = _Q + _NEG_REP

# Base-form verbs that start a clause only as imperatives ("pick one and start").
_GENERAL_IMPERATIVES: Final = (
    "accept adopt apologise apologize apply ask avoid believe block breathe bring build buy "
    "call calm cancel change check choose clean communicate consider contact cook cut delete "
    "document drink drop eat email embrace exercise explain explore express figure find focus "
    "follow forget forgive get give go google hang hire hold ignore imagine invest join "
    "journal keep learn leave listen look make meditate move note open pay pick plan practice "
    "practise pray prepare prioritize prioritise protect put quit reach read reconnect record "
    "reflect relax remember remind remove report research rest schedule search see seek sell "
    "set share show sit sleep slow speak spend start stay step stick stop study take talk "
    "teach tell text think throw treat trust try turn use visit volunteer walk watch wear "
    "work write decide realize realise mention flirt know hate love stand"
)
# Requests to the speaker ("tell me", "send me"), farewells and wishes
# ("see you", "take care", "sleep well") and taunts are not advice.
_NOT_A_REQUEST: Final = (
    r"(?!'| me\b| us\b| you\b| ya\b| u\b| with me\b| to me\b| for me\b| care\b(?! of)| well\b"
    r"| tight\b| soon\b| your (?:back|mouth|step)\b| yourself\b(?! (?:first|some|time|a|out))"
    r"| over yourself| out for me| it easy on me| it\b[.!?]| that\b[.!?]| this\b[.!?])"
)


def _imperatives(name: str, phrases: str, tail: str, why: str) -> tuple[Cue, ...]:
    """One clause-initial cue per verb ("tell_him tell_her" -> tell (him|her)).

    Each is tried only where a clause starts with its verb, so a message pays
    for the verbs it opens clauses with, not for the whole list.
    """
    by_verb: dict[str, list[str]] = {}
    for phrase in phrases.split():
        verb, _, rest = phrase.partition("_")
        by_verb.setdefault(verb, []).append(rest.replace("_", " "))
    cues = []
    for verb, rests in by_verb.items():
        objects = "" if "" in rests else " (?:" + "|".join(rests) + ")"
        cues.append(
            Cue(
                f"{name}@{verb}",
                verb,
                re.escape(verb) + objects + tail,
                why,
                _ADVICE_GUARDS,
                clause_start=True,
            )
        )
    return tuple(cues)


ADVICE: Final = LabelRules(
    "advice",
    (
        Cue(
            "you_should",
            "should shud shld shouldn't shouldnt ought oughta gotta",
            YOU
            + " "
            + _ADV
            + r"(?:should|shud|shld|ought to|oughta|gotta|shouldn"
            + APOS
            + r"t)\b"
            + _YOU_MODAL_NOT,
            "tells the other what they should do",
            _ADVICE_GUARDS,
            needs="should|shud|shld|ought|gotta|shouldn",
        ),
        Cue(
            "you_need_to",
            "need needa have",
            YOU
            + " "
            + _ADV
            + r"(?:need to|needa|have to|don"
            + APOS
            + r"t need to|don"
            + APOS
            + r"t have to|dont need to|dont have to|may need to)\b"
            + _YOU_MODAL_NOT,
            "tells the other what they need to do",
            _ADVICE_GUARDS,
            needs="need to|needa|have to|need'|dont need|don't need|dont have|don't have",
        ),
        Cue(
            "you_might_want",
            "want wanna try always also",
            YOU + " " + _ADV + r"(?:might want to|may want to|might wanna|could try|could always"
            r"|could also|can always|can also|can try|might try|could just try)\b",
            "suggests what the other might do",
            _ADVICE_GUARDS,
            needs="might|may|could|can",
        ),
        Cue(
            "i_suggest",
            "suggest recommend advise advice suggestion recommendation tip tips",
            r"\b(?:i(?:" + APOS + r"d| would)? (?:suggest|recommend|advise|strongly suggest)"
            r"|my (?:advice|recommendation|tip)|(?:my|one|a) suggestion|would advise"
            r"|(?:one|a|my|some) tips?)\b",
            "gives advice outright",
            _NEG_REP,
            needs="suggest|recommend|advi|tip",
        ),
        Cue(
            "in_your_place",
            "were shoes position",
            r"\b(?:if i (?:were|was) you|in your (?:shoes|position))\b",
            "advises from the other's place",
            _NEG_REP,
            needs="if i were|if i was|in your",
        ),
        Cue(
            "best_thing",
            "thing way step",
            r"\bthe (?:best|only|first|right) (?:thing|way|step) (?:to do |you can do |for you )?"
            r"(?:is|would be|here is)\b",
            "names the best thing to do",
            _NEG_REP,
            needs="the best|the only|the first|the right",
        ),
        Cue(
            "would_help",
            "help helps helped worth idea important",
            r"\b(?:it (?:might|would|could|may|will|can) (?:really )?help"
            r"|(?:it|that|this) (?:really )?helps? (?:a lot )?(?:to|if you)"
            r"|it (?:might|would|could|may) be (?:good|helpful|worth|wise|best|better|a good idea)"
            r"|it" + APOS + r"?s (?:worth|a good idea|best to|better to|important to|ok to|okay to)"
            r"|(?:is|are) worth (?:a try|trying|it|talking|looking))\b",
            "says what would help",
            _NEG_REP,
            needs="help|worth|idea|important|ok to|okay to|best to|better to",
        ),
        Cue(
            "make_sure",
            "sure mind key",
            r"\b(?:make sure (?:you|to|that)|be sure to|keep in mind|bear in mind|the key is)\b",
            "tells the other what to be sure of",
            _NEG_REP,
            needs="sure|mind|key",
        ),
        Cue(
            "have_you_tried",
            "tried thought considered looked talked asked spoken reached",
            r"\bhave (?:you|u) (?:ever )?(?:tried|thought (?:about|of)|considered|looked into"
            r"|talked to|asked|spoken to|reached out)\b",
            "advice phrased as a question",
            _NEG_REP,
            needs="have you|have u",
        ),
        Cue(
            "why_dont_you",
            "why did how what just",
            r"\b(?:why (?:don" + APOS + r"t|dont|not) (?:you |u )?(?:just )?(?!me\b)\w"
            r"|(?:can" + APOS + r"t|cant|couldn" + APOS + r"t|could|can) (?:you|u) just\b"
            r"|did (?:you|u) (?:try|consider|think about|ask)\b"
            r"|how about (?:you|u|trying|talking|asking|telling|just)\b"
            r"|what if (?:you|u) (?:just )?(?:tried|talk|talked|told|asked|try|tell|ask|went)\b)",
            "advice phrased as a question",
            _NEG_REP,
            needs="why|did you|did u|how about|what if|just",
        ),
        Cue(
            "maybe_try",
            "maybe",
            r"\bmaybe (?:(?:you|u) (?:could|should|can|need|might)|(?:just )?(?:try|talk|ask"
            r"|tell|see|get|look|consider|give|take|go))\b",
            "advice softened with a maybe",
            _NEG_REP,
            needs="maybe",
        ),
        *_imperatives(
            "imperative_advice",
            _ADVICE_PHRASES,
            r"\b(?! me\b| with me\b| to me\b)",
            "an imperative telling the other how to fix it",
        ),
        *_imperatives(
            "imperative_general",
            _GENERAL_IMPERATIVES,
            r"\b" + _NOT_A_REQUEST,
            "an imperative telling the other what to do",
        ),
        Cue(
            "you_could",
            "can could might may",
            YOU + r" (?:can|could|might|may)\b(?! have\b|" + APOS + r"ve\b| be\b| not\b| never\b"
            r"| tell\b| see\b| imagine\b| \w{1,15} me\b)",
            "says what the other could do",
            _ADVICE_GUARDS,
            needs="you can|you could|you might|you may|u can|u could|u might|u may",
        ),
        Cue(
            "you_will_want",
            "want need have wanna",
            YOU + r"(?:" + APOS + r"ll| will| may| might) (?:want|need|have|wanna) to\b",
            "says what the other will need to do",
            _NEG_REP,
            needs=(
                "ll want|ll need|ll have|ll wanna|will want|will need|will have|may want"
                "|may need|might want|might need|might have|may have"
            ),
        ),
        Cue(
            "if_you",
            "if",
            r"\bif (?:you|u)(?:" + APOS + r"re| are| want| can| feel| need| have)?\b",
            "a condition put to the other",
            _NEG_REP,
            needs="if you|if u",
        ),
        Cue(
            "others_should",
            "should needs need has have ought must",
            r"\b(?:he|she|they|someone|somebody|people|everyone|your (?:partner|husband|wife|bf|gf"
            r"|boyfriend|girlfriend|friend|mom|dad|boss)) (?:really |just )?(?:should|needs to"
            r"|need to|has to|have to|ought to|must)\b(?! have\b|" + APOS + r"ve\b)",
            "says what someone else should do",
            _NEG_REP,
            needs="should|need to|needs to|has to|have to|ought to|must",
        ),
        Cue(
            "better_to",
            "better free afraid wrong shame need worth okay ok",
            r"\b(?:(?:it" + APOS + r"s |its |it is |it would be |would be |might be )?better to"
            r"|(?:you" + APOS + r"re|you are|youre|you" + APOS + r"d be|you would be) better off"
            r"|feel free to|(?:don" + APOS + r"t|dont|do not) be afraid to"
            r"|(?:there" + APOS + r"s|there is|theres) (?:nothing wrong|no shame) (?:with|in)"
            r"|no need to|worth (?:a shot|a try|trying|it|looking|considering)"
            r"|it" + APOS + r"?s (?:ok|okay) to)\b",
            "says what is better to do",
            _NEG_REP,
            needs="better|free to|afraid to|nothing wrong|no shame|no need to|worth|ok to|okay to",
        ),
        Cue(
            "please_do",
            "please pls plz",
            r"\b(?:please|pls|plz),? (?!me\b)(?:"
            + alt(_GENERAL_IMPERATIVES)
            + r"|don"
            + APOS
            + r"t|be|do)\b",
            "pleads with the other to act",
            _NEG_REP,
            needs="please|pls|plz",
        ),
        Cue(
            "i_would_try",
            "i'd id would encourage urge",
            r"\b(?:i(?:"
            + APOS
            + r"d| would) (?:just |probably |definitely |personally |honestly )?"
            r"(?:try|go|talk|tell|ask|get|see|look|start|leave|wait|say|recommend|consider|focus"
            r"|find|talk|reach|call|speak|write|take|stop|move|break|report)"
            r"|i (?:encourage|urge) (?:you|u)|i think (?:you|u) (?:need|should|could|might))\b",
            "says what the speaker would do in the other's place",
            _NEG_REP,
            needs="i'd|i would|id |encourage|urge|i think you|i think u",
        ),
        Cue(
            "should_any",
            "should shouldn't shouldnt",
            r"\b(?<!i )(?<!we )should(?:n" + APOS + r"t| not)?\b(?! i\b| we\b)" + _YOU_MODAL_NOT,
            "says what should be done",
            _ADVICE_GUARDS,
            needs="should",
        ),
        Cue(
            "evaluative",
            "key idea important normal beneficial helpful useful good great way wonders",
            r"\b(?:is key|key is|(?:a )?(?:good|great|bad|smart) idea|(?:is|are) (?:so |very "
            r"|really |super )?important|it" + APOS + r"?s (?:totally |completely )?normal to"
            r"|can be (?:very |really |so )?(?:beneficial|helpful|useful)|(?:is|are) (?:a )?good"
            r" (?:one|start|idea|option|choice|place)|(?:great|good) for (?:you|u)\b"
            r"|the way to go|works? wonders|worked wonders)\b",
            "says what works",
            _NEG_REP,
            needs="key|idea|important|normal|benefic|helpful|useful|good|great|way to go|wonder",
        ),
        Cue(
            "dont_imperative",
            "don't dont do never",
            r"(?:(?:just|please|and|but|so|also) )?(?:don" + APOS + r"t|dont|do not|never)"
            r" (?!know\b|think\b|care\b|remember\b|get it\b|have\b|mind\b|even\b|you\b"
            r"|really\b|want\b|like\b|need\b|understand\b|see\b|feel like\b|\w{1,20} me\b"
            r"|leave\b|go\b|hang up\b|be (?:silly|sorry|mad|sad|like that|so)\b)"
            r"[a-z]",
            "tells the other what not to do",
            _ADVICE_GUARDS,
            clause_start=True,
        ),
        Cue(
            "take_over",
            "handle care deal fix sort figure",
            r"\b(?:let me|i" + APOS + r"ll|ill|i will) (?:just )?(?:handle|take care of|deal with"
            r"|fix|sort(?: out)?|sort|figure out) (?:it|this|that|everything|the rest)\b",
            "takes over the other's problem (caretaking)",
            _NEG_REP,
            needs="handle|take care|deal with|fix|sort|figure out",
        ),
    ),
)

_CONTACT_VERBS: Final = alt(
    "delete block unfollow unfriend remove unmatch ghost cut_off stop_talking_to "
    "stop_texting stop_seeing stop_hanging_out_with stop_hanging_out stop_following "
    "stop_messaging stop_calling stop_meeting stop_going_out quit_seeing"
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
            "demand_access",
            "password passcode pin login phone code texts messages dms chats inbox emails camera "
            "snap",
            r"\b(?:(?:(?:give|send|tell) me|gimme) (?:your|ur) (?:password|passcode|pin|login"
            r"|phone|code)"
            r"|(?:what" + APOS + r"s|whats|what is) (?:your|ur) (?:password|passcode|pin)"
            r"|(?:show me|let me see|let me check|let me read|let me go through|hand me|unlock)"
            r" (?:your|ur) (?:phone|texts|messages|dms|chats|inbox|emails|camera roll|snap))",
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
            "no_more",
            "more",
            r"\bno more (?:texting|talking to|seeing|hanging out|going out|nights out"
            r"|guys|girls|other (?:guys|girls|men|women))\b",
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
            + r"t allowed to|are not allowed to)|(?:you"
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
            r"|i forbid|(?:don" + APOS + r"t|dont|do not) (?:you )?dare (?:go|leave|talk|text|see"
            r"|wear|hang|call|answer|open))\b",
            "forbids the other to go, see or wear something",
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
            r"|from now on,? (?:you|u) (?:text|call|tell|check|ask|send|come|go|stay|don|will|need"
            r"|have|are|can" + APOS + r"t))\b",
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
            "discussion conversation said final thats that's negotiable arguments say tell",
            r"\b(?:end of discussion|end of conversation|because i said so|that"
            + APOS
            + r"s final|thats final|not up for discussion|not negotiable|no arguments"
            r"|(?:you" + APOS + r"ll |you will )?do (?:what|as) i (?:say|said|tell you))\b",
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
            r"\bif (?:you|u) (?:really |truly |actually )?(?:loved|cared about|cared for"
            r"|respected|trusted) me(?: back| too)?,? (?:you"
            + APOS
            + r"d|you would|u"
            + APOS
            + r"d|youd|u would"
            r"|you wouldn" + APOS + r"t|you would not)\b",
            "makes love conditional on obeying",
            _NEG_REP,
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
            "stop quit cut drop stay come home back here",
            r"\b(?:i (?:need|want|expect) (?:you|u) to|i" + APOS + r"m asking you to)"
            r" (?:stop|quit|cut|drop|stay home|come home (?:now|right now|immediately))\b"
            r"|\bi (?:want|need|expect) (?:you|u) (?:home|back|here) (?:by|before|at|now|right now"
            r"|tonight|immediately)\b",
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
    "emotionally_unavailable useless_at"
)
_CHAR_SOFT: Final = alt(
    "cold mean negative dramatic jealous boring annoying difficult distant fake cheap messy "
    "critical rude needy clingy defensive flaky closed_off bossy uptight"
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
    r"(?!,? (?:" + _SHARED_POSITIVE + r"|look|cheer|help|support|have my back|there for me"
    r"|right|remember|manage|find|come through|show up for|got my back|make time|answer"
    r"|pick up|surprise|amaze|know (?:how|what|just|when)|have (?:the best|such|good|great"
    r"|amazing|a way|my back)|smell|sound|make it|get it right))"
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
    r"(?<!have you)(?<!if you)(?<!if u)"
)

CRITICISM: Final = LabelRules(
    "criticism",
    (
        Cue(
            "always",
            "always constantly allways alwys",
            _SUBJECT + r" (?:just |literally |really |honestly |seriously |basically |simply )?"
            r"(?:always|constantly|allways|alwys)\b" + _ALWAYS_POSITIVE,
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
            "selfish inconsiderate lazy thoughtless centered centred selfcentered absorbed "
            "selfabsorbed immature irresponsible insensitive unreliable manipulative ungrateful "
            "arrogant disrespectful entitled narcissistic heartless cruel toxic hypocrite "
            "hypocritical childish petty dishonest careless liar narcissist spoiled spoilt faced "
            "aggressive judgmental judgemental condescending controlling possessive stubborn "
            "unbearable impossible unavailable cold mean negative dramatic jealous boring "
            "annoying difficult distant fake cheap messy critical rude needy clingy defensive "
            "flaky closed bossy uptight",
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
            + r")\b",
            "attacks the other's character",
            _NEG_REP,
        ),
        Cue(
            "bad_at_love",
            "terrible awful horrible lousy bad shit crap worst idea how",
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

_WE_ADV: Final = (
    r"(?:(?:basically|literally|really|practically|just|now|already|meant to be|becoming|like"
    r"|truly|officially) )?"
)

MERGING: Final = LabelRules(
    "merging",
    (
        Cue(
            "my_everything",
            "world everything life universe reason half oxygen air soulmate soul all only",
            YOU_ARE + r" (?:literally |basically |truly |really )?(?:my (?:whole |entire )?"
            r"(?:world|everything|life|universe|reason (?:to|for) (?:live|living|being|exist)"
            r"|other half|oxygen|air|soulmate|soul mate|all)"
            r"|(?:literally |truly )?everything to me|all i (?:need|have|want|live for)"
            r"|the only (?:thing|reason|one) (?:i|that)"
            r" (?:live|matters|need|have))\b",
            "makes the other the speaker's whole world",
            _NEG,
        ),
        Cue(
            "nothing_without_you",
            "without every complete live breathe revolves",
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
            + r"t) (?:even )?(?:live|exist|breathe|function|survive|go on|be happy|do anything)"
            r" without (?:you|u)"
            r"|(?:don" + APOS + r"t|dont|do not) (?:even )?know who i(?: am|" + APOS + r"?d be"
            r"| would be| was) without (?:you|u)"
            r"|without (?:you|u),? (?:i" + APOS + r"m|im|i am|i" + APOS + r"d be|i" + APOS + r"m)"
            r" (?:nothing|nobody|lost|no one)"
            r"|(?:i|" + "i" + APOS + r"d) (?:can" + APOS + r"t|cant|cannot) breathe when (?:you"
            r"|u)" + SHORT_GAP + r"(?:not|gone|away)"
            r"|i need (?:you|u) every (?:second|minute|moment|hour)"
            r"|(?:i" + APOS + r"?d|i would) die without (?:you|u)"
            r"|(?:my (?:whole |entire )?(?:life|world)|everything) revolves around (?:you|u)"
            r"|i (?:don" + APOS + r"t|dont|do not) exist without|(?:you|u) complete me"
            r"|i (?:only )?live for (?:you|u)\b)",
            "says the speaker cannot exist apart from the other",
            _NEG,
        ),
        Cue(
            "one_person",
            "one same single two halves",
            r"\bwe" + APOS + r"(?:re| are) " + _WE_ADV + r"(?:one|the same|a single)"
            r" (?:person|soul|heart|unit|being|mind|body|entity)\b"
            r"|\bwe" + APOS + r"(?:re| are) " + _WE_ADV + r"one(?= ?[.!,\n]|$| now| already| lol"
            r"| haha| forever)"
            r"|\bnot two (?:people|persons|separate people) anymore"
            r"|\bmeant to be one\b|\btwo halves of (?:one|the same)"
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
            r"|anything)" + SHORT_GAP + r"(?:but|except|just|only|other than) (?:you|u)\b"
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
            r" (?:us|ourselves|what we are|where (?:this|we|things) (?:is |are |"
            + APOS
            + r"re )?(?:going|heading|stand)|how we"
            + APOS
            + r"(?:re| are) (?:doing|feeling)"
            r"|our relationship|our future|the two of us|what" + APOS + r"s (?:happening|going on)"
            r" between us|this thing between us|(?:what|how) we (?:feel|want)"
            r"|what" + APOS + r"?s (?:been )?(?:happening|going on) (?:between|with) us)\b",
            "asks to talk about the two of them",
            _NEG,
        ),
        Cue(
            "want_closer",
            "closer close connected reconnect understand know again over together time miss team "
            "page",
            r"\b(?:i(?:" + APOS + r"d| would)? " + _BID_ADV + r"(?:want|wanna|wish|love|need|hope"
            r"|like)(?: for)?(?: us)?(?: to)? (?:feel |be |get |grow )?"
            r"(?:closer|close again|more connected|connected again|reconnect|close to (?:you|u)"
            r"|connected to (?:you|u)|(?:spend|spending) (?:more |some )?(?:real |quality )?time"
            r" (?:together|with (?:you|u))"
            r"|like a team|a team again|on the same page|together again)"
            r"|i(?:" + APOS + r"d| would)? " + _BID_ADV + r"(?:want|wanna|love) to"
            r" (?:really )?(?:get to )?(?:understand|know) (?:you|u)\b(?!'| were| are"
            r"| did| had| have| got| r\b|re\b)"
            r"|(?:can|could|should) we (?:try again|start over|reconnect|be close again"
            r"|get closer|spend (?:more )?time together)"
            r"|(?:can|could|let" + APOS + r"s) (?:we )?(?:spend|have|make|set aside) (?:some )?"
            r"(?:real |quality )?time (?:just )?(?:for us|together|to talk|to really talk)"
            r"|i miss (?:us|being close|feeling close|how close we|how we used to"
            r"|the way we used to"
            r"|what we had|when we used to))\b",
            "an explicit wish to be closer",
            _NEG,
            needs=(
                "close|connect|time|team|same page|together again|understand|know|try again"
                "|start over|i miss"
            ),
        ),
    ),
)

#: The flags this module detects, in the order they are tried.
FLAG_RULES: Final = (ADVICE, BID_FOR_CLOSENESS, CONTROLLING, CRITICISM, MERGING)
