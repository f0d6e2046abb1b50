"""A startup's details in the Assess view, under its name: a line that sums them up (sector,
stage, region and tags, then the website as a link that opens in the browser), and,
opened with *Details*, their editors: sector, stage and region (each offering the values other
startups have), tags (separated by commas), the website and notes (a box that grows with its
text).

It never changes the document itself: each change is asked of the view (``fieldEdited``), which
pushes an undo command. A line is taken when it is left or Enter is pressed; the notes as they
are typed (one undo step for a typed phrase). A website is taken as the domain keeps it
(``acme.ai`` → ``https://acme.ai``, :mod:`models.core.website`); one that is not a web address
is not taken: the line keeps what was typed and says what is expected under it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import language, list_separator
from gui.views.assess.decision_texts import breakable
from gui.views.assess.text_box import TextBox
from gui.widgets.palette import WARNING_FG
from gui.widgets.startup_filter import distinct
from models.core.portfolio import Startup
from models.core.speech import speaking
from models.core.website import normalise_website, shown_website
from models.workbook.importing.problem_texts import website_problem

#: The details edited on a line of their own, in the order shown.
LINE_FIELDS = ("sector", "stage", "region", "tags", "website")
#: The longest website a link shows whole (a longer one ends in "…").
LINK_LENGTH = 40
#: What separates tags as typed: commas or semicolons, in either script.
_TAG_SEPARATOR = re.compile(r"[,;，；、]")
#: Lines the notes box shows before it scrolls (it grows from three).
NOTES_LINES = (3, 8)


def website_refusal(typed: str) -> str:
    """Why ``typed`` is not taken as a website, in the interface language: the domain's own
    reason (:func:`models.core.website.normalise_website`), as the importer says it."""
    try:
        normalise_website(typed)
    except ValueError as exc:
        with speaking(language()):
            text = website_problem(str(exc))
        return text[:1].upper() + text[1:]
    return ""


def parse_tags(typed: str) -> list[str]:
    """Tags as typed: separated by commas or semicolons, spaces around them dropped, each
    once (ignoring case: the first spelling is kept)."""
    tags: list[str] = []
    for part in _TAG_SEPARATOR.split(typed):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in {t.casefold() for t in tags}:
            tags.append(tag)
    return tags


def summary(st: Startup) -> str:
    """A startup's sector, stage, region and tags on one line (empty parts left out)."""
    facts = [x for x in (st.sector, st.stage, st.region) if x]
    if st.tags:
        facts.append(list_separator().join(st.tags))
    return " · ".join(facts)


