"""Weights are relative: what counts is each pillar's share of the enabled pillars' total and
each criterion's share of its pillar's total."""

from __future__ import annotations

from models.core.framework import Framework, Pillar


def pillar_shares(framework: Framework) -> dict[str, float]:
    """Each pillar's share (0–1) of the total weight of the enabled pillars; 0 when off."""
    total = sum(p.weight for p in framework.pillars if p.enabled)
    return {p.id: (p.weight / total if p.enabled else 0.0) for p in framework.pillars}


def criterion_shares(pillar: Pillar) -> dict[str, float]:
    """Each criterion's share (0–1) of its pillar's total criterion weight."""
    total = sum(c.weight for c in pillar.criteria)
    return {c.id: c.weight / total for c in pillar.criteria}
