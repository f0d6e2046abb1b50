"""What changed between two frameworks, in words, in English or Simplified Chinese: "Pillar
Traction added with criteria Revenue growth, Retention", "Rubric level 3 of Segment focus
reworded", "Weight of pillar Ecosystem 1 → 2", "Deal-breaker Runway cliff added: …".

The lines follow the framework's order: the framework's own texts, pillars and their criteria,
postures, deal-breakers, scenarios, decision thresholds. Ids, versions and changelogs are not
differences (:func:`models.core.framework_version.change_kind` says how large the change is),
and neither are the name, description and source of two frameworks with different ids (each
has its own: an adaptation is described as one).
Names are taken from the newer framework, or the older one for what was removed.
"""

from __future__ import annotations

import json
from typing import Any

from models.core.decisions import suggestion_name
from models.core.framework import Criterion, Framework, LocalText, Pillar, Rule, Scenario, text
from models.core.framework_words import number, paragraphs_in_words, rule_in_words, word


def _reworded(a: LocalText, b: LocalText, lang: str) -> str | None:
    """``None`` when the texts are the same, else the suffix saying which language changed
    ("" for both)."""
    en = a.get("en", "") != b.get("en", "")
    zh = a.get("zh_CN", "") != b.get("zh_CN", "")
    if not (en or zh):
        return None
    if en and zh:
        return ""
    return word("en_only" if en else "zh_only", lang)


class _Diff:
    """Collects the lines of one comparison."""

    def __init__(self, a: Framework, b: Framework, lang: str) -> None:
        self.a, self.b, self.lang = a, b, lang
        self.lines: list[str] = []

    def say(self, key: str, **values: Any) -> None:
        self.lines.append(word(key, self.lang).format(**values))

    def name(self, value: LocalText) -> str:
        return text(value, self.lang)

    def texts(self, key: str, a: LocalText, b: LocalText, **values: Any) -> None:
        """Say ``key`` when ``a`` and ``b`` differ, with which language changed."""
        suffix = _reworded(a, b, self.lang)
        if suffix is not None:
            self.say(key, lang=suffix, **values)

    def renamed(self, key: str, a: LocalText, b: LocalText, **values: Any) -> None:
        """Say ``key`` with the old and new names when they differ, written in the language
        that changed (both changed: the language asked)."""
        suffix = _reworded(a, b, self.lang)
        if suffix is None:
            return
        names = self.lang
        if a.get("en", "") == b.get("en", ""):
            names = "zh_CN"
        elif a.get("zh_CN", "") == b.get("zh_CN", ""):
            names = "en"
        self.say(key, lang=suffix, old=text(a, names), new=text(b, names), **values)

    def changed(self, key: str, old: Any, new: Any, **values: Any) -> None:
        """Say ``key`` with ``old`` → ``new`` when they differ."""
        if old != new:
            self.say(key, old=old, new=new, **values)


def _framework_texts(d: _Diff) -> None:
    if d.a.id == d.b.id:  # another framework has a name and description of its own
        what = word("what.framework", d.lang)
        for key in ("name", "description"):
            if _reworded(getattr(d.a, key), getattr(d.b, key), d.lang) is not None:
                d.say(key, what=what)
        if _reworded(d.a.source, d.b.source, d.lang) is not None:
            d.say("source")
    pa, pb = d.a.paragraphs, d.b.paragraphs
    for n in sorted(set(pa) | set(pb), key=int):
        if n not in pa:
            d.say("paragraph_added", n=n)
        elif n not in pb:
            d.say("paragraph_removed", n=n)
        elif _reworded(pa[n], pb[n], d.lang) is not None:
            d.say("paragraph", n=n)


def _criteria_names(d: _Diff, pillar: Pillar) -> str:
    return word("list", d.lang).join(d.name(c.name) for c in pillar.criteria)


def _order(d: _Diff, old: list[str], new: list[str], names: dict[str, str], key: str,
           **values: Any) -> None:
    """Say ``key`` when the items both lists share come in another order."""
    kept = [i for i in old if i in new]
    if kept != [i for i in new if i in old]:
        order = word("list", d.lang).join(names[i] for i in new if i in old)
        d.say(key, order=order, **values)


def _criterion(d: _Diff, a: Criterion, b: Criterion) -> None:
    new = d.name(b.name)
    d.renamed("criterion_renamed", a.name, b.name)
    d.texts("criterion_question", a.question, b.question, name=new)
    for level, (ra, rb) in enumerate(zip(a.rubric, b.rubric, strict=True), start=1):
        d.texts("criterion_rubric", ra, rb, name=new, level=level)
    d.changed("criterion_weight", number(a.weight), number(b.weight), name=new)
    d.changed("criterion_direction", word(a.direction, d.lang), word(b.direction, d.lang),
              name=new)
    d.changed("criterion_source", paragraphs_in_words(a.source, d.lang),
              paragraphs_in_words(b.source, d.lang), name=new)


