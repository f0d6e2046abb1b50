"""Workbook import: 1,000 filled founder templates against a bare python-calamine read.

The files are made once per run: ``beachhead template``, filled with openpyxl as a founder
would (all 18 criteria scored, with confidence, rationale and evidence), then copied 1,000
times as distinct files with different startup names (the shared-strings part rewritten).

In the same run, alternating rounds time:

* **baseline**: python-calamine opens each file and reads every sheet (``to_python``), nothing
  else: the least any reader must do;
* **import**: :func:`models.workbook.importing.batch.import_workbooks` with its defaults (two worker
  processes for a batch this size), everything included: the hostile-file guard, reading,
  validation, building the startups, and handing them back to this process;
* **import, one process**: the same in this process only (``workers=1``);
* **merge**: :func:`models.workbook.importing.batch.merge_into` of the 1,000 startups into an empty
  portfolio.

Goal: the import takes at most 3 × the baseline (two cores may be used).
Run with ``python bench/run.py import`` (``BENCH_IMPORT_FILES`` and ``BENCH_IMPORT_ROUNDS``
change the batch and the rounds).
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FILES = int(os.environ.get("BENCH_IMPORT_FILES", "1000"))
ROUNDS = int(os.environ.get("BENCH_IMPORT_ROUNDS", "3"))
RATIO_GOAL = 3.0
PLACEHOLDER = "STARTUP-NAME-PLACEHOLDER"


def make_files(folder: Path, count: int) -> list[Path]:
    """``count`` distinct filled templates in ``folder``."""
    import datetime as dt

    from openpyxl import load_workbook

    from models.files.framework_file import default_framework
    from models.workbook.layout import TEMPLATE_COLUMN
    from models.workbook.template import FIELDS_ROW, template_header_row, write_template

    fw = default_framework()
    blank = folder / "blank.xlsx"
    write_template(fw, blank)
    wb = load_workbook(blank)
    ws = wb["Assessment"]
    values = {"Startup": PLACEHOLDER, "Assessor": "Li Wei", "Date": dt.date(2024, 10, 31),
              "Sector": "医疗健康", "Stage": "Seed"}
    for r in range(FIELDS_ROW, FIELDS_ROW + 6):
        label = ws.cell(r, 1).value
        if label in values:
            ws.cell(r, 2).value = values[label]
    head = template_header_row(fw)
    score, confidence, rationale, evidence = (
        TEMPLATE_COLUMN[h] for h in ("Score", "Confidence", "Rationale", "Evidence"))
    for j, _ in enumerate(fw.criterion_ids):
        r = head + 1 + j
        ws.cell(r, score).value = j % 5 + 1
        ws.cell(r, confidence).value = ("low", "medium", "high")[j % 3]
        ws.cell(r, rationale).value = (f"Level {j % 5 + 1}: judged from the deck and {j + 2} "
                                       "calls; 依据客户访谈。")
        ws.cell(r, evidence).value = f"https://dataroom.example/doc/{j}"
    filled = folder / "filled.xlsx"
    wb.save(filled)
    blank.unlink()
    with zipfile.ZipFile(filled) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    filled.unlink()
    assert any(PLACEHOLDER.encode() in data for _, data in members)
    paths = []
    for i in range(count):
        path = folder / f"founder_{i:04d}.xlsx"
        name = f"Startup {i:04d}".encode()
        buf = BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in members:
                out.writestr(info.filename, data.replace(PLACEHOLDER.encode(), name))
        path.write_bytes(buf.getvalue())
        paths.append(path)
    return paths


def baseline(paths: list[Path]) -> None:
    """Open each file with python-calamine and read every sheet."""
    from python_calamine import CalamineWorkbook

    for path in paths:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
        book.close()


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    """Print medians (wall and CPU) of the baseline, the import (two processes and one) and
    the merge, and the ratios to the baseline."""
    from models.core.portfolio import Portfolio
    from models.files.framework_file import default_framework
    from models.workbook.importing.batch import import_workbooks, merge_into

    fw = default_framework()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        t0 = time.perf_counter()
        paths = make_files(Path(tmp), FILES)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"{FILES:,} filled templates ({size:.0f} KB each) made in "
              f"{time.perf_counter() - t0:.1f} s")
        wall: dict[str, list[float]] = {k: [] for k in ("baseline", "import", "import1",
                                                        "merge")}
        cpu: dict[str, list[float]] = {k: [] for k in wall}

        def timed(key: str, fn):  # type: ignore[no-untyped-def]
            t, c = time.perf_counter(), _cpu()
            out = fn()
            wall[key].append(time.perf_counter() - t)
            cpu[key].append(_cpu() - c)
            return out

        for _ in range(ROUNDS):
            timed("baseline", lambda: baseline(paths))
            report = timed("import", lambda: import_workbooks(paths, fw))
            assert report.ok and len(report.startups) == FILES, report.problems[:3]
            merged, duplicates = timed("merge", lambda r=report: merge_into(
                Portfolio(framework=fw), r))
            assert len(merged.startups) == FILES and not duplicates
            one = timed("import1", lambda: import_workbooks(paths, fw, workers=1))
            assert one.ok
    w = {k: statistics.median(v) for k, v in wall.items()}
    c = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"medians of {ROUNDS} rounds, {FILES:,} files (wall; CPU of all processes):")
    rows = [("baseline (calamine, every sheet)", "baseline"),
            ("import (2 processes)", "import"), ("import (1 process)", "import1")]
    for label, key in rows:
        ratio = "" if key == "baseline" else (
            f"  = {w[key] / w['baseline']:.2f} × baseline wall, "
            f"{c[key] / c['baseline']:.2f} × CPU")
        print(f"  {label:34s}{w[key]:6.2f} s  {1000 * w[key] / FILES:5.2f} ms/file  "
              f"(CPU {c[key]:5.2f} s){ratio}")
    print(f"  goal: import ≤ {RATIO_GOAL:g} × baseline")
    print(f"  merge into an empty portfolio     {w['merge']:6.2f} s")


if __name__ == "__main__":
    main()
