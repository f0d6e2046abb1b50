"""What readers that do not recalculate see (mail and phone previews, Quick Look, pandas,
calamine): every formula's cached value and the charts' data caches hold exactly Beachhead's
own numbers (the ranking of startups on the Summary, levels on the Levels sheet, each
assessment on the Assessments sheet), and the founder template's live results start as the
engine's values for an empty assessment."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from models.analysis.perspective_bands import perspective_bands
from models.core.decisions import status_name, suggestion_name
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.arrays import level_matrix
from models.engine.ranking import rank_startups
from models.engine.results import score_portfolio
from models.engine.sample import sample_portfolio
from models.engine.scores import score_levels
from models.files.framework_file import default_framework
from models.workbook.charts_sheet import BAR_MAX, PILLAR_MAX, charted, data_row
from models.workbook.export import export_workbook
from models.workbook.layout import TEMPLATE_COLUMN
from models.workbook.plan import make_plan
from models.workbook.template import FIELDS_ROW, template_header_row, write_template
from models.workbook.template_rows import RESULT_LABEL, RESULT_VALUE
from models.workbook.view_plan import make_view_plan
from models.workbook.xlsx_text import clean_text
from tests.workbook_views import many_views, summary_rows

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _partial() -> Portfolio:
    """Blank pillars, an empty assessment, texts that change on the way into a cell; two
    investors who scored different criteria, a startup gated by a deal-breaker."""
    fw = default_framework()
    ids = fw.criterion_ids
    return Portfolio(framework=fw, startups=[
        Startup(name="=Partial\r\nname", assessments=[
            Assessment(assessor="@ann", role="investor", date=dt.date(2024, 5, 1), scores={
                cid: Score(value=(i % 5) + 1) for i, cid in enumerate(ids) if i % 3}),
            Assessment(assessor="bob", role="investor", date=dt.date(2024, 6, 1), scores={
                cid: Score(value=4) for cid in ids if not cid.startswith("cap.")}),
        ]),
        Startup(name="Nothing yet", assessments=[Assessment(role="investor",
                                                            date=dt.date(2024, 7, 1))]),
        Startup(name="One score\x07", assessments=[Assessment(
            role="investor", date=dt.date(2024, 8, 1),
            scores={"press.price_pressure": Score(value=5)})]),
        Startup(name="Runway", assessments=[Assessment(
            role="investor", date=dt.date(2024, 9, 1), scores={"cap.runway": Score(value=1)})]),
    ])


CASES = ("sample", "partial", "views")


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, tuple[Portfolio, Path]]:
    tmp = tmp_path_factory.mktemp("cached")
    out = {}
    for name, port in (("sample", sample_portfolio()), ("partial", _partial()),
                       ("views", many_views())):
        export_workbook(port, tmp / f"{name}.xlsx", analysis_draws=400, analysis_seed=5)
        out[name] = (port, tmp / f"{name}.xlsx")
    return out


def _rows(path: Path, sheet: str) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def shown(name: str) -> str:
    """``name`` as a cell holds it (XML-forbidden characters replaced)."""
    return clean_text(name)[0]


def _number(v: object) -> float | None:
    """A cached number as calamine gives it: ``""`` is an empty result."""
    if v == "":
        return None
    assert isinstance(v, float), v
    return v


@pytest.mark.parametrize("case", CASES)
def test_summary_holds_the_ranking_of_startups(exports, case):
    port, path = exports[case]
    _head, rows = summary_rows(path)
    ranking = rank_startups(port)
    bands = perspective_bands(ranking.view, port.framework, draws=400, seed=5)
    names = [p.score_name("en") for p in port.framework.pillars]
    assert len(rows) == len(port.startups)
    for got, want in zip(rows, ranking.rows, strict=True):
        assert got["Rank"] == want.rank and got["Startup"] == shown(want.startup)
        assert got["Startup ID"] == want.startup_id
        assert _number(got["Overall"]) == want.overall
        assert [_number(got[n]) for n in names] == list(want.pillars.values())
        assert _number(got["Completeness"]) == want.completeness
        assert got["Deal-breakers"] == "; ".join(want.deal_breakers)
        assert got["Gated"] == ("yes" if want.gated else "")
        assert got["Status"] == (status_name(want.status) if want.status else "")
        assert got["Suggested"] == (suggestion_name(want.suggested) if want.suggested else "")
        assert _number(got["Founder gap"]) == want.founder_gap
        assert got["Assessments used"] == want.assessments
        # the figures of beachhead score for the same draws and seed, to the last bits
        for key, band in (("P10", bands.p10), ("P90", bands.p90)):
            value = float(band[want.row])
            if math.isnan(value):
                assert got[key] == "", key
            else:
                assert _number(got[key]) == pytest.approx(value, rel=1e-12, abs=0), key
    if case == "views":  # the cases this portfolio is for
        assert {r["Gated"] for r in rows} == {"yes", ""}
        assert [r["Startup"] for r in rows].index("aaa twin") + 1 == [
            r["Startup"] for r in rows].index(port.startups[2].name)  # tie: by name
        assert rows[-1]["Overall"] == "" and rows[-1]["Rank"] == len(rows)


@pytest.mark.parametrize("case", CASES)
def test_assessments_sheet_holds_the_engine_numbers(exports, case):
    port, path = exports[case]
    rows = _rows(path, "Assessments")
    head = rows[0]
    results = score_portfolio(port)
    names = [p.score_name("en") for p in port.framework.pillars]
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


@pytest.mark.parametrize("case", CASES)
def test_levels_sheet_holds_each_startups_view(exports, case):
    port, path = exports[case]
    fw = port.framework
    m = len(fw.criteria)
    ranking = rank_startups(port)
    rows = _rows(path, "Levels")[6:]
    assert len(rows) == len(port.startups)
    for got, want in zip(rows, ranking.rows, strict=True):
        levels = ranking.view.levels[want.row]
        assert got[:3] == [want.startup_id, shown(want.startup), float(want.assessments)]
        assert [_number(v) for v in got[4:4 + m]] == [
            None if math.isnan(x) else x for x in levels]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("case", ["sample", "partial"])
def test_pandas_reads_the_scores_without_recalculating(exports, case, engine):
    port, path = exports[case]
    fw = port.framework
    pairs = port.assessments()
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    summary = pd.read_excel(path, sheet_name="Assessments", engine=engine)
    np.testing.assert_array_equal(summary["Overall"].to_numpy(float), table.overall)
    for p, pillar in enumerate(fw.pillars):
        np.testing.assert_array_equal(summary[pillar.score_name("en")].to_numpy(float),
                                      table.pillars[:, p])
    np.testing.assert_array_equal(summary["Completeness"].to_numpy(float), table.completeness)
    ranked = pd.read_excel(path, sheet_name="Summary", engine=engine, header=4)
    want = [r.overall for r in rank_startups(port).rows]
    np.testing.assert_array_equal(ranked["Overall"].to_numpy(float),
                                  np.array([np.nan if w is None else w for w in want]))
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
    assert _rows(path, "Assessments")[4][0] == "One score\ufffd"


@pytest.mark.parametrize("case", CASES)
def test_charts_data_block_holds_the_first_startups_of_the_summary(exports, case):
    port, path = exports[case]
    view = make_view_plan(port, make_plan(port, "en"), "investor")
    n = charted(view)
    ranking = rank_startups(port)
    if not n:
        assert _rows(path, "Charts")[0][0].startswith("No startup has a score yet")
        return
    block = _rows(path, "Charts")[data_row(view, len(port.framework.pillars)) - 1:]
    assert block[0] == ["Rank", "Startup", "Overall",
                        *(p.score_name("en") for p in port.framework.pillars)]
    assert len(block) == 1 + n
    for got, want in zip(block[1:], ranking.rows, strict=False):
        gated = " (gated)" if want.gated else ""
        assert got[:3] == [float(want.rank), shown(f"#{want.rank} {want.startup}{gated}"),
                           want.overall]
        assert [_number(v) for v in got[3:]] == list(want.pillars.values())


def _chart_xml(path: Path) -> dict[str, list[ElementTree.Element]]:
    """Chart kind (``barChart``…) → its plot elements, in the order the charts were added."""
    out: dict[str, list[ElementTree.Element]] = {}
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        for name in sorted(names, key=lambda n: int(re.sub(r"\D", "", n))):
            plot = ElementTree.fromstring(z.read(name)).find(f"{C}chart/{C}plotArea")
            assert plot is not None
            for el in plot:
                if el.tag.endswith("Chart"):
                    out.setdefault(el.tag.removeprefix(C), []).append(el)
    return out


def _points(series: ElementTree.Element, part: str) -> dict[int, str]:
    """``idx → value`` of a series part's cached points (``tx``, ``cat``, ``val``), with
    Excel's ``_xHHHH_`` escapes decoded as Excel does."""
    node = series.find(C + part)
    assert node is not None, part
    return {int(pt.get("idx", "-1")): re.sub("_x([0-9A-F]{4})_", lambda m: chr(int(m[1], 16)),
                                             pt.findtext(f"{C}v", ""))
            for pt in node.iter(f"{C}pt")}


