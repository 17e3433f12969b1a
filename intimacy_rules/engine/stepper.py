"""``DecisionStepper``: the pure decision for one analysed event and one state.

It holds no state of its own: given the event, its analysis and the
conversation's state before it, it returns the state after it and the
decision. The engine runs it inside the store's transaction; ``evaluate``, the
ruleset test runner and ``explain`` run it on a state they do not store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Final, Protocol

from intimacy_rules.analysis.models import Evidence, MessageAnalysis
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.trusted import trusted
from intimacy_rules.conversation.vocabulary import CRITERIA, CriteriaScores
from intimacy_rules.engine.decision import AnalysisSummary, Decision, FiredRule
from intimacy_rules.engine.events import Event
from intimacy_rules.errors import MatcherError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.compiled import CompiledRule, CompiledRuleset
from intimacy_rules.rules.facts import Fact, build_fact, fact_builder
from intimacy_rules.rules.outcomes import Outcome, ScoreOutcome
from intimacy_rules.rules.resolve import fixed_outcomes, resolve_outcomes

__all__ = [
    "PSEUDONYM_CACHE_SIZE",
    "RESOLVED_CACHE_SIZE",
    "DecisionStepper",
    "Matcher",
    "adjusted_scores",
    "summarize",
]

#: Senders whose pseudonyms are kept in memory; the cache is emptied when full.
PSEUDONYM_CACHE_SIZE: Final = 65_536

#: Resolved outcomes a stepper keeps for reuse; the cache is emptied when full.
RESOLVED_CACHE_SIZE: Final = 4_096

#: Distinct analysis summaries kept for reuse; the cache is emptied when full.
_SUMMARY_CACHE_SIZE: Final = 4_096
_summaries: dict[tuple[object, ...], AnalysisSummary] = {}


class Matcher(Protocol):
    """What the engine needs of a matcher: the ids of the rules a fact matches."""

    def match(self, fact: Fact) -> tuple[str, ...]:
        """The ids of every rule whose ``when`` holds for ``fact``, in priority order."""
        ...


def summarize(analysis: MessageAnalysis) -> AnalysisSummary:
    """The analysis's labels without evidence or text, for the decision.

    Summaries are few (a level, three booleans, a few labels) and immutable, so
    equal ones are shared: a store that remembers 100,000 decisions keeps a
    handful of summaries, not 100,000 more objects for the garbage collector.
    """
    labels = analysis.__dict__  # its fields, not through BaseModel.__getattr__'s slow hook
    disclosure = labels["disclosure"].__dict__
    key = (
        labels["level"],
        disclosure["facts"],
        disclosure["feelings"],
        disclosure.get("negative", False),
        labels["flags"],
        labels["safety"],
    )
    found = _summaries.get(key)
    if found is None:
        found = trusted(
            AnalysisSummary,
            {
                "level": key[0],
                "facts": key[1],
                "feelings": key[2],
                "negative": key[3],
                "flags": key[4],
                "safety": key[5],
            },
        )
        if len(_summaries) >= _SUMMARY_CACHE_SIZE:
            _summaries.clear()  # bounded; the common summaries come back at once
        _summaries[key] = found
    return found


def adjusted_scores(scores: CriteriaScores, outcomes: list[Outcome]) -> CriteriaScores:
    """``scores`` moved by every ``score`` outcome, each criterion kept in [0, 1].

    The adjustment belongs to this decision only; the conversation state's own
    scores are recomputed from its aggregates and are not changed by rules.
    """
    deltas = dict.fromkeys(CRITERIA, 0.0)
    for outcome in outcomes:
        if isinstance(outcome, ScoreOutcome):
            deltas[outcome.criterion] += outcome.delta
    if not any(deltas.values()):
        return scores
    now = scores.__dict__  # its fields, not through BaseModel.__getattr__'s slow hook
    # Each value is clamped into the model's bounds: no need to validate.
    return trusted(
        CriteriaScores,
        {
            criterion: min(1.0, max(0.0, now[criterion] + delta))
            for criterion, delta in deltas.items()
        },
    )


def _evidence_for(rule: CompiledRule, evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    labels = rule.evidence_labels
    if not labels:
        return ()
    return tuple(item for item in evidence if item.label in labels)


class DecisionStepper:
    """Decides one event against one compiled ruleset and its matcher."""

    def __init__(
        self,
        ruleset: CompiledRuleset,
        matcher: Matcher,
        *,
        pseudonymizer: Pseudonymizer,
        clock: Callable[[], datetime],
        decision_ids: Callable[[], str],
    ) -> None:
        self._ruleset = ruleset
        self._matcher = matcher
        self._rules: dict[str, CompiledRule] = {rule.id: rule for rule in ruleset.rules}
        # decide() builds only the fields the conditions and templates read
        # (and event.kind, which holds read): the same values, fewer keys.
        placeholders = {
            field
            for texts in ruleset.templates.values()
            for template in texts.values()
            for field in template.fields
        }
        self._build_fact = fact_builder({*ruleset.fields, *placeholders, "event.kind"})
        # Signals, escalations and scores are the same in every decision.
        self._fixed: dict[str, tuple[Outcome, ...]] = {}
        for rule in ruleset.rules:
            fixed = fixed_outcomes(rule, ruleset)
            if fixed is not None:
                self._fixed[rule.id] = fixed
        # A rule whose templates read no fact field resolves to the same
        # outcomes for the same sender, recipients, locale and event kind: those
        # are remembered (immutable, so decisions share them, as the fixed ones).
        self._fact_free = frozenset(
            rule.id
            for rule in ruleset.rules
            if rule.id not in self._fixed
            and not any(
                template.fields
                for spec in rule.outcomes
                for template in ruleset.templates.get(getattr(spec, "template", ""), {}).values()
            )
        )
        self._resolved: dict[
            tuple[str, str, tuple[str, ...], str, object], tuple[Outcome, ...]
        ] = {}
        self._pseudonymizer = pseudonymizer
        self._clock = clock
        self._decision_ids = decision_ids
        # Host id -> pseudonym, in memory only. A dict's get and set are atomic
        # under the GIL, so threads sharing the stepper need no lock.
        self._pseudonyms: dict[str, str] = {}

    @property
    def ruleset(self) -> CompiledRuleset:
        """The ruleset this stepper decides with."""
        return self._ruleset

    @property
    def fact_fields(self) -> frozenset[str]:
        """The fact fields ``decide`` builds: those the rules and templates read."""
        return self._build_fact.fields

    def pseudonym(self, sender: str) -> str:
        """The pseudonym the state keys ``sender`` by (cached: HMAC costs µs)."""
        cache = self._pseudonyms
        found = cache.get(sender)
        if found is None:
            found = self._pseudonymizer.pseudonym("participant", sender)
            if len(cache) >= PSEUDONYM_CACHE_SIZE:
                cache.clear()  # crude but bounded; active senders refill it at once
            cache[sender] = found
        return found

    def advance(
        self, event: Event, analysis: MessageAnalysis, state: ConversationState | None
    ) -> tuple[ConversationState, str]:
        """The state after ``event``, and the sender's pseudonym it is keyed by."""
        values = event.__dict__  # its fields, not through BaseModel.__getattr__'s slow hook
        age = values["context"].__dict__["match_age_hours"]
        if state is None:
            state = ConversationState.start(
                match_age_hours=age, platform=values["context"].platform
            )
        sender = self.pseudonym(values["sender"])
        return state.advance(sender, analysis, values["sent_at"], match_age_hours=age), sender

    def fact(
        self, event: Event, analysis: MessageAnalysis, state: ConversationState, sender: str
    ) -> Fact:
        """The fact the rules match for ``event``, given the state after it."""
        return build_fact(analysis, state.snapshot(sender), event.context, kind=event.kind)

    def decide(
        self, event: Event, analysis: MessageAnalysis, state: ConversationState | None
    ) -> tuple[ConversationState, Decision]:
        """The state after ``event`` and the decision on it."""
        advanced, sender = self.advance(event, analysis, state)
        values = event.__dict__  # its fields, not through BaseModel.__getattr__'s slow hook
        # the view: the snapshot's values without building its models
        view = advanced.view(sender)
        seen = view.__dict__  # the state's scores, depth and patterns, computed once
        fact = self._build_fact(analysis, view, values["context"], kind=values["kind"])
        matched = self._matcher.match(fact)
        fired = self.fire(matched, event, analysis, fact) if matched else []
        scores = seen["scores"]
        if fired:
            outcomes = [outcome for rule in fired for outcome in rule.outcomes]
            scores = adjusted_scores(scores, outcomes)
        # Every value below was computed by this package from validated inputs
        # (the event, the state, the compiled ruleset), so the decision is
        # built without re-validating it; the tests check it equals a
        # validated build.
        decision = trusted(
            Decision,
            {
                "decision_id": self._decision_ids(),
                "event_id": values["id"],
                "conversation_id": values["conversation_id"],
                "ruleset": self._ruleset.name,
                "revision": self._ruleset.revision,
                "fired": tuple(fired),
                "analysis": summarize(analysis),
                "criteria": scores,
                "depth": seen["depth"],
                "patterns": seen["patterns"],
                "decided_at": self._clock(),
            },
        )
        return advanced, decision

    def fire(
        self, rule_ids: tuple[str, ...], event: Event, analysis: MessageAnalysis, fact: Fact
    ) -> list[FiredRule]:
        """Resolve the outcomes of the matched rules, addressed with the host's ids."""
        fired: list[FiredRule] = []
        values = event.__dict__  # its fields, not through BaseModel.__getattr__'s slow hook
        sender, recipients = values["sender"], values["recipients"]
        locale = values["context"].__dict__["locale"]
        evidence = analysis.__dict__["evidence"]
        for rule_id in rule_ids:
            rule = self._rules.get(rule_id)
            if rule is None:
                raise MatcherError("the matcher named a rule the ruleset lacks", rule_id=rule_id)
            outcomes = self._fixed.get(rule_id)
            if outcomes is None:
                outcomes = self._resolve(rule, sender, recipients, locale, fact)
            fired.append(
                trusted(
                    FiredRule,
                    {
                        "rule_id": rule.id,
                        "description": rule.description,
                        "priority": rule.priority,
                        "outcomes": outcomes,
                        "evidence": _evidence_for(rule, evidence),
                    },
                )
            )
        return fired

    def _resolve(
        self,
        rule: CompiledRule,
        sender: str,
        recipients: tuple[str, ...],
        locale: str,
        fact: Fact,
    ) -> tuple[Outcome, ...]:
        """``resolve_outcomes``, remembered for the rules whose templates read no field."""
        key = None
        if rule.id in self._fact_free:
            # a hold is kept or dropped by the fact's event.kind: part of the key
            key = (rule.id, sender, recipients, locale, fact.get("event.kind"))
            found = self._resolved.get(key)
            if found is not None:
                return found
        outcomes = resolve_outcomes(
            rule, self._ruleset, sender=sender, recipients=recipients, locale=locale, fact=fact
        )
        if key is not None:
            if len(self._resolved) >= RESOLVED_CACHE_SIZE:
                self._resolved.clear()  # bounded; active senders refill it at once
            self._resolved[key] = outcomes
        return outcomes
