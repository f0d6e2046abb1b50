"""Weights edited on a workbook's Framework sheet (its formulas re-score with them) come back
on import: a new portfolio takes them as a custom framework of its own; an existing one keeps
its weights and says so. Every message names the file and the cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.cli import main as cli
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.results import score_portfolio
from models.files.framework_file import default_framework
from models.files.portfolio_file import load_portfolio, save_portfolio
from models.store.access import read_portfolio_file
from models.workbook.export import export_workbook
from models.workbook.importing.batch import import_workbooks, merge_into, read_workbook
from models.workbook.layout import FrameworkSheet
from tests.workbook_corpus import fill_template

FW = default_framework()
IDS = FW.criterion_ids
GEO = FrameworkSheet(len(FW.pillars), len(FW.criteria))
NICHE, TECH = FW.pillars[0], FW.pillars[1]


def _export(path: Path, **cells: object) -> Path:
    """An export of one scored startup whose Framework sheet has ``cells`` edited."""
    port = Portfolio(framework=FW, startups=[Startup(id="s1", name="Acme", assessments=[
        Assessment(assessor="Ann", date=dt.date(2024, 10, 1),
                   scores={cid: Score(value=(j % 5) + 1) for j, cid in enumerate(IDS)})])])
    export_workbook(port, path)
    return _edit(path, cells)


def _edit(path: Path, cells: dict[str, object]) -> Path:
    wb = load_workbook(path)
    for ref, value in cells.items():
        wb["Framework"][ref] = value
    wb.save(path)
    return path


EDITS = {f"D{GEO.pillar_row(0)}": 3, f"E{GEO.pillar_row(1)}": "no",
         f"F{GEO.criterion_row(0)}": 2.5}


def test_the_framework_sheet_weights_are_read_with_their_cells(tmp_path):
    path = _export(tmp_path / "e.xlsx", **EDITS)
    result = read_workbook(path, FW)
    assert result.ok and result.weights is not None
    w = result.weights
    assert w.pillar_weights[NICHE.id] == 3 and w.enabled[TECH.id] is False
    assert w.criterion_weights[IDS[0]] == 2.5
    assert w.changes == [
        f"pillar '{NICHE.id}' (Niche position) weight 1 → 3 (Framework!D2)",
        f"pillar '{TECH.id}' (Technology threshold) switched off (Framework!E3)",
        f"criterion '{IDS[0]}' weight 1 → 2.5 (Framework!F{GEO.criterion_row(0)})"]
    unchanged = read_workbook(_export(tmp_path / "same.xlsx"), FW)
    assert unchanged.weights is not None and unchanged.weights.changes == []


def test_a_new_portfolio_takes_the_workbook_weights_as_the_next_version(tmp_path, capsys):
    path = _export(tmp_path / "committee.xlsx", **EDITS)
    out = tmp_path / "new.beachhead"
    assert cli.main(["import", str(path), "-o", str(out)]) == 0
    port = read_portfolio_file(out)
    fw = port.framework
    assert (fw.id, FW.version, fw.version) == (FW.id, "1.0.0", "1.1.0")
    assert fw.pillar(NICHE.id).weight == 3 and not fw.pillar(TECH.id).enabled
    assert fw.criterion(IDS[0]).weight == 2.5
    entry = fw.changelog[-1]
    assert (entry.version, entry.kind) == ("1.1.0", "minor")
    assert entry.summary["en"] == ("Weight of pillar Niche position 1 → 3; Weight of criterion "
                                   "Segment focus 1 → 2.5; Pillar Technology threshold "
                                   "switched off")
    err = capsys.readouterr().err
    assert (f"{path}: Framework: note: the workbook's Framework sheet holds other weights than "
            f"framework '{FW.id}' {FW.version}: pillar '{NICHE.id}' (Niche position) weight "
            "1 → 3 (Framework!D2);") in err
    assert (f"the new portfolio uses them, as framework '{fw.id}' 1.1.0 (the next version of "
            f"framework '{FW.id}' 1.0.0)") in err
    # scored with those weights, Beachhead's overall equals the one computed by hand
    reference = FW.with_weights({NICHE.id: 3}, {IDS[0]: 2.5}, {TECH.id: False})
    ours = score_portfolio(port)[0].overall
    want = score_portfolio(Portfolio(framework=reference, startups=port.startups))[0].overall
    assert ours == pytest.approx(want) and ours != pytest.approx(
        score_portfolio(Portfolio(framework=FW, startups=port.startups))[0].overall)


def test_into_an_existing_portfolio_the_weights_stay_and_the_user_is_told(tmp_path, capsys):
    path = _export(tmp_path / "e.xlsx", **EDITS)
    target = tmp_path / "deals.beachhead"
    save_portfolio(Portfolio(framework=FW), target)
    assert cli.main(["import", str(path), "--into", str(target), "-o", str(target)]) == 0
    assert load_portfolio(target).framework == FW
    err = capsys.readouterr().err
    assert f"{path}: Framework: note: the workbook's Framework sheet holds other weights" in err
    assert "the portfolio keeps its own weights (an import never changes a portfolio's " \
           "framework)" in err


def test_workbooks_with_different_weights_leave_the_framework_as_it_is(tmp_path):
    a = _export(tmp_path / "a.xlsx", **EDITS)
    b = _export(tmp_path / "b.xlsx", **{f"D{GEO.pillar_row(0)}": 5})
    report = import_workbooks([a, b], FW)
    merged, notices = merge_into(Portfolio(framework=FW), report, adopt_weights=True)
    assert merged.framework == FW
    weights = [n for n in notices if n.location == "Framework"]
    assert [n.source for n in weights] == [str(a), str(b)]
    assert all("the workbooks hold different weights, so the new portfolio keeps those of "
               f"framework '{FW.id}'" in n.message for n in weights)
    # one workbook with edited weights and one with the framework's own: they disagree too
    same = _export(tmp_path / "same.xlsx")
    merged, _ = merge_into(Portfolio(framework=FW), import_workbooks([a, same], FW),
                           adopt_weights=True)
    assert merged.framework == FW


def test_a_template_with_edited_weights_and_cells_that_are_not_weights(tmp_path):
    path = tmp_path / "t.xlsx"

    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb["Framework"]
        ws[f"D{GEO.pillar_row(0)}"] = "heavy"
        ws[f"D{GEO.pillar_row(2)}"] = 2
        ws[f"E{GEO.pillar_row(3)}"] = "Yes "
        ws[f"F{GEO.criterion_row(1)}"] = 0

    fill_template(path, edit=edit)
    result = read_workbook(path, FW)
    assert result.ok
    notes = {n.location: n.message for n in result.notes}
    assert notes["Framework!D2"].startswith(f"the weight of pillar '{NICHE.id}' (Niche "
                                            "position) reads 'heavy', not a number from 0.0001 "
                                            "to 10000; the framework's weight (1) is kept")
    assert notes["Framework!E5"] == ("Enabled reads 'Yes ' (with spaces), which the workbook's "
                                     "formulas do not take for 'yes': pillar "
                                     f"'{FW.pillars[3].id}' is read as off")
    assert "reads '0', not a number from 0.0001" in notes[f"Framework!F{GEO.criterion_row(1)}"]
    assert result.weights is not None
    assert result.weights.changes == [
        f"pillar '{FW.pillars[2].id}' (Ecosystem) weight 1 → 2 (Framework!D4)",
        f"pillar '{FW.pillars[3].id}' (Incumbent pressure) switched off (Framework!E5)"]