class StartupDetails(QWidget):
    """The chosen startup's details (see the module notes).

    Attributes:
        edits: the line editor of each of :data:`LINE_FIELDS`; notes: the notes box;
            summary_label: the summary line, the website a link in it; website_problem: why
            the website typed is not taken (hidden when it is).

    Signals:
        fieldEdited(str, object): the user changed ``sector``, ``stage``, ``region``,
            ``website`` (str), ``tags`` (a list of str) or ``notes`` (str).
    """

    fieldEdited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._startup: Startup | None = None
        self._refused: str | None = None  # the website typed and refused, while it shows
        self._offered: dict[str, list[str]] = {}
        self._others: Sequence[Startup] = ()
        self.toggle = QToolButton()
        self.toggle.setObjectName("detailsToggle")
        self.toggle.setText(self.tr("Details"))
        self.toggle.setToolTip(self.tr("Show or edit the sector, stage, region, website, tags "
                                       "and notes"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._opened)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("startupFacts")
        self.summary_label.setWordWrap(True)
        # the details escaped, the website a link (it wraps with them: no width of its own)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.summary_label.linkActivated.connect(lambda _href: self.open_website())
        # a long summary wraps instead of widening the middle column
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                         QSizePolicy.Policy.Preferred)
        self.form = self._build_form()
        self.form.setVisible(False)
        head = QGridLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.toggle, 0, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.summary_label, 0, 1)
        head.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.form)
        self.show_startup(None)

    def _build_form(self) -> QWidget:
        """Sector and stage, region and tags side by side; the website and the notes
        below."""
        placeholders = {"sector": self.tr("e.g. Legal AI"), "stage": self.tr("e.g. Seed"),
                        "region": self.tr("e.g. Shanghai"),
                        "tags": self.tr("separated by commas"),
                        "website": self.tr("e.g. acme.ai")}
        captions = {"sector": self.tr("Sector"), "stage": self.tr("Stage"),
                    "region": self.tr("Region"), "tags": self.tr("Tags"),
                    "website": self.tr("Website")}
        self.edits: dict[str, QLineEdit] = {}
        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 4)
        grid.setVerticalSpacing(3)
        for i, name in enumerate(LINE_FIELDS):
            edit = QLineEdit()
            edit.setObjectName(f"{name}Edit")
            edit.setPlaceholderText(placeholders[name])
            edit.editingFinished.connect(lambda n=name: self._line_finished(n))
            caption = QLabel(captions[name])
            caption.setBuddy(edit)
            row, column = divmod(i, 2)
            grid.addWidget(caption, row, 2 * column)
            grid.addWidget(edit, row, 2 * column + 1, 1, 3 if name == "website" else 1)
            self.edits[name] = edit
        self.website_problem = QLabel()
        self.website_problem.setObjectName("websiteProblem")
        self.website_problem.setWordWrap(True)
        self.website_problem.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.website_problem.palette()
        palette.setColor(QPalette.ColorRole.WindowText, WARNING_FG)
        self.website_problem.setPalette(palette)
        self.website_problem.setVisible(False)
        grid.addWidget(self.website_problem, 3, 1, 1, 3)
        self.notes = TextBox(NOTES_LINES)
        self.notes.setObjectName("notesEdit")
        self.notes.setPlaceholderText(self.tr("What to remember about this startup"))
        self.notes.textEdited.connect(lambda t: self._edited("notes", t))
        caption = QLabel(self.tr("Notes"))
        caption.setBuddy(self.notes)
        grid.addWidget(caption, 4, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.notes, 4, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return form

    # -- display --------------------------------------------------------------------------
    def is_open(self) -> bool:
        """Whether the editors are shown."""
        return self.toggle.isChecked()

    def set_open(self, shown: bool) -> None:
        """Show the editors (True) or only the summary line."""
        self.toggle.setChecked(shown)

    def _opened(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.form.setVisible(shown)
        if shown:
            self._offer()

    def show_startup(self, st: Startup | None, others: Sequence[Startup] = ()) -> None:
        """Show ``st``'s details (None: no startup), offering the sectors, stages and regions
        of ``others`` (the portfolio's startups) as the editors' completions. A line being
        typed in for the same startup is left as typed."""
        same = st is not None and self._startup is not None and st.id == self._startup.id
        self._startup = st
        self.setEnabled(st is not None)
        self._show_summary(st)
        for name, edit in self.edits.items():
            value = self._shown(name)
            if edit.text() != value and not (same and edit.hasFocus() and edit.isModified()):
                edit.setText(value)
                edit.setModified(False)
                edit.setCursorPosition(0)
                if name == "website":
                    self._refuse(None)
        if self.notes.text() != (st.notes if st else ""):
            self.notes.setText(st.notes if st else "")
        self.notes.setToolTip(html.escape(st.notes) if st and st.notes else "")
        self._others = others
        if self.is_open():
            self._offer()

    def _show_summary(self, st: Startup | None) -> None:
        """The summary line: the details, then the website as a link (greyed words saying
        there is nothing when there is neither)."""
        facts = summary(st) if st is not None else ""
        parts = [html.escape(breakable(facts))] if facts else []
        address = st.website if st is not None else ""
        if address:
            shown = shown_website(address)
            if len(shown) > LINK_LENGTH:
                shown = shown[:LINK_LENGTH - 1] + "…"
            parts.append(f'<a href="{html.escape(address)}">'
                         f'{html.escape(breakable(shown))}</a>')
        self.summary_label.setText(" · ".join(parts) if parts else html.escape(
            self.tr("No sector, stage, region or tags yet") if st is not None else ""))
        self.summary_label.setEnabled(bool(parts))
        self.summary_label.setToolTip(self.tr("Open {address} in the browser").format(
            address=address) if address else "")

    def open_website(self) -> bool:
        """Open the startup's website in the browser; False when it has none (or the
        system has no browser to open it)."""
        st = self._startup
        if st is None or not st.website:
            return False
        return QDesktopServices.openUrl(QUrl(st.website, QUrl.ParsingMode.TolerantMode))

    def _offer(self) -> None:
        """Complete sector, stage and region with the values the startups have (read while
        the editors are shown only: a portfolio of thousands takes a moment)."""
        for name in ("sector", "stage", "region"):
            values = distinct(getattr(s, name) for s in self._others)
            if self._offered.get(name) == values:
                continue
            self._offered[name] = values
            completer = QCompleter(values, self.edits[name])
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.edits[name].setCompleter(completer)

    def _shown(self, name: str) -> str:
        st = self._startup
        if st is None:
            return ""
        return ", ".join(st.tags) if name == "tags" else str(getattr(st, name))

    # -- edits ----------------------------------------------------------------------------
    def _line_finished(self, name: str) -> None:
        edit = self.edits[name]
        if not edit.isModified():
            return
        edit.setModified(False)
        typed = edit.text()
        if name == "website":
            self._website_finished(typed)
            return
        self._edited(name, parse_tags(typed) if name == "tags" else " ".join(typed.split()))

    def _website_finished(self, typed: str) -> None:
        """Take the website typed as the domain keeps it, or say why it is not taken."""
        try:
            value = normalise_website(typed)
        except ValueError:
            self._refuse(typed.strip())
            return
        self._refuse(None)
        self._edited("website", value)

    def _refuse(self, typed: str | None) -> None:
        """Say why ``typed`` is not taken as the website (None: hide the problem)."""
        self._refused = typed
        if typed is not None:
            self.website_problem.setText(website_refusal(typed))
        self.website_problem.setVisible(typed is not None)

    def take_over(self, old: StartupDetails) -> None:
        """Show what ``old`` (the same startup's details, in another language) showed: open
        or closed, and a website typed and refused, with why in this language."""
        self.set_open(old.is_open())
        typed = old.edits["website"].text()
        if old._refused is not None and typed != self.edits["website"].text():
            self.edits["website"].setText(typed)
            self._refuse(old._refused)

    def _edited(self, name: str, value: object) -> None:
        st = self._startup
        if st is not None and getattr(st, name) != value:
            self.fieldEdited.emit(name, value)
        elif name != "notes":
            self.edits[name].setText(self._shown(name))  # the tidied text, unchanged
