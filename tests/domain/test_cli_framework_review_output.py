"""``beachhead framework review FILE -o OUT`` writes only an .xlsx file, as every command that
writes a workbook does: an output named .csv is refused before anything is written."""

from __future__ import annotations

from pathlib import Path

from models.files.framework_file import default_framework, save_framework
from tests.helpers import run_cli


def test_the_review_goes_only_to_an_xlsx_file(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    source = tmp_path / "ours.json"
    save_framework(default_framework(), source)
    before = source.read_bytes()
    wrong = tmp_path / "review.csv"
    code, out, err = run_cli(capsys, "framework", "review", str(source), "-o", str(wrong))
    assert (code, out) == (2, "")
    assert f"the output must be an .xlsx file, not '{wrong}'" in err
    assert not (tmp_path / "review.csv").exists() and source.read_bytes() == before
    code, out, _ = run_cli(capsys, "framework", "review", str(source), "-o",
                           str(tmp_path / "review.XLSX"))
    assert code == 0 and (tmp_path / "review.XLSX").read_bytes()[:2] == b"PK"
