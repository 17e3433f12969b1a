"""Reciprocity bookkeeping: who answers an open feeling disclosure, and how.

"After one discloses at level >= 2, does the other disclose back, or only ask
and advise?" (``spec/criteria.md`` section 4). A disclosure at level 2 or more
opens a question; the next participant to speak answers it, in a *turn*: their
consecutive messages count together, because chat replies come in bursts
("oh no" then "me too, I was crushed" does disclose back). The turn ends when
someone else speaks. Each turn counts once as a reply, earns the best credit
among its messages, and is "only listening" while none of its messages
discloses or attacks; mutuality reads the credit, pseudo-intimacy the
listening.
"""

from __future__ import annotations

from typing import NamedTuple

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.tuning import (
    CREDIT_BID,
    CREDIT_FACTS,
    CREDIT_FEELINGS,
    PARTICIPANT_DECAY,
)

__all__ = ["Turn", "is_listening", "reply_credit", "reply_turn"]

_new_tuple = tuple.__new__

# Attacking is not listening, and a wish to be closer offers something back.
_NOT_LISTENING_FLAGS = frozenset({"bid_for_closeness", "controlling", "criticism"})


def reply_credit(analysis: MessageAnalysis) -> float:
    """How far a reply to someone's feelings discloses back, in [0, 1].

    Feelings of one's own are a full answer; facts about oneself or a wish to
    be closer a half one; asking and advising, however kind, are none.
    """
    if analysis.level >= 2:
        return CREDIT_FEELINGS
    credit = CREDIT_FACTS if analysis.level == 1 else 0.0
    if "bid_for_closeness" in analysis.flags:
        credit = max(credit, CREDIT_BID)
    return credit


def is_listening(analysis: MessageAnalysis) -> bool:
    """Whether a reply only listens (asks, advises): offers nothing of oneself, attacks no one."""
    return (
        analysis.level == 0
        and not analysis.safety
        and _NOT_LISTENING_FLAGS.isdisjoint(analysis.flags)
    )


class Turn(NamedTuple):
    """The reply bookkeeping after one message, and what the message added."""

    pending: int | None
    replier: int | None
    turn_credit: float
    listening_at: int | None
    credit_gain: float
    reply_gain: float
    listening_gain: float


def reply_turn(
    *,
    pending: int | None,
    replier: int | None,
    turn_credit: float,
    listening_at: int | None,
    slot: int,
    analysis: MessageAnalysis,
    number: int,
) -> Turn:
    """How message ``number`` from participant ``slot`` answers an open disclosure.

    ``pending`` is the slot whose disclosure awaits an answer, ``replier`` the
    slot answering it so far, ``turn_credit`` the best credit of that turn and
    ``listening_at`` the message that counted the turn as only listening.
    The caller opens a new question when this message itself discloses.
    """
    credit_gain = reply_gain = listening_gain = 0.0
    if pending is not None and pending != slot and replier in (None, slot):
        earned = reply_credit(analysis)
        if replier is None:  # the turn's first message
            replier, reply_gain, turn_credit = slot, 1.0, 0.0
            if is_listening(analysis):
                listening_at, listening_gain = number, 1.0
        elif listening_at is not None and not is_listening(analysis):
            # Not only listening after all: take back what the turn added.
            listening_gain = -(PARTICIPANT_DECAY ** (number - listening_at))
            listening_at = None
        if earned > turn_credit:
            credit_gain, turn_credit = earned - turn_credit, earned
    elif replier is not None:  # someone else speaks: the turn is over
        pending, replier, turn_credit, listening_at = None, None, 0.0, None
    # tuple.__new__ in C, not the named tuple's Python-level __new__ (every message)
    return _new_tuple(
        Turn,
        (pending, replier, turn_credit, listening_at, credit_gain, reply_gain, listening_gain),
    )
