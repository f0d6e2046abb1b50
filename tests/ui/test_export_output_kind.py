"""Export Workbook, Export Report and Export Founder Template never write into a workspace: not
the one open in the window nor a closed one, reached through a symbolic link named like the
export (``link.xlsx`` → ``deals.beachhead``) or named so itself; nor a file of another kind
behind a link. The window says so, naming the workspace, and starts no job; the command line
decides the same way (:func:`models.store.sqlite.unlike_target`). A link to a file of the
export's own kind is written through."""

from __future__ import annotations

import shutil

from gui.report_options import ReportChoice


def test_a_link_to_the_open_workspace_is_refused(window, tmp_path, scripted_ask):  # type: ignore[no-untyped-def]
    open_ws = window.doc.path
    before = open_ws.read_bytes()
    link = tmp_path / "link.xlsx"
    link.symlink_to(open_ws)
    assert not window.file_jobs.export_workbook(link)
    assert scripted_ask.errors() == [
        f"Cannot export: Could not export to {link}: {open_ws} is a workspace, which an "
        "export never replaces. Choose another name."]
    assert window.file_jobs.job is None
    assert open_ws.read_bytes() == before and link.is_symlink()


def test_a_closed_workspace_is_refused_by_report_and_template(  # type: ignore[no-untyped-def]
        window, tmp_path, scripted_ask):
    closed = tmp_path / "closed.beachhead"
    shutil.copyfile(window.doc.path, closed)
    before = closed.read_bytes()
    link = tmp_path / "link.pdf"
    link.symlink_to(closed)
    assert not window.file_jobs.export_report(link, ReportChoice("top", top=1))
    named = tmp_path / "founders.xlsx"
    shutil.copyfile(closed, named)  # a workspace under a workbook's name
    scripted_ask.queue("save_file", str(named))
    window.file_jobs.template_action.trigger()
    assert scripted_ask.errors() == [
        f"Cannot export: Could not export to {link}: {closed} is a workspace, which an export "
        "never replaces. Choose another name.",
        f"Cannot export: Could not export to {named}: {named} is a workspace, which an export "
        "never replaces. Choose another name."]
    assert window.file_jobs.job is None
    assert closed.read_bytes() == before == named.read_bytes()


def test_a_link_to_another_kind_of_file_is_refused(window, tmp_path, scripted_ask):  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4 someone's document")
    link = tmp_path / "link.xlsx"
    link.symlink_to(notes)
    assert not window.file_jobs.export_template(link)
    assert scripted_ask.errors() == [
        f"Cannot export: Could not export to {link}: it is a link to {notes}, which is not a "
        ".xlsx file. Choose another name."]
    assert notes.read_bytes() == b"%PDF-1.4 someone's document"
