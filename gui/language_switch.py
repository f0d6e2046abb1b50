"""Switching the running window's interface language (View ▸ Language, Preferences) without a
restart, keeping the user's place.

The translators are installed, the undo history's texts are said again in the new language
(:func:`gui.undo_texts.rename_steps`), then the menus, the tool bar and the three views are built
again. What the user chose survives the rebuild: the tab on screen and each view's own tabs,
the startup list's name filter, filters and sort, the startups selected and the startup and
assessment chosen, the startup's details open and a website typed there and refused (the reason
said again in the new language), the History tab's filters, Compare's filters, sorts, map axes,
scenario, "As of" day and consensus choice, its Uncertainty figures (carried over, not computed
again; a run going on goes on and reports to the new tab) and the Framework view's criterion
and pairwise scope. Dividers moved by the user and scroll positions stay where they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from gui.i18n import install_language
from gui.undo_texts import rename_steps
from gui.welcome import is_open

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.views.assess.view import AssessView
    from gui.views.framework.view import FrameworkView


def switch_language(window: MainWindow, lang: str, remember: bool = True) -> None:
    """Switch ``window`` to ``lang`` (``en`` or ``zh_CN``); ``remember`` keeps the choice
    for the next start. The open document and its undo history stay as they are."""
    if remember:
        window.settings.language = lang
    window.menus.check_language(lang)
    if lang == window.lang:
        return
    install_language(lang)
    window.lang = lang
    window.statusBar().clearMessage()  # a passing message ("Closed …") in the former language
    doc = window._doc
    if doc is not None:  # before the Edit menu is built again from the stack's texts
        rename_steps(doc.undo_stack)
    window.menus.rebuild()
    window.perspective_bar.retranslate()
    window.file_jobs.retranslate()
    window.menus.fill_tool_bar()
    if doc is None:
        for index, title in enumerate(_tab_titles()):
            window.tabs.setTabText(index, title)
        window.setWindowTitle(translate("MainWindow", "Beachhead"))
        return
    # results carry posture and deal-breaker names: score again in the new language (quietly:
    # the views that would react are built again next)
    blocked = doc.blockSignals(True)
    doc.rescore_all()
    doc.blockSignals(blocked)
    rebuild_views(window)
    if window.welcome.is_shown() and not is_open(doc):  # the page names no portfolio
        window.setWindowTitle(translate("MainWindow", "Beachhead"))
    else:
        window.update_title()
    window._update_status()


def _tab_titles() -> tuple[str, str, str]:
    """The three tabs' titles, as the window names them."""
    return (translate("MainWindow", "Assess"), translate("MainWindow", "Compare"),
            translate("MainWindow", "Framework"))


def rebuild_views(window: MainWindow) -> None:
    """Build the views again in the interface language now installed, each taking over what
    the one it replaces showed (see the module notes)."""
    from gui.views.assess.view import AssessView

    current_tab = window.tabs.currentIndex()
    old = window.assess_view
    focused = _focus_in(old)
    new = AssessView(window.doc)
    window._assess_view = new
    keep_assess(old, new)
    window._swap_tab(0, old, new, _tab_titles()[0])
    old_compare, old_framework = window.compare_view, window.framework_view
    _rebuild_view(window, 1)
    _rebuild_view(window, 2)
    if old_compare is not None and window.compare_view is not None:
        window.compare_view.take_over(old_compare)  # type: ignore[attr-defined]
    if old_framework is not None and window.framework_view is not None:
        keep_framework(old_framework, window.framework_view)  # type: ignore[arg-type]
    window.tabs.setCurrentIndex(current_tab)
    _give_focus(new, focused)
    new.results_panel.enable_radar_later()


def _focus_in(view: AssessView) -> str:
    """Where in ``view`` the keyboard focus is: a criterion's id, "list" or "filter" (the
    startup list or its filter box), or "" elsewhere."""
    focus = QApplication.focusWidget()
    if focus is None or not view.isAncestorOf(focus):
        return ""
    if view.criteria.isAncestorOf(focus):
        return view.criteria.current_criterion()
    pane = view.startup_pane
    return {pane.list_view: "list", pane.filter_edit: "filter"}.get(focus, "")


