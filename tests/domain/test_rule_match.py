"""Postures and deal-breakers with ``match``: ``all`` (every condition) or ``any`` (one is
enough), in the engine, its reasons, the fixes it suggests and the workbook's formulas.

The tiny framework (tests.helpers): pillar Alpha (benefit, weight 2: a.x w1, a.y w3), pillar
Beta (cost, weight 1: b.z, b.w). The rows below, hand-computed:

====  ===  ===  ===  ===  =======  ======  ========
row   a.x  a.y  b.z  b.w  Alpha    Beta    overall
====  ===  ===  ===  ===  =======  ======  ========
0     1    2    3    1    18.75    75      37.5
1     4    5    1    5    93.75    50      79.1667
2     5    5    1    1    100      100     100
3     –    3    2    5    50       37.5    45.8333
4     2    1    5    5    6.25     0       4.1667
====  ===  ===  ===  ===  =======  ======  ========
"""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

from models.engine.improvements import improvements
from models.engine.rules import rule_hits, rule_mask
from models.engine.scores import score_levels
from models.workbook.formulas import fired_rules, rule_names
from tests.helpers import t, tiny_framework

NAN = np.nan
LEVELS = np.array([[1, 2, 3, 1], [4, 5, 1, 5], [5, 5, 1, 1], [NAN, 3, 2, 5], [2, 1, 5, 5]],
                  dtype=float)


def _framework(match: str):  # type: ignore[no-untyped-def]
    return tiny_framework(
        postures=[{"id": "edge", "name": t("Edge"), "description": t("d"), "match": match,
                   "when": [{"ref": "pillar:a", "op": ">=", "value": 90},
                            {"ref": "overall", "op": "<", "value": 40}]}],
        deal_breakers=[{"id": "weak", "name": t("Weak"), "description": t("d"), "match": match,
                        "when": [{"ref": "criterion:a.x", "op": "<=", "value": 2},
                                 {"ref": "criterion:b.w", "op": ">=", "value": 5}]}],
    )


def test_scores_of_the_rows_are_the_hand_computed_ones():
    table = score_levels(LEVELS, _framework("all"))
    assert table.overall.tolist() == pytest.approx([37.5, 79.1666667, 100, 45.8333333,
                                                    4.1666667])
    assert table.pillars[:, 0].tolist() == pytest.approx([18.75, 93.75, 100, 50, 6.25])


def test_all_fires_where_every_condition_holds_any_where_one_does():
    for match, breakers, postures in (("all", [4], []), ("any", [0, 1, 3, 4], [0, 1, 2, 4])):
        fw = _framework(match)
        table = score_levels(LEVELS, fw)
        assert np.flatnonzero(rule_mask(table, fw.deal_breakers)[:, 0]).tolist() == breakers
        assert np.flatnonzero(rule_mask(table, fw.postures)[:, 0]).tolist() == postures


def test_a_rule_without_match_is_all_and_other_matches_are_refused():
    assert tiny_framework().deal_breakers[0].match == "all"
    with pytest.raises(ValidationError, match="match"):
        _framework("some")


def test_reasons_of_an_any_rule_are_the_conditions_that_hold():
    fw = _framework("any")
    table = score_levels(LEVELS, fw)
    hits = rule_hits(table, fw.deal_breakers, fw, "en")
    assert {row: [h.reasons for h in hs] for row, hs in hits.items()} == {
        0: [["a.x 1 (≤ 2)"]],
        1: [["b.w 5 (≥ 5)"]],
        3: [["b.w 5 (≥ 5)"]],  # a.x is unscored: that condition does not hold
        4: [["a.x 2 (≤ 2)", "b.w 5 (≥ 5)"]],
    }
    postures = rule_hits(table, fw.postures, fw, "en")
    assert [h.reasons for h in postures[1]] == [["Alpha 93.8 (≥ 90)"]]
    assert [h.reasons for h in postures[4]] == [["Overall 4.2 (< 40)"]]


def test_fixes_of_an_any_rule_break_every_condition_that_holds():
    fw = _framework("any")
    table = score_levels(LEVELS, fw)
    fixes = improvements(table, fw, rule_hits(table, fw.deal_breakers, fw, "en"), "en")
    moves = {row: [(i.criterion, i.from_level, i.to_level) for i in fixes[row] if i.fixes]
             for row in (0, 1, 3, 4)}
    # a.x ≤ 2 is broken at 3; b.w ≥ 5 (a cost) at 4
    assert moves == {0: [("a.x", 1, 3)], 1: [("b.w", 5, 4)], 3: [("b.w", 5, 4)],
                     4: [("a.x", 2, 3), ("b.w", 5, 4)]}


def test_workbook_formula_of_an_any_rule_is_an_or_of_its_conditions():
    f = rule_names([("A", ["ISNUMBER(X1),X1>1", "Y1<2"]), ("B", ["TRUE"])], ["any", "all"])
    assert f == ('MID(IF(OR(AND(ISNUMBER(X1),X1>1),AND(Y1<2)),"; A","")'
                 '&IF(AND(TRUE),"; B",""),3,8192)')
    fw = _framework("any")
    cells = {"a.x": ("C2", "D2"), "b.w": ("C3", "D3")}
    formula = fired_rules(fw.deal_breakers, "en", "E1", {"a": "F1", "b": "G1"},
                          lambda cid: cells[cid])
    assert formula == ('MID(IF(OR(AND(IF(ISNUMBER(D2),C2<=2.000000001,FALSE)),'
                       'AND(IF(ISNUMBER(D3),C3>=4.999999999,FALSE))),"; Weak",""),3,8192)')
