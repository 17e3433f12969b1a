"""Feelings the speaker owns, found with their tense; others' feelings never are."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.feelings import FeelingHit, find_feelings
from intimacy_rules.analysis.scan import clause_starts, subject_positions
from intimacy_rules.analysis.text import normalize


def _hits(text: str) -> list[tuple[str, bool]]:
    norm = normalize(text)
    found: list[FeelingHit] = find_feelings(norm, subject_positions(norm), clause_starts(norm))
    return [(text[h.start : h.end], h.past) for h in found]


@pytest.mark.parametrize(
    ("text", "words", "past"),
    [
        ("I'm so scared", "I'm so scared", False),
        ("I was so scared", "I was so scared", True),
        ("I've been so lonely lately", "I've been so lonely", False),
        ("I used to love it", "I used to love", True),
        ("I don't feel safe", "I don't feel safe", False),
        ("it still makes me sad", "makes me sad", False),
        ("work stressed me out", "stressed me", True),
        ("so happy rn", "so happy", False),
        ("my heart sank", "my heart sank", True),
        ("I want to feel closer to you", "I want to feel closer", False),
    ],
)
def test_owned_feelings_and_their_tense(text: str, words: str, past: bool) -> None:
    assert (words, past) in _hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was really upset.",
        "Are you scared?",
        "I can tell you're nervous.",
        "I'm safe, don't worry.",
        "I moved to Leeds.",
        "sorry I'm late",
        "I used to live near there.",
    ],
)
def test_nothing_the_speaker_does_not_own_is_found(text: str) -> None:
    assert _hits(text) == []


@pytest.mark.parametrize(
    ("text", "words", "past"),
    [
        # hope said with force, or about the speaker's own world
        ("I really hope the surgery goes fine", "I really hope", False),
        ("i hope my brother gets that apartment", "i hope", False),
        ("I'm so hoping the rain stops", "I'm so hoping", False),
        # regret and longing
        ("I wish I'd called my gran more often", "I wish", False),
        ("I just wish we had more summers like that", "I just wish", False),
        ("I really wished things had gone differently", "I really wished", True),
        # gladness or sorrow at news
        ("so good to hear the tests came back clear", "so good to hear", False),
        ("It was sad to see the old bakery close", "It was sad to see", True),
        # a feeling the speaker has
        ("I get a weird feeling about that house", "I get a weird feeling", False),
        # sympathy
        ("I really feel for your neighbour", "I really feel for", False),
        ("my heart goes out to the whole team", "my heart goes out to", False),
        # a reaction named by an adjective of emotion
        ("It's heartbreaking how fast it all went.", "It's heartbreaking", False),
        ("that was so frustrating", "that was so frustrating", True),
        ("how exciting!", "how exciting", False),
        # exclamations of frustration or shock
        ("what the hell, the bus left early again", "what the hell", False),
        ("screw this printer", "screw this", False),
        ("holy shit, the river flooded the road", "holy shit", False),
        # the cause before the feeling
        ("that thunder scared the hell out of me", "scared the hell out of me", True),
        # a clause that opens with the feeling, the "I" dropped
        ("glad the ferry was on time", "glad", False),
        ("Proud of my little sister today", "Proud", False),
        # tears and a warmed heart
        ("the ending brought tears to my eyes", "brought tears to my eyes", True),
        ("Those old letters warm my heart", "warm my heart", False),
        # causatives and verbs the lexicon lacked
        ("this bugs me every morning", "bugs me", False),
        ("the cough makes me worry", "makes me worry", False),
        ("I was surprised by the result", "I was surprised", True),
        ("I admire my grandad's patience", "I admire", False),
        ("I like baking bread on sundays", "I like ", False),
        # distress, the feeling after an impersonal "it", hope going on
        ("I just can't take it anymore", "I just can't take it", False),
        ("it felt good to be outside again", "it felt good to", True),
        ("I've been hoping for a sunny weekend", "I've been hoping", False),
        ("the neighbour's drill drives me bonkers", "drives me bonkers", False),
    ],
)
def test_feelings_shown_by_set_phrases(text: str, words: str, past: bool) -> None:
    assert (words, past) in _hits(text)


@pytest.mark.parametrize(
    "text",
    [
        # courtesy to the reader and formulas of a reply
        "hope you feel better by the weekend",
        "hope this helps",
        "I hope that counts",
        "I can't take the bus today",
        "it feels good quality",
        "I hope so",
        "hope ur trip is going well",
        "There is still hope for the garden.",
        "I wish you all the best",
        "I wish I could come to the party.",
        "Thank you so much!",
        # judgments, not feelings
        "that's amazing",
        "it's a moving van",
        "is that scary?",
        "You're so annoying.",
        # others' feelings and other subjects
        "If you love him and trust him, go.",
        "They complain and hate everything.",
        "Happy birthday!",
        "glad?",
        "screw up the lid",
        "that guy scared the kids",
    ],
)
def test_near_misses_of_set_phrases_are_not_feelings(text: str) -> None:
    assert _hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # imagined, not had (as "I'd be so sad if you left")
        "I would be so sad if the shop closed",
        "I wouldn't be surprised",
        # an imperative to the reader, or a feeling word used as a noun
        "Enjoy it while it lasts.",
        "trust your gut on this one",
        "Love is a verb, my gran used to say.",
        "Fear and greed drive the market.",
    ],
)
def test_imagined_feelings_imperatives_and_nouns_are_not_owned(text: str) -> None:
    assert _hits(text) == []


@pytest.mark.parametrize(
    "text", ["love your new haircut", "miss you so much", "hate mondays", "I could cry right now"]
)
def test_texting_that_drops_the_i_still_owns_the_feeling(text: str) -> None:
    assert _hits(text)
