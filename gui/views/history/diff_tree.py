"""A diff (:mod:`models.history.diff`) as rows of a tree table with the columns Item, Before,
After and Change: the scores, the levels that changed (with their confidence and rationale
beneath), the deal-breakers and postures that appeared or vanished, and for two moments the
assessments added, removed and changed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from gui.tables.base import signed
from models.core.rounding import fixed
from models.history.diff import CriterionDiff, ResultDiff, ScoreDiff, StartupDiff
from models.history.names import short

translate = QCoreApplication.translate


def _words() -> dict[str, str]:
    """The table's words in the interface's language."""
    return {
        "scores": translate("DiffTree", "Scores"),
        "scores_under": translate("DiffTree", "Scores under {perspective}"),
        "startup": translate("DiffTree", "Startup"),
        "name": translate("DiffTree", "Name"),
        "absent": translate("DiffTree", "did not exist"),
        "framework": translate("DiffTree", "Framework"),
        "version": translate("DiffTree", "Version"),
        "levels": translate("DiffTree", "Levels"),
        "no_level": translate("DiffTree", "No level, confidence or rationale changed"),
        "deal_breakers": translate("DiffTree", "Deal-breakers"),
        "postures": translate("DiffTree", "Postures"),
        "no_change": translate("DiffTree", "No change"),
        "appeared": translate("DiffTree", "appeared"),
        "vanished": translate("DiffTree", "vanished"),
        "scored": translate("DiffTree", "scored"),
        "unscored": translate("DiffTree", "no longer scored"),
        "confidence": translate("DiffTree", "Confidence"),
        "rationale": translate("DiffTree", "Rationale"),
        "changed": translate("DiffTree", "changed"),
        "low": translate("DiffTree", "low"),
        "medium": translate("DiffTree", "medium"),
        "high": translate("DiffTree", "high"),
        "assessments": translate("DiffTree", "Assessments"),
        "no_assessment": translate("DiffTree", "No assessment added, removed or changed"),
        "added": translate("DiffTree", "added"),
        "removed": translate("DiffTree", "removed"),
        "its_overall": translate("DiffTree", "The overall score of this assessment, before "
                                 "and after"),
        "label": translate("DiffTree", "Assessor, role and date"),
    }


def _item(parent: QTreeWidget | QTreeWidgetItem, *cells: str,
          tips: tuple[str, ...] = ()) -> QTreeWidgetItem:
    item = QTreeWidgetItem([*cells, *[""] * (4 - len(cells))])
    item.setToolTip(0, cells[0])  # the first column may cut a long name
    for column, tip in enumerate(tips):
        if tip:
            item.setToolTip(column, tip)
    if isinstance(parent, QTreeWidget):
        parent.addTopLevelItem(item)
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
    else:
        parent.addChild(item)
    item.setExpanded(True)
    return item


def _score(value: float | None) -> str:
    return "—" if value is None else fixed(value)


def _level(value: int | None) -> str:
    return "—" if value is None else str(value)


def show_assessments_diff(tree: QTreeWidget, diff: ResultDiff, lang: str) -> None:
    """Show two assessments compared."""
    tree.clear()
    w = _words()
    _result(tree, diff, w, w["scores"])
    _finish(tree)


def show_startup_diff(tree: QTreeWidget, diff: StartupDiff, lang: str,
                      perspective: str) -> None:
    """Show a startup at two moments compared; ``perspective`` names the view compared."""
    tree.clear()
    w = _words()
    if diff.name_before != diff.name_after:
        _item(_item(tree, w["startup"]), w["name"], diff.name_before or w["absent"],
              diff.name_after or w["absent"])
    _result(tree, diff.view, w, w["scores_under"].format(perspective=perspective))
    _assessments(tree, diff, w, lang)
    _finish(tree)


#: The widest the Before, After and Change columns grow to fit their texts, in average
#: characters (a longer text is cut; its tooltip holds it whole).
_WIDEST = (18, 18, 14)
#: Where a rationale is cut in the table.
_RATIONALE_CHARS = 24


def _finish(tree: QTreeWidget) -> None:
    char = tree.fontMetrics().averageCharWidth()
    for column, chars in enumerate(_WIDEST, start=1):
        tree.resizeColumnToContents(column)
        tree.setColumnWidth(column, min(tree.columnWidth(column), chars * char + 16))


def _result(tree: QTreeWidget, diff: ResultDiff, w: dict[str, str], title: str) -> None:
    if diff.framework_before != diff.framework_after:
        _item(_item(tree, w["framework"]), w["version"], diff.framework_before,
              diff.framework_after)
    scores = _item(tree, title)
    for s in (diff.overall, *diff.pillars):
        _score_row(scores, s, w)
    _criteria(_item(tree, w["levels"]), diff.changed_criteria, w)
    _rules(_item(tree, w["deal_breakers"]), diff.deal_breakers_appeared,
           diff.deal_breakers_vanished, w)
    _rules(_item(tree, w["postures"]), diff.postures_appeared, diff.postures_vanished, w)


def _score_row(parent: QTreeWidgetItem, s: ScoreDiff, w: dict[str, str]) -> None:
    delta = s.delta
    if delta is not None:
        change = signed(delta)
    elif s.changed:
        change = w["scored"] if s.after is not None else w["unscored"]
    else:
        change = ""
    _item(parent, s.name, _score(s.before), _score(s.after), change)


def _criteria(parent: QTreeWidgetItem, criteria: list[CriterionDiff],
              w: dict[str, str]) -> None:
    if not criteria:
        _item(parent, w["no_level"])
    for c in criteria:
        change = ""
        if c.level_before is not None and c.level_after is not None and c.level_changed:
            change = f"{c.level_after - c.level_before:+d}".replace("-", "−")
        elif c.level_changed:
            change = w["scored"] if c.level_after is not None else w["unscored"]
        row = _item(parent, c.name, _level(c.level_before), _level(c.level_after), change,
                    tips=(c.pillar,))
        if c.confidence_changed:
            _item(row, w["confidence"], _confidence(c.confidence_before, w),
                  _confidence(c.confidence_after, w))
        if c.rationale_changed:
            before, after = c.rationale_before or "", c.rationale_after or ""
            _item(row, w["rationale"], short(before, _RATIONALE_CHARS) or "—",
                  short(after, _RATIONALE_CHARS) or "—",
                  w["changed"], tips=("", before, after))


def _confidence(value: str | None, w: dict[str, str]) -> str:
    return "—" if value is None else w[value]


def _rules(parent: QTreeWidgetItem, appeared: list[str], vanished: list[str],
           w: dict[str, str]) -> None:
    if not appeared and not vanished:
        _item(parent, w["no_change"])
    for name in appeared:
        _item(parent, name, "", "✓", w["appeared"])
    for name in vanished:
        _item(parent, name, "✓", "", w["vanished"])


def _assessments(tree: QTreeWidget, diff: StartupDiff, w: dict[str, str], lang: str) -> None:
    top = _item(tree, w["assessments"])
    if not (diff.added or diff.removed or diff.assessments):
        _item(top, w["no_assessment"])
    for ref in diff.added:
        _item(top, ref.label(lang), "", "✓", w["added"])
    for ref in diff.removed:
        _item(top, ref.label(lang), "✓", "", w["removed"])
    for change in diff.assessments:
        overall = change.diff.overall
        row = _item(top, change.after.label(lang), _score(overall.before),
                    _score(overall.after), "" if overall.delta is None else signed(overall.delta),
                    tips=(w["its_overall"],))
        if change.before != change.after:
            _item(row, w["label"], change.before.label(lang), change.after.label(lang))
        _criteria(row, change.diff.changed_criteria, w)
