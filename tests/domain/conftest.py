"""Fixtures shared by the domain tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample portfolio written by ``beachhead sample``, once per test module."""
    from models.cli import main as cli

    p = tmp_path_factory.mktemp("sample") / "sample.beachhead"
    assert cli.main(["sample", "-o", str(p)]) == 0
    return p
