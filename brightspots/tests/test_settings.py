"""Start-up refuses a bad configuration with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start(**env):
    """Run `manage.py check` in a clean process with these variables."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}}
    clean.update(SECRET_KEY="x" * 60, **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("DATABASE_URL", "mysql2://nowhere"),
        ("DATABASE_URL", "postgres://"),
        ("REDIS_URL", "localhost:6379"),
        ("EMAIL_PORT", "twenty-five"),
        ("HTTPS", "sometimes"),
    ],
)
def test_bad_value_stops_startup_naming_the_variable(variable, value):
    result = start(**{variable: value})
    assert result.returncode != 0
    assert f"Configuration error: {variable}=" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_secret_key_is_refused():
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_defaults_give_embedded_mode():
    result = start()
    assert result.returncode == 0, result.stderr
