"""The scoring framework: pillars, criteria, rubrics, postures, deal-breakers and scenarios.

A framework is data, not code. The default one ships as ``resources/frameworks/default.json``
and a copy travels inside every saved portfolio, so an old file always re-computes the same way.
The pillars and criteria follow the analysis in ``shared/source`` (cited as ¶1–¶6).

Every human-readable text is a :data:`LocalText` mapping of language code to text; ``"en"`` is
required and ``"zh_CN"`` optional. The shared pieces (texts, ids, :class:`Condition`) live in
:mod:`models.core.framework_base`, scenarios and their exposure rules in
:mod:`models.core.scenario`; both are importable from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Final, Literal

from pydantic import Field, field_validator, model_validator

from models.core.decisions import DecisionThresholds
from models.core.framework_base import ID_PATTERN, unknown_ref
from models.core.framework_base import LANGUAGES as LANGUAGES
from models.core.framework_base import Condition as Condition
from models.core.framework_base import LocalText as LocalText
from models.core.framework_base import Op as Op
from models.core.framework_base import Paragraph as Paragraph
from models.core.framework_base import Strict as _Strict
from models.core.framework_base import check_id as _check_id
from models.core.framework_base import check_text as _check_text
from models.core.framework_base import check_unique as _unique
from models.core.framework_base import text as text
from models.core.framework_version import ChangelogEntry as ChangelogEntry
from models.core.scenario import ExposureRule as ExposureRule
from models.core.scenario import Scenario as Scenario
from models.core.scenario import check_scenarios

FRAMEWORK_FORMAT: Final = "beachhead.framework"
#: Schema 2 added the changelog; files of schema 1 are read as schema 2 with an empty one.
FRAMEWORK_SCHEMA_VERSION: Final = 2

Direction = Literal["benefit", "cost"]
#: Weights are relative, and bounded so that no weight that passes validation can overflow or
#: underflow the scoring arithmetic (sums of products over 100,000 startups stay far from
#: both ends of a double, and no weight is subnormal): from 1/10,000 to 10,000.
MIN_WEIGHT = 1e-4
MAX_WEIGHT = 1e4
PositiveWeight = Annotated[float, Field(ge=MIN_WEIGHT, le=MAX_WEIGHT, allow_inf_nan=False)]


class Criterion(_Strict):
    """One scored question.

    Attributes:
        id: ``pillar.slug``, unique in the framework; the part before the dot is its pillar's id.
        name, question: short name and the question the assessor answers.
        rubric: five texts, what a 1, 2, 3, 4 and 5 mean in observable terms (index 0 = level 1).
        direction: ``benefit`` (a higher level is better for the startup) or ``cost``.
        weight: relative weight inside its pillar, :data:`MIN_WEIGHT`–:data:`MAX_WEIGHT`
            (normalised on use).
        source: paragraphs of the article the criterion comes from (1–6).
    """

    id: str
    name: LocalText
    question: LocalText
    rubric: list[LocalText] = Field(min_length=5, max_length=5)
    direction: Direction
    weight: PositiveWeight = 1.0
    source: list[Paragraph] = Field(min_length=1)

    _texts = field_validator("name", "question")(_check_text)

    @field_validator("rubric")
    @classmethod
    def _rubric_texts(cls, v: list[LocalText]) -> list[LocalText]:
        return [_check_text(level) for level in v]

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        parts = v.split(".")
        if len(parts) != 2 or not all(ID_PATTERN.match(p) for p in parts):
            raise ValueError("criterion id must look like 'pillar.slug' (lower case, digits, _)")
        return v

    @property
    def pillar_id(self) -> str:
        """The id of the pillar this criterion belongs to."""
        return self.id.split(".")[0]


class Pillar(_Strict):
    """A weighted group of criteria.

    Attributes:
        id: short lower-case id, the prefix of its criteria's ids.
        direction: the direction of its criteria (informative: scores are favourability,
            so a pillar's score is always higher-is-better for the startup).
        weight: relative weight among enabled pillars, :data:`MIN_WEIGHT`–:data:`MAX_WEIGHT`.
        enabled: a disabled pillar takes no part in the overall score or completeness.
    """

    id: str
    name: LocalText
    description: LocalText
    direction: Direction
    weight: PositiveWeight = 1.0
    enabled: bool = True
    source: list[Paragraph] = Field(min_length=1)
    criteria: list[Criterion] = Field(min_length=1)

    _texts = field_validator("name", "description")(_check_text)

    _id = field_validator("id")(_check_id)

    def score_name(self, lang: str = "en") -> str:
        """The pillar's name where its 0–100 score is shown, saying which way is good: a cost
        pillar's score is favourability, so "Incumbent pressure (100 = least)"."""
        name = text(self.name, lang)
        if self.direction == "benefit":
            return name
        return _COST_SCALE.get(lang, _COST_SCALE["en"]).format(name=name)


#: How a cost pillar's 0–100 score is labelled, per language (100 = the least of the cost).
_COST_SCALE: dict[str, str] = {"en": "{name} (100 = least)", "zh_CN": "{name}（100 = 最小）"}


class Rule(_Strict):
    """A named rule (postures, deal-breakers) that fires when all its conditions hold, or,
    with ``match`` ``any``, when at least one of them holds."""

    id: str
    name: LocalText
    description: LocalText
    source: list[Paragraph] = Field(default_factory=list)
    match: Literal["all", "any"] = "all"
    when: list[Condition] = Field(min_length=1)

    _texts = field_validator("name", "description")(_check_text)
    _id = field_validator("id")(_check_id)


class Posture(Rule):
    """A strategic posture (¶5's ways out). ``kind`` is ``strategy`` or ``warning``."""

    kind: Literal["strategy", "warning"] = "strategy"


class DealBreaker(Rule):
    """A fatal weakness that a strong total must not hide."""


class Framework(_Strict):
    """A versioned set of pillars and criteria plus posture rules, deal-breakers and scenarios.

    Validation guarantees: unique pillar, criterion, posture, deal-breaker and scenario ids;
    every criterion id prefixed by its pillar's id; weights > 0; five rubric levels; rules and
    scenarios reference only existing ids; at least one pillar enabled. ``version`` is
    ``MAJOR.MINOR.PATCH`` and ``changelog`` lists the versions and what each changed
    (:mod:`models.core.framework_version`).

    Raises ``pydantic.ValidationError`` on construction from bad data; use
    :func:`models.files.framework_file.load_framework` for an
    :class:`~models.core.errors.InputError` that names the file.
    """

    format: Literal["beachhead.framework"] = FRAMEWORK_FORMAT
    schema_version: Literal[2] = FRAMEWORK_SCHEMA_VERSION
    id: str
    version: str
    name: LocalText
    description: LocalText
    source: LocalText
    paragraphs: dict[str, LocalText] = Field(default_factory=dict)
    pillars: list[Pillar] = Field(min_length=1)
    postures: list[Posture] = Field(default_factory=list)
    deal_breakers: list[DealBreaker] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)
    decision_thresholds: DecisionThresholds = Field(default_factory=DecisionThresholds)
    changelog: list[ChangelogEntry] = Field(default_factory=list)

    _texts = field_validator("name", "description", "source")(_check_text)

    @field_validator("schema_version", mode="before")
    @classmethod
    def _upgrade_schema(cls, v: object) -> object:
        # schema 1 differs only by having no changelog, which defaults to empty
        return FRAMEWORK_SCHEMA_VERSION if v == 1 else v

    @field_validator("paragraphs")
    @classmethod
    def _paragraph_keys(cls, v: dict[str, LocalText]) -> dict[str, LocalText]:
        for key, value in v.items():
            if key not in {str(i) for i in range(1, 7)}:
                raise ValueError(f"paragraph '{key}' does not exist; the article has ¶1–¶6")
            _check_text(value)
        return v

    def __hash__(self) -> int:
        # equal frameworks share id and version, so this keeps the hash/equality contract
        return hash((self.id, self.version))

    @model_validator(mode="after")
    def _cross_references(self) -> Framework:
        _unique("pillars", [p.id for p in self.pillars])
        crit_ids = [c.id for p in self.pillars for c in p.criteria]
        _unique("criteria", crit_ids)
        for i, pillar in enumerate(self.pillars):
            for j, crit in enumerate(pillar.criteria):
                if crit.pillar_id != pillar.id:
                    raise ValueError(
                        f"pillars[{i}].criteria[{j}].id: '{crit.id}' must start with "
                        f"its pillar's id '{pillar.id}.'"
                    )
        if not any(p.enabled for p in self.pillars):
            raise ValueError("pillars: at least one pillar must be enabled")
        pillar_ids = {p.id for p in self.pillars}
        crits = set(crit_ids)
        for group in ("postures", "deal_breakers"):
            rules: list[Rule] = getattr(self, group)
            _unique(group, [r.id for r in rules])
            for i, rule in enumerate(rules):
                for j, cond in enumerate(rule.when):
                    problem = unknown_ref(cond, pillar_ids, crits)
                    if problem:
                        raise ValueError(f"{group}[{i}].when[{j}].ref: {problem}")
        posture_ids = {p.id for p in self.postures}
        for i, rule in enumerate(self.deal_breakers):
            if rule.id in posture_ids:
                raise ValueError(
                    f"deal_breakers[{i}].id: '{rule.id}' is already a posture's id; "
                    "postures and deal-breakers need distinct ids"
                )
        check_scenarios(self.scenarios, pillar_ids, crits)
        return self

    # -- convenient views (computed once; the model is frozen) ---------------------------
    @cached_property
    def criteria(self) -> list[Criterion]:
        """All criteria in framework order (pillar by pillar)."""
        return [c for p in self.pillars for c in p.criteria]

    @cached_property
    def criterion_ids(self) -> list[str]:
        """Criterion ids in framework order."""
        return [c.id for c in self.criteria]

    @cached_property
    def criterion_index(self) -> dict[str, int]:
        """Criterion id → column position in score matrices."""
        return {cid: i for i, cid in enumerate(self.criterion_ids)}

    def criterion(self, cid: str) -> Criterion:
        """The criterion with id ``cid``; raises ``KeyError`` if there is none."""
        return self.criteria[self.criterion_index[cid]]

    def pillar(self, pid: str) -> Pillar:
        """The pillar with id ``pid``; raises ``KeyError`` if there is none."""
        for p in self.pillars:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def scenario(self, sid_or_name: str) -> Scenario:
        """The scenario with this id, else with this name in any of its languages (ignoring
        case and surrounding spaces); ``KeyError`` if none."""
        key = sid_or_name.strip().casefold()
        for s in self.scenarios:
            if key == s.id.casefold():
                return s
        for s in self.scenarios:
            if key in (name.strip().casefold() for name in s.name.values()):
                return s
        raise KeyError(sid_or_name)

    def iter_rules(self) -> Iterator[Rule]:
        """Postures then deal-breakers."""
        yield from self.postures
        yield from self.deal_breakers

    def with_weights(
        self,
        pillar_weights: dict[str, float] | None = None,
        criterion_weights: dict[str, float] | None = None,
        enabled: dict[str, bool] | None = None,
    ) -> Framework:
        """A copy with some pillar weights, criterion weights or enabled flags changed.

        Raises ``pydantic.ValidationError`` if a weight is outside :data:`MIN_WEIGHT`–
        :data:`MAX_WEIGHT` or no pillar stays enabled.
        """
        data = self.model_dump(mode="python")
        for p in data["pillars"]:
            if pillar_weights and p["id"] in pillar_weights:
                p["weight"] = pillar_weights[p["id"]]
            if enabled and p["id"] in enabled:
                p["enabled"] = enabled[p["id"]]
            for c in p["criteria"]:
                if criterion_weights and c["id"] in criterion_weights:
                    c["weight"] = criterion_weights[c["id"]]
        return Framework.model_validate(data)

