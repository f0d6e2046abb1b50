"""Cells as a worksheet's XML holds them, made by Beachhead and written by XlsxWriter.

XlsxWriter in ``constant_memory`` mode keeps the current row's cells in a table and turns each
into XML when the next row starts; that per-cell work (a decorator, a bounds check, a record,
then two regular-expression substitutions, two searches and an attribute list per text) was
most of a large export's time. Here a cell is made as text at once, in exactly the form
XlsxWriter writes it: ``<c r="B7" s="3" t="inlineStr"><is><t>…</t></is></c>`` for a text,
``<c r="B7" s="4"><v>0.25</v></c>`` for a number, ``<c r="B7" t="str"><f>…</f><v>…</v></c>``
for a formula with its cached value, ``<c r="B7" s="3"/>`` for a styled blank. Functions here
make the part after the cell reference (a *tail*, the same for every row a text or value is
repeated on); :meth:`models.workbook.sheets.Sheet.put` adds the reference, and
:func:`row_parts` prepares cells repeated on many rows but for their row number.
:class:`models.workbook.streaming.StreamSheet` writes the rows.

A text must be clean (:func:`models.workbook.xlsx_text.clean_text`: no XML-forbidden
character, within Excel's length); as XlsxWriter does, carriage returns become ``_x000D_``, a
literal ``_xHHHH_`` gets its underscore escaped (``_x005F_``), ``&``, ``<`` and ``>`` become
entities and a text with white space at either end keeps it (``xml:space="preserve"``). Unlike
XlsxWriter, a text that looks like rich-text XML (``<r>…</r>``) is escaped like any other, and
overlapping escapes (``_x0041_x0042_``) are all escaped. A formula is given without its ``=``,
as built (see :mod:`models.workbook.streaming` for why not through XlsxWriter).
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from models.workbook.layout import column_letter
from models.workbook.xlsx_text import ooxml_escape

#: Column letters by 0-based index, A to ZZ (further ones are made when asked for).
COLUMNS = [column_letter(i) for i in range(1, 703)]
#: Cached values a spreadsheet reads as errors (``t="e"``).
ERROR_VALUES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})

#: A formula's cached value: a number, a text, or ``""`` for an empty result.
Cached = float | int | str


def cached(value: float | str | None) -> Cached:
    """A formula's cached value: ``""`` for None or NaN (an empty result), else as is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    x = float(value)
    return "" if math.isnan(x) else x


def column_name(index: int) -> str:
    """Letters of the 0-based column ``index``."""
    return COLUMNS[index] if index < len(COLUMNS) else column_letter(index + 1)


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what a cell's text and formula need)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def style_attribute(xf_index: int) -> str:
    """A cell's style attribute for XF ``xf_index`` (none for the default, 0)."""
    return f' s="{xf_index}"' if xf_index else ""


def string_tail(text: str, style: str = "") -> str:
    """A text cell's tail (``text`` clean and not empty; ``style`` from
    :func:`style_attribute`)."""
    if "_x" in text or "\r" in text:
        text = ooxml_escape(text)
    # white space at either end, as XlsxWriter's "^\s|\s$" finds it
    keep = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    if "&" in text or "<" in text or ">" in text:
        text = xml_escape(text)
    return f'{style} t="inlineStr"><is><t{keep}>{text}</t></is></c>'


def number_tail(value: float, style: str = "") -> str:
    """A number cell's tail (as XlsxWriter: 16 significant digits)."""
    return f"{style}><v>{value:.16G}</v></c>"


def blank_tail(style: str) -> str:
    """An empty styled cell's tail."""
    return f"{style}/>"


def formula_tail(formula_xml: str, value: float | str | bool, style: str = "") -> str:
    """A formula cell's tail: ``formula_xml`` is the formula without ``=``, already through
    :func:`xml_escape`; ``value`` its cached value (``""`` for an empty result; a text as a
    cell's file stores it, :func:`~models.workbook.xlsx_text.ooxml_escape`)."""
    if isinstance(value, str):
        kind = "" if not value else ' t="e"' if value in ERROR_VALUES else ' t="str"'
        return f"{style}{kind}><f>{formula_xml}</f><v>{xml_escape(value)}</v></c>"
    if isinstance(value, bool):
        return f'{style} t="b"><f>{formula_xml}</f><v>{int(value)}</v></c>'
    return f"{style}><f>{formula_xml}</f><v>{value}</v></c>"


def row_parts(cells: Iterable[tuple[int, str | None]]) -> list[str]:
    """Cells that differ from row to row only in their row number, as the text around it:
    ``str(row).join(parts)`` makes them for a row. ``cells`` are ``(column, tail)`` pairs,
    0-based columns in order; a None tail (an empty cell) is left out."""
    parts = [""]
    for col, tail in cells:
        if tail is not None:
            parts[-1] += f'<c r="{column_name(col)}'
            parts.append(f'"{tail}')
    return parts
