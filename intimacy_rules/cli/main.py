"""Entry point of the ``intimacy-rules`` command: an explicit registry of subcommands.

Each subcommand lives in its own module with two functions::

    def configure(parser: argparse.ArgumentParser) -> None: ...   # add arguments
    def run(args: argparse.Namespace) -> int: ...                  # exit status

Modules are imported only when their command runs, so ``--help`` is fast and a
command whose optional extra is not installed fails alone, with a clear message.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol, cast

from intimacy_rules.errors import IntimacyRulesError

__all__ = ["COMMANDS", "main"]


class Command(NamedTuple):
    """A registered subcommand: the module that implements it and a one-line help."""

    module: str
    help: str


class _CommandModule(Protocol):
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {
    "analyze": Command(
        "intimacy_rules.cli.analyze_command",
        "analyse messages (JSON Lines on stdin, --text, or --conversation FILE...)",
    ),
    "validate": Command(
        "intimacy_rules.cli.validate_command",
        "check ruleset files: errors with file, line and rule (exit 2), lint warnings",
    ),
    "schema": Command(
        "intimacy_rules.cli.schema_command",
        "print the JSON Schema of ruleset files, for editors",
    ),
    "test": Command(
        "intimacy_rules.cli.test_command",
        "run ruleset test files (exit 0 all pass, 1 a case fails, 2 a file cannot run)",
    ),
    "explain": Command(
        "intimacy_rules.cli.explain_command",
        "show, for one message, the analysis, the facts and why each rule fired or not",
    ),
    "serve": Command(
        "intimacy_rules.cli.serve_command",
        "run the webhook server (SQLite under --data-dir by default; prints a curl to try)",
    ),
    "worker": Command(
        "intimacy_rules.cli.worker_command",
        "deliver callbacks from the outbox in its own process",
    ),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intimacy-rules",
        description="Judge chat messages against the criteria of emotional intimacy.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        sub.add_parser(name, help=command.help, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in COMMANDS:
        _parser().parse_args(args_list)  # prints usage or help and exits
        return 2
    name, rest = args_list[0], args_list[1:]
    module = cast(_CommandModule, importlib.import_module(COMMANDS[name].module))
    parser = argparse.ArgumentParser(prog=f"intimacy-rules {name}", description=COMMANDS[name].help)
    module.configure(parser)
    args = parser.parse_args(rest)
    try:
        return module.run(args)
    except IntimacyRulesError as exc:
        print(f"intimacy-rules {name}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as a tool killed by
        # SIGPIPE would, and keep the interpreter's final flush from raising
        # the same error again on the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 128 + 13  # 128 + SIGPIPE, what a shell shows for a piped-away tool


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
