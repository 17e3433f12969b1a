"""Load a ruleset: read, parse, validate, compile, and prove it runs.

``load_ruleset`` is the one path from YAML to a ``CompiledRuleset``; the
``validate`` command, the engine and the test runner all use it, so a file that
validates is exactly a file that loads, and a file that loads will run: the
last step creates its durable-rules definition once (and frees it).

Errors, all from ``intimacy_rules.errors``:

- ``RulesetSyntaxError``: unreadable, too large, not UTF-8, not YAML, too deep,
  anchors or aliases;
- ``RulesetValidationError``: valid YAML with wrong content; ``.problems``
  lists every problem found, each with file, line, rule id and field;
- ``RulesetLimitError``: more than the rules core can run.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from intimacy_rules.errors import (
    RulesetError,
    RulesetLimitError,
    RulesetSyntaxError,
    RulesetValidationError,
)
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.compiler import MAX_RULES, compile_ruleset
from intimacy_rules.rules.durable_matcher import check_ruleset
from intimacy_rules.rules.models import RulesetFile
from intimacy_rules.rules.validate import check_model, check_shape
from intimacy_rules.rules.yaml_source import MAX_BYTES, ParsedYaml, parse_yaml

__all__ = ["DEFAULT_PLATFORMS", "load_default_ruleset", "load_ruleset", "read_ruleset"]

#: The platforms with a default ruleset shipped in ``intimacy_rules.rulesets``.
DEFAULT_PLATFORMS = ("dating", "counseling")


def _read(source: str | Path) -> bytes:
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refuse before reading a huge file into memory
            raise RulesetSyntaxError(
                f"the file is {size} bytes; a ruleset is at most {MAX_BYTES}", path=str(source)
            )
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RulesetError(f"{source}: cannot read: {exc.strerror}", path=str(source)) from exc


def read_ruleset(
    source: str | Path, *, text: str | None = None
) -> tuple[RulesetFile, ParsedYaml, str]:
    """Parse and validate without compiling: the model, the parsed file, its name."""
    name = str(source)
    content = text.encode("utf-8") if text is not None else _read(source)
    parsed = parse_yaml(content, source=name)
    if not isinstance(parsed.data, dict):
        raise RulesetSyntaxError(
            "a ruleset is a mapping with `ruleset`, `templates` and `rules`", path=name, line=1
        )
    rules = parsed.data.get("rules")
    if isinstance(rules, list) and len(rules) > MAX_RULES:  # refuse before validating each
        raise RulesetLimitError(
            f"{name}:{parsed.line_of(('rules',))}: {len(rules)} rules; "
            f"a ruleset holds at most {MAX_RULES}",
            path=name,
        )
    model, problems = check_shape(parsed, source=name)
    if model is None:
        raise RulesetValidationError(problems, path=name)
    problems = check_model(model, parsed, source=name)
    if problems:
        raise RulesetValidationError(problems, path=name)
    return model, parsed, name


def load_ruleset(source: str | Path, *, text: str | None = None) -> CompiledRuleset:
    """Load a ruleset from a path, or from ``text`` (an upload) named ``source``."""
    model, parsed, name = read_ruleset(source, text=text)
    lines: dict[str, int] = {}
    for i, rule in enumerate(model.rules):
        line = parsed.line_of(("rules", i))
        if line is not None:
            lines.setdefault(rule.id, line)
    compiled = compile_ruleset(model, content=parsed.content, source=name, lines=lines)
    check_ruleset(compiled)
    return compiled


def load_default_ruleset(platform: str) -> CompiledRuleset:
    """The ruleset shipped for ``platform`` (``dating`` or ``counseling``)."""
    if platform not in DEFAULT_PLATFORMS:
        raise RulesetError(
            f"no default ruleset for platform {platform!r}; "
            f"there are: {', '.join(DEFAULT_PLATFORMS)}"
        )
    resource = importlib.resources.files("intimacy_rules.rulesets") / f"{platform}.yaml"
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesetError(f"the default {platform} ruleset is missing: {exc}") from exc
    return load_ruleset(f"intimacy_rules/rulesets/{platform}.yaml", text=text)