@pytest.mark.parametrize("case", CASES)
def test_chart_caches_hold_the_values(exports, case):
    port, path = exports[case]
    ranking = rank_startups(port)
    scored = [r for r in ranking.rows if r.overall is not None]
    labels = [shown(f"#{r.rank} {r.startup}{' (gated)' if r.gated else ''}") for r in scored]
    charts = _chart_xml(path)
    if not scored:  # nothing scored under the investor view: no chart
        assert charts == {}
        return
    bars = charts["barChart"]
    overall, *pillars = bars
    assert len(pillars) == len(port.framework.pillars)
    (series,) = overall.findall(f"{C}ser")
    assert series.find(f"{C}val/{C}numRef/{C}numCache") is not None
    top = scored[:BAR_MAX]
    assert _points(series, "tx") == {0: "Overall"}
    assert _points(series, "cat") == dict(enumerate(labels[:BAR_MAX]))
    assert {k: float(v) for k, v in _points(series, "val").items()} == {
        n: r.overall for n, r in enumerate(top)}
    for p, (chart, pillar) in enumerate(zip(pillars, port.framework.pillars, strict=True)):
        (series,) = chart.findall(f"{C}ser")
        first = scored[:PILLAR_MAX]
        assert _points(series, "tx") == {0: pillar.score_name("en")}
        assert _points(series, "cat") == dict(enumerate(labels[:PILLAR_MAX]))
        want = {n: r.pillars[pillar.id] for n, r in enumerate(first)
                if r.pillars[pillar.id] is not None}
        assert {k: float(v) for k, v in _points(series, "val").items()} == want, p


