"""What readers that do not recalculate see (mail and phone previews, Quick Look, pandas,
calamine): every formula's cached value and the charts' data caches hold exactly Beachhead's
own numbers, and the founder template's live results start as the engine's values for an
empty assessment."""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.arrays import level_matrix
from models.engine.results import score_portfolio
from models.engine.sample import sample_portfolio
from models.engine.scores import score_levels
from models.files.framework_file import default_framework
from models.workbook.charts_sheet import BAR_MAX, CHART_DATA_ROW, RADAR_MAX, chart_rows
from models.workbook.export import export_workbook
from models.workbook.template import FIELDS_ROW, template_header_row, write_template

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _partial() -> Portfolio:
    """Blank pillars, an empty assessment, texts that change on the way into a cell."""
    fw = default_framework()
    ids = fw.criterion_ids
    return Portfolio(framework=fw, startups=[
        Startup(name="=Partial\r\nname", assessments=[
            Assessment(assessor="@ann", date=dt.date(2024, 5, 1), scores={
                cid: Score(value=(i % 5) + 1) for i, cid in enumerate(ids) if i % 3}),
            Assessment(assessor="bob", date=dt.date(2024, 6, 1), scores={
                cid: Score(value=4) for cid in ids if not cid.startswith("cap.")}),
        ]),
        Startup(name="Nothing yet", assessments=[Assessment(date=dt.date(2024, 7, 1))]),
        Startup(name="One score\x07", assessments=[Assessment(
            date=dt.date(2024, 8, 1), scores={"press.price_pressure": Score(value=5)})]),
        Startup(name="Runway", assessments=[Assessment(
            date=dt.date(2024, 9, 1), scores={"cap.runway": Score(value=1)})]),
    ])


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, tuple[Portfolio, Path]]:
    tmp = tmp_path_factory.mktemp("cached")
    out = {}
    for name, port in (("sample", sample_portfolio()), ("partial", _partial())):
        export_workbook(port, tmp / f"{name}.xlsx")
        out[name] = (port, tmp / f"{name}.xlsx")
    return out


def _rows(path: Path, sheet: str) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def _number(v: object) -> float | None:
    """A cached number as calamine gives it: ``""`` is an empty result."""
    if v == "":
        return None
    assert isinstance(v, float), v
    return v


@pytest.mark.parametrize("case", ["sample", "partial"])
def test_summary_holds_the_engine_numbers(exports, case):
    port, path = exports[case]
    rows = _rows(path, "Summary")
    head = rows[0]
    results = score_portfolio(port)
    names = [p.name["en"] for p in port.framework.pillars]
    assert len(rows) == 1 + len(results)
    for row, res in zip(rows[1:], results, strict=True):
        got = dict(zip(head, row, strict=True))
        assert _number(got["Overall"]) == res.overall
        assert [_number(got[n]) for n in names] == list(res.pillars.values())
        assert _number(got["Completeness"]) == res.completeness
        assert got["Postures"] == "; ".join(h.name for h in res.postures)
        assert got["Deal-breakers"] == "; ".join(h.name for h in res.deal_breakers)
        assert got["Startup ID"] == res.startup_id
    if case == "partial":  # the cases this portfolio is for
        assert _number(rows[3][4]) is None and rows[3][10] == 0.0  # nothing scored
        assert rows[5][12] == "Runway exhausted"


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("case", ["sample", "partial"])
def test_pandas_reads_the_scores_without_recalculating(exports, case, engine):
    port, path = exports[case]
    fw = port.framework
    pairs = port.assessments()
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    summary = pd.read_excel(path, sheet_name="Summary", engine=engine)
    np.testing.assert_array_equal(summary["Overall"].to_numpy(float), table.overall)
    for p, pillar in enumerate(fw.pillars):
        np.testing.assert_array_equal(summary[pillar.name["en"]].to_numpy(float),
                                      table.pillars[:, p])
    np.testing.assert_array_equal(summary["Completeness"].to_numpy(float), table.completeness)
    scores = pd.read_excel(path, sheet_name="Scores", engine=engine)
    np.testing.assert_array_equal(scores["Favourability"].to_numpy(float),
                                  table.favourability.reshape(-1))
    weights = [c.weight for c in fw.criteria] * len(pairs)
    assert scores["Weight"].tolist() == weights
    assert scores["Startup ID"].tolist() == [st.id for st, _ in pairs for _ in fw.criteria]


