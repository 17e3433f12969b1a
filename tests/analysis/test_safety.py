"""The four safety categories ``detect_safety`` reports, on sentences written for these tests."""

from __future__ import annotations

import time

import pytest

from intimacy_rules.analysis.safety import detect_safety
from intimacy_rules.analysis.text import normalize


def safety_of(text: str) -> set[str]:
    found = detect_safety(normalize(text))
    for finding in found:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.why
    return {finding.label for finding in found}


@pytest.mark.parametrize(
    "text",
    [
        "You're such an idiot.",
        "ur pathetic lol",
        "you absolute clown",
        "what a moron",
        "You make me sick.",
        "honestly you disgust me",
        "Oh sure, because you're SUCH a catch 🙄",
        "congrats, you actually showed up for once. alert the press 🙄",
        "Nobody else would ever put up with you.",
        "Get over yourself.",
        "You're a complete failure.",
        "lmao you really thought that would work? idiot",
        "Pathetic.",
        "you're honestly the most pathetic person I've ever met",
        "grow up, you child",
        "what an embarrassment you are",
        "I'm not taking advice from someone who can't even boil an egg",
        "I come home and there's you, a useless slob on the sofa",
    ],
)
def test_contempt(text: str) -> None:
    assert "contempt" in safety_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm such an idiot, I locked myself out again.",
        "You're not stupid, you're exhausted.",
        "My boss called me a loser in front of everyone.",
        "I'll tell you a joke later.",
        "you dork 😂 love you",
        "You're such a genius, it actually worked!",
        "don't freak out, you fool around too much lol",
        "I'm the one who asked about the party.",
        "When I grow up I want to be a vet.",
        "She called you a loser? That's awful.",
    ],
)
def test_not_contempt(text: str) -> None:
    assert "contempt" not in safety_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "You'll regret ever leaving me.",
        "youre gonna pay for this",
        "Answer me or else.",
        "I will hurt you if you go.",
        "I know where you work.",
        "I've been watching you all week.",
        "I was parked outside your flat until 2am.",
        "It'd be a shame if your parents found out what you do on weekends.",
        "I'll tell your wife everything.",
        "I'll post your nudes if you leave.",
        "Block me all you want, I'll make new accounts.",
        "You can't hide from me.",
        "Something bad might happen to your car.",
        "Watch your back.",
        "Cheat on me and he'll regret it.",
        "Ignore me again and you'll see what I'm capable of.",
        "One call from me and your boss knows everything.",
        "I followed you home from the bar last night.",
        "If you leave I will make your life a living hell.",
        "You'd better answer me or there'll be consequences.",
        "say that again and see what happens",
        "I'm parked across the street from your house.",
    ],
)
def test_threat(text: str) -> None:
    assert "threat" in safety_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "This exam is killing me.",
        "I'm gonna kill it at the audition tomorrow 💪",
        "my feet are killing me after that hike",
        "I would never hurt you.",
        "I'll hit you up later.",
        "haha I know where you live now, thanks for the address, see you at 8",
        "He keeps saying he'll hurt me if I leave.",  # reported, not the speaker's threat
        "She told me I'd regret it.",
        "My team is going to destroy yours at the quiz tonight 😈",
        "You'll regret not coming to the beach, it's gorgeous.",
        "I'm waiting outside, come down when you're ready.",
        "I'll send you the photos from the trip.",
        "I'm parked outside, come down when you're ready!",
        "I'm parked outside your place, come down!",
        "She only had kids so she could show them to everyone.",
        "I followed you on Instagram, cute pics!",
        "I know where you work, I'll bring lunch at 1!",
    ],
)
def test_not_threat(text: str) -> None:
    assert "threat" not in safety_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "send me a naked pic",
        "Come on, just one photo in your underwear.",
        "If you really loved me you'd have sex with me.",
        "Don't be such a prude.",
        "We've been together three months, most couples have slept together by now.",
        "I've waited long enough, let's finally sleep together.",
        "snap me something sexy already",
        "I'll break up with you if you won't sleep with me.",
        "you owe me a pic after last night 😏",
        "I want to see you naked, send it already",
        "send me something hot tonight or don't bother texting me",
        "why are you so frigid",
        "i've waited 3 months, when are we finally gonna have sex",
        "come on, take your top off for me on camera",
    ],
)
def test_sexual_pressure(text: str) -> None:
    assert "sexual_pressure" in safety_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Send me a pic of the menu please.",
        "Can you send me the photos from the wedding?",
        "He keeps asking me to send nudes and I hate it.",  # reported
        "You keep saying you'll leave if I won't sleep with you.",  # reported
        "Only if you want to, but I'd love a cute selfie 😊",
        "I'd love to sleep in tomorrow.",
        "Take your shirt off, it's soaked, you'll catch a cold.",
        "You owe me twenty quid from Friday.",
        "If you don't come to the wedding I'll find someone who will.",
    ],
)
def test_not_sexual_pressure(text: str) -> None:
    assert "sexual_pressure" not in safety_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself.",
        "i dont want to wake up tomorrow",
        "Everyone would be better off without me.",
        "I'm just a burden to everyone.",
        "I can't keep going.",
        "I've been thinking about ending it all.",
        "i cut myself again",
        "I'm giving away my things, I won't be needing them.",
        "I keep imagining not being around anymore.",
        "There's no point in living.",
        "I wish I was dead.",
        "I'm so tired, I want to die",
        "I've been saving up my sleeping pills.",
        "Nobody would even notice if I was gone.",
        "i honestly dont see the point in living",
        "I've been having suicidal thoughts again.",
        "I keep thinking everyone would be happier if I wasn't here",
        "I'm going to take all my pills tonight",
        "everyone would be better off if I was dead",
        "I'm so tired of living.",
    ],
)
def test_crisis(text: str) -> None:
    assert "crisis" in safety_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "ugh I want to die, I called my teacher mum 😂",
        "This meeting will be the death of me.",
        "My grandad is dying and I don't know what to do.",
        "My friend said she wants to kill herself and I'm scared.",
        "I would never kill myself, don't worry.",
        "I'm not suicidal, just sad.",
        "I'm dying to see you!",
        "I could sleep forever on this mattress lol",
        "I can't keep going like this with you, we need to talk.",
        "My cousin attempted suicide last year and I still think about it.",
        "This situation can't go on much longer.",
        "I cut myself off from those friends years ago.",
        "I'm gonna die if I eat one more bite 😂",
        "She told me she'd kill me if I spoiled the finale lol",
    ],
)
def test_not_crisis(text: str) -> None:
    assert "crisis" not in safety_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lol you're such a prude, send the pic already", {"contempt", "sexual_pressure"}),
        ("Tell me where you are or I'll come find you.", {"threat"}),
        ("I'm scared of you right now.", set()),
        ("I don't feel safe with you.", set()),
        ("", set()),
        ("🙂🙂", set()),
    ],
)
def test_exact_safety_sets(text: str, expected: set[str]) -> None:
    assert safety_of(text) == expected


def test_texting_style_and_typos_still_count() -> None:
    assert "threat" in safety_of("ill make u regret this")
    assert "contempt" in safety_of("ur such a looser")
    assert "crisis" in safety_of("i dont wanna be alive anymore")
    assert "contempt" in safety_of("You're a looooser")
    assert "sexual_pressure" in safety_of("pleeease send a pic 🙏 come onnn")


def test_a_megabyte_of_text_is_scanned_in_bounded_time() -> None:
    text = ("you're such a i'll kill you myself shame if send pic " * 20_000)[:1_000_000]
    started = time.perf_counter()
    detect_safety(normalize(text))
    assert time.perf_counter() - started < 5.0


def test_pathological_repetition_is_linear() -> None:
    # No sentence marks and a cue prefix repeated: backtracking would show here.
    small, big = "you " * 5_000, "you " * 50_000
    started = time.perf_counter()
    detect_safety(normalize(small))
    small_cost = time.perf_counter() - started
    started = time.perf_counter()
    detect_safety(normalize(big))
    big_cost = time.perf_counter() - started
    assert big_cost < max(small_cost, 0.001) * 40
