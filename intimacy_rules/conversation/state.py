"""``ConversationState``: one conversation's incremental aggregates.

The state is immutable: ``advance`` returns a new state, so a store can keep
the old one until its transaction commits. It holds no message list and no
text: exact counters, a few sums that decay per message (see ``tuning``) and
at most ``MAX_PARTICIPANTS`` participant slots, so each update costs the same
at message 10 and at message 10,000 and a conversation of two serialises to
well under 2 KiB of JSON.

Typical use, as the engine does it::

    state = ConversationState.start(match_age_hours=2, platform="dating")
    state = state.advance("p-3f9a", analysis, sent_at)
    fact_part = state.snapshot("p-3f9a")   # conversation.*, speaker.*, partner.*
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

from pydantic import ConfigDict, Field, ValidationError

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation import criteria
from intimacy_rules.conversation.participants import ParticipantState, Recent
from intimacy_rules.conversation.patterns import detect_patterns, is_heavy_disclosure
from intimacy_rules.conversation.replies import reply_turn
from intimacy_rules.conversation.snapshot import (
    ConversationSnapshot,
    ConversationView,
    SpeakerSnapshot,
)
from intimacy_rules.conversation.trusted import MemoizingModel, memoized, trusted
from intimacy_rules.conversation.tuning import (
    CONTROLLING_WEIGHT,
    HARD_CATEGORIES,
    HARD_DECAY,
    IMMEDIACY_DECAY,
    LOVE_BOMBING_EARLY_MESSAGES,
    LOVE_BOMBING_HOURS,
    LOVE_BOMBING_MIN_MERGING,
    MAX_PARTICIPANTS,
    MERGING_WEIGHT,
    NEW_MATCH_HOURS,
    OTHERS_ID,
    PARTICIPANT_DECAY,
    PREMATURE_EARLY_MESSAGES,
    RECIPROCITY_DECAY,
    RECIPROCITY_FROM_LEVEL,
    SAFETY_DECAY,
    SAFETY_WEIGHTS,
    SEPARATENESS_DECAY,
    THOUGHT_AS_FEELING_WEIGHT,
)
from intimacy_rules.conversation.vocabulary import CriteriaScores, Pattern
from intimacy_rules.errors import InputError

__all__ = ["ConversationState"]


def _epoch(sent_at: datetime) -> float:
    """Seconds since the epoch; a naive timestamp is taken to be UTC."""
    if sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=UTC)
    return sent_at.timestamp()


def _age_hours(values: dict[str, Any], at: float | None) -> float | None:
    """``ConversationState.age_hours(at)`` from the state's field values."""
    base, anchor = values["match_age_hours"], values["anchor_at"]
    if base is None:
        return None
    if at is None or anchor is None:
        return base  # type: ignore[no-any-return]
    return base + max(0.0, at - anchor) / 3600.0  # type: ignore[no-any-return]


def _slot(participants: tuple[ParticipantState, ...], sender: str) -> int | None:
    """The slot of ``sender`` among ``participants``, or None."""
    for index, participant in enumerate(participants):
        if participant.__dict__["id"] == sender:
            return index
    return None


def _recent(values: dict[str, Any]) -> tuple[Recent, ...]:
    """``ConversationState.recent`` from the state's field values."""
    now = values["messages"]
    recent = []
    for participant in values["participants"]:
        p = participant.__dict__  # not through BaseModel.__getattr__'s slow hook
        f = PARTICIPANT_DECAY ** (now - p["at"])  # see ParticipantState.decay_to
        # tuple.__new__ in C, not the named tuple's Python-level __new__
        recent.append(
            _new_tuple(
                Recent,
                (
                    p["depth_sum"] * f,
                    p["feelings"] * f,
                    p["advice"] * f,
                    p["replies"] * f,
                    p["listening"] * f,
                ),
            )
        )
    return tuple(recent)


def _depth(participants: tuple[ParticipantState, ...]) -> int:
    """``ConversationState.depth``: the second highest level of the participants."""
    top = second = 0
    for participant in participants:
        level = participant.__dict__["max_level"]
        if level > top:
            top, second = level, top
        elif level > second:
            second = level
    return second


