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
        "no one would ever want someone as useless as you",
        "how could anyone love a loser like you",
        "you're the dumbest person I know",
        "what kind of idiot forgets their own kid's birthday",
        "you look like a clown in that outfit",
        "i cant believe i married such an idiot",
        "are you really this dumb",
        "i've never met anyone as stupid as you",
        "i'm embarrassed to be seen with you",
        "listen here you little brat",
        "Stop being so useless and help me.",
        "lol imagine being as dumb as you",
        "what a pathetic little man you are",
        "you are the biggest letdown of my life",
        "you pathetic, lying rat",
        "I'm embarrassed by you. what a joke of a man",
        "omg could you BE more useless",
        "I can't believe I'm with such a loser",
        "your family must be so ashamed of you",
        "nobody in their right mind would marry you",
        "I'm ashamed to be seen with someone like you",
        "what kind of pathetic man cries over a movie",
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
        "nobody could ever love you as much as I do",
        "someone as kind as you deserves better",
        "how could anyone be this stupid, I forgot my passport again",
        "my dad used to tell me nobody would ever love me",
        "what an idiot I am, I left the oven on",
        "I'm not as dumb as you think",
        "what a clown show that meeting was",
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
        "I'll send those photos to your whole family if you don't pick up",
        "if you dont answer me tonight im posting the video",
        "keep ignoring me and your boss gets the screenshots",
        "screenshots of our chats are going to your wife tomorrow",
        "imagine what your coworkers would say if they saw those pics",
        "you better be careful driving home tonight",
        "watch ur back",
        "you're going to be so sorry you did this",
        "you won't get away with this",
        "leave me and I'll make sure nobody ever hires you again",
        "I'll burn all your stuff",
        "if I can't have you no one can",
        "you have no idea what I'll do",
        "keep it up and see what happens to you",
        "I waited outside your office until you came out",
        "i sat outside ur house all night",
        "i drove past your place 5 times today",
        "i've been going through your emails",
        "i know where your kids go to school",
        "I know which bus you take every morning",
        "be careful, accidents happen to people who walk alone at night",
        "one more lie and I'm showing your dad the messages",
        "Break up with me and I'll post every photo you ever sent me.",
        "I have screenshots of everything you said, don't push me",
        "I sat in my car outside your flat for 3 hours last night",
        "i tracked ur phone, i know you were at his place",
        "I got into your email last night",
        "Keep talking and see what happens.",
        "Leave and you'll never see the kids again.",
        "I'll smash your face in",
        "don't ignore me or your mum sees everything",
        "I still have those videos. think about that before you block me",
        "if you go on that date, he won't come home in one piece",
        "I'm not someone you want as an enemy",
        "u wont like what happens next",
        "I know your new address btw",
        "i was watching you through the window last night",
        "every single person you know will see those pics if you don't reply",
        "i'll get you fired, watch me",
        "cross me again and you'll find out",
        "I'm going to make you pay for what you did",
        "you're gonna get what's coming to you",
        "I put an app on your phone, I see everything",
        "i'll be waiting outside your work tomorrow. and the day after.",
        "I'm so hurt you lied. If you do it again, I'll make sure your whole office knows.",
        "I'm jealous, I admit it. If that guy texts you one more time I'll break his jaw.",
        "You think you can just ghost me? I'll show up at your work.",
        "Funny how your sister still doesn't know what you did. For now.",
        "I hate feeling ignored. Reply or I'm sending the pics to your ex.",
        "I've got copies of all your messages, remember that.",
        "you really want to test me? keep going",
        "I'm not scared of you leaving. I'll find wherever you go.",
        "I saved every nude you sent. Just so you know.",
        "i parked down the road from ur place last night, lights were on late",
        "you'll pay for embarrassing me like that",
        "I swear if you block me I will come to your house",
        "the next guy who talks to you is getting hurt",
        "if i see you with him again there will be trouble",
        "i'll make you disappear from everyone's life",
        "People have accidents all the time, just saying",
        "i'm following you home tonight whether you like it or not",
        "I can make your life very difficult, you know",
        "Keep ignoring me. See how that works out for you.",
        "i've been reading all your messages for weeks",
        "Go ahead and leave. See what I do to your car.",
        "I'm sick of being ignored. Answer, or I'll turn up at your mum's.",
        "i know what time you finish your shift",
        "ur new bf should watch his back",
        "You have no idea how much damage I could do to you.",
        "I'll post our texts on facebook if you end this",
        "Think carefully about your next move.",
        "I waited by your car after work last night",
        "I've been keeping tabs on where you go",
        "if you testify against me, you're finished",
        "I'm gonna find out where you are and come get you",
        "Say that again and I'll shut you up myself",
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
        "watch your step, the stairs are wet",
        "my ex threatened to post my pics and I'm terrified",
        "I'll show you the pics when you get here",
        "if you don't mind I'll post the group photo on insta",
        "I'm posting the holiday pics tonight unless you want to pick first",
        "I waited outside your office for ages, were you in a meeting?",
        "I waited outside your work to surprise you with flowers",
        "be careful on the roads, it's icy out ❤️",
        "I know where you work is stressful, let's get a takeaway",
        "I'll send you the video of the dog, it's hilarious",
        "I'll be waiting outside your work tomorrow to pick you up ❤️",
        "I was watching you sing at the open mic, you were amazing",
        "you'll see, the trip will be great",
        "i'll come to your house after work, want anything?",
        "I'm scared, he said he'd post my photos if I left",
        "I know your schedule's crazy this week, call when you can",
        "If he calls again I'll tell him you're busy",
        "You'll pay for parking at the venue, it's cheap",
        "i'm following you on spotify now!",
        "I can make your life easier if you let me help with the move",
        "I'm reading your favourite book now, love it",
        "people have accidents in the kitchen all the time, be careful with that mandoline",
        "I know what time you finish, I'll have dinner ready ❤️",
        "Think carefully about which flat you want, no rush",
        "I'll post the recipe on facebook if you want it",
        "he told me I'd be finished if I testified",
        "I waited by the car, where are you?",
        "I'm gonna find out where the party is and meet you there",
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
        "if you really cared about me you'd stay over tonight",
        "if u loved me u would spend the night",
        "you would stay the night if you really loved me",
        "you don't love me if you won't sleep with me",
        "if you won't sleep with me, someone else will",
        "I bought you dinner, the least you can do is come upstairs",
        "you're my girlfriend, you're supposed to want to have sex with me",
        "it's been 2 months, I have needs",
        "what's the big deal, it's just sex",
        "why won't you send me anything spicy",
        "take it off for me, come on",
        "i'll find someone who will sleep with me if you won't",
        "you never want to have sex, what's wrong with you",
        "I've waited months, it's time you slept with me",
        "c'mon don't be shy, take off your shirt for me",
        "i'm frustrated. if you won't have sex with me i'll go find someone who will",
        "you know you want to, just come to bed",
        "after everything I've done for you, you won't even sleep with me?",
        "why are you being so weird about sex? everyone does it",
        "if you don't sleep with me soon I'm done",
        "come on, just one more pic, in your underwear this time",
        "why won't you sleep with me, what's your problem",
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
        "want to stay over tonight? totally fine if not",
        "the least you can do is stay over and help me clean up",
        "I have needs too, like feeling listened to",
        "It had been ages since the last time we had sex, and I missed you",
        "can you stay the night? my flat is so cold, no pressure",
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
        "i want to go to sleep and not wake up",
        "sometimes i hope i don't wake up",
        "everyone would be happier if i disappeared",
        "it would be easier if i just didn't exist",
        "i just want the pain to stop forever",
        "I don't think I'll be around much longer",
        "i wish i'd never been born",
        "life isn't worth living anymore",
        "i hate being alive",
        "i think about dying every day",
        "i keep thinking about how to end it",
        "there's no reason for me to keep going",
        "i keep wishing i wouldn't wake up",
        "there's no point in me being alive",
        "I don't see a way out anymore. I'm done.",
        "I wish I could fall asleep forever",
        "honestly it'd be better if I just wasn't here",
        "I'm so exhausted. I just want to stop existing.",
        "I'm scared of myself. I keep thinking about jumping.",
        "What's the point of me even being alive",
        "I'd rather be dead than feel like this",
        "It would be so easy to just not exist",
        "i wish i could just vanish forever",
        "I don't think I can survive another day like this",
        "there's nothing left for me here",
        "nobody would miss me",
        "I'm planning how to do it",
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
        "i feel like you dont even want to be here with me",
        "i wish i could disappear into a book for a week",
        "I want to sleep in tomorrow and not wake up till noon",
        "I hope I don't wake up late tomorrow",
        "I think about dying my hair pink",
        "I've been thinking about how to end it with Sam, we're not working",
        "I hate waking up early for work",
        "I want everything to stop being so busy",
        "I wish I could sleep forever on sundays",
        "I can't see a way out of this contract",
        "I've been thinking about jumping into the lake this summer",
        "I'd rather be dead than wear that outfit lol",
        "I don't think I can survive another meeting today lol",
        "there's nothing left in the fridge",
    ],
)
def test_not_crisis(text: str) -> None:
    assert "crisis" not in safety_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lol you're such a prude, send the pic already", {"contempt", "sexual_pressure"}),
        ("stop being a prude and get over here already", {"contempt", "sexual_pressure"}),
        ("Be home by 11 or else.", {"threat"}),
        ("Tell me where you are or I'll come find you.", {"threat"}),
        ("I'm afraid of you right now.", set()),
        ("I do not feel safe around you.", set()),
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
