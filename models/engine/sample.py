"""The bundled sample portfolio and seeded synthetic portfolios for demos and benchmarks.

The sample (``resources/samples/sample.json``) holds eight invented startups, one per archetype
the article discusses (¶4–¶6): companionship app, ad-funded general chatbot, model-API
provider, video-generation lab, AI-earphone maker, industry integrator, regulated vertical agent
and a well-funded model lab biding its time. No real company is scored. Four of them carry
decisions, so a first look shows the statuses: the integrator was invested in (after screening
and diligence), the regulated agent is in committee, the chatbot was passed and the video lab
is in screening; the others have none yet.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from models.core.framework import Framework
from models.core.portfolio import CONFIDENCES, Portfolio
from models.files.framework_file import default_framework

SAMPLE_RESOURCE = "sample.json"


def sample_portfolio(framework: Framework | None = None) -> Portfolio:
    """The bundled sample portfolio, under ``framework`` (default: the shipped framework)."""
    fw = framework or default_framework()
    ref = resources.files("resources.samples").joinpath(SAMPLE_RESOURCE)
    data = json.loads(ref.read_text(encoding="utf-8"))
    return Portfolio.model_validate({"framework": fw.model_dump(mode="json"), **data})


# Typical levels per archetype for synthetic data: criterion id → mean level (others 3).
_ARCHETYPES: dict[str, dict[str, float]] = {
    "companionship app": {
        "niche.segment_focus": 4.3, "press.segment_attention": 2.0, "niche.customer_depth": 3.6,
        "eco.distribution_independence": 2.8, "press.traffic_cost": 3.5,
    },
    "general chatbot": {
        "niche.segment_focus": 1.5, "press.product_overlap": 4.7, "press.traffic_cost": 4.6,
        "eco.distribution_independence": 1.6, "press.segment_attention": 4.6,
    },
    "model API": {
        "press.price_pressure": 4.6, "tech.threshold": 2.2, "eco.allies": 3.4,
        "press.product_overlap": 3.4, "cap.runway": 2.4,
    },
    "video generation": {
        "tech.threshold": 4.2, "tech.disruption": 4.3, "tech.rd_efficiency": 2.0,
        "press.segment_attention": 4.6, "cap.backing": 3.6,
    },
    "AI hardware": {
        "eco.new_ecosystem": 4.6, "eco.distribution_independence": 3.8, "tech.disruption": 3.8,
        "press.latent_entrant": 3.4,
    },
    "industry integrator": {
        "niche.dirty_work": 4.7, "niche.customer_depth": 4.2, "niche.segment_focus": 3.8,
        "press.segment_attention": 2.2, "press.price_pressure": 2.4, "tech.disruption": 2.3,
    },
    "regulated vertical agent": {
        "niche.segment_focus": 4.5, "niche.dirty_work": 4.0, "niche.customer_depth": 3.8,
        "press.product_overlap": 1.8, "press.latent_entrant": 2.4,
    },
}
_SYLLABLES = ["ar", "bel", "cor", "da", "el", "fen", "gal", "hex", "io", "jun", "kai", "lum",
              "mo", "nor", "or", "pal", "qi", "ren", "sol", "tor", "ul", "ven", "wen", "xi",
              "yar", "zen"]
_SUFFIXES = ["AI", "Labs", "Intelligence", "Works", "Systems", "Tech", "Mind", "Robotics"]
_CN_NAMES = ["星澜", "云启", "墨言", "青禾", "知微", "远帆", "灵犀", "听松"]
_STAGES = ["Seed", "Angel", "Series A", "Series B", "Series C"]
_REGIONS = ["Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Guangzhou", "Chengdu", "Singapore"]
_ASSESSORS = ["Priya Raman", "Chen Jing", "Tomás Alves", "Zhao Lei", "Hannah Berg", "Wang Fang"]
_RATIONALES = [
    "Level {level}: {name} judged from the pitch deck and {n} customer calls.",
    "Level {level}: based on {n} months of operating data shared in the data room.",
    "Level {level}: partner discussion; {n} reference checks support it.",
    "等级 {level}：依据 {n} 次客户访谈与财务数据判断。",
]
_FIRST_DAY = dt.date(2024, 1, 1)


def synthetic_portfolio(
    size: int, seed: int = 0, framework: Framework | None = None
) -> Portfolio:
    """``size`` invented startups with one fully scored investor assessment each.

    Seeded and deterministic: the same ``size`` and ``seed`` always give the same portfolio.
    Levels are drawn around an archetype's typical profile (±1 noise, clamped to 1–5); about
    one startup in eight gets a Chinese name.

    Raises:
        ValueError: ``size`` is negative.
    """
    if size < 0:
        raise ValueError("size must be zero or more")
    fw = framework or default_framework()
    draws = _Draws.of(np.random.default_rng(seed), size, fw)
    crit_names = [c.name["en"] for c in fw.criteria]
    startups = [_startup(i, draws, fw, crit_names) for i in range(size)]
    return Portfolio.model_validate({"framework": fw.model_dump(mode="json"),
                                     "startups": startups})


@dataclass(frozen=True)
class _Draws:
    """Every random choice of a synthetic portfolio: one row per startup (and one column per
    criterion for ``levels``, ``confidence``, ``rationale`` and ``numbers``)."""

    archetype: np.ndarray
    levels: np.ndarray
    confidence: np.ndarray
    rationale: np.ndarray
    numbers: np.ndarray
    syllables: np.ndarray
    suffix: np.ndarray
    chinese: np.ndarray
    stage: np.ndarray
    region: np.ndarray
    assessor: np.ndarray
    day: np.ndarray

    @classmethod
    def of(cls, rng: np.random.Generator, size: int, fw: Framework) -> _Draws:
        """Draw from ``rng`` in a fixed order (the order is what keeps a seed's portfolio)."""
        m = len(fw.criteria)
        means = np.full((len(_ARCHETYPES), m), 3.0)
        for a, profile in enumerate(_ARCHETYPES.values()):
            for cid, mean in profile.items():
                means[a, fw.criterion_index[cid]] = mean
        archetype = rng.integers(0, len(_ARCHETYPES), size)
        levels = np.clip(np.rint(means[archetype] + rng.normal(0.0, 0.8, (size, m))), 1, 5)
        confidence = rng.integers(0, len(CONFIDENCES), (size, m))
        rationale = rng.integers(0, len(_RATIONALES), (size, m))
        numbers = rng.integers(2, 24, (size, m))
        syllables = rng.integers(0, len(_SYLLABLES), (size, 2))
        suffix = rng.integers(0, len(_SUFFIXES), size)
        chinese = rng.random(size) < 0.125
        stage = rng.integers(0, len(_STAGES), size)
        region = rng.integers(0, len(_REGIONS), size)
        assessor = rng.integers(0, len(_ASSESSORS), size)
        day = rng.integers(0, 365, size)
        return cls(archetype, levels, confidence, rationale, numbers, syllables, suffix, chinese,
                   stage, region, assessor, day)


def _startup(i: int, d: _Draws, fw: Framework, crit_names: list[str]) -> dict[str, object]:
    """Startup ``i`` as portfolio JSON, with its one assessment."""
    if d.chinese[i]:
        name = f"{_CN_NAMES[d.syllables[i, 0] % len(_CN_NAMES)]}智能 {i + 1}"
    else:
        stem = (_SYLLABLES[d.syllables[i, 0]] + _SYLLABLES[d.syllables[i, 1]]).capitalize()
        name = f"{stem} {_SUFFIXES[d.suffix[i]]} {i + 1}"
    sector = list(_ARCHETYPES)[d.archetype[i]]
    scores = {
        c.id: {
            "value": int(d.levels[i, j]),
            "confidence": CONFIDENCES[d.confidence[i, j]],
            "rationale": _RATIONALES[d.rationale[i, j]].format(
                level=int(d.levels[i, j]), name=crit_names[j], n=int(d.numbers[i, j])
            ),
            "evidence": "",
        }
        for j, c in enumerate(fw.criteria)
    }
    return {
        "id": f"syn{i + 1:06d}",
        "name": name,
        "sector": sector,
        "stage": _STAGES[d.stage[i]],
        "region": _REGIONS[d.region[i]],
        "tags": [sector.split()[0]],
        "notes": "Synthetic startup for demonstrations and benchmarks.",
        "assessments": [{
            "id": f"syn{i + 1:06d}-a1",
            "assessor": _ASSESSORS[d.assessor[i]],
            "role": "investor",
            "date": (_FIRST_DAY + dt.timedelta(days=int(d.day[i]))).isoformat(),
            "scores": scores,
        }],
    }
