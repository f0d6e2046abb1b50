"""A small framework written out by hand, for tests of versions and differences."""

from __future__ import annotations


def criterion(cid: str, weight: float = 1.0) -> dict:
    return {"id": cid, "name": {"en": cid.title(), "zh_CN": f"标准 {cid}"},
            "question": {"en": f"How is {cid}?"},
            "rubric": [{"en": f"Level {i}"} for i in range(1, 6)],
            "direction": "benefit", "weight": weight, "source": [1]}


def small() -> dict:
    """A two-pillar framework written out by hand."""
    return {
        "id": "test.small", "version": "1.2.3", "name": {"en": "Small"},
        "description": {"en": "A small framework."}, "source": {"en": "Hand-made."},
        "pillars": [
            {"id": "alpha", "name": {"en": "Alpha"}, "description": {"en": "First."},
             "direction": "benefit", "source": [1],
             "criteria": [criterion("alpha.one"), criterion("alpha.two")]},
            {"id": "beta", "name": {"en": "Beta"}, "description": {"en": "Second."},
             "direction": "cost", "source": [2], "criteria": [criterion("beta.one")]},
        ],
        "deal_breakers": [{"id": "weak_alpha", "name": {"en": "Weak alpha"},
                           "description": {"en": "Alpha is weak."},
                           "when": [{"ref": "pillar:alpha", "op": "<", "value": 30}]}],
    }
