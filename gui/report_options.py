"""What File ▸ Export Report covers: every startup, the startups selected in the window (the
Assess list or the Compare table), or the best N under the window's perspective.

:class:`ReportOptionsDialog` asks (through :meth:`gui.dialogs.Ask.report_options`, so tests
script the answer); :class:`ReportChoice` is the answer, which the report job turns into
:func:`models.report.document.write_report`'s ``startups`` and ``top``. Whatever the choice, the
report ranks under the window's perspective and its gates setting.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import list_separator

#: The scopes of a report.
SCOPES = ("all", "selected", "top")
#: How many selected names the dialog spells out before it says how many more there are.
NAMES_SHOWN = 4
#: The top N offered first.
DEFAULT_TOP = 10


@dataclass(frozen=True)
class ReportChoice:
    """The startups a report covers.

    Attributes:
        scope: ``all``, ``selected`` or ``top``.
        startups: the selected startups' ids (scope ``selected``).
        top: how many of the best-ranked startups (scope ``top``).
    """

    scope: str = "all"
    startups: tuple[str, ...] = ()
    top: int | None = None

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"unknown report scope '{self.scope}'")
        if self.scope == "selected" and not self.startups:
            raise ValueError("a report of the selected startups needs at least one")
        if self.scope == "top" and (self.top is None or self.top < 1):
            raise ValueError("a report of the top startups needs a number from 1")

    def startup_ids(self) -> list[str] | None:
        """The ``startups`` argument of the report: the selected ids, or None for all."""
        return list(self.startups) if self.scope == "selected" else None

    def top_n(self) -> int | None:
        """The ``top`` argument of the report (None unless the scope is ``top``)."""
        return self.top if self.scope == "top" else None


class ReportOptionsDialog(QDialog):
    """Asks which startups a report covers.

    Args:
        selected: (id, name) of the startups selected in the window, in document order.
        total: how many startups the portfolio has.
        ranked_under: the perspective as the window names it ("Investor view").
        ignore_gates: whether the ranking ignores deal-breakers.

    Attributes:
        all_button, selected_button, top_button: the three scopes; top_spin: N.
    """

    def __init__(self, parent: QWidget | None, selected: list[tuple[str, str]], total: int,
                 ranked_under: str, ignore_gates: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export report"))
        self._selected = selected
        self.all_button = QRadioButton(self.tr("All %Ln startup(s)", "", total))
        self.selected_button = QRadioButton(self.tr("The %Ln selected startup(s)", "",
                                                    len(selected)))
        self.top_button = QRadioButton(self.tr("The best"))
        self.top_spin = QSpinBox()
        self.top_spin.setRange(1, max(1, total))
        self.top_spin.setValue(min(DEFAULT_TOP, max(1, total)))
        self.top_spin.valueChanged.connect(lambda _v: self.top_button.setChecked(True))
        group = QButtonGroup(self)
        for button in (self.all_button, self.selected_button, self.top_button):
            group.addButton(button)
        self.selected_button.setEnabled(bool(selected))
        (self.selected_button if len(selected) > 1 else self.all_button).setChecked(True)
        self.names_label = QLabel(self._names())
        self.names_label.setWordWrap(True)
        self.names_label.setIndent(24)
        self.names_label.setObjectName("selectedNames")
        self.top_button.setEnabled(total > 0)
        self.top_spin.setEnabled(total > 0)
        gates = (self.tr("Gated startups rank among the others, by overall score.")
                 if ignore_gates else
                 self.tr("Startups with a triggered deal-breaker rank after the others."))
        self.note_label = QLabel("<span style='color:#555'>" + html.escape(self.tr(
            "Perspective: {view}. {gates}").format(view=ranked_under, gates=gates))
            + "</span>")
        self.note_label.setWordWrap(True)
        self._lay_out()

    def _names(self) -> str:
        names = [name for _, name in self._selected[:NAMES_SHOWN]]
        shown = list_separator().join(names)
        more = len(self._selected) - NAMES_SHOWN
        if more > 0:
            shown += " " + self.tr("and {n} more").format(n=more)
        return shown or self.tr("Select startups in the Assess list (Ctrl+click for several) "
                                "or in the Compare table first.")

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Which startups should the report cover?")), 0, 0, 1, 3)
        grid.addWidget(self.all_button, 1, 0, 1, 3)
        grid.addWidget(self.selected_button, 2, 0, 1, 3)
        grid.addWidget(self.names_label, 3, 0, 1, 3)
        grid.addWidget(self.top_button, 4, 0)
        grid.addWidget(self.top_spin, 4, 1)
        grid.addWidget(QLabel(self.tr("under the perspective")), 4, 2)
        grid.setColumnStretch(2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.note_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def choice(self) -> ReportChoice:
        """The scope chosen now."""
        if self.selected_button.isChecked() and self._selected:
            return ReportChoice("selected", tuple(sid for sid, _ in self._selected))
        if self.top_button.isChecked():
            return ReportChoice("top", top=self.top_spin.value())
        return ReportChoice("all")
