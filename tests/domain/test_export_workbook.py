"""The exported workbook read back with openpyxl: sheets, headers, formulas, validations,
formats, charts, About sheet, identity, progress, cancelling and the command line."""

from __future__ import annotations

import datetime as dt
import gc
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, RadarChart

import models
from models.cli import main as cli
from models.core.framework import MAX_WEIGHT, MIN_WEIGHT
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework
from models.files.portfolio_file import save_portfolio
from models.workbook.charts_sheet import CHART_DATA_ROW, chart_rows
from models.workbook.export import export_workbook
from models.workbook.layout import (
    CRITERIA_HEADERS,
    EXPORT_SHEETS,
    PILLAR_HEADERS,
    SCORES_HEADERS,
    STARTUPS_HEADERS,
    FrameworkSheet,
)

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


def test_sheets_in_order(wb):
    assert wb.sheetnames == list(EXPORT_SHEETS)
    assert wb.sheetnames[:2] == ["Summary", "Scores"]


def test_summary_headers_exactly(wb):
    fw = default_framework()
    want = ["Startup", "Assessor", "Role", "Date", "Overall",
            *(p.name["en"] for p in fw.pillars), "Completeness", "Postures", "Deal-breakers",
            "Startup ID"]
    assert _row(wb["Summary"], 1) == want


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


def test_summary_cells_are_formulas_over_scores_and_framework(wb):
    ws = wb["Summary"]
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


def test_summary_view_filter_formats_and_colour_scale(wb):
    ws = wb["Summary"]
    k = len(default_framework().pillars)
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:{chr(ord('A') + 8 + k)}14"
    assert ws["E2"].number_format == "0.0" and ws["F2"].number_format == "0.0"
    assert ws.cell(2, 6 + k).number_format == "0.0%"
    assert ws["D2"].is_date and ws["D2"].number_format == "yyyy-mm-dd"
    ranges = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    scale = ranges[f"E2:{chr(ord('E') + k)}14"][0]
    assert scale.type == "colorScale"
    assert [float(v.val) for v in scale.colorScale.cfvo] == [0, 50, 100]
    assert wb["Scores"].freeze_panes == "B2"


def test_print_setup_one_page_wide_with_repeated_header(wb):
    for name in ("Summary", "Scores", "Startups"):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.page_setup.fitToWidth in (None, 1), name  # 1 page wide is the default
        assert ws.page_setup.fitToHeight == 0, name
        assert ws.print_title_rows == "$1:$1", name
    assert wb["Charts"].page_setup.orientation == "portrait"
    assert wb["About"].page_setup.orientation == "portrait"


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
    ws = load_workbook(tmp_path / "w.xlsx")["Summary"]
    # the file stores Excel's width plus its padding (32 → 32.71)
    assert int(ws.column_dimensions["A"].width) == 15 * 2 + 2
    only_latin = Portfolio(framework=fw, startups=[Startup(name=latin,
                                                           assessments=[Assessment()])])
    export_workbook(only_latin, tmp_path / "l.xlsx")
    assert int(load_workbook(tmp_path / "l.xlsx")["Summary"].column_dimensions["A"].width) == 17


def test_charts_are_native_radar_and_bar(sample_export, wb):
    ws = wb["Charts"]
    charts = ws._charts
    assert {type(c) for c in charts} == {RadarChart, BarChart}
    with zipfile.ZipFile(sample_export[1]) as z:
        names = z.namelist()
        assert not [n for n in names if n.startswith("xl/media/")]  # no pictures
        xml = "".join(z.read(n).decode() for n in names if n.startswith("xl/charts/"))
    # radar: one series per startup (8 startups, at most 12); bar: one series of overall scores
    assert len(re.findall(r"<(?:c:)?ser>", xml)) == 8 + 1
    head = _row(ws, CHART_DATA_ROW)
    assert head[0] == "Startup" and head[-1] == "Overall"
    first = _row(ws, CHART_DATA_ROW + 1)
    assert first[0].startswith("=Summary!$A$") and first[-1].startswith("=Summary!$E$")


def test_chart_picks_one_assessment_per_startup_highest_first(sample_export):
    from models.engine.arrays import level_matrix
    from models.engine.scores import score_levels

    port = sample_export[0]
    pairs = port.assessments()
    overall = score_levels(level_matrix([a for _, a in pairs], port.framework),
                           port.framework).overall
    rows = chart_rows(pairs, overall, 12)
    assert len(rows) == len(port.startups) == len({pairs[i][0].id for i in rows})
    assert [overall[i] for i in rows] == sorted((overall[i] for i in rows), reverse=True)
    # a startup with a founder and an investor assessment is shown by the investor's
    for i in rows:
        st = pairs[i][0]
        if any(a.role == "investor" for a in st.assessments):
            assert pairs[i][1].role == "investor"
    assert chart_rows(pairs, overall, 3) == rows[:3]


def test_about_sheet(wb):
    ws = wb["About"]
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    fw = default_framework()
    assert values["Workbook"] == "beachhead.export"
    assert values["App version"] == models.__version__
    assert values["Framework ID"] == fw.id and values["Framework version"] == fw.version
    assert values["Exported (UTC)"] == "2024-11-30 09:15:00 UTC"
    assert values["Source article"] == fw.source["en"]
    assert values["Assessments"] == 13 and values["Startups"] == 8
    assert "How the scores are computed" in values and "How to change weights" in values
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
    assert result.assessments == 0 and wb.sheetnames == list(EXPORT_SHEETS)
    assert wb["Summary"].max_row == 1 and not wb["Charts"]._charts


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


def test_chinese_export_uses_chinese_framework_texts(tmp_path):
    export_workbook(sample_portfolio(), tmp_path / "zh.xlsx", lang="zh_CN")
    wb = load_workbook(tmp_path / "zh.xlsx")
    fw = default_framework()
    head = _row(wb["Summary"], 1)
    assert head[:5] == ["Startup", "Assessor", "Role", "Date", "Overall"]  # fixed headers
    assert head[5] == fw.pillars[0].name["zh_CN"]
    assert '"; 细分专家"' in wb["Summary"].cell(2, 12).value  # the postures formula
