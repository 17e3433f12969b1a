"""Count instructions under callgrind for one stretch of a benchmark only.

Run the benchmark under ``valgrind --tool=callgrind --instr-atstart=no``; the
``counted()`` block switches collection on for this process and off again, so
set-up (imports, regex compilation, warm-up) is left out of valgrind's
"Collected" total.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


def callgrind_control() -> str:
    """The ``callgrind_control`` executable, or exit with what to install."""
    control = shutil.which("callgrind_control")
    if control is None:
        raise SystemExit("callgrind_control not found: install valgrind")
    return control


@contextmanager
def counted(control: str) -> Iterator[None]:
    """Collect instructions only inside the block (after a full collection)."""
    pid = str(os.getpid())
    gc.collect()
    subprocess.run([control, "-i", "on", pid], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run([control, "-i", "off", pid], check=True, capture_output=True)
