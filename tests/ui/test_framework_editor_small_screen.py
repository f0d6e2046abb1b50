"""The framework editor opened from the Framework view (Edit Framework…) on a small screen,
1024×640 and 1366×768 at 125 % (1093×614 logical pixels): the window fits the screen, so
Save As… and Use in Portfolio… at its foot can be reached. Measured in a child process given
that screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.small_screens import SCREENS, logical_room, measure_on


def measure() -> dict[str, list[int]]:
    """In this process's screen: the screen's room and the editor's frame once opened."""
    from PySide6.QtWidgets import QApplication

    from gui.document import Document
    from gui.views.framework.view import FrameworkView
    from models.engine.sample import sample_portfolio

    app = QApplication.instance() or QApplication([])
    view = FrameworkView(Document(sample_portfolio()))
    view.show()
    editor = view.edit_framework()
    assert editor is not None
    for _ in range(20):
        app.processEvents()
    room, frame = editor.screen().availableGeometry(), editor.frameGeometry()
    button = editor.use_button  # type: ignore[attr-defined]
    corner = button.mapToGlobal(button.rect().bottomRight())
    return {"room": [room.x(), room.y(), room.width(), room.height()],
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "use_button": [corner.x(), corner.y()]}


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_editor_fits_a_small_screen(tmp_path: Path, name: str) -> None:
    found = measure_on(tmp_path, name, "tests.ui.test_framework_editor_small_screen")
    rx, ry, rw, rh = found["room"]
    assert (rw, rh) == logical_room(name)
    fx, fy, fw, fh = found["frame"]
    assert rx <= fx and ry <= fy and fx + fw <= rx + rw and fy + fh <= ry + rh, found
    bx, by = found["use_button"]
    assert bx < rx + rw and by < ry + rh, found
