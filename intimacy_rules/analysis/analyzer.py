"""The message analyzer: text in, ``MessageAnalysis`` out. Pure and deterministic.

``Analyzer`` gets its parts through the constructor (the level grader, the
flag and safety detectors, the language check), with the project's own as
defaults, so a test can hand in a fake. ``analyze(text)`` uses one default
``Analyzer`` built on first use: importing this module does no work.

The analysis of one message, step by step:

1. ``text.normalize`` folds case, quotes and dashes without moving offsets,
   so every span found in the normalised text is a span of the input.
2. Text that is not English gets level 0 and no labels (the lexicons are
   English; guessing would be worse than saying nothing).
3. ``level.grade`` finds the deepest disclosure and the ``thought_as_feeling``
   constructions; the flag and safety detectors add their findings.
4. Every label comes with one evidence: the span that earned it and why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

from pydantic import BaseModel

from intimacy_rules.analysis.flags import detect_flags
from intimacy_rules.analysis.language import is_english
from intimacy_rules.analysis.level import LevelResult, grade
from intimacy_rules.analysis.models import Disclosure, Evidence, MessageAnalysis
from intimacy_rules.analysis.safety import detect_safety
from intimacy_rules.analysis.text import MAX_ANALYZED_CHARS, Finding, normalize
from intimacy_rules.analysis.vocabulary import FLAGS, SAFETY_CATEGORIES, Flag, SafetyCategory
from intimacy_rules.errors import ConfigurationError, InputError

__all__ = ["Analyzer", "Detector", "analyze"]

#: A detector takes normalised text and returns what it found, spans included.
Detector = Callable[[str], list[Finding]]

_THOUGHT_WHY: Final = "'feel like/that' + a proposition states a thought, not a feeling"
_KNOWN_FLAGS: Final = frozenset(FLAGS)
_KNOWN_SAFETY: Final = frozenset(SAFETY_CATEGORIES)
_LEVEL_LABELS: Final = tuple(f"level:{n}" for n in range(5))

_new = object.__new__
_set = object.__setattr__
_ModelT = TypeVar("_ModelT", bound=BaseModel)


def _build(cls: type[_ModelT], values: dict[str, Any]) -> _ModelT:
    """Make a model from values that are valid by construction, without validating.

    This is what ``model_construct`` does, minus its per-field bookkeeping,
    which costs several microseconds a call. The analyzer only passes values
    the contract allows (tests re-validate its output with ``model_validate``).
    """
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


# Built once: these never change, and building models is the costly part.
_DISCLOSURES: Final = {
    (facts, feelings, negative): Disclosure.model_construct(
        facts=facts, feelings=feelings, negative=negative
    )
    for facts in (False, True)
    for feelings in (False, True)
    for negative in ((False, True) if feelings else (False,))
}


class Analyzer:
    """Judge one message against the criteria of ``spec/criteria.md``.

    Every part is injectable: ``grader`` gives the level, the facts and the
    thought spans; ``flag_detector`` and ``safety_detector`` return findings
    labelled with flag and safety names; ``language_check`` says whether the
    text is one the lexicons can judge; ``max_graded_chars`` bounds how much
    of a long message the level is graded on (flags and safety read it all,
    and the level's evidence says when it was cut). The analyzer holds no
    state between calls, so one instance may serve many threads.
    """

    def __init__(
        self,
        *,
        grader: Callable[[str], LevelResult] = grade,
        flag_detector: Detector = detect_flags,
        safety_detector: Detector = detect_safety,
        language_check: Callable[[str], bool] = is_english,
        max_graded_chars: int = MAX_ANALYZED_CHARS,
    ) -> None:
        if max_graded_chars < 1:
            raise ConfigurationError("must be at least 1", field="max_graded_chars")
        self._grade = grader
        self._flags = flag_detector
        self._safety = safety_detector
        self._is_english = language_check
        self._max_graded = max_graded_chars
        self._truncated_why = f" (level judged on the first {max_graded_chars} characters only)"

    def analyze(self, text: str) -> MessageAnalysis:
        """Analyse one message; the result is the same for the same text, always."""
        if not isinstance(text, str):
            raise InputError(f"text must be a string, not {type(text).__name__}")
        norm = normalize(text)
        # The level is graded on the first MAX_ANALYZED_CHARS characters, so a
        # pathological message costs bounded time; flags and safety, which are
        # cheap per character, still read all of it.
        head = norm if len(norm) <= self._max_graded else norm[: self._max_graded]
        if not self._is_english(head):
            return _not_analysed(len(text))
        graded = self._grade(head)
        why = graded.why if head is norm else graded.why + self._truncated_why
        evidence: list[Evidence] = [
            _build(
                Evidence,
                {
                    "label": _LEVEL_LABELS[graded.level],
                    "span": (graded.start, graded.end),
                    "why": why,
                },
            )
        ]
        flags: dict[str, Finding] = {}
        if graded.thoughts:
            start, end = graded.thoughts[0]
            flags["thought_as_feeling"] = Finding("thought_as_feeling", start, end, _THOUGHT_WHY)
        for finding in self._flags(norm):
            if finding.label in _KNOWN_FLAGS and finding.label not in flags:
                flags[finding.label] = finding
        safety: dict[str, Finding] = {}
        for finding in self._safety(norm):
            if finding.label in _KNOWN_SAFETY and finding.label not in safety:
                safety[finding.label] = finding
        # Only known names were kept above, so the contract's literals hold.
        flag_names: tuple[Flag, ...] = ()
        safety_names: tuple[SafetyCategory, ...] = ()
        if flags:
            flag_names = cast(tuple[Flag, ...], tuple(sorted(flags)))
            evidence.extend([_evidence(flags[name]) for name in flag_names])
        if safety:
            safety_names = cast(tuple[SafetyCategory, ...], tuple(sorted(safety)))
            evidence.extend([_evidence(safety[name]) for name in safety_names])
        feelings = graded.level >= 2
        return _build(
            MessageAnalysis,
            {
                "level": graded.level,
                # an injected grader may set ``negative`` without feelings: ignored
                "disclosure": _DISCLOSURES[(graded.facts, feelings, graded.negative and feelings)],
                "flags": flag_names,
                "safety": safety_names,
                "evidence": tuple(evidence),
            },
        )


def _evidence(finding: Finding) -> Evidence:
    return _build(
        Evidence,
        {"label": finding.label, "span": (finding.start, finding.end), "why": finding.why},
    )


def _not_analysed(length: int) -> MessageAnalysis:
    return MessageAnalysis.model_construct(
        level=0,
        disclosure=_DISCLOSURES[(False, False, False)],
        flags=(),
        safety=(),
        evidence=(
            Evidence.model_construct(
                label="level:0",
                span=(0, length),
                why="not English: only English is analysed, so no labels are given",
            ),
        ),
    )


_default: Analyzer | None = None


def analyze(text: str) -> MessageAnalysis:
    """Analyse one message with the default ``Analyzer`` (built on first use)."""
    global _default  # noqa: PLW0603 - one lazily built, stateless default
    if _default is None:
        _default = Analyzer()
    return _default.analyze(text)