def test_scores_sheet_holds_weights_and_favourability(exports):
    port, path = exports["partial"]
    fw = port.framework
    pairs = port.assessments()
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    rows = _rows(path, "Scores")[1:]
    m = len(fw.criteria)
    for n, row in enumerate(rows):
        i, j = divmod(n, m)
        assert row[8] == fw.criteria[j].weight
        fav = table.favourability[i, j]
        assert _number(row[11]) == (None if math.isnan(fav) else fav)
    # 0.25 steps: a benefit 2 is 0.25, a cost 5 is 0.0
    assert rows[1][9] == 2.0 and rows[1][11] == 0.25
    assert _rows(path, "Summary")[4][0] == "One score\ufffd"


def _charted(port: Portfolio) -> tuple[list[int], np.ndarray, np.ndarray]:
    fw = port.framework
    pairs = port.assessments()
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    return chart_rows(pairs, table.overall, BAR_MAX), table.pillars, table.overall


@pytest.mark.parametrize("case", ["sample", "partial"])
def test_charts_data_block_holds_the_engine_numbers(exports, case):
    port, path = exports[case]
    rows, pillars, overall = _charted(port)
    pairs = port.assessments()
    block = _rows(path, "Charts")[CHART_DATA_ROW - 1:]
    assert block[0] == ["Startup", *(p.name["en"] for p in port.framework.pillars), "Overall"]
    assert len(block) == 1 + len(rows)
    for got, i in zip(block[1:], rows, strict=True):
        want = [None if math.isnan(x) else x for x in pillars[i]]
        assert got[0] == pairs[i][0].name.replace("\x07", "\ufffd")
        assert [_number(v) for v in got[1:-1]] == want
        assert got[-1] == overall[i]


def _chart_xml(path: Path) -> dict[str, ElementTree.Element]:
    """Chart kind (``radarChart``, ``barChart``) → its plot element."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/charts/chart"):
                plot = ElementTree.fromstring(z.read(name)).find(f"{C}chart/{C}plotArea")
                assert plot is not None
                for kind in ("radarChart", "barChart"):
                    el = plot.find(C + kind)
                    if el is not None:
                        out[kind] = el
    return out


def _points(series: ElementTree.Element, part: str) -> dict[int, str]:
    """``idx → value`` of a series part's cached points (``tx``, ``cat``, ``val``), with
    Excel's ``_xHHHH_`` escapes decoded as Excel does."""
    node = series.find(C + part)
    assert node is not None, part
    return {int(pt.get("idx", "-1")): re.sub("_x([0-9A-F]{4})_", lambda m: chr(int(m[1], 16)),
                                             pt.findtext(f"{C}v", ""))
            for pt in node.iter(f"{C}pt")}


@pytest.mark.parametrize("case", ["sample", "partial"])
def test_chart_caches_hold_the_values(exports, case):
    port, path = exports[case]
    rows, pillars, overall = _charted(port)
    pairs = port.assessments()
    names = [pairs[i][0].name.replace("\x07", "\ufffd") for i in rows]
    pillar_names = [p.name["en"] for p in port.framework.pillars]
    charts = _chart_xml(path)
    radar = charts["radarChart"].findall(f"{C}ser")
    assert len(radar) == min(RADAR_MAX, len(rows))
    for series, i, name in zip(radar, rows, names, strict=False):
        assert series.find(f"{C}val/{C}numRef/{C}numCache") is not None
        assert _points(series, "tx") == {0: name}
        assert _points(series, "cat") == dict(enumerate(pillar_names))
        want = {p: x for p, x in enumerate(pillars[i].tolist()) if not math.isnan(x)}
        assert {k: float(v) for k, v in _points(series, "val").items()} == want
    (bar,) = charts["barChart"].findall(f"{C}ser")
    assert _points(bar, "cat") == dict(enumerate(names))
    assert {k: float(v) for k, v in _points(bar, "val").items()} == {
        n: overall[i] for n, i in enumerate(rows)}


def test_template_results_start_as_the_engine_values(tmp_path):
    fw = default_framework()
    path = tmp_path / "t.xlsx"
    write_template(fw, path)
    rows = _rows(path, "Assessment")
    top = range(FIELDS_ROW - 1, FIELDS_ROW + len(fw.pillars) + 1)  # 0-based rows
    results = {rows[r][2]: rows[r][3] for r in top}
    assert results["Overall"] == "" and results["Completeness"] == 0.0
    assert all(results[p.name["en"]] == "" for p in fw.pillars)
    first = template_header_row(fw)  # 0-based index of the first criterion row
    criteria = rows[first:first + len(fw.criteria)]
    assert [r[14] for r in criteria] == [c.weight for c in fw.criteria]
    assert [r[15] for r in criteria] == [""] * len(fw.criteria)
