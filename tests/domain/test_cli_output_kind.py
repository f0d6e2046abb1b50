"""A command that writes a file with ``-o`` (``export``, ``template``, ``report``,
``framework review``) never replaces a workspace, not even with ``--overwrite``: neither one
named like its output (``deals.xlsx`` an SQLite database) nor one at the end of a symbolic
link (``link.xlsx`` → ``deals.beachhead``), which it would have written through; nor a file of
another kind behind a link. It refuses with exit status 1 and one line naming the file, in
English or Chinese. A link to a file of the output's own kind is written through, the link
staying (:func:`models.store.sqlite.unlike_target` decides, for the window too)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.domain.test_cli_output_exists import COMMANDS, IDS
from tests.helpers import run_cli


@pytest.mark.parametrize(("command", "suffix"), COMMANDS, ids=IDS)
def test_a_link_to_a_workspace_is_refused_even_with_overwrite(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path, command: tuple[str, ...], suffix: str):
    argv = [a.format(src=sample_file) for a in command]
    deals = tmp_path / "deals.beachhead"
    shutil.copyfile(sample_file, deals)
    before = deals.read_bytes()
    link = tmp_path / f"link{suffix}"
    link.symlink_to("deals.beachhead")
    code, _, err = run_cli(capsys, *argv, "-o", str(link), "--overwrite")
    assert (code, err) == (1, f"{link}: is a link to the workspace {deals}, which no other kind "
                              "of file replaces, even with --overwrite; choose another name\n")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", *argv, "-o", str(link), "--overwrite")
    assert (code, err) == (1, f"{link}: 这是指向工作区 {deals} 的链接，即使加上 --overwrite，"
                              "也不会用其他类型的文件替换该工作区；请换一个名称\n")
    assert deals.read_bytes() == before and link.is_symlink()
    assert run_cli(capsys, "score", str(deals))[0] == 0


@pytest.mark.parametrize(("command", "suffix"), COMMANDS, ids=IDS)
def test_a_workspace_under_the_outputs_name_is_refused(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path, command: tuple[str, ...], suffix: str):
    argv = [a.format(src=sample_file) for a in command]
    named = tmp_path / f"deals{suffix}"
    shutil.copyfile(sample_file, named)
    code, _, err = run_cli(capsys, *argv, "-o", str(named), "--overwrite")
    assert (code, err) == (1, f"{named}: is a workspace, which no other kind of file replaces, "
                              "even with --overwrite; choose another name\n")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", *argv, "-o", str(named))
    assert (code, err) == (1, f"{named}: 这是一个工作区，即使加上 --overwrite，也不会用其他类型的"
                              "文件替换它；请换一个名称\n")
    assert named.read_bytes() == sample_file.read_bytes()


def test_a_link_to_a_file_of_another_kind_is_refused(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path):
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4 a document of someone's")
    link = tmp_path / "link.xlsx"
    link.symlink_to(notes)
    code, _, err = run_cli(capsys, "template", "-o", str(link), "--overwrite")
    assert (code, err) == (1, f"{link}: is a link to {notes}, which is not a .xlsx file and is "
                              "not replaced by one, even with --overwrite; choose another name\n")
    assert notes.read_bytes() == b"%PDF-1.4 a document of someone's"
    dangling = tmp_path / "dangling.xlsx"
    dangling.symlink_to("nowhere.beachhead")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", "template", "-o", str(dangling))
    assert (code, err) == (1, f"{dangling}: 这是指向 {tmp_path / 'nowhere.beachhead'} 的链接，"
                              "该文件不是 .xlsx 文件，即使加上 --overwrite 也不会被它替换；"
                              "请换一个名称\n")
    assert not (tmp_path / "nowhere.beachhead").exists()


def test_a_link_to_a_file_of_its_kind_is_written_through(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path):
    kept = tmp_path / "synced" / "template.XLSX"
    kept.parent.mkdir()
    kept.write_bytes(b"an old template")
    link = tmp_path / "link.xlsx"
    link.symlink_to(kept)
    assert run_cli(capsys, "template", "-o", str(link))[0] == 1  # exists: --overwrite needed
    code, _, err = run_cli(capsys, "template", "-o", str(link), "--overwrite")
    assert code == 0 and err.startswith(f"wrote {link}: template for framework")
    assert link.is_symlink() and link.resolve() == kept
    assert kept.read_bytes()[:2] == b"PK"


def test_unlike_target(tmp_path: Path, sample_file: Path) -> None:
    from models.store.sqlite import unlike_target

    book = tmp_path / "book.xlsx"
    assert unlike_target(book) is None  # nothing there
    book.write_bytes(b"PK\x03\x04")
    assert unlike_target(book) is None  # a file of its kind, replaced on --overwrite
    ws = tmp_path / "ws.json"
    shutil.copyfile(sample_file, ws)
    assert unlike_target(ws) == ws  # a workspace under any name
    for name, target, unlike in [("a.xlsx", "book.xlsx", None), ("b.pdf", "book.xlsx", True),
                                 ("c.beachhead", "ws.json", True), ("d.json", "gone.json", None),
                                 ("e.json", "gone.pdf", True)]:
        (tmp_path / name).symlink_to(target)
        assert unlike_target(tmp_path / name) == (tmp_path / target if unlike else None), name
