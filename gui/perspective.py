"""The window's one perspective selector: which assessments every ranking is made of
(:mod:`models.engine.perspectives`: investor view, founder view, latest assessment or one
assessor) and whether deal-breakers are ignored when ranking.

:class:`PerspectiveBar` is a tool bar (a choice and a check box) that the main window shows
above every view; View ▸ Perspective offers the same choices (:meth:`PerspectiveBar.fill_menu`).
Both set :meth:`gui.document.Document.set_perspective`, which every view follows through
``perspectiveChanged``. The choice is the window's, not the file's: it is remembered in the
settings and applied to each portfolio opened (an assessor the portfolio lacks falls back to the
investor view). When an edit renames the assessor of the current perspective (the name is gone
and one new name came), the perspective follows the new name; an assessor who is no longer
named at all stays chosen, ranking nothing, until another perspective is chosen or an undo
brings the name back.

Nothing of the domain is imported here at start-up: the bar is built before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMenu, QToolBar, QWidget

if TYPE_CHECKING:
    from gui.document import Document
    from gui.settings import AppSettings

#: The perspectives offered before any assessor's name.
BASE_PERSPECTIVES = ("investor", "founder", "latest")
ASSESSOR_PREFIX = "assessor:"
#: Widest the perspective choice grows, in average characters (a long assessor's name is
#: cut there, and shown whole in the list it opens and in its tooltip).
COMBO_CHARS = 44


def perspective_label(name: str) -> str:
    """A perspective's name as the window shows it (``investor`` → "Investor view")."""
    translate = QCoreApplication.translate
    if name.startswith(ASSESSOR_PREFIX):
        return translate("Perspective", "Assessor: {name}").format(
            name=name[len(ASSESSOR_PREFIX):])
    return {"investor": translate("Perspective", "Investor view"),
            "founder": translate("Perspective", "Founder view"),
            "latest": translate("Perspective", "Latest assessment")}.get(name, name)


def perspective_tip(name: str) -> str:
    """What a perspective is made of, in a sentence."""
    translate = QCoreApplication.translate
    if name.startswith(ASSESSOR_PREFIX):
        return translate("Perspective", "The latest assessment by {name}.").format(
            name=name[len(ASSESSOR_PREFIX):])
    return {"investor": translate("Perspective", "Per criterion, the median of each investor's "
                                  "latest assessment (the less favourable middle level on an "
                                  "even count)."),
            "founder": translate("Perspective", "The latest founder assessment."),
            "latest": translate("Perspective", "The latest assessment, whoever made it.")
            }.get(name, "")


def assessor_names(doc: Document) -> list[str]:
    """The assessors named in the portfolio, alphabetically (ignoring case)."""
    names = {a.assessor for st in doc.portfolio.startups for a in st.assessments
             if a.assessor.strip()}
    return sorted(names, key=lambda n: (n.casefold(), n))


