"""``intimacy-rules explain``: why the engine decided what it did for one message.

Three ways to name the message::

    intimacy-rules explain --conversation chat.json --message 3
    intimacy-rules explain --tests rulesets/tests/dating.yaml --case "..." --message 2
    intimacy-rules explain --text "I feel like you never listen" --match-age-hours 5

It prints the analysis (level, flags, safety, evidence as labels and spans),
the fact the rules read, the conversation snapshot, and every rule with
whether it fired and which tests of its condition held (✓) or failed (✗).
``--json`` prints the same as one JSON object. The message text itself is
never printed: evidence points at character spans.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC
from pathlib import Path
from typing import Any, TextIO

from intimacy_rules.conversation.files import load_conversation_file
from intimacy_rules.engine.events import Event, EventContext
from intimacy_rules.engine.explain import ConditionTrace, Explanation, explain_events
from intimacy_rules.errors import InputError
from intimacy_rules.rules.loader import load_default_ruleset, load_ruleset
from intimacy_rules.rules.ruleset_tests import FIXTURE_START, load_test_file

__all__ = ["configure", "run"]


_LEVELS = ("none", "facts", "feelings_about_others", "feelings_about_self", "present_intimate")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--conversation", type=Path, metavar="FILE", help="a conversation file")
    source.add_argument("--tests", type=Path, metavar="FILE", help="a ruleset test file")
    source.add_argument("--text", help="one message, explained as the first of a conversation")
    parser.add_argument("--case", help="with --tests: the case's name")
    parser.add_argument(
        "--message", type=int, metavar="N", help="the message, counting from 1 (default: last)"
    )
    parser.add_argument("--ruleset", type=Path, metavar="FILE", help="default: the platform's")
    parser.add_argument("--matcher", default="durable", help="durable (default) or reference")
    parser.add_argument("--sender", default="a", help="with --text: the sender's id")
    parser.add_argument("--kind", choices=("message", "pre_send"), default="message")
    parser.add_argument("--platform", choices=("dating", "counseling"))
    parser.add_argument("--match-age-hours", type=float)
    parser.add_argument("--locale", default="en")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--all", action="store_true", help="trace rules that did not fire too")


def _events(args: argparse.Namespace) -> tuple[list[Event], str | None]:
    """The conversation's events and its platform, from whichever source was given."""
    if args.text is not None:
        context = EventContext(
            platform=args.platform, match_age_hours=args.match_age_hours, locale=args.locale
        )
        event = Event(
            id="m1",
            conversation_id="explain",
            sender=args.sender,
            text=args.text,
            sent_at=FIXTURE_START,
            recipients=("b",) if args.sender != "b" else ("a",),
            kind=args.kind,
            context=context,
        )
        return [event], args.platform
    if args.conversation is not None:
        conv = load_conversation_file(args.conversation)
        context = EventContext(
            platform=args.platform or conv.context.platform,
            match_age_hours=conv.context.match_age_hours,
            locale=args.locale,
        )
        people = conv.participants or tuple(dict.fromkeys(m.sender for m in conv.messages))
        events = [
            Event(
                id=m.id or f"m{n}",
                conversation_id=conv.id,
                sender=m.sender,
                text=m.text,
                sent_at=m.sent_at if m.sent_at.tzinfo else m.sent_at.replace(tzinfo=UTC),
                recipients=tuple(p for p in people if p != m.sender),
                context=context,
            )
            for n, m in enumerate(conv.messages, start=1)
        ]
        return events, context.platform
    spec = load_test_file(args.tests)
    cases = {case.name: case for case in spec.cases}
    if args.case not in cases:
        names = "; ".join(cases)
        raise InputError(f"name a case with --case, one of: {names}", source=str(args.tests))
    case = cases[args.case]
    events = case.events("explain")
    args.ruleset = args.ruleset or (args.tests.parent / spec.ruleset)
    return events, case.context.platform


def _shown(value: object) -> str:
    # Scores carry float noise (0.15000000000000002); four places are plenty.
    return json.dumps(round(value, 4) if isinstance(value, float) else value)


