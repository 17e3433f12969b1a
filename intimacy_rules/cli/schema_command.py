"""``intimacy-rules schema``: print the JSON Schema of ruleset files.

Save it next to your rulesets and point your editor's YAML language server at
it (``# yaml-language-server: $schema=./ruleset.schema.json``) to get
completion of keys, operators and fact field names while writing a ruleset.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from intimacy_rules.rules.schema import ruleset_json_schema

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output"
    )


def run(args: argparse.Namespace) -> int:
    """Print (or write) the schema; always 0."""
    text = json.dumps(ruleset_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0
