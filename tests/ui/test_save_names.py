"""Save dialogs: a name typed without its extension gets it, and a file that name would replace
is asked about first (once: the platform's dialog asks when the name is typed in full); New
and Export Founder Template suggest names of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.store.workspace import Workspace


def _confirms(scripted_ask) -> list[str]:
    return [title for kind, title in scripted_ask.asked if kind == "confirm"]


@pytest.fixture
def offered(scripted_ask, monkeypatch) -> list[str]:
    """The names the save dialogs suggested, in order."""
    names: list[str] = []
    answer = scripted_ask.save_dialog

    def save_dialog(parent, title, path, filters):  # type: ignore[no-untyped-def]
        names.append(Path(path).name)
        return answer(parent, title, path, filters)

    monkeypatch.setattr(scripted_ask, "save_dialog", save_dialog)
    return names


def test_new_without_the_extension_asks_before_replacing(window, scripted_ask, tmp_path,
                                                          offered):
    deals = tmp_path / "deals.beachhead"
    Workspace.create(deals, window.doc.portfolio).close()
    before = deals.read_bytes()
    scripted_ask.queue("save_file", str(tmp_path / "deals"))
    assert not window.files.new_document()  # No: the dialog again, then Cancel
    assert _confirms(scripted_ask) == ["New portfolio"]
    assert offered == ["portfolio.beachhead", "deals.beachhead"]
    assert deals.read_bytes() == before
    assert window.doc.path == tmp_path / "sample.beachhead"

    scripted_ask.queue("save_file", str(tmp_path / "deals"))
    scripted_ask.queue("confirm", True)
    assert window.files.new_document()
    assert window.doc.path == deals
    assert window.doc.portfolio.startups == []


def test_a_name_typed_in_full_is_asked_about_once(window, scripted_ask, tmp_path):
    deals = tmp_path / "deals.beachhead"
    Workspace.create(deals, window.doc.portfolio).close()
    scripted_ask.queue("save_file", str(deals))  # the platform's dialog asked already
    assert window.files.new_document()
    assert _confirms(scripted_ask) == []
    assert window.doc.path == deals and window.doc.portfolio.startups == []


def test_save_a_copy_without_the_extension_asks(window, scripted_ask, tmp_path):
    other = tmp_path / "other.beachhead"
    other.write_bytes(b"someone's portfolio")
    scripted_ask.queue("save_file", str(tmp_path / "other"))
    assert not window.files.save_copy()
    assert _confirms(scripted_ask) == ["Save a copy"]
    assert other.read_bytes() == b"someone's portfolio"


def test_export_without_the_extension_asks_and_writes_nothing_on_no(window, scripted_ask,
                                                                     tmp_path):
    sample = tmp_path / "sample.xlsx"
    sample.write_bytes(b"last week's export")
    for action, title in ((window.file_jobs.export_action, "Export workbook"),
                          (window.file_jobs.template_action, "Export founder template")):
        scripted_ask.queue("save_file", str(tmp_path / "sample"))
        action.trigger()
        assert window.file_jobs.job is None
        assert _confirms(scripted_ask)[-1] == title
    scripted_ask.queue("report_options")  # the default choice: all startups
    (tmp_path / "sample.pdf").write_bytes(b"a report")
    scripted_ask.queue("save_file", str(tmp_path / "sample"))
    window.file_jobs.report_action.trigger()
    assert _confirms(scripted_ask) == ["Export workbook", "Export founder template",
                                       "Export report"]
    assert window.file_jobs.job is None
    assert sample.read_bytes() == b"last week's export"
    assert (tmp_path / "sample.pdf").read_bytes() == b"a report"


def test_save_as_csv_asks_and_yes_replaces(scripted_ask, tmp_path):
    problems = tmp_path / "problems.csv"
    problems.write_text("kept\n", encoding="utf-8")
    scripted_ask.queue("save_file", str(tmp_path / "problems"))
    assert scripted_ask.save_as(None, "Save the problems as CSV", str(problems),
                                "CSV files (*.csv)", ".csv") is None
    scripted_ask.queue("save_file", str(tmp_path / "problems"))
    scripted_ask.queue("confirm", True)
    assert scripted_ask.save_as(None, "Save the problems as CSV", str(problems),
                                "CSV files (*.csv)", ".csv") == problems
    assert _confirms(scripted_ask) == ["Save the problems as CSV"] * 2
    assert [k for k, _ in scripted_ask.asked] == ["save_file", "confirm", "save_file",
                                                  "save_file", "confirm"]


def test_the_selected_filter_gives_the_extension(scripted_ask, tmp_path, monkeypatch):
    image = tmp_path / "map.svg"
    image.write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(scripted_ask, "save_dialog",
                        lambda *_a: (str(tmp_path / "map"), "SVG image (*.svg)"))
    scripted_ask.queue("confirm", True)
    assert scripted_ask.save_file(None, "Save map image", str(tmp_path / "x.png"),
                                  "PNG image (*.png);;SVG image (*.svg)") == str(image)
    assert _confirms(scripted_ask) == ["Save map image"]
    monkeypatch.setattr(scripted_ask, "save_dialog",
                        lambda *_a: (str(tmp_path / "review.XLSX"), ""))
    assert scripted_ask.save_file(None, "Save framework as", str(tmp_path / "f.json"),
                                  "Frameworks (*.json);;Review workbooks (*.xlsx)") == \
        str(tmp_path / "review.XLSX")  # an extension the filters name is kept


def test_new_suggests_a_free_name(window, scripted_ask, tmp_path, offered):
    (tmp_path / "portfolio.beachhead").write_bytes(b"taken")
    assert not window.files.new_document()
    assert offered == ["portfolio 2.beachhead"]


def test_the_founder_template_suggests_a_name_of_its_own(window, scripted_ask, offered):
    window.file_jobs.export_action.trigger()
    window.file_jobs.template_action.trigger()
    assert offered == ["sample.xlsx", "sample – founder template.xlsx"]
