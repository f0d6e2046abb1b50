"""Edit ▸ Preferences (Ctrl+,): the assessor's name (which also signs the changes in a
workspace's history) and the role of new assessments, the interface language, the perspective
portfolios open under, and the Monte Carlo draws and seed the Uncertainty tab and an exported
workbook start at.

Each preference is one key of :class:`~gui.settings.AppSettings`; the window reads them when
it shows a portfolio (:func:`apply_to_document`) and builds the Compare view
(:func:`apply_to_analysis`), and :func:`apply` puts new ones in force at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.help.sizing import fit_to_contents
from gui.i18n import LANGUAGES
from gui.settings import DRAWS_RANGE, SEED_RANGE, AppSettings

if TYPE_CHECKING:
    from gui.main_window import MainWindow


@dataclass(frozen=True)
class Preferences:
    """What Edit ▸ Preferences sets: ``user_name`` ('' = the login name), ``default_role``
    ('' = the founder's first, then an investor's), ``language`` ('' = the system's),
    ``perspective``, ``draws`` and ``seed``."""

    user_name: str
    default_role: str
    language: str
    perspective: str
    draws: int
    seed: int

    @classmethod
    def read(cls, settings: AppSettings) -> Preferences:
        """The preferences kept in ``settings``."""
        return cls(settings.user_name, settings.default_role, settings.language,
                   settings.perspective, settings.analysis_draws, settings.analysis_seed)


class PreferencesDialog(QDialog):
    """The preferences, in four groups: you, language, ranking, analysis.

    Attributes:
        name_edit, role_combo, language_combo, perspective_combo, draws_spin, seed_spin:
            the fields (item data of each combo box: the setting's value).
    """

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        layout.addWidget(self._you_group())
        layout.addWidget(self._display_group())
        layout.addWidget(self._analysis_group())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_preferences(prefs)
        fit_to_contents(self)

    def _you_group(self) -> QGroupBox:
        from models.store.opening import default_user

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("assessorNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Your login name, {user}").format(
            user=default_user()))
        self.name_edit.setClearButtonEnabled(True)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("defaultRoleCombo")
        for text, role in ((self.tr("Founder's first, then investor"), ""),
                           (self.tr("Founder"), "founder"), (self.tr("Investor"), "investor"),
                           (self.tr("Other"), "other")):
            self.role_combo.addItem(text, role)
        return _group(self.tr("You"), [(self.tr("Your name:"), self.name_edit),
                                       (self.tr("Role of new assessments:"), self.role_combo)],
                      self.tr("Your name is the assessor of the assessments you start, and the "
                              "name your changes are recorded under in a workspace's history."))

    def _display_group(self) -> QGroupBox:
        from gui.perspective import BASE_PERSPECTIVES, perspective_label

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("As the system"), "")
        for lang, label in LANGUAGES.items():
            self.language_combo.addItem(label, lang)
        self.perspective_combo = QComboBox()
        self.perspective_combo.setObjectName("defaultPerspectiveCombo")
        for name in BASE_PERSPECTIVES:
            self.perspective_combo.addItem(perspective_label(name), name)
        return _group(self.tr("Display"), [(self.tr("Language:"), self.language_combo),
                                           (self.tr("Rank portfolios under:"),
                                            self.perspective_combo)],
                      self.tr("Each portfolio opens under this perspective; choosing another "
                              "in the tool bar makes it the one portfolios open under."))

    def _analysis_group(self) -> QGroupBox:
        self.draws_spin = QSpinBox()
        self.draws_spin.setObjectName("defaultDrawsSpin")
        self.draws_spin.setRange(*DRAWS_RANGE)
        self.draws_spin.setSingleStep(500)
        self.draws_spin.setGroupSeparatorShown(True)
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("defaultSeedSpin")
        self.seed_spin.setRange(*SEED_RANGE)
        return _group(self.tr("Monte Carlo analysis"),
                      [(self.tr("Draws:"), self.draws_spin), (self.tr("Seed:"), self.seed_spin)],
                      self.tr("Where the Uncertainty tab and an exported workbook's P10–P90 "
                              "and Analysis sheet start. The same seed gives the same figures."))

    def set_preferences(self, prefs: Preferences) -> None:
        """Show ``prefs`` in the fields."""
        self.name_edit.setText(prefs.user_name)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(prefs.default_role)))
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(prefs.language)))
        if self.perspective_combo.findData(prefs.perspective) < 0:
            from gui.perspective import perspective_label

            self.perspective_combo.addItem(perspective_label(prefs.perspective),
                                           prefs.perspective)
        self.perspective_combo.setCurrentIndex(self.perspective_combo.findData(prefs.perspective))
        self.draws_spin.setValue(prefs.draws)
        self.seed_spin.setValue(prefs.seed)

    def preferences(self) -> Preferences:
        """The preferences as the fields show them."""
        return Preferences(self.name_edit.text().strip(), self.role_combo.currentData() or "",
                           self.language_combo.currentData() or "",
                           self.perspective_combo.currentData() or "investor",
                           self.draws_spin.value(), self.seed_spin.value())


def _group(title: str, rows: list[tuple[str, QWidget]], note: str) -> QGroupBox:
    """A group of labelled fields, and below them a note that wraps."""
    box = QGroupBox(title)
    form = QFormLayout()
    for label, field in rows:
        form.addRow(label, field)
    text = QLabel(note)
    text.setWordWrap(True)
    text.setObjectName("noteLabel")
    text.setTextFormat(Qt.TextFormat.PlainText)
    layout = QVBoxLayout(box)
    layout.addLayout(form)
    layout.addWidget(text)
    return box


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Show the Preferences dialog over ``window`` (not blocking); OK puts what it shows in
    force (:func:`apply`)."""
    dialog = PreferencesDialog(Preferences.read(window.settings), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: apply(window, dialog.preferences()))
    dialog.open()
    return dialog


def apply(window: MainWindow, prefs: Preferences) -> None:
    """Remember ``prefs`` and put them in force in ``window``: the name signs its changes
    from now on and new assessments take the name and role; the perspective ranks the open
    portfolio; the Uncertainty tab starts at the draws and seed; the language switches."""
    from gui.i18n import system_language
    from models.store.opening import default_user

    s = window.settings
    s.user_name, s.default_role = prefs.user_name, prefs.default_role
    s.analysis_draws, s.analysis_seed = prefs.draws, prefs.seed
    doc = window.doc
    if doc.workspace is not None:
        doc.workspace.who = prefs.user_name or default_user()
    apply_to_document(window)
    window.perspective_bar.choose(prefs.perspective)
    s.perspective = prefs.perspective  # also before a portfolio is open
    apply_to_analysis(window)
    if prefs.language != s.language:
        s.language = prefs.language
        window.set_language(prefs.language or system_language(), remember=False)
    s.sync()


def apply_to_document(window: MainWindow) -> None:
    """New assessments of the window's portfolio take the preferred assessor and role."""
    window.doc.assessment_defaults = (window.settings.user_name, window.settings.default_role)


def apply_to_analysis(window: MainWindow) -> None:
    """The Compare view's Uncertainty tab (if built) starts at the preferred draws and seed."""
    panel = getattr(window.compare_view, "uncertainty_panel", None)
    settings = getattr(panel, "run_settings", None)
    if settings is not None:
        settings.set_settings(draws=window.settings.analysis_draws,
                              seed=window.settings.analysis_seed)
