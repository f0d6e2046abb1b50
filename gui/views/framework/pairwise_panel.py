"""The pairwise (AHP) weights editor bound to a document, for the Framework view: compare the
enabled pillars, or the criteria of one pillar, and apply the weights the judgements imply
(:func:`models.analysis.pairwise_weights.pairwise_weights`) as one undoable
:class:`gui.commands.ChangeFramework`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMetaObject, QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.commands import ChangeFramework
from gui.document import Document
from gui.i18n import language
from gui.views.framework.pairwise_editor import PairwiseEditor
from models.analysis.pairwise_weights import pairwise_weights
from models.core.framework import LocalText, text


class PairwisePanel(QWidget):
    """The pairwise editor bound to a document's framework: compare the enabled pillars, or the
    criteria of one pillar, and apply the weights as one undoable
    :class:`~gui.commands.ChangeFramework`.

    Applied weights keep the scale of the weights they replace (their mean stays the same),
    rounded to :data:`~models.analysis.pairwise_weights.WEIGHT_DECIMALS` decimals. While the
    user has not touched the judgements, the grid follows weight changes made elsewhere
    (direct entry, Undo).
    """

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self._connections: list[QMetaObject.Connection] = []
        self._pillar_id = ""
        self._ids: list[str] = []
        self._touched = False
        self._applied: dict[str, float] | None = None
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("pairwiseScope")
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.editor = PairwiseEditor()
        scope = QHBoxLayout()
        scope.addWidget(QLabel(self.tr("Compare")))
        scope.addWidget(self.scope_combo)
        scope.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(scope)
        layout.addWidget(self.editor, 1)
        self.scope_combo.activated.connect(lambda _i: self._load())
        self.editor.applyRequested.connect(self.apply)
        self.editor.resetRequested.connect(self._reset)
        self.editor.model.matrixChanged.connect(self._matrix_changed)
        self.set_document(doc)

    def set_document(self, doc: Document) -> None:
        """Follow ``doc``'s framework."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self.doc = doc
        self._connections = [doc.frameworkChanged.connect(self._framework_changed)]
        self._pillar_id = doc.framework.pillars[0].id
        self._fill_scopes()
        self._load()

    def set_pillar(self, pillar_id: str) -> None:
        """The pillar whose criteria the "criteria" choice compares (follows the Framework
        view's selection)."""
        if self.doc is None or pillar_id == self._pillar_id:
            return
        self._pillar_id = pillar_id
        on_criteria = self.scope() == "criteria"
        self._fill_scopes()
        if on_criteria:
            self._load()

    def scope(self) -> str:
        """``pillars`` or ``criteria``."""
        return self.scope_combo.currentData() or "pillars"

    def set_scope(self, scope: str) -> None:
        """Compare the enabled ``pillars`` or the chosen pillar's ``criteria``."""
        i = self.scope_combo.findData(scope)
        if i < 0:
            raise KeyError(scope)
        self.scope_combo.setCurrentIndex(i)
        self._load()

    def _fill_scopes(self) -> None:
        assert self.doc is not None
        keep = self.scope()
        pillar = self.doc.framework.pillar(self._pillar_id)
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("Pillars (switched on)"), "pillars")
        self.scope_combo.addItem(self.tr("Criteria of {pillar}").format(
            pillar=text(pillar.name, self.lang)), "criteria")
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(keep)))
        self.scope_combo.blockSignals(False)

    def _items(self) -> tuple[list[str], list[str], list[float]]:
        """(ids, names, weights) of the items compared in the current scope."""
        assert self.doc is not None
        fw = self.doc.framework
        if self.scope() == "criteria":
            crits = fw.pillar(self._pillar_id).criteria
            return ([c.id for c in crits], [text(c.name, self.lang) for c in crits],
                    [c.weight for c in crits])
        pillars = [p for p in fw.pillars if p.enabled]
        return ([p.id for p in pillars], [text(p.name, self.lang) for p in pillars],
                [p.weight for p in pillars])

    def _load(self) -> None:
        ids, names, weights = self._items()
        self._ids = ids
        self._touched = False
        self._applied = None
        self.editor.set_items(names, weights)
        self._touched = False

    def _reset(self) -> None:
        self._load()

    def _matrix_changed(self) -> None:
        self._touched = True

    def _framework_changed(self) -> None:
        if self.doc is None:
            return
        fw = self.doc.framework
        if self._pillar_id not in {p.id for p in fw.pillars}:
            self._pillar_id = fw.pillars[0].id
        self._fill_scopes()
        ids, names, weights = self._items()
        now = dict(zip(ids, weights, strict=True))
        if ids == self._ids and (self._touched or self._applied == now):
            # keep the user's judgements; only the current weights moved
            self.editor.model.set_current(weights)
            if names != self.editor.model.names:
                self.editor.set_items(names, weights, self.editor.model.matrix.copy())
            return
        self._load()

    def apply(self, shares: np.ndarray | None = None) -> bool:
        """Apply the editor's weights (or ``shares``) to the framework as one undoable edit.
        Returns True when the framework changed."""
        if self.doc is None:
            return False
        w = self.editor.weights() if shares is None else np.asarray(shares, dtype=float)
        ids, _names, old = self._items()
        if len(w) != len(ids) or len(ids) < 2:
            return False
        new = pairwise_weights(w, old, ids)
        if new is None:
            return False
        fw = self.doc.framework
        if self.scope() == "criteria":
            framework = fw.with_weights(criterion_weights=new)
            subject: LocalText | None = fw.pillar(self._pillar_id).name
        else:
            framework = fw.with_weights(pillar_weights=new)
            subject = None
        # the grid now matches the framework: keep it through the change that follows
        self._applied = new
        self._touched = False
        self.doc.undo_stack.push(ChangeFramework(self.doc, framework, "pairwise", subject))
        return True
