"""Reader processes: a workbook that makes its reader die (abort, crash, out of memory) is
refused by name and the others are read; readers are capped in memory. Everything that could
take a process down runs in a child process of the test, capped in address space."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from models.workbook.importing.pool import death
from tests.workbook_corpus import cases, fill_template, rewrite_member

ROOT = Path(__file__).resolve().parents[2]
GB = 1 << 30


def run_capped(code: str, cap: int = 3 * GB // 2) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python capped at ``cap`` bytes of address space."""
    head = textwrap.dedent(f"""
        import json, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
        sys.path.insert(0, {str(ROOT)!r})
    """)
    return subprocess.run([sys.executable, "-c", head + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def far_cell(path: Path, ref: str) -> Path:
    """A filled template with one cell at ``ref``: the default guard refuses it; with the
    area limits lifted, the reader must allocate the whole grid up to it."""
    fill_template(path)
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda x: x.replace(
        b"</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c>'
                         f"</row></sheetData>".encode()))
    return path


def test_a_reader_that_dies_is_named_and_the_other_files_are_read(tmp_path):
    good = tmp_path / "good.xlsx"
    fill_template(good, fields={"Startup": "Good AI"})
    other = tmp_path / "other.xlsx"
    fill_template(other, fields={"Startup": "Other AI"})
    huge = far_cell(tmp_path / "huge.xlsx", "XFD1048576")  # 549 GB: the reader aborts
    paths = [str(good), str(huge), str(other)]
    proc = run_capped(f"""
        from models.workbook.importing.batch import import_workbooks
        from models.workbook.guard.inspect import Limits
        lifted = Limits(sheet_cells=10**13, sparse_area=10**13)
        report = import_workbooks({paths!r}, limits=lifted, skip_bad=True, workers=1)
        print(json.dumps({{"ok": [f.ok for f in report.files],
                          "names": [s.name for s in report.startups],
                          "problems": [[p.source, p.location, p.message]
                                       for p in report.problems]}}))
    """)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout.splitlines()[-1])
    assert data["ok"] == [True, False, True]
    assert data["names"] == ["Good AI", "Other AI"]
    ((source, location, message),) = data["problems"]
    assert (source, location) == (str(huge), "")
    assert message.startswith("the reader process stopped while reading this workbook: it "
                              "aborted, which it does when it runs out of the memory a reader "
                              "may take or meets data it cannot handle (SIGABRT); the file is "
                              "refused")


def test_readers_are_capped_in_memory(tmp_path):
    """A sheet whose grid takes ~800 MB twice over (what a wider crafted file made the reader
    allocate) passes a guard with lifted area limits; the reader's own cap stops it. The test
    process's cap (4 GB) is only a safety net: it would let the file through."""
    good = tmp_path / "good.xlsx"
    fill_template(good, fields={"Startup": "Good AI"})
    wide = far_cell(tmp_path / "wide.xlsx", "XFD1500")
    paths = [str(wide), str(good)]
    proc = run_capped(f"""
        from models.workbook.importing.batch import import_workbooks
        from models.workbook.guard.inspect import Limits
        capped = Limits(sheet_cells=10**13, sparse_area=10**13, reader_memory=512 << 20)
        report = import_workbooks({paths!r}, limits=capped, skip_bad=True)
        print(json.dumps({{"ok": [f.ok for f in report.files],
                          "problems": [p.message for p in report.problems]}}))
    """, cap=4 * GB)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout.splitlines()[-1])
    assert data["ok"] == [False, True]
    assert "(SIGABRT)" in data["problems"][0] or "needs more memory" in data["problems"][0]


def test_cli_skip_bad_imports_the_others_when_files_are_hostile(tmp_path):
    """The files fuzzing found made ``beachhead import --skip-bad`` abort (exit 134) with
    nothing written; now each is refused by name and the good one is imported."""
    good = tmp_path / "good.xlsx"
    fill_template(good, fields={"Startup": "Good AI"})
    names = ["cell_reference_with_spaces", "cell_reference_in_single_quotes",
             "sheet_part_not_named_xml", "decoy_workbook_part", "shared_strings_claim_4g"]
    by_name = {c.name: c for c in cases()}
    hostile = []
    for name in names:
        by_name[name].build(tmp_path / f"{name}.xlsx")
        hostile.append(str(tmp_path / f"{name}.xlsx"))
    out = tmp_path / "out.beachhead"
    args = ["import", str(good), *hostile, "--skip-bad", "-o", str(out)]
    proc = run_capped(f"""
        from models.cli.main import main
        sys.exit(main({args!r}))
    """)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for path in hostile:
        assert f"{path}: " in proc.stderr
    assert f"{hostile[-1]}: xl/sharedStrings.xml: the shared strings hold 1 string and " \
           "claim 4,294,967,295" in proc.stderr
    from models.store.access import read_portfolio_file

    assert [s.name for s in read_portfolio_file(out).startups] == ["Good AI"]


@pytest.mark.parametrize(("code", "text"), [
    (-6, "aborted"), (-11, "crashed (segmentation fault) (SIGSEGV)"),
    (-9, "killed, usually by the system when memory runs out (SIGKILL)"),
    (1, "exit status 1"),
])
def test_why_a_reader_stopped(code, text):
    assert text in death(code)
