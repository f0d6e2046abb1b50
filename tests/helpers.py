"""Small builders shared by the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.core.framework import Framework

if TYPE_CHECKING:
    import pytest


def t(s: str) -> dict[str, str]:
    return {"en": s}


def crit(cid: str, direction: str = "benefit", weight: float = 1.0) -> dict:
    return {
        "id": cid, "name": t(cid), "question": t(f"{cid}?"),
        "rubric": [t(f"level {i}") for i in range(1, 6)],
        "direction": direction, "weight": weight, "source": [5],
    }


def tiny_framework(**overrides) -> Framework:
    """Two pillars: a (benefit, weight 2: a.x w1, a.y w3) and b (cost, weight 1: b.z, b.w)."""
    data = {
        "id": "test.tiny", "version": "1", "name": t("Tiny"), "description": t("Tiny"),
        "source": t("Test"),
        "pillars": [
            {"id": "a", "name": t("Alpha"), "description": t("A"), "direction": "benefit",
             "weight": 2.0, "source": [5],
             "criteria": [crit("a.x", weight=1.0), crit("a.y", weight=3.0)]},
            {"id": "b", "name": t("Beta"), "description": t("B"), "direction": "cost",
             "weight": 1.0, "source": [4],
             "criteria": [crit("b.z", "cost"), crit("b.w", "cost")]},
        ],
        "postures": [
            {"id": "strong_a", "name": t("Strong alpha"), "description": t("d"), "kind": "strategy",
             "when": [{"ref": "pillar:a", "op": ">=", "value": 75},
                      {"ref": "criterion:b.z", "op": "<=", "value": 2}]},
        ],
        "deal_breakers": [
            {"id": "fatal_w", "name": t("Fatal w"), "description": t("d"),
             "when": [{"ref": "criterion:b.w", "op": ">=", "value": 5}]},
        ],
        "scenarios": [
            {"id": "squeeze", "name": t("Squeeze"), "description": t("d"),
             "shifts": {"b.z": 2, "a.x": -1}},
        ],
    }
    data.update(overrides)
    return Framework.model_validate(data)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command line with ``args``; returns its exit status, stdout and stderr."""
    from models.cli import main as cli

    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
