"""STYLE: views get objects through access helpers, never straight from a model manager.

A view that fetched `Model.objects.get(pk=…)` itself would skip the scope check of R30.
"""

import ast
from pathlib import Path

from django.conf import settings

APPS = ["brightspots", "registry", "recognition", "reporting", "reminders"]


def view_modules():
    for app in APPS:
        root = Path(settings.BASE_DIR) / app
        yield from root.glob("views.py")
        yield from root.glob("views/*.py")


def manager_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    return [
        f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in {"objects", "_default_manager"}
    ]


def test_no_view_reaches_a_model_manager():
    found = [hit for path in view_modules() for hit in manager_uses(path)]
    assert not found, f"use an access helper from selectors.py instead: {found}"


def test_the_scan_sees_views():
    assert any(True for _ in view_modules())
