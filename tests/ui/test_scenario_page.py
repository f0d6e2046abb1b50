"""The Compare view's Scenarios tab: each startup's overall and rank under the perspective, as
scored and under the chosen scenario, equal to analyze_startups' scenario impact; the
document's active scenario untouched; the Compare filters hiding rows; edits followed while
the tab is on screen (pytest-qt, offscreen)."""

from __future__ import annotations

import html

import pytest

from gui import commands as cmd
from gui.tables.roles import StartupIdRole
from gui.tables.scenarios import ScenarioDeltasModel
from gui.views.compare.view import CompareView
from models.analysis.startups import analyze_startups
from models.engine.scenario_text import explain_scenario
from models.engine.scenarios import exposure_hits

S = ScenarioDeltasModel


@pytest.fixture
def view(compare_view: CompareView) -> CompareView:
    return compare_view


def _by_startup(model: ScenarioDeltasModel) -> dict[str, list[float | None]]:
    return {model.startup_id(r): [model.value(r, c) for c in (
        S.BEFORE, S.AFTER, S.DELTA, S.RANK_BEFORE, S.RANK_AFTER, S.RANK_CHANGE)]
        for r in range(model.rowCount())}


def _expected(doc, scenario_id: str) -> dict[str, list[float | None]]:  # type: ignore[no-untyped-def]
    a = analyze_startups(doc.portfolio, doc.perspective, draws=1, scenario=scenario_id,
                         ignore_gates=doc.ignore_gates)
    impact, rank, before, change = a.scenario_impact, a.rank, a.rank_before, a.rank_change
    assert impact is not None and before is not None and change is not None
    out = {}
    for i, st in enumerate(a.startups):
        b, f = float(impact.before[i]), float(impact.after[i])
        values = [b, f, f - b, float(before[i]), float(rank[i]), float(change[i])]
        out[st.id] = [None if v != v else v for v in values]  # unscored: no overall
    return out


def test_model_passes_qt_model_tester(qtmodeltester, doc):
    model = ScenarioDeltasModel(doc)
    model.refresh()
    qtmodeltester.check(model)
    model.set_scenario("financing_thaw")
    qtmodeltester.check(model)


@pytest.mark.parametrize("perspective", ["investor", "founder"])
def test_table_equals_the_analysis_of_startups(view, doc, perspective):
    doc.set_perspective(perspective)
    view.show_scenario_deltas("sleeping_giant_enters")
    assert view.tabs.currentWidget() is view.scenarios
    model = view.scenarios.model
    view.scenarios.refresh()
    assert model.scenario_id == "sleeping_giant_enters"
    assert model.rowCount() == len(doc.portfolio.startups)
    got, want = _by_startup(model), _expected(doc, "sleeping_giant_enters")
    for sid, values in want.items():
        assert got[sid] == pytest.approx(values)
    assert doc.scenario is None  # this tab only compares
    # each startup's exposure: the rules that hold on its levels under the perspective
    levels = doc.ranking().view.levels
    scen = doc.framework.scenario("sleeping_giant_enters")
    hits = exposure_hits(levels, doc.framework, scen)
    for r in range(model.rowCount()):
        assert model.value(r, S.EXPOSURE) == hits[doc.startup_index(model.startup_id(r))]
    assert any(hits) and not all(hits)  # it hits some startups, not all
    # the scenario explained beside the table: its name and every exposure rule
    shown = view.scenarios.explanation.text()
    explained = explain_scenario(doc.framework, "sleeping_giant_enters")
    assert explained.name in shown
    assert explained.exposure
    assert all(html.escape(r.name, quote=False) in shown for r in explained.exposure)
    # sorted by the rank under the scenario
    ranks = [model.value(r, S.RANK_AFTER) for r in range(model.rowCount())]
    assert ranks == sorted(ranks)


def test_the_compare_filters_hide_rows_but_keep_the_ranks(view, doc):
    view.show_scenario_deltas("financing_thaw")
    view.scenarios.refresh()
    model = view.scenarios.model
    ranks = _by_startup(model)
    view.startups.filter_edit.setText("chattersky")
    assert model.rowCount() == 1
    sid = model.startup_id(0)
    assert model.index(0, 0).data(StartupIdRole) == sid
    assert _by_startup(model)[sid] == ranks[sid]
    view.startups.filter_edit.clear()
    assert model.rowCount() == 8


def test_follows_score_edits_while_shown(qtbot, view, doc):
    view.show()
    qtbot.waitExposed(view)
    view.show_scenario_deltas("financing_thaw")
    st = doc.portfolio.find_startup("Lumenreel")
    doc.undo_stack.push(cmd.SetScoreField(doc, st.assessments[0].id, "niche.segment_focus",
                                          "value", 5))
    want = _expected(doc, "financing_thaw")[st.id]
    qtbot.waitUntil(lambda: _by_startup(view.scenarios.model).get(st.id) == pytest.approx(want),
                    timeout=5000)


def test_choosing_a_row_activates_its_startup(qtbot, view, doc):
    view.show_scenario_deltas("open_source_price_war")
    view.scenarios.refresh()
    index = view.scenarios.model.index(1, 0)
    sid = index.data(StartupIdRole)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        view.scenarios.table.setCurrentIndex(index)
    assert blocker.args[0] == sid
