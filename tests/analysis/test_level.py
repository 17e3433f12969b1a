"""Levels 0-4 and disclosure as spec/criteria.md section 1 defines them (our own sentences)."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.analyzer import analyze
from intimacy_rules.analysis.level import grade
from intimacy_rules.analysis.text import normalize

NONE = [
    "Shall we meet at the station around six?",
    "Did you remember to buy milk?",
    "That documentary was way too long.",
    "I think the blue one looks better.",
    "I'll pick up the keys after work.",
    "lol ok see u at 8",
]
OTHERS_FEELINGS = [
    "He was furious with his landlord all week.",
    "My aunt told me she's thrilled about the trip.",
    "I can see you're upset, and that's fine.",
    "Are you scared of flying?",
]
FACTS = [
    "I was born in Manchester and moved to Dublin at nineteen.",
    "My grandfather passed away last winter.",
    "ive been vegetarian for six years",
    "im a teacher, mostly year 4",
    "I have two older brothers.",
    "I sold my car last month to pay off the loan.",
    "I quit smoking in March.",
]
ABOUT_OTHERS = [
    "I'm really frustrated with my manager.",
    "I adored the concert on Saturday.",
    "I'm so worried about my dad's surgery.",
    "My brother's wedding stressed me out completely.",
    "honestly the election has me terrified",
    "I was thrilled when my team won the final.",
    "I'm worried about meeting your parents on Sunday.",
    "Im sooo annoyed with my roommate rn",
]
ABOUT_SELF = [
    "I'm ashamed of the way I spoke to my mum.",
    "I've been feeling so empty lately.",
    "I feel insecure about my teeth.",
    "im just exhausted today idk",
    "been so anxious lately tbh",
    "I'm terrified of ending up like my father.",
    "I feel awful about how I treated you.",
]
PAST_ABOUT_PARTNER = [
    "I was so jealous when you talked to her at the party last month.",
    "I used to adore the songs you sang in the car.",
    "I felt so lonely when we broke up last year.",
]
PRESENT_INTIMATE = [
    "I feel so close to you right now.",
    "I miss you so much.",
    "I'm scared of losing you.",
    "im so happy with u",
    "I'm proud of you for finishing the marathon!",
    "I'm excited about our trip next week.",
    "I've been feeling distant from you for weeks.",
]
ANCHORED = [
    "I'm really nervous saying this to you.",
    "What you just wrote hurt me.",
    "Reading your message, I'm tearing up.",
    "Hearing myself now, I'm ashamed.",
    "I feel awkward typing this but I want you to know.",
]
NEGATED = [
    ("I don't feel safe around you.", 4),
    ("I don't love you anymore.", 4),
    ("I'm not angry at my sister anymore.", 2),
    ("I never felt at peace in that job.", 2),
]


def _cases(sentences: list[str], level: int) -> list[tuple[str, int]]:
    return [(s, level) for s in sentences]


@pytest.mark.parametrize(
    ("text", "level"),
    _cases(NONE, 0)
    + _cases(OTHERS_FEELINGS, 0)
    + _cases(FACTS, 1)
    + _cases(ABOUT_OTHERS, 2)
    + _cases(ABOUT_SELF, 3)
    + _cases(PAST_ABOUT_PARTNER, 3)
    + _cases(PRESENT_INTIMATE, 4)
    + _cases(ANCHORED, 4)
    + NEGATED,
)
def test_level(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I feel like crying and I can't say why.", 3),
        ("I feel like a complete failure.", 3),
        ("I feel like I'm drowning.", 3),
        ("I feel like crying reading your words.", 4),
        ("I don't feel like cooking tonight.", 0),
        ("I feel like tacos, want some?", 0),
    ],
)
def test_feel_like_plus_ing_or_noun_is_a_feeling_and_preferences_are_not(
    text: str, level: int
) -> None:
    result = analyze(text)
    assert result.level == level
    assert "thought_as_feeling" not in result.flags


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I want to feel closer to you but I don't know how.", 4),
        ("I really want us to be close again.", 4),
    ],
)
def test_a_wish_to_be_closer_is_a_present_feeling(text: str, level: int) -> None:
    assert analyze(text).level == level


def test_the_level_is_the_deepest_sentence() -> None:
    text = "Traffic was awful. I grew up near here. I'm afraid of you right now."
    assert analyze(text).level == 4
    assert analyze("I grew up near here. Traffic was awful.").level == 1


@pytest.mark.parametrize(
    "text",
    [
        "im soooo in love with u",
        "i feel sooo lonely lately",
        "I\u2019m so nervous telling you this",  # curly apostrophe
        "IM SO SCARED OF LOSING YOU",
        "im scared of loosing you 😭😭",  # typo and emoji
    ],
)
def test_texting_style_is_understood(text: str) -> None:
    assert analyze(text).level >= 3


@pytest.mark.parametrize(
    ("text", "facts", "feelings"),
    [
        ("I moved to Leeds in May and I love it there.", True, True),
        ("I moved to Leeds in May.", True, False),
        ("I'm so sad about the news.", False, True),
        ("i think im falling for you", False, True),
        ("Where are the keys?", False, False),
    ],
)
def test_disclosure(text: str, facts: bool, feelings: bool) -> None:
    result = analyze(text)
    assert result.disclosure.facts is facts
    assert result.disclosure.feelings is feelings
    assert result.disclosure.feelings is (result.level >= 2)


def test_level_evidence_points_at_the_feeling_words() -> None:
    text = "Long day. Honestly I'm scared of losing you."
    span = analyze(text).evidence[0].span
    assert text[span[0] : span[1]].startswith("I'm scared of losing you")


def test_grade_reports_thought_spans() -> None:
    text = "i feel like you never call"
    result = grade(normalize(text))
    assert result.level == 0
    assert result.thoughts == ((0, len("i feel like you")),)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Can you send me the address again?", 0),
        ("My sister thinks you're cute lol", 0),
        ("He seemed really happy at the party.", 0),
        ("Do you ever feel lonely on weekends?", 0),
        ("I hope you feel better by tomorrow!", 0),
        ("I'm here if you need anything.", 0),
        ("I bet you're tired after that flight.", 0),
        ("I've got two cats and a very loud parrot.", 1),
        ("My parents split up when I was small.", 1),
        ("We got married in 2015.", 1),
        ("I'm 29 and still figuring things out.", 1),
        ("The funeral broke me.", 2),
        ("Work has been stressing me out.", 2),
        ("I don't care about football.", 2),
        ("I'm scared of heights.", 2),
        ("I hate myself sometimes.", 3),
        ("I feel stupid for believing it.", 3),
        ("I've been depressed since the move.", 3),
        ("I get anxious in crowds.", 3),
        ("I'm so tired of hurting.", 3),
        ("I'm so done with everything.", 3),
        ("You make me so happy.", 4),
        ("I'm grateful for you.", 4),
        ("I'm hurt that you didn't call.", 4),
        ("It scares me how much I care about you.", 4),
        ("Honestly I'm so relieved we talked.", 4),
        ("I missed you so much when you were away last month.", 3),
    ],
)
def test_more_everyday_messages(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("My mom gets so stressed about money.", 0),
        ("My dad was upset about the car.", 0),
        # Hyperbole that states a feeling about a thing is a feeling (gold convention).
        ("I'm dying to try that ramen place", 2),
        ("I'm on it!", 0),
        ("lmao im dead 😂", 0),
        ("this traffic is killing me", 2),
        ("Would you be mad if I cancelled?", 0),
        ("I've never been on a plane.", 1),
        ("I don't drink anymore.", 1),
        ("I feel like such a mess lately.", 3),
        ("I feel like an idiot around you.", 4),
        # "feel like + a noun" in any tense, with a degree word between.
        ("I've felt like an outsider at every family dinner since the move.", 3),
        ("I've been feeling more and more like a ghost in this office.", 3),
        ("i feel kinda like a fraud tbh", 3),
        # A time phrase says when, not what about; "extra" says how much.
        ("I was so homesick that first winter in Oslo.", 3),
        ("I'm extra anxious this morning.", 3),
        ("I've felt like you stopped listening for months.", 0),
        # "can't stop" + a feeling still owns it.
        ("I can't stop hating myself for missing her call.", 3),
        ("I'm crying reading this.", 4),
        ("I was so angry at you last night.", 3),
        ("I'm still angry at you about last night.", 4),
    ],
)
def test_others_idioms_questions_and_tense(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I felt useless for months after the layoff.", 3),
        ("I was embarrassed about that for weeks.", 3),
        ("Thanks, I appreciate it.", 0),
        ("I appreciate the offer, I guess.", 0),
        ("I'm proud of that streak.", 2),
    ],
)
def test_durations_hedges_and_politeness(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Honestly that restaurant is overrated.", 0),
        ("I'm free after 6 if you want to call.", 0),
        ("I agree with you completely.", 0),
        ("I need you to stop texting my friends.", 0),
        ("I have a twin sister who lives in Toronto.", 1),
        ("I was raised by my grandma.", 1),
        ("I got laid off last week.", 1),
        ("I'm allergic to cats.", 1),
        ("I'm the youngest of five.", 1),
        ("My ex and I share custody of our son.", 1),
        ("I'm so bummed about the rain.", 2),
        ("I'm obsessed with this song.", 2),
        ("I'm really struggling lately.", 3),
        ("I'm falling for you.", 4),
        ("I don't trust you anymore.", 4),
        ("I trusted you last year.", 3),
    ],
)
def test_opinions_facts_and_a_broad_lexicon(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I feel so lucky to have you.", 4),
        ("It hurts when you ignore my texts.", 4),
        ("omg I love that for you", 4),
        ("I hate it when you do that.", 4),
        ("I'm so tired of your excuses.", 4),
        ("I'm just so overwhelmed right now with everything.", 4),
        ("I was so nervous at my cousin's wedding lol", 2),
        ("The whole thing with my landlord has me so anxious.", 2),
        ("I've been so stressed that I can't sleep.", 3),
        ("Last night I felt so alone.", 3),
        ("My heart broke when I lost the baby.", 3),
        ("She's been depressed since her dad died.", 0),
        ("I get butterflies every time you text me.", 4),
        # Remorse for one's own act toward the partner is about the self (spec section 1).
        ("I'm sorry I hurt you. I feel terrible.", 3),
    ],
)
def test_objects_named_after_it_and_everyday_reactions(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I told you so.", 0),
        ("I told my dad about the new job.", 1),
        ("I'm starting to feel like you're the one.", 0),
        ("I'm so ashamed of my drinking.", 3),
        ("I felt so guilty for skipping my mom's birthday.", 3),
        ("I'm ashamed of losing you.", 3),
        ("I feel bad for you.", 4),
        ("If I were you I'd just leave him.", 0),
        ("Should I wear the red dress or the black one?", 0),
        ("I'd love to see you Saturday!", 0),
        ("I've lived alone since college.", 1),
        ("I'm scared of getting old.", 3),
        ("Talking to you makes me so calm.", 4),
        ("I used to feel so safe with you.", 3),
    ],
)
def test_own_acts_talk_and_conditionals(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("miss you so much", 4),
        ("love you ❤️", 4),
        ("ily", 4),
        ("ilysm!!", 4),
        ("luv u", 4),
        ("cant stop thinking about u", 4),
        ("hate that ur so far away", 4),
        ("dont feel safe with u", 4),
        ("so happy ur here", 4),
        ("ugh hate mondays", 2),
        ("so excited for the game tonight!!", 2),
        ("feeling kinda down today", 3),
        ("cant sleep, feeling so anxious", 3),
        ("loved you so much back then", 3),
        ("u up?", 0),
        ("thinking of you ❤️", 0),
        ("hope ur day is going well", 0),
        ("I love pizza.", 2),
    ],
)
def test_texting_that_drops_the_i(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("just got back from the gym", 1),
        ("been working double shifts all week", 1),
        ("finally finished my thesis 🎉", 1),
        ("got it, thanks!", 0),
        ("Got you covered.", 0),
        ("Booked the table for 8.", 0),
        ("got the tickets, see you at 8", 0),
        ("went well?", 0),
        ("take the bus, it's faster", 0),
    ],
)
def test_facts_with_the_i_dropped_and_arrangements(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I've never felt this lost. I don't know who I am anymore.", 3),
        ("I'm so nervous, this is our first real date.", 4),
        ("I'm just so worn out, I can't keep going.", 3),
        ("I've been clean for 18 months now.", 1),
        ("Seeing your name pop up makes me smile every time.", 4),
        ("You scared me earlier, I thought something happened to you.", 3),
        ("My boss yelled at me in front of everyone and I'm still shaking.", 2),
        ("My sister cried all night after the breakup.", 0),
        ("It's hard for me to say this, but I feel hurt when you cancel on me.", 4),
        ("I'm not proud of how I acted at the party.", 3),
        ("I felt invisible at my own birthday party.", 3),
        ("I spent two years in Japan teaching English. You'd love Kyoto.", 1),
    ],
)
def test_multi_clause_messages(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I'm so sorry you're going through all this.", 4),
        ("I'm sorry about your grandma.", 2),
        ("sorry I'm late!", 0),
        ("Sorry if I woke you.", 0),
    ],
)
def test_sympathy_is_a_feeling_and_apology_formulas_are_not(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Answer your phone when I call. I mean it.", 0),
        ("When I was ten we moved to Spain.", 1),
        ("Some days I just want to disappear.", 3),
        ("Most nights I feel so empty.", 3),
        ("I was terrified when you grabbed my arm last week.", 3),
        ("I'm scared of you when you drink.", 4),
        ("I stopped eating lunch so I could text you more.", 1),
        ("We're soulmates, nothing else matters.", 0),
        ("I need you so much it scares me.", 4),
        ("My friend ghosted me and honestly I'm pretty hurt.", 2),
        ("I hate the person I become when I'm jealous.", 3),
        ("Honestly the way my manager talks to me makes me furious.", 2),
        ("I'm confused about what we are.", 4),
        ("I already told my therapist about us.", 1),
    ],
)
def test_gold_style_mixed_messages(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i feel so lonley", 3),
        ("im so embarassed about my brother lol", 2),
        ("im so greatful for u", 4),
    ],
)
def test_common_misspellings(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("We've been together for three years now.", 1),
        ("I used to be a competitive swimmer.", 1),
        ("I'm anxious that you'll get bored of me.", 4),
        ("I can't wait to see you, I've missed you so much.", 4),
        ("I've loved you since the day we met.", 4),
        ("I can't wait for the weekend.", 2),
        ("Thank you so much!", 0),
        ("lol same", 0),
    ],
)
def test_present_perfect_and_plain_replies(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I'm a Scorpio lol", 1),
        ("I'm in Chicago this week for work.", 1),
        ("I'm from Nigeria originally.", 1),
        ("I'm in!", 0),
        ("I'm so down for that", 0),
        ("I'm on my way!", 0),
        ("I'm running late, sorry", 0),
        ("I'm good, you?", 0),
        ("I'm kidding lol", 0),
        ("I'm ready when you are.", 0),
    ],
)
def test_short_i_am_replies(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Hearing it now makes me sad.", 4),
        ("Hearing you say that, I'm so relieved.", 4),
        ("I heard it on the radio and it made me sad.", 2),
    ],
)
def test_hearing_the_partner_now_anchors_the_feeling(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I've always been shy around new people.", 3),
        ("Your message made my day.", 4),
        ("I'm tired of always being the one who tries.", 3),
        ("I'm tired of being ignored by you.", 4),
        ("I'm scared of being alone.", 3),
        ("I've been thinking about you all day and I'm smiling like an idiot.", 4),
        ("I was so happy when my sister had her baby.", 2),
        ("I'm jealous of how easily you make friends.", 4),
        ("I'm excited to meet your friends!", 2),
        ("I'm so touched you remembered.", 4),
        ("My cat died and I'm devastated.", 2),
        ("I'm the first in my family to go to college.", 1),
    ],
)
def test_traits_states_and_idioms(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I feel like I'm always the one apologizing and I'm exhausted.", 3),
        ("I feel nothing anymore.", 3),
        ("I'm not sure how I feel about us.", 4),
        ("I don't feel like anything matters.", 0),
        ("I feel like nothing I do is right.", 0),
        ("I feel like my boss hates me and it's stressing me out.", 2),
        ("I don't feel close to you lately.", 4),
        ("I never feel heard by you.", 4),
        ("Nobody feels safe in this city.", 0),
        ("He doesn't love me anymore, I think.", 0),
        ("I don't hate you, I'm just hurt.", 4),
    ],
)
def test_negations_and_thoughts_beside_feelings(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I PASSED MY EXAM!!! so happy I could scream 😭😭", 2),
        ("You remembered my birthday. so happy rn", 4),
        ("Work was insane today. so tired", 2),
        ("so tired", 3),
        ("Long day. been so lonely lately", 3),
        ("I could cry right now.", 4),
    ],
)
def test_a_dropped_i_answers_the_sentence_before(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("You make me feel like I'm not enough.", 4),
        ("You have no idea how happy you make me.", 4),
        ("You make great pasta.", 0),
        ("That movie made me feel like a kid again.", 2),
        ("Am I overreacting?", 0),
        ("Do I make you happy?", 0),
        ("Do you know how much I miss you?", 4),
        ("Why am I like this? I hate myself.", 3),
    ],
)
def test_you_make_me_and_questions(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my roommate keeps eating my food and it's driving me crazy", 2),
        ("I keep smiling at my phone because of you", 4),
        ("I've been really hard on myself lately.", 3),
        ("I don't like who I've become.", 3),
        ("It means a lot that you trust me with this.", 4),
        ("I really like you.", 4),
        ("I don't like my new boss.", 2),
        ("I like to run in the mornings.", 0),
        ("I'd like a coffee please.", 0),
        ("I like that idea.", 0),
        ("I'm still grieving my dad, some days are harder than others.", 2),
        ("I want to be someone you can count on.", 0),
    ],
)
def test_liking_idioms_and_causes(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("ugh I'm such a mess today", 3),
        ("I'm a nervous wreck", 3),
        ("The kitchen is a mess.", 0),
        ("I'm pregnant and I'm terrified to tell you.", 4),
        ("My mom has cancer.", 1),
        ("My mom has cancer and I'm so scared.", 2),
        ("She loves you, you know.", 0),
        ("Good luck today!! I'm so proud of you.", 4),
        ("You must be so proud.", 0),
    ],
)
def test_news_with_and_without_feelings(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("When you hug me I feel at home.", 4),
        ("I felt at home with you back then.", 3),
        ("Been at my parents' all weekend, they say hi.", 1),
        ("I'm dreading Monday.", 2),
        ("I'm missing you like crazy.", 4),
        ("I'm loving this weather.", 2),
        ("I'm missing my mom so much today.", 2),
        ("I get so nervous when you don't text back.", 4),
        ("I got so nervous when you didn't text back yesterday.", 3),
        ("I'd be so sad if you left.", 0),
    ],
)
def test_ing_feelings_home_and_habits(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I'm not good at opening up.", 1),
        ("Talking to you is the best part of my day.", 4),
        ("I think about you all the time.", 4),
        ("I think about moving abroad sometimes.", 0),
        ("I'm really enjoying getting to know you.", 4),
        ("I've never been in a serious relationship.", 1),
        ("I'm homesick for Brazil.", 2),
    ],
)
def test_traits_and_longing(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    "text",
    [
        "I just sent you the link.",
        "Omg I've seen that show too!!",
        "I have a question for you.",
        "I saw your story, looked fun!",
        "I'm at the cafe, where are you?",
        "I was just about to text you!",
        "I've got to run, chat soon.",
        "I'm thinking Thai food tonight, you in?",
        "I'll be there in 10.",
        "Let me check my calendar.",
        "I guess that makes sense.",
    ],
)
def test_chat_about_the_chat_is_not_disclosure(text: str) -> None:
    assert analyze(text).level == 0


@pytest.mark.parametrize(
    "text",
    [
        "I've got two cats and a very loud parrot.",
        "I work with your ex, by the way.",
        "I was at my sister's wedding all weekend.",
        "I've lived in five countries.",
    ],
)
def test_life_facts_beside_chat_words_stay_facts(text: str) -> None:
    assert analyze(text).level == 1


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I ordered us pizza.", 0),
        ("I found a great recipe for tonight.", 0),
        ("I called but you didn't pick up.", 0),
        ("I'm cooking dinner, want some?", 0),
        ("I asked my boss about Friday, it's fine.", 0),
        ("I forgot to reply, sorry!", 0),
        ("I told my friend about you, she says hi!", 1),
        ("im a paramedic, lots of night shifts, sorry if i answer at odd hours", 1),
    ],
)
def test_errands_are_logistics_not_facts(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("lowkey been feeling off lately", 3),
        ("idk why im so sad today", 3),
        ("i rly miss u", 4),
        ("ngl the finale had me sobbing", 2),
        ("i cant stop smiling bc of u", 4),
        ("so mad at my landlord rn", 2),
        ("so happy we met 🥰", 4),
        ("just started a new job at a bakery", 1),
        ("i hate fighting with u", 4),
        ("wyd", 0),
        ("lmk when ur free", 0),
    ],
)
def test_more_texting(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Work was awful today. Honestly I just miss you.", 4),
        ("Traffic was brutal. I'm so fed up with this city.", 2),
        ("My date cancelled again. I'm starting to think I'm unlovable.", 3),
        (
            "I know I've been distant lately. I'm sorry, "
            "I've been scared of how much I feel for you.",
            4,
        ),
        ("I used to be so confident. Now I second-guess everything.", 3),
        ("I haven't felt this low in years.", 3),
        ("Quick update: I got the apartment! Moving in May.", 1),
        ("My sister is getting married next month and I'm honestly so happy for her.", 2),
        ("Please don't be mad, but I'm nervous about what you'll think.", 4),
        ("You're overthinking it, just relax.", 0),
    ],
)
def test_multi_sentence_messages_take_the_deepest(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I hurt his feelings and he won't talk to me.", 1),
        ("I hurt all the time.", 3),
        ("I'm sorry I hurt you.", 0),
        ("I think he's upset with me.", 0),
        ("I wonder if he misses me.", 0),
        ("I made my sister cry last week.", 1),
        ("I hate that I made her cry.", 3),
    ],
)
def test_hurting_someone_is_an_act_and_others_feelings_are_theirs(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I want us to talk about us.", 0),
        ("I wish we were closer.", 4),
        ("I wish I could hold you right now.", 4),
        ("I wish I could come to the party.", 0),
        ("I need you so much.", 4),
        ("I need you to pick up milk.", 0),
        ("You're my whole world.", 0),
        ("I want to be closer to you.", 4),
        ("I want to go to Spain someday.", 0),
        ("I long for the way we used to be.", 4),
        ("I loved the trips we took last year.", 3),
        ("I loved the trip my family took.", 2),
    ],
)
def test_wishes_longing_and_merging(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Hyperbole about a thing states a feeling about it (2); an ache is a bodily
        # fact (1); the partner's joke is no feeling (0); a threat is history (1).
        ("this commute is gonna kill me lol", 2),
        ("im dying to see that new exhibit", 2),
        ("I'm dying to see you", 4),
        ("cant wait to go to Portugal!!", 2),
        ("my feet are killing me after that hike", 1),
        ("My shoulder is still sore from the gym.", 1),
        ("ur killing me with these memes 😂", 0),
        ("She said she'd hit me if I told anyone.", 0),
        ("She told me she would ruin me if I reported her.", 1),
        ("my stepdad used to threaten me constantly", 1),
        ("He cheated on me twice.", 1),
        ("My aunt told me she's excited about the trip.", 0),
        # The speaker's own acts toward the partner are facts; chat turns are not.
        ("I watched you leave the party last night.", 1),
        ("I texted you twice this morning.", 0),
        ("Text me every time I call, ok?", 0),
        ("I grew up by the sea in Cornwall.", 1),
        ("My granddad fought in Korea.", 1),
    ],
)
def test_hyperbole_aches_and_history_with_others(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A wish not to be alive is a feeling state about the self (3); a plain act
        # from the past is a fact (1); merging hyperbole with no feeling is 0.
        ("i kinda want to kill myself tbh", 3),
        ("They'd all be better off without me.", 3),
        ("I've been having thoughts of ending my life.", 3),
        ("some nights i wish i could fall asleep and never wake up", 3),
        ("Honestly there's no point in living anymore.", 3),
        ("I wish I had never been born.", 3),
        ("I took an overdose when I was seventeen.", 1),
        ("i literally cant breathe without u", 0),
        ("do you want to end it?", 0),
        # Objects: "feeling like ..." is the speaker's own state; events stay events.
        ("so sick of feeling like a disappointment", 3),
        ("Im so anxious for my driving test on friday", 2),
        ("I'm gutted about what happened to Jo.", 2),
        ("I felt so lost after the breakup.", 3),
        # An anchor to this exchange keeps a past-tense causative present.
        ("what u just told me made me so happy", 4),
        ("What you said last night made me happy.", 3),
    ],
)
def test_despair_objects_and_anchors(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "feelings"),
    [
        # Plainly implied or Reddit-style feelings are the speaker's own (spec section 1).
        ("I bawled my eyes out at the airport.", True),
        ("honestly i teared up a bit", True),
        ("that scene broke my heart", True),
        ("I couldn't be happier with how it turned out.", True),
        ("I feel so grown up lol", True),
        ("Im really sorry, that sounds exhausting.", True),
        ("ugh, another rainy weekend", True),
        ("It was the hardest year of my life.", True),
        ("my heart fluttered when the results came", True),
        ("ok now you have me nervous", True),
        ("I'm much more relaxed these days.", True),
        # Not feelings: an invitation, a preference, an apology's formula, a groan
        # at the partner, others' feelings.
        ("feel free to message me anytime", False),
        ("I feel like tacos tonight", False),
        ("Sorry I'm late, the bus was slow.", False),
        ("ugh you never listen", False),
        ("My cousin was so upset when they cancelled.", False),
    ],
)
def test_implied_and_reddit_style_feelings(text: str, feelings: bool) -> None:
    assert analyze(text).disclosure.feelings is feelings


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # Naming one's own family, work or past tells of the speaker's life.
        ("Me and my wife have very different schedules.", True),
        ("This happened to my younger brother too.", True),
        ("when i was a teenager we lived above a shop", True),
        ("In my twenties I moved around a lot.", True),
        ("I've been through two divorces.", True),
        # Plans, questions, advice and reported feelings are not.
        ("I'll ask my sister tomorrow.", False),
        ("Can my brother come along?", False),
        ("You should tell your boss.", False),
        ("He said he was nervous about the party.", False),
    ],
)
def test_life_information_is_a_fact(text: str, facts: bool) -> None:
    assert analyze(text).disclosure.facts is facts


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # A thought's clause tells no fact; a life stage says when, not what about.
        ("i feel like we never see each other anymore", 0),
        ("I was so miserable in my teens.", 3),
        ("honestly i dont want to be here anymore", 3),
    ],
)
def test_thoughts_life_stages_and_despair(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # "hurt"/"upset" look the same in past and present: a time in the sentence decides.
        ("what u said last night really hurt me", 3),
        ("It hurt so much when you skipped my party last month.", 3),
        ("what you just said hurt me", 4),
        # The partner's act named before the feeling: still going on, or past.
        ("what you wrote about my cooking still stings", 4),
        ("what you did at my graduation last spring hurt", 3),
        ("what you said about Sam hurts him more than you think", 0),
        ("you upset me", 4),
    ],
)
def test_a_time_in_the_sentence_dates_an_ambiguous_verb(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Hope and exclamations are about how things stand (2), not a state of the self.
        ("I really hope the surgery goes fine", 2),
        ("what the hell, the bus left early again", 2),
        ("It's heartbreaking how fast it all went.", 2),
        ("glad the ferry was on time", 2),
        # Anger at the other stays anger, never a present closeness to them.
        ("what the hell is wrong with you", 2),
        # Regret about one's own past is about the self; longing for the two of them, 4.
        ("I wish I'd called my gran more often", 3),
        ("I wish we had more time together", 4),
        # Sympathy for the reader is a present feeling toward them.
        ("I feel for you", 4),
        # Courtesy and opinions stay 0.
        ("hope this helps!", 0),
        ("I hope you have a lovely weekend", 0),
        ("that's amazing", 0),
    ],
)
def test_feelings_shown_by_set_phrases_are_graded_by_their_object(text: str, level: int) -> None:
    assert analyze(text).level == level
