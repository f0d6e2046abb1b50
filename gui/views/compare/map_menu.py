"""The context menu of the Compare view's map (:class:`MapMenu`): on a startup's mark, Open in
Assess, Select in Table and Copy Name; anywhere, Copy Image, Save Image As… (PNG or SVG), Clear
Selection, and whether the top of the ranking is named besides the selection. A map shown "as
of" a past day can hold a startup deleted since: it cannot be opened in Assess, and its menu
says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMenu

from gui.dialogs import ask

if TYPE_CHECKING:
    from gui.document import Document
    from gui.views.compare.position_map import PositionMap

#: The image formats Save Image As… writes, by file suffix.
IMAGE_FORMATS = {".png": "png", ".svg": "svg"}


class MapMenu(QObject):
    """Builds the map's context menu and does what its entries say.

    Args:
        chart: the :class:`~gui.views.compare.position_map.PositionMap` it serves.

    Attributes:
        openable: whether a startup on the map can be opened in Assess (is in the portfolio
            now; the Compare view sets it, see :func:`in_portfolio`).
    """

    def __init__(self, chart: PositionMap) -> None:
        super().__init__(chart)
        self.chart = chart
        self.openable: Callable[[str], bool] = lambda _startup_id: True

    def menu(self, pos: QPoint) -> QMenu:
        """The menu a right click at ``pos`` (the canvas's coordinates) opens: the startup
        there first (when a mark is under the pointer), then what concerns the whole map."""
        chart = self.chart
        menu = QMenu(chart)
        menu.setObjectName("mapMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sid = chart.startup_at(pos)
        if sid:
            name = menu.addAction(chart.startup_name(sid).replace("&", "&&"))  # no mnemonic
            name.setEnabled(False)
            if self.openable(sid):
                menu.addAction(self.tr("Open in Assess"), lambda: chart.openRequested.emit(sid))
            else:
                menu.addAction(self.tr("Open in Assess (deleted since)")).setEnabled(False)
            menu.addAction(self.tr("Select in Table"),
                           lambda: chart.startupsSelected.emit([sid], False))
            menu.addAction(self.tr("Copy Name"), lambda: self.copy_name(sid))
            menu.addSeparator()
        drawn = chart.chart.figure is not None
        copy = menu.addAction(self.tr("Copy Image"), self.copy_image)
        save = menu.addAction(self.tr("Save Image As…"), lambda: self.save_image())
        clear = menu.addAction(self.tr("Clear Selection"),
                               lambda: chart.startupsSelected.emit([], False))
        clear.setEnabled(bool(chart.selected_ids()))
        copy.setEnabled(drawn)
        save.setEnabled(drawn)
        menu.addSeparator()
        top = menu.addAction(self.tr("Name the Top {n}").format(n=chart.top_count()))
        top.setCheckable(True)
        top.setChecked(chart.names_top())
        top.toggled.connect(chart.set_names_top)
        return menu

    def copy_name(self, startup_id: str) -> None:
        """Put the startup's name on the clipboard."""
        QGuiApplication.clipboard().setText(self.chart.startup_name(startup_id))

    def copy_image(self) -> bool:
        """Put the map, as on screen, on the clipboard as an image; False before it is
        drawn."""
        data = self.chart.chart.image("png")
        if not data:
            return False
        QGuiApplication.clipboard().setImage(QImage.fromData(data))
        return True

    def save_image(self, path: str | None = None) -> Path | None:
        """Write the map to a PNG or SVG file (asked for when ``path`` is None; PNG unless
        the name ends in .svg); returns the file written, None when cancelled or refused (the
        reason said in a message)."""
        from gui.settings import AppSettings

        settings = AppSettings()
        if path is None:
            folder = Path(settings.last_folder or Path.home())
            path = ask.save_file(self.chart, self.tr("Save map image"),
                                 str(folder / "beachhead-map.png"),
                                 self.tr("PNG image (*.png);;SVG image (*.svg)"))
            if not path:
                return None
        target = Path(path)
        if target.suffix.lower() not in IMAGE_FORMATS:
            target = target.with_name(target.name + ".png")
        data = self.chart.chart.image(IMAGE_FORMATS[target.suffix.lower()])
        if not data:
            return None
        try:
            _write(target, data)
        except OSError as exc:
            from gui.i18n import language
            from models.core.errors import write_failure

            ask.error(self.chart, self.tr("Cannot save the map image"),
                      write_failure(exc, target, language()))
            return None
        settings.last_folder = str(target.resolve().parent)
        return target


def in_portfolio(doc: Document, startup_id: str) -> bool:
    """Whether ``doc``'s portfolio holds the startup now."""
    try:
        doc.startup(startup_id)
    except KeyError:
        return False
    return True


def _write(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` by the one atomic writer."""
    from models.files.atomic import atomic_output

    with atomic_output(target) as tmp, open(tmp, "wb") as out:
        out.write(data)
