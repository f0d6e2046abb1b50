"""Safe text for Excel workbooks: user text stays text, XML never sees a forbidden character.

Rules (the README's "The workbook"), for the writers (:mod:`models.workbook.sheets` on XlsxWriter):

* User text is always written as a string cell (``write_string``), never through a call that
  guesses types, so ``=1+1``, ``0012`` or ``http://…`` stay the text they are. Text that
  begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return also gets Excel's *quote
  prefix*, so neither Excel nor LibreOffice turns it into a formula when someone edits the
  cell later.
* Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return;
  lone surrogates; U+FFFE and U+FFFF) are replaced by U+FFFD and reported as a
  :class:`TextWarning` that names the cell. Nothing else in the text changes.
* Everything else reads back exactly, leading and trailing white space and white-space-only
  texts (``" "``, ``"\n"``) included (``xml:space="preserve"``). A carriage return is legal
  XML but every XML reader turns it into a line feed, so it is stored as Excel's own escape
  ``_x000D_``; text that literally contains such an escape (``_x0041_``) gets its underscore
  escaped (``_x005F_``), as Excel does. XlsxWriter writes both escapes; Excel, LibreOffice and
  calamine decode them (openpyxl does not).
* Excel holds at most 32,767 UTF-16 code units in a cell (a character beyond U+FFFF counts
  two); longer text is cut, with a warning.

Sheet names built from user text follow Excel's rules: see :func:`sheet_name`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: Excel's limit on the text in one cell, in UTF-16 code units.
MAX_CELL_CHARS = 32_767
#: Excel's limit on the length of a sheet name.
MAX_SHEET_NAME = 31
#: Characters a sheet name may not contain.
SHEET_NAME_FORBIDDEN = "[]:*?/\\"
#: What every XML-forbidden character becomes.
REPLACEMENT = "\ufffd"
#: First characters that a spreadsheet could read as the start of a formula (or a DDE payload).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_OOXML_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
# a word character right before "(": split in formula literals (see formula_string)
_CALL_LIKE = re.compile(r"(?<=\w)\(")


@dataclass(frozen=True)
class TextWarning:
    """Something changed in a text so that the workbook can hold it.

    Attributes:
        where: the cell or range, e.g. ``Scores!M14`` or ``Scores!A2:A19``.
        message: what was changed.
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class CellText:
    """A text ready for a string cell.

    Attributes:
        text: what the cell holds and a spreadsheet shows: the text with XML-forbidden
            characters replaced and cut to Excel's limit (the writer escapes carriage returns
            and literal ``_xHHHH_`` on its own).
        quote: true when the text begins like a formula and gets the quote prefix.
        problems: what was changed (empty for almost every text).
    """

    text: str
    quote: bool
    problems: tuple[str, ...] = ()


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of Excel's limits."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _cut_utf16(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` UTF-16 units (never half a pair)."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:i]
    return text


def clean_text(value: str) -> tuple[str, tuple[str, ...]]:
    """Replace XML-forbidden characters and cut to Excel's cell limit.

    Returns ``(text, problems)``: the cleaned text and one message per kind of change
    (empty when nothing changed).
    """
    problems: list[str] = []
    bad = _FORBIDDEN.findall(value)
    if bad:
        codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in bad))
        n = len(bad)
        problems.append(
            f"replaced {n} character{'s' if n > 1 else ''} that XML 1.0 cannot store "
            f"({codes}) with U+FFFD"
        )
        value = _FORBIDDEN.sub(REPLACEMENT, value)
    if len(value) > MAX_CELL_CHARS // 2 and utf16_len(value) > MAX_CELL_CHARS:
        cut = _cut_utf16(value, MAX_CELL_CHARS)
        problems.append(
            f"cut the text from {len(value):,} to {len(cut):,} characters (Excel's limit "
            f"of {MAX_CELL_CHARS:,} UTF-16 units)"
        )
        value = cut
    return value, tuple(problems)