def _derive(state: ConversationState) -> None:
    """Compute and keep every derived view of ``state`` that is not kept yet.

    What first access to each ``memoized`` view does (the same functions, the
    values kept under the same names), done in one pass: ``view`` reads them
    all on every message, and four descriptor calls, each through
    ``BaseModel.__getattr__``'s hook, cost more than the work (~6k
    instructions a message under callgrind).
    """
    values = state.__dict__
    if "patterns" in values and "scores" in values and "depth" in values:
        return
    recent = values.get("recent")
    if recent is None:
        recent = values["recent"] = _recent(values)
    if "depth" not in values:
        values["depth"] = _depth(values["participants"])
    if "scores" not in values:
        values["scores"] = criteria.score_all(state, recent)
    if "patterns" not in values:
        values["patterns"] = detect_patterns(state, recent)


def _combined(participants: list[ParticipantState]) -> SpeakerSnapshot:
    """Several participants' counts as one: sums, and the deepest level."""
    if not participants:
        return _NOBODY
    if len(participants) == 1:
        return participants[0].speaker_snapshot
    values = {
        name: sum(getattr(p, name) for p in participants)
        for name in SpeakerSnapshot.model_fields
        if name != "max_level"
    }
    values["max_level"] = max(p.max_level for p in participants)
    return trusted(SpeakerSnapshot, values)


_new_tuple = tuple.__new__

#: The counts of no one (a snapshot's speaker who has not spoken): immutable, shared.
_NOBODY: Final = SpeakerSnapshot()


