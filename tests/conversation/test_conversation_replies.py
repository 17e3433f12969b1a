"""Reply bookkeeping: what a reply to someone's feelings earns, turn by turn."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.vocabulary import Flag, SafetyCategory
from intimacy_rules.conversation.replies import is_listening, reply_credit, reply_turn

from .conftest import Said


@pytest.mark.parametrize(
    ("level", "flags", "safety", "credit", "listening"),
    [
        (3, (), (), 1.0, False),  # feelings of one's own: a full answer
        (2, ("advice",), (), 1.0, False),
        (1, (), (), 0.5, False),  # facts about oneself: half
        (0, ("bid_for_closeness",), (), 0.5, False),  # a wish to be closer: half
        (0, ("advice",), (), 0.0, True),  # advising only listens
        (0, (), (), 0.0, True),  # so does asking
        (0, ("criticism",), (), 0.0, False),  # attacking is not listening
        (0, (), ("contempt",), 0.0, False),
    ],
)
def test_reply_credit_and_listening(
    said: Said,
    level: int,
    flags: tuple[Flag, ...],
    safety: tuple[SafetyCategory, ...],
    credit: float,
    listening: bool,
) -> None:
    analysis = said(level, flags, safety)
    assert reply_credit(analysis) == credit
    assert is_listening(analysis) is listening


def test_a_turn_counts_once_and_keeps_its_best_credit(said: Said) -> None:
    first = reply_turn(
        pending=0, replier=None, turn_credit=0.0, listening_at=None,
        slot=1, analysis=said(0), number=2,
    )  # fmt: skip
    assert (first.replier, first.reply_gain, first.listening_gain) == (1, 1.0, 1.0)
    assert first.credit_gain == 0.0
    more = reply_turn(
        pending=0, replier=1, turn_credit=first.turn_credit, listening_at=first.listening_at,
        slot=1, analysis=said(1), number=3,
    )  # fmt: skip
    assert more.reply_gain == 0.0
    assert more.credit_gain == 0.5
    assert more.listening_gain == pytest.approx(-0.97)
    assert more.listening_at is None


def test_someone_else_speaking_ends_the_turn(said: Said) -> None:
    ended = reply_turn(
        pending=0, replier=1, turn_credit=0.5, listening_at=None,
        slot=0, analysis=said(0), number=4,
    )  # fmt: skip
    assert (ended.pending, ended.replier, ended.turn_credit) == (None, None, 0.0)
    assert ended.credit_gain == ended.reply_gain == 0.0


def test_no_open_disclosure_means_no_reply(said: Said) -> None:
    idle = reply_turn(
        pending=None, replier=None, turn_credit=0.0, listening_at=None,
        slot=1, analysis=said(3), number=1,
    )  # fmt: skip
    assert idle.reply_gain == idle.credit_gain == idle.listening_gain == 0.0
