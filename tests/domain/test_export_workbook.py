"""The exported workbook read back with openpyxl: sheets, headers, formulas, validations,
formats, charts, the Summary's statements, the Levels and Decisions sheets, About sheet,
identity, progress, cancelling and the command line."""

from __future__ import annotations

import datetime as dt
import gc
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart

import models
from models.cli import main as cli
from models.core.framework import MAX_WEIGHT, MIN_WEIGHT
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio, synthetic_portfolio
from models.files.framework_file import default_framework
from models.files.portfolio_file import save_portfolio
from models.workbook.charts_sheet import BAR_MAX, PILLAR_MAX, data_row
from models.workbook.export import export_workbook
from models.workbook.layout import (
    CRITERIA_HEADERS,
    DECISIONS_HEADERS,
    EXPORT_SHEETS,
    PILLAR_HEADERS,
    SCORES_HEADERS,
    STARTUPS_HEADERS,
    SUMMARY_HEADER_ROW,
    FrameworkSheet,
)
from models.workbook.plan import make_plan
from models.workbook.view_plan import ViewPlan, make_view_plan
from tests.workbook_views import many_views, summary_rows

NOW = dt.datetime(2024, 11, 30, 9, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory) -> tuple[Portfolio, Path]:
    port = sample_portfolio()
    path = tmp_path_factory.mktemp("export") / "sample.xlsx"
    result = export_workbook(port, path, now=NOW)
    assert result.warnings == [] and result.assessments == 13
    return port, path


@pytest.fixture(scope="module")
def wb(sample_export):
    return load_workbook(sample_export[1])


def _row(ws, r: int) -> list:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[r]]


def make_view(port: Portfolio) -> ViewPlan:
    """The ranking an export of ``port`` shows (no Monte Carlo figures)."""
    return make_view_plan(port, make_plan(port, "en"), "investor")


def test_sheets_in_order(wb):
    assert wb.sheetnames == list(EXPORT_SHEETS)
    assert wb.sheetnames == ["Summary", "Charts", "Analysis", "Decisions", "Assessments",
                             "Levels", "Scores", "Startups", "Framework", "About"]


def _scores(lang: str = "en") -> list[str]:
    """The pillar score headers: a cost pillar's says which way is good."""
    return [p.score_name(lang) for p in default_framework().pillars]


def test_summary_states_the_ranking_above_its_headers(wb):
    ws = wb["Summary"]
    h = SUMMARY_HEADER_ROW
    assert ws["A1"].value == "Startups ranked under the investor view"
    lines = [ws.cell(r, 1).value for r in range(2, h)]
    assert lines[0].startswith("Perspective: the investor view. Per criterion, the median")
    assert "a startup with one is gated and ranks after every ungated startup" in lines[0]
    assert lines[1].startswith("Scenario: none. Weights: the framework's defaults "
                               "(beachhead.llm-startups 1.0.0).")
    assert "pursue from 65, watch from 45, pass below 45 or when gated" in lines[1]
    assert "P10–P90: 2,000 Monte Carlo draws at export, seed 0." in lines[2]
    assert {str(m) for m in ws.merged_cells.ranges} >= {f"A{r}:R{r}" for r in range(2, h)}
    assert _row(ws, h) == [
        "Rank", "Startup", "Status", "Suggested", "Gated", "Deal-breakers", "Overall",
        *_scores(), "Completeness", "P10", "P90", "Founder gap", "Assessments used",
        "Startup ID", "Rank key", "Completeness key", "Name order"]
    assert "Incumbent pressure (100 = least)" in _row(ws, h)


def test_summary_lists_startups_in_the_ranking_order(sample_export, wb):
    port, _ = sample_export
    ranking = rank_startups(port)
    ws = wb["Summary"]
    rows = [_row(ws, r) for r in range(SUMMARY_HEADER_ROW + 1, ws.max_row + 1)]
    assert [(r[1], r[17]) for r in rows] == [(x.startup, x.startup_id) for x in ranking.rows]
    statuses = {st.id: st.decision.status.capitalize() if st.decision else None
                for st in port.startups}
    assert [r[2] for r in rows] == [statuses[x.startup_id] for x in ranking.rows]
    assert [r[16] for r in rows] == [x.assessments for x in ranking.rows]


