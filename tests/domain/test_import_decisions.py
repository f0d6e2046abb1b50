"""Decisions on an export's Decisions sheet come back with their startups: statuses read in
any language, problems naming their cell, merged into an existing portfolio without
doubling; and an export of the previous layout (no Decisions sheet, one Summary row per
assessment) still imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from models.core.decisions import Decision
from models.core.portfolio import Portfolio
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework
from models.workbook.export import export_workbook
from models.workbook.importing.batch import import_workbooks, merge_into, plan_merge
from models.workbook.importing.decisions_reader import parse_status
from tests.workbook_views import many_views

FW = default_framework()


def _export(tmp_path: Path, name: str = "e.xlsx") -> tuple[Portfolio, Path]:
    port = sample_portfolio()
    path = tmp_path / name
    export_workbook(port, path, analysis_draws=0)
    return port, path


def _decisions(port: Portfolio) -> dict[str, list[Decision]]:
    return {st.id: st.decisions for st in port.startups}


def test_statuses_read_as_stored_or_by_name_in_either_language():
    assert parse_status("diligence") == parse_status(" Diligence ") == "diligence"
    assert parse_status("尽调") == parse_status("DILIGENCE") == "diligence"
    assert parse_status("已放弃") == "passed" and parse_status("Watch") == "watch"
    for bad in ("maybe", "", 3):
        try:
            parse_status(bad)
        except ValueError as exc:
            assert "screening, diligence, committee, invested, passed, watch" in str(exc)
        else:
            raise AssertionError(bad)


def test_an_edited_decisions_sheet_imports_as_typed(tmp_path):
    port, path = _export(tmp_path)
    wb = load_workbook(path)
    ws = wb["Decisions"]
    first = port.startups[0]  # no decision yet in the sample
    ws.append([first.id, first.name, "Diligence", dt.date(2025, 1, 9), "Ann", "typed", None])
    ws.append([None] * 7)  # a blank row is skipped
    ws.append([None, port.startups[1].name, "观察", "2025-02-01", None, None, "yes"])
    wb.save(path)
    report = import_workbooks([path], FW)
    assert report.ok, [str(p) for p in report.problems]
    merged, _ = merge_into(Portfolio(framework=FW), report)
    got = _decisions(merged)
    assert got[first.id] == [Decision(status="diligence", date=dt.date(2025, 1, 9), by="Ann",
                                      rationale="typed")]
    # the row without an id joins by the exact name; its decision is the latest, so current
    second = merged.startups[1]
    assert second.decisions[:-1] == port.startups[1].decisions
    assert second.decision == Decision(status="watch", date=dt.date(2025, 2, 1))


def test_bad_decision_rows_are_refused_naming_their_cell(tmp_path):
    _, path = _export(tmp_path)
    wb = load_workbook(path)
    ws = wb["Decisions"]
    n = ws.max_row
    ws.cell(2, 3).value = "maybe"
    ws.cell(3, 4).value = None
    ws.append(["nobody", "Ghost", "watch", dt.date(2025, 1, 1), None, None, None])
    wb.save(path)
    report = import_workbooks([path], FW)
    problems = {p.location: p.message for p in report.problems}
    assert problems["Decisions!C2"] == ("status 'maybe' is not one of screening, diligence, "
                                        "committee, invested, passed, watch")
    assert problems["Decisions!D3"] == ("a decision without a date; expected a date such as "
                                        "2024-10-31")
    assert problems[f"Decisions!A{n + 1}"] == (
        "startup id 'nobody' is not on the Startups sheet; put back the decision's Startup ID")
    assert not report.imported


def test_decisions_merge_into_a_portfolio_without_doubling(tmp_path):
    port, path = _export(tmp_path)
    report = import_workbooks([path], FW)
    plan = plan_merge(port, report)
    assert plan.field_updates == [] and plan.new_startups == []  # nothing new: no change
    # the portfolio moved on since the export: a startup lost its last decision and another
    # took a new one; the import adds back only what the portfolio does not have
    edited = port.model_copy(deep=True)
    gone = next(st for st in edited.startups if len(st.decisions) > 1)
    removed = gone.decisions.pop()
    later = Decision(status="watch", date=dt.date(2030, 1, 1), by="Ann")
    kept = next(st for st in edited.startups if st.decisions and st is not gone)
    kept.decisions.append(later)
    plan = plan_merge(edited, report)
    assert plan.field_updates == [(gone.id, "decisions", [*gone.decisions, removed])]
    merged, _ = merge_into(edited, report)
    after = _decisions(merged)
    assert after[gone.id][-1] == removed and after[kept.id][-1] == later
    assert sum(len(v) for v in after.values()) == sum(len(v) for v in _decisions(port).values()) + 1


def test_two_workbooks_bring_their_decisions_to_one_new_startup(tmp_path):
    port = many_views(8)
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export_workbook(port, a, analysis_draws=0)
    changed = port.model_copy(deep=True)
    st = changed.startups[0]
    st.decisions.append(Decision(status="committee", date=dt.date(2024, 9, 9)))
    export_workbook(changed, b, analysis_draws=0)
    merged, _ = merge_into(Portfolio(framework=port.framework),
                           import_workbooks([a, b], port.framework))
    (again,) = [s for s in merged.startups if s.id == st.id]
    assert again.decisions == st.decisions and again.decision is not None
    assert again.decision.status == "committee"


def test_an_export_of_the_previous_layout_still_imports(tmp_path):
    """Layout 2: one Summary row per assessment, no Assessments, Levels or Decisions sheet.
    Its Scores and Startups sheets are those of layout 3, so it imports the same startups and
    assessments (without decisions: it had none)."""
    port, path = _export(tmp_path)
    wb = load_workbook(path)
    for name in ("Summary", "Levels", "Decisions", "Analysis", "Charts"):
        del wb[name]
    wb["Assessments"].title = "Summary"
    about = wb["About"]
    row = next(r for r in range(1, 20) if about.cell(r, 1).value == "Layout version")
    about.cell(row, 2).value = 2
    wb.save(tmp_path / "layout2.xlsx")
    report = import_workbooks([tmp_path / "layout2.xlsx"], FW)
    assert report.ok, [str(p) for p in report.problems]
    merged, _ = merge_into(Portfolio(framework=FW), report)
    assert [(s.id, s.name, len(s.assessments), s.decisions) for s in merged.startups] == [
        (s.id, s.name, len(s.assessments), []) for s in port.startups]


def test_a_newer_layout_is_refused_with_its_number(tmp_path):
    _, path = _export(tmp_path)
    wb = load_workbook(path)
    about = wb["About"]
    row = next(r for r in range(1, 20) if about.cell(r, 1).value == "Layout version")
    about.cell(row, 2).value = 4
    wb.save(path)
    report = import_workbooks([path], FW)
    (problem,) = report.problems
    assert "workbook layout 4); expected layout 3 or older" in problem.message
