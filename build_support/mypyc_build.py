"""The build backend: setuptools, plus an opt-in mypyc build of the analysis modules.

``pip install .``, ``pip install -e .`` and ``python -m build`` go through
here (``[build-system]`` in pyproject.toml). Without ``INTIMACY_RULES_COMPILE``
they are setuptools' own hooks, and the build is pure Python. With
``INTIMACY_RULES_COMPILE=1``:

- the wheel and editable hooks ask the frontend for ``MYPY_REQUIREMENT`` on
  top of setuptools, so mypy is needed only by whoever asks for compilation;
- ``build_wheel`` and ``build_editable`` compile the modules of
  ``COMPILED_MODULES`` with mypyc (setup.py passes ``extensions()`` to
  setuptools). A type error or a C compiler error fails the build: it never
  falls back to pure Python.

The metadata hooks and the sdist never compile (they run setup.py too, and
need no C). An editable install builds the extension modules in place, next
to their ``.py`` files, and an extension module is imported before its source:
after editing a compiled module, build again or delete the ``.so`` files
(docs/analyzer.md, "The compiled build").
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from setuptools import Extension

__all__ = [
    "COMPILED_MODULES",
    "COMPILE_ENV",
    "MYPY_REQUIREMENT",
    "build_editable",
    "build_sdist",
    "build_wheel",
    "compile_requested",
    "extensions",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "prepare_metadata_for_build_wheel",
]

COMPILE_ENV = "INTIMACY_RULES_COMPILE"
# The mypy whose mypyc the compiled build is tested with (suite and
# benchmarks/detector_equivalence.py against pure Python).
MYPY_REQUIREMENT = "mypy>=2.4.1"

# The modules of intimacy_rules.analysis that are compiled, one registry. Left
# out: models (pydantic classes), analyzer (builds the pydantic models) and
# __init__ (lazy attributes); they stay Python and import the compiled ones.
COMPILED_MODULES: tuple[str, ...] = (
    "advice_patterns",
    "advice_score",
    "anchors",
    "closeness_patterns",
    "contempt_patterns",
    "control_patterns",
    "crisis_patterns",
    "cue_prefixes",
    "cue_rules",
    "expressed",
    "facts",
    "feelings",
    "flag_patterns",
    "flags",
    "language",
    "level",
    "lexicon",
    "logistics",
    "patterns",
    "safety",
    "safety_patterns",
    "scan",
    "sexual_pressure_patterns",
    "targets",
    "text",
    "thought",
    "threat_patterns",
    "vocabulary",
    "word_classes",
)

# All compiled modules share one library, the top-level module
# intimacy_rules__mypyc (unnamed, mypyc would call it <hash>__mypyc). It must be
# top-level: a compiled module that another one imports first gets a __file__
# derived as if the library sat above the package tree.
_GROUP = "intimacy_rules"
_MYPY_CONFIG = Path(__file__).resolve().parent / "mypyc.ini"

# Set by the two hooks that build; setup.py runs in the same process.
_building = False


class CompileError(RuntimeError):
    """Compilation was asked for and cannot be done (a build-time error only)."""


def compile_requested() -> bool:
    """Whether ``INTIMACY_RULES_COMPILE`` asks for the mypyc build ("1"; "0" or unset: no)."""
    value = os.environ.get(COMPILE_ENV, "").strip()
    if value in ("", "0"):
        return False
    if value == "1":
        return True
    raise CompileError(f"{COMPILE_ENV} must be 1 or 0, not {value!r}")


def extensions() -> list[Extension]:
    """The mypyc extension modules for setup.py: none unless a wheel build asked for them."""
    if not (_building and compile_requested()):
        return []
    try:
        from mypyc.build import mypycify  # noqa: PLC0415  (only the compiled build needs mypy)
    except ImportError as exc:
        raise CompileError(
            f"{COMPILE_ENV}=1 needs {MYPY_REQUIREMENT} in the build environment "
            "(with --no-build-isolation, install it first)"
        ) from exc
    paths = [f"intimacy_rules/analysis/{name}.py" for name in COMPILED_MODULES]
    return mypycify(["--config-file", str(_MYPY_CONFIG), *paths], opt_level="3", group_name=_GROUP)


def _setuptools() -> Any:
    # Imported by the hooks only: the tests read this module where setuptools
    # is not installed (a Python 3.12+ venv has none).
    from setuptools import build_meta  # noqa: PLC0415

    return build_meta


def _with_mypy(requires: list[str]) -> list[str]:
    return [*requires, MYPY_REQUIREMENT] if compile_requested() else requires


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' requirements, and mypy when compiling."""
    return _with_mypy(list(_setuptools().get_requires_for_build_wheel(config_settings)))


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' requirements, and mypy when compiling."""
    return _with_mypy(list(_setuptools().get_requires_for_build_editable(config_settings)))


def get_requires_for_build_sdist(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' requirements (an sdist compiles nothing)."""
    return list(_setuptools().get_requires_for_build_sdist(config_settings))


def prepare_metadata_for_build_wheel(
    metadata_directory: str, config_settings: dict[str, Any] | None = None
) -> str:
    """setuptools' metadata (the same with and without compilation)."""
    return str(_setuptools().prepare_metadata_for_build_wheel(metadata_directory, config_settings))


def prepare_metadata_for_build_editable(
    metadata_directory: str, config_settings: dict[str, Any] | None = None
) -> str:
    """setuptools' metadata (the same with and without compilation)."""
    return str(
        _setuptools().prepare_metadata_for_build_editable(metadata_directory, config_settings)
    )


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    """setuptools' sdist, with setup.py and build_support/ (MANIFEST.in)."""
    return str(_setuptools().build_sdist(sdist_directory, config_settings))


def build_wheel(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    """setuptools' wheel, with the compiled modules when asked for."""
    global _building  # noqa: PLW0603  (read by setup.py, run by setuptools below)
    _building = True
    return str(_setuptools().build_wheel(wheel_directory, config_settings, metadata_directory))


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    """setuptools' editable wheel; compiled modules are built next to their sources."""
    global _building  # noqa: PLW0603
    _building = True
    return str(_setuptools().build_editable(wheel_directory, config_settings, metadata_directory))