def test_assessments_sheet_headers_exactly(wb):
    assert _row(wb["Assessments"], 1) == [
        "Startup", "Assessor", "Role", "Date", "Overall", *_scores(), "Completeness",
        "Postures", "Deal-breakers", "Startup ID"]


def test_scores_headers_exactly(wb):
    assert _row(wb["Scores"], 1) == [
        "Startup", "Assessor", "Role", "Date", "Pillar ID", "Criterion ID", "Criterion",
        "Direction", "Weight", "Score", "Confidence", "Favourability", "Rationale", "Evidence",
        "Startup ID"]
    assert tuple(_row(wb["Scores"], 1)) == SCORES_HEADERS
    assert tuple(_row(wb["Startups"], 1)) == STARTUPS_HEADERS


def test_framework_tables(wb):
    fw = default_framework()
    ws = wb["Framework"]
    geo = FrameworkSheet(len(fw.pillars), len(fw.criteria))
    assert tuple(_row(ws, 1)[:5]) == PILLAR_HEADERS
    assert PILLAR_HEADERS[:4] == ("Pillar ID", "Pillar", "Direction", "Pillar weight")
    assert tuple(_row(ws, geo.criteria_header_row)) == CRITERIA_HEADERS
    assert CRITERIA_HEADERS == ("Criterion ID", "Pillar ID", "Criterion", "Question",
                                "Direction", "Weight", "Level 1", "Level 2", "Level 3",
                                "Level 4", "Level 5", "Source")
    for i, p in enumerate(fw.pillars):
        assert _row(ws, geo.pillar_row(i))[:5] == [p.id, p.name["en"], p.direction, p.weight,
                                                   "yes"]
    for j, c in enumerate(fw.criteria):
        row = _row(ws, geo.criterion_row(j))
        assert row[0] == c.id and row[5] == c.weight and row[4] == c.direction
        assert row[6:11] == [level["en"] for level in c.rubric]
        assert row[11] == ", ".join(f"¶{s}" for s in c.source)
    kinds = {dv.type: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert kinds["list"] == f"E2:E{1 + len(fw.pillars)}"
    assert "D2:D6" in kinds["decimal"] and f"F{geo.criterion_row(0)}" in kinds["decimal"]


def test_the_weight_cells_accept_only_weights_the_import_keeps(wb):
    """The Framework sheet must not invite a weight (0, 50,000) that the import then refuses,
    keeping the framework's weight: the portfolio would score otherwise than the workbook."""
    ws = wb["Framework"]
    weight = next(dv for dv in ws.data_validations.dataValidation if dv.type == "decimal")
    assert weight.operator in (None, "between")  # "between" is the default, left unwritten
    assert float(weight.formula1) == MIN_WEIGHT and float(weight.formula2) == MAX_WEIGHT
    notes = " ".join(str(c.value) for c in ws["G"] if c.value)
    assert "0 or more" not in notes and f"{MIN_WEIGHT:g} to {MAX_WEIGHT:g}" in notes


def test_scores_are_contiguous_blocks_with_live_formulas(sample_export, wb):
    port, _ = sample_export
    fw = port.framework
    geo = FrameworkSheet(len(fw.pillars), len(fw.criteria))
    ws = wb["Scores"]
    m = len(fw.criteria)
    pairs = port.assessments()
    assert ws.max_row == 1 + len(pairs) * m
    for i, (st, a) in enumerate(pairs):
        for j, cid in enumerate(fw.criterion_ids):
            r = 2 + i * m + j
            row = _row(ws, r)
            assert row[0] == st.name and row[5] == cid and row[14] == st.id
            assert row[9] == a.level(cid)
            weight, fav = ws.cell(r, 9), ws.cell(r, 12)
            assert weight.data_type == "f"
            assert weight.value == f"=Framework!$F${geo.criterion_row(j)}"
            assert fav.data_type == "f" and fav.value.startswith(f"=IF(ISNUMBER(J{r})")


def test_assessments_cells_are_formulas_over_scores_and_framework(wb):
    ws = wb["Assessments"]
    k = len(default_framework().pillars)
    for col in range(5, 5 + k + 1 + 1):  # Overall, pillars, Completeness
        cell = ws.cell(2, col)
        assert cell.data_type == "f", cell.coordinate
    overall = ws["E2"].value
    assert "Framework!$D$2" in overall and "Framework!$E$2=\"yes\"" in overall
    niche = ws["F2"].value
    assert niche == ('=IF(SUMPRODUCT(Scores!$I$2:$I$4,--ISNUMBER(Scores!$L$2:$L$4))>0,'
                     '100*SUMPRODUCT(Scores!$I$2:$I$4,Scores!$L$2:$L$4)/'
                     'SUMPRODUCT(Scores!$I$2:$I$4,--ISNUMBER(Scores!$L$2:$L$4)),"")')
    # the second assessment reads the next block of 18 rows
    assert "Scores!$I$20:$I$22" in ws["F3"].value
    assert ws.cell(2, 6 + k).value.startswith('=IF(SUMIFS(Framework!$D$2:$D$6')
    assert ws.cell(2, 7 + k).data_type == "f" and "Niche specialist" in ws.cell(2, 7 + k).value
    for formula in (ws["E2"].value, ws["F2"].value, ws.cell(2, 6 + k).value):
        for banned in ("XLOOKUP", "LET(", "FILTER(", "LAMBDA", "@"):
            assert banned not in formula


def test_summary_cells_are_formulas_over_levels_and_framework(wb):
    ws = wb["Summary"]
    r = SUMMARY_HEADER_ROW + 1
    cells = {h: ws.cell(r, c + 1) for c, h in enumerate(_row(ws, SUMMARY_HEADER_ROW))}
    for h in ("Rank", "Suggested", "Gated", "Deal-breakers", "Overall", *_scores(),
              "Completeness", "Rank key", "Completeness key"):
        assert cells[h].data_type == "f", h
    for h in ("Startup", "Status", "P10", "P90", "Assessments used", "Startup ID", "Name order"):
        assert cells[h].data_type != "f", h
    # the first startup's levels are Levels row 7; pillar 1 is criteria 1-3 (columns E:G),
    # weighted by the weight row above them, each favourability base + step × level
    assert cells[_scores()[0]].value == (
        '=IF(SUMPRODUCT(Levels!$E$3:$G$3,--ISNUMBER(Levels!$E$7:$G$7))>0,'
        '100*(SUMPRODUCT(Levels!$E$3:$G$3,Levels!$E$4:$G$4,--ISNUMBER(Levels!$E$7:$G$7))'
        '+SUMPRODUCT(Levels!$E$3:$G$3,Levels!$E$5:$G$5,Levels!$E$7:$G$7))/'
        'SUMPRODUCT(Levels!$E$3:$G$3,--ISNUMBER(Levels!$E$7:$G$7)),"")')
    assert cells["Overall"].value.startswith('=IF((Framework!$D$2*(Framework!$E$2="yes")'
                                             f"*ISNUMBER(H{r})")
    assert cells["Rank"].value == (
        f'=1+COUNTIF($S$6:$S$13,"<"&S{r})+IF(COUNTIF($S$6:$S$13,S{r})>1,'
        f'COUNTIFS($S$6:$S$13,S{r},$T$6:$T$13,"<"&T{r})+'
        f'COUNTIFS($S$6:$S$13,S{r},$T$6:$T$13,T{r},$U$6:$U$13,"<"&U{r}),0)')
    assert cells["Rank key"].value == (
        f'=IF(ISNUMBER(G{r}),IF(F{r}<>"",1000000000000,0)+100000000000'
        f'-ROUND(G{r}*1000000000,0),2000000000000)')
    assert cells["Suggested"].value == (
        f'=IF(ISNUMBER(G{r}),IF(F{r}<>"","Pass",IF(G{r}>=65,"Pursue",'
        f'IF(G{r}>=45,"Watch","Pass"))),"")')
    assert "Levels!$" in cells["Deal-breakers"].value
    gap = ws.cell(r + 1, 16)  # the second startup has a founder assessment: live gap
    assert gap.data_type == "f" and "Assessments!$E$" in gap.value
    keys = ws.column_dimensions["S"]  # the three key columns S:U, hidden together
    assert keys.hidden and (keys.min, keys.max) == (19, 21)


def test_summary_view_filter_and_a_number_format_on_every_figure(wb):
    ws = wb["Summary"]
    h = SUMMARY_HEADER_ROW
    assert ws.freeze_panes == f"C{h + 1}"
    assert ws.auto_filter.ref == f"A{h}:U{h + 8}"
    formats = {head: ws.cell(h + 1, c + 1).number_format
               for c, head in enumerate(_row(ws, h))}
    assert formats["Rank"] == "0" and formats["Overall"] == "0.0"
    assert all(formats[s] == "0.0" for s in _scores())
    assert formats["Completeness"] == "0.0%"
    assert formats["P10"] == formats["P90"] == "0.0"
    assert formats["Founder gap"] == "+0.0;-0.0;0.0" and formats["Assessments used"] == "0"
    ranges = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    scale = ranges[f"G{h + 1}:L{h + 8}"][0]
    assert scale.type == "colorScale"
    assert [float(v.val) for v in scale.colorScale.cfvo] == [0, 50, 100]
    assert ranges[f"E{h + 1}:E{h + 8}"][0].type == "notContainsBlanks"
    assert wb["Scores"].freeze_panes == "B2" and wb["Assessments"].freeze_panes == "B2"


def test_assessments_view_filter_formats_and_colour_scale(wb):
    ws = wb["Assessments"]
    k = len(default_framework().pillars)
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:{chr(ord('A') + 8 + k)}14"
    assert ws["E2"].number_format == "0.0" and ws["F2"].number_format == "0.0"
    assert ws.cell(2, 6 + k).number_format == "0.0%"
    assert ws["D2"].is_date and ws["D2"].number_format == "yyyy-mm-dd"


def test_levels_sheet_names_the_criteria_and_reads_the_scores(sample_export, wb):
    port, _ = sample_export
    fw = port.framework
    ws = wb["Levels"]
    m = len(fw.criteria)
    assert [ws.cell(r, 1).value for r in range(1, 6)] == [
        "Criterion", "Direction", "Weight", "Favourability base", "Favourability step"]
    assert _row(ws, 6) == ["Startup ID", "Startup", "Assessments used", "Assessments",
                           *fw.criterion_ids]
    assert ws.cell(1, 5).value == fw.criteria[0].name["en"]
    cost = 5 + 14  # press.segment_attention, the first cost criterion
    assert ws.cell(2, cost).value == "cost" and ws.cell(3, cost).value == "=Framework!$F$23"
    assert [ws.cell(r, 5).value for r in (4, 5)] == [-0.25, 0.25]
    assert [ws.cell(r, cost).value for r in (4, 5)] == [1.25, -0.25]
    first = rank_startups(port).rows[0]
    st = port.startups[first.row]
    (i,) = [n for n, (s, a) in enumerate(port.assessments())
            if s.id == st.id and a.role == "investor"]
    r0 = 2 + i * m
    assert _row(ws, 7)[:4] == [st.id, st.name, 1,
                               f"{st.assessments[-1].assessor} "
                               f"{st.assessments[-1].date.isoformat()}"]
    assert ws.cell(7, 5).value == f'=IF(ISNUMBER(Scores!$L${r0}),Scores!$J${r0},"")'
    assert ws.cell(7, cost).value == f'=IF(ISNUMBER(Scores!$L${r0 + 14}),Scores!$J${r0 + 14},"")'
    assert ws.max_column == 4 + m
    assert ws.freeze_panes == "E7" and ws.auto_filter.ref == f"A6:V{6 + len(port.startups)}"


def test_investor_view_of_several_investors_is_a_median_over_their_favourabilities(tmp_path):
    port = many_views(12)
    path = tmp_path / "m.xlsx"
    export_workbook(port, path, analysis_draws=0)
    ws = load_workbook(path)["Levels"]
    m = len(port.framework.criteria)
    pairs = port.assessments()
    ranking = rank_startups(port)
    for n, row in enumerate(ranking.rows):
        st = port.startups[row.row]
        used = ranking.view.used[row.row]
        rows = [2 + next(i for i, (_, a) in enumerate(pairs) if a is u) * m for u in used]
        benefit, cost = ws.cell(7 + n, 5).value, ws.cell(7 + n, 5 + 14).value
        if len(used) < 2:
            continue
        union = "(" + ",".join(f"Scores!$L${r}" for r in rows) + ")"
        assert benefit == (f'=IF(COUNT({union})>0,1+4*SMALL({union},'
                           f'INT((COUNT({union})+1)/2)),"")'), st.name
        cost_union = "(" + ",".join(f"Scores!$L${r + 14}" for r in rows) + ")"
        assert cost == (f'=IF(COUNT({cost_union})>0,5-4*SMALL({cost_union},'
                        f'INT((COUNT({cost_union})+1)/2)),"")'), st.name


def test_decisions_sheet_lists_every_decision_oldest_first(sample_export, wb):
    port, _ = sample_export
    ws = wb["Decisions"]
    assert tuple(_row(ws, 1)) == DECISIONS_HEADERS
    rows = [_row(ws, r) for r in range(2, ws.max_row + 1)]
    want = [[st.id, st.name, d.status, d.date, d.by, d.rationale,
             "yes" if n == len(st.decisions) - 1 else None]
            for st in port.startups for n, d in enumerate(st.decisions)]
    assert len(rows) == len(want) > 0
    for got, exp in zip(rows, want, strict=True):
        assert got[:3] == exp[:3] and got[3].date() == exp[3] and got[4:] == exp[4:]
    assert ws["D2"].number_format == "yyyy-mm-dd"


def test_spreadsheet_rounding_goes_half_away_from_zero():
    from models.workbook.sheets import round_half_away

    assert round(2.675, 2) == 2.67 and round_half_away(2.675, 2) == 2.68  # 2.675 as shown
    assert round_half_away(62.125, 2) == 62.13 and round_half_away(-62.125, 2) == -62.13
    assert round_half_away(0.5, 0) == 1.0 and round_half_away(-0.5, 0) == -1.0
    assert round_half_away(0.12345, 4) == 0.1235 and round_half_away(1 / 3, 2) == 0.33


def test_scores_validations(wb):
    ws = wb["Scores"]
    last = 1 + 13 * 18
    dvs = {dv.type: dv for dv in ws.data_validations.dataValidation}
    score, conf = dvs["whole"], dvs["list"]
    assert str(score.sqref) == f"J2:J{last}"
    assert score.operator in (None, "between")  # "between" is the default
    assert (score.formula1, score.formula2, score.allow_blank) == ("1", "5", True)
    assert str(conf.sqref) == f"K2:K{last}" and conf.formula1 == '"low,medium,high"'


def test_column_widths_fit_and_count_chinese_double(tmp_path):
    fw = default_framework()
    latin, chinese = "Abcdefghijklmno", "星澜云启墨言青禾知微远帆灵犀听"  # 15 characters each
    port = Portfolio(framework=fw, startups=[
        Startup(name=latin, assessments=[Assessment()]),
        Startup(name=chinese, assessments=[Assessment()]),
    ])
    export_workbook(port, tmp_path / "w.xlsx")
    wb = load_workbook(tmp_path / "w.xlsx")
    # the file stores Excel's width plus its padding (32 → 32.71)
    assert int(wb["Assessments"].column_dimensions["A"].width) == 15 * 2 + 2
    assert int(wb["Summary"].column_dimensions["B"].width) == 15 * 2 + 2
    only_latin = Portfolio(framework=fw, startups=[Startup(name=latin,
                                                           assessments=[Assessment()])])
    export_workbook(only_latin, tmp_path / "l.xlsx")
    wb = load_workbook(tmp_path / "l.xlsx")
    assert int(wb["Assessments"].column_dimensions["A"].width) == 17
    assert int(wb["Summary"].column_dimensions["B"].width) == 17


def test_charts_are_one_bar_chart_per_question(sample_export, wb):
    port = sample_export[0]
    k = len(port.framework.pillars)
    ws = wb["Charts"]
    assert [type(c) for c in ws._charts] == [BarChart] * (1 + k)
    with zipfile.ZipFile(sample_export[1]) as z:
        names = z.namelist()
        assert not [n for n in names if n.startswith("xl/media/")]  # no pictures
        xml = "".join(z.read(n).decode() for n in names if n.startswith("xl/charts/"))
    # one series per chart: the overall, then each pillar; never one series per startup
    assert len(re.findall(r"<(?:c:)?ser>", xml)) == 1 + k
    head_row = data_row(make_view(port), k)
    assert _row(ws, head_row) == ["Rank", "Startup", "Overall", *_scores()]
    first = _row(ws, head_row + 1)
    r = SUMMARY_HEADER_ROW + 1
    assert first[0] == f"=Summary!$A${r}" and first[2] == f"=Summary!$G${r}"
    assert first[1] == (f'="#"&Summary!$A${r}&" "&Summary!$B${r}&IF(Summary!$E${r}<>"",'
                        f'" (gated)","")')
    assert [c.value for c in ws["A"][head_row:]] == [f"=Summary!$A${r + n}" for n in range(8)]


def test_charts_stay_readable_with_80_startups(tmp_path):
    port = synthetic_portfolio(80, seed=2)
    export_workbook(port, tmp_path / "80.xlsx", analysis_draws=0)
    ws = load_workbook(tmp_path / "80.xlsx")["Charts"]
    k = len(port.framework.pillars)
    head = data_row(make_view(port), k)
    rows = [_row(ws, r) for r in range(head + 1, ws.max_row + 1)]
    assert len(rows) == BAR_MAX  # the data block holds the first 30 of the Summary
    with zipfile.ZipFile(tmp_path / "80.xlsx") as z:
        charts = [z.read(n).decode() for n in sorted(z.namelist())
                  if n.startswith("xl/charts/chart")]
    counts = sorted(len(re.findall(r"<c:pt idx=", x)) for x in charts)
    # the series name, categories and values of 30 bars in the overall chart, 12 in each
    # pillar chart
    assert counts == [1 + 2 * PILLAR_MAX] * k + [1 + 2 * BAR_MAX]


def test_about_sheet(wb):
    ws = wb["About"]
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    fw = default_framework()
    assert values["Workbook"] == "beachhead.export" and values["Layout version"] == 3
    assert values["App version"] == models.__version__
    assert values["Framework ID"] == fw.id and values["Framework version"] == fw.version
    assert values["Exported (UTC)"] == "2024-11-30 09:15:00 UTC"
    assert values["Source article"] == fw.source["en"]
    assert values["Assessments"] == 13 and values["Startups"] == 8
    assert values["Perspective"].startswith("investor: the investor view. Per criterion")
    assert values["Deal-breakers"].startswith("Deal-breakers: a startup with one is gated")
    assert values["Scenario"] == "Scenario: none."
    assert "How the startups are ranked" in values and "How to change weights" in values
    text = " ".join(str(v) for r in ws.iter_rows(values_only=True) for v in r if v)
    assert "(score − 1) / 4" in text and "Enabled" in text and "¶6" in text


def test_identity_in_defined_names_and_properties(sample_export, wb):
    fw = default_framework()
    names = wb.defined_names
    assert names["Beachhead_FrameworkId"].attr_text.startswith("About!$B$")
    ws = wb["About"]
    ref = names["Beachhead_FrameworkVersion"].attr_text.split("!")[1].replace("$", "")
    assert ws[ref].value == fw.version
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["Beachhead framework id"] == fw.id
    assert props["Beachhead workbook"] == "beachhead.export"
    assert wb.properties.creator == f"Beachhead {models.__version__}"


def test_progress_reports_every_n_assessments(tmp_path, monkeypatch):
    import models.workbook.export as wx

    monkeypatch.setattr(wx, "PROGRESS_EVERY", 4)
    calls: list[tuple[int, int]] = []
    export_workbook(sample_portfolio(), tmp_path / "p.xlsx",
                    progress=lambda d, t: calls.append((d, t)))
    assert calls == [(4, 13), (8, 13), (12, 13), (13, 13)]


def test_cancel_from_progress_leaves_the_old_file_and_no_scratch(tmp_path, monkeypatch):
    import models.workbook.export as wx

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        raise Cancelled

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(wx, "PROGRESS_EVERY", 4)
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.xlsx").write_bytes(b"old")
    for name in ("new.xlsx", "old.xlsx"):
        with pytest.raises(Cancelled):
            export_workbook(sample_portfolio(), out / name, progress=progress)
    gc.collect()  # nothing is written late, when the abandoned workbook goes away
    assert [p.name for p in out.iterdir()] == ["old.xlsx"]
    assert (out / "old.xlsx").read_bytes() == b"old"
    assert list(scratch.iterdir()) == []


def test_empty_portfolio_exports(tmp_path):
    port = Portfolio(framework=default_framework())
    result = export_workbook(port, tmp_path / "e.xlsx")
    wb = load_workbook(tmp_path / "e.xlsx")
    assert result.assessments == 0 and result.startups == 0
    assert wb.sheetnames == list(EXPORT_SHEETS)
    assert wb["Summary"].max_row == SUMMARY_HEADER_ROW and not wb["Charts"]._charts
    assert wb["Assessments"].max_row == 1 and wb["Decisions"].max_row == 1


def test_disabled_pillar_reads_no(tmp_path):
    fw = default_framework().with_weights(enabled={"cap": False})
    port = Portfolio(framework=fw, startups=[Startup(name="A", assessments=[
        Assessment(scores={"cap.runway": Score(value=1)})])])
    export_workbook(port, tmp_path / "d.xlsx")
    ws = load_workbook(tmp_path / "d.xlsx")["Framework"]
    assert [ws.cell(r, 5).value for r in range(2, 7)] == ["yes", "yes", "yes", "yes", "no"]


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "keep.xlsx"
    path.write_bytes(b"old")
    import models.files.atomic as atomic_file

    def boom(src, dst):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(atomic_file.os, "replace", boom)
    with pytest.raises(OSError):
        export_workbook(sample_portfolio(), path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]


def test_cli_export(tmp_path, capsys):
    doc = tmp_path / "s.beachhead"
    save_portfolio(sample_portfolio(), doc)
    out = tmp_path / "s.xlsx"
    assert cli.main(["export", str(doc), "-o", str(out)]) == 0
    assert "13 assessments" in capsys.readouterr().err
    assert load_workbook(out).sheetnames == list(EXPORT_SHEETS)
    assert cli.main(["export", str(doc), "-o", str(tmp_path / "s.csv")]) == 2
    assert cli.main(["export", str(tmp_path / "missing.beachhead"), "-o", str(out)]) == 1
    assert "export" in cli.COMMANDS


def test_cli_export_ranks_under_the_perspective_asked_for(tmp_path, capsys):
    doc = tmp_path / "s.beachhead"
    port = sample_portfolio()
    save_portfolio(port, doc)
    out = tmp_path / "f.xlsx"
    assert cli.main(["export", str(doc), "-o", str(out), "--perspective", "founder",
                     "--ignore-gates", "--draws", "0"]) == 0
    ws = load_workbook(out)["Summary"]
    assert ws["A1"].value == "Startups ranked under the founder view"
    assert ws["A2"].value.startswith("Perspective: the founder view")
    assert "Deal-breakers: ignored for the rank" in ws["A2"].value
    assert "P10–P90: not requested for this export." in ws["A4"].value
    ranking = rank_startups(port, "founder", ignore_gates=True)
    names = [ws.cell(r, 2).value for r in range(SUMMARY_HEADER_ROW + 1, ws.max_row + 1)]
    assert names == [r.startup for r in ranking.rows]
    assert "=IF(ISNUMBER(G6),0+100000000000" in ws["S6"].value  # gates play no part
    assert cli.main(["export", str(doc), "-o", str(out), "--perspective", "nobody"]) == 2
    assert "unknown perspective 'nobody'" in capsys.readouterr().err


def test_cli_export_applies_the_scenario_asked_for(tmp_path, capsys):
    doc = tmp_path / "s.beachhead"
    port = sample_portfolio()
    save_portfolio(port, doc)
    out = tmp_path / "g.xlsx"
    assert cli.main(["export", str(doc), "-o", str(out), "--scenario", "sleeping_giant_enters",
                     "--draws", "0"]) == 0
    ranking = rank_startups(port, "investor", scenario="sleeping_giant_enters")
    assert ranking.rows[0].startup != rank_startups(port).rows[0].startup  # it re-ranks
    _, rows = summary_rows(out)
    assert [r["Startup"] for r in rows] == [r.startup for r in ranking.rows]
    assert [r["Overall"] for r in rows] == pytest.approx(
        [r.overall for r in ranking.rows])
    assert cli.main(["export", str(doc), "-o", str(out), "--overwrite",
                     "--scenario", "meteor"]) == 2  # usage
    assert "meteor" in capsys.readouterr().err


def test_chinese_export_uses_chinese_framework_texts(tmp_path):
    export_workbook(sample_portfolio(), tmp_path / "zh.xlsx", lang="zh_CN")
    wb = load_workbook(tmp_path / "zh.xlsx")
    fw = default_framework()
    head = _row(wb["Assessments"], 1)
    assert head[:5] == ["Startup", "Assessor", "Role", "Date", "Overall"]  # fixed headers
    assert head[5:5 + len(fw.pillars)] == _scores("zh_CN")
    assert "巨头压力（100 = 最小）" in head or any("100 = 最小" in h for h in head)
    assert '"; 细分专家"' in wb["Assessments"].cell(2, 12).value  # the postures formula
    ws = wb["Summary"]
    assert ws["A1"].value == "按投资人视角排名的创业公司"
    assert ws["A2"].value.startswith("视角：投资人视角。")
    summary_head = _row(ws, SUMMARY_HEADER_ROW)
    assert summary_head[:7] == ["Rank", "Startup", "Status", "Suggested", "Gated",
                                "Deal-breakers", "Overall"]
    assert summary_head[7:7 + len(fw.pillars)] == _scores("zh_CN")
    statuses = {ws.cell(r, 3).value for r in range(SUMMARY_HEADER_ROW + 1, ws.max_row + 1)}
    assert {"投委会", "已投资", "已放弃"} <= statuses
    assert '"推进"' in ws.cell(SUMMARY_HEADER_ROW + 1, 4).value


def test_sheet_texts_are_complete_in_chinese():
    from models.workbook.analysis_texts import _TEXTS
    from models.workbook.view_texts import VIEW_TEXTS

    for texts in (VIEW_TEXTS, _TEXTS):
        assert set(texts["en"]) == set(texts["zh_CN"])
        for key, value in texts["zh_CN"].items():
            if key != "weights":  # a fixed word the sheet shows in both languages
                assert value and value != texts["en"][key], key
            fields = {f for f in re.findall(r"{(\w+)}", texts["en"][key])}
            assert fields == set(re.findall(r"{(\w+)}", value)), key
