"""The one rounding rule for numbers shown to people: half away from zero, as spreadsheets do.

Python's ``f"{59.25:.1f}"`` gives ``59.2`` (the float is rounded half to even), while Excel,
LibreOffice and Gnumeric show ``59.3`` for the same cell formatted ``0.0``. Beachhead shows
numbers the spreadsheet way everywhere (window, command-line tables, report), so a score reads
the same in the app, on paper and in the workbook.

Like the spreadsheets, the value is first taken to 15 significant digits, so a float that is
a hair below a half because of binary arithmetic (``0.1 + 0.2 + ...``) still rounds up.
Numbers stored in files (JSON, workbook cells) are never rounded by this module.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

_SIGNIFICANT = 15


def round_half_away(x: float, decimals: int = 1) -> float:
    """``x`` rounded to ``decimals`` places, halves away from zero (NaN and ±inf unchanged)."""
    if not math.isfinite(x):
        return x
    return float(_quantized(x, decimals))


def _quantized(x: float, decimals: int) -> Decimal:
    exact = Decimal(f"{x:.{_SIGNIFICANT}g}")
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fixed(x: float, decimals: int = 1) -> str:
    """``x`` as text with exactly ``decimals`` places, halves away from zero (``-0.0`` shows
    as ``0.0``)."""
    if not math.isfinite(x):
        return str(x)
    q = _quantized(x, decimals)
    if q == 0:
        q = abs(q)
    return f"{q:.{decimals}f}"


def percent(share: float, decimals: int = 0) -> str:
    """A 0–1 share as a percentage with ``decimals`` places and a ``%`` sign."""
    return f"{fixed(100 * share, decimals)}%"
