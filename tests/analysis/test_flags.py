"""The five flags ``detect_flags`` reports, on sentences written for these tests."""

from __future__ import annotations

import time

import pytest

from intimacy_rules.analysis.flags import detect_flags
from intimacy_rules.analysis.text import normalize

MINE = {"advice", "bid_for_closeness", "controlling", "criticism", "merging"}


def flags_of(text: str) -> set[str]:
    norm = normalize(text)
    found = detect_flags(norm)
    for finding in found:
        # Spans index the original text and cover the words that were judged.
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.why
    return {finding.label for finding in found}


@pytest.mark.parametrize(
    "text",
    [
        "You should just tell your manager you need the week off.",
        "honestly u shud go see a doctor about that back pain",
        "Have you thought about asking your sister for help?",
        "have u tried sleeping with the window open",
        "Why don't you just call the landlord tomorrow?",
        "maybe try writing it all down before you talk to him",
        "I'd recommend a couples counsellor, ours was great.",
        "If I were you I'd sell the car.",
        "Try not to take it personally, she's like that with everyone.",
        "Just talk to him. Tell him how it made you feel.",
        "You need to stop answering her calls at night.",
        "It might help to take a walk when you get that angry.",
        "Let me deal with it, I'll ring the garage in the morning.",
        "Make sure you get a receipt this time.",
        "don't worry about the money, take some time for yourself",
    ],
)
def test_advice(text: str) -> None:
    assert "advice" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Should I call her back or wait until tomorrow?",  # asking for advice
        "What time should we leave for the airport?",
        "I tried the new ramen place, it was fine.",
        "I should have texted you earlier, sorry.",
        "You should've seen my face when they called my name!",
        "my therapist said I need to rest more",
        "He told me I should quit, but I'm not sure.",
        "Send me the address when you can.",
        "my therapist says I should set boundaries",
        "Please don't leave.",
        "Don't be silly, you're not a burden at all.",
        "You should see the size of this pizza!",
    ],
)
def test_not_advice(text: str) -> None:
    assert "advice" not in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # advice to a couple: "you two", "you guys", "you both"
        "You two should sit down and plan the budget together.",
        "You guys need to talk about the chores before it gets worse.",
        "You both need a proper holiday.",
        "You might need a new mattress.",
        # "maybe" before any imperative verb, "always" before one
        "Maybe donate the old clothes instead of storing them.",
        "Always keep a copy of the contract.",
        # imperatives outside the old verb list
        "Ditch the spreadsheet and use a plain notebook.",
        "Remove yourself from that group chat.",
        "Be there for him this week, even if he pushes you away.",
        # what helped the speaker, offered to the other
        "What helped me was writing a list every morning.",
        "Counselling can really help with this kind of grief.",
        # recommendations with an adverb, or against something
        "I'd definitely suggest a second opinion from another vet.",
        "I wouldn't recommend signing anything before a lawyer reads it.",
        "I do urge you to read the lease twice.",
        # an option offered as a question; "it's time to"
        "Is there anyone at work you could talk to about it?",
        "It's time to look for a new flat.",
        "The trick is to salt the water first.",
        "You're going to need to renew your passport.",
        "A spare key is often recommended for renters.",
        "I definitely would suggest getting a second quote.",
        "Maybe she could ask her manager for a later shift.",
        "I'd say just leave it where it is.",
        # a softener before the imperative, a condition before it
        "Just ask him out already.",
        "If the pain gets worse, call the clinic.",
    ],
)
def test_advice_constructions(text: str) -> None:
    assert "advice" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've been in your shoes, it took me a year to get over it.",  # sympathy
        "Be a pity if the rain ruined the picnic.",  # "(it'd) be a pity", not "be …!"
        "Look, I know you're busy this week.",  # "look," opens a remark
        "That helped me so much, thank you!",  # thanks, nothing offered
        "I can help you move on Saturday.",  # an offer of help, not advice
        "Is there any milk left in the fridge?",
        "Did you call your sister yesterday?",  # a plain question
        "I always say the wrong thing at parties.",
        # comfort, not a fix: support of another kind
        "Hang in there, it gets easier.",
        "Know that you are not alone in this.",
        "Don't worry, it happens to everyone.",
        "Stay strong, we are all rooting for you!",
        "You don't have to carry all of this alone.",
        # an opinion, a noun opening a statement, a dropped "it'd"
        "I would say that the film holds up.",
        "Love is patient, the song goes.",
        "Be a lot easier if you had told me.",
    ],
)
def test_advice_near_misses(text: str) -> None:
    assert "advice" not in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to feel closer to you again.",
        "Can we talk about us this weekend?",
        "could we have a proper talk about where this is going",
        "i really want us to be close again",
        "I'd love to get to know you better.",
        "Can we spend some real time together, just the two of us?",
        "I miss how we used to be. Can we try again?",
        "can we talk about how we're doing lately",
        "Can we talk tonight about what's been going on between us?",
        "I'd really like for us to be closer.",
        "I wanna know everything about you",
        "i want to know the real you",
        "I wish we could be closer",
        "let's make more time for each other",
        "can we spend more time just the two of us?",
        "I miss feeling connected to you",
        "id love to hear more about you, the real stuff",
        "i'd love us to have more deep talks",
        "can we have a proper heart to heart soon?",
        "I miss our late night talks, can we do that again?",
        "let's spend tomorrow just us two, no phones",
        "I'm nervous asking, but can we talk about where we're heading?",
        "can we have a date night just for us?",
        "I'd like us to be more open with each other",
        "I want to know what's really going on in your head",
        "I miss talking to you properly. can we?",
        "Can we take some time to talk about how we're really doing?",
        "I want to let you in more",
        "Let's set aside an evening just for the two of us",
        "I want us to feel close like we used to",
        "I'd love to hear more about how you're really feeling",
    ],
)
def test_bid_for_closeness(text: str) -> None:
    assert "bid_for_closeness" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Want to grab tacos on Friday?",
        "I miss you!",
        "I don't want to talk about us right now.",
        "Can we talk about the rent tomorrow?",
        "I feel close to my brother.",
        "I'd love to get to know the city better",
        "I want to know what time the movie starts",
        "I want to learn more about baking",
        "I want to be closer to the beach next summer",
        "I want to know what's going on with the car",
        "Let's set aside some money for the holiday",
    ],
)
def test_not_bid_for_closeness(text: str) -> None:
    assert "bid_for_closeness" not in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tell me who you're with. Right now.",
        "Send me your location.",
        "Unfollow her. Today.",
        "I need you to delete his number.",
        "You're not going to that concert with Sam.",
        "from now on you call me when you leave work",
        "Give me your passcode, I want to read your chats.",
        "No more going out with the girls from work.",
        "stop crying, you're overreacting",
        "Don't you dare leave this house tonight.",
        "You do what I say. End of discussion.",
        "If you loved me you'd stay home tonight.",
        "Stop talking to Mike.",
        "I want you home by 10.",
        "stop crying, it's not a big deal",
        "gimme ur password",
        "Text me the second you leave his place.",
        "If you talk to Jess again we're finished.",
        "I don't want you seeing your friends this weekend",
        "i dont want u talking to him anymore",
        "I'd prefer you didn't see your ex anymore",
        "you're not seeing him again",
        "what's the password to your insta",
        "whats ur passcode",
        "hand over your phone",
        "I need to check your phone",
        "you need to pick up every time I call",
        "you need to be home by 9",
        "I decide who you hang out with",
        "you need to ask me before you make plans",
        "turn your location back on",
        "send me a photo so I know you're really at your mum's",
        "you can't go to the gym without me",
        "you shouldnt be talking to other guys",
        "you'll wear what I tell you to wear",
        "You can't see your friends unless I'm there.",
        "I don't want you at that party",
        "no seeing your ex, end of story",
        "you aren't allowed out after dark",
        "don't go to the gym without telling me",
        "your location better be on",
        "you'll come straight home after work",
        "you should have asked my permission before buying that",
        "I get anxious when you're out. I need you to send me a photo every hour.",
        "I'm jealous, I admit it. I don't want you going to Sam's birthday.",
        "I want you home straight after work from now on",
        "Who said you could go to Jess's?",
        "I'm not comfortable with you having guy friends, unfollow them",
        "your phone stays on the table where I can see it",
        "I need to approve anything you post",
        "i decide what you wear tonight",
        "You're not to see him ever again.",
        "I need you to give me access to your email",
        "tell me every place you go tomorrow",
        "I'm checking your phone tonight and you're going to let me",
        "you don't go anywhere without me from now on",
        "I'll decide who your friends are",
        "Send me a picture of who you're with. Now.",
        "I'm going to need your phone password tonight",
        "cancel your plans with Emma, you're staying with me",
        "and don't message other girls on this app, ok?",
        "dont ever call ur ex again",
    ],
)
def test_controlling(text: str) -> None:
    assert "controlling" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Where are you? Dinner's ready whenever you are.",
        "Text me when you get home safe ❤️",
        "I won't let you down, I promise.",
        "You're not going to believe what happened at work.",
        "I deleted the app, it was eating my battery.",
        "can you tell me what you think of the new logo?",
        "My boss told me to delete his number from the client list.",
        "I can't stop crying since the funeral.",
        "Stop texting me.",
        "I don't want you to feel pressured",
        "i dont want you to think i'm mad",
        "what's the wifi password?",
        "I'd rather you didn't text me while I'm driving",
        "I don't want you seeing me like this",
        "if you really cared about me you'd stay over tonight",
        "I don't want you to feel like you have to answer right away",
        "I don't text other guys, you know that.",
        "don't talk to him like that, he's just a kid",
        "my mum said don't talk to strangers",
    ],
)
def test_not_controlling(text: str) -> None:
    assert "controlling" not in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "You never help with the dishes.",
        "you ALWAYS make plans without asking me",
        "You're so lazy, it's unbelievable.",
        "ur so selfish",
        "Why are you always so distant with my friends?",
        "It's always about you, isn't it.",
        "You can't do anything right.",
        "you literally never call me back",
        "You're being really inconsiderate.",
        "Why do you always have to be so difficult?",
        "you neverrr listen",
        "ur soooo selfish",
        "honestly you're a terrible listener",
        "ur just a lazy person honestly",
        "you are a selfish human being",
        "you're a really cold person",
        "you only ever think of yourself",
        "you don't care about anyone but yourself",
        "you are so self absorbed",
        "you can never admit when you're wrong",
        "you have zero empathy",
        "you're incapable of listening to anyone",
        "You're a selfish and cruel person.",
        "I'm frustrated, you are a completely unreliable partner",
    ],
)
def test_criticism(text: str) -> None:
    assert "criticism" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "You always make me laugh 😂",
        "you never fail to cheer me up",
        "You never told me you could sing!",
        "You never know, it might be fun.",
        "Do you always get up this early?",
        "My dad never listened to any of us.",
        "I'm not saying you're selfish.",
        "you're always welcome here",
        "You never have to apologise for crying.",
        "I always forget my keys.",
        "You never met my grandmother, she was lovely.",
        "Have you always lived in Leeds?",
        "You're entitled to your own view on it.",
        "you always have the best ideas",
        "you're such a kind person",
        "my brother is a lazy person",
        "are you always this tired after work?",
        "i'll make sure you never run out of coffee ☕",
        "just think about yourself for once and take the job",
    ],
)
def test_not_criticism(text: str) -> None:
    assert "criticism" not in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "You're my entire world.",
        "youre my everything",
        "I'm nothing without you.",
        "i literally cannot live without you",
        "We're basically the same person now.",
        "We're not two people anymore, we're one.",
        "I quit the choir so we can do everything together.",
        "I don't need my friends anymore, just you.",
        "Without you I'm nothing.",
        "your problems are my problems, your life is my life",
        "I don't know who I'd be without you.",
        "my whole life revolves around you",
        "I don't see my friends anymore, it's just us now",
        "we only met on tuesday and you're already my whole world",
        "honestly I can't be without you anymore",
    ],
)
def test_merging(text: str) -> None:
    assert "merging" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "We're the same age, funny.",
        "We're one step closer to the flat!",
        "I love that we still have our own friends.",
        "My sister is my whole world.",  # not about the partner
        "I can live without the cake, honestly.",
        "I can't be without my glasses, I'm blind as a bat.",
    ],
)
def test_not_merging(text: str) -> None:
    assert "merging" not in flags_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delete her number. Now.", {"controlling"}),  # an order, not also advice
        ("Why don't you just block that guy?", {"advice"}),  # a suggestion, not an order
        ("You're so selfish and you never listen.", {"criticism"}),
        ("Good morning! Coffee?", set()),
        ("", set()),
        ("😂😂😂", set()),
    ],
)
def test_exact_flag_sets(text: str, expected: set[str]) -> None:
    assert flags_of(text) & MINE == expected


def test_spans_of_stretched_words_point_at_what_was_written() -> None:
    text = "You NEVERRRR listen"
    (finding,) = detect_flags(normalize(text))
    assert text[finding.start : finding.end] == "You NEVERRRR"


def test_spans_point_at_the_cue_in_the_original_text() -> None:
    text = "Hey. Honestly, You Should Just Quit."
    (finding,) = [f for f in detect_flags(normalize(text)) if f.label == "advice"]
    assert "You Should" in text[finding.start : finding.end]


@pytest.mark.parametrize(
    "unit",
    [
        # Many partial cues and no sentence marks: the worst shape for the patterns.
        "you you're so never always should tell me where delete ",
        # One advice cue repeated with no sentence mark: every hit needs a sentence.
        "you should try ",
        # A clause start every few characters.
        ". try this. tell him. go see a doctor",
    ],
)
def test_a_megabyte_of_text_is_scanned_in_bounded_time(unit: str) -> None:
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    started = time.perf_counter()
    detect_flags(normalize(text))
    assert time.perf_counter() - started < 5.0
