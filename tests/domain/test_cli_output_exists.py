"""A command that writes a file with ``-o`` (``export``, ``template``, ``report``,
``framework review``) never silently replaces an existing one, which may be a founder's
filled-in workbook: it refuses it with exit status 1 and one line naming the file and saying
to give ``--overwrite`` (the words ``copy`` uses), in English or Chinese; with
``--overwrite`` it replaces it. ``sample -o`` and ``import -o`` refuse it always."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.cli.texts import LABELS
from tests.helpers import run_cli

#: Each command and the suffix of the file it writes; ``{src}`` is the sample workspace.
COMMANDS = [
    (("export", "{src}"), ".xlsx"),
    (("export", "{src}"), ".json"),
    (("template",), ".xlsx"),
    (("report", "{src}", "--top", "1"), ".pdf"),
    (("framework", "review", "beachhead.llm-startups"), ".xlsx"),
]
IDS = ["export-xlsx", "export-json", "template", "report", "review"]


@pytest.mark.parametrize(("command", "suffix"), COMMANDS, ids=IDS)
def test_an_existing_output_is_kept_unless_overwrite_is_given(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path, command: tuple[str, ...], suffix: str):
    argv = [a.format(src=sample_file) for a in command]
    out = tmp_path / f"filled{suffix}"
    out.write_bytes(b"a founder's answers")
    code, _, err = run_cli(capsys, *argv, "-o", str(out))
    assert (code, err) == (1, f"{out}: already exists; choose another name, or give "
                              "--overwrite to replace it\n")
    assert out.read_bytes() == b"a founder's answers"
    code, _, err = run_cli(capsys, "--lang", "zh_CN", *argv, "-o", str(out))
    assert (code, err) == (1, f"{out}: 文件已存在；请换一个名称，或加上 --overwrite 以替换它\n")
    assert out.read_bytes() == b"a founder's answers"
    code, _, _ = run_cli(capsys, *argv, "-o", str(out), "--overwrite")
    assert code == 0 and out.read_bytes() != b"a founder's answers"
    assert out.read_bytes()[:2] == (b"{\n" if suffix == ".json" else
                                    b"%P" if suffix == ".pdf" else b"PK")


def test_copy_says_it_with_the_same_words(capsys, tmp_path: Path, sample_file: Path):  # type: ignore[no-untyped-def]
    dest = tmp_path / "taken.beachhead"
    dest.write_text("keep me", encoding="utf-8")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", "copy", str(sample_file), str(dest))
    assert (code, err) == (1, f"{dest}: {LABELS['zh_CN']['output_exists']}\n")
    assert dest.read_text(encoding="utf-8") == "keep me"


def test_sample_and_import_refuse_an_existing_file_always(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path):
    taken = tmp_path / "taken.beachhead"
    taken.write_text("keep me", encoding="utf-8")
    assert run_cli(capsys, "sample", "-o", str(taken), "--overwrite")[0] == 2  # no such option
    code, _, err = run_cli(capsys, "sample", "-o", str(taken))
    assert code == 1 and err.startswith(f"{taken}: already exists")
    code, _, err = run_cli(capsys, "import", str(sample_file), "-o", str(taken))
    assert code == 1 and err.startswith(f"{taken}: already exists; -o writes a new workspace")
    assert taken.read_text(encoding="utf-8") == "keep me"
