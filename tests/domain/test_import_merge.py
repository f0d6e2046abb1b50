"""Merging imports into a portfolio (duplicates skipped and reported, all or nothing, the input
portfolio untouched) and ``beachhead import`` (exit codes, --into, --skip-bad, progress)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from models.cli import main as cli
from models.core.errors import InputError
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.files.framework_file import default_framework
from models.files.portfolio_file import dumps_portfolio, load_portfolio, save_portfolio
from models.store.access import read_portfolio_file
from models.workbook.guard.inspect import require_defused_xml
from models.workbook.importing.batch import (
    PARALLEL_MIN_FILES,
    ImportReport,
    import_workbooks,
    merge_into,
    plan_merge,
)
from tests.helpers import tiny_framework
from tests.workbook_corpus import DATE, FIRST, S_COL, fill_template

FW = default_framework()
IDS = FW.criterion_ids


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("merge")
    out = {}
    specs = {
        "acme_li": {"Startup": "Acme AI", "Assessor": "Li Wei", "Sector": "Legal"},
        "acme_li_again": {"Startup": "Acme AI", "Assessor": " li wei"},
        "acme_li_changed": {"Startup": "Acme AI", "Assessor": "Li Wei"},
        "acme_look_alike": {"Startup": "ACME AI ", "Assessor": "Li Wei"},
        "acme_wang": {"Startup": "Acme AI", "Assessor": "Wang Fang", "Stage": "Seed"},
        "beta": {"Startup": "Beta Robotics", "Assessor": "Li Wei"},
    }
    for name, fields in specs.items():
        rows = {IDS[0]: (5, "high", "changed", "")} if name == "acme_li_changed" else None
        fill_template(folder / f"{name}.xlsx", fields=fields, rows=rows)
        out[name] = folder / f"{name}.xlsx"
    bad = folder / "bad.xlsx"
    fill_template(bad, rows={IDS[0]: ("3 or 4", None, None, None)})
    out["bad"] = bad
    return out


def _existing() -> Portfolio:
    return Portfolio(framework=FW, startups=[
        Startup(name="Acme AI", assessments=[
            Assessment(assessor="Li Wei", date=DATE, scores={IDS[0]: Score(value=1)})]),
        Startup(name="Gamma", sector="Fintech"),
    ])


def test_duplicates_are_skipped_and_reported(files):
    report = import_workbooks([files["acme_li"], files["acme_li_again"], files["acme_wang"],
                               files["beta"]], FW)
    assert report.ok and len(report.startups) == 4
    merged, notes = merge_into(Portfolio(framework=FW), report)
    assert [s.name for s in merged.startups] == ["Acme AI", "Beta Robotics"]
    acme = merged.startups[0]
    assert [a.assessor for a in acme.assessments] == ["Li Wei", "Wang Fang"]
    assert (acme.sector, acme.stage) == ("Legal", "Seed")  # empty fields filled from later files
    (note,) = notes
    assert note.source == str(files["acme_li_again"]) and note.location == "Assessment"
    assert "already has an assessment by li wei dated 2024-10-31" in note.message
    assert f"imported from {files['acme_li']}" in note.message and "the same scores" in note.message


def test_merge_into_an_existing_portfolio_leaves_it_untouched(files):
    base = _existing()
    before = dumps_portfolio(base)
    report = import_workbooks([files["acme_li_changed"], files["acme_wang"]], FW)
    merged, notes = merge_into(base, report)
    assert dumps_portfolio(base) == before
    assert [s.name for s in merged.startups] == ["Acme AI", "Gamma"]
    assert [a.assessor for a in merged.startups[0].assessments] == ["Li Wei", "Wang Fang"]
    assert merged.startups[0].stage == "Seed" and merged.startups[1].sector == "Fintech"
    (note,) = notes
    assert "in the portfolio, with different scores" in note.message
    plan = plan_merge(base, report)
    assert plan.added == 1 and plan.new_startups == []
    assert [(sid, a.assessor) for sid, a in plan.new_assessments] == [
        (base.startups[0].id, "Wang Fang")]
    assert plan.field_updates == [(base.startups[0].id, "stage", "Seed")]


def test_all_or_nothing(files):
    report = import_workbooks([files["acme_li"], files["bad"]], FW)
    assert not report.ok and not report.importable
    assert report.startups == [] and report.imported == []
    assert [p.location for p in report.problems] == [f"Assessment!{S_COL}{FIRST}"]
    with pytest.raises(InputError) as err:
        merge_into(_existing(), report)
    assert f"Assessment!{S_COL}{FIRST}" in str(err.value)
    skipping = import_workbooks([files["acme_li"], files["bad"]], FW, skip_bad=True)
    assert skipping.importable and [f.path for f in skipping.imported] == [str(files["acme_li"])]
    merged, _ = merge_into(Portfolio(framework=FW), skipping)
    assert [s.name for s in merged.startups] == ["Acme AI"]
    assert "1 imported" in skipping.summary() and "1 refused" in skipping.summary()


def test_a_report_for_another_framework_cannot_be_merged(files):
    report = ImportReport(tiny_framework(), [])
    with pytest.raises(ValueError, match=r"test\.tiny"):
        merge_into(_existing(), report)


def test_progress_per_file_and_missing_files(files, tmp_path):
    seen = []
    report = import_workbooks([files["beta"], tmp_path / "missing.xlsx", tmp_path],
                              progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [f.ok for f in report.files] == [True, False, False]
    assert "cannot open the file" in report.files[1].problems[0].message
    assert "is a folder" in report.files[2].problems[0].message


def test_defusedxml_is_checked_and_fails_closed(monkeypatch):
    import openpyxl.xml

    from models.workbook.guard.inspect import UnsafeXmlSetup

    require_defused_xml.cache_clear()
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    with pytest.raises(UnsafeXmlSetup, match="defusedxml"):
        import_workbooks([])
    monkeypatch.undo()
    require_defused_xml.cache_clear()
    require_defused_xml()


# -- the command line ------------------------------------------------------------------------

def test_cli_import_new_portfolio(files, tmp_path, capsys):
    out = tmp_path / "new.beachhead"
    assert cli.main(["import", str(files["acme_li"]), str(files["beta"]), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "wrote" in err and "2 assessments added" in err
    port = read_portfolio_file(out)
    assert port.framework == FW and [s.name for s in port.startups] == ["Acme AI", "Beta Robotics"]


def test_cli_import_into_the_same_file_keeps_a_backup(files, tmp_path, capsys):
    target = tmp_path / "deals.beachhead"
    save_portfolio(_existing(), target)
    before = target.read_text(encoding="utf-8")
    args = ["import", str(files["acme_li"]), str(files["acme_wang"]), "--into", str(target),
            "-o", str(target)]
    assert cli.main(args) == 0
    err = capsys.readouterr().err
    assert "note: 'Acme AI' already has an assessment by Li Wei" in err
    assert (tmp_path / "deals.beachhead.bak").read_text(encoding="utf-8") == before
    port = load_portfolio(target)
    assert [a.assessor for a in port.startups[0].assessments] == ["Li Wei", "Wang Fang"]


def test_cli_bad_file_writes_nothing_and_into_stays_unchanged(files, tmp_path, capsys):
    target = tmp_path / "deals.beachhead"
    save_portfolio(_existing(), target)
    before = target.read_bytes()
    out = tmp_path / "out.beachhead"
    args = ["import", str(files["acme_li"]), str(files["bad"]), "--into", str(target)]
    assert cli.main([*args, "-o", str(out)]) == 1
    assert cli.main([*args, "-o", str(target)]) == 1
    assert not out.exists() and target.read_bytes() == before
    assert not (tmp_path / "deals.beachhead.bak").exists()
    err = capsys.readouterr().err
    assert f"{files['bad']}: Assessment!{S_COL}{FIRST}: '3 or 4' names more than one level" in err
    assert "nothing written: 1 of 2 workbooks has problems" in err
    assert cli.main([*args, "-o", str(out), "--skip-bad"]) == 0
    assert [s.name for s in read_portfolio_file(out).startups] == ["Acme AI", "Gamma"]


def test_cli_exit_codes(files, tmp_path, capsys):
    assert cli.main(["import", str(files["beta"]), "-o", str(tmp_path / "x.json")]) == 2
    assert cli.main(["import", "-o", str(tmp_path / "x.beachhead")]) == 2
    assert cli.main(["import", str(files["beta"]), "--into", str(tmp_path / "none.beachhead"),
                     "-o", str(tmp_path / "x.beachhead")]) == 1
    assert cli.main(["import", str(files["bad"]), "--skip-bad",
                     "-o", str(tmp_path / "x.beachhead")]) == 1
    assert not (tmp_path / "x.beachhead").exists()
    assert "import" in cli.COMMANDS
    capsys.readouterr()


def test_cli_import_into_a_portfolio_with_another_framework(files, tmp_path, capsys):
    target = tmp_path / "tiny.beachhead"
    save_portfolio(Portfolio(framework=tiny_framework()), target)
    assert cli.main(["import", str(files["beta"]), "--into", str(target),
                     "-o", str(tmp_path / "o.beachhead")]) == 1
    err = capsys.readouterr().err
    assert "About!B4: this workbook is for framework 'beachhead.llm-startups'" in err
    assert "expected framework 'test.tiny' version 1" in err


def test_cli_progress_on_stderr_for_many_files(files, tmp_path, capsys):
    many = []
    for i in range(PARALLEL_MIN_FILES):
        copy = tmp_path / f"copy{i:02d}.xlsx"
        shutil.copy(files["beta"], copy)
        many.append(str(copy))
    out = tmp_path / "many.beachhead"
    assert cli.main(["import", *many, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"reading {PARALLEL_MIN_FILES} workbooks" in err and "100%" in err
    assert err.count("note: 'Beta Robotics' already has an assessment") == PARALLEL_MIN_FILES - 1
    port = read_portfolio_file(out)
    assert len(port.startups) == 1 and len(port.startups[0].assessments) == 1


def test_import_is_headless():
    import subprocess
    import sys

    code = ("import sys, models.workbook.importing.batch, models.workbook.guard.inspect; "
            "import models.workbook.importing.cells; "
            "print(any(m.startswith(('PySide6', 'gui')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2]).stdout
    assert out.strip() == "False"


def test_dates_default_to_today_with_a_note(tmp_path):
    path = tmp_path / "undated.xlsx"
    fill_template(path, fields={"Date": None})
    report = import_workbooks([path], FW)
    (startup,) = report.startups
    assert startup.assessments[0].date == dt.date.today()
    assert any("no date given" in n.message and n.location == "Assessment!B5"
               for n in report.notes)


def test_import_with_a_custom_framework(tmp_path):
    import datetime as dt

    from models.cli.main import main
    from models.core.framework import Framework
    from models.files.framework_file import default_framework, save_framework
    from tests.workbook_corpus import fill_template

    data = default_framework().model_dump(mode="json")
    data.update(id="other.fw", version="2.0.0")
    custom = Framework.model_validate(data)
    fw_path = tmp_path / "fw2.json"
    save_framework(custom, fw_path)
    template = tmp_path / "t.xlsx"
    fill_template(template, fields={"Startup": "Custom AI", "Assessor": "Ann",
                                    "Role": "founder", "Date": dt.date(2024, 11, 1)},
                  rows={"cap.runway": (3, "high", "", "")}, framework=custom)
    out = tmp_path / "o.beachhead"
    assert main(["import", str(template), "-o", str(out)]) == 1
    assert main(["import", str(template), "-o", str(out), "--framework", str(fw_path)]) == 0
    port = read_portfolio_file(out)
    assert port.framework.id == "other.fw"
    assert port.startups[0].assessments[0].level("cap.runway") == 3
