"""Edit ▸ Preferences: saved in the settings and used by the window — a new assessment takes
the assessor's name and role (read back from the document and the workspace file), changes
are signed with the name, the perspective starts at the default, the Uncertainty tab and an
exported workbook start at the draws and seed, and the language switches (pytest-qt,
offscreen)."""

from __future__ import annotations

from pathlib import Path

from gui.i18n import system_language
from gui.main_window import MainWindow
from gui.preferences import Preferences, PreferencesDialog
from gui.settings import AppSettings
from models.store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def _open(window: MainWindow) -> PreferencesDialog:
    window.menus.preferences_action.trigger()
    shown = [d for d in window.findChildren(PreferencesDialog) if d.isVisible()]
    assert len(shown) == 1  # (one closed before is deleted later)
    return shown[0]


def _choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_preferences_are_saved_and_used_by_a_new_assessment(window, sample_file):
    assert window.menus.preferences_action.shortcut().toString() == "Ctrl+,"
    assert window.menus.preferences_action in window.menus.edit_menu.actions()
    dialog = _open(window)
    assert dialog.preferences() == Preferences("", "", "", "investor", 2000, 0)
    dialog.name_edit.setText("  Li Wei ")
    _choose(dialog.role_combo, "investor")
    _choose(dialog.perspective_combo, "founder")
    dialog.draws_spin.setValue(500)
    dialog.seed_spin.setValue(7)
    dialog.accept()

    s = AppSettings()  # on disk for the next session
    assert (s.user_name, s.default_role, s.perspective, s.analysis_draws, s.analysis_seed) \
        == ("Li Wei", "investor", "founder", 500, 7)
    assert window.doc.perspective == "founder"
    assert window.perspective_bar.combo.currentData() == "founder"

    view = window.assess_view
    st = window.doc.portfolio.find_startup("Lumenreel")
    view.select_startup(st.id)
    before = len(st.assessments)
    view.new_assessment()
    a = view.current_assessment()
    assert len(st.assessments) == before + 1 and a is st.assessments[-1]
    assert (a.assessor, a.role) == ("Li Wei", "investor")
    with Workspace.open(sample_file) as ws:
        stored = ws.load().find_startup("Lumenreel").assessments[-1]
        assert (stored.id, stored.assessor, stored.role) == (a.id, "Li Wei", "investor")
        assert ws.changes(limit=1)[0].who == "Li Wei"  # the change is signed by the name

    compare = window.ensure_compare_view()
    run = compare.uncertainty_panel.run_settings.settings()
    assert (run["draws"], run["seed"]) == (500, 7)


def test_a_new_window_starts_with_the_preferences(make_window, sample_file):
    s = AppSettings()
    s.user_name, s.default_role, s.perspective = "Ana", "other", "latest"
    s.analysis_draws, s.analysis_seed = 300, 11
    w = make_window()
    assert w.files.open_document(sample_file)
    assert w.doc.perspective == "latest"
    assert w.doc.assessment_defaults == ("Ana", "other")
    view = w.assess_view
    view.select_startup(w.doc.portfolio.find_startup("Tokenforge").id)
    view.new_assessment()
    assert (view.current_assessment().assessor, view.current_assessment().role) == \
        ("Ana", "other")
    w.show_view("compare")
    run = w.compare_view.uncertainty_panel.run_settings.settings()
    assert (run["draws"], run["seed"]) == (300, 11)


def test_without_a_role_the_first_assessment_is_the_founders(window, scripted_ask):
    scripted_ask.queue("text", "Nimbus Labs")
    window.assess_view.add_startup()
    st = window.doc.portfolio.find_startup("Nimbus Labs")
    window.assess_view.new_assessment()  # after the founder's of a new startup
    assert [(a.assessor, a.role) for a in st.assessments] == [("", "founder"), ("", "investor")]


def test_every_assessment_the_user_starts_is_signed_with_the_preferences(window, sample_file,
                                                                         scripted_ask):
    """Add (a startup's first assessment) and Copy take the name and role as New does; a copy
    is the user's own assessment, whoever made the one copied."""
    dialog = _open(window)
    dialog.name_edit.setText("Li Wei")
    _choose(dialog.role_combo, "investor")
    dialog.accept()
    view = window.assess_view
    scripted_ask.queue("text", "Nimbus Labs")
    view.add_startup()
    first = view.current_assessment()
    assert (first.assessor, first.role) == ("Li Wei", "investor")

    gear = window.doc.portfolio.find_startup("Gearloom Systems")
    founders = next(a for a in gear.assessments if a.role == "founder")
    view.select_startup(gear.id, founders.id)
    view.copy_assessment()
    copy = view.current_assessment()
    assert copy is gear.assessments[-1] and copy.id != founders.id
    assert (copy.assessor, copy.role) == ("Li Wei", "investor")
    assert copy.scores == founders.scores  # the scores are what is copied

    dialog = _open(window)
    _choose(dialog.role_combo, "")  # no role preferred: as New does, an investor's
    dialog.accept()
    view.copy_assessment()
    assert (view.current_assessment().assessor, view.current_assessment().role) == \
        ("Li Wei", "investor")
    with Workspace.open(sample_file) as ws:
        stored = ws.load()
        assert [(a.assessor, a.role) for a in stored.find_startup("Nimbus Labs").assessments] \
            == [("Li Wei", "investor")]
        assert (stored.find_startup("Gearloom Systems").assessments[-2].assessor,
                stored.find_startup("Gearloom Systems").assessments[-2].id) == ("Li Wei", copy.id)


def test_cancel_changes_nothing(window):
    dialog = _open(window)
    dialog.name_edit.setText("Somebody")
    dialog.draws_spin.setValue(9000)
    dialog.reject()
    s = AppSettings()
    assert (s.user_name, s.analysis_draws) == ("", 2000)
    assert window.doc.assessment_defaults == ("", "")


def test_an_exported_workbook_is_drawn_with_the_preferred_draws_and_seed(window, qtbot,
                                                                          tmp_path):
    from openpyxl import load_workbook

    dialog = _open(window)
    dialog.draws_spin.setValue(400)
    dialog.seed_spin.setValue(42)
    dialog.accept()
    target = tmp_path / "out.xlsx"
    assert window.file_jobs.export_workbook(target)
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    sheet = load_workbook(target, read_only=True)["Analysis"]
    assert [(sheet.cell(r, 1).value, sheet.cell(r, 2).value) for r in (2, 3)] == [
        ("Draws", 400), ("Seed", 42)]


def test_a_report_states_the_preferred_draws_and_seed(window, qtbot, tmp_path):
    from tests.pdftext import pdf_pages

    dialog = _open(window)
    dialog.draws_spin.setValue(300)
    dialog.seed_spin.setValue(9)
    dialog.accept()
    target = tmp_path / "committee.pdf"
    assert window.file_jobs.export_report(target)
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=120_000)
    first = " ".join(pdf_pages(target, raw=True)[0].split())
    assert "over 300 Monte Carlo draws per startup (seed 9)" in first


def test_the_language_preference_switches_the_window(window, chinese_built):
    dialog = _open(window)
    _choose(dialog.language_combo, "zh_CN")
    dialog.accept()
    assert window.lang == "zh_CN" and AppSettings().language == "zh_CN"
    assert window.menus.file_menu.title() == "文件(&F)"
    assert window.menus.preferences_action.text() == "偏好设置(&P)…"
    dialog = _open(window)
    assert dialog.windowTitle() == "偏好设置"
    _choose(dialog.language_combo, "")  # as the system
    dialog.accept()
    assert AppSettings().language == "" and window.lang == system_language()
