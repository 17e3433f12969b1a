"""Facts and their catalogue: built from the models, documented, and never holding text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intimacy_rules.analysis.models import Disclosure, Evidence, MessageAnalysis
from intimacy_rules.analysis.vocabulary import FLAGS, SAFETY_CATEGORIES
from intimacy_rules.conversation.snapshot import ConversationSnapshot, SpeakerSnapshot
from intimacy_rules.conversation.vocabulary import CRITERIA, PATTERNS, CriteriaScores
from intimacy_rules.engine.events import EventContext
from intimacy_rules.rules.facts import _build, build_fact, fact_builder, fact_plan
from intimacy_rules.rules.fields import fact_catalogue

DOCS = Path(__file__).parents[2] / "docs" / "rulesets.md"


def _analysis(**kw: object) -> MessageAnalysis:
    base: dict[str, object] = {"level": 0, "disclosure": Disclosure(facts=False, feelings=False)}
    base.update(kw)
    return MessageAnalysis.model_validate(base)


def test_the_catalogue_covers_every_name_of_the_contract() -> None:
    names = set(fact_catalogue().fields)
    assert {f"message.flags.{f}" for f in FLAGS} <= names
    assert {f"message.safety.{c}" for c in SAFETY_CATEGORIES} <= names
    assert {f"conversation.patterns.{p}" for p in PATTERNS} <= names
    assert {f"conversation.scores.{c}" for c in CRITERIA} <= names
    assert {f"speaker.{a}" for a in SpeakerSnapshot.model_fields} <= names
    assert {f"partner.{a}" for a in SpeakerSnapshot.model_fields} <= names
    assert {"message.level", "message.unsafe", "event.kind", "context.locale"} <= names
    # speaker/partner live in their own namespaces, not under conversation.*
    assert not any(n.startswith(("conversation.speaker", "conversation.partner")) for n in names)


def test_every_field_family_is_in_the_operators_reference() -> None:
    text = DOCS.read_text()
    documented = set(re.findall(r"^\| `([a-z_.<>]+)` \|", text, re.M))
    for name in fact_catalogue().fields:
        head = name.rpartition(".")[0]
        families = {
            name,
            f"{head}.<flag>",
            f"{head}.<category>",
            f"{head}.<criterion>",
            f"{head}.<pattern>",
            f"{head}.<aggregate>",
        }
        assert families & documented, f"{name} is not in docs/rulesets.md"


def test_build_fact_reads_every_catalogue_field_and_nothing_else() -> None:
    fact = build_fact(
        _analysis(
            level=4,
            disclosure=Disclosure(facts=True, feelings=True),
            flags=("bid_for_closeness",),
            safety=("crisis",),
            evidence=(Evidence(label="level:4", span=(0, 10), why="present feeling"),),
        ),
        ConversationSnapshot(
            messages=7,
            depth=3,
            patterns=("mutual_presence",),
            scores=CriteriaScores(safety=0.25),
            match_age_hours=5.5,
            speaker=SpeakerSnapshot(messages=4, max_level=4),
            partner=SpeakerSnapshot(messages=3, max_level=3),
        ),
        EventContext(
            platform="dating",
            match_age_hours=6.0,
            locale="fr-CA",
            attributes={"plan": "premium", "n": 3},
        ),
        kind="pre_send",
    )
    catalogue = fact_catalogue()
    assert set(fact) == set(catalogue.fields) | {"context.attributes.plan", "context.attributes.n"}
    assert fact["message.level"] == 4
    assert fact["message.flags.bid_for_closeness"] is True
    assert fact["message.flags.advice"] is False
    assert fact["message.safety.crisis"] is True
    assert fact["message.unsafe"] is True
    assert fact["message.disclosure.feelings"] is True
    assert fact["conversation.patterns.mutual_presence"] is True
    assert fact["conversation.scores.safety"] == 0.25
    assert fact["conversation.match_age_hours"] == 5.5
    assert (fact["speaker.max_level"], fact["partner.max_level"]) == (4, 3)
    assert fact["context.locale"] == "fr-CA"
    assert fact["context.platform"] == "dating"
    assert fact["context.attributes.plan"] == "premium"
    assert fact["event.kind"] == "pre_send"
    # labels and numbers only: no evidence, no text
    assert all(isinstance(v, bool | int | float | str) for v in fact.values())
    assert not {part for k in fact for part in k.split(".")} & {"text", "evidence", "span", "why"}


def test_unknown_optional_values_are_left_out_of_the_fact() -> None:
    fact = build_fact(_analysis(), ConversationSnapshot(), EventContext(), kind="message")
    assert "conversation.match_age_hours" not in fact
    assert "context.platform" not in fact
    assert "context.match_age_hours" not in fact
    assert fact["message.unsafe"] is False


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [
        ("message.advice", "message.flags.advice"),
        ("mesage.level", "message.level"),
        ("conversation.love_bombing", "conversation.patterns.love_bombing"),
        ("conversation.scores.safty", "conversation.scores.safety"),
        ("speaker.maxlevel", "speaker.max_level"),
    ],
)
def test_misspelt_fields_get_the_closest_name(typo: str, suggestion: str) -> None:
    assert fact_catalogue().suggest(typo) == suggestion


def test_host_attributes_are_open_but_named_safely() -> None:
    catalogue = fact_catalogue()
    spec = catalogue.lookup("context.attributes.plan")
    assert spec is not None
    assert spec.optional
    assert catalogue.lookup("context.attributes.__class__.x") is None
    assert catalogue.lookup("context.attributes.") is None


@given(
    level=st.integers(0, 4),
    flags=st.sets(st.sampled_from(FLAGS)),
    safety=st.sets(st.sampled_from(SAFETY_CATEGORIES)),
    patterns=st.sets(st.sampled_from(PATTERNS)),
    age=st.one_of(st.none(), st.floats(0, 1e4)),
    attributes=st.dictionaries(
        st.sampled_from(["plan", "tier", "region"]),
        st.one_of(st.booleans(), st.integers(-5, 5), st.text(max_size=3)),
    ),
    kind=st.sampled_from(["message", "pre_send"]),
    data=st.data(),
)
def test_a_restricted_fact_holds_exactly_the_full_facts_values_for_its_fields(
    level: int,
    flags: set[str],
    safety: set[str],
    patterns: set[str],
    age: float | None,
    attributes: dict[str, bool | int | str],
    kind: str,
    data: st.DataObject,
) -> None:
    analysis = _analysis(
        level=level,
        disclosure=Disclosure(facts=level >= 1, feelings=level >= 2),
        flags=tuple(sorted(flags)),
        safety=tuple(sorted(safety)),
    )
    snapshot = ConversationSnapshot(
        messages=7,
        depth=min(level, 2),
        patterns=tuple(sorted(patterns)),
        match_age_hours=age,
        speaker=SpeakerSnapshot(messages=4, max_level=level),
        partner=SpeakerSnapshot(messages=3),
    )
    context = EventContext(platform="dating", attributes=attributes)
    full = build_fact(analysis, snapshot, context, kind=kind)
    names = [*fact_catalogue().fields, "context.attributes.plan", "context.attributes.region"]
    fields = data.draw(st.sets(st.sampled_from(names)))
    restricted = fact_builder(fields)(analysis, snapshot, context, kind=kind)
    assert restricted == {key: value for key, value in full.items() if key in fields}
    # the engine's builder is the plan unrolled into code: the plan's own loop
    # fills the same keys with the same values, in the same order
    looped = _build(fact_plan(None, frozenset(fields)), analysis, snapshot, context, kind)
    assert list(restricted.items()) == list(looped.items())
