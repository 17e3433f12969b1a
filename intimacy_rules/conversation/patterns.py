"""The conversation patterns of ``spec/criteria.md`` section 4.

Two kinds: *states* read from the current aggregates (pseudo-intimacy, mutual
presence) and *events* latched by ``ConversationState.advance`` when the
triggering message arrives (premature disclosure, love bombing), which stay
reported for ``PATTERN_MEMORY`` messages afterwards. Every check is O(number
of participant slots), which is bounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.tuning import (
    PATTERN_MEMORY,
    PREMATURE_LEVEL,
    PRESENCE_WINDOW,
    PSEUDO_LISTENING_SHARE,
    PSEUDO_MAX_FEELING_RATIO,
    PSEUDO_MIN_FEELINGS,
    PSEUDO_MIN_LISTENING,
)
from intimacy_rules.conversation.vocabulary import Pattern

if TYPE_CHECKING:
    from intimacy_rules.conversation.participants import Recent
    from intimacy_rules.conversation.state import ConversationState

__all__ = [
    "detect_patterns",
    "is_heavy_disclosure",
    "mutual_presence",
    "pseudo_intimacy",
]


def is_heavy_disclosure(analysis: MessageAnalysis) -> bool:
    """Whether a message is the heavy negative self-disclosure premature disclosure is about.

    Painful feelings about oneself (level 3: shame, worth, body, loneliness)
    are; pride or joy about oneself ("I'm so proud of myself") is not. A
    present feeling about the partner (level 4) is intensity towards them,
    which love bombing covers (see ``tuning.PREMATURE_LEVEL``).
    """
    return analysis.level == PREMATURE_LEVEL and analysis.disclosure.negative


def pseudo_intimacy(recent: Sequence[Recent]) -> bool:
    """One keeps disclosing feelings while another only asks or advises.

    ``recent`` holds each participant's recent sums. The sharer is the one
    with the most recent feeling disclosures; a listener is anyone else whose
    replies to feelings recently were mostly non-hostile and disclosed
    nothing, and who shares few feelings of their own.
    """
    if len(recent) < 2:
        return False
    sharer = recent[0]
    for sums in recent:
        if sums.feelings > sharer.feelings:
            sharer = sums
    shared = sharer.feelings
    if shared < PSEUDO_MIN_FEELINGS:
        return False
    for other in recent:
        if (
            other is not sharer
            and other.listening >= PSEUDO_MIN_LISTENING
            and other.listening >= PSEUDO_LISTENING_SHARE * other.replies
            and other.feelings <= PSEUDO_MAX_FEELING_RATIO * shared
        ):
            return True
    return False


def mutual_presence(state: ConversationState) -> bool:
    """At least two participants spoke at level 4 within the last messages."""
    values = state.__dict__  # not through BaseModel.__getattr__'s slow hook
    since = values["messages"] - PRESENCE_WINDOW
    present = 0
    for participant in values["participants"]:
        last = participant.__dict__["last_present"]
        if last is not None and last > since:
            present += 1
    return present >= 2


def _latched(at: int | None, now: int) -> bool:
    return at is not None and now - at < PATTERN_MEMORY


def detect_patterns(state: ConversationState, recent: Sequence[Recent]) -> tuple[Pattern, ...]:
    """The patterns present after the state's latest message, sorted by name."""
    values = state.__dict__  # not through BaseModel.__getattr__'s slow hook
    now = values["messages"]
    found: list[Pattern] = []
    if _latched(values["love_bombing_at"], now):
        found.append("love_bombing")
    if mutual_presence(state):
        found.append("mutual_presence")
    if _latched(values["premature_at"], now):
        found.append("premature_disclosure")
    if pseudo_intimacy(recent):
        found.append("pseudo_intimacy")
    return tuple(found)
