"""Turn a fired rule's ``then`` specs into the resolved outcomes of a decision.

Resolution picks each template's text for the event's locale (``fr-CA``, then
``fr``, then the ruleset's ``default_locale``), fills ``{field}`` placeholders
from the fact (catalogue fields only: the validator refuses anything else, and
rendering is plain substitution, never ``str.format``), and addresses nudges
to the sender or to each recipient. A ``hold`` only means something before a
message is sent, so it is dropped unless the fact's ``event.kind`` is
``pre_send``.
"""

from __future__ import annotations

from collections.abc import Sequence

from intimacy_rules.conversation.trusted import trusted
from intimacy_rules.rules.compiled import CompiledRule, CompiledRuleset, CompiledTemplate
from intimacy_rules.rules.facts import Fact
from intimacy_rules.rules.models import (
    EscalateSpec,
    HoldSpec,
    NudgeSpec,
    OutcomeSpec,
    ScoreSpec,
    SignalSpec,
)
from intimacy_rules.rules.outcomes import (
    EscalateOutcome,
    HoldOutcome,
    NudgeOutcome,
    Outcome,
    ScoreOutcome,
    SignalOutcome,
)

__all__ = ["fixed_outcomes", "locale_candidates", "pick_template", "render", "resolve_outcomes"]


def locale_candidates(locale: str, default: str) -> tuple[str, ...]:
    """The locales to try, most specific first: ``fr-CA``, ``fr``, the default."""
    wanted = locale.replace("_", "-")
    out = [wanted]
    if "-" in wanted:
        out.append(wanted.split("-", 1)[0])
    out.append(default)
    return tuple(dict.fromkeys(out))


def pick_template(
    ruleset: CompiledRuleset, template_id: str, locale: str
) -> tuple[CompiledTemplate, str]:
    """The template's text for ``locale`` and the locale it is in.

    The validator guarantees the template exists and has default-locale text;
    ``KeyError`` otherwise. Locales compare case-insensitively.
    """
    texts = ruleset.templates[template_id]
    lowered = {loc.lower().replace("_", "-"): loc for loc in texts}
    for candidate in locale_candidates(locale, ruleset.default_locale):
        found = lowered.get(candidate.lower())
        if found is not None:
            return texts[found], found
    raise KeyError(f"template {template_id!r} has no text for {locale!r}")


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return format(round(value, 2), "g")
    return str(value)


def render(template: CompiledTemplate, fact: Fact) -> str:
    """Fill the template's placeholders from the fact; a missing value shows as empty."""
    out: list[str] = []
    for literal, field in template.parts:
        out.append(literal)
        if field is not None:
            value = fact.get(field)
            out.append("" if value is None else _show(value))
    return "".join(out)


def _resolve_one(
    spec: OutcomeSpec,
    ruleset: CompiledRuleset,
    *,
    sender: str,
    recipients: Sequence[str],
    locale: str,
    fact: Fact,
) -> list[Outcome]:
    # Nudges and holds first: the rules resolved per decision are those with
    # one (the others are resolved once, ``fixed_outcomes``), and isinstance
    # on a pydantic model class is quick only when it matches (ABCMeta's check).
    # Every value is one the event or the ruleset already validated, and the
    # outcome models ask no more of them: built without re-validating (the
    # tests compare them with validated ones).
    if isinstance(spec, NudgeSpec | HoldSpec):
        template, used = pick_template(ruleset, spec.template, locale)
        text = render(template, fact)
        if isinstance(spec, NudgeSpec):
            targets = (sender,) if spec.to == "sender" else tuple(recipients)
            return [
                trusted(
                    NudgeOutcome,
                    {
                        "type": "nudge",
                        "to": to,
                        "text": text,
                        "locale": used,
                        "template": spec.template,
                    },
                )
                for to in targets
            ]
        if fact.get("event.kind") != "pre_send":
            return []  # the message is already sent: nothing to hold
        return [
            trusted(
                HoldOutcome,
                {"type": "hold", "to": sender, "text": text, "locale": used, "reason": spec.reason},
            )
        ]
    # The specs' own validation is at least as strict as the outcomes'.
    if isinstance(spec, SignalSpec):
        return [trusted(SignalOutcome, {"type": "signal", "name": spec.name})]
    if isinstance(spec, EscalateSpec):
        escalate = {"type": "escalate", "reason": spec.reason, "urgency": spec.urgency}
        return [trusted(EscalateOutcome, escalate)]
    if isinstance(spec, ScoreSpec):
        score = {"type": "score", "criterion": spec.criterion, "delta": spec.delta}
        return [trusted(ScoreOutcome, score)]
    raise TypeError(f"not an outcome spec: {spec!r}")  # pragma: no cover


def resolve_outcomes(
    rule: CompiledRule,
    ruleset: CompiledRuleset,
    *,
    sender: str,
    recipients: Sequence[str],
    locale: str,
    fact: Fact,
) -> tuple[Outcome, ...]:
    """The resolved outcomes of one fired rule, in the order its ``then`` lists them.

    Nudges ``to: recipients`` (or ``partner``) produce one outcome per recipient,
    none when the event names no recipient.
    """
    out: list[Outcome] = []
    for spec in rule.outcomes:
        out.extend(
            _resolve_one(
                spec, ruleset, sender=sender, recipients=recipients, locale=locale, fact=fact
            )
        )
    return tuple(out)


_FIXED_SPECS = (SignalSpec, EscalateSpec, ScoreSpec)


def fixed_outcomes(rule: CompiledRule, ruleset: CompiledRuleset) -> tuple[Outcome, ...] | None:
    """The rule's outcomes when no event can change them (signals, escalations,
    scores), resolved once; None when some outcome depends on the event.

    The outcomes are immutable, so every decision the rule fires in can share them.
    """
    if not all(isinstance(spec, _FIXED_SPECS) for spec in rule.outcomes):
        return None
    return resolve_outcomes(
        rule, ruleset, sender="", recipients=(), locale=ruleset.default_locale, fact={}
    )
