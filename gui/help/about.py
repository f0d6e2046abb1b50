"""Help ▸ About Beachhead: the version (:data:`models.__version__`), the libraries Beachhead
runs on with their versions and licences (read from the installed packages' metadata), and
where data is kept: the settings file, the data folder (the log of unexpected problems) and
the open workspace."""

from __future__ import annotations

import html
import platform
import re
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.help.sizing import fit_to_screen
from gui.icons import app_icon

if TYPE_CHECKING:
    from importlib.metadata import PackageMetadata

    from gui.main_window import MainWindow

#: The distribution Beachhead is installed as.
DISTRIBUTION = "beachhead"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_CLASSIFIER = "License :: "


def _field(meta: PackageMetadata, key: str) -> str:
    """A metadata field's first value, stripped ('' when absent)."""
    return str((meta.get_all(key) or [""])[0]).strip()


def licence(dist: metadata.Distribution) -> str:
    """A package's licence as its metadata states it: the SPDX expression, else a short
    licence field, else its licence classifiers ('' when it states none)."""
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith(_CLASSIFIER)]
    return "; ".join(classifiers)


def requirement_names(distribution: str = DISTRIBUTION) -> list[str]:
    """The packages ``distribution`` needs to run (extras left out), each once, in order."""
    try:
        requires = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError:
        return []
    names: list[str] = []
    for requirement in requires:
        match = _NAME.match(requirement)
        if match and "extra ==" not in requirement and match.group(0) not in names:
            names.append(match.group(0))
    return names


def libraries() -> list[tuple[str, str, str]]:
    """(name, version, licence) of Python, Qt and every package Beachhead runs on that is
    installed."""
    rows = [("Python", platform.python_version(), "PSF-2.0")]
    for name in requirement_names():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a dependency for another Python version
        version = dist.version
        if name.lower().startswith("pyside6"):
            version = f"{version} (Qt {qVersion()})"
        rows.append((name, version, licence(dist)))
    return rows


def _link(path: Path) -> str:
    """A link that opens ``path`` in the file manager, showing the path."""
    return f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{html.escape(str(path))}</a>'


class AboutDialog(QDialog):
    """About Beachhead, for ``window``.

    Attributes:
        title_label: name and version. library_table: (library, version, licence) rows.
        places: the data locations' labels, by ``settings``, ``data``, ``workspace``.
    """

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        from models import __version__

        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Beachhead"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(72, 72))
        self.title_label = QLabel(self.tr("<b>Beachhead</b> {version}").format(
            version=html.escape(__version__)))
        self.title_label.setObjectName("aboutTitle")
        blurb = QLabel(self.tr(
            "Scores an AI startup's strategic position against the big incumbents, "
            "stress-tests it and exports live Excel workbooks. Everything runs offline: deal "
            "data stays in your files, or for a team on your firm's own PostgreSQL server, "
            "and is sent nowhere else."))
        blurb.setWordWrap(True)
        head_text = QVBoxLayout()
        head_text.addWidget(self.title_label)
        head_text.addWidget(blurb)
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(QLabel(self.tr("<b>Libraries</b>")))
        layout.addWidget(self._library_table(), 1)
        layout.addWidget(QLabel(self.tr("<b>Where your data is kept</b>")))
        layout.addLayout(self._places(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 600)

    def _library_table(self) -> QTableWidget:
        rows = libraries()
        table = self.library_table = QTableWidget(len(rows), 3)
        table.setObjectName("libraryTable")
        table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"),
                                         self.tr("Licence")])
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value or self.tr("not stated")))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _places(self, window: MainWindow) -> QFormLayout:
        from gui.settings import data_folder, without_password

        doc = window.doc
        if doc.server is not None:
            workspace = html.escape(without_password(doc.server))
        elif doc.path is not None:
            workspace = _link(Path(doc.path))
        else:
            workspace = html.escape(self.tr(
                "none: the portfolio on screen is kept in memory until you save it"))
        self.places = {"settings": _link(Path(window.settings.file_name())),
                       "data": _link(data_folder()), "workspace": workspace}
        form = QFormLayout()
        for key, label in (("settings", self.tr("Settings:")),
                           ("data", self.tr("Data folder (log):")),
                           ("workspace", self.tr("Open workspace:"))):
            value = QLabel(self.places[key])
            value.setObjectName(f"{key}Place")
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setOpenExternalLinks(True)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            form.addRow(label, value)
        return form
