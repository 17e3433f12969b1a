"""The command line as a shell runs it: exit statuses and closed pipes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_output_piped_into_a_reader_that_goes_away_stops_quietly() -> None:
    # ``intimacy-rules explain ... | head -3``: the reader closes the pipe
    # before the command has written. Closing the read end before the child
    # has even imported the package makes its first write fail every time.
    proc = subprocess.Popen(
        [sys.executable, "-m", "intimacy_rules.cli.main", "explain", "--text", "I miss you."],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
