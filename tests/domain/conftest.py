"""Fixtures shared by the domain tests: the sample file, a fresh workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.store.workspace import Workspace


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample portfolio written by ``beachhead sample``, once per test module."""
    from models.cli import main as cli

    p = tmp_path_factory.mktemp("sample") / "sample.beachhead"
    assert cli.main(["sample", "-o", str(p)]) == 0
    return p


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A new workspace in ``tmp_path`` holding the rich portfolio
    (:func:`tests.domain.test_store_workspace.rich_portfolio`), closed after the test."""
    from tests.domain.test_store_workspace import make

    with make(tmp_path) as w:
        yield w
