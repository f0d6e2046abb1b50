"""Startups keep their identity through export and import: rows are grouped by Startup ID
(layout 2) or by the exact name (layout 1); names that only look alike (``Acme``, ``ACME ``)
are never merged silently; merging matches by id, then exact name; ``--startup`` prefers the
exact name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.cli import main as cli
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.files.framework_file import default_framework
from models.files.portfolio_file import save_portfolio
from models.report.data import UnknownStartupError, select_assessments
from models.store.access import read_portfolio_file
from models.workbook.export import export_workbook
from models.workbook.importing.batch import import_workbooks, merge_into, plan_merge, read_workbook
from tests.workbook_corpus import fill_template

FW = default_framework()
IDS = FW.criterion_ids
M = len(IDS)


def _portfolio(*names: str) -> Portfolio:
    """One startup per name (ids ``s1``, ``s2``…), each with one assessment by a different
    assessor."""
    return Portfolio(framework=FW, startups=[
        Startup(id=f"s{i}", name=name, sector=f"sector {i}", assessments=[
            Assessment(assessor=f"Assessor {i}", date=dt.date(2024, 10, i),
                       scores={IDS[0]: Score(value=i)})])
        for i, name in enumerate(names, 1)])


def _with_startup_ids(path: Path, portfolio: Portfolio) -> None:
    """Give an export's Scores sheet the layout-2 ``Startup ID`` column (column O), one id
    per assessment block, whatever the writer of the day wrote."""
    wb = load_workbook(path)
    ws = wb["Scores"]
    ws.cell(1, 15, "Startup ID")
    for i, (st, _) in enumerate(portfolio.assessments()):
        for r in range(2 + i * M, 2 + (i + 1) * M):
            ws.cell(r, 15, st.id)
    wb.save(path)


def test_layout_2_keeps_startups_with_the_same_or_look_alike_names_apart(tmp_path):
    port = _portfolio("Acme", "Acme", "ACME ")
    path = tmp_path / "e.xlsx"
    export_workbook(port, path)
    _with_startup_ids(path, port)
    result = read_workbook(path, FW)
    assert result.ok, [str(p) for p in result.problems]
    assert [(s.id, s.name, s.sector) for s in result.startups] == [
        ("s1", "Acme", "sector 1"), ("s2", "Acme", "sector 2"), ("s3", "ACME ", "sector 3")]
    assert [s.assessments[0].level(IDS[0]) for s in result.startups] == [1, 2, 3]
    assert result.workbook_ids == {"s1", "s2", "s3"}
    notes = [str(n) for n in result.notes]
    assert f"{path}: Startups!B3: 'Acme' (Startups!B2) and 'Acme' (Startups!B3) have the " \
           "same name; they stay two startups (the workbook keeps them apart by their Startup " \
           "IDs)" in notes[0]
    assert "'Acme' (Startups!B2) and 'ACME ' (Startups!B4) differ only in case or spacing" \
           in notes[1]
    # into a new portfolio: the ids stay; imported again: every assessment is a duplicate
    merged, notices = merge_into(Portfolio(framework=FW), import_workbooks([path], FW))
    assert [(s.id, s.name) for s in merged.startups] == [("s1", "Acme"), ("s2", "Acme"),
                                                         ("s3", "ACME ")]
    assert notices == []
    again = plan_merge(merged, import_workbooks([path], FW))
    assert again.new_startups == [] and again.new_assessments == []
    assert len(again.duplicates) == 3


def test_layout_1_export_of_look_alike_names_imports_them_apart(tmp_path):
    """A workbook without the Startup ID column groups rows by the exact name: ``Acme`` and
    ``ACME `` used to be merged into one startup on import, losing one."""
    port = _portfolio("Acme", "ACME ", "Beta")
    path = tmp_path / "e.xlsx"
    export_workbook(port, path)
    wb = load_workbook(path)
    ws = wb["Scores"]
    if ws.cell(1, 15).value == "Startup ID":  # a layout-2 writer: make it layout 1
        ws.delete_cols(15)
    wb.save(path)
    report = import_workbooks([path], FW)
    assert report.ok, [str(p) for p in report.problems]
    merged, _ = merge_into(Portfolio(framework=FW), report)
    # the Startups sheet gives each exact name its id back
    assert [(s.id, s.name, len(s.assessments)) for s in merged.startups] == [
        ("s1", "Acme", 1), ("s2", "ACME ", 1), ("s3", "Beta", 1)]
    assert any("'Acme' (Startups!B2) and 'ACME ' (Startups!B3) differ only in case or spacing"
               in n.message for n in report.notes)


def test_merging_matches_by_id_then_exact_name_and_reports_look_alikes(tmp_path):
    base = _portfolio("Acme", "Gamma")
    base.startups[1].name = "Gamma Renamed"  # renamed in the portfolio since the export
    export = tmp_path / "e.xlsx"
    export_workbook(_portfolio("Acme", "Gamma"), export)
    look_alike = tmp_path / "look_alike.xlsx"
    fill_template(look_alike, fields={"Startup": "ACME ", "Assessor": "Li Wei"})
    exact = tmp_path / "exact.xlsx"
    fill_template(exact, fields={"Startup": "Acme", "Assessor": "Li Wei"})
    report = import_workbooks([export, look_alike, exact], FW)
    plan = plan_merge(base, report)
    # Gamma joins by its id although renamed; the exact 'Acme' joins s1; 'ACME ' is new
    assert [(sid, a.assessor) for sid, a in plan.new_assessments] == [("s1", "Li Wei")]
    assert [(s.name, [a.assessor for a in s.assessments]) for s in plan.new_startups] == [
        ("ACME ", ["Li Wei"])]
    assert len(plan.duplicates) == 2  # the export's two assessments are already there
    (note,) = plan.look_alikes
    assert (note.source, note.location) == (str(look_alike), "Assessment")
    assert note.message.startswith("'ACME ' differs only in case or spacing from 'Acme' (in "
                                   "the portfolio), a different startup by its id; it is "
                                   "imported as a startup of its own, not merged")


def test_cli_prints_look_alikes_and_keeps_both(tmp_path, capsys):
    a = tmp_path / "a.xlsx"
    fill_template(a, fields={"Startup": "Acme", "Assessor": "Ann"})
    b = tmp_path / "b.xlsx"
    fill_template(b, fields={"Startup": "acme", "Assessor": "Bob"})
    out = tmp_path / "o.beachhead"
    assert cli.main(["import", str(a), str(b), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{b}: Assessment: note: 'acme' differs only in case or spacing from 'Acme' " \
           f"(imported from {a})" in err
    assert [s.name for s in read_portfolio_file(out).startups] == ["Acme", "acme"]


def test_find_startup_prefers_the_exact_name():
    port = _portfolio("Acme", "ACME ", "Beta")
    assert port.find_startup("ACME ").id == "s2"
    assert port.find_startup("Acme").id == "s1"
    assert port.find_startup("s2").id == "s2"
    assert port.find_startup("beta").id == "s3"  # one loose match is fine
    assert port.find_startup("acme") is None  # two look alike: no guess
    pairs = select_assessments(port, ["ACME "])
    assert [s.id for s, _ in pairs] == ["s2"]
    with pytest.raises(UnknownStartupError):
        select_assessments(port, ["acme"])


def test_cli_report_startup_needs_the_exact_name_among_look_alikes(tmp_path, capsys):
    src = tmp_path / "p.beachhead"
    save_portfolio(_portfolio("Acme", "ACME "), src)
    out = tmp_path / "r.pdf"
    assert cli.main(["report", str(src), "-o", str(out), "--startup", "acme"]) == 1
    err = capsys.readouterr().err
    assert f"{src}: --startup: no startup is named exactly 'acme', and 2 differ from it only " \
           "in case or spacing: 'Acme' (id s1), 'ACME ' (id s2); give the exact name or the " \
           "id" in err
    assert not out.exists()
    assert cli.main(["report", str(src), "-o", str(out), "--startup", "ACME ",
                     "--draws", "10"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_a_startup_id_not_on_the_startups_sheet_is_refused_naming_the_cell(tmp_path):
    port = _portfolio("Acme", "Beta")
    path = tmp_path / "e.xlsx"
    export_workbook(port, path)
    wb = load_workbook(path)
    wb["Scores"]["O2"] = "s99"  # one score row of Acme's assessment points nowhere
    wb.save(path)
    result = read_workbook(path, FW)
    assert not result.ok
    assert [str(p) for p in result.problems] == [
        f"{path}: Scores!O2: startup id 's99' is not on the Startups sheet; put back the "
        "row's id (or the startup's row on Startups)"]


def test_an_export_without_its_scores_sheet_says_so(tmp_path):
    path = tmp_path / "e.xlsx"
    export_workbook(_portfolio("Acme"), path)
    wb = load_workbook(path)
    for name in ("Scores", "Analysis"):
        del wb[name]
    wb.save(path)
    result = read_workbook(path, FW)
    assert not result.ok
    assert str(result.problems[0]).startswith(
        f"{path}: the workbook has no Scores sheet, and no other sheet holds its table")
