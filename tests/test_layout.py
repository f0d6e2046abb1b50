"""The house rules that keep the code easy to find one's way in (see docs/architecture.md):
every sub-package says what it holds, no module is over 400 lines, no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("models", "gui")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def test_the_scan_sees_every_sub_package() -> None:
    folders = {p.parent.relative_to(ROOT).as_posix() for p in _modules()}
    assert {"models/core", "models/workbook/importing", "gui/views/compare"} <= folders


@pytest.mark.parametrize("package", sorted({p.parent for p in _modules()}),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_package_says_what_it_holds(package: Path) -> None:
    init = package / "__init__.py"
    assert init.exists(), f"{package} has no __init__.py"
    assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), \
        f"{init.relative_to(ROOT)} has no docstring saying what the package holds"


def test_no_module_is_over_400_lines() -> None:
    long = [f"{p.relative_to(ROOT)}: {n} lines" for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, "split these by noun:\n" + "\n".join(long)


def test_no_function_is_over_60_lines() -> None:
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {size}")
    assert not long, "split these into small helpers:\n" + "\n".join(long)
