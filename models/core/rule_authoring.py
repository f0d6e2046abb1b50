"""New postures, deal-breakers, scenarios and exposure rules for a framework being edited (a
:class:`~models.core.framework_draft.FrameworkDraft`), and copies of existing ones.

A new rule is valid at once, so its preview shows from the start: a name in English and
Chinese, an explanation to write, and one condition (the overall score below 30 for a
deal-breaker, at least 70 for a posture). Ids follow
:mod:`models.core.framework_authoring`: the English name as an id, unique among postures and
deal-breakers together (they share ids), or among the framework's scenarios, or the
scenario's exposure rules; a copy's id is the original's with ``_2``, ``_3``…
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from models.core.framework_authoring import slug, unique
from models.core.framework_draft import FrameworkDraft

RuleGroup = Literal["postures", "deal_breakers"]

_NEW: dict[str, dict[str, str]] = {
    "postures": {"en": "New posture", "zh_CN": "新战略姿态"},
    "deal_breakers": {"en": "New deal-breaker", "zh_CN": "新致命缺陷"},
    "scenarios": {"en": "New scenario", "zh_CN": "新情景"},
    "exposure": {"en": "New exposure", "zh_CN": "新暴露规则"},
}
_EXPLAIN = {"en": "Why this matters.", "zh_CN": "为什么重要。"}
_COPY = {"en": "{name} (copy)", "zh_CN": "{name}（副本）"}


def _items(draft: FrameworkDraft, path: tuple[str | int, ...]) -> list[Any]:
    found = draft.get(path, [])
    return found if isinstance(found, list) else []


def rule_ids(draft: FrameworkDraft) -> set[str]:
    """The ids of every posture and deal-breaker of ``draft``."""
    return {str(r.get("id")) for group in ("postures", "deal_breakers")
            for r in _items(draft, (group,)) if isinstance(r, dict)}


def blank_rule(group: RuleGroup, rid: str) -> dict[str, Any]:
    """A posture (a strategy) or deal-breaker with id ``rid`` and one condition."""
    cond = {"ref": "overall", "op": "<", "value": 30.0} if group == "deal_breakers" \
        else {"ref": "overall", "op": ">=", "value": 70.0}
    rule: dict[str, Any] = {"id": rid, "name": dict(_NEW[group]),
                            "description": dict(_EXPLAIN), "source": [], "match": "all",
                            "when": [cond]}
    if group == "postures":
        rule["kind"] = "strategy"
    return rule


def with_rule(draft: FrameworkDraft, group: RuleGroup, index: int) -> FrameworkDraft:
    """``draft`` with a new rule at ``index`` of ``group``."""
    rid = unique(slug(_NEW[group]["en"], "rule"), rule_ids(draft))
    return draft.with_inserted((group,), index, blank_rule(group, rid))


def _copied(item: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    out = copy.deepcopy(item)
    out["id"] = unique(str(item.get("id") or "copy"), taken)
    found = item.get("name")
    name: dict[str, str] = found if isinstance(found, dict) else {}
    out["name"] = {lang: _COPY.get(lang, _COPY["en"]).format(name=value)
                   for lang, value in name.items()}
    return out


def with_rule_copy(draft: FrameworkDraft, group: RuleGroup, index: int) -> FrameworkDraft:
    """``draft`` with a copy of rule ``index`` of ``group`` right after it."""
    rule = _items(draft, (group,))[index]
    return draft.with_inserted((group,), index + 1, _copied(rule, rule_ids(draft)))


def blank_exposure(eid: str) -> dict[str, Any]:
    """An exposure rule with id ``eid``: one condition and one shift, both to set."""
    return {"id": eid, "name": dict(_NEW["exposure"]), "description": dict(_EXPLAIN),
            "source": [], "match": "all",
            "when": [{"ref": "overall", "op": "<", "value": 50.0}], "shifts": {}}


def with_scenario(draft: FrameworkDraft, index: int, criterion: str) -> FrameworkDraft:
    """``draft`` with a new scenario at ``index``: ``criterion`` one level down."""
    taken = {str(s.get("id")) for s in _items(draft, ("scenarios",)) if isinstance(s, dict)}
    sid = unique(slug(_NEW["scenarios"]["en"], "scenario"), taken)
    return draft.with_inserted(("scenarios",), index, {
        "id": sid, "name": dict(_NEW["scenarios"]), "description": dict(_EXPLAIN),
        "source": [], "shifts": {criterion: -1}, "exposure": []})


def with_scenario_copy(draft: FrameworkDraft, index: int) -> FrameworkDraft:
    """``draft`` with a copy of scenario ``index`` right after it."""
    scenarios = _items(draft, ("scenarios",))
    taken = {str(s.get("id")) for s in scenarios if isinstance(s, dict)}
    return draft.with_inserted(("scenarios",), index + 1, _copied(scenarios[index], taken))


def with_exposure(draft: FrameworkDraft, scenario: int, index: int,
                  criterion: str) -> FrameworkDraft:
    """``draft`` with a new exposure rule at ``index`` of scenario ``scenario``, shifting
    ``criterion`` one more level down where it holds."""
    path = ("scenarios", scenario, "exposure")
    taken = {str(r.get("id")) for r in _items(draft, path) if isinstance(r, dict)}
    rule = blank_exposure(unique(slug(_NEW["exposure"]["en"], "exposure"), taken))
    rule["shifts"] = {criterion: -1}
    return draft.with_inserted(path, index, rule)
