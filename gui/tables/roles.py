"""Every custom item-data role of Beachhead's item models and item editors, each with one value.

Roles of the rows that stand for one assessment (the results, scenario and uncertainty tables):
:data:`SortRole`, :data:`AssessmentIdRole`, :data:`StartupIdRole` (also the startup list's),
:data:`AssessorRoleRole`, :data:`DealBreakerCountRole`. The others belong to one model each.
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
#: The assessor's role as stored (``founder``, ``investor``, ``other``), untranslated.
AssessorRoleRole = _USER + 4
#: Number of deal-breakers the row triggers (int).
DealBreakerCountRole = _USER + 5
#: The raw id of the row's pillar or criterion (the weight tables).
IdRole = _USER + 6
#: The overall score of a startup's latest assessment (float or None; the startup list).
OverallRole = _USER + 7
#: The pillar scores of a startup's latest assessment (list; the startup list).
PillarsRole = _USER + 8
#: The judgement value (float) of a pairwise matrix cell, whatever its side of the diagonal.
JudgementRole = _USER + 9
#: Marks the item a judgement editor adds for a value off the Saaty scale (``"custom"``).
CustomJudgementRole = _USER + 10