def _give_focus(view: AssessView, focused: str) -> None:
    """Put the keyboard focus where :func:`_focus_in` found it in the view replaced, so that
    the keys go on scoring (or moving in the list) after a language switch."""
    pane = view.startup_pane
    if focused == "list":
        pane.list_view.setFocus()
    elif focused == "filter":
        pane.filter_edit.setFocus()
    elif focused in view.criteria.editors:
        view.criteria.focus_criterion(focused)


def _rebuild_view(window: MainWindow, index: int) -> None:
    """Build the Compare (1) or Framework (2) view again, if it was built (the old one is
    deleted once control returns to the event loop)."""
    view = window.compare_view if index == 1 else window.framework_view
    if view is None:
        window.tabs.setTabText(index, _tab_titles()[index])
        return
    host = QWidget()
    window._swap_tab(index, view, host, "")
    if index == 1:
        window.compare_view, window._compare_host = None, host
        window.ensure_compare_view()
    else:
        window.framework_view, window._framework_host = None, host
        window.ensure_framework_view()


def keep_assess(old: AssessView, new: AssessView) -> None:
    """Make ``new`` show what ``old`` showed: the list's filters and sort, the startups
    selected, the startup and assessment chosen, its details (open, a website typed and
    refused), the middle tab and the History tab's
    filters, the dividers if the user moved them, and the scroll positions."""
    new.startup_pane.set_state(old.startup_pane.state())
    startup = old.current_startup()
    if startup is not None:
        new.select_startup(startup.id, old.current_assessment_id() or None, reveal=False)
    _select_startups(new, old.selected_startup_ids())
    new.header.details.take_over(old.header.details)
    new.tabs.setCurrentIndex(old.tabs.currentIndex())
    new.tabs.history.set_state(old.tabs.history.state())
    if old.splitter.sized_by_user:
        new.splitter.restoreState(old.splitter.saveState())
        new.splitter.sized_by_user = True
    keep_scroll(old.criteria, new.criteria)
    keep_scroll(old.results_panel, new.results_panel)


def _select_startups(view: AssessView, startup_ids: list[str]) -> None:
    """Select these startups' rows in the list (those its filters show) besides the current
    one, without choosing another startup."""
    selection = QItemSelection()
    for sid in startup_ids:
        index = view.proxy.mapFromSource(view.model.index(view.model.row_of(sid)))
        if index.isValid():
            selection.select(index, index)
    if not selection.isEmpty():
        view.list_view.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def keep_framework(old: FrameworkView, new: FrameworkView) -> None:
    """Make ``new`` show what ``old`` showed: the criterion, the tab on the right, the
    pairwise comparison's scope and the divider; and take over the framework editor ``old``
    opened (a window of its own), rebuilt in the new language with its draft, so Edit
    Framework… raises it."""
    if getattr(old, "framework_editor", None) is not None:  # the editor's modules if used
        from gui.views.framework.editor_window import editor_of, in_new_language

        editor = editor_of(old)
        if editor is not None:
            new.framework_editor = in_new_language(editor)  # type: ignore[attr-defined]
    if old.current_criterion_id():
        new.select_criterion(old.current_criterion_id())
    new.tabs.setCurrentIndex(old.tabs.currentIndex())
    new.pairwise_panel.set_scope(old.pairwise_panel.scope())
    new.splitter.restoreState(old.splitter.saveState())


def keep_scroll(old: QAbstractScrollArea, new: QAbstractScrollArea) -> None:
    """Scroll ``new`` as far as ``old`` is, once its contents are laid out (the next turn of
    the event loop; nothing happens if ``new`` is gone by then)."""
    values = (old.horizontalScrollBar().value(), old.verticalScrollBar().value())
    if values == (0, 0):
        return
    timer = QTimer(new)  # deleted with the view

    def scroll() -> None:
        new.horizontalScrollBar().setValue(values[0])
        new.verticalScrollBar().setValue(values[1])
        timer.deleteLater()

    timer.setSingleShot(True)
    timer.timeout.connect(scroll)
    timer.start(0)

