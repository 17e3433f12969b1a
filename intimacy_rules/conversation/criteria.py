"""The four conversation criteria of ``spec/criteria.md`` section 4, in [0, 1].

Each is a pure function of a few of a ``ConversationState``'s aggregates, so
it costs the same whatever the conversation's length. Higher is healthier. With no
evidence yet, safety and separateness are 1.0 (nothing has threatened them)
and mutuality and immediacy are 0.5 (nothing is known either way); the
priors and every weight live in ``tuning``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from intimacy_rules.conversation.trusted import trusted
from intimacy_rules.conversation.tuning import (
    ADVICE_WEIGHT,
    BALANCE_EXPONENT,
    BALANCE_PRIOR_WEIGHT,
    BALANCE_SMOOTHING,
    HARD_DROP,
    IMMEDIACY_PRIOR,
    IMMEDIACY_PRIOR_WEIGHT,
    MUTUALITY_PRIOR,
    RECIPROCITY_PRIOR_WEIGHT,
    SAFETY_SCALE,
    SEPARATENESS_SCALE,
)
from intimacy_rules.conversation.vocabulary import CriteriaScores

if TYPE_CHECKING:
    from intimacy_rules.conversation.participants import Recent
    from intimacy_rules.conversation.state import ConversationState

__all__ = [
    "balance",
    "immediacy",
    "mutuality",
    "reciprocity",
    "safety",
    "score_all",
    "separateness",
]


def _unit(value: float) -> float:
    """``value`` clamped to [0, 1] (guards the score models' bounds)."""
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def safety(harm: float, hard: float) -> float:
    """Falls with each recent unsafe message; a threat or crisis caps it at once.

    Recent harm (``harm``) lowers it smoothly, ``exp(-harm / SAFETY_SCALE)``;
    a threat or a crisis also sets a ceiling of ``1 - HARD_DROP * hard`` that
    lifts only slowly as ``hard`` decays.
    """
    return _unit(min(math.exp(-harm / SAFETY_SCALE), 1.0 - HARD_DROP * hard))


def separateness(pressure: float, advice: Sequence[float]) -> float:
    """Falls with merging and controlling (``pressure``) and with one-sided advice.

    ``advice`` holds each participant's recent advice; only the gap between
    the most advising participant and the next one counts: advice both ways
    is conversation, advice one way is the caretaker role.
    """
    top = second = 0.0
    for given in advice:
        if given > top:
            top, second = given, top
        elif given > second:
            second = given
    return _unit(math.exp(-(pressure + ADVICE_WEIGHT * (top - second)) / SEPARATENESS_SCALE))


def balance(depths: Sequence[float]) -> float:
    """How evenly the participants have recently disclosed, by depth.

    ``depths`` holds each participant's recent levels, summed. The ratio of
    the least to the most disclosed (softened by ``BALANCE_EXPONENT``) is
    pulled towards the neutral prior while little has been disclosed. Until a
    second participant has spoken there is nothing to balance: the prior.
    """
    if len(depths) < 2:
        return MUTUALITY_PRIOR
    low, high = min(depths), max(depths)
    # Added left to right, as score_all adds them: from Python 3.12 sum()
    # compensates float rounding, so the two would differ in the last bit.
    total = 0.0
    for depth in depths:
        total += depth
    ratio = math.pow((low + BALANCE_SMOOTHING) / (high + BALANCE_SMOOTHING), BALANCE_EXPONENT)
    return (ratio * total + MUTUALITY_PRIOR * BALANCE_PRIOR_WEIGHT) / (total + BALANCE_PRIOR_WEIGHT)


def reciprocity(credit: float, replies: float) -> float:
    """Of the recent ``replies`` to someone's feelings, how far they disclosed back."""
    return (credit + MUTUALITY_PRIOR * RECIPROCITY_PRIOR_WEIGHT) / (
        replies + RECIPROCITY_PRIOR_WEIGHT
    )


def mutuality(depths: Sequence[float], credit: float, replies: float) -> float:
    """Both share: the mean of the depth balance and of reciprocity."""
    return _unit((balance(depths) + reciprocity(credit, replies)) / 2.0)


def immediacy(present_feelings: float, feeling_weight: float) -> float:
    """The share of recent feeling disclosures that are in the present (level 4).

    ``feeling_weight`` counts every feeling disclosure and every
    `thought_as_feeling`: a judgment said as "I feel that..." takes the place
    of a feeling.
    """
    return _unit(
        (present_feelings + IMMEDIACY_PRIOR * IMMEDIACY_PRIOR_WEIGHT)
        / (feeling_weight + IMMEDIACY_PRIOR_WEIGHT)
    )


def score_all(state: ConversationState, recent: Sequence[Recent]) -> CriteriaScores:
    """All four criteria of ``state``, given its participants' ``recent`` sums.

    The same arithmetic as ``safety``, ``mutuality``, ``separateness`` and
    ``immediacy`` (those define the criteria; a test checks this gives exactly
    their values), written out in one function: it runs on every message, and
    the ten calls it saves cost more than the arithmetic itself.
    """
    values = state.__dict__  # not through BaseModel.__getattr__'s slow hook
    # safety
    harm_score = math.exp(-values["harm"] / SAFETY_SCALE)
    ceiling = 1.0 - HARD_DROP * values["hard"]
    safe = ceiling if ceiling < harm_score else harm_score  # min(), ties and all
    # mutuality: the depth balance and reciprocity; separateness: one-way advice
    top = second = 0.0
    low = high = 0.0
    total: float = 0
    for index, sums in enumerate(recent):
        depth, given = sums[0], sums[2]
        if index == 0 or depth < low:
            low = depth
        if index == 0 or depth > high:
            high = depth
        total += depth
        if given > top:
            top, second = given, top
        elif given > second:
            second = given
    if len(recent) < 2:
        balanced = MUTUALITY_PRIOR
    else:
        ratio = math.pow((low + BALANCE_SMOOTHING) / (high + BALANCE_SMOOTHING), BALANCE_EXPONENT)
        balanced = (ratio * total + MUTUALITY_PRIOR * BALANCE_PRIOR_WEIGHT) / (
            total + BALANCE_PRIOR_WEIGHT
        )
    answered = (values["credit"] + MUTUALITY_PRIOR * RECIPROCITY_PRIOR_WEIGHT) / (
        values["replies"] + RECIPROCITY_PRIOR_WEIGHT
    )
    mutual = (balanced + answered) / 2.0
    apart = math.exp(-(values["pressure"] + ADVICE_WEIGHT * (top - second)) / SEPARATENESS_SCALE)
    present = (values["present_feelings"] + IMMEDIACY_PRIOR * IMMEDIACY_PRIOR_WEIGHT) / (
        values["feeling_weight"] + IMMEDIACY_PRIOR_WEIGHT
    )
    # each clamped into [0, 1] as ``_unit`` does
    return trusted(
        CriteriaScores,
        {
            "safety": 0.0 if safe < 0.0 else 1.0 if safe > 1.0 else safe,
            "mutuality": 0.0 if mutual < 0.0 else 1.0 if mutual > 1.0 else mutual,
            "separateness": 0.0 if apart < 0.0 else 1.0 if apart > 1.0 else apart,
            "immediacy": 0.0 if present < 0.0 else 1.0 if present > 1.0 else present,
        },
    )
