"""Every custom item-data role of Beachhead's item models and item editors, each with one value.

The rows that stand for one assessment (the results, scenario and uncertainty tables) give
:data:`SortRole`, :data:`AssessmentIdRole` and :data:`StartupIdRole` (the startup list gives
:data:`StartupIdRole` too); the others belong to one model or editor each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole

#: Raw value for sorting: float (None when empty) for numbers, case-folded text otherwise.
SortRole = _USER + 1
#: The assessment id of the row.
AssessmentIdRole = _USER + 2
#: The startup id of the row.
StartupIdRole = _USER + 3
#: The raw id of the row's pillar or criterion (the weight tables).
IdRole = _USER + 4
#: A startup's overall score under the perspective (float or None; the startup list).
OverallRole = _USER + 5
#: A startup's pillar scores under the perspective (list; the startup list).
PillarsRole = _USER + 6
#: The judgement value (float) of a pairwise matrix cell, whatever its side of the diagonal.
JudgementRole = _USER + 7
#: Marks the item a judgement editor adds for a value off the Saaty scale (``"custom"``).
CustomJudgementRole = _USER + 8
#: A startup's current decision status (``screening``, …) or None (the startup list).
StatusRole = _USER + 9
#: The names of the deal-breakers that gate a startup (list, empty when it is not gated; the
#: startup list).
GatedRole = _USER + 10
