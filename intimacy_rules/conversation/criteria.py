"""The four conversation criteria of ``spec/criteria.md`` section 4, in [0, 1].

Each is a pure function of a ``ConversationState``'s aggregates, so it costs
the same whatever the conversation's length. Higher is healthier. With no
evidence yet, safety and separateness are 1.0 (nothing has threatened them)
and mutuality and immediacy are 0.5 (nothing is known either way); the
priors and every weight live in ``tuning``.
"""

from __future__ import annotations

import math
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


def safety(state: ConversationState) -> float:
    """Falls with each recent unsafe message; a threat or crisis caps it at once.

    Recent harm lowers it smoothly (``exp(-harm / SAFETY_SCALE)``); a threat or
    a crisis also sets a ceiling of ``1 - HARD_DROP`` that lifts only slowly.
    """
    smooth = math.exp(-state.harm / SAFETY_SCALE)
    ceiling = 1.0 - HARD_DROP * state.hard
    return _unit(min(smooth, ceiling))


def separateness(state: ConversationState) -> float:
    """Falls with merging, controlling and advice that flows one way only."""
    top = second = 0.0
    for recent in state.recent:
        if recent.advice > top:
            top, second = recent.advice, top
        elif recent.advice > second:
            second = recent.advice
    one_sided = top - second
    pressure = state.pressure + ADVICE_WEIGHT * one_sided
    return _unit(math.exp(-pressure / SEPARATENESS_SCALE))


def balance(state: ConversationState) -> float:
    """How evenly the participants have recently disclosed, by depth.

    The ratio of the least to the most disclosed (levels summed, decayed,
    softened by ``BALANCE_EXPONENT``), pulled towards the neutral prior while
    little has been disclosed. Until a second participant has spoken there is
    nothing to balance: the prior.
    """
    if len(state.participants) < 2:
        return MUTUALITY_PRIOR
    depths = [recent.depth for recent in state.recent]
    low, high, total = min(depths), max(depths), sum(depths)
    ratio = math.pow((low + BALANCE_SMOOTHING) / (high + BALANCE_SMOOTHING), BALANCE_EXPONENT)
    return (ratio * total + MUTUALITY_PRIOR * BALANCE_PRIOR_WEIGHT) / (total + BALANCE_PRIOR_WEIGHT)


def reciprocity(state: ConversationState) -> float:
    """Of the replies to someone's feelings, how far they disclosed back."""
    return (state.credit + MUTUALITY_PRIOR * RECIPROCITY_PRIOR_WEIGHT) / (
        state.replies + RECIPROCITY_PRIOR_WEIGHT
    )


def mutuality(state: ConversationState) -> float:
    """Both share: the mean of the depth balance and of reciprocity."""
    return _unit((balance(state) + reciprocity(state)) / 2.0)


def immediacy(state: ConversationState) -> float:
    """The share of recent feeling disclosures that are in the present (level 4).

    Every `thought_as_feeling` counts in the denominator too: a judgment said
    as "I feel that..." takes the place of a feeling.
    """
    return _unit(
        (state.present_feelings + IMMEDIACY_PRIOR * IMMEDIACY_PRIOR_WEIGHT)
        / (state.feeling_weight + IMMEDIACY_PRIOR_WEIGHT)
    )


def score_all(state: ConversationState) -> CriteriaScores:
    """All four criteria of ``state``."""
    return trusted(
        CriteriaScores,
        {
            "safety": safety(state),
            "mutuality": mutuality(state),
            "separateness": separateness(state),
            "immediacy": immediacy(state),
        },
    )
