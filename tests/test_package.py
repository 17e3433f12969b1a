"""The package's public surface: exports stay sorted and importing has no side effects."""

from __future__ import annotations

import subprocess
import sys

import intimacy_rules


def test_all_is_sorted_and_complete() -> None:
    names = intimacy_rules.__all__
    assert list(names) == sorted(names)
    for name in names:
        assert hasattr(intimacy_rules, name), name


def test_import_reads_no_environment_and_opens_nothing() -> None:
    code = (
        "import os, sys, builtins\n"
        "opened = []\n"
        "real_open = builtins.open\n"
        "def spy(*a, **k):\n"
        "    opened.append(a[0])\n"
        "    return real_open(*a, **k)\n"
        "builtins.open = spy\n"
        "import threading\n"
        "before = threading.active_count()\n"
        "import intimacy_rules, intimacy_rules.adapters, intimacy_rules.rulesets\n"
        "assert threading.active_count() == before, 'import started a thread'\n"
        "assert not opened, opened\n"
        "assert 'durable' not in sys.modules, 'import loaded the rules core'\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
