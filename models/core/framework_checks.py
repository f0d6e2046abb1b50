"""What is wrong with a framework being edited (:class:`~models.core.framework_draft.
FrameworkDraft`), each problem named by the path of the exact field at fault.

Validation of a :class:`~models.core.framework.Framework` stops at the first cross-reference
it cannot resolve and names lists rather than their items; an editor needs every problem, on
the field to highlight. So the checks here run over the JSON form itself (empty English texts,
a pillar with no criterion, repeated ids, criterion ids outside their pillar, rules and
scenarios naming a pillar or criterion that is not there, no pillar switched on), and pydantic's
own errors fill in the rest (a weight out of range, a missing field), their locations mapped to
paths. Messages in English or Simplified Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from models.core.framework import MAX_WEIGHT, MIN_WEIGHT
from models.core.framework_base import ID_PATTERN

#: A place in a framework's JSON form: keys and list positions.
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class DraftProblem:
    """Why a draft is not a valid framework: ``message`` about the field at ``path``."""

    path: Path
    message: str


_MESSAGES: dict[str, dict[str, str]] = {
    "empty_en": {"en": "The English text is empty",
                 "zh_CN": "英文文本为空"},
    "no_criterion": {"en": "This pillar has no criterion: add one or remove the pillar",
                     "zh_CN": "此支柱没有任何标准：请添加一条，或删除该支柱"},
    "repeated": {"en": "The id '{id}' is used more than once",
                 "zh_CN": "标识“{id}”被重复使用"},
    "bad_id": {"en": "The id '{id}' is not valid: lower case letters, digits or _, "
                     "starting with a letter",
               "zh_CN": "标识“{id}”无效：须为小写字母、数字或下划线，并以字母开头"},
    "prefix": {"en": "The criterion id '{id}' must start with its pillar's id '{pillar}.'",
               "zh_CN": "标准标识“{id}”必须以其支柱的标识“{pillar}.”开头"},
    "none_on": {"en": "At least one pillar must be switched on",
                "zh_CN": "至少须启用一个支柱"},
    "unknown_ref": {"en": "'{ref}' names no {kind} of this framework",
                    "zh_CN": "“{ref}”不是本框架中的{kind}"},
    "unknown_shift": {"en": "'{id}' names no criterion of this framework",
                      "zh_CN": "“{id}”不是本框架中的标准"},
    "posture_id": {"en": "'{id}' is already a posture's id",
                   "zh_CN": "“{id}”已是某个态势的标识"},
    "weight": {"en": "The weight must be a number from {low:g} to {high:g}",
               "zh_CN": "权重须为 {low:g} 至 {high:g} 之间的数字"},
    "paragraphs": {"en": "Cite at least one paragraph (¶1–¶6)",
                   "zh_CN": "请至少引用一个段落（¶1–¶6）"},
    "language": {"en": "Unknown language '{code}': a text has English (en) and Simplified "
                       "Chinese (zh_CN)",
                 "zh_CN": "未知语言“{code}”：文本只有英文（en）和简体中文（zh_CN）"},
}
#: pydantic's errors in words, by their type (each value from the error's context)
_PYDANTIC: dict[str, dict[str, str]] = {
    "missing": {"en": "This field is missing", "zh_CN": "缺少此字段"},
    "unknown": {"en": "Unknown field (not part of a Beachhead framework)",
                "zh_CN": "未知字段（不属于 Beachhead 框架格式）"},
    "too_short": {"en": "At least {min_length} entries are needed, not {actual_length}",
                  "zh_CN": "至少需要 {min_length} 项，现有 {actual_length} 项"},
    "too_long": {"en": "At most {max_length} entries are allowed, not {actual_length}",
                 "zh_CN": "最多 {max_length} 项，现有 {actual_length} 项"},
    "literal_error": {"en": "Must be {expected}", "zh_CN": "须为 {expected}"},
    "less_than_equal": {"en": "Must be at most {le}", "zh_CN": "须不大于 {le}"},
    "greater_than_equal": {"en": "Must be at least {ge}", "zh_CN": "须不小于 {ge}"},
    "dict_type": {"en": "Must be an object: {{\"en\": \"…\", \"zh_CN\": \"…\"}} for a text",
                  "zh_CN": "须为对象：文本写作 {{\"en\": \"…\", \"zh_CN\": \"…\"}}"},
    "float_parsing": {"en": "Must be a number", "zh_CN": "须为数字"},
    "string_type": {"en": "Must be a text", "zh_CN": "须为文本"},
}
_KINDS = {"pillar": {"en": "pillar", "zh_CN": "支柱"},
          "criterion": {"en": "criterion", "zh_CN": "标准"}}


def _say(key: str, lang: str, **values: object) -> str:
    table = _MESSAGES[key]
    return table.get(lang, table["en"]).format(**values)


def draft_problems(data: dict[str, Any], errors: list[Any], lang: str) -> list[DraftProblem]:
    """Every problem of ``data`` (see the module notes), given pydantic's ``errors`` about it;
    each once, in the order of the JSON form where the checks here find them."""
    own = list(_own_problems(data, lang))
    paths = [p.path for p in own]
    for error in errors:
        if own and not error.get("loc"):
            continue  # the framework's cross-references: the checks here say each of them
        problem = _from_pydantic(error, lang)
        if any(p[:len(problem.path)] == problem.path for p in paths):
            continue  # said already, on this field or one inside it
        if problem.path and any(problem.path[:len(p)] == p for p in paths):
            continue
        own.append(problem)
        paths.append(problem.path)
    return own


def _items(node: Any, key: str) -> list[Any]:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def _own_problems(data: dict[str, Any], lang: str) -> Iterator[DraftProblem]:
    yield from _empty_texts(data, (), lang)
    yield from _structure(data, lang)
    yield from _rules(data, lang)
    yield from _scenarios(data, lang)


def _empty_texts(node: Any, path: Path, lang: str) -> Iterator[DraftProblem]:
    """Each text (a mapping of languages to strings) whose English is empty, and each
    language a text has besides English and Chinese."""
    if isinstance(node, dict) and node and (set(node) <= {"en", "zh_CN"} or "en" in node) \
            and all(isinstance(v, str) for v in node.values()):
        if not node.get("en", "").strip():
            yield DraftProblem((*path, "en"), _say("empty_en", lang))
        for key in node:
            if key not in ("en", "zh_CN"):
                yield DraftProblem((*path, key), _say("language", lang, code=key))
        return
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _empty_texts(value, (*path, key), lang)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _empty_texts(value, (*path, i), lang)


def _repeated(ids: list[tuple[Path, Any]], lang: str) -> Iterator[DraftProblem]:
    """The second and later of each id used more than once."""
    seen: set[Any] = set()
    for path, value in ids:
        if value in seen:
            yield DraftProblem(path, _say("repeated", lang, id=value))
        seen.add(value)


def _structure(data: dict[str, Any], lang: str) -> Iterator[DraftProblem]:
    """Pillars and criteria: ids, criteria present, weights, paragraphs, one switched on."""
    pillars = _items(data, "pillars")
    pillar_ids: list[tuple[Path, Any]] = []
    crit_ids: list[tuple[Path, Any]] = []
    for i, pillar in enumerate(pillars):
        where: Path = ("pillars", i)
        pid = pillar.get("id")
        pillar_ids.append(((*where, "id"), pid))
        if not isinstance(pid, str) or not ID_PATTERN.match(pid):
            yield DraftProblem((*where, "id"), _say("bad_id", lang, id=pid))
        yield from _weight_and_source(pillar, where, lang)
        criteria = _items(pillar, "criteria")
        if not criteria:
            yield DraftProblem((*where, "criteria"), _say("no_criterion", lang))
        for j, crit in enumerate(criteria):
            cwhere: Path = (*where, "criteria", j)
            cid = crit.get("id")
            crit_ids.append(((*cwhere, "id"), cid))
            if isinstance(pid, str) and isinstance(cid, str) and \
                    not cid.startswith(pid + "."):
                yield DraftProblem((*cwhere, "id"), _say("prefix", lang, id=cid, pillar=pid))
            yield from _weight_and_source(crit, cwhere, lang)
    yield from _repeated(pillar_ids, lang)
    yield from _repeated(crit_ids, lang)
    if pillars and not any(p.get("enabled", True) is not False for p in pillars):
        yield DraftProblem(("pillars", 0, "enabled"), _say("none_on", lang))


def _weight_and_source(node: dict[str, Any], where: Path, lang: str) -> Iterator[DraftProblem]:
    weight = node.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or \
            not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        yield DraftProblem((*where, "weight"),
                           _say("weight", lang, low=MIN_WEIGHT, high=MAX_WEIGHT))
    if not node.get("source"):
        yield DraftProblem((*where, "source"), _say("paragraphs", lang))


def _known(data: dict[str, Any]) -> tuple[set[str], set[str]]:
    pillars = _items(data, "pillars")
    return ({str(p.get("id")) for p in pillars},
            {str(c.get("id")) for p in pillars for c in _items(p, "criteria")})


def _conditions(rule: Any, where: Path, known: tuple[set[str], set[str]],
                lang: str) -> Iterator[DraftProblem]:
    """Each condition of ``rule`` naming a pillar or criterion that is not there."""
    for j, cond in enumerate(_items(rule, "when")):
        ref = cond.get("ref") if isinstance(cond, dict) else None
        if not isinstance(ref, str) or ":" not in ref:
            continue
        kind, target = ref.split(":", 1)
        ids = {"pillar": known[0], "criterion": known[1]}.get(kind)
        if ids is not None and target not in ids:
            yield DraftProblem((*where, "when", j, "ref"), _say(
                "unknown_ref", lang, ref=ref, kind=_KINDS[kind].get(lang, kind)))


def _rules(data: dict[str, Any], lang: str) -> Iterator[DraftProblem]:
    known = _known(data)
    posture_ids = {r.get("id") for r in _items(data, "postures")}
    for group in ("postures", "deal_breakers"):
        rules = _items(data, group)
        yield from _repeated([((group, i, "id"), r.get("id")) for i, r in enumerate(rules)],
                             lang)
        for i, rule in enumerate(rules):
            if group == "deal_breakers" and rule.get("id") in posture_ids:
                yield DraftProblem((group, i, "id"), _say("posture_id", lang, id=rule["id"]))
            yield from _conditions(rule, (group, i), known, lang)


def _scenarios(data: dict[str, Any], lang: str) -> Iterator[DraftProblem]:
    known = _known(data)
    scenarios = _items(data, "scenarios")
    yield from _repeated([(("scenarios", i, "id"), s.get("id"))
                          for i, s in enumerate(scenarios)], lang)
    for i, scen in enumerate(scenarios):
        yield from _shifts(scen, ("scenarios", i), known[1], lang)
        rules = _items(scen, "exposure")
        yield from _repeated([(("scenarios", i, "exposure", j, "id"), r.get("id"))
                              for j, r in enumerate(rules)], lang)
        for j, rule in enumerate(rules):
            where: Path = ("scenarios", i, "exposure", j)
            yield from _conditions(rule, where, known, lang)
            yield from _shifts(rule, where, known[1], lang)


def _shifts(node: Any, where: Path, criteria: set[str], lang: str) -> Iterator[DraftProblem]:
    shifts = node.get("shifts") if isinstance(node, dict) else None
    for cid in shifts if isinstance(shifts, dict) else {}:
        if cid not in criteria:
            yield DraftProblem((*where, "shifts", cid), _say("unknown_shift", lang, id=cid))


_PATH_PART = re.compile(r"([a-z_]+)((?:\[\d+\])*)")


def _parse_path(text: str) -> Path | None:
    """``pillars[0].criteria[1].id`` as ``("pillars", 0, "criteria", 1, "id")``."""
    path: list[str | int] = []
    for part in text.split("."):
        match = _PATH_PART.fullmatch(part)
        if match is None:
            return None
        path.append(match.group(1))
        path.extend(int(n) for n in re.findall(r"\d+", match.group(2)))
    return tuple(path)


def _from_pydantic(error: Any, lang: str) -> DraftProblem:
    """One of pydantic's errors as a problem: its location as a path (a model-level error
    that names its field, ``pillars[0].id: …``, at that field), its message without the
    "Value error, " pydantic puts first."""
    path: Path = tuple(error.get("loc", ()))
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    head, sep, rest = message.partition(": ")
    parsed = _parse_path(head) if sep else None
    if parsed is not None:
        path, message = path + parsed, rest
    kind = {"extra_forbidden": "unknown", "float_type": "float_parsing", "int_parsing":
            "float_parsing", "int_type": "float_parsing"}.get(error.get("type"),
                                                               error.get("type"))
    if kind in _PYDANTIC:
        values = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
        if lang == "zh_CN" and "expected" in values:
            values["expected"] = values["expected"].replace(" or ", " 或 ")
        table = _PYDANTIC[kind]
        message = table.get(lang, table["en"]).format(**values)
    return DraftProblem(path, message)
