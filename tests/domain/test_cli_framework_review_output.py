"""``beachhead framework review FILE -o OUT`` writes only an .xlsx file, as every command that
writes a workbook does: an output named .csv is refused before anything is written; a text
the workbook cannot hold as it is (past Excel's 32,767 characters, a control character) is
written changed and said on stderr as a warning naming its cell."""

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


def test_a_text_the_workbook_cannot_hold_is_said(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = default_framework().model_dump(mode="json")
    data["pillars"][0]["criteria"][0]["question"]["en"] = "Why? " * 8000  # 40,000 characters
    data["description"]["en"] = "Ours\x01"
    source = tmp_path / "long.json"
    save_framework(default_framework().model_validate(data), source)
    out_file = tmp_path / "review.xlsx"
    code, out, err = run_cli(capsys, "framework", "review", str(source), "-o", str(out_file))
    assert code == 0 and out.startswith(f"wrote {out_file}")
    assert err.splitlines() == [
        f"{out_file}: warning: Pillars & Criteria!C6: cut the text from 40,000 to 32,767 "
        "characters (Excel's limit of 32,767 UTF-16 units)",
        f"{out_file}: warning: About!B10: replaced 1 character that XML 1.0 cannot store "
        "(U+0001) with U+FFFD"]
