"""The user guide: Markdown chapters shipped in ``resources/help/<language>/``, one file a
chapter (``NN-name.md``, read in the order of their numbers, the first line ``# Title``),
shown in a :class:`~PySide6.QtWidgets.QTextBrowser` beside the list of chapters, with a search
field that keeps the chapters holding every word typed.

A link to another chapter (``perspectives.md``) opens it; a web link opens in the browser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.help.sizing import fit_to_screen

_NUMBERED = re.compile(r"^\d+-")


@dataclass(frozen=True)
class Chapter:
    """One chapter: ``name`` (its file's name without number and suffix), ``title`` (its
    first line) and ``text`` (the Markdown)."""

    name: str
    title: str
    text: str


def help_folder(lang: str) -> Path:
    """The folder of the guide's chapters in ``lang`` (English when ``lang`` has none)."""
    try:
        base = Path(str(resources.files("resources.help")))
    except (ModuleNotFoundError, TypeError):
        base = Path(__file__).resolve().parents[2] / "resources" / "help"
    folder = base / lang
    return folder if folder.is_dir() else base / "en"


def chapters(lang: str) -> list[Chapter]:
    """The guide's chapters in ``lang``, in order."""
    found = []
    for path in sorted(help_folder(lang).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        found.append(Chapter(_NUMBERED.sub("", path.stem), first.lstrip("# ").strip(), text))
    return found


class GuideWindow(QDialog):
    """The user guide in ``lang``.

    Attributes:
        search_edit: keeps the chapters that hold every word typed (any case).
        chapter_list: the chapters (item data: the chapter's name).
        browser: the chapter shown.
    """

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("guideSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.chapter_list = QListWidget()
        self.chapter_list.setObjectName("guideChapters")
        self.chapter_list.setStyleSheet("#guideChapters::item { padding: 3px 4px; }")
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)  # reading, not a form
        self.browser.setFont(font)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.chapter_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 700])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.chapter_list.currentItemChanged.connect(self._chosen)
        self.search_edit.textChanged.connect(self._search)
        fit_to_screen(self, 980, 700)
        self.load(lang)

    def load(self, lang: str) -> None:
        """Show the guide in ``lang``, on the chapter shown before if there was one."""
        shown = self.current_chapter()
        self.lang = lang
        self.setWindowTitle(self.tr("Beachhead User Guide"))
        self.search_edit.setPlaceholderText(self.tr("Search the guide"))
        self._chapters = {c.name: c for c in chapters(lang)}
        self.chapter_list.clear()
        for chapter in self._chapters.values():
            item = QListWidgetItem(chapter.title)
            item.setData(Qt.ItemDataRole.UserRole, chapter.name)
            self.chapter_list.addItem(item)
        self._search(self.search_edit.text())
        self.show_chapter(shown or next(iter(self._chapters), ""))

    def chapter_names(self) -> list[str]:
        """The chapters' names, in order."""
        return list(self._chapters)

    def current_chapter(self) -> str:
        """The name of the chapter shown ('' before one is)."""
        item = self.chapter_list.currentItem() if hasattr(self, "_chapters") else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_chapter(self, name: str) -> bool:
        """Show the chapter ``name``; False when the guide has none of that name."""
        for row in range(self.chapter_list.count()):
            item = self.chapter_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setHidden(False)
                self.chapter_list.setCurrentItem(item)
                return True
        return False

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        chapter = self._chapters[str(item.data(Qt.ItemDataRole.UserRole))]
        self.browser.setMarkdown(chapter.text)
        self.browser.document().setDocumentMargin(16)
        words = self.search_edit.text().split()
        if words:
            self.browser.find(words[0])

    def _search(self, text: str) -> None:
        words = [w.casefold() for w in text.split()]
        first_shown = None
        for row in range(self.chapter_list.count()):
            item = self.chapter_list.item(row)
            body = self._chapters[str(item.data(Qt.ItemDataRole.UserRole))].text.casefold()
            hidden = not all(w in body for w in words)
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = item
        current = self.chapter_list.currentItem()
        if first_shown is not None and (current is None or current.isHidden()):
            self.chapter_list.setCurrentItem(first_shown)
        elif current is not None and words:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.browser.find(words[0], QTextDocument.FindFlag(0))

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        name = _NUMBERED.sub("", Path(url.path()).stem)
        if name in self._chapters:
            self.show_chapter(name)