class PerspectiveBar(QToolBar):
    """The perspective choice and "Rank ignoring deal-breakers", for the open document.

    Attributes:
        combo: the perspectives (item data: the perspective's name).
        gates_check: rank gated startups among the others, by overall alone.
    """

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("perspectiveBar")
        self.setMovable(False)
        self.settings = settings
        self.doc: Document | None = None
        self._names: list[str] = []
        self._connections: list[QMetaObject.Connection] = []
        self.label = QLabel()
        self.label.setContentsMargins(6, 0, 6, 0)
        self.combo = QComboBox()
        self.combo.setObjectName("perspectiveCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMaximumWidth(self.combo.fontMetrics().averageCharWidth() * COMBO_CHARS)
        self.gates_check = QCheckBox()
        self.gates_check.setObjectName("ignoreGatesCheck")
        self.addWidget(self.label)
        self.addWidget(self.combo)
        self.addSeparator()
        self.addWidget(self.gates_check)
        self.retranslate()
        self.combo.activated.connect(lambda i: self.choose(self.combo.itemData(i)))
        self.gates_check.toggled.connect(self.set_ignore_gates)
        self.setEnabled(False)

    def retranslate(self) -> None:
        """Texts in the interface language now installed."""
        self.setWindowTitle(self.tr("Perspective"))
        self.label.setText(self.tr("Perspective"))
        self.gates_check.setText(self.tr("Rank ignoring deal-breakers"))
        self.gates_check.setToolTip(self.tr(
            "Rank startups with a deal-breaker by their overall score among the others "
            "(they stay marked); otherwise they rank after every startup without one"))
        self._fill()

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow ``doc`` and rank it under the remembered perspective."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self.doc = doc
        self._names = assessor_names(doc)
        wanted = self.settings.perspective
        if wanted not in BASE_PERSPECTIVES and not (
                wanted.startswith(ASSESSOR_PREFIX)
                and wanted[len(ASSESSOR_PREFIX):] in self._names):
            wanted = "investor"
        doc.set_perspective(wanted, self.settings.ignore_gates)
        self._connections = [doc.perspectiveChanged.connect(self._fill),
                             doc.structureChanged.connect(self._names_changed)]
        self.setEnabled(True)
        self._fill()

    def _names_changed(self) -> None:
        if self.doc is None:
            return
        names = assessor_names(self.doc)
        if names == self._names:
            return
        gone, came = set(self._names) - set(names), set(names) - set(self._names)
        self._names = names
        current = self.doc.perspective
        if len(gone) == len(came) == 1 and current == ASSESSOR_PREFIX + next(iter(gone)):
            self.choose(ASSESSOR_PREFIX + next(iter(came)))  # the assessor was renamed
        self._fill()

    def choices(self) -> list[str]:
        """The perspectives offered: the three views, then one per assessor (and the current
        one, if its assessor is no longer named)."""
        names = [*BASE_PERSPECTIVES, *(ASSESSOR_PREFIX + n for n in self._names)]
        if self.doc is not None and self.doc.perspective not in names:
            names.append(self.doc.perspective)
        return names

    def _fill(self) -> None:
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        for name in self.choices():
            self.combo.addItem(perspective_label(name), name)
            self.combo.setItemData(self.combo.count() - 1, perspective_tip(name),
                                   Qt.ItemDataRole.ToolTipRole)
        current = self.doc.perspective if self.doc is not None else "investor"
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.setToolTip(perspective_tip(current))  # a long name is cut in the box
        widest = max((self.combo.fontMetrics().horizontalAdvance(self.combo.itemText(i))
                      for i in range(self.combo.count())), default=0)
        self.combo.view().setMinimumWidth(widest + 4 * self.combo.fontMetrics().height())
        self.combo.blockSignals(blocked)
        blocked = self.gates_check.blockSignals(True)
        self.gates_check.setChecked(self.doc is not None and self.doc.ignore_gates)
        self.gates_check.blockSignals(blocked)

    # -- choosing -------------------------------------------------------------------------
    def choose(self, name: str) -> None:
        """Rank under the perspective ``name`` (and remember it)."""
        if self.doc is not None and name:
            self.doc.set_perspective(name)
            self.settings.perspective = name

    def set_ignore_gates(self, on: bool) -> None:
        """Rank gated startups among the others (on) or after them (off), and remember it."""
        if self.doc is not None:
            self.doc.set_perspective(self.doc.perspective, bool(on))
            self.settings.ignore_gates = bool(on)

    def fill_menu(self, menu: QMenu) -> None:
        """Fill View ▸ Perspective with the same choices (called as it opens)."""
        menu.clear()
        group = QActionGroup(menu)
        current = self.doc.perspective if self.doc is not None else ""
        for i, name in enumerate(self.choices()):
            if i == len(BASE_PERSPECTIVES):
                menu.addSeparator()
            action = QAction(perspective_label(name).replace("&", "&&"), menu)  # no mnemonic
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setEnabled(self.doc is not None)
            action.triggered.connect(lambda _c=False, n=name: self.choose(n))
            group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        gates = QAction(self.tr("Rank ignoring deal-breakers"), menu)
        gates.setCheckable(True)
        gates.setChecked(self.doc is not None and self.doc.ignore_gates)
        gates.setEnabled(self.doc is not None)
        gates.toggled.connect(self.set_ignore_gates)
        menu.addAction(gates)
