"""setuptools' entry point; everything but the compiled modules is in pyproject.toml.

Built through build_support/mypyc_build.py (the ``[build-system]`` backend),
which decides whether ``extensions()`` is empty (pure Python, the default) or
the mypyc build of the analysis modules (``INTIMACY_RULES_COMPILE=1``).
"""

import sys
from pathlib import Path

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent / "build_support"))

from mypyc_build import extensions

setup(ext_modules=extensions())
