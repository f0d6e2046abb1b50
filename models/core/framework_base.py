"""Building blocks shared by the framework's models (:mod:`models.core.framework` and
:mod:`models.core.scenario`): localised texts, ids, cited paragraphs, the strict base model and
the :class:`Condition` that rules and scenario exposure test.

Every human-readable text is a :data:`LocalText` mapping of language code to text; ``"en"`` is
required and ``"zh_CN"`` optional.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

LANGUAGES = ("en", "zh_CN")

Op = Literal["<", "<=", ">", ">=", "=="]
LocalText = dict[str, str]
Paragraph = Annotated[int, Field(ge=1, le=6)]

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


def text(value: LocalText, lang: str = "en") -> str:
    """Pick ``value``'s text in ``lang``, falling back to English."""
    return value.get(lang) or value["en"]


def check_text(value: LocalText) -> LocalText:
    """``value`` if it has a non-empty English text and only known languages."""
    if not value.get("en", "").strip():
        raise ValueError("needs a non-empty English text under the key 'en'")
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language {sorted(unknown)}; expected one of {list(LANGUAGES)}")
    return value


def check_id(v: str) -> str:
    """``v`` if it is a valid id (lower case letters, digits or _, starting with a letter)."""
    if not ID_PATTERN.match(v):
        raise ValueError("id must be lower case letters, digits or _, starting with a letter")
    return v


def check_unique(what: str, ids: list[str]) -> None:
    """Raise ``ValueError`` naming ``what`` if an id appears twice in ``ids``."""
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{what}: id '{i}' is used more than once")
        seen.add(i)


class Strict(BaseModel):
    """Frozen, no unknown fields, defaults validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class Condition(Strict):
    """One comparison inside a rule.

    ``ref`` names what is compared: ``overall`` (0–100), ``pillar:ID`` (the pillar's score,
    0–100, favourability) or ``criterion:ID`` (the raw level 1–5 as scored). A condition on
    something not scored is never true.
    """

    ref: str
    op: Op
    value: float = Field(allow_inf_nan=False)

    @model_validator(mode="after")
    def _value_in_range(self) -> Condition:
        low, high = (1, 5) if self.kind == "criterion" else (0, 100)
        if not low <= self.value <= high:
            raise ValueError(f"value: {self.value} is outside {low}–{high} for '{self.ref}'")
        return self

    @field_validator("ref")
    @classmethod
    def _ref_shape(cls, v: str) -> str:
        if v != "overall" and not re.match(r"^(pillar|criterion):[a-z0-9_.]+$", v):
            raise ValueError("ref must be 'overall', 'pillar:ID' or 'criterion:ID'")
        return v

    @property
    def kind(self) -> str:
        """``overall``, ``pillar`` or ``criterion``."""
        return self.ref.split(":")[0]

    @property
    def target(self) -> str:
        """The pillar or criterion id, or ``overall``."""
        return self.ref.split(":", 1)[-1]


def unknown_ref(cond: Condition, pillar_ids: set[str], criterion_ids: set[str]) -> str | None:
    """Why ``cond`` names nothing of a framework with these ids, or ``None`` when it does."""
    known = {"pillar": pillar_ids, "criterion": criterion_ids}.get(cond.kind)
    if known is not None and cond.target not in known:
        return f"'{cond.ref}' names no {cond.kind} of this framework"
    return None
