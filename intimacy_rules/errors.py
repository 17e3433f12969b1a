"""The one exception tree of intimacy-rules.

Every error the package raises on purpose derives from ``IntimacyRulesError``,
so a caller can catch the package's failures with one ``except`` and still tell
them apart by type. Each exception carries structured fields (a path, a line,
a rule id, a status code) besides its message, so tools can point at the place
that is wrong instead of parsing text::

    IntimacyRulesError
    ├── InputError                  bad input from a caller (where: .source, .line)
    │   └── EventError              a canonical event that does not parse
    ├── RulesetError                a ruleset that cannot be loaded (.path)
    │   ├── RulesetSyntaxError      not YAML, too large or too deep (.line)
    │   ├── RulesetValidationError  valid YAML, wrong content (.problems)
    │   └── RulesetLimitError       beyond what the rules core can run
    ├── EngineError                 a failure while deciding on an event
    │   └── MatcherError            the rules core reported an error
    ├── StoreError                  the store failed (.retryable)
    │   ├── StoreUnavailableError   the store cannot be reached now
    │   └── ConflictError           a concurrent write won
    ├── SignatureError              a webhook failed verification (.status_code)
    ├── DeliveryError               an outbound callback failed (.status_code)
    └── ConfigurationError          settings that make no sense (.field)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ConfigurationError",
    "ConflictError",
    "DeliveryError",
    "EngineError",
    "EventError",
    "InputError",
    "IntimacyRulesError",
    "MatcherError",
    "Problem",
    "RulesetError",
    "RulesetLimitError",
    "RulesetSyntaxError",
    "RulesetValidationError",
    "SignatureError",
    "StoreError",
    "StoreUnavailableError",
]


class IntimacyRulesError(Exception):
    """Root of every error intimacy-rules raises on purpose."""


class InputError(IntimacyRulesError, ValueError):
    """Input from a caller is not what the contract says.

    ``source`` names where it came from (a file, ``<stdin>``, a field) and
    ``line`` the 1-based line, when there is one.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        where = ":".join(str(p) for p in (source, line) if p is not None)
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message


class EventError(InputError):
    """A canonical event (or a platform payload) that does not parse."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a ruleset file, with where it is."""

    message: str
    path: str | None = None
    line: int | None = None
    rule_id: str | None = None
    field: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.path, self.line) if p is not None)
        parts = [where] if where else []
        if self.rule_id:
            parts.append(f"rule {self.rule_id!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        head = ", ".join(parts)
        text = f"{head}: {self.message}" if head else self.message
        return f"{text} (did you mean {self.hint!r}?)" if self.hint else text


class RulesetError(IntimacyRulesError):
    """A ruleset that cannot be loaded; ``path`` names its file."""

    def __init__(self, message: str, *, path: str | None = None):
        self.path = path
        super().__init__(message)


class RulesetSyntaxError(RulesetError):
    """A ruleset file that is not YAML, or is too large or too deeply nested."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.line = line
        where = ":".join(str(p) for p in (path, line) if p is not None)
        super().__init__(f"{where}: {message}" if where else message, path=path)


class RulesetValidationError(RulesetError):
    """Valid YAML whose content breaks the ruleset schema; see ``problems``."""

    def __init__(self, problems: list[Problem], *, path: str | None = None):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems), path=path)


class RulesetLimitError(RulesetError):
    """A ruleset beyond what the rules core can run (too many rules or conditions)."""


class EngineError(IntimacyRulesError):
    """A failure while deciding on an event."""


class MatcherError(EngineError):
    """The rules core reported an error; ``rule_id`` names the rule when known."""

    def __init__(self, message: str, *, rule_id: str | None = None):
        self.rule_id = rule_id
        super().__init__(message)


class StoreError(IntimacyRulesError):
    """The store failed; ``retryable`` says whether the same call may succeed later."""

    retryable: bool = False


class StoreUnavailableError(StoreError):
    """The store cannot be reached now; nothing was written."""

    retryable = True


class ConflictError(StoreError):
    """A concurrent write to the same conversation won; retry the event."""

    retryable = True


class SignatureError(IntimacyRulesError):
    """A webhook request failed verification; ``status_code`` is the reply to send."""

    def __init__(self, message: str, *, status_code: int = 401):
        self.status_code = status_code
        super().__init__(message)


class DeliveryError(IntimacyRulesError):
    """An outbound callback failed; ``status_code`` is the host's reply, if any."""

    def __init__(self, message: str, *, status_code: int | None = None):
        self.status_code = status_code
        super().__init__(message)


class ConfigurationError(IntimacyRulesError):
    """Settings that make no sense; ``field`` names the setting."""

    def __init__(self, message: str, *, field: str | None = None):
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)
