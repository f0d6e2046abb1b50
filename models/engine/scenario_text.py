"""A scenario explained in words, in English or Simplified Chinese: its base shifts, each
exposure rule with its conditions spelt out ("where Price pressure is 3 or more and Technology
threshold is 3 or less: Technology threshold -1 more, Price pressure +1 more") and how the
shifts combine (:mod:`models.engine.scenarios`).

:func:`explain_scenario` gives the pieces (for a view that lays them out itself, e.g. with
colours for shifts that help or hurt) and :meth:`ScenarioExplanation.lines` plain text.
Framework texts (names, descriptions) come from the framework in the language asked, falling
back to English; the connecting words are this module's.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.core.framework import Condition, ExposureRule, Framework, Scenario, text
from models.engine.rules import bound_text

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "criterion.>=": "{name} is {value} or more", "criterion.<=": "{name} is {value} or less",
        "criterion.>": "{name} is above {value}", "criterion.<": "{name} is below {value}",
        "criterion.==": "{name} is {value}",
        "score.>=": "{name} scores {value} or more", "score.<=": "{name} scores {value} or less",
        "score.>": "{name} scores above {value}", "score.<": "{name} scores below {value}",
        "score.==": "{name} scores {value}",
        "overall.>=": "the overall score is {value} or more",
        "overall.<=": "the overall score is {value} or less",
        "overall.>": "the overall score is above {value}",
        "overall.<": "the overall score is below {value}",
        "overall.==": "the overall score is {value}", "all": " and ", "any": " or ",
        "pillar": "{name} (pillar)", "by_exposure": "{base}; by exposure {extra}",
        "only_exposure": "by exposure {extra}",
        "base_shift": "{name} {delta}", "extra_shift": "{name} {delta} more",
        "rule": "where {conditions}: {shifts}", "list": ", ",
        "base": "For every startup: {shifts}", "no_base": "No shift for every startup.",
        "exposure": "By exposure:",
        "combine": "Exposure rules are checked on the levels before any shift; the shifts of "
                   "every rule that holds add to the base shifts, and the result is kept within "
                   "levels 1–5 (a criterion already at the end of the scale does not move "
                   "further). Unscored criteria stay unscored.",
    },
    "zh_CN": {
        "criterion.>=": "{name}为 {value} 级或以上", "criterion.<=": "{name}为 {value} 级或以下",
        "criterion.>": "{name}高于 {value} 级", "criterion.<": "{name}低于 {value} 级",
        "criterion.==": "{name}为 {value} 级",
        "score.>=": "{name}得分不低于 {value}", "score.<=": "{name}得分不高于 {value}",
        "score.>": "{name}得分高于 {value}", "score.<": "{name}得分低于 {value}",
        "score.==": "{name}得分为 {value}",
        "overall.>=": "总分不低于 {value}", "overall.<=": "总分不高于 {value}",
        "overall.>": "总分高于 {value}", "overall.<": "总分低于 {value}",
        "overall.==": "总分为 {value}", "all": "，且", "any": "，或",
        "base_shift": "{name} {delta}", "extra_shift": "{name}再 {delta}",
        "rule": "当{conditions}时：{shifts}", "list": "，",
        "pillar": "{name}（支柱）", "by_exposure": "{base}；按暴露 {extra}",
        "only_exposure": "按暴露 {extra}",
        "base": "所有初创公司：{shifts}", "no_base": "没有对所有初创公司的统一偏移。",
        "exposure": "按暴露程度：",
        "combine": "暴露规则按偏移前的等级判断；每条成立规则的偏移与基础偏移相加，"
                   "结果保持在 1–5 级之内（已在量表端点的标准不再继续移动）。"
                   "未评分的标准仍为未评分。",
    },
}


def _words(lang: str) -> dict[str, str]:
    """The connecting words in ``lang`` (English for a language without its own)."""
    return _WORDS.get(lang, _WORDS["en"])


@dataclass(frozen=True)
class ShiftText:
    """One criterion's shift: ``better`` when it helps the startup (up on a benefit criterion,
    down on a cost criterion); ``text`` e.g. ``Price pressure +2`` or ``… +1 more``."""

    criterion: str
    delta: int
    better: bool
    text: str


@dataclass(frozen=True)
class ExposureText:
    """One exposure rule in words: ``condition`` joins its conditions with "and" (or "or" for
    ``match: any``); ``text`` is the whole line ("where …: …"), ``head`` its part before the
    shifts ("where …: ")."""

    id: str
    name: str
    description: str
    source: list[int]
    condition: str
    shifts: list[ShiftText]
    text: str
    head: str


@dataclass(frozen=True)
class ScenarioExplanation:
    """A scenario in words: ``base`` shifts every row gets (``base_text`` the whole line,
    ``base_head`` its part before the shifts), ``exposure`` rules, and ``combine``, how they add
    up and are clamped. ``separator`` joins shifts in a line."""

    id: str
    name: str
    description: str
    source: list[int]
    base: list[ShiftText]
    base_text: str
    base_head: str
    exposure: list[ExposureText]
    exposure_heading: str
    combine: str
    separator: str

    def lines(self) -> list[str]:
        """Plain text, one line each: name, description, base shifts, each exposure rule
        (its name, then its condition and shifts), and how they combine."""
        out = [self.name, self.description, self.base_text]
        if self.exposure:
            out.append(self.exposure_heading)
            for rule in self.exposure:
                out += [f"• {rule.name}", f"  {rule.text}"]
        out.append(self.combine)
        return out


def condition_words(cond: Condition, framework: Framework, lang: str = "en") -> str:
    """``cond`` as words, e.g. ``Price pressure is 4 or more`` (a criterion's level) or
    ``Niche position scores below 50`` (a pillar's 0–100 score, named as
    :meth:`~models.core.framework.Pillar.score_name` names it, and marked "(pillar)" when a
    criterion has the same name)."""
    w = _words(lang)
    value = bound_text(cond.value)
    if cond.kind == "criterion":
        name = text(framework.criterion(cond.target).name, lang)
        return w[f"criterion.{cond.op}"].format(name=name, value=value)
    if cond.kind == "overall":
        return w[f"overall.{cond.op}"].format(value=value)
    name = framework.pillar(cond.target).score_name(lang)
    if name in {text(c.name, lang) for c in framework.criteria}:
        name = w["pillar"].format(name=name)  # a pillar named like a criterion: say which
    return w[f"score.{cond.op}"].format(name=name, value=value)


def rule_condition_words(rule: ExposureRule, framework: Framework, lang: str = "en") -> str:
    """All of ``rule``'s conditions in words, joined by "and" (or "or" for ``match: any``)."""
    return _words(lang)[rule.match].join(condition_words(c, framework, lang) for c in rule.when)


def _shift_texts(shifts: dict[str, int], framework: Framework, lang: str,
                 key: str) -> list[ShiftText]:
    out = []
    for cid, delta in shifts.items():
        crit = framework.criterion(cid)
        line = _words(lang)[key].format(name=text(crit.name, lang), delta=f"{delta:+d}")
        out.append(ShiftText(cid, delta, (delta > 0) == (crit.direction == "benefit"), line))
    return out


def explain_scenario(framework: Framework, scenario: Scenario | str,
                     lang: str = "en") -> ScenarioExplanation:
    """``scenario`` (object, id or English name) of ``framework`` explained in ``lang``.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
    """
    scen = framework.scenario(scenario) if isinstance(scenario, str) else scenario
    w = _words(lang)
    base = _shift_texts(scen.shifts, framework, lang, "base_shift")
    base_text = w["base"].format(shifts=w["list"].join(s.text for s in base)) if base \
        else w["no_base"]
    rules = []
    for rule in scen.exposure:
        shifts = _shift_texts(rule.shifts, framework, lang, "extra_shift")
        condition = rule_condition_words(rule, framework, lang)
        rules.append(ExposureText(
            id=rule.id, name=text(rule.name, lang), description=text(rule.description, lang),
            source=list(rule.source), condition=condition, shifts=shifts,
            text=w["rule"].format(conditions=condition,
                                  shifts=w["list"].join(s.text for s in shifts)),
            head=w["rule"].format(conditions=condition, shifts="")))
    return ScenarioExplanation(
        id=scen.id, name=text(scen.name, lang), description=text(scen.description, lang),
        source=list(scen.source), base=base, base_text=base_text,
        base_head=w["base"].format(shifts="") if base else "", exposure=rules,
        exposure_heading=w["exposure"], combine=w["combine"], separator=w["list"])


def criterion_shift_summary(scenario: Scenario, criterion_id: str, lang: str = "en") -> str | None:
    """How ``scenario`` moves one criterion, in short: ``+1; by exposure +1, +2`` (the base
    shift, then each exposure rule's), or ``None`` when it never moves it."""
    w = _words(lang)
    extra = [f"{r.shifts[criterion_id]:+d}" for r in scenario.exposure if criterion_id in r.shifts]
    base = scenario.shifts.get(criterion_id)
    if not extra:
        return None if base is None else f"{base:+d}"
    joined = w["list"].join(extra)
    if base is None:
        return w["only_exposure"].format(extra=joined)
    return w["by_exposure"].format(base=f"{base:+d}", extra=joined)
