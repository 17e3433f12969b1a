"""A cue's gates (anchor words, ``needs`` substrings) must let through what its pattern matches.

The gates are written by hand beside each pattern and skip the pattern when
none of their words is in the message; a gate that forgets a spelling the
pattern accepts silently drops those matches (a crisis or a threat going
unseen). Texts drawn from each cue's own pattern (``regex_samples``) check
that every match passes its gates.
"""

from __future__ import annotations

import pytest
from regex_samples import samples

from intimacy_rules.analysis.analyzer import analyze
from intimacy_rules.analysis.cue_rules import LabelRules, message_words
from intimacy_rules.analysis.flag_patterns import FLAG_RULES
from intimacy_rules.analysis.safety_patterns import SAFETY_RULES

TABLES = (*FLAG_RULES, *SAFETY_RULES)
#: Cues whose gates are known to drop some of their own pattern's matches (found
#: by this test, not yet fixed: each needs its anchors or needs widened and its
#: findings re-checked). Take a name out once its gates are fixed; a cue not
#: listed here that starts dropping matches fails the test.
KNOWN_GAPS = frozenset(
    [
        "aroused_refusal",
        "belittling_comparison",
        "capable",
        "caught_menace",
        "compare_ex",
        "compare_others",
        "conditional_menace",
        "exposure_conditional",
        "exposure_if_told",
        "exposure_leverage",
        "exposure_spite",
        "exposure_tell",
        "exposure_underway",
        "eye_roll",
        "goodbye_message",
        "guilt_for_sex",
        "i_need_you_to_stop",
        "i_would_try",
        "in_your_place",
        "insistence",
        "intimidation",
        "means_at_hand",
        "menace_misc",
        "mockery",
        "ominous_warning",
        "outing_rules",
        "push_sex",
        "rules_of_contact",
        "sarcastic_praise",
        "sarcastic_surprise",
        "scorned_ability",
        "see_body",
        "send_to_everyone",
        "sex_as_proof",
        "someone_who_will",
        "surveillance",
        "talk_about_us",
        "want_closer",
        "warning",
        "would_help",
        "you_could",
        "you_will_want",
    ]
)


def _dropped(compiled: object, count: int) -> list[str]:
    """Texts the cue's pattern matches but its gates would not let it try."""
    anchors = compiled.anchors  # type: ignore[attr-defined]
    needs = compiled.needs  # type: ignore[attr-defined]
    out = []
    for text, _ in samples(compiled.regex.pattern, count):  # type: ignore[attr-defined]
        if anchors.isdisjoint(message_words(text)) or (
            needs and not any(part in text for part in needs)
        ):
            out.append(text)
    return out


@pytest.mark.parametrize("table", TABLES, ids=lambda rules: rules.label)
def test_gates_let_through_what_the_pattern_matches(table: LabelRules) -> None:
    for compiled in table._compiled:
        name = compiled.cue.name
        if name in KNOWN_GAPS:
            continue
        dropped = _dropped(compiled, 300)
        assert not dropped, f"{table.label}/{name} gates drop {dropped[:3]}"


def test_the_known_gaps_are_still_gaps() -> None:
    # A fixed cue must leave the list, so the list never hides a regression.
    names = {c.cue.name for table in TABLES for c in table._compiled}
    assert names >= KNOWN_GAPS
    still = {
        c.cue.name
        for table in TABLES
        for c in table._compiled
        if c.cue.name in KNOWN_GAPS and _dropped(c, 600)
    }
    assert still == KNOWN_GAPS, f"fixed, take out of KNOWN_GAPS: {sorted(KNOWN_GAPS - still)}"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("honestly my life feels so not worth living", "crisis"),
        ("i dont see any point for living anymore", "crisis"),
        ("some nights i want to sleep and never wake up", "crisis"),
        ("tonight im taking everything from my bathroom", "crisis"),
        ("are you brain dead or what", "contempt"),
        ("leave me and you will find out", "threat"),
        ("i keep thinking about not existing", "crisis"),
        ("this is the last time you will see me", "crisis"),
        ("dont worry, i wont be in your way anymore", "crisis"),
        ("i will not be here to feed the cat next week", "crisis"),
        ("you wont like what i do next", "threat"),
        ("you dont want to cross me", "threat"),
        ("you will never see our baby again", "threat"),
        ("keep it up and youll end up hurt", "threat"),
        ("ive been snooping in all your dms", "threat"),
        ("could you be any dumber", "contempt"),
        ("what a waste of a boyfriend you are", "contempt"),
        ("ill keep asking til you send one", "sexual_pressure"),
    ],
)
def test_spellings_the_gates_used_to_drop_are_found(text: str, category: str) -> None:
    assert category in analyze(text).safety


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("you dont go out without me", "controlling"),
        ("i want to look through your call log", "controlling"),
        ("your phone better be on all night", "controlling"),
        ("keep your life360 on at all times", "controlling"),
        ("you only ever think of your own needs", "criticism"),
        ("you are honestly so useless at everything", "criticism"),
    ],
)
def test_flag_spellings_the_gates_used_to_drop_are_found(text: str, flag: str) -> None:
    assert flag in analyze(text).flags