def _trace_lines(trace: ConditionTrace, depth: int, out: list[str]) -> None:
    pad = "    " * depth
    mark = "✓" if trace.holds else "✗"
    if trace.kind == "test":
        value = "missing" if trace.value is None else _shown(trace.value)
        out.append(f"{pad}{mark} {trace.text}   (fact: {value})")
        return
    out.append(f"{pad}{mark} {trace.kind} of:")
    for child in trace.children:
        _trace_lines(child, depth + 1, out)


def _print_text(explanation: Explanation, out: TextIO, *, show_all: bool) -> None:
    event, analysis = explanation.event, explanation.analysis
    print(f"message {explanation.index} from {event.sender} ({event.kind})", file=out)
    print(f"\nanalysis: level {analysis.level} ({_LEVELS[analysis.level]})", file=out)
    print(f"  flags:  {', '.join(analysis.flags) or '-'}", file=out)
    print(f"  safety: {', '.join(analysis.safety) or '-'}", file=out)
    for item in analysis.evidence:
        print(f"  evidence {item.label} at [{item.span[0]}, {item.span[1]}): {item.why}", file=out)
    print("\nfact:", file=out)
    for key in sorted(explanation.fact):
        print(f"  {key} = {_shown(explanation.fact[key])}", file=out)
    snapshot = explanation.snapshot
    print(
        f"\nconversation: {snapshot.messages} messages, {snapshot.participants} participants, "
        f"depth {snapshot.depth}, patterns: {', '.join(snapshot.patterns) or '-'}",
        file=out,
    )
    scores = explanation.decision.criteria
    print(
        "  criteria (after score outcomes): "
        + ", ".join(f"{name} {getattr(scores, name):.2f}" for name in type(scores).model_fields),
        file=out,
    )
    decision = explanation.decision
    print(f"\nrules of {decision.ruleset} {decision.revision}:", file=out)
    for rule in explanation.rules:
        if not rule.fired and not show_all:
            continue
        state = "FIRED" if rule.fired else "-    "
        print(f"  {state} {rule.rule_id} (priority {rule.priority})", file=out)
        lines: list[str] = []
        _trace_lines(rule.condition, 3, lines)
        for line in lines:
            print(line, file=out)
        if rule.disagrees:
            print("        ! the matcher and the condition trace disagree", file=out)
    if not show_all:
        quiet = sum(not rule.fired for rule in explanation.rules)
        print(f"  ({quiet} rules did not fire; --all traces them too)", file=out)
    for fired in decision.fired:
        for outcome in fired.outcomes:
            print(f"  -> {fired.rule_id}: {outcome.model_dump_json()}", file=out)


def _as_json(explanation: Explanation) -> dict[str, Any]:
    def trace(node: ConditionTrace) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": node.kind, "holds": node.holds}
        if node.kind == "test":
            data.update(test=node.text, field=node.field, value=node.value)
        else:
            data["children"] = [trace(child) for child in node.children]
        return data

    return {
        "message": explanation.index,
        "sender": explanation.event.sender,
        "kind": explanation.event.kind,
        "analysis": explanation.analysis.model_dump(mode="json"),
        "fact": dict(explanation.fact),
        "snapshot": explanation.snapshot.model_dump(mode="json"),
        "decision": explanation.decision.model_dump(mode="json"),
        "rules": [
            {"id": r.rule_id, "fired": r.fired, "condition": trace(r.condition)}
            for r in explanation.rules
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Explain one message; 0 on success, 2 on bad input."""
    if args.tests is not None and args.case is None:
        raise InputError("--tests needs --case NAME", source="--case")
    events, platform = _events(args)
    ruleset = (
        load_ruleset(args.ruleset)
        if args.ruleset is not None
        else load_default_ruleset(platform or "dating")
    )
    index = len(events) if args.message is None else args.message
    explanation = explain_events(ruleset, events, index, matcher=args.matcher)
    if args.json:
        json.dump(_as_json(explanation), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_text(explanation, sys.stdout, show_all=args.all)
    return 0
