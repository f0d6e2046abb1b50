"""File ▸ Import Workbooks shows what is wrong as a table (File, Sheet, Cell, Problem) that
sorts, copies as tab-separated text and saves as CSV; workbooks built with openpyxl, read by
the real importer in its worker process."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from gui.i18n import install_language
from gui.import_problems import ImportProblemsDialog
from gui.tables.problems import ProblemsTableModel, place
from models.core.errors import Problem
from tests.workbook_corpus import FIRST, S_COL, fill_template

NO_SHEET = ("the workbook has no Assessment sheet, and no other sheet holds its table (the "
            "template's table (Criterion ID, …, Score, Confidence, Rationale, Evidence))")
TWO_LEVELS = ("'3 or 4' names more than one level; pick one level and type it as a number: "
              "expected a whole number from 1 to 5, or an empty cell (not scored)")
OUT_OF_RANGE = ("score 7 is outside 1–5: not scored (the workbook's formulas do not count it "
                "either); expected a whole number from 1 to 5, or an empty cell (not scored)")
NO_STARTUP = ("no 'Startup' field above the criteria table; expected a cell reading 'Startup' "
              "with the startup's name right of it")


def _no_sheet(path: Path) -> Path:
    """A workbook whose only sheet holds a note: the Assessment sheet is missing."""
    wb = Workbook()
    wb.active.title = "Notes"
    wb.active["A1"] = "our scores are in another file"
    wb.save(path)
    return path


def _own_table(path: Path) -> Path:
    """A founder's own table on a sheet named like a formula, without the Startup field."""
    wb = Workbook()
    ws = wb.active
    ws.title = "=1+2"
    ws.append(["Criterion ID", "Score"])
    ws.append(["niche.segment_focus", 4])
    wb.save(path)
    return path


def _import(window, qtbot, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    window.file_jobs.import_workbooks(paths)
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)


def test_refused_workbooks_are_listed_by_file_sheet_and_cell(window, qtbot, tmp_path,
                                                             scripted_ask):
    no_sheet = _no_sheet(tmp_path / "no-sheet.xlsx")
    ranged = tmp_path / "range.xlsx"
    fill_template(ranged, fields={"Startup": "Range AI"},
                  rows={"niche.segment_focus": (7, "high", "too keen", "")})
    two = tmp_path / "two.xlsx"
    fill_template(two, fields={"Startup": "Two AI"},
                  rows={"niche.dirty_work": ("3 or 4", "high", "", "")})
    scripted_ask.queue("import_problems", True)  # import the good one
    _import(window, qtbot, [no_sheet, ranged, two])

    refused, imported = scripted_ask.problem_dialogs
    assert refused.windowTitle() == "Some workbooks have problems"
    assert refused.summary_label.text() == ("3 workbooks read, 2 with problems; "
                                            "2 problems.")
    assert refused.question_label.text() == ("Import the 1 good workbook and leave the "
                                             "others out?")
    assert refused.rows() == [(str(no_sheet), "", "", NO_SHEET),
                              (str(two), "Assessment", f"{S_COL}{FIRST + 1}", TWO_LEVELS)]
    model = refused.table.model()
    assert [model.data(model.index(r, 0)) for r in range(2)] == ["no-sheet.xlsx", "two.xlsx"]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == str(two)
    assert scripted_ask.errors() == []

    # the good workbook came in; its score out of range is worth a look, by its cell
    assert imported.windowTitle() == "Workbooks imported"
    assert imported.summary_label.text() == ("Imported 1 assessment from 1 workbook. "
                                             "1 thing worth a look:")
    assert imported.rows() == [(str(ranged), "Assessment", f"{S_COL}{FIRST}", OUT_OF_RANGE)]
    assert imported.question_label.isHidden()
    st = window.doc.portfolio.find_startup("Range AI")
    assert st.assessments[0].scores["niche.segment_focus"].value is None
    assert window.doc.portfolio.find_startup("Two AI") is None


def _nothing_imported(window, qtbot, tmp_path, scripted_ask):  # type: ignore[no-untyped-def]
    no_sheet = _no_sheet(tmp_path / "no-sheet.xlsx")
    own = _own_table(tmp_path / "own.xlsx")
    n = len(window.doc.portfolio.startups)
    _import(window, qtbot, [no_sheet, own])
    assert len(window.doc.portfolio.startups) == n
    (dialog,) = scripted_ask.problem_dialogs
    return dialog, no_sheet, own


def test_nothing_imported_shows_the_table_with_only_close(window, qtbot, tmp_path,
                                                          scripted_ask):
    dialog, no_sheet, own = _nothing_imported(window, qtbot, tmp_path, scripted_ask)
    assert dialog.windowTitle() == "Nothing imported"
    assert dialog.summary_label.text() == (
        "2 workbooks read, 2 with problems; 2 problems. Nothing was imported: fix the "
        "problems and import the workbooks again.")
    assert dialog.rows() == [(str(no_sheet), "", "", NO_SHEET),
                             (str(own), "=1+2", "", NO_STARTUP)]
    assert [b.text() for b in dialog.buttons.buttons()] == ["Close"]
    assert dialog.question_label.isHidden()


