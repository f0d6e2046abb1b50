"""Readable renderings of a framework for the Framework view: a criterion with its question,
rubric and source paragraphs; postures and deal-breakers with their conditions spelt out
("Niche position ≥ 62.5 and Segment focus ≥ 4"); scenarios with their base shifts and exposure
rules, in the words of :mod:`models.engine.scenario_text`.

Everything returns HTML for a ``QTextBrowser``; user-visible words go through
``QCoreApplication.translate`` (context ``FrameworkText``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from gui.i18n import list_separator
from gui.widgets.palette import STRATEGY_BG, STRATEGY_FG, WARNING_BG, WARNING_FG
from models.core.framework import Condition, Criterion, Framework, Posture, Rule, text
from models.core.rounding import fixed, percent
from models.core.weight_shares import criterion_shares, pillar_shares
from models.engine.scenario_text import (
    ScenarioExplanation,
    ShiftText,
    criterion_shift_summary,
    explain_scenario,
)

_SYMBOLS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "="}


translate = QCoreApplication.translate


def _e(s: str) -> str:
    return html.escape(s, quote=False)


def _number(x: float) -> str:
    return f"{x:g}"


def condition_text(cond: Condition, framework: Framework, lang: str = "en") -> str:
    """One condition in words, e.g. ``Niche position ≥ 62.5`` or ``Segment focus ≥ 4``.

    Pillar and overall values are scores 0–100 (higher is better for the startup); criterion
    values are the levels 1–5 as scored. A pillar that shares its name with a criterion is
    marked "(pillar)".
    """
    if cond.kind == "overall":
        label = translate("FrameworkText", "Overall")
    elif cond.kind == "pillar":
        label = text(framework.pillar(cond.target).name, lang)
        if label in {text(c.name, lang) for c in framework.criteria}:
            # a pillar named like one of its criteria: say which one is meant
            label = translate("FrameworkText", "{name} (pillar)").format(name=label)
    else:
        label = text(framework.criterion(cond.target).name, lang)
    return f"{label} {_SYMBOLS[cond.op]} {_number(cond.value)}"


def rule_conditions(rule: Rule, framework: Framework, lang: str = "en") -> str:
    """All of a rule's conditions joined with "and" (with "or" when its ``match`` is ``any``)."""
    word = translate("FrameworkText", "or") if rule.match == "any" \
        else translate("FrameworkText", "and")
    joiner = f" {word} "
    return joiner.join(condition_text(c, framework, lang) for c in rule.when)


def paragraphs_html(numbers: Sequence[int], framework: Framework, lang: str = "en") -> str:
    """The cited paragraphs, each with the framework's paraphrase of it."""
    items = []
    for n in numbers:
        para = framework.paragraphs.get(str(n))
        missing = translate("FrameworkText", "(no paraphrase in this framework)")
        body = _e(text(para, lang)) if para else f"<i>{_e(missing)}</i>"
        items.append(f"<p style='margin-left:12px'><b>¶{n}</b> {body}</p>")
    return "".join(items)


def _direction_text(direction: str) -> str:
    if direction == "benefit":
        return translate("FrameworkText", "benefit: a higher level is better for the startup")
    return translate("FrameworkText",
                     "cost: a higher level is worse for the startup (its score is inverted)")


def criterion_html(criterion: Criterion, framework: Framework, lang: str = "en") -> str:
    """A criterion in full: name, pillar, direction, weight and shares, question, the five
    rubric levels, where it is used, and its source paragraphs."""
    pillar = framework.pillar(criterion.pillar_id)
    within = criterion_shares(pillar)[criterion.id]
    overall = within * pillar_shares(framework)[pillar.id]
    weight = translate(
        "FrameworkText",
        "Weight {w} ({within} of the pillar, {total} of the overall score)").format(
        w=fixed(criterion.weight, 2), within=percent(within, 1), total=percent(overall, 1))
    rows = "".join(
        f"<tr><td valign='top' align='center' width='28'><b>{i}</b></td>"
        f"<td valign='top'>{_e(text(level, lang))}</td></tr>"
        for i, level in enumerate(criterion.rubric, start=1))
    used = [text(r.name, lang) for r in framework.iter_rules()
            if any(c.kind == "criterion" and c.target == criterion.id for c in r.when)]
    shifted = [f"{text(s.name, lang)} ({summary})" for s in framework.scenarios
               if (summary := criterion_shift_summary(s, criterion.id, lang))]
    extra = ""
    if used:
        label = translate("FrameworkText", "Used by")
        extra += f"<p><b>{_e(label)}:</b> {_e(list_separator(lang).join(used))}</p>"
    if shifted:
        label = translate("FrameworkText", "Shifted by scenarios")
        extra += f"<p><b>{_e(label)}:</b> {_e(list_separator(lang).join(shifted))}</p>"
    question = translate("FrameworkText", "Question")
    levels = translate("FrameworkText", "What each level means")
    source = translate("FrameworkText", "Source")
    return (
        f"<h3 style='margin-bottom:2px'>{_e(text(criterion.name, lang))}</h3>"
        f"<p style='color:#555; margin-top:0'>{_e(text(pillar.name, lang))} · "
        f"<code>{_e(criterion.id)}</code><br/>{_e(_direction_text(criterion.direction))}"
        f"<br/>{_e(weight)}</p>"
        f"<p><b>{_e(question)}</b><br/>"
        f"{_e(text(criterion.question, lang))}</p>"
        f"<p><b>{_e(levels)}</b></p>"
        f"<table cellspacing='0' cellpadding='4' border='0'>{rows}</table>"
        f"{extra}"
        f"<p><b>{_e(source)}</b></p>"
        f"{paragraphs_html(criterion.source, framework, lang)}"
    )


