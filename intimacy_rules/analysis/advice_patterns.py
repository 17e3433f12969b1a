"""The phrase patterns behind the ``advice`` flag: telling the other what to do.

Cues for advice as a modal ("you should", "you might want to", also to a
couple: "you two should"), as a question ("have you tried", "why don't you",
"is there anyone you could…"), as an imperative opening a clause ("maybe…" and
"always…" before one too), as a recommendation ("I'd definitely suggest", "I
wouldn't recommend"), as what helped the speaker ("what helped me was…"), and
as taking the problem over ("let me handle it"). Weak cues ("you could", "if
you", "it can help") only make candidates: ``advice_score`` weighs them, and
imperatives that comfort ("hang in there", "don't worry") have a cue of their
own, so that they can weigh against advice.
"""

from __future__ import annotations

import re
from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    GAP,
    YOU,
    alt,
)

__all__ = ["ADVICE"]

_Q = "question "
_NEG_REP = "negated reported"

# "you" and the plural forms advice to a couple takes ("you two should", "you guys need to").
_YOU_ALL: Final = YOU + r"(?: (?:guys|both|two|all))?"
# Adverbs that may stand between "you" and its modal ("you really should").
_ADV = r"(?:(?:really|just|honestly|definitely|probably|seriously|totally|still|also|maybe|def) )?"