class ConversationState(MemoizingModel):
    """A conversation's aggregates after its latest message (immutable).

    Scores, patterns and depth are derived from the fields on first access
    and cached on the instance; they are not serialised.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(memoized,))

    messages: int = Field(default=0, ge=0, description="messages so far")
    platform: str | None = Field(default=None, description="'dating', 'counseling'…")
    match_age_hours: float | None = Field(
        default=None, ge=0, description="how long the two had talked at anchor_at"
    )
    anchor_at: float | None = Field(default=None, description="epoch seconds of that age")
    latest_at: float | None = Field(default=None, description="latest timestamp seen")
    unsafe_messages: int = Field(default=0, ge=0)
    harm: float = Field(default=0.0, ge=0, description="decayed weighted unsafe messages")
    hard: float = Field(default=0.0, ge=0, le=1, description="decayed threat/crisis severity")
    pressure: float = Field(default=0.0, ge=0, description="decayed merging + controlling")
    present_feelings: float = Field(default=0.0, ge=0, description="decayed level-4 messages")
    feeling_weight: float = Field(
        default=0.0, ge=0, description="decayed feeling messages + thought_as_feeling"
    )
    replies: float = Field(default=0.0, ge=0, description="decayed replies to feelings")
    credit: float = Field(default=0.0, ge=0, description="how far those replies disclosed")
    pending: int | None = Field(default=None, ge=0, description="slot whose feelings await a reply")
    replier: int | None = Field(
        default=None, ge=0, description="slot answering them: its messages so far are one turn"
    )
    turn_credit: float = Field(
        default=0.0, ge=0, le=1, description="the best credit that turn has earned so far"
    )
    turn_listening_at: int | None = Field(
        default=None, ge=1, description="message that counted the turn as only listening"
    )
    premature_at: int | None = Field(default=None, ge=1)
    love_bombing_at: int | None = Field(default=None, ge=1)
    participants: tuple[ParticipantState, ...] = Field(default=(), max_length=MAX_PARTICIPANTS)

    @classmethod
    def start(
        cls, *, match_age_hours: float | None = None, platform: str | None = None
    ) -> ConversationState:
        """The state of a conversation before its first message.

        Raises ``InputError`` for a negative ``match_age_hours``.
        """
        if (
            match_age_hours is None or (type(match_age_hours) is float and match_age_hours >= 0)
        ) and (platform is None or type(platform) is str):
            # What validation would keep unchanged (the engine's case: the
            # event's context is validated already): no need to validate it.
            return trusted(
                cls, {**_START, "match_age_hours": match_age_hours, "platform": platform}
            )
        try:
            return cls(match_age_hours=match_age_hours, platform=platform)
        except ValidationError as exc:
            problem = exc.errors(include_url=False)[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise InputError(problem["msg"], source=where) from exc

    # --- derived views -------------------------------------------------------

    @memoized
    def recent(self) -> tuple[Recent, ...]:
        """Each participant's decayed sums as of the latest message, in slot order."""
        return _recent(self.__dict__)

    @memoized
    def scores(self) -> CriteriaScores:
        """The four criteria now."""
        return criteria.score_all(self, self.recent)

    @memoized
    def patterns(self) -> tuple[Pattern, ...]:
        """The patterns present now, sorted by name."""
        return detect_patterns(self, self.recent)

    @memoized
    def depth(self) -> int:
        """The highest level at least two participants have reached."""
        return _depth(self.__dict__["participants"])

    @property
    def participant_count(self) -> int:
        """Distinct senders tracked (all folded senders count as one)."""
        return len(self.participants)

    def age_hours(self, at: float | None = None) -> float | None:
        """How long the two have talked, at epoch second ``at`` (default: latest)."""
        values = self.__dict__
        return _age_hours(values, values["latest_at"] if at is None else at)

    # --- the update ------------------------------------------------------------

    def advance(
        self,
        sender: str,
        analysis: MessageAnalysis,
        sent_at: datetime,
        *,
        match_age_hours: float | None = None,
    ) -> ConversationState:
        """The state after ``sender`` sent a message analysed as ``analysis``.

        Pure and O(1). ``sender`` is an already pseudonymised id. A
        ``match_age_hours`` that differs from the one the state holds is the
        age at ``sent_at`` and replaces it; the same value again (a host that
        repeats the age it knew at the start on every event) leaves the age
        advancing with the clock. Timestamps may repeat or go backwards: ages
        only ever move forward from the latest one seen.
        """
        # The fields straight from __dict__: an attribute read on a pydantic
        # model goes through BaseModel.__getattr__'s slow hook.
        old = self.__dict__
        if not sender:
            raise InputError("sender id must be a non-empty string", source="sender")
        if match_age_hours is not None and not match_age_hours >= 0:
            raise InputError("match_age_hours must be >= 0", source="match_age_hours")
        number = old["messages"] + 1
        now = _epoch(sent_at)
        base, anchor = old["match_age_hours"], old["anchor_at"]
        if match_age_hours is not None and match_age_hours != base:
            base, anchor = float(match_age_hours), now
        elif base is not None and anchor is None:
            anchor = now
        latest = now if old["latest_at"] is None else max(old["latest_at"], now)
        age = None if base is None or anchor is None else base + max(0.0, now - anchor) / 3600

        participants = list(old["participants"])
        slot = _slot(old["participants"], sender)
        if slot is None and len(participants) >= MAX_PARTICIPANTS - 1:
            slot = _slot(old["participants"], OTHERS_ID)
            sender = OTHERS_ID
        if slot is None:
            slot = len(participants)
            participants.append(ParticipantState.first(sender))
        turn = reply_turn(
            pending=old["pending"],
            replier=old["replier"],
            turn_credit=old["turn_credit"],
            listening_at=old["turn_listening_at"],
            slot=slot,
            analysis=analysis,
            number=number,
        )
        early_new_match = (
            age is not None and age <= LOVE_BOMBING_HOURS and number <= LOVE_BOMBING_EARLY_MESSAGES
        )
        participant = participants[slot].advanced(
            analysis,
            number,
            replies=turn.reply_gain,
            listening=turn.listening_gain,
            early_new_match=early_new_match,
        )
        participants[slot] = participant

        labels = analysis.__dict__  # the same: its fields, without the slow hook
        level, flags, safety = labels["level"], labels["flags"], labels["safety"]
        harm = old["harm"] * SAFETY_DECAY
        hard = old["hard"] * HARD_DECAY
        if safety:
            harm += sum(SAFETY_WEIGHTS[category] for category in safety)
            if not HARD_CATEGORIES.isdisjoint(safety):
                hard = 1.0
        pressure = (
            old["pressure"] * SEPARATENESS_DECAY
            + MERGING_WEIGHT * ("merging" in flags)
            + CONTROLLING_WEIGHT * ("controlling" in flags)
        )
        feeling = level >= 2
        present_feelings = old["present_feelings"] * IMMEDIACY_DECAY + (level == 4)
        feeling_weight = (
            old["feeling_weight"] * IMMEDIACY_DECAY
            + feeling
            + THOUGHT_AS_FEELING_WEIGHT * ("thought_as_feeling" in flags)
        )
        replies = old["replies"] * RECIPROCITY_DECAY + turn.reply_gain
        credit = old["credit"] * RECIPROCITY_DECAY + turn.credit_gain
        pending, replier = turn.pending, turn.replier
        turn_credit, listening_at = turn.turn_credit, turn.listening_at
        if level >= RECIPROCITY_FROM_LEVEL:  # a disclosure that asks for one back
            pending, replier, turn_credit, listening_at = slot, None, 0.0, None

        premature_at = old["premature_at"]
        if (
            age is not None
            and age <= NEW_MATCH_HOURS
            and number <= PREMATURE_EARLY_MESSAGES
            and is_heavy_disclosure(analysis)
        ):
            premature_at = number
        love_bombing_at = old["love_bombing_at"]
        if (
            early_new_match
            and "merging" in flags
            and participant.early_merging >= LOVE_BOMBING_MIN_MERGING
        ):
            love_bombing_at = number

        return trusted(
            ConversationState,
            {
                "messages": number,
                "platform": old["platform"],
                "match_age_hours": base,
                "anchor_at": anchor,
                "latest_at": latest,
                "unsafe_messages": old["unsafe_messages"] + bool(safety),
                "harm": harm,
                "hard": hard,
                "pressure": pressure,
                "present_feelings": present_feelings,
                "feeling_weight": feeling_weight,
                "replies": replies,
                "credit": credit,
                "pending": pending,
                "replier": replier,
                "turn_credit": turn_credit,
                "turn_listening_at": listening_at,
                "premature_at": premature_at,
                "love_bombing_at": love_bombing_at,
                "participants": tuple(participants),
            },
        )

    # --- what rules read ---------------------------------------------------------

    def snapshot(self, sender: str) -> ConversationSnapshot:
        """The conversation as rules see it when ``sender`` has just spoken.

        ``speaker`` is ``sender``'s slot (the shared slot for a folded
        sender); ``partner`` combines every other participant.
        """
        values = self._fields(sender)
        for side in ("speaker", "partner"):
            counts = values[side]
            if isinstance(counts, ParticipantState):
                values[side] = counts.speaker_snapshot
        return trusted(ConversationSnapshot, values)

    def view(self, sender: str) -> ConversationView:
        """What ``snapshot(sender)`` holds, as plain attributes: what the engine's fact reads.

        ``speaker`` and ``partner`` may be the participants' states themselves
        (their fields include the snapshot's), so no model is built.
        """
        return ConversationView.of(self._fields(sender))

    def _fields(self, sender: str) -> dict[str, Any]:
        values = self.__dict__  # not through BaseModel.__getattr__'s slow hook
        participants: tuple[ParticipantState, ...] = values["participants"]
        slot = _slot(participants, sender)
        if slot is None:
            # A sender that is not named is either folded or has not spoken.
            slot = _slot(participants, OTHERS_ID)
        speaker: ParticipantState | SpeakerSnapshot
        partner: ParticipantState | SpeakerSnapshot
        if slot is not None and len(participants) == 2:  # a couple: the common case
            speaker, partner = participants[slot], participants[1 - slot]
        else:
            speaker = _NOBODY if slot is None else participants[slot]
            partner = _combined([p for index, p in enumerate(participants) if index != slot])
        _derive(self)
        return {
            "messages": values["messages"],
            "participants": len(participants),
            "depth": values["depth"],
            "scores": values["scores"],
            "patterns": values["patterns"],
            "unsafe_messages": values["unsafe_messages"],
            "match_age_hours": _age_hours(values, values["latest_at"]),
            "speaker": speaker,
            "partner": partner,
        }


# Every field's default: ``start`` fills in the two it is given.
_START: Final = {name: info.default for name, info in ConversationState.model_fields.items()}
