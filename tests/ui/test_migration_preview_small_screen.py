"""The migration preview on a laptop's screen, 1366×768 at 125 % (1093×614 logical pixels)
and 1024×640: the dialog fits the screen, so Migrate and Cancel at its foot can be reached.
Measured in a child process given that screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.small_screens import SCREENS, logical_room, measure_on


def measure() -> dict[str, list[int]]:
    """In this process's screen: the screen's room, the dialog's frame and its Migrate
    button's bottom right corner, once shown."""
    from PySide6.QtWidgets import QApplication

    from gui.migration_preview import MigrationDialog
    from models.engine.migration_plan import plan_migration
    from models.engine.sample import sample_portfolio
    from tests.domain.test_framework_migration import traction_framework

    app = QApplication.instance() or QApplication([])
    port = sample_portfolio()
    dialog = MigrationDialog(None, plan_migration(port, traction_framework(port.framework)),
                             "en")
    dialog.show()
    for _ in range(20):
        app.processEvents()
    room, frame = dialog.screen().availableGeometry(), dialog.frameGeometry()
    button = dialog.migrate_button
    corner = button.mapToGlobal(button.rect().bottomRight())
    return {"room": [room.x(), room.y(), room.width(), room.height()],
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "button": [corner.x(), corner.y()]}


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_preview_fits_a_laptop_screen(tmp_path: Path, name: str) -> None:
    found = measure_on(tmp_path, name, "tests.ui.test_migration_preview_small_screen")
    _, _, rw, rh = found["room"]
    assert (rw, rh) == logical_room(name)
    fx, fy, fw, fh = found["frame"]
    assert fw <= rw and fh <= rh, found
    bx, by = found["button"]
    assert by - fy < rh and bx - fx < rw, found