def _pillar(d: _Diff, a: Pillar, b: Pillar) -> None:
    new = d.name(b.name)
    d.renamed("pillar_renamed", a.name, b.name)
    d.texts("pillar_description", a.description, b.description, name=new)
    d.changed("pillar_weight", number(a.weight), number(b.weight), name=new)
    d.changed("pillar_direction", word(a.direction, d.lang), word(b.direction, d.lang),
              name=new)
    if a.enabled != b.enabled:
        d.say("pillar_enabled" if b.enabled else "pillar_disabled", name=new)
    d.changed("pillar_source", paragraphs_in_words(a.source, d.lang),
              paragraphs_in_words(b.source, d.lang), name=new)
    old_crits = {c.id: c for c in a.criteria}
    new_ids = [c.id for c in b.criteria]
    for c in a.criteria:
        if c.id not in new_ids:
            d.say("criterion_removed", name=d.name(c.name), id=c.id, pillar=new)
    for c in b.criteria:
        if c.id in old_crits:
            _criterion(d, old_crits[c.id], c)
        else:
            d.say("criterion_added", name=d.name(c.name), id=c.id, pillar=new)
    _order(d, list(old_crits), new_ids, {c.id: d.name(c.name) for c in b.criteria},
           "criteria_order", pillar=new)


def _pillars(d: _Diff) -> None:
    old = {p.id: p for p in d.a.pillars}
    new_ids = [p.id for p in d.b.pillars]
    for p in d.a.pillars:
        if p.id not in new_ids:
            d.say("pillar_removed", name=d.name(p.name), criteria=_criteria_names(d, p))
    for p in d.b.pillars:
        if p.id in old:
            _pillar(d, old[p.id], p)
        else:
            d.say("pillar_added", name=d.name(p.name), criteria=_criteria_names(d, p))
    _order(d, list(old), new_ids, {p.id: d.name(p.name) for p in d.b.pillars}, "pillars_order")


def _conditions(rule: Rule) -> Any:
    return [getattr(rule, "match", "all"), [c.model_dump() for c in rule.when]]


def _rule(d: _Diff, what: str, a: Rule, b: Rule) -> None:
    new = d.name(b.name)
    d.renamed("rule_renamed", a.name, b.name, What=what.capitalize(), what=what)
    d.texts("rule_explanation", a.description, b.description, what=what, name=new)
    if _dump(_conditions(a)) != _dump(_conditions(b)):
        d.say("rule_conditions", old=rule_in_words(a, d.a, d.lang),
              new=rule_in_words(b, d.b, d.lang), what=what, name=new)
    kind_a, kind_b = getattr(a, "kind", None), getattr(b, "kind", None)
    if kind_a and kind_b:
        d.changed("rule_kind", word(kind_a, d.lang), word(kind_b, d.lang), name=new)
    d.changed("rule_source", paragraphs_in_words(a.source, d.lang),
              paragraphs_in_words(b.source, d.lang), what=what, name=new)


def _rules(d: _Diff, group: str, what_key: str) -> None:
    what = word(what_key, d.lang)
    old_rules: list[Rule] = getattr(d.a, group)
    new_rules: list[Rule] = getattr(d.b, group)
    old = {r.id: r for r in old_rules}
    new_ids = {r.id for r in new_rules}
    for r in old_rules:
        if r.id not in new_ids:
            d.say("rule_removed", What=what.capitalize(), what=what, name=d.name(r.name))
    for r in new_rules:
        if r.id in old:
            _rule(d, what, old[r.id], r)
        else:
            d.say("rule_added", What=what.capitalize(), what=what, name=d.name(r.name),
                  conditions=rule_in_words(r, d.b, d.lang))


def _shifts(d: _Diff, fw: Framework, shifts: dict[str, int]) -> str:
    def name(cid: str) -> str:
        return d.name(fw.criterion(cid).name) if cid in fw.criterion_index else cid
    return word("list", d.lang).join(f"{name(cid)} {delta:+d}"
                                     for cid, delta in shifts.items()) or word("none", d.lang)


def _dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _scenario(d: _Diff, a: Scenario, b: Scenario) -> None:
    new = d.name(b.name)
    d.renamed("scenario_renamed", a.name, b.name)
    d.texts("scenario_description", a.description, b.description, name=new)
    if a.shifts != b.shifts:
        d.say("scenario_shifts", old=_shifts(d, d.a, a.shifts), new=_shifts(d, d.b, b.shifts),
              name=new)
    if _dump([r.model_dump() for r in a.exposure]) != _dump([r.model_dump() for r in b.exposure]):
        d.say("scenario_exposure", name=new)
    d.changed("scenario_source", paragraphs_in_words(a.source, d.lang),
              paragraphs_in_words(b.source, d.lang), name=new)


def _scenarios(d: _Diff) -> None:
    old = {s.id: s for s in d.a.scenarios}
    new_ids = {s.id for s in d.b.scenarios}
    for s in d.a.scenarios:
        if s.id not in new_ids:
            d.say("scenario_removed", name=d.name(s.name))
    for s in d.b.scenarios:
        if s.id in old:
            _scenario(d, old[s.id], s)
        else:
            d.say("scenario_added", name=d.name(s.name))


def framework_differences(a: Framework, b: Framework, lang: str = "en") -> list[str]:
    """What changed from framework ``a`` to framework ``b``, one line per difference, in
    ``lang`` (``en`` or ``zh_CN``); empty when their contents are the same."""
    d = _Diff(a, b, lang)
    _framework_texts(d)
    _pillars(d)
    _rules(d, "postures", "what.posture")
    _rules(d, "deal_breakers", "what.deal_breaker")
    _scenarios(d)
    for which in ("pursue", "watch"):
        d.changed("threshold", number(getattr(a.decision_thresholds, which)),
                  number(getattr(b.decision_thresholds, which)),
                  which=suggestion_name(which, lang))
    return d.lines
