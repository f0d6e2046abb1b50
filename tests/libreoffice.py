"""Recalculate workbooks with LibreOffice headless, for tests that check live formulas.

:func:`recalculate` converts several ``.xlsx`` files in one ``soffice`` call (start-up is the
slow part), each call with its own throw-away user profile so that parallel test workers never
share one. The profile tells Calc to recalculate every formula on load. Read the results with
``openpyxl.load_workbook(path, data_only=True)``.

Under ``CI=true`` a missing LibreOffice fails the test (CI installs it: ``.ci/run`` →
``make test`` → ``scripts/system-deps.sh test``); elsewhere the test is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str:
    """The LibreOffice executable; fails the test under ``CI=true`` when missing, else skips."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe:
        return exe
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail("LibreOffice (soffice) is required under CI=true to check live formulas; "
                    "install libreoffice-calc-nogui (scripts/system-deps.sh test)")
    pytest.skip("LibreOffice (soffice) is not installed")


def convert(files: Sequence[Path], outdir: Path, to: str = "xlsx",
            timeout: float = 240.0) -> dict[Path, Path]:
    """Open every file in LibreOffice (recalculating all formulas) and save it as ``to``
    (``xlsx`` or ``pdf``) in ``outdir``; returns input path → converted path.

    Raises:
        AssertionError: LibreOffice failed or did not write a file.
    """
    exe = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    names = [Path(f).stem for f in files]
    assert len(set(names)) == len(names), "file names must differ: outputs share a folder"
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        (profile / "user").mkdir()
        (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_ALWAYS,
                                                                   encoding="utf-8")
        target = "xlsx:Calc MS Excel 2007 XML" if to == "xlsx" else to
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", target, "--outdir", str(outdir),
               *map(str, files)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "HOME": str(profile)})
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = {Path(f): outdir / f"{Path(f).stem}.{to}" for f in files}
    missing = [str(p) for p in out.values() if not p.exists()]
    assert proc.returncode == 0 and not missing, (
        f"soffice failed (exit {proc.returncode}); missing {missing}\n"
        f"stdout: {proc.stdout}\nstderr: {proc.stderr}")
    return out


def recalculate(files: Sequence[Path], outdir: Path) -> dict[Path, Path]:
    """:func:`convert` to ``.xlsx``: formulas recalculated, results cached in the copies."""
    return convert(files, outdir, "xlsx")