def rules_html(rules: Sequence[Rule], framework: Framework, lang: str = "en") -> str:
    """Postures or deal-breakers: name, kind, description, the conditions that make it fire,
    and the cited paragraphs."""
    note = translate("FrameworkText",
                     "Pillar and overall values are scores from 0 to 100 (higher is better for "
                     "the startup); criterion values are the levels 1–5 as scored.")
    if not rules:
        return "<p><i>" + _e(translate("FrameworkText", "None in this framework.")) + "</i></p>"
    blocks = [f"<p style='color:#555'>{_e(note)}</p>"]
    fires_when = translate("FrameworkText", "Fires when")
    for rule in rules:
        if isinstance(rule, Posture):
            warning = rule.kind == "warning"
            kind = (translate("FrameworkText", "warning") if warning
                    else translate("FrameworkText", "strategy"))
        else:
            warning, kind = True, translate("FrameworkText", "deal-breaker")
        bg = (WARNING_BG if warning else STRATEGY_BG).name()
        fg = (WARNING_FG if warning else STRATEGY_FG).name()
        mark = "⚠ " if warning else ""
        source = _sources(rule.source)
        blocks.append(
            f"<table width='100%' cellpadding='6' cellspacing='0' style='background:{bg}; "
            f"margin-bottom:6px'><tr><td>"
            f"<b style='color:{fg}'>{mark}{_e(text(rule.name, lang))}</b>"
            f" <span style='color:#666'>({_e(kind)}{_e(source)})</span><br/>"
            f"{_e(text(rule.description, lang))}<br/>"
            f"<b>{_e(fires_when)}:</b> "
            f"{_e(rule_conditions(rule, framework, lang))}"
            "</td></tr></table>")
    return "".join(blocks)


def _sources(numbers: Sequence[int]) -> str:
    return (" · " + ", ".join(f"¶{n}" for n in numbers)) if numbers else ""


def _shifts_html(shifts: Sequence[ShiftText], separator: str) -> str:
    """Shifts in bold, each followed by whether it helps the startup, coloured."""
    out = []
    for s in shifts:
        effect = (translate("FrameworkText", "better for the startup") if s.better
                  else translate("FrameworkText", "worse for the startup"))
        colour = (STRATEGY_FG if s.better else WARNING_FG).name()
        out.append(f"<b>{_e(s.text)}</b> <span style='color:{colour}'>({_e(effect)})</span>")
    return _e(separator).join(out)


def scenario_html(ex: ScenarioExplanation) -> str:
    """One explained scenario: name and sources, description, base shifts, exposure rules."""
    base = (f"{_e(ex.base_head)}{_shifts_html(ex.base, ex.separator)}" if ex.base
            else _e(ex.base_text))
    rules = "".join(
        f"<li><b>{_e(r.name)}</b><span style='color:#666'>{_e(_sources(r.source))}</span>"
        f"<br/>{_e(r.description)}<br/>{_e(r.head)}{_shifts_html(r.shifts, ex.separator)}</li>"
        for r in ex.exposure)
    exposure = (f"<p style='margin-bottom:0'>{_e(ex.exposure_heading)}</p>"
                f"<ul style='margin-top:2px'>{rules}</ul>") if ex.exposure else ""
    return (f"<p style='margin-bottom:2px'><b>{_e(ex.name)}</b>"
            f"<span style='color:#666'>{_e(_sources(ex.source))}</span><br/>"
            f"{_e(ex.description)}</p><p style='margin:2px 0'>{base}</p>{exposure}")


def scenarios_html(framework: Framework, lang: str = "en") -> str:
    """Every scenario explained (:func:`models.engine.scenario_text.explain_scenario`): its
    description, the shifts every startup gets, each exposure rule with its conditions and
    extra shifts, and how they combine."""
    if not framework.scenarios:
        return "<p><i>" + _e(translate("FrameworkText", "None in this framework.")) + "</i></p>"
    hint = translate("FrameworkText",
                     "Choose one as the active scenario above to see its effect everywhere.")
    explained = [explain_scenario(framework, s, lang) for s in framework.scenarios]
    note = f"<p style='color:#555'>{_e(explained[0].combine)} {_e(hint)}</p>"
    return note + "<hr/>".join(scenario_html(ex) for ex in explained)