def test_the_table_sorts_and_its_columns_resize(window, qtbot, tmp_path, scripted_ask):
    dialog, _, _ = _nothing_imported(window, qtbot, tmp_path, scripted_ask)
    header = dialog.table.horizontalHeader()
    assert [header.sectionResizeMode(c) for c in range(4)] == \
        [QHeaderView.ResizeMode.Interactive] * 4
    assert dialog.table.isSortingEnabled()
    dialog.table.sortByColumn(ProblemsTableModel.SHEET, Qt.SortOrder.AscendingOrder)
    assert [r[1] for r in dialog.rows()] == ["=1+2", ""]  # empty places sort last
    dialog.table.sortByColumn(ProblemsTableModel.FILE, Qt.SortOrder.DescendingOrder)
    assert [Path(r[0]).name for r in dialog.rows()] == ["own.xlsx", "no-sheet.xlsx"]
    header.resizeSection(ProblemsTableModel.SHEET, 150)
    assert dialog.table.columnWidth(ProblemsTableModel.SHEET) == 150


def test_copy_puts_tab_separated_rows_with_a_header_on_the_clipboard(window, qtbot, tmp_path,
                                                                      scripted_ask):
    dialog, no_sheet, own = _nothing_imported(window, qtbot, tmp_path, scripted_ask)
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == (
        "File\tSheet\tCell\tProblem\n"
        f"{no_sheet}\t\t\t{NO_SHEET}\n"
        f"{own}\t'=1+2\t\t{NO_STARTUP}\n")  # a sheet named like a formula stays text
    assert dialog.note_label.text() == "Copied 2 rows with their column names."
    dialog.table.selectRow(1)
    dialog.copy()
    assert QApplication.clipboard().text() == (
        f"File\tSheet\tCell\tProblem\n{own}\t'=1+2\t\t{NO_STARTUP}\n")


def test_save_as_csv_writes_utf8_with_a_bom_and_neutralised_formulas(window, qtbot, tmp_path,
                                                                     scripted_ask):
    dialog, no_sheet, own = _nothing_imported(window, qtbot, tmp_path, scripted_ask)
    scripted_ask.queue("save_file", str(tmp_path / "problems"))
    dialog.csv_button.click()
    out = tmp_path / "problems.csv"
    assert out.read_bytes().startswith(b"\xef\xbb\xbfFile,Sheet,Cell,Problem\r\n")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["File", "Sheet", "Cell", "Problem"],
                    [str(no_sheet), "", "", NO_SHEET],
                    [str(own), "'=1+2", "", NO_STARTUP]]
    assert dialog.note_label.text() == "Saved problems.csv"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_chinese_text_survives_the_csv_and_the_dialog_speaks_chinese(qtbot, tmp_path,
                                                                      scripted_ask,
                                                                      chinese_built):
    install_language("zh_CN")
    problems = [Problem("/deals/深度求索.xlsx", "'评估 2024'!C12", "评分超出范围"),
                Problem("/deals/a.xlsx", "", "-3 is not a level")]
    dialog = ImportProblemsDialog(None, scripted_ask, "t", "s", problems)
    qtbot.addWidget(dialog)
    assert dialog.header() == ["文件", "工作表", "单元格", "问题"]
    assert dialog.csv_button.text() == "另存为 CSV(&S)…"
    out = dialog.save_csv(tmp_path / "问题.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [
            ["文件", "工作表", "单元格", "问题"],
            ["/deals/深度求索.xlsx", "评估 2024", "C12", "评分超出范围"],
            ["/deals/a.xlsx", "", "", "'-3 is not a level"]]


@pytest.mark.parametrize(("location", "sheet", "cell"), [
    ("Scores!J14", "Scores", "J14"),
    ("'Scores 2024'!B2", "Scores 2024", "B2"),
    ("'Li''s sheet'!A2:O19", "Li's sheet", "A2:O19"),
    ("Framework", "Framework", ""),
    ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", ""),
    ("", "", ""),
])
def test_a_location_splits_into_sheet_and_cell(location, sheet, cell):
    assert place(location) == (sheet, cell)


def test_cells_sort_in_reading_order(qapp):
    problems = [Problem("a.xlsx", f"Scores!{ref}", ref) for ref in ("B10", "AA2", "B9", "C2")]
    problems.append(Problem("a.xlsx", "Scores", "the sheet"))
    model = ProblemsTableModel(problems)
    model.sort(ProblemsTableModel.CELL, Qt.SortOrder.AscendingOrder)
    assert [model.values(model.source_row(r))[2] for r in range(5)] == \
        ["C2", "AA2", "B9", "B10", ""]
