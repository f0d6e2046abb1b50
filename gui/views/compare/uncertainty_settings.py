"""The settings of an uncertainty run, as the Uncertainty tab offers them: how many draws, the
random seed, and whether (and how tightly) the pillar weights are drawn too; and a run's
settings said in words (:meth:`UncertaintySettings.describe`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from gui.i18n import number
from gui.perspective import perspective_label
from models.analysis.uncertainty import DEFAULT_CONCENTRATION, DEFAULT_DRAWS, DEFAULT_SEED
from models.core.framework import Framework, text


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

    def describe(self, figures: dict[str, Any], framework: Framework | None, lang: str,
                 shown: int | None) -> str:
        """A run's ``figures`` in words, as the Uncertainty tab says them: perspective,
        draws, weights, the investors resampled, the scenario (named from ``framework`` in
        ``lang``), and over which startups the rank probabilities are (``shown``: how many
        rows the filter shows, None when it shows every one)."""
        f = figures
        weights = (self.tr("pillar weights fixed") if f["concentration"] is None else
                   self.tr("pillar weights drawn around the current ones (concentration "
                           "{c:g})").format(c=f["concentration"]))
        what = self.tr("{perspective}: {draws} draws, seed {seed}, {weights}.").format(
            perspective=perspective_label(f["perspective"]), draws=f["draws"], seed=f["seed"],
            weights=weights)
        if f.get("resamples", 1) > 1:
            what += " " + self.tr("The investors were resampled %n time(s).", "",
                                  f["resamples"])
        if f.get("scenario"):
            try:
                name = text(framework.scenario(f["scenario"]).name, lang) if framework else ""
            except KeyError:
                name = ""
            what += " " + self.tr("Under the scenario “{name}”.").format(
                name=name or f["scenario"])
        ranked = int(np.count_nonzero(~np.isnan(np.asarray(f["overall"], dtype=float))))
        if shown is None:
            over = self.tr("P(rank 1) and P(top 3) are over all %Ln startup(s) ranked.", "",
                           ranked)
        else:
            over = self.tr("P(rank 1) and P(top 3) are over all %Ln startup(s) ranked; the "
                           "filter shows {shown} of them but changes no figure.", "",
                           ranked).format(shown=number(shown))
        return what + " " + over
