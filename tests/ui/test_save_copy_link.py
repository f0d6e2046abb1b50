"""File ▸ Save a Copy and File ▸ New never write a workspace through a link named
``.beachhead`` to a file of another kind (a founder's workbook, a JSON portfolio): an error
dialog names the link and the file behind it, in the window's language, and nothing is
written (the domain decides: :func:`models.store.opening.check_replaceable`)."""

from __future__ import annotations

import pytest

from models.store.workspace import Workspace
from tests.workspaces import read_back

BEHIND = {"book.xlsx": b"PK\x03\x04 a founder's filled-in workbook",
          "port.json": b'{"format": "beachhead.portfolio"}'}


@pytest.mark.parametrize("behind", list(BEHIND))
def test_save_a_copy_through_a_link_to_another_kind(window, tmp_path, scripted_ask, behind):
    other = tmp_path / behind
    other.write_bytes(BEHIND[behind])
    link = tmp_path / "copy.beachhead"
    link.symlink_to(other)
    scripted_ask.queue("save_file", str(link))
    scripted_ask.queue("confirm", True)  # yes, replace
    assert not window.files.save_copy()
    assert scripted_ask.errors() == [
        f"Cannot save a copy: {link}: is a link to {other}, which is not a workspace "
        "(.beachhead) and is never replaced by one; choose another name"]
    assert other.read_bytes() == BEHIND[behind] and link.is_symlink()


def test_new_through_a_link_in_chinese(window, tmp_path, scripted_ask, chinese_built):
    window.set_language("zh_CN", remember=False)
    other = tmp_path / "book.xlsx"
    other.write_bytes(BEHIND["book.xlsx"])
    link = tmp_path / "new.beachhead"
    link.symlink_to(other)
    scripted_ask.queue("save_file", str(link))
    scripted_ask.queue("confirm", True)
    shown = window.doc.path
    assert not window.files.new_document()
    error = scripted_ask.errors()[0]
    assert error.endswith(f"{link}: 这是指向 {other} 的链接，该文件不是工作区（.beachhead），"
                          "不会被工作区替换；请换一个名称"), error
    assert other.read_bytes() == BEHIND["book.xlsx"] and window.doc.path == shown


def test_save_a_copy_over_a_workspace_still_replaces_it(window, tmp_path, scripted_ask):
    old = tmp_path / "old.beachhead"
    Workspace.create(old, window.doc.portfolio.model_copy(update={"startups": []})).close()
    scripted_ask.queue("save_file", str(old))
    scripted_ask.queue("confirm", True)
    scripted_ask.queue("exported", "close")
    assert window.files.save_copy()
    assert len(read_back(old).startups) == len(window.doc.portfolio.startups) > 0
