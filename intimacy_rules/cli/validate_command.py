"""``intimacy-rules validate PATH...``: check ruleset files as the engine would load them.

Each file goes through exactly the engine's loading path (parse, validate,
compile, create in durable-rules), then the lint. Errors and warnings print
one a line, ``path:line: error: rule 'id', field 'when.all[0]': message``, so
editors and CI logs can jump to them.

Exit status: 0 when every file is valid, 2 when any is not. Warnings do not
fail a file unless ``--strict``. A directory stands for the ``*.yaml`` and
``*.yml`` files directly inside it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from intimacy_rules.errors import (
    Problem,
    RulesetError,
    RulesetSyntaxError,
    RulesetValidationError,
)
from intimacy_rules.rules.compiler import compile_ruleset
from intimacy_rules.rules.durable_matcher import check_ruleset
from intimacy_rules.rules.lint import lint_ruleset
from intimacy_rules.rules.loader import read_ruleset

__all__ = ["configure", "run", "validate_file"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="ruleset files or directories"
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail the file too")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text lines or one JSON list"
    )


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            files.append(path)
    return files


def _error_problems(exc: RulesetError, path: str) -> list[Problem]:
    if isinstance(exc, RulesetValidationError):
        return list(exc.problems)
    line = exc.line if isinstance(exc, RulesetSyntaxError) else None
    message = str(exc)
    prefix = ":".join(str(p) for p in (path, line) if p is not None) + ": "
    return [Problem(message.removeprefix(prefix), path=path, line=line)]


def validate_file(path: Path) -> dict[str, Any]:
    """Load one file the engine's way and lint it: a result with errors and warnings."""
    name = str(path)
    result: dict[str, Any] = {"path": name, "errors": [], "warnings": []}
    try:
        model, parsed, _ = read_ruleset(path)
        lines = {r.id: parsed.line_of(("rules", i)) or 0 for i, r in enumerate(model.rules)}
        compiled = compile_ruleset(model, content=parsed.content, source=name, lines=lines)
        check_ruleset(compiled)
    except RulesetError as exc:
        result["errors"] = _error_problems(exc, name)
        return result
    result["ruleset"] = compiled.name
    result["revision"] = compiled.revision
    result["rules"] = len(compiled.rules)
    result["warnings"] = lint_ruleset(compiled, model, parsed=parsed)
    return result


def _line(problem: Problem, severity: str) -> str:
    where = ":".join(str(p) for p in (problem.path, problem.line) if p is not None)
    about = []
    if problem.rule_id:
        about.append(f"rule {problem.rule_id!r}")
    if problem.field:
        about.append(f"field {problem.field!r}")
    head = f"{where}: {severity}: " + (", ".join(about) + ": " if about else "")
    hint = f" (did you mean {problem.hint!r}?)" if problem.hint else ""
    return head + problem.message + hint


def _as_json(problem: Problem) -> dict[str, Any]:
    return {
        "line": problem.line,
        "rule_id": problem.rule_id,
        "field": problem.field,
        "message": problem.message,
        "hint": problem.hint,
    }


def run(args: argparse.Namespace) -> int:
    """Validate every file; 0 when all are valid, 2 otherwise."""
    files = _expand(args.paths)
    if not files:
        print("no ruleset files (*.yaml, *.yml) in " + ", ".join(map(str, args.paths)))
        return 2
    results = [validate_file(path) for path in files]
    failed = False
    for result in results:
        result["valid"] = not result["errors"] and not (args.strict and result["warnings"])
        failed = failed or not result["valid"]
    if args.format == "json":
        for result in results:
            result["errors"] = [_as_json(p) for p in result["errors"]]
            result["warnings"] = [_as_json(p) for p in result["warnings"]]
        json.dump(results, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 2 if failed else 0
    for result in results:
        for problem in result["errors"]:
            print(_line(problem, "error"))
        for problem in result["warnings"]:
            print(_line(problem, "warning"))
        if not result["errors"]:
            status = "ok" if result["valid"] else "failed (--strict: warnings count)"
            print(
                f"{result['path']}: {status}: ruleset {result['ruleset']!r} "
                f"revision {result['revision']}, {result['rules']} rules, "
                f"{len(result['warnings'])} warnings"
            )
    return 2 if failed else 0