_ADVICE_PHRASES: Final = (
    "try talk_to talk_with tell_him tell_her tell_them tell_your ask_him ask_her ask_them "
    "ask_for ask_about ask_your go_to go_see go_for go_talk go_back see_a see_if see_your "
    "get_a get_some get_help get_out get_away get_checked get_rid get_therapy find_a "
    "find_someone find_something find_out find_some find_ways look_into look_for look_after "
    "look_up consider stay_away stay_safe stay_calm stay_true avoid "
    "focus_on give_it give_him give_her give_them give_yourself take_some "
    "take_time take_it_easy take_it_slow take_a_break take_a_step stop_worrying stop_blaming "
    "stop_overthinking stop_apologizing "
    "stop_comparing stop_beating be_honest be_patient be_careful be_yourself "
    "be_upfront be_clear be_open be_direct be_firm be_brave keep_trying keep_your "
    "keep_an_eye keep_in_mind keep_it keep_at_it write_it write_down write_a call_him call_her "
    "call_them call_a call_the call_your call_someone block_him block_her block_them report_him "
    "report_her report_it report_them leave_him leave_her leave_them move_on move_out walk_away "
    "cut_him cut_her cut_them cut_ties cut_contact reach_out spend_time spend_some spend_more "
    "spend_less start_by start_with set_boundaries set_a set_up let_him let_her let_them let_it "
    "let_yourself learn_to learn_how read_up read_about use_a use_the use_this use_your "
    "ignore_him ignore_her ignore_them ignore_it "
    "trust_your check_out check_if check_with check_in_on put_yourself remember_to remember_that "
    "journal apply_for save_up quit_your quit_that drop_him drop_her drop_them drop_it "
    "drop_toxic seek_help seek_therapy sleep_on_it breathe think_about_it "
    "don't_let don't_take don't_give don't_be_afraid "
    "don't_settle don't_rush don't_listen don't_waste don't_stress don't_forget "
    "dont_let dont_take dont_give dont_be_afraid "
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
    "teach tell text think throw treat trust try turn use visit volunteer walk watch wear be "
    "work write decide realize realise mention flirt know hate love stand "
    "ditch dump remove aim shift celebrate break end enjoy respect allow appreciate suggest "
    "push tackle limit replace skip distance establish wait lean invite offer pull cherish "
    "save download install grab live surround hug unfollow mute vent donate say let"
)
# Imperatives that comfort rather than tell what to do ("know that you're not alone",
# "don't worry", "hang in there"): support of another kind, weighed apart.
_COMFORT_PHRASES: Final = (
    "know_that know_you know_there remember_that remember_you remember_there hang_in_there "
    "stay_strong stay_positive take_care_of_yourself forgive_yourself treat_yourself "
    "trust_yourself believe_in_yourself love_yourself be_proud be_kind be_gentle keep_going "
    "keep_your_head keep_your_chin don't_worry dont_worry don't_feel_bad dont_feel_bad "
    "don't_blame dont_blame don't_beat dont_beat don't_give_up dont_give_up never_give_up"
)
# Verbs of the list above that open a "maybe …" suggestion ("maybe ask him"), less the ones
# that are nouns as often as verbs there ("maybe work will calm down").
_MAYBE_VERBS: Final = " ".join(
    verb
    for verb in _GENERAL_IMPERATIVES.split()
    if verb
    not in {
        "know",
        "hate",
        "love",
        "work",
        "stand",
        "mention",
        "flirt",
        "realize",
        "realise",
        "record",
        "note",
        "rest",
        "text",
        "study",
        "practice",
        "practise",
        "plan",
        "walk",
        "watch",
        "turn",
        "say",
    }
)
# Requests to the speaker ("tell me", "send me"), farewells and wishes
# ("see you", "take care", "sleep well") and taunts are not advice; nor is a
# verb that only opens a remark ("look, …", "listen, …"), "be mine", a
# dropped "it'd" ("be a shame if…", "be a lot easier if…"), or a noun that
# opens a statement ("love is…", "work was…").
_NOT_A_REQUEST: Final = (
    r"(?!'|,| me\b| us\b| you\b| ya\b| u\b| with me\b| to me\b| for me\b| care\b(?! of)| well\b"
    r"| tight\b| soon\b| your (?:back|mouth|step)\b"
    r"| yourself\b(?! (?:first|some|time|a|out|from|to|with|in|up|for))"
    r"| over yourself| out for me| it easy on me| it\b[.!?]| that\b[.!?]| this\b[.!?]"
    r"| mine\b| quiet\b| right back\b| (?:a |an )?(?:real |such a )?(?:shame|pity)\b"
    r"| (?:nice|cool|funny|great|awesome|good|better|a shame) if\b"
    r"| (?:(?:a lot|alot|much|so much|way) )?\w+er if\b| (?:is|was|are|were|has|had)\b)"
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
            _YOU_ALL
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
            _YOU_ALL + " " + _ADV + r"(?:need to|needa|have to|may need to)\b" + _YOU_MODAL_NOT,
            "tells the other what they need to do",
            _ADVICE_GUARDS,
            needs="need to|needa|have to",
        ),
        Cue(
            # Weighed apart: "you don't have to face it alone" reassures more
            # often than it advises.
            "you_dont_have_to",
            "need have",
            _YOU_ALL
            + " "
            + _ADV
            + r"(?:don"
            + APOS
            + r"t|dont|do not) (?:need|have) to\b"
            + _YOU_MODAL_NOT,
            "tells the other what they need not do",
            _ADVICE_GUARDS,
            needs="dont need|don't need|dont have|don't have|do not need|do not have",
        ),
        Cue(
            "you_might_want",
            "want wanna try always also",
            _YOU_ALL
            + " "
            + _ADV
            + r"(?:might want to|may want to|might wanna|could try|could always|could also"
            r"|can always|can also|can try|might try|could just try)\b",
            "suggests what the other might do",
            _ADVICE_GUARDS,
            needs="might|may|could|can",
        ),
        Cue(
            "i_suggest",
            "suggest recommend recommended advise advice suggestion recommendation tip tips",
            r"\b(?:i(?: (?:definitely|really|honestly|personally|also|strongly))?(?:"
            + APOS
            + r"d| would)? (?:(?:also|strongly|really|definitely|highly"
            r"|personally|just|do|would) )?(?:suggest|recommend|advise)"
            r"|i (?:don" + APOS + r"t|dont|wouldn" + APOS + r"t|wouldnt|would not|do not)"
            r" (?:recommend|suggest|advise)"
            r"|what i(?:" + APOS + r"d| would)? (?:recommend|suggest)"
            r"|my (?:advice|recommendation|tip)|(?:my|one|a) suggestion|would advise"
            r"|(?:the best|best|some|one piece of) advice (?:i|is|would|that)"
            r"|(?:highly|strongly) recommend(?:ed)?|(?:one|a|my|some) tips?"
            r"|(?:is|are) (?:often |usually |typically |generally |highly |strongly )?"
            r"recommended)\b",
            "gives advice outright",
            _NEG_REP,
            needs="suggest|recommend|advi|tip",
        ),
        Cue(
            "in_your_place",
            "were shoes position",
            # "I've been in your shoes" is sympathy, not advice.
            r"\b(?:if i (?:were|was) you"
            r"|(?<!been )(?<!was )(?<!were )in your (?:shoes|position))\b",
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
            "help helps helped worth idea important best better ok okay",
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
            "sure mind key trick secret",
            r"\b(?:make sure (?:you|to|that)|be sure to|keep in mind|bear in mind"
            r"|(?:the|one) (?:key|trick|secret)(?: here| to (?:this|that|it))? is)\b",
            "tells the other what to be sure of",
            _NEG_REP,
            needs="sure|mind|key|trick|secret",
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
            r"|did (?:you|u) (?:try|consider|think about|ask|check with|look into)\b"
            r"|how about (?:you|u|trying|talking|asking|telling|just)\b"
            r"|what if (?:you|u) (?:just )?(?:tried|talk|talked|told|asked|try|tell|ask|went)\b)",
            "advice phrased as a question",
            _NEG_REP,
            needs="why|did you|did u|how about|what if|just",
        ),
        Cue(
            "maybe_try",
            "maybe",
            r"\bmaybe (?:(?:you|u)(?: guys| two| both)? (?:could|should|can|need|might)"
            r"|(?:just )?" + alt(_MAYBE_VERBS) + r")\b",
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
            "imperative_comfort",
            _COMFORT_PHRASES,
            r"\b",
            "an imperative that comforts the other",
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
            YOU
            + r"(?:"
            + APOS
            + r"ll| will| may| might|"
            + APOS
            + r"re going to| are going to|"
            + APOS
            + r"re gonna| are gonna| gonna) (?:want|need|have|wanna) to\b",
            "says what the other will need to do",
            _NEG_REP,
            needs=(
                "ll want|ll need|ll have|ll wanna|will want|will need|will have|may want"
                "|may need|might want|might need|might have|may have|going to|gonna"
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
            "i'd id would encourage urge say",
            r"\b(?:i(?:"
            + APOS
            + r"d| would) (?:just |probably |definitely |personally |honestly )?"
            r"(?:try|go|talk|tell|ask|get|see|look|start|leave|wait|recommend|consider|focus"
            r"|find|talk|reach|call|speak|write|take|stop|move|break|report|file|bill|sue|block"
            r"|cut|drop|dump|ditch|quit|apply|contact|email|text|document|keep|save|check|advise"
            r"|suggest|research|avoid|ignore|use)"
            r"|i(?:" + APOS + r"d| do| would)? (?:encourage|urge) (?:you|u)"
            r"|i think (?:you|u) (?:need|should|could|might)"
            r"|i(?:" + APOS + r"d| would)? say (?:just |to )?" + alt(_MAYBE_VERBS) + r")\b",
            "says what the speaker would do in the other's place",
            _NEG_REP,
            needs="i'd|i would|id |encourage|urge|i think you|i think u|i say",
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
            "maybe_others",
            "maybe",
            r"\bmaybe (?:he|she|they|the two of you|both of you) (?:could|should|can|needs? to"
            r"|might want to)\b",
            "suggests, softly, what someone else could do",
            _NEG_REP,
            needs="maybe",
        ),
        Cue(
            "always_do",
            "always",
            r"always (?:" + alt(_MAYBE_VERBS) + r")\b" + _NOT_A_REQUEST,
            "tells the other what to do every time",
            _ADVICE_GUARDS,
            clause_start=True,
        ),
        Cue(
            "you_need_thing",
            "need needs",
            _YOU_ALL
            + " "
            + _ADV
            + r"(?:might |may )?needs? (?:a|an|some|more|less|time|help|therapy|counseling"
            r"|counselling|space|professional|to get)\b",
            "names what the other needs to get",
            _ADVICE_GUARDS,
            needs="need",
        ),
        Cue(
            "what_helped",
            # Not "works": "what time works for you" is frequent and no advice.
            "helped helps help worked found",
            r"\b(?:what (?:really |also |has |always |usually |often )?"
            r"(?:helped|helps|worked) (?:for )?(?:me|us)"
            r"|what (?:may|might|could|would|can|will) (?:really |also )?help"
            r"|(?:has|have) (?:really )?helped (?:me|us) (?:a lot|so much|tremendously|immensely)"
            r"|helps (?:me )?(?:a lot|tremendously|immensely|so much)"
            r"|i(?:" + APOS + r"ve| have)? found (?:that )?" + GAP + r"(?:helps|helped|worked))\b",
            "tells what helped the speaker, for the other to try",
            _NEG_REP,
            needs="what |helped |helps |found",
        ),
        Cue(
            "may_help",
            "help",
            r"(?<!\bi )(?<!\bwe )\b(?:can|could|might|may|would|will) (?:really |definitely |also "
            r"|probably |certainly |actually |totally )?help\b(?! me\b| us\b)",
            "says what could help",
            _NEG_REP,
            needs="help",
        ),
        Cue(
            "time_to",
            "time well thing",
            r"\b(?:(?:it" + APOS + r"s|it is|its) (?:about |high |probably |maybe |definitely )?"
            r"time (?:to|for (?:you|u) to)|might as well"
            r"|(?:best|only) thing (?:to do |you can do )?(?:is|would be))\b",
            "says it is time to act",
            _NEG_REP,
            needs="time to|time for|as well|thing is|thing would|thing to do|thing you can",
        ),
        Cue(
            "question_option",
            "chance possible have there",
            r"\b(?:any chance (?:you|u)|is it possible (?:to|for (?:you|u))"
            r"|do (?:you|u) have (?:a |any |some )?(?:someone|anyone|somebody|anybody|friends?"
            r"|family|therapist|counselor|counsellor)|is there (?:anyone|anybody|someone|somebody"
            r"|any ?way|a way))\b",
            "offers an option as a question",
            _NEG_REP,
            needs="any chance|is it possible|do you have|do u have|is there",
        ),
        Cue(
            "take_over",
            "handle care deal fix sort figure leave",
            r"\b(?:let me|i" + APOS + r"ll|ill|i will) (?:just )?"
            # "let me call your sister and sort it out for you"
            r"(?:[a-z']+ (?:[a-z']+ ){0,3}and )?(?:handle|take care of|deal with"
            r"|fix|sort(?: out)?|sort|figure out) (?:it|this|that|everything|the rest)\b"
            # Offered outright, "let me" takes over whatever it names.
            r"|\blet me (?:just )?(?:handle|take care of|deal with|sort out|figure out) (?:the|your"
            r"|ur|all (?:the|your|ur)) [a-z]"
            r"|\b(?:i"
            + APOS
            + r"ll|ill|i will) (?:just )?(?:handle|take care of|deal with|sort out"
            r"|fix|figure out) (?:the|your|ur) [a-z]+(?: [a-z]+){0,5} for (?:you|u)\b"
            r"|\bleave it (?:with|to) me\b",
            "takes over the other's problem (caretaking)",
            _NEG_REP,
            needs="handle|take care|deal with|fix|sort|figure out|leave it",
        ),
    ),
)