def cell_text(value: str) -> CellText:
    """Prepare ``value`` for a string cell (see the module rules).

    The common case, plain text, costs one regular-expression search.
    """
    text, problems = clean_text(value) if not is_plain(value) else (value, ())
    return CellText(text, text.startswith(FORMULA_START), problems)


def is_plain(value: str) -> bool:
    """True when ``value`` can go into a cell as it is (no change, no quote prefix)."""
    return (
        not value.startswith(FORMULA_START)
        and len(value) <= MAX_CELL_CHARS // 2
        # a printable text has no forbidden character (quicker than the search)
        and (value.isprintable() or not _FORBIDDEN.search(value))
    )


def ooxml_escape(text: str) -> str:
    """A cleaned text as a cell's file stores it: carriage returns as ``_x000D_`` and literal
    ``_xHHHH_`` as ``_x005F_xHHHH_``. XlsxWriter does this for string cells; a formula's
    cached text value needs it done before it is handed over."""
    if "_x" in text:
        text = _OOXML_ESCAPE.sub("_x005F_", text)
    if "\r" in text:
        text = text.replace("\r", "_x000D_")
    return text


def formula_string(value: str) -> str:
    """``value`` as a string literal inside a formula: quoted, inner quotes doubled.

    The text is cleaned first (:func:`clean_text`); carriage returns become spaces, since a
    formula cannot hold the cell escape. A ``(`` right after a letter or digit is split off
    (``"f"&"(x)"``): the literal reads the same, and no writer can take it for a function
    call (XlsxWriter would otherwise turn ``FILTER(`` in a text into a dynamic array).
    """
    text, _ = clean_text(value)
    body = text.replace("\r", " ").replace('"', '""')
    return '"' + _CALL_LIKE.sub('"&"(', body) + '"'


def formula_text(value: str) -> str:
    """What the literal :func:`formula_string` makes of ``value`` reads as in a spreadsheet
    (the cached value of a formula that returns it)."""
    return clean_text(value)[0].replace("\r", " ")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a spreadsheet: East Asian wide characters count two.

    Only the longest line of a multi-line text counts.
    """
    if "\n" in text:
        return max(display_width(line) for line in text.split("\n"))
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(texts: Iterable[str], minimum: float = 6, maximum: float = 60) -> float:
    """An Excel column width (in character units) that fits the widest of ``texts``.

    Adds two characters of padding and clamps to ``minimum``–``maximum``.
    """
    widest = max((display_width(t) for t in texts if t), default=0)
    return float(min(maximum, max(minimum, widest + 2)))


def sheet_name(name: str, taken: Iterable[str] = (), fallback: str = "Sheet") -> str:
    """A valid, unused Excel sheet name made from user text ``name``.

    Excel's rules: 1–31 characters, none of ``[ ] : * ? / \\``, not starting or ending with an
    apostrophe, not the reserved name ``History``, and unique among ``taken`` ignoring case.
    Forbidden characters become ``_``; XML-forbidden ones are dropped; a clash gets a
    `` (2)``, `` (3)``… suffix inside the 31 characters. Put the full name in a cell too:
    the sheet name may be shortened.
    """
    text, _ = clean_text(name)
    text = _FORBIDDEN.sub("", text.replace(REPLACEMENT, ""))
    text = "".join("_" if c in SHEET_NAME_FORBIDDEN else c for c in text)
    text = " ".join(text.split())  # no tabs or line breaks; no leading/trailing spaces
    text = text.strip("'").strip() or fallback
    if text.casefold() == "history":
        text = f"{text}_"
    used = {t.casefold() for t in taken}
    base = text[:MAX_SHEET_NAME].rstrip().rstrip("'") or fallback
    candidate, n = base, 1
    while candidate.casefold() in used:
        n += 1
        suffix = f" ({n})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)].rstrip().rstrip("'") + suffix
    return candidate


def quote_sheet(title: str) -> str:
    """``title`` as it must appear in a formula reference (``'My sheet'!A1``)."""
    looks_like_cell = re.fullmatch(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*", title)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title) and not looks_like_cell:
        return title
    return "'" + title.replace("'", "''") + "'"
