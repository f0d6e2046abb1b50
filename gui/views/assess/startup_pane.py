"""The left column of the Assess view: the startups (:mod:`~gui.views.assess.startup_list`),
a name filter, how they are sorted, the filters of details, tags and status (a
:class:`~gui.widgets.startup_filter.StartupFilterBar`, stacked, shown with *Filters*), how many
are shown, and Add, Rename, Duplicate and Delete.

The column stays narrow: its rows take its width, so it never scrolls sideways.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import number
from gui.views.assess.startup_list import StartupDelegate, StartupListModel
from gui.views.assess.startup_order import SORTS, StartupFilterModel
from gui.widgets.startup_filter import StartupFilter, StartupFilterBar


@dataclass(frozen=True)
class ListState:
    """What the user chose for the startup list: kept when the view is built again (another
    language)."""

    fragment: str = ""
    sort: str = "order"
    fields: StartupFilter = field(default_factory=StartupFilter)
    filters_open: bool = False


class StartupPane(QWidget):
    """The startup list with its filters and buttons (see the module notes); the Assess view
    gives it its models (:meth:`set_models`) and acts on its buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy: StartupFilterModel | None = None
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter startups by name or website"))
        self.filter_edit.setClearButtonEnabled(True)
        self.sort_combo = QComboBox()
        self.sort_combo.setObjectName("startupSort")
        self.sort_combo.setToolTip(self.tr("How the startups are sorted"))
        labels = {"order": self.tr("Order added"), "name": self.tr("Name"),
                  "overall": self.tr("Overall"), "status": self.tr("Status"),
                  "date": self.tr("Date assessed")}
        for key in SORTS:
            self.sort_combo.addItem(labels[key], key)
        self.sort_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sort_combo.setMinimumContentsLength(5)
        self.filters_button = QToolButton()
        self.filters_button.setObjectName("filtersToggle")
        self.filters_button.setCheckable(True)
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filters_button.setArrowType(Qt.ArrowType.RightArrow)
        self.filters_button.setToolTip(self.tr("Filter by sector, stage, region, tags and status"))
        self.filter_bar = self._build_filter_bar()
        self.count_label = QLabel()
        self.count_label.setObjectName("startupCount")
        self.count_label.setWordWrap(True)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.show_all_button = QToolButton()
        self.show_all_button.setText(self.tr("Show all"))
        self.show_all_button.setToolTip(self.tr("Clear the name filter and the filters"))
        self.show_all_button.setAutoRaise(True)
        self.list_view = QListView()
        self.list_view.setObjectName("startupList")
        self.list_view.setItemDelegate(StartupDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        # several startups can be selected (Ctrl/Shift+click) for a report of them
        self.list_view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(self.tr("Add"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.setToolTip(self.tr("Add a startup"))
        self.rename_button.setToolTip(self.tr("Rename the chosen startup"))
        self.duplicate_button.setToolTip(self.tr("Copy the chosen startup with its assessments"))
        self.delete_button.setToolTip(self.tr("Delete the chosen startup"))
        self._lay_out()
        self.filter_edit.textChanged.connect(self._fragment_changed)
        self.sort_combo.currentIndexChanged.connect(self._sort_changed)
        self.filters_button.toggled.connect(self._show_filters)
        self.filter_bar.changed.connect(self._fields_changed)
        self.show_all_button.clicked.connect(lambda _c=False: self.clear_filters())
        self._show_filters(False)

    def _build_filter_bar(self) -> StartupFilterBar:
        """The shared filter bar, stacked to fit the column; its drop-downs take the column's
        width instead of their longest value's."""
        bar = StartupFilterBar()
        layout = bar.layout()
        if isinstance(layout, QBoxLayout):
            layout.setDirection(QBoxLayout.Direction.TopToBottom)
        for combo in bar.combos.values():
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.setMaximumWidth(16777215)
        return bar

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        sort = QHBoxLayout()
        sort.addWidget(self.sort_combo, 1)
        sort.addWidget(self.filters_button)
        layout.addLayout(sort)
        layout.addWidget(self.filter_bar)
        count = QHBoxLayout()
        count.addWidget(self.count_label, 1)
        count.addWidget(self.show_all_button)
        layout.addLayout(count)
        layout.addWidget(self.list_view, 1)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.add_button)
        row1.addWidget(self.rename_button)
        row2.addWidget(self.duplicate_button)
        row2.addWidget(self.delete_button)
        layout.addLayout(row1)
        layout.addLayout(row2)

    def set_models(self, model: StartupListModel, proxy: StartupFilterModel) -> None:
        """Show ``model`` through ``proxy`` with the choices made so far."""
        self.proxy = proxy
        proxy.setSourceModel(model)
        proxy.set_fragment(self.filter_edit.text())
        proxy.set_fields(self.filter_bar.current())
        model.set_sort(self.sort_combo.currentData())
        self.list_view.setModel(proxy)
        model.modelReset.connect(self.offer_choices)
        proxy.rowsInserted.connect(self._count)
        proxy.rowsRemoved.connect(self._count)
        proxy.modelReset.connect(self._count)
        self.offer_choices()

    def offer_choices(self) -> None:
        """Offer the sectors, stages, regions and tags the startups have now."""
        if self.proxy is not None:
            self.filter_bar.set_startups(self.proxy.source().doc.portfolio.startups)
            self._count()

    # -- the user's choices ---------------------------------------------------------------
    def state(self) -> ListState:
        """The name filter, sort, filters and whether the filters are shown."""
        return ListState(self.filter_edit.text(), self.sort_combo.currentData(),
                         self.filter_bar.current(), self.filters_button.isChecked())

    def set_state(self, state: ListState) -> None:
        """Make the choices of ``state``."""
        self.filter_edit.setText(state.fragment)
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(state.sort)))
        self.filter_bar.set_filter(state.fields)
        self.filters_button.setChecked(state.filters_open)

    def set_sort(self, key: str) -> None:
        """Sort by ``key``, one of :data:`~gui.views.assess.startup_list.SORTS`."""
        i = self.sort_combo.findData(key)
        if i < 0:
            raise ValueError(f"unknown sort {key!r}")
        self.sort_combo.setCurrentIndex(i)

    def clear_filters(self) -> None:
        """Show every startup (the name filter and the filters emptied)."""
        self.filter_edit.clear()
        self.filter_bar.clear()

    def _fragment_changed(self, text: str) -> None:
        if self.proxy is not None:
            self.proxy.set_fragment(text)
        self._count()

    def _sort_changed(self, _index: int) -> None:
        if self.proxy is not None:
            self.proxy.source().set_sort(self.sort_combo.currentData())

    def _fields_changed(self) -> None:
        if self.proxy is not None:
            self.proxy.set_fields(self.filter_bar.current())
        self._count()

    def _show_filters(self, shown: bool) -> None:
        self.filters_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                         else Qt.ArrowType.RightArrow)
        self.filter_bar.setVisible(shown)
        self._count()

    def _count(self, *_args: object) -> None:
        """'Filters (2)' on the button, and how many startups are shown when not all."""
        chosen = self.filter_bar.current()
        n = sum(bool(x) for x in (chosen.sector, chosen.stage, chosen.region, chosen.status)) \
            + len(chosen.tags)
        self.filters_button.setText(self.tr("Filters ({n})").format(n=n) if n
                                    else self.tr("Filters"))
        if self.proxy is None:
            return
        shown, total = self.proxy.rowCount(), self.proxy.source().rowCount()
        self.count_label.setText(self.tr("{shown} of %Ln startup(s) shown", "", total).format(
            shown=number(shown)))
        self.count_label.setVisible(shown != total)
        self.show_all_button.setVisible(shown != total)
