"""The server is an optional extra: importing stays cheap, a missing extra says what to install."""

from __future__ import annotations

import subprocess
import sys

INSTALL = "pip install 'intimacy-rules[server]'"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_importing_the_package_and_the_server_package_imports_no_web_framework() -> None:
    result = _run(
        "import sys\n"
        "import intimacy_rules, intimacy_rules.server, intimacy_rules.server.services\n"
        "import intimacy_rules.delivery.retry\n"
        "assert 'fastapi' not in sys.modules and 'uvicorn' not in sys.modules, 'imported'\n"
        "print('clean')\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"


def test_create_app_without_the_extra_names_the_install_command() -> None:
    result = _run(
        "import sys\n"
        "sys.modules['fastapi'] = None\n"
        "from intimacy_rules.errors import ConfigurationError\n"
        "from intimacy_rules.server import create_app\n"
        "try:\n"
        "    create_app()\n"
        "except ConfigurationError as exc:\n"
        "    print(exc)\n"
    )
    assert result.returncode == 0, result.stderr
    assert INSTALL in result.stdout


def test_serve_without_the_extra_exits_2_naming_the_install_command() -> None:
    result = _run(
        "import sys\n"
        "sys.modules['uvicorn'] = None\n"
        "from intimacy_rules.cli.main import main\n"
        "sys.exit(main(['serve', '--port', '0']))\n"
    )
    assert result.returncode == 2
    assert INSTALL in result.stderr
