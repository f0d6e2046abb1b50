"""Formula templates for sheets whose rows all hold the same formulas but for row numbers.

A row's formulas are built once with placeholders where row numbers go (:func:`slot`), made
a ``str.format`` template (:func:`template`), and filled in per row with numbers only
(:func:`fill`): a 10,000-row sheet builds each formula's text once. Placeholders are control
characters, which :func:`~models.workbook.xlsx_text.formula_string` never lets through from
framework texts, so a rule name can never be mistaken for one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_SLOT = re.compile("\x00([a-z][a-z0-9]*)\x00")


def slot(name: str) -> str:
    """A placeholder for the row number called ``name`` (lower-case letters and digits)."""
    return f"\x00{name}\x00"


def template(formula: str) -> str:
    """``formula`` (without ``=``) with its placeholders turned into ``str.format`` fields."""
    escaped = formula.replace("{", "{{").replace("}", "}}")
    return _SLOT.sub(r"{\1}", escaped)


def fill(formula_template: str, rows: Mapping[str, int | str]) -> str:
    """A template made a formula (``=…``) with the row numbers ``rows`` (numbers or their
    text; text fills in twice as fast, worth it for fields used by many formulas)."""
    return "=" + formula_template.format_map(rows)
