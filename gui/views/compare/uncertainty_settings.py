"""The settings of an uncertainty run, as the Uncertainty tab offers them: how many draws, the
random seed, and whether (and how tightly) the pillar weights are drawn too."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from models.analysis.uncertainty import DEFAULT_CONCENTRATION, DEFAULT_DRAWS, DEFAULT_SEED


class UncertaintySettings(QWidget):
    """Draws, seed and "uncertain pillar weights" with their concentration, in a row.

    Signals:
        changed(): a setting changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draws_spin = QSpinBox()
        self.seed_spin = QSpinBox()
        self.weights_check = QCheckBox(self.tr("Uncertain pillar weights, concentration"))
        self.concentration_spin = QDoubleSpinBox()
        self._build_spins()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Draws")))
        row.addWidget(self.draws_spin)
        row.addSpacing(8)
        row.addWidget(QLabel(self.tr("Seed")))
        row.addWidget(self.seed_spin)
        row.addSpacing(8)
        row.addWidget(self.weights_check)
        row.addWidget(self.concentration_spin)
        self.weights_check.toggled.connect(self.concentration_spin.setEnabled)
        for sig in (self.draws_spin.valueChanged, self.seed_spin.valueChanged,
                    self.weights_check.toggled, self.concentration_spin.valueChanged):
            sig.connect(lambda *_a: self.changed.emit())

    def _build_spins(self) -> None:
        self.draws_spin.setObjectName("drawsSpin")
        self.draws_spin.setRange(100, 100_000)
        self.draws_spin.setSingleStep(500)
        self.draws_spin.setValue(DEFAULT_DRAWS)
        self.draws_spin.setToolTip(self.tr("How many random draws the estimate uses; more draws "
                                           "give steadier figures and take longer"))
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setRange(0, 2_147_483_647)
        self.seed_spin.setValue(DEFAULT_SEED)
        self.seed_spin.setToolTip(self.tr("The same seed gives the same figures"))
        self.weights_check.setToolTip(self.tr(
            "Also draw the pillar weights around their current values (Dirichlet); a larger "
            "concentration keeps them closer (at 50, a 20 % weight varies by about ±6 points)"))
        self.concentration_spin.setObjectName("concentrationSpin")
        self.concentration_spin.setRange(1.0, 10_000.0)
        self.concentration_spin.setDecimals(0)
        self.concentration_spin.setValue(DEFAULT_CONCENTRATION)
        self.concentration_spin.setEnabled(False)

    def settings(self) -> dict[str, Any]:
        """The run settings: ``draws``, ``seed`` and ``concentration`` (None = fixed weights)."""
        return {
            "draws": self.draws_spin.value(),
            "seed": self.seed_spin.value(),
            "concentration": (self.concentration_spin.value() if self.weights_check.isChecked()
                              else None),
        }

    def set_settings(self, draws: int | None = None, seed: int | None = None,
                     concentration: float | bool | None = False) -> None:
        """Change the run settings (``concentration=None`` fixes the weights; ``False``, the
        default, leaves that setting alone)."""
        if draws is not None:
            self.draws_spin.setValue(draws)
        if seed is not None:
            self.seed_spin.setValue(seed)
        if concentration is not False:
            self.weights_check.setChecked(concentration is not None)
            if concentration is not None:
                self.concentration_spin.setValue(float(concentration))
