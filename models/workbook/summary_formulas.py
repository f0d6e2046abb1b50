"""The Summary's formulas (:mod:`models.workbook.summary_sheet`): where each column is, and
each row's formulas, built once as templates (:mod:`models.workbook.rows`).

**Rank.** The ranking (:mod:`models.engine.ranking`) orders startups by group (0 ungated with a
score, 1 gated with a score, 2 nothing scored; gated startups are in group 0 when gates are
ignored), then overall score (highest first, equal to 9 decimals tie), completeness (highest
first, to 9 decimals), then name ignoring case and id. Three hidden columns hold that order as
whole numbers, so ``COUNTIF`` compares them exactly (whole numbers below 10¹⁵ read back from
text unchanged):

* **Rank key** ``group·10¹² + 10¹¹ − ROUND(overall·10⁹)`` (``2·10¹²`` with nothing scored);
* **Completeness key** ``10⁹ − ROUND(completeness·10⁹)``;
* **Name order**, the startup's position by name at export (a value).

Rank = 1 + the rows with a smaller rank key + (only when the key is shared) the rows with the
same key and a smaller completeness key + those with both the same and an earlier name.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.core.decisions import suggestion_name
from models.workbook.formulas import (
    MAX_FORMULA_CHARS,
    PillarRefs,
    completeness,
    fired_rules,
    level_pillar,
    number,
    overall,
)
from models.workbook.layout import ASSESSMENTS, LEVELS, SUMMARY_HEADER_ROW, column_letter
from models.workbook.levels_sheet import (
    BASE_ROW,
    FIRST_ROW,
    STEP_ROW,
    WEIGHT_ROW,
    level_column,
)
from models.workbook.plan import ExportPlan
from models.workbook.rows import fill, slot, template
from models.workbook.sheets import round_half_away
from models.workbook.view_plan import ViewPlan
from models.workbook.view_texts import view_texts
from models.workbook.xlsx_text import formula_string

_R, _V = slot("r"), slot("v")
#: Rank key scales (see the module notes).
GROUP = 10**12
TOP = 10**11
SCALE = 10**9


class Columns:
    """1-based columns of the Summary table with ``k`` pillars."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.rank, self.name, self.status, self.suggested = 1, 2, 3, 4
        self.gated, self.breakers, self.overall = 5, 6, 7
        self.completeness = 8 + k
        self.p10, self.p90, self.gap, self.used, self.sid = 9 + k, 10 + k, 11 + k, 12 + k, 13 + k
        self.keys = 14 + k

    def pillar(self, p: int) -> int:
        """Column of pillar ``p`` (``-1``: the last pillar)."""
        return 8 + (p % self.k)


@dataclass(frozen=True)
class RowFormulas:
    """One row's formulas (``=…``); ``None`` where the cell holds a value instead."""

    rank: str
    suggested: str
    gated: str
    breakers: str | None
    scores: list[str]
    completeness: str
    gap: str | None
    keys: list[str | None]


