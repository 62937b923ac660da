"""The layers of the house (docs/ARCHITECTURE.md, .importlinter): core imports no app,
organisation only core, registry organisation and core, recognition registry, reporting and
reminders sit on top, beside each other. Checked by import-linter, on the code as it is and on a
copy where one module imports a layer above it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ["brightspots", "core", "organisation", "registry", "recognition", "reporting"]
PACKAGES += ["reminders", "demo"]


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    command = Path(sys.executable).with_name("lint-imports")
    if not command.exists():
        pytest.fail("import-linter is not installed (requirements.txt)")
    return subprocess.run(  # noqa: S603
        [str(command), "--no-cache", "--config", str(folder / ".importlinter")],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_of_the_code(destination: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            destination / package,
            ignore=shutil.ignore_patterns("*.pyc", "__pycache__", "locale", "static", "templates"),
        )
    shutil.copy(ROOT / ".importlinter", destination / ".importlinter")
    return destination


def test_every_app_imports_only_the_layers_below_it():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    copy = copy_of_the_code(tmp_path)
    # The shared CSV helper reaching up for a feature's model: the kind of shortcut the layers
    # forbid (core must know no feature).
    csv_module = copy / "core" / "csv.py"
    csv_module.write_text(csv_module.read_text() + "\nfrom registry.models import BrightSpot\n")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "core is not allowed to import registry" in result.stdout
    assert "core.csv -> registry.models" in result.stdout


def test_a_feature_importing_a_sibling_breaks_the_contract(tmp_path):
    copy = copy_of_the_code(tmp_path)
    views = copy / "reminders" / "views.py"
    views.write_text(views.read_text() + "\nfrom reporting.models import Export\n")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "reminders is not allowed to import reporting" in result.stdout
