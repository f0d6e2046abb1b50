"""Canary for the Qt binding itself: calls into Qt must leave Python's reference counts of
``None``, ``True`` and ``False`` exactly as they were.

PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt call
that returns nothing (``QLabel.setText``, ``QPainter.drawLine``, ``QStandardItem.data`` of an
empty role, …) and one to ``True`` on every signal emission. On Python before 3.12 those
objects are not immortal, so after a few thousand calls the interpreter aborts with "Fatal
Python error: none_dealloc" (or ``bool_dealloc``) in the middle of a user's session, long
after any short test has finished. Each case here makes a few hundred calls of one kind and
requires the counts to be unchanged, so the fault fails the suite on the first run with a
release that has it.

The counts are read with the garbage collector paused (a collection frees unrelated objects
that hold ``None``). Another thread of the test process (pytest-xdist's channel) could still
take or drop a reference between the two reads, so each case is measured up to three times and
passes when one measurement is exact; a binding fault costs a reference on every call, so it
shows on every measurement. References a faulty binding drops are given back at once, so the
canary fails cleanly instead of taking the interpreter down with it (at exit included).
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

# From Python 3.12 on these objects are immortal: no count can fall to zero, and the counts a
# binding built for an older stable ABI moves say nothing, so there is nothing to watch.
pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12),
                                reason="None, True and False are immortal from Python 3.12 on")

CALLS = 500
TRIES = 3
SINGLETONS = (None, True, False)

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def _counts() -> tuple[int, ...]:
    return tuple(sys.getrefcount(o) for o in SINGLETONS)


def _changes(call: Callable[[], object], calls: int = CALLS) -> list[tuple[int, ...]]:
    """Change of the reference counts of (None, True, False) over ``calls`` calls, once per
    try until a try is exact (at most ``TRIES``)."""
    for _ in range(5):  # warm up: first calls may fill caches (signatures, type lookups)
        call()
    changes = []
    for _ in range(TRIES):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            before = _counts()
            for _ in range(calls):
                call()
            after = _counts()
        finally:
            if was_enabled:
                gc.enable()
        change = tuple(a - b for a, b in zip(after, before, strict=True))
        for obj, delta in zip(SINGLETONS, change, strict=True):
            for _ in range(-delta):  # give back what was dropped, for good
                _incref(obj)
        changes.append(change)
        if change == (0, 0, 0):
            break
    return changes


class _Emitter(QObject):
    bare = Signal()
    number = Signal(int)
    payload = Signal(object)


class _NoneModel(QAbstractListModel):
    """A Python model whose data() answers None, as most roles of ours do."""

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3 if not parent.isValid() else 0

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


def _slot(*_args: object) -> None:
    return None


@pytest.fixture
def objects(qapp):  # type: ignore[no-untyped-def]
    """The Qt objects the calls act on, kept alive for the test."""
    label, widget, box = QLabel(), QWidget(), QCheckBox()
    model = QStandardItemModel()
    item = QStandardItem("a")
    model.appendRow(item)
    emitter = _Emitter()
    emitter.bare.connect(_slot)
    emitter.number.connect(_slot)
    emitter.payload.connect(_slot)
    none_model = _NoneModel()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    yield {"label": label, "widget": widget, "box": box, "item": item, "emitter": emitter,
           "none_model": none_model, "painter": painter}
    painter.end()


CASES: dict[str, Callable[[dict], object]] = {
    "QLabel.setText": lambda o: o["label"].setText("Runway"),
    "QWidget.setToolTip": lambda o: o["widget"].setToolTip("Level 3"),
    "QWidget.setProperty": lambda o: o["widget"].setProperty("scored", True),
    "QAbstractButton.setChecked": lambda o: o["box"].setChecked(True),
    "QStandardItem.setData": lambda o: o["item"].setData(42, Qt.ItemDataRole.UserRole),
    "QStandardItem.data of an empty role": lambda o: o["item"].data(
        Qt.ItemDataRole.UserRole + 7),
    "Python model data() returning None": lambda o: o["none_model"].index(1).data(),
    "Signal() emit": lambda o: o["emitter"].bare.emit(),
    "Signal(int) emit": lambda o: o["emitter"].number.emit(3),
    "Signal(object) emit of None": lambda o: o["emitter"].payload.emit(None),
    "QPainter.drawLine": lambda o: o["painter"].drawLine(0, 0, 40, 40),
    "QPainter.fillRect": lambda o: o["painter"].fillRect(QRect(2, 2, 8, 8), QColor("red")),
    "QPainter.drawText": lambda o: o["painter"].drawText(4, 20, "5"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_qt_calls_keep_reference_counts(objects, case: str) -> None:
    changes = _changes(lambda: CASES[case](objects))
    assert changes[-1] == (0, 0, 0), (
        f"{CALLS} calls of {case} changed the reference counts of (None, True, False) by "
        f"{changes}: the Qt binding mishandles references and a long session will abort")


def test_canary_sees_a_dropped_reference() -> None:
    """The measurement itself notices one reference lost per call (made here on purpose by
    holding references and letting them go during the measured calls)."""
    held = [None] * (2 * CALLS)

    def drop_one() -> None:
        held.pop()

    changes = _changes(drop_one, CALLS // TRIES)
    assert changes[0] == (-(CALLS // TRIES), 0, 0)