def test_template_results_start_as_the_engine_values(tmp_path):
    fw = default_framework()
    path = tmp_path / "t.xlsx"
    write_template(fw, path)
    rows = _rows(path, "Assessment")
    top = range(FIELDS_ROW - 1, FIELDS_ROW + len(fw.pillars) + 1)  # 0-based rows
    results = {rows[r][RESULT_LABEL - 1]: rows[r][RESULT_VALUE - 1] for r in top}
    assert results["Overall"] == "" and results["Completeness"] == 0.0
    assert all(results[p.name["en"]] == "" for p in fw.pillars)
    first = template_header_row(fw)  # 0-based index of the first criterion row
    criteria = rows[first:first + len(fw.criteria)]
    weight, fav = TEMPLATE_COLUMN["Weight"] - 1, TEMPLATE_COLUMN["Favourability"] - 1
    assert [r[weight] for r in criteria] == [c.weight for c in fw.criteria]
    assert [r[fav] for r in criteria] == [""] * len(fw.criteria)


def test_summary_is_in_the_order_of_the_score_command(exports, tmp_path, capsys):
    """Done when: the workbook's Summary shows the startups in the order of
    ``beachhead score FILE --format json --perspective investor``, with its figures."""
    from models.files.portfolio_file import save_portfolio
    from tests.helpers import run_cli

    port, path = exports["sample"]
    doc = tmp_path / "sample.beachhead"
    save_portfolio(port, doc)
    code, out, _ = run_cli(capsys, "score", str(doc), "--format", "json", "--perspective",
                           "investor", "--draws", "400", "--seed", "5")
    assert code == 0
    expected = json.loads(out)
    _, rows = summary_rows(path)
    assert [(r["Rank"], r["Startup ID"], r["Startup"]) for r in rows] == [
        (w["rank"], w["startup_id"], w["startup"]) for w in expected]
    for got, want in zip(rows, expected, strict=True):
        assert (got["Gated"] == "yes") == want["gated"]
        assert _number(got["Overall"]) == want["overall"]
        assert _number(got["Founder gap"]) == want["founder_gap"]
        assert got["Status"] == (status_name(want["status"]) if want["status"] else "")
        assert _number(got["P10"]) == pytest.approx(want["p10"], rel=1e-12)
        assert _number(got["P90"]) == pytest.approx(want["p90"], rel=1e-12)
