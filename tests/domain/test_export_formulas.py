"""Formula text builders (their values are checked against the engine by LibreOffice in
``test_export_recalc``)."""

from __future__ import annotations

from openpyxl import load_workbook

from models.core.framework import Condition
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.results import score_portfolio
from models.workbook.export import export_workbook
from models.workbook.formulas import (
    MAX_FORMULA_CHARS,
    PillarRefs,
    completeness,
    condition,
    favourability,
    number,
    overall,
    rule_names,
    weighted_pillar,
)
from models.workbook.layout import SUMMARY_HEADER_ROW
from models.workbook.xlsx_text import formula_text
from tests.helpers import t, tiny_framework


def test_number_literals_never_use_exponents():
    assert number(62.5 - 1e-9) == "62.499999999"
    assert number(-1e-9) == "-0.000000001"
    assert number(100.0) == "100" and number(0.0) == "0" and number(-0.0) == "0"


def test_conditions_carry_the_engine_tolerance_and_need_a_number():
    c = Condition(ref="pillar:a", op=">=", value=75)
    assert condition("F2", c) == "ISNUMBER(F2),F2>=74.999999999"
    c = Condition(ref="criterion:b.z", op="<=", value=2)
    assert condition("Scores!$J$5", c) == "ISNUMBER(Scores!$J$5),Scores!$J$5<=2.000000001"
    c = Condition(ref="overall", op="==", value=50)
    assert condition("E2", c) == "ISNUMBER(E2),ABS(E2-50)<=0.000000001"


def test_rule_names_join_with_semicolons_and_escape_quotes():
    f = rule_names([('Say "hi"', ["ISNUMBER(A1)", "A1>1"]), ("B", ["TRUE"])])
    assert f == ('MID(IF(AND(ISNUMBER(A1),A1>1),"; Say ""hi""","")&'
                 'IF(AND(TRUE),"; B",""),3,8192)')
    assert rule_names([]) == '""'


def test_builders():
    assert favourability("J2", "H2") == (
        'IF(ISNUMBER(J2),IF(AND(J2>=1,J2<=5,INT(J2)=J2),'
        'IF(H2="cost",(5-J2)/4,(J2-1)/4),""),"")')
    assert weighted_pillar("W", "F") == (
        'IF(SUMPRODUCT(W,--ISNUMBER(F))>0,100*SUMPRODUCT(W,F)/SUMPRODUCT(W,--ISNUMBER(F)),"")')
    refs = [PillarRefs("F2", "PW1", "EN1", "W1", "F1"), PillarRefs("G2", "PW2", "EN2", "W2", "F2")]
    assert overall(refs) == (
        'IF((PW1*(EN1="yes")*ISNUMBER(F2)+PW2*(EN2="yes")*ISNUMBER(G2))>0,'
        '(PW1*(EN1="yes")*N(F2)+PW2*(EN2="yes")*N(G2))/'
        '(PW1*(EN1="yes")*ISNUMBER(F2)+PW2*(EN2="yes")*ISNUMBER(G2)),"")')
    assert completeness(refs, "PW", "EN") == (
        'IF(SUMIFS(PW,EN,"yes")>0,'
        '(PW1*(EN1="yes")*IFERROR(SUMPRODUCT(W1,--ISNUMBER(F1))/SUM(W1),0)+'
        'PW2*(EN2="yes")*IFERROR(SUMPRODUCT(W2,--ISNUMBER(F2))/SUM(W2),0))'
        '/SUMIFS(PW,EN,"yes"),"")')


def test_criterion_conditions_ask_the_favourability_whether_it_is_scored():
    c = Condition(ref="criterion:b.z", op="<=", value=2)
    assert condition("Scores!$J$5", c, scored="Scores!$L$5") == (
        "IF(ISNUMBER(Scores!$L$5),Scores!$J$5<=2.000000001,FALSE)")


def test_rule_name_literals_cannot_look_like_function_calls():
    assert rule_names([("FILTER(x) and f (y)", ["TRUE"])]) == (
        'MID(IF(AND(TRUE),"; FILTER"&"(x) and f (y)",""),3,8192)')
    assert formula_text("a\rb\x07") == "a b\ufffd"


def test_too_many_rules_for_one_formula_fall_back_to_fixed_names(tmp_path):
    when = [{"ref": "criterion:a.x", "op": ">=", "value": 1},
            {"ref": "pillar:b", "op": "<=", "value": 100},
            {"ref": "criterion:b.w", "op": ">=", "value": 1}]
    postures = [{"id": f"p{i}", "name": t(f"Posture number {i}"), "description": t("d"),
                 "when": when} for i in range(80)]
    fw = tiny_framework(postures=postures)
    port = Portfolio(framework=fw, startups=[Startup(name="S", assessments=[Assessment(
        scores={cid: Score(value=3) for cid in fw.criterion_ids})])])
    export_workbook(port, tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx")["Assessments"]
    cell = ws.cell(2, 6 + len(fw.pillars) + 1)
    assert cell.data_type == "s"
    res = score_portfolio(port)[0]
    assert cell.value == "; ".join(h.name for h in res.postures)
    assert len(cell.value) > 100
    # the deal-breakers are few: still a live formula, shorter than Excel's limit
    breakers = ws.cell(2, 6 + len(fw.pillars) + 2)
    assert breakers.data_type == "f" and len(breakers.value) < MAX_FORMULA_CHARS


def test_too_many_deal_breakers_for_one_formula_leave_fixed_names_on_the_summary(tmp_path):
    when = [{"ref": "criterion:a.x", "op": ">=", "value": 1},
            {"ref": "pillar:b", "op": "<=", "value": 100}]
    breakers = [{"id": f"d{i}", "name": t(f"Deal-breaker number {i}"), "description": t("d"),
                 "when": when} for i in range(120)]
    fw = tiny_framework(deal_breakers=breakers)
    port = Portfolio(framework=fw, startups=[Startup(name="S", assessments=[Assessment(
        role="investor", scores={cid: Score(value=3) for cid in fw.criterion_ids})])])
    export_workbook(port, tmp_path / "d.xlsx")
    ws = load_workbook(tmp_path / "d.xlsx")["Summary"]
    r = SUMMARY_HEADER_ROW + 1
    head = [c.value for c in ws[SUMMARY_HEADER_ROW]]
    cell = ws.cell(r, head.index("Deal-breakers") + 1)
    assert cell.data_type == "s"
    assert cell.value == "; ".join(f"Deal-breaker number {i}" for i in range(120))
    # the gate and the suggestion still read it live
    assert ws.cell(r, head.index("Gated") + 1).value == f'=IF(F{r}<>"","yes","")'
    assert ws.cell(r, head.index("Suggested") + 1).value.startswith(
        f'=IF(ISNUMBER(G{r}),IF(F{r}<>"","Pass"')
