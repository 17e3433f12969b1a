"""The phrase patterns behind the ``crisis`` safety category: the speaker's own danger.

Suicidal thinking and self-harm, stated or indirect (not wanting to wake up,
being a burden, giving things away, goodbyes), never a third party's and
never hyperbole marked by laughter ("I want to die 😂").
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.cue_rules import Cue, LabelRules
from intimacy_rules.analysis.word_classes import (
    APOS,
    DONT,
    SAFETY_REPORTED_BEFORE,
    alt,
)

__all__ = ["CRISIS", "NOT_OTHERS_CUES", "SPEAKER_CUES"]

_SELF_HARM_VERBS: Final = alt(
    "cut cutting burn burning burned burnt hurt hurting harm harming harmed starve starving "
    "starved hang hanging hanged drown drowning scratch scratching scratched"
)
_NOT_ALIVE: Final = "negated reported"

#: Cues that count unless someone else is their subject ("she's been looking up
#: ways to end it" reports another's crisis); texting drops the speaker's "I".
NOT_OTHERS_CUES: Final = frozenset({"method_search"})
#: Cues that count only with the speaker as their subject (``safety`` checks it).
SPEAKER_CUES: Final = frozenset(
    {
        "speaker_dying",
        "speaker_last_words",
        "speaker_not_alive",
        "speaker_way_out",
        "speaker_means",
        "speaker_no_reason",
    }
)

CRISIS: Final = LabelRules(
    "crisis",
    (
        Cue(
            "suicidal",
            "selfharming "
            "end ending life suicidal suicide goodbye farewell pills tablets overdose overdosing "
            "od myself self harm selfharm harming jump paracetamol tylenol ibuprofen advil aspirin "
            "painkillers xanax ambien benadryl meds",
            r"\b(?:end (?:my|it) (?:life|all)|end my life|take my (?:own )?life|ending it all"
            r"|(?:i" + APOS + r"?m|im|i am|i" + APOS + r"?ve been|ive been|i feel"
            r"|feeling|been|getting) (?:so |really |very |kind of |kinda |a bit |pretty |extremely "
            r"|severely )?suicidal|(?:my|having|had|getting|have) suicidal (?:thoughts|feelings"
            r"|ideation|urges)|i (?:have|had|get|keep having) suicidal"
            r"|(?:i" + APOS + r"?ve|i have|i|i" + APOS + r"?m|im|i am|been) (?:attempted|tried"
            r"|thinking (?:about|of)|thought (?:about|of)) suicide|suicide (?:note|letter|plan)"
            r"|(?:goodbye|farewell) (?:letter|letters|note|notes|video)"
            r"|how many (?:of (?:my|these|the|those) )?(?:pills|tablets|sleeping pills|paracetamol"
            r"|tylenol|ibuprofen|advil|aspirin|painkillers|xanax|ambien|benadryl|meds)"
            r"(?= (?:would|will|does it|do i need|it would|it will|it takes|till|until|before"
            r"|to (?:die|end|kill|not wake|overdose|od|never wake)|kill|and i|is too many"
            r"|are too many|is (?:a )?(?:lethal|fatal|deadly)|are (?:lethal|fatal|deadly)))"
            r"|overdose|overdosing|od on|" + _SELF_HARM_VERBS + r" myself(?! off| out| short"
            r"| loose| up| a break| some slack)"
            r"|self[- ]?harm(?:ing)?|do (?:something )?(?:stupid )?to myself"
            r"|jump (?:off|from) (?:a|the) (?:bridge|roof|building|balcony))\b",
            "a self-harm or suicide signal",
            _NOT_ALIVE,
            needs=(
                "end |ending|life|suicid|goodbye|farewell|pills|tablets|overdos|od on|myself"
                "|self|jump|how many"
            ),
        ),
        Cue(
            "self_harm_act",
            "wrist wrists arm arms thigh thighs leg legs skin blade razor lighter stomach hip hips",
            # "scratching my wrists with a blade again", "burned my arm with a lighter"
            r"\b(?:cut|cutting|burn|burning|burned|burnt|scratch|scratching|scratched|slash"
            r"|slashing|slashed|carve|carving|carved) (?:up )?(?:my|both my) (?:own )?"
            r"(?:wrists?|arms?|thighs?|legs?|skin|stomach|hips?)\b"
            r"(?! (?:on|in|at|while|when|cooking|shaving))"
            r"|\b(?:with|using) (?:a |the |my )?(?:blade|razor|lighter|razor blade)"
            r"(?= (?:again|last night|tonight|today|every))",
            "a self-harm signal",
            _NOT_ALIVE,
        ),
        Cue(
            "at_the_edge",
            "sure scars",
            # "on the roof and not sure I want to come down"
            r"\bnot sure (?:i|if i) (?:want to|wanna) (?:come down|be here|wake up|keep going"
            r"|go on|live|be alive|keep living)\b(?! (?:from|to|with|for|at|in|and see)\b)"
            r"|\bscars on my (?:arms?|wrists?|thighs?|legs?)\b[^\n]{0,40}?\bdid it again\b",
            "a self-harm signal",
            _NOT_ALIVE,
        ),
        Cue(
            "goodbyes",
            "goodbyes loved love bye goodbye",
            # Goodbye messages: "tell my mum I loved her. bye", "I've said my goodbyes"
            r"\b(?:(?:i" + APOS + r"?ve|ive|i have|i) )?(?:already |just )?said my goodbyes\b"
            r"|\btell (?:my )?(?:mum|mom|mam|dad|sister|brother|family|kids|son|daughter|nan|gran"
            r"|grandma|grandpa|friends|everyone)(?: that)? i loved (?:her|him|them|you|everyone)\b",
            "says goodbye as if for the last time",
            _NOT_ALIVE,
        ),
        Cue(
            "method_search",
            "looking looked look googling googled google researching researched searching "
            "searched search reading read",
            # Looking for a way to die is a plan, whatever words name the act.
            r"\b(?:looking up|looked up|look up|googling|googled|google|researching|researched"
            r"|searching|searched|search|reading up on|reading about|read about|read up on)"
            r" (?:(?:the |some |other |different |easy |easiest |quick |quickest |painless |best )?"
            r"(?:ways?|methods?)|how) (?:to |of )?(?:end it(?: all)?|ending it(?: all)?"
            r"|end my life|ending my life|kill myself|killing myself|die|dying|not wake up"
            r"|overdose|od)\b(?! (?:my|your|her|his|their) hair)",
            "looks for a way to die",
            _NOT_ALIVE,
        ),
        Cue(
            "dont_want_to_live",
            "alive live exist wake here around go living",
            # The speaker's own wish: "you don't want to be here" is about the other.
            r"(?<!you )(?<!u )(?<!he )(?<!she )(?<!they )(?<!we )"
            + DONT
            + r" (?:really |even )?(?:want to|wanna) (?:be alive|live|exist|wake up|be here"
            r"|be around|go on|keep living)\b",
            "does not want to live",
            _NOT_ALIVE,
        ),
        Cue(
            "wish_dead",
            "wish hope",
            r"\b(?:wish|hope) (?:i" + APOS + r"d |id |i (?:was|were|could be|would|could|could just"
            r"|would just|don"
            + APOS
            + r"t|never)? ?)(?:be )?(?:dead|never born|never been born|had never been born|gone"
            r"|not wake up|die|(?:disappear|vanish)(?! (?:into|for|from|to|under|off|in)\b)"
            r"|not exist"
            r"|never wake up|wake up dead)\b",
            "wishes to be dead or gone",
            _NOT_ALIVE,
        ),
        Cue(
            "better_off",
            "better happier easier",
            r"\b(?:have it easier|be happier|be better off|better off|happier|easier|better)"
            r" (?:without me|w/o me|wo me|dead|if i (?:was|were|wasn"
            + APOS
            + r"t|weren"
            + APOS
            + r"t) (?:here|around|gone|alive|dead)|if i (?:just )?(?:was|were|wasn"
            + APOS
            + r"?t|weren"
            + APOS
            + r"?t) (?:here|around|gone|alive|dead)"
            r"|if i (?:just )?(?:disappeared|died|vanished"
            r"|didn" + APOS + r"t exist|did not exist|didnt exist|wasn" + APOS + r"t born"
            r"|was never born|were never born|killed myself|was dead|were dead)"
            r"(?! for| from| into))"
            r"(?<!better dead)(?<!happier dead)(?<!easier dead)",
            "says others would be better off without them",
            _NOT_ALIVE,
        ),
        Cue(
            "means",
            "stockpiling hoarding saving collecting pills meds road bridge cliff wall tree train "
            "survive through nothing "
            "bus traffic truck note letter notice care miss gone tablets painkillers life cutting",
            r"\b(?:(?:stockpiling|hoarding|saving up|collecting) (?:my |the |all my )?(?:pills|meds"
            r"|medication|tablets|sleeping pills)"
            r"|(?:drive|driving|crash|crashing|jump|jumping|step|stepping) (?:off|into|in front of)"
            r" (?:a|the) (?:road|bridge|cliff|wall|tree|train|bus|traffic|truck)"
            r"|(?:wrote|written|writing|left) (?:a|my) (?:note|letter) (?:for|to) (?:my )?(?:family"
            r"|kids|mom|mum|parents|everyone)"
            r"|(?:nobody|no one) would (?:even )?miss me(?= ?[.!\n]| ?$| anyway| honestly| tbh)"
            r"|nothing (?:left )?for me (?:here|anymore|in this world)"
            r"|(?:can" + APOS + r"?t|cannot|don" + APOS + r"?t think i can) (?:survive|get through"
            r"|make it through) another (?:day|night|week)(?! (?:of|at|in) )"
            r"|(?:nobody|no one) would (?:even )?(?:notice|care|miss me) if i (?:was|were|died"
            r"|disappeared|left)|if i (?:was|were) gone"
            r"|(?:took|taken|swallowed|take|taking|swallow) (?:a bunch of|all (?:of )?my|all the"
            r"|too many"
            r"|a lot of|a handful of"
            r"|the whole (?:bottle|pack|box) of) (?:pills|tablets|meds|sleeping pills|painkillers)"
            r"|(?:ending|taking) my (?:own )?life|(?:been|started|keep|i" + APOS + r"?m) cutting"
            r" (?:again|myself))\b",
            "a plan, a means or a goodbye",
            _NOT_ALIVE,
            needs=(
                "pills|meds|medication|tablets|painkillers|off |into |in front of|note|letter"
                "|notice|care|miss me|gone|life|cutting|nothing|another"
            ),
        ),
        Cue(
            "no_point",
            "point",
            r"\b(?:(?:don" + APOS + r"?t|dont|do not|can" + APOS + r"?t) see (?:the|any) point"
            r" (?:in|of) (?:anything|living|life|going on|it all|being here)|what"
            + APOS
            + r"?s the point (?:in|of) (?:me )?(?:even )?(?:living|life|going on|being alive"
            r"|being here|existing|anything anymore))\b",
            "sees no point in living",
            _NOT_ALIVE,
        ),
        Cue(
            "sleep_forever",
            "forever",
            r"\b(?:want|wanna|wish i could|wish i could just|just want) (?:to )?(?:sleep"
            r"|fall asleep|go to sleep) forever\b(?! on| this| in| after| until| till| when)",
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
            "better reason point nothing way stop jumping rather easy easier nice peaceful",
            r"\b(?:no (?:reason|point) (?:for me to|in me|to|in) (?:live|living|going on|being here"
            r"|being alive|waking up|keep going|keep living|stay alive|staying alive|exist"
            r"|existing|go on)|nothing (?:left )?to live for"
            r"|rather (?:be dead|die) than (?:feel|live|go on|keep (?:going|living|feeling)|be like"
            r" this|wake up)"
            r"|(?:easy|easier|better|nice|peaceful) to (?:just )?(?:not exist|not be here"
            r"|not wake up|disappear forever|die)"
            r"|(?:want|wanna|wish i could|need) (?:to )?(?:just )?stop (?:existing|living"
            r"|being alive|breathing)"
            r"|(?:thinking|thought|think) about jumping(?= ?[.!\n]| ?$| off| from| in front)"
            r"|(?:don" + APOS + r"?t|dont|do not|can" + APOS + r"?t|cant|cannot) see (?:a|any) way"
            r" out(?! of (?:this|the|my) (?:job|debt|contract|meeting|lease|deal)))\b",
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
            r"|won" + APOS + r"t be (?:here|around) (?:much longer|anymore|for long"
            # "tomorrow" as a plan ("…tomorrow, dentist in the morning") is no goodbye.
            r"|tomorrow(?! (?:morning|afternoon|evening|night|at|till|until|because|cause|for)|, ))"
            r"|(?:don" + APOS + r"t|dont|do not) think i(?:" + APOS + r"ll| will|ll) be (?:here"
            r"|around|alive) (?:much longer|for long|anymore|any more|another (?:week|month|year)))"
            r"\b",
            "pictures not being here",
            _NOT_ALIVE,
        ),
        Cue(
            "final_arrangements",
            "needing stuff things belongings possessions records clothes books away",
            r"\b(?:won" + APOS + r"t be needing (?:them|it|this|these|those|any of|my)"
            r"|(?:giving|give|gave) (?:away )?(?:my|all my|all of my) (?:stuff|things|belongings"
            r"|possessions|records|clothes|books)(?: away)?"
            # Named things given away: "i gave away my cat", "giving away all my games".
            r"|(?:giving|gave|given) away (?:my|all my|all of my) (?:cat|dog|guitar|games|plants"
            r"|car|bike|jewelry|jewellery|art|paintings|savings|money|pets?|collection))\b",
            "gives their things away",
            _NOT_ALIVE,
        ),
        Cue(
            "end_it",
            "wake forever end stop life living die goodbye",
            r"\b(?:disappear forever|sleep and never wake up"
            r"|(?:want|need) (?:it all|everything) to (?:end|stop)(?! being| so| for a| for now"
            r"| raining| changing| moving)"
            r"|(?:pain|it all|everything|this) to (?:stop|end) (?:forever|for good|permanently)"
            r"|this is (?:my )?(?:final )?goodbye"
            r"|(?:i" + APOS + r"m|im|i am) (?:done|finished)"
            r" with (?:life|living)|(?:plan|planning|ready|prepared) to die"
            r"|(?:ready|prepared) to end it(?: all)?(?= ?[.!,\n]| ?$| now| tonight| today))\b",
            "wants it all to end",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "never_wake",
            "wake",
            # Not waking up, wished for: "go to sleep and not wake up", "hope I don't wake up".
            r"\b(?:(?:sleep|asleep|to bed|close my eyes) and (?:just )?(?:not|never) wake up"
            r"|(?:hope|wish|pray|praying|hoping|wishing|wished|hoped|want|wanna|rather) (?:that )?i"
            r" (?:just )?(?:don"
            + APOS
            + r"t|dont|do not|won"
            + APOS
            + r"t|wont|will not|wouldn"
            + APOS
            + r"t|never|could just not"
            r"|could not|didn" + APOS + r"t|didnt) wake up"
            r"|(?:could|would) (?:just )?(?:not|never) wake up)\b"
            r"(?! (?:till|until|before|early|late|on time|in time|for|at|when|in the|with|feeling"
            r"|sick|hungover|tired|cranky|sore))",
            "wishes not to wake up",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "death_wish",
            "existing ending alive hate worth dying death killing end pills tablets meds how",
            # Living itself as the burden, dying as the thought that keeps coming back.
            r"\b(?:hate (?:being alive|existing|living(?= ?[.!,\n]| ?$| anymore| any more))"
            r"|(?:life|living) (?:isn" + APOS + r"t|is not|isnt|ain" + APOS + r"t|aint|not)"
            r" worth (?:living|it(?: anymore| any more)?)(?! without)"
            r"|(?:think|thinking|thought|dream|dreaming|fantasi[sz]e|fantasi[sz]ing) about"
            r" (?:dying|killing myself|ending my life|my own death|not existing|not being alive)"
            r"(?! (?:my|her|his|the|your|it|them|their)\b)"
            r"|(?:thinking|thought|think|wondering|researching|googling|looking up|planning"
            r"|figuring out) (?:about |of )?how (?:to|i(?:" + APOS + r"d| would| could| will| can))"
            r" (?:end it|end my life|kill myself|die|do it painlessly|do it(?= ?[.!\n]| ?$))"
            r"(?! with| between| for (?:us|them))"
            r"|(?:pills|tablets|sleeping pills) (?:are )?(?:ready|lined up|counted out)"
            r"(?= ?[.!\n]| ?$| and\b| next to me| on my)"
            r"|enough (?:pills|tablets|meds) to (?:end it|die|kill|never wake))\b",
            "a wish to die or a plan",
            _NOT_ALIVE + " laughing",
            needs="hate|worth|about|how|pills|tablets|meds",
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
        Cue(
            "goodbye_message",
            "last hear goodbye message text words forever final worry find save stop gone",
            # A goodbye that reads as final: "the last time you'll hear from me", "don't
            # worry about me after tonight", "look after my dog when i'm gone".
            r"\b(?:the )?last time (?:you" + APOS + r"?ll|you will|youll|u" + APOS + r"?ll"
            r"|anyone will|you" + APOS + r"?re going to|you are going to) (?:ever )?(?:hear from"
            r"|see|talk to) me\b"
            r"|\bgoodbye (?:forever|for good|everyone|world|cruel world)\b"
            r"|\b(?:this is|it" + APOS + r"?s|its) (?:my )?(?:final|last) (?:goodbye|message|text"
            r"|words)\b"
            r"|\b(?:don" + APOS + r"?t|dont|do not|no need to|won" + APOS + r"?t have to"
            r"|wont have to|never have to) (?:worry|stress) about me (?:after (?:tonight|today"
            r"|this)|ever again)\b"
            r"|\b(?:don" + APOS + r"?t|dont|do not) (?:try to |bother trying to |come )?(?:find"
            r"|look for|save|stop) me\b[^\n]{0,60}?(?:sorry|goodbye|too late|for the best"
            r"|better this way|love you)"
            r"|\b(?:take care of|look after|feed|walk|love) (?:my|the) (?:dog|cat|kids|children"
            r"|pets?|plants|baby|fish|rabbit|bird)(?: for me)? (?:when|after|once) (?:i"
            + APOS
            + r"?m|im|i am) gone\b(?! (?:on|for|to|this|next|over|at|in|till|until|during"
            r"|away))",
            "a goodbye that sounds final",
            _NOT_ALIVE + " laughing",
            needs=(
                "last time|goodbye|final |last message|last text|last words|about me|fi"
                "nd me|look for me|save me|stop me| gone"
            ),
        ),
        Cue(
            "hopeless",
            "life waste "
            "matters better future pointless meaningless space oxygen fighting trying struggling "
            "dying die death only everything through another point disappear easier here around "
            "alive reason",
            r"\bnothing (?:really )?matters (?:anymore|any more)\b"
            r"|\b(?:can"
            + APOS
            + r"?t|cant|cannot|don"
            + APOS
            + r"?t|dont|do not) see (?:any|a|the)"
            r" (?:reason|point) (?:to|in|for) (?:keep going|keep living|live|living|go on|going on"
            r"|stay alive|staying alive|be here|being here|exist|existing|wake up|waking up"
            r"|carry on|carrying on)\b"
            r"|\b(?:can" + APOS + r"?t|cant|cannot|don" + APOS + r"?t|dont|do not) see (?:it|things"
            r"|life|anything) (?:ever )?(?:getting|get) better\b(?! (?:between|with|at|for) )"
            r"|\b(?:don" + APOS + r"?t|dont|do not|can" + APOS + r"?t|cant|cannot) see (?:a|any)"
            r" future (?:for me|for myself)\b"
            r"|\bmy life (?:is|feels) (?:so |completely |totally |just )?(?:pointless|meaningless"
            r"|over|not worth living)\b"
            r"|\b(?:i" + APOS + r"?m|im|i am) (?:just |such |nothing but )?(?:a )?waste of (?:space"
            r"|oxygen|air|a life)\b"
            r"|\b(?:i" + APOS + r"?m|im|i am) (?:just )?taking up space\b"
            r"|\b(?:tired of|sick of|done) (?:fighting|trying|struggling) (?:to (?:stay alive"
            r"|live|keep going|survive|exist)|for my life)\b"
            r"|\b(?:not|no longer) (?:scared|afraid) (?:of|to) (?:dying|die|death)\b"
            r"|\bonly (?:one )?way out\b(?! of (?:the|this|here) (?:building|car|room|maze|level"
            r"|parking|city|job|house|place|park|lot|station))"
            r"|\b(?:i" + APOS + r"?m|im|i am) (?:so |just |completely |totally )?(?:done|finished)"
            r" with everything\b(?! (?:on|for|at|in|from|about))"
            r"|\b(?:not going to|not gonna|won"
            + APOS
            + r"?t|wont|don"
            + APOS
            + r"?t think i"
            + APOS
            + r"?ll|dont think ill) make it (?:through (?:this|the night|tonight|the week)"
            r"|another (?:day|night|week))(?= ?[.!,\n]| ?$)"
            r"|\bwhat" + APOS + r"?s (?:even )?the point (?:of|in) (?:even )?(?:waking up|getting"
            r" up|trying anymore|trying any more)\b(?! early| at| for| on)"
            r"|\b(?:not going to|not gonna|won" + APOS + r"?t|wont) be (?:here|around|alive)"
            r" (?:next (?:week|month|year)|much longer|for long|anymore|any more|by (?:the weekend"
            r"|then))\b"
            r"|\b(?:want|wanna|wish i could|need) (?:to )?(?:just )?disappear (?:forever|for good"
            r"|from this world|and never come back)\b"
            r"|\b(?:easier|better) (?:for everyone |for you |for all of you |for everybody )?if i"
            r" (?:just )?(?:go|left|leave|disappear|end it)(?= ?[.!,\n]| ?$| forever| for good)",
            "hopelessness about living",
            _NOT_ALIVE + " laughing",
            needs=(
                "reason|matters|better|future|pointless|meaningless|over|waste of|taking up sp"
                "ace|fighting|trying|struggling|dying|die|death|way out|with everything"
                "|make it|point|worth living|be here|be around|be alive|disappear|easier"
            ),
        ),
        Cue(
            "means_at_hand",
            "bathroom far "
            "rope noose bridge ledge tracks pills tablets meds painkillers medication cabinet "
            "cupboard drawer car notes letters goodbyes cut burned burnt high tall deep slit "
            "cutting wrist wrists gun knife blade",
            r"\bnoose\b"
            r"|\b(?:bought|got|buying|have) (?:a |some |the )?rope\b[^\n]{0,40}?(?:what i"
            + APOS
            + r"?m doing|for myself|tonight|today|ready|it"
            + APOS
            + r"?s time|its time|goodbye)"
            r"|\b(?:standing|sitting|stood|sat|been) on (?:the|a|this) (?:bridge|ledge"
            r"|railway tracks|train tracks|tracks)\b"
            r"|\b(?:the|my|all (?:the|my)) (?:pills|tablets|meds|painkillers) (?:are )?"
            r"(?:right here|in front of me|in my hand|lined up|counted out|ready)\b"
            r"|\b(?:swallow|take|taking|swallowing|took|swallowed|down|downing) (?:everything"
            r"|all|whatever|every pill) (?:in|from) (?:the|my) (?:medicine cabinet|cabinet"
            r"|cupboard|bathroom|drawer)"
            r"|\b(?:meds|pills|tablets|medication|painkillers)[^.\n]{0,40}?(?:saving|stockpiling"
            r"|hoarding|collecting|keeping) (?:them|it) (?:up|all)\b"
            r"|\b(?:looked up|looking up|googled|googling|researched|researching|checked) how"
            r" (?:high|tall|far down|deep) (?:the|that|this) (?:bridge|building|cliff|roof|drop"
            r"|fall|river)"
            r"|\b(?:drive|driving|crash|crashing|steer|steering) (?:my |the )?car (?:into|off)"
            r" (?:a|the) (?:wall|tree|bridge|cliff|river|lake|barrier|truck)"
            r"|\b(?:slit|slitting|cut|cutting) my wrists?\b"
            r"|\b(?:use|using|turn|turning) (?:the|a|my) (?:gun|knife|blade) on myself\b"
            r"|\bi (?:cut|burned|burnt) (?:myself )?again\b(?= ?[.!,\n]| ?$| last night| tonight"
            r"| today| yesterday)"
            r"|\b(?:wrote|written|writing|left) (?:a |my |some )?(?:notes|letters|goodbyes"
            r"|goodbye letters) (?:for|to) (?:my )?(?:family|kids|mom|mum|parents|everyone"
            r"|everybody|all of you|you all|each of you)\b(?! for (?:christmas|xmas|birthday"
            r"|the holidays|valentine))",
            "a means at hand or a goodbye prepared",
            _NOT_ALIVE + " laughing",
            needs=(
                "how |wrist|gun|knife|blade|noose|rope|bridge|ledge|tracks|pills|tablets|meds"
                "|painkillers|medication|cabinet|cupboard|drawer|car |again|notes|letters"
                "|goodbyes|bathroom"
            ),
        ),
        Cue(
            "giving_away",
            "way need needing problem burden bothering longer goodbye",
            # Loose ends tied: "i want you to have my guitar, i won't need it anymore",
            # "i won't be a problem much longer", "i'm saying goodbye now".
            r"\b(?:want|like) (?:you|u) to have (?:my|all my)[^.\n]{0,40}?(?:won" + APOS + r"?t"
            r"|wont|will not|not going to) (?:be needing|need) (?:it|them|any of it)\b"
            r"|\b(?:won" + APOS + r"?t|wont|will not|not going to) (?:be needing|need) (?:it|them"
            r"|this|these|those|any of (?:it|this|them)) (?:where i" + APOS + r"?m going|after"
            r" (?:tonight|today|this))"
            r"|\b(?:won" + APOS + r"?t|wont|will not|not going to) be (?:a problem|a burden"
            r"|in (?:your|anyone" + APOS + r"?s) way|your problem|bothering (?:you|u|anyone))"
            r" (?:much longer|for long|anymore|any more|soon)\b"
            r"|\b(?:i" + APOS + r"?m|im|i am) saying goodbye(?: now| to (?:everyone|you all|all of"
            r" you|you)| for good| forever)?(?= ?[.!,\n]| ?$)",
            "ties up loose ends",
            _NOT_ALIVE + " laughing",
            needs="to have|need|problem|burden|way|bothering|goodbye",
        ),
        # The speaker talking of dying, ending or a means: each cue counts only with the
        # speaker as subject just before it in the sentence, not negated right before
        # (``safety.detect_safety`` checks both): "i keep thinking the only way out is…",
        # "i've saved up enough pills", "i made my peace with it".
        Cue(
            "speaker_dying",
            "die",
            r"\b(?:want|wanna|going|gonna|ready|deserve|need|plan|planning|prepared) (?:to )?"
            r"die\b(?! (?:of|from|laughing|for|if|when|before|without|happy|alone|old|on|in|at"
            r"|inside|a little))",
            "the speaker talks of dying",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "speaker_last_words",
            "everything message text goodbye words funeral",
            r"\bend(?:ing)? everything\b|\b(?:last|final) (?:message|text|goodbye|words)\b"
            r"|\b(?:to|at|come to) my funeral\b",
            "the speaker talks of last words",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "speaker_not_alive",
            "wake existing living breathing forever alive",
            r"\b(?:never|not) wake up(?: again)?(?= ?[.!,\n]| ?$| again| tomorrow| ever)"
            r"|\bstop (?:existing|living|breathing)\b"
            r"|\b(?:rest|sleep) forever\b(?! on| this| in| after| until| till| when)"
            r"|\b(?:not|wasn" + APOS + r"?t|weren" + APOS + r"?t|wasnt) alive (?:anymore"
            r"|any more)\b",
            "the speaker talks of not being alive",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "speaker_way_out",
            "walk walking swim swimming drive driving only peace",
            r"\b(?:walk|walking|swim|swimming|drive|driving) (?:into|out into|off) (?:the )?"
            r"(?:sea|ocean|river|lake|traffic|a cliff|the cliff)\b(?! (?:for|to) )"
            r"|\bonly way (?:out|to make (?:it|this|the pain) stop)\b"
            r"|\bmade (?:my )?peace with (?:it|dying|death|everything|leaving)\b",
            "the speaker talks of a way out",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "speaker_means",
            "pills tablets meds burden better",
            r"\b(?:counted|counting|saved|saving|collected|stockpiled) (?:out |up )?(?:the |my "
            r"|enough )?(?:pills|tablets|meds)\b|\benough (?:pills|tablets|meds)\b"
            r"|\b(?:a|such a|only a|just a) burden\b|\bbetter off (?:without me|if i)\b",
            "the speaker talks of a means or of being a burden",
            _NOT_ALIVE + " laughing",
        ),
        Cue(
            "speaker_no_reason",
            "will another reason nothing living won't wont",
            r"\b(?:can" + APOS + r"?t|cant|cannot) (?:take|do|face|handle|survive) another day\b"
            r"|\b(?:no reason|nothing (?:left )?) to (?:live|keep living|keep going)\b"
            r"|\bwhy (?:i )?(?:should )?(?:keep living|bother living|go on living)\b"
            r"|\b(?:won" + APOS + r"?t|wont|will not) be (?:here|around) (?:to|for) (?:look after"
            r"|take care|feed|walk|see)\b",
            "the speaker sees no reason to go on",
            _NOT_ALIVE + " laughing",
        ),
    ),
    reported=SAFETY_REPORTED_BEFORE,
)

#: The safety categories this module detects, in the order they are tried.
