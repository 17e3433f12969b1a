"""Every constant the conversation criteria and patterns depend on, in one place.

The state keeps no message lists: it keeps sums that decay by a fixed factor
per conversation message, so a conversation's recent behaviour weighs more
than its distant past and each update costs the same at message 10 and at
message 10,000. Decay is counted in messages, not wall-clock time, so late or
out-of-order timestamps cannot distort a score. A factor ``d`` has a half-life
of ``ln 0.5 / ln d`` messages.

Scores with little evidence start from neutral priors and move towards what
the messages show as evidence accumulates (pseudo-counts, as in a Beta prior):
``(observed + PRIOR * WEIGHT) / (opportunities + WEIGHT)``.

The thresholds follow ``spec/criteria.md`` and the article it cites; they are
chosen on principle, not fitted to any corpus.
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.vocabulary import SafetyCategory

# --- participants -------------------------------------------------------------

#: Named participant slots the state tracks. A 9th and later distinct sender
#: is folded into one shared slot (``OTHERS_ID``), so the state stays bounded
#: even in a large group chat; couples and matches never get near it.
MAX_PARTICIPANTS: Final = 8
#: The id of the slot that holds every sender beyond the first
#: ``MAX_PARTICIPANTS - 1``. Pseudonymised ids are never this string.
OTHERS_ID: Final = "*"

#: Decay per conversation message of each participant's disclosure, feeling,
#: advice and reply sums (half-life ~23 messages): "keeps disclosing" and
#: "mostly advises" are about the recent stretch, not the whole history.
PARTICIPANT_DECAY: Final = 0.97

# --- safety: "intimacy requires trust and safety" ----------------------------

#: Harm each unsafe category adds. Threats are the gravest attack; crisis is
#: not an attack but makes the conversation unsafe for its speaker.
SAFETY_WEIGHTS: Final[dict[SafetyCategory, float]] = {
    "contempt": 1.0,
    "sexual_pressure": 1.0,
    "threat": 1.5,
    "crisis": 1.0,
}
#: Categories that escalate at once: one message caps safety at
#: ``1 - HARD_DROP`` until it fades with ``HARD_DECAY``.
HARD_CATEGORIES: Final[frozenset[SafetyCategory]] = frozenset({"threat", "crisis"})
#: How far one threat or crisis drops safety at once (to 0.15).
HARD_DROP: Final = 0.85
#: A threat or a crisis is not forgotten after a few kind messages
#: (half-life ~69 messages).
HARD_DECAY: Final = 0.99
#: Other harm fades faster (half-life ~14 messages): recency matters.
SAFETY_DECAY: Final = 0.95
#: safety = exp(-harm / SAFETY_SCALE): one fresh insult or push for sex gives
#: ~0.37 (unsafe for now), back to ~0.6 some 14 messages later; two ~0.14.
SAFETY_SCALE: Final = 1.0

# --- separateness: "honor each others' separateness" -------------------------

#: Pressure a `merging` message adds (fusion: "you're my whole world").
MERGING_WEIGHT: Final = 1.0
#: Pressure a `controlling` message adds (running the other's life).
CONTROLLING_WEIGHT: Final = 1.0
#: Pressure per unit of one-sided advice: the gap between the most advising
#: participant and the next one. Advice both ways is conversation, advice one
#: way is the caretaker role; it weighs less than merging or control.
ADVICE_WEIGHT: Final = 0.5
#: Decay of the merging and controlling pressure (half-life ~23 messages).
SEPARATENESS_DECAY: Final = 0.97
#: separateness = exp(-pressure / SEPARATENESS_SCALE): one merging or
#: controlling message gives ~0.54 (no longer "high"), two recent ones ~0.3
#: ("low"): "give me your password" twice is not a close call.
SEPARATENESS_SCALE: Final = 1.6

# --- mutuality: "someone who also shares intimate feelings with you" ---------

#: Neutral prior of both halves of mutuality before anyone has disclosed.
MUTUALITY_PRIOR: Final = 0.5
#: Pseudo-weight of the prior in the depth balance, in disclosure-depth units
#: (a level-2 message adds 2): a single message cannot make it clear-cut.
BALANCE_PRIOR_WEIGHT: Final = 2.0
#: Added to both sides of the min/max disclosure ratio so that two people who
#: have shared nothing are not "perfectly unbalanced".
BALANCE_SMOOTHING: Final = 1.0
#: The ratio is raised to this power: a 2:1 imbalance (~0.71) is still two
#: people sharing; only near-silence from one side (1:10, ~0.32) reads low.
BALANCE_EXPONENT: Final = 0.5
#: Pseudo-count of the prior in reciprocity (one imaginary half-answered turn).
RECIPROCITY_PRIOR_WEIGHT: Final = 1.0
#: Level from which a disclosure asks for one in return (feelings).
RECIPROCITY_FROM_LEVEL: Final = 2
#: Credit for answering a disclosure with one's own feelings, with facts only,
#: or with a wish to be closer; asking and advising earn nothing.
CREDIT_FEELINGS: Final = 1.0
CREDIT_FACTS: Final = 0.5
CREDIT_BID: Final = 0.5
#: Decay of the conversation's reciprocity sums (half-life ~23 messages).
RECIPROCITY_DECAY: Final = 0.97

# --- immediacy: "feelings that are in the present" ---------------------------

#: Neutral prior and its pseudo-count before any feeling is disclosed.
IMMEDIACY_PRIOR: Final = 0.5
IMMEDIACY_PRIOR_WEIGHT: Final = 1.0
#: How much one `thought_as_feeling` counts against immediacy: as much as a
#: feeling that is not in the present.
THOUGHT_AS_FEELING_WEIGHT: Final = 1.0
#: Decay of the immediacy sums (half-life ~23 messages).
IMMEDIACY_DECAY: Final = 0.97

# --- patterns ----------------------------------------------------------------

#: A match is "brand new" while the two have talked at most this long.
NEW_MATCH_HOURS: Final = 24.0
#: "Within the first messages": premature disclosure is judged on the opening
#: exchange of the conversation only.
PREMATURE_EARLY_MESSAGES: Final = 10
#: The level of a heavy disclosure: painful feelings about oneself (shame,
#: worth, body, loneliness; the analysis's ``disclosure.negative``). A level-4 message in a
#: brand-new match is a present feeling about the partner ("I'm crazy about
#: you"), intensity towards them that love bombing covers, not the negative
#: self-disclosure that pushes away or tests.
PREMATURE_LEVEL: Final = 3
#: "Very early in a new match" for love bombing, in hours and messages.
LOVE_BOMBING_HOURS: Final = 48.0
LOVE_BOMBING_EARLY_MESSAGES: Final = 30
#: Merging messages from one sender within that window. The contract says
#: merging language very early is love bombing, so one is enough; raise it to
#: ask for a barrage.
LOVE_BOMBING_MIN_MERGING: Final = 1
#: How many messages an event pattern (premature disclosure, love bombing)
#: stays reported after its last occurrence.
PATTERN_MEMORY: Final = 50
#: "Within a recent window" for mutual presence: both reached level 4 in the
#: last this many messages.
PRESENCE_WINDOW: Final = 20
#: Pseudo-intimacy: the sharer's recent feeling disclosures (decayed count)...
PSEUDO_MIN_FEELINGS: Final = 2.5
#: ...answered by the listener mostly with non-hostile, non-disclosing replies
#: (asking, advising) at least this often (decayed count)...
PSEUDO_MIN_LISTENING: Final = 2.5
#: ...making up at least this share of the listener's replies...
PSEUDO_LISTENING_SHARE: Final = 0.6
#: ...while the listener's own feelings stay below this share of the sharer's.
PSEUDO_MAX_FEELING_RATIO: Final = 0.34