class SummaryFormulas:
    """The formulas of every Summary row (see the module notes)."""

    def __init__(self, plan: ExportPlan, view: ViewPlan, cols: Columns) -> None:
        self.plan, self.view, self.cols = plan, view, cols
        fw, geo = plan.framework, plan.geo
        refs, pillars = [], []
        for p, (lo, hi) in enumerate(plan.pillar_spans):
            a, b = column_letter(level_column(lo)), column_letter(level_column(hi))

            def row(r: int | str, a: str = a, b: str = b) -> str:
                return f"{LEVELS}!${a}${r}:${b}${r}"

            refs.append(PillarRefs(score=f"{column_letter(cols.pillar(p))}{_R}",
                                   weight=geo.pillar_weight(p), enabled=geo.pillar_enabled(p),
                                   weights=row(WEIGHT_ROW), favourabilities=row(_V)))
            pillars.append(level_pillar(row(WEIGHT_ROW), row(BASE_ROW), row(STEP_ROW), row(_V)))
        self.scores = [template(f) for f in (overall(refs), *pillars)]
        self.completeness = template(
            completeness(refs, geo.pillar_weights, geo.pillar_enabled_range))
        index = fw.criterion_index

        def criterion(cid: str) -> tuple[str, str]:
            level = f"{LEVELS}!${column_letter(level_column(index[cid]))}${_V}"
            return level, level

        ov = f"${column_letter(cols.overall)}{_R}"
        self.breakers = template(fired_rules(
            fw.deal_breakers, plan.lang, ov,
            {p.id: f"${column_letter(cols.pillar(n))}{_R}" for n, p in enumerate(fw.pillars)},
            criterion))
        n = len(view.rows)
        self.static_breakers = bool(n) and len(
            fill(self.breakers, self._fields(n - 1))) > MAX_FORMULA_CHARS
        self.rest = self._row_templates()

    def _row_templates(self) -> dict[str, str]:
        cols, lang = self.cols, self.plan.lang
        brk, ov = (f"{column_letter(c)}{_R}" for c in (cols.breakers, cols.overall))
        done = f"{column_letter(cols.completeness)}{_R}"
        th = self.plan.framework.decision_thresholds
        names = {s: formula_string(suggestion_name(s, lang)) for s in ("pursue", "watch", "pass")}
        gated = "0" if self.view.ranking.ignore_gates else f'IF({brk}<>"",{GROUP},0)'
        first, last = SUMMARY_HEADER_ROW + 1, SUMMARY_HEADER_ROW + max(1, len(self.view.rows))
        k1, k2, k3 = (column_letter(cols.keys + c) for c in range(3))
        r1, r2, r3 = (f"${c}${first}:${c}${last}" for c in (k1, k2, k3))
        return {key: template(value) for key, value in {
            "gated": f'IF({brk}<>"",{formula_string(view_texts(lang)["gated"])},"")',
            "suggested": f'IF(ISNUMBER({ov}),IF({brk}<>"",{names["pass"]},IF({ov}>='
                         f'{number(th.pursue)},{names["pursue"]},IF({ov}>={number(th.watch)},'
                         f'{names["watch"]},{names["pass"]}))),"")',
            "k1": f"IF(ISNUMBER({ov}),{gated}+{TOP}-ROUND({ov}*{SCALE},0),{2 * GROUP})",
            "k2": f"{SCALE}-ROUND(N({done})*{SCALE},0)",
            "rank": f'1+COUNTIF({r1},"<"&{k1}{_R})+IF(COUNTIF({r1},{k1}{_R})>1,'
                    f'COUNTIFS({r1},{k1}{_R},{r2},"<"&{k2}{_R})+COUNTIFS({r1},{k1}{_R},{r2},'
                    f'{k2}{_R},{r3},"<"&{k3}{_R}),0)',
        }.items()}

    def _fields(self, n: int) -> dict[str, str]:
        return {"r": str(SUMMARY_HEADER_ROW + 1 + n), "v": str(FIRST_ROW + n)}

    def row(self, n: int) -> RowFormulas:
        """The formulas of ranked row ``n``."""
        fields = self._fields(n)
        t = self.rest
        founder = self.view.founder[n]
        gap = None
        if founder is not None and self.view.scenario is None:
            ov = f"{column_letter(self.cols.overall)}{fields['r']}"
            other = f"{ASSESSMENTS}!$E${2 + founder}"
            gap = f'=IF(AND(ISNUMBER({ov}),ISNUMBER({other})),{ov}-{other},"")'
        return RowFormulas(
            rank=fill(t["rank"], fields), suggested=fill(t["suggested"], fields),
            gated=fill(t["gated"], fields),
            breakers=None if self.static_breakers else fill(self.breakers, fields),
            scores=[fill(s, fields) for s in self.scores],
            completeness=fill(self.completeness, fields), gap=gap,
            keys=[fill(t["k1"], fields), fill(t["k2"], fields), None])


def rank_keys(view: ViewPlan) -> list[list[int]]:
    """Per ranked row, its rank key, completeness key and name order as the formulas compute
    them (see the module notes)."""
    out = []
    ignore = view.ranking.ignore_gates
    for n, r in enumerate(view.rows):
        if r.overall is None:
            k1 = 2 * GROUP
        else:
            group = GROUP if r.gated and not ignore else 0
            k1 = group + TOP - int(round_half_away(r.overall * SCALE, 0))
        k2 = SCALE - int(round_half_away(r.completeness * SCALE, 0))
        out.append([k1, k2, view.name_order[n]])
    return out
