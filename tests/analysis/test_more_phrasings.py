"""Phrasings of each label that blind sets written from the contract alone found
missing, each with the look-alikes that must stay unlabelled (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.analyzer import analyze

LABELLED = [
    # crisis: looking for a way to die, a dose asked after
    ("been googling painless ways to die tbh", "crisis"),
    ("lately I keep searching how to end it all", "crisis"),
    ("how many ibuprofen would it take to never wake up", "crisis"),
    # threat: knowing where the other is, blackmail, a ruined life
    ("I know where you're living now. Sleep well.", "threat"),
    ("your fiance would love to see these chats", "threat"),
    ("one email to your manager and your whole career is finished", "threat"),
    ("Don't make me turn up at your office.", "threat"),
    # sexual pressure: sex whatever the other wants
    ("you're sleeping with me tonight whether you're into it or not", "sexual_pressure"),
    # contempt: superlatives and slang names
    ("honestly you're hands down the dumbest person in this family", "contempt"),
    ("total clown behaviour from you again", "contempt"),
    # controlling: answering on demand, tracking, rivals
    ("Don't you ever block me again.", "controlling"),
    ("I hid an airtag in your car last week.", "controlling"),
    ("and dont text other girls, ok?", "controlling"),
    # merging
    ("you and me are basically one soul now", "merging"),
    ("there's no me anymore, just us", "merging"),
    ("Without you I'd fall apart.", "merging"),
    ("honestly you are my entire identity", "merging"),
    ("When you're not around I just stop existing.", "merging"),
    # criticism, thought as feeling, advice, bid
    ("you've always been so cold with my family", "criticism"),
    ("I feel like you've been hiding your phone from me.", "thought_as_feeling"),
    ("I feel like I'll never be enough for your mother.", "thought_as_feeling"),
    ("Leave it with me, I'll sort out the landlord for you.", "advice"),
    ("Let me handle the paperwork with the bank.", "advice"),
    ("can we talk about what we're doing? I'm confused", "bid_for_closeness"),
]

UNLABELLED = [
    ("my cousin has been searching how to kill himself and I'm terrified", "crisis"),
    ("how many ibuprofen can I take with food?", "crisis"),
    ("I looked up how to end my lease early", "crisis"),
    ("your friends would love to hear about the trip!", "threat"),
    ("if your career is over at 50 you can still retrain", "threat"),
    ("we're going hiking on sunday whether you want to or not lol", "sexual_pressure"),
    ("the clown at the party was terrifying", "contempt"),
    ("please don't ignore me, I miss you", "controlling"),
    ("I don't text other girls, you know that", "controlling"),
    ("you and I are the same age, funny", "merging"),
    ("I can live without you being home every night, it's fine", "merging"),
    ("you've always been so kind to my family", "criticism"),
    ("Go to the places you've always wanted to see.", "criticism"),
    ("My car broke down, I'll deal with the garage tomorrow.", "advice"),
    ("we should talk about what we're doing for dinner", "bid_for_closeness"),
]


def _labels(text: str) -> set[str]:
    result = analyze(text)
    return {*result.flags, *result.safety}


@pytest.mark.parametrize(("text", "label"), LABELLED)
def test_the_phrasing_is_labelled(text: str, label: str) -> None:
    assert label in _labels(text)


@pytest.mark.parametrize(("text", "label"), UNLABELLED)
def test_the_look_alike_is_not(text: str, label: str) -> None:
    assert label not in _labels(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I'm so repulsed by you right now.", 4),
        ("I'm crazy about you.", 4),
        ("I'm scared to say it, but I miss how we used to be.", 4),
        ("I'm scared to say it to my boss.", 2),
    ],
)
def test_feelings_named_or_anchored_differently(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I scratched my arms with a razor again last night", "crisis"),
        ("I burned myself with a cigarette. it helps", "crisis"),
        ("already said my goodbyes to my brother. thanks for everything", "crisis"),
        ("tell my dad i loved him. bye", "crisis"),
        ("everyone would be better off w/o me", "crisis"),
        ("if something happened to your sister, you'd only have yourself to blame", "threat"),
        ("I followed your car to work this morning.", "threat"),
        ("I'd hate to, but I will share it with your manager.", "threat"),
        ("I'm embarrassed for you, honestly.", "contempt"),
        ("your arguments are laughable", "contempt"),
        ("been patient for months and u still won't sleep with me", "sexual_pressure"),
    ],
)
def test_indirect_safety_phrasings(text: str, label: str) -> None:
    assert label in _labels(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I cut my finger chopping onions", "crisis"),
        ("tell mum I love her, see you sunday!", "crisis"),
        ("if anything happened to your sister I'd drive there straight away", "threat"),
        ("I followed you on instagram, hi!", "threat"),
        ("I was embarrassed for you when your boss yelled, that was unfair", "contempt"),
        ("I've been waiting weeks and you still won't call the plumber", "sexual_pressure"),
    ],
)
def test_indirect_safety_look_alikes(text: str, label: str) -> None:
    assert label not in _labels(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I lost my job in March, so trust me: save some money.", 1),  # an order, not trust
        ("really trust you tbh", 4),  # the "I" dropped, not an order
        ("My cheeks are burning with embarrassment as I write this.", 4),
        ("I was shaking with fear the whole flight.", 3),
    ],
)
def test_orders_and_bodily_feelings(text: str, level: int) -> None:
    assert analyze(text).level == level


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("i still have the videos you sent. ur mum would be interested", "threat", True),
        ("I still have all the photos you sent from the trip, want copies?", "threat", False),
        ("I'm sitting on the bench across from your flat. nice lamp", "threat", True),
        ("up on the bridge. not sure I want to come down tonight", "crisis", True),
        ("not sure I want to come down for breakfast, so tired", "crisis", False),
        ("u awake? send a pic plz plz, make up for yesterday", "sexual_pressure", True),
        ("send me a pic of the receipt please please", "sexual_pressure", False),
    ],
)
def test_conjunctions_of_veiled_signals(text: str, label: str, expected: bool) -> None:
    assert (label in _labels(text)) is expected
