"""Importing the rules package loads no rules core and starts nothing."""

from __future__ import annotations

import subprocess
import sys


def test_importing_every_rules_module_leaves_the_rules_core_unloaded() -> None:
    code = (
        "import sys, threading\n"
        "before = threading.active_count()\n"
        "import intimacy_rules.rules.matcher, intimacy_rules.rules.loader\n"
        "import intimacy_rules.rules.lint, intimacy_rules.rules.resolve\n"
        "import intimacy_rules.rules.schema, intimacy_rules.cli.validate_command\n"
        "assert 'durable_rules_engine' not in sys.modules, 'the C core was loaded'\n"
        "assert not any(m == 'durable' or m.startswith('durable.') for m in sys.modules)\n"
        "assert threading.active_count() == before, 'a thread was started'\n"
        "from intimacy_rules.rules.loader import load_default_ruleset\n"
        "from intimacy_rules.rules.matcher import DurableMatcher\n"
        "DurableMatcher(load_default_ruleset('dating'))\n"
        "assert threading.active_count() == before, 'the matcher started a thread'\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
