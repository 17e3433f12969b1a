"""The distribution as users get it: a real wheel, installed in a fresh virtual environment."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _source_packages() -> set[str]:
    """Every directory with an ``__init__.py``, named as it is installed."""
    found: set[str] = set()
    for base, prefix in (
        ("intimacy_rules", "intimacy_rules"),
        ("adapters", "intimacy_rules.adapters"),
        ("rulesets", "intimacy_rules.rulesets"),
    ):
        for init in (ROOT / base).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / base).parts
            found.add(".".join((prefix, *rel)))
    return found


def test_every_source_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    missing = _source_packages() - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


@pytest.mark.slow
def test_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("intimacy_rules-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/", 1)[0] for name in names}
    assert top_level == {
        "intimacy_rules",
        wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info",
    }
    assert "intimacy_rules/py.typed" in names
    assert "intimacy_rules/adapters/__init__.py" in names
    assert any(n.startswith("intimacy_rules/rulesets/") and n.endswith(".yaml") for n in names)

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    probe = (
        "import importlib.util, intimacy_rules, intimacy_rules.adapters\n"
        "from importlib.resources import files\n"
        "assert importlib.util.find_spec('adapters') is None, 'bare adapters installed'\n"
        "yamls = [p.name for p in files('intimacy_rules.rulesets').iterdir()"
        " if p.name.endswith('.yaml')]\n"
        "assert yamls, 'no default rulesets in the wheel'\n"
        "print(intimacy_rules.__version__)\n"
    )
    result = subprocess.run(
        [str(python), "-c", probe], check=False, capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == intimacy_rules_version()

    cli = subprocess.run(
        [str(env_dir / "bin" / "intimacy-rules"), "analyze"],
        input='{"id": "w1", "text": "I feel close to you right now."}\n',
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert cli.returncode == 0, cli.stderr
    (line,) = cli.stdout.splitlines()
    out = json.loads(line)
    assert out["id"] == "w1"
    assert out["level"] == 4


def intimacy_rules_version() -> str:
    import intimacy_rules

    return intimacy_rules.__version__
