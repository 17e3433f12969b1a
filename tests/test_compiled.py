"""The opt-in mypyc build: its registry, its build hooks, and that CI really tests it.

With ``INTIMACY_RULES_EXPECT_COMPILED=1`` (CI's Python 3.13 run, installed with
``INTIMACY_RULES_COMPILE=1``) every module of the registry must be imported
from an extension module, so a build that quietly came out pure Python cannot
pass for the compiled one.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
from pathlib import Path

import pytest

from build_support import mypyc_build

ROOT = Path(__file__).resolve().parents[1]
ANALYSIS = ROOT / "intimacy_rules" / "analysis"
EXPECT_COMPILED = os.environ.get("INTIMACY_RULES_EXPECT_COMPILED") == "1"
# Stay Python: pydantic models, the analyzer that builds them, the lazy package.
NOT_COMPILED = {"__init__", "analyzer", "models"}


def _is_extension(path: str | None) -> bool:
    return path is not None and path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def _module(name: str) -> object:
    return importlib.import_module(f"intimacy_rules.analysis.{name}")


def test_registry_names_every_analysis_module_but_the_pydantic_ones() -> None:
    registry = mypyc_build.COMPILED_MODULES
    assert list(registry) == sorted(set(registry))
    sources = {path.stem for path in ANALYSIS.glob("*.py")}
    assert set(registry) == sources - NOT_COMPILED, "add a new analysis module to the registry"


@pytest.mark.skipif(not EXPECT_COMPILED, reason="INTIMACY_RULES_EXPECT_COMPILED is not 1")
@pytest.mark.parametrize("name", mypyc_build.COMPILED_MODULES)
def test_expected_compiled_module_is_an_extension(name: str) -> None:
    path = getattr(_module(name), "__file__", None)
    assert _is_extension(path), (
        f"intimacy_rules.analysis.{name} was imported from {path}; install with "
        "INTIMACY_RULES_COMPILE=1 (and a C compiler) to test the compiled build"
    )


@pytest.mark.parametrize("name", sorted(NOT_COMPILED))
def test_pydantic_side_stays_python(name: str) -> None:
    path = getattr(_module(name), "__file__", None)
    assert path is not None
    assert path.endswith(".py")


@pytest.mark.parametrize("name", mypyc_build.COMPILED_MODULES)
def test_in_place_extension_is_not_older_than_its_source(name: str) -> None:
    """An editable install's ``.so`` shadows its ``.py``: an edit needs a rebuild."""
    path = getattr(_module(name), "__file__", None)
    if not _is_extension(path):
        pytest.skip("pure Python")
    assert path is not None
    source = ANALYSIS / f"{name}.py"
    if Path(path).parent != source.parent:
        pytest.skip("installed from a wheel, not in place")
    assert source.stat().st_mtime <= Path(path).stat().st_mtime, (
        f"{source.name} changed after it was compiled: reinstall with "
        "INTIMACY_RULES_COMPILE=1, or delete the .so files for pure Python (docs/analyzer.md)"
    )


@pytest.mark.parametrize(
    ("value", "expected"), [(None, False), ("", False), ("0", False), ("1", True)]
)
def test_compile_is_asked_for_with_1_only(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: bool
) -> None:
    if value is None:
        monkeypatch.delenv(mypyc_build.COMPILE_ENV, raising=False)
    else:
        monkeypatch.setenv(mypyc_build.COMPILE_ENV, value)
    assert mypyc_build.compile_requested() is expected


def test_another_value_is_an_error_not_a_silent_pure_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(mypyc_build.COMPILE_ENV, "yes")
    with pytest.raises(mypyc_build.CompileError, match="must be 1 or 0"):
        mypyc_build.compile_requested()


class _FakeSetuptools:
    @staticmethod
    def get_requires_for_build_wheel(config_settings: object = None) -> list[str]:
        return ["wheel-only"]

    @staticmethod
    def get_requires_for_build_editable(config_settings: object = None) -> list[str]:
        return ["editable-only"]


@pytest.mark.parametrize("compile_", [False, True])
def test_mypy_is_a_build_requirement_only_when_compiling(
    monkeypatch: pytest.MonkeyPatch, compile_: bool
) -> None:
    monkeypatch.setattr(mypyc_build, "_setuptools", lambda: _FakeSetuptools)
    monkeypatch.setenv(mypyc_build.COMPILE_ENV, "1" if compile_ else "0")
    extra = [mypyc_build.MYPY_REQUIREMENT] if compile_ else []
    assert mypyc_build.get_requires_for_build_wheel() == ["wheel-only", *extra]
    assert mypyc_build.get_requires_for_build_editable() == ["editable-only", *extra]


def test_metadata_and_sdist_hooks_compile_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # setup.py runs for every hook; only build_wheel and build_editable set the flag.
    monkeypatch.setenv(mypyc_build.COMPILE_ENV, "1")
    monkeypatch.setattr(mypyc_build, "_building", False)
    assert mypyc_build.extensions() == []
