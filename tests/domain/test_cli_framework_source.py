"""A FRAMEWORK argument (``template --framework``, ``import --framework``, ``framework migrate
--to``, ``framework diff``, ``framework review``) that is a shipped framework's id names that
framework, also when a file of the same name is in the current folder: a note on stderr says
both are there and how to name the file (``./NAME``), which is then read. The hint after a
migration quotes a path as a shell needs it."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from models.engine.sample import sample_portfolio
from models.files.portfolio_file import save_portfolio
from tests.helpers import run_cli

TRACTION = "beachhead.llm-startups-traction"
NOTE = (f"note: {TRACTION} is a shipped framework's id and also a file in this folder; the "
        f"shipped framework is used (write ./{TRACTION} for the file)")
NOTE_ZH = (f"注意：{TRACTION} 既是内置框架的 id，也是当前文件夹中的文件；这里使用内置框架"
           f"（如需使用该文件，请写 ./{TRACTION}）")


@pytest.fixture
def clash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder holds a JSON portfolio (of the default framework) named like the
    shipped traction framework's id."""
    monkeypatch.chdir(tmp_path)
    save_portfolio(sample_portfolio(), tmp_path / TRACTION)
    return tmp_path


def test_the_shipped_id_wins_and_a_note_says_how_to_name_the_file(  # type: ignore[no-untyped-def]
        capsys, clash: Path):
    code, _, err = run_cli(capsys, "template", "-o", "t.xlsx", "--framework", TRACTION)
    assert (code, err) == (0, f"{NOTE}\nwrote t.xlsx: template for framework {TRACTION} "
                              "1.0.0\n")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", "template", "-o", "t.xlsx",
                           "--overwrite", "--framework", TRACTION)
    assert (code, err) == (0, f"{NOTE_ZH}\n已写入 t.xlsx：框架 {TRACTION} 1.0.0 的模板\n")


def test_the_file_is_read_when_named_as_a_path(capsys, clash: Path):  # type: ignore[no-untyped-def]
    code, _, err = run_cli(capsys, "template", "-o", "t.xlsx", "--framework", f"./{TRACTION}")
    assert (code, err) == (0, "wrote t.xlsx: template for framework beachhead.llm-startups "
                              "1.0.0\n")
    code, _, err = run_cli(capsys, "template", "-o", "t2.xlsx", "--framework",
                           str(clash / TRACTION))
    assert (code, err) == (0, "wrote t2.xlsx: template for framework beachhead.llm-startups "
                              "1.0.0\n")


def test_migrate_to_the_shipped_id_or_to_the_file(  # type: ignore[no-untyped-def]
        capsys, clash: Path, sample_file: Path):
    deals = clash / "deals.beachhead"
    shutil.copyfile(sample_file, deals)
    code, out, err = run_cli(capsys, "framework", "migrate", str(deals), "--to", TRACTION,
                             "--dry-run")
    assert code == 0 and err == f"{NOTE}\n"
    assert out.splitlines()[0].startswith(
        f"{deals}: from Beachhead: LLM startups against the incumbents "
        f"(beachhead.llm-startups 1.0.0) to Beachhead with traction: LLM startups against the "
        f"incumbents ({TRACTION} 1.0.0)")
    code, out, err = run_cli(capsys, "framework", "migrate", str(deals), "--to",
                             f"./{TRACTION}")
    assert (code, out, err) == (0, f"{deals} already uses exactly this framework; nothing to "
                                   "do.\n", "")


def test_no_note_without_a_file_of_that_name(capsys, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "template", "-o", "t.xlsx", "--framework", TRACTION)
    assert (code, err) == (0, f"wrote t.xlsx: template for framework {TRACTION} 1.0.0\n")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_history_hint_quotes_a_path_with_spaces(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path, lang: str):
    deals = tmp_path / "sp ace" / "my deals.beachhead"
    deals.parent.mkdir()
    shutil.copyfile(sample_file, deals)
    code, out, _ = run_cli(capsys, "--lang", lang, "framework", "migrate", str(deals), "--to",
                           TRACTION)
    last = out.splitlines()[-1]
    hint = f"beachhead history '{deals}'"
    assert code == 0
    assert last == (f"Migrated {deals}: the change log keeps each score taken out ({hint})."
                    if lang == "en" else
                    f"已迁移 {deals}：变更记录保留了每个移出的评分（{hint}）。")
    assert shlex.split(hint) == ["beachhead", "history", str(deals)]
    assert run_cli(capsys, *shlex.split(hint)[1:])[0] == 0
