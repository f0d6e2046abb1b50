"""The welcome page: what the window shows in place of its views when no portfolio is open —
on first start, when the last portfolio is gone, after File ▸ Close, and from Help ▸ Welcome
Page. It says in a few lines what Beachhead does and offers the ways in: open the sample (a
copy kept in a file the user chooses, :meth:`~gui.portfolio_files.PortfolioFiles.open_sample`),
a new portfolio, an existing one, founders' workbooks, a team workspace, and the recent
portfolios and team workspaces.
:class:`Welcome` puts the page and the views' tabs in one stack as the window's central
widget; the page goes as soon as a portfolio is open or the open one changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMetaObject, QObject, QSize, Qt
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.icons import app_icon, tinted_icon
from gui.welcome_style import (
    ACCENT,
    STYLE_SHEET,
    PageTile,
    RecentList,
    centred,
    fit_height,
    home_relative,
    paragraph,
)
from gui.widgets.tile import Tile

if TYPE_CHECKING:
    from gui.document import Document
    from gui.main_window import MainWindow

class WelcomePage(QWidget):
    """The page itself (see the module notes), acting on ``window``.

    Attributes:
        tiles: the ways in by name: ``sample``, ``new``, ``open``, ``import``, ``team``.
        recent_tiles: one per recent portfolio or team workspace, most recent first.
        back_button: back to the portfolio open (shown while one is).
    """

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.setObjectName("welcomePage")
        self.setStyleSheet(STYLE_SHEET)
        files = window.files
        commands: dict[str, Callable[[], object]] = {  # named as their icons are
            "sample": files.open_sample, "new": files.new_document,
            "open": lambda: files.open_document(),
            "import": lambda: window.file_jobs.import_workbooks(),
            "team": lambda: files.open_team_workspace()}
        self.tiles: dict[str, Tile] = {}
        for name, work in commands.items():
            tile = self.tiles[name] = PageTile(32)
            tile.setObjectName("welcomeTile")
            tile.set_tile_icon(tinted_icon(name, ACCENT, 32, self.devicePixelRatioF()))
            tile.clicked.connect(lambda _c=False, w=work: w())
        self.recent_tiles: list[Tile] = []
        self._build()
        self.retranslate()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, window.welcome.leave,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build(self) -> None:
        band = QWidget()  # the name and what it is for, on a band across the page
        band.setObjectName("welcomeBand")
        band_layout = self._band_layout = QVBoxLayout(band)
        band_layout.addLayout(centred(self._build_head()))
        body = QHBoxLayout()
        body.setSpacing(32)
        body.addLayout(self._build_start(), 1)
        body.addLayout(self._build_recent(), 1)
        column = self._column = QVBoxLayout()
        self._fit_height(800)
        column.addLayout(body)
        column.addLayout(self._build_foot())
        content = QWidget()
        content.setObjectName("welcomeContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(band)
        layout.addLayout(centred(column))
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)

    def _fit_height(self, height: int) -> None:
        """Tighter on a short (laptop's) screen; the recent list no taller than Start's."""
        fit_height(height, self._band_layout, self._column, self._start_tiles,
                   [*self.tiles.values(), *self.recent_tiles])
        self.recent_list.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_height(event.size().height())
        super().resizeEvent(event)

    def _build_head(self) -> QHBoxLayout:
        """The icon, the name, what it is for, and Back to the portfolio open."""
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(72, 72), self.devicePixelRatioF()))
        self.title_label = QLabel(self.tr("Beachhead"))
        self.title_label.setObjectName("welcomeTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setWeight(QFont.Weight.Bold)
        self.title_label.setFont(font)
        self.tagline_label = QLabel()
        self.tagline_label.setObjectName("welcomeTagline")
        self.tagline_label.setWordWrap(True)
        font = self.tagline_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.tagline_label.setFont(font)
        self.about_label = QLabel()
        self.about_label.setObjectName("welcomeAbout")
        self.about_label.setWordWrap(True)
        names = QVBoxLayout()
        names.setSpacing(4)
        names.addWidget(self.title_label)
        names.addWidget(self.tagline_label)
        names.addSpacing(6)
        names.addWidget(self.about_label)
        self.back_button = QPushButton()
        self.back_button.setObjectName("welcomeBack")
        self.back_button.clicked.connect(lambda _c=False: self.window_.welcome.leave())
        head = QHBoxLayout()
        head.setSpacing(20)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(names, 1)
        head.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        return head

    def _heading(self) -> QLabel:
        label = QLabel()
        label.setObjectName("welcomeHeading")
        return label

    def _build_start(self) -> QVBoxLayout:
        self.start_heading = self._heading()
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(self.start_heading)
        self._start_tiles = QVBoxLayout()  # the recent list is no taller than these
        for tile in self.tiles.values():
            self._start_tiles.addWidget(tile)
        column.addLayout(self._start_tiles)
        column.addStretch(1)
        return column

    def _build_recent(self) -> QVBoxLayout:
        self.recent_heading = self._heading()
        self.no_recent_label = QLabel()
        self.no_recent_label.setObjectName("tileLine")
        self.no_recent_label.setWordWrap(True)
        self.recent_list = RecentList(self._start_tiles)
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(self.recent_heading)
        column.addWidget(self.no_recent_label)
        column.addWidget(self.recent_list)
        column.addStretch(1)
        return column

    def _build_foot(self) -> QHBoxLayout:
        help_ = self.window_.menus.help
        self.guide_link = QPushButton()
        self.shortcuts_link = QPushButton()
        foot = QHBoxLayout()
        foot.setSpacing(20)
        for link, work in ((self.guide_link, help_.show_guide),
                           (self.shortcuts_link, help_.show_shortcuts)):
            link.setObjectName("welcomeLink")
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.clicked.connect(lambda _c=False, w=work: w())
            foot.addWidget(link)
        self.guide_link.setIcon(tinted_icon("guide", ACCENT, 18, self.devicePixelRatioF()))
        foot.addStretch(1)
        return foot

    # -- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the interface language now installed."""
        self.tagline_label.setText(self.tr(
            "Where does an AI startup stand against the platform giants?"))
        self.about_label.setText(paragraph(self.tr(
            "When the giants pour money into models, traffic and price cuts, a young AI "
            "company lasts by holding ground they will not take: a narrow niche they serve "
            "poorly, heavy work they avoid, a technology lead they cannot copy within a "
            "year, or a new ecosystem of devices and platforms. Beachhead scores a startup "
            "on these questions (five pillars, eighteen criteria) and shows where it stands, "
            "which strategy fits, what could sink it and what would help most. Your data "
            "stays in your files, or for a team on your firm's own server.")))
        self.start_heading.setText(self.tr("Start"))
        self.recent_heading.setText(self.tr("Recent portfolios"))
        self.no_recent_label.setText(self.tr(
            "Nothing opened yet: the portfolios and team workspaces you open are listed "
            "here."))
        texts = {
            "sample": (self.tr("Open the Sample"), self.tr(
                "Eight scored startups to explore, copied into a file of your own")),
            "new": (self.tr("New Portfolio…"), self.tr(
                "Start empty; Beachhead asks where to keep it")),
            "open": (self.tr("Open a Portfolio…"), self.tr(
                "A .beachhead file on this computer")),
            "import": (self.tr("Import Founders' Workbooks…"), self.tr(
                "Each filled-in template (.xlsx) becomes a scored startup")),
            "team": (self.tr("Open Team Workspace…"), self.tr(
                "A pipeline shared on your firm's PostgreSQL server")),
        }
        for name, (title, line) in texts.items():
            self.tiles[name].set_texts(title, line)
        self.guide_link.setText(self.tr("Read the user guide (F1)"))
        self.shortcuts_link.setText(self.tr("Keyboard shortcuts"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what is open ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the recent portfolios as remembered now, and Back while one is open."""
        doc = self.window_.welcome.doc
        self.back_button.setVisible(doc is not None and is_open(doc))
        if doc is not None:
            self.back_button.setText(self.tr("Back to {name}").format(
                name=doc.display_name().replace("&", "&&")))  # R&D.beachhead: no mnemonic
        for tile in self.recent_tiles:
            self.recent_list.column.removeWidget(tile)
            tile.deleteLater()
        self.recent_tiles = [self._recent_tile(location)
                             for location in self.window_.settings.recent_files]
        for tile in self.recent_tiles:
            self.recent_list.column.insertWidget(self.recent_list.column.count() - 1, tile)
            tile.show()  # now, not once the event loop runs: measured by the fit below
        self.no_recent_label.setVisible(not self.recent_tiles)
        self.recent_list.setVisible(bool(self.recent_tiles))
        self._fit_height(self.height())

    def _recent_tile(self, location: str) -> Tile:
        """A recent file (its name, and its folder) or team workspace (database@host, and
        its address)."""
        from gui.team_dialog import short_name
        from models.store.server import is_server_address

        tile = PageTile(24)
        tile.setObjectName("welcomeTile")
        if is_server_address(location):
            tile.set_tile_icon(tinted_icon("team", ACCENT, 24, self.devicePixelRatioF()))
            tile.set_texts(short_name(location), location)
        else:
            path = Path(location)
            tile.set_tile_icon(app_icon())
            folder = home_relative(path.parent)
            found = path.exists()
            tile.setProperty("missing", not found)
            tile.set_texts(path.name, folder if found else self.tr(
                "{folder} — not found").format(folder=folder))
        tile.setToolTip(location)
        tile.clicked.connect(lambda _c=False, loc=location: self._open_recent(loc))
        return tile

    def _open_recent(self, location: str) -> None:
        if not self.window_.files.open_location(location):
            self.refresh()  # a file that is gone has left the list


def is_open(doc: Document) -> bool:
    """Whether ``doc`` is a portfolio worth showing rather than the welcome page: a file or
    a team workspace, or a scratch portfolio that holds something."""
    return doc.workspace is not None or doc.path is not None or bool(doc.portfolio.startups)


class Welcome(QObject):
    """The window's welcome page and when it shows (see the module notes).

    Attributes:
        stack: the window's central widget: the views' tabs, and the page once built.
        page: the :class:`WelcomePage` (``None`` until first shown).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page: WelcomePage | None = None
        self.stack = QStackedWidget()
        self.stack.setObjectName("centralStack")
        self.stack.addWidget(window.tabs)
        window.setCentralWidget(self.stack)
        #: the portfolio open (``None`` before the window has made its first)
        self.doc: Document | None = None
        self._edits: QMetaObject.Connection | None = None
        window.documentChanged.connect(self._document_changed)

    def is_shown(self) -> bool:
        """Whether the page is on screen instead of the views."""
        return self.page is not None and self.stack.currentWidget() is self.page

    def show_page(self) -> WelcomePage:
        """Show the page instead of the views."""
        if self.page is None:
            self.page = WelcomePage(self.window)
            self.stack.addWidget(self.page)
        self.page.refresh()
        self.stack.setCurrentWidget(self.page)
        self.window.status_label.hide()
        doc = self.doc
        if doc is None or not is_open(doc):
            self.window.setWindowTitle(self.tr("Beachhead"))
        self.page.tiles["sample" if doc is None or not is_open(doc) else "open"].setFocus()
        return self.page

    def hide_page(self) -> None:
        """Show the views again."""
        if not self.is_shown():
            return
        self.stack.setCurrentWidget(self.window.tabs)
        self.window.status_label.show()
        if self.doc is not None:
            self.window.update_title()

    def leave(self) -> bool:
        """Show the views if a portfolio is open (Back, Escape, a view or Find chosen); True
        when the views are on screen."""
        if self.doc is not None and is_open(self.doc):
            self.hide_page()
        return not self.is_shown()

    def _document_changed(self) -> None:
        """Another portfolio is open: it is shown. A change to it (an import from the page,
        Edit ▸ Undo) shows it too."""
        doc = self.doc = self.window.doc
        if self._edits is not None:
            QObject.disconnect(self._edits)
        self._edits = doc.undo_stack.indexChanged.connect(self.hide_page)
        if is_open(doc):
            self.hide_page()
        elif self.is_shown():
            self.show_page()  # the title says Beachhead, not Untitled
