"""The portfolio document: a framework copy, startups, their assessments and scores.

These are plain pydantic v2 models with no behaviour beyond validation; scoring lives in
:mod:`models.engine.results` and files in :mod:`models.files.portfolio_file`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from itertools import pairwise
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from models.core.decisions import Decision
from models.core.framework import Framework
from models.core.website import normalise_website

PORTFOLIO_FORMAT: Final = "beachhead.portfolio"
#: 2 added each startup's decisions, 3 each startup's website (an older file has none and
#: reads unchanged).
PORTFOLIO_SCHEMA_VERSION: Final = 3

Role = Literal["founder", "investor", "other"]
Confidence = Literal["low", "medium", "high"]
ROLES: tuple[str, ...] = ("founder", "investor", "other")
CONFIDENCES: tuple[str, ...] = ("low", "medium", "high")
#: The roles and the confidences named in English and Simplified Chinese, in lower case as
#: inside a sentence (a table heading or cell capitalises the English).
ROLE_AND_CONFIDENCE_NAMES: dict[str, dict[str, str]] = {
    "en": {"founder": "founder", "investor": "investor", "other": "other",
           "low": "low", "medium": "medium", "high": "high"},
    "zh_CN": {"founder": "创始人", "investor": "投资人", "other": "其他",
              "low": "低", "medium": "中", "high": "高"},
}
Level = Annotated[int, Field(ge=1, le=5, strict=True)]


def new_id() -> str:
    """A fresh random id for a startup or an assessment (32 hex characters)."""
    return uuid.uuid4().hex


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Score(_Model):
    """One criterion's score in an assessment.

    Attributes:
        value: the level, an integer 1–5, or ``None`` when not scored yet.
        confidence: how sure the assessor is: ``low``, ``medium`` or ``high``.
        rationale: why this level (free text).
        evidence: what supports it (free text or a link).
    """

    value: Level | None = None
    confidence: Confidence = "medium"
    rationale: str = ""
    evidence: str = ""


class Assessment(_Model):
    """One assessor's scoring of one startup on one date.

    ``scores`` maps criterion id to :class:`Score`; a criterion missing from the map is simply
    not scored.
    """

    id: str = Field(default_factory=new_id)
    assessor: str = ""
    role: Role = "founder"
    date: dt.date = Field(default_factory=dt.date.today)
    scores: dict[str, Score] = Field(default_factory=dict)

    def level(self, criterion_id: str) -> int | None:
        """The scored level of ``criterion_id`` or ``None``."""
        s = self.scores.get(criterion_id)
        return s.value if s else None

    def label(self) -> str:
        """``assessor (role, date)`` for lists and messages."""
        who = self.assessor or "unnamed"
        return f"{who} ({self.role}, {self.date.isoformat()})"


class Startup(_Model):
    """A company being assessed, with its assessments and its decisions (each oldest first;
    the last decision is the startup's current status).

    Decisions are kept in date order: a list given out of order (a file edited by hand or
    written by another tool) is sorted by date, those of the same date keeping their order,
    so the current decision is the latest by date, as the workbook import reads it.

    The website is kept as a full address (``acme.ai`` becomes ``https://acme.ai``); a text
    that is not a web address is refused, the message naming the website
    (:func:`models.core.website.normalise_website`).
    """

    id: str = Field(default_factory=new_id)
    name: str = Field(min_length=1)
    sector: str = ""
    stage: str = ""
    region: str = ""
    tags: list[str] = Field(default_factory=list)
    notes: str = ""
    #: a full ``http(s)://`` address or ``""`` (see :mod:`models.core.website`)
    website: str = ""
    assessments: list[Assessment] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)

    @property
    def decision(self) -> Decision | None:
        """The current decision (the last one, the latest by date), or ``None``."""
        return self.decisions[-1] if self.decisions else None

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a startup needs a name")
        return v

    @field_validator("website")
    @classmethod
    def _web_address(cls, v: str) -> str:
        return normalise_website(v)

    @field_validator("decisions")
    @classmethod
    def _oldest_first(cls, v: list[Decision]) -> list[Decision]:
        if all(a.date <= b.date for a, b in pairwise(v)):
            return v
        return sorted(v, key=lambda d: d.date)


class Portfolio(_Model):
    """The document a user opens and saves: framework copy + startups + assessments.

    Validation checks that ids are unique and that every score names a criterion of the
    portfolio's own framework.
    """

    format: Literal["beachhead.portfolio"] = PORTFOLIO_FORMAT
    schema_version: Literal[3] = PORTFOLIO_SCHEMA_VERSION
    framework: Framework
    startups: list[Startup] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> Portfolio:
        known = set(self.framework.criterion_ids)
        seen: set[str] = set()
        for i, st in enumerate(self.startups):
            if st.id in seen:
                raise ValueError(f"startups[{i}].id: '{st.id}' is used more than once")
            seen.add(st.id)
            for j, a in enumerate(st.assessments):
                if a.id in seen:
                    raise ValueError(
                        f"startups[{i}].assessments[{j}].id: '{a.id}' is used more than once"
                    )
                seen.add(a.id)
                for cid in a.scores:
                    if cid not in known:
                        raise ValueError(
                            f"startups[{i}].assessments[{j}].scores: '{cid}' is not a criterion "
                            f"of framework '{self.framework.id}' {self.framework.version}"
                        )
        return self

    def assessments(self) -> list[tuple[Startup, Assessment]]:
        """Every (startup, assessment) pair in document order."""
        return [(s, a) for s in self.startups for a in s.assessments]

    def find_startup(self, name_or_id: str) -> Startup | None:
        """The startup with this id, else with exactly this name, else the one startup whose
        name is this one ignoring case and surrounding spaces (``None`` when no startup, or
        several, have such a name: ``Acme`` and ``ACME `` are two startups)."""
        for s in self.startups:
            if s.id == name_or_id:
                return s
        for s in self.startups:
            if s.name == name_or_id:
                return s
        loose = self.startups_named_like(name_or_id)
        return loose[0] if len(loose) == 1 else None

    def startups_named_like(self, name: str) -> list[Startup]:
        """The startups whose name is ``name`` ignoring case and surrounding spaces."""
        key = name.strip().casefold()
        return [s for s in self.startups if s.name.strip().casefold() == key]
