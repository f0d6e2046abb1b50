"""Safe text for Excel workbooks: user text stays text, XML never sees a forbidden character.

Rules (DESIGN §4, issue 3):

* Text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is stored as a
  string cell with Excel's *quote prefix*, so neither Excel nor LibreOffice ever turns it into a
  formula, not even when someone edits the cell later.
* Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return;
  lone surrogates; U+FFFE and U+FFFF) are replaced by U+FFFD and reported as a
  :class:`TextWarning` that names the cell. Nothing else in the text changes.
* A carriage return is legal XML but every XML reader turns it into a line feed; it is written
  as Excel's own escape ``_x000D_`` so Excel, LibreOffice and calamine read it back as CR.
  Text that literally contains such an escape (``_x0041_``) gets its underscore escaped
  (``_x005F_``) the same way Excel does, so it also reads back unchanged.
* Excel holds at most 32,767 characters in a cell; longer text is cut, with a warning.

Sheet names built from user text follow Excel's rules: see :func:`sheet_name`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: Excel's limit on the characters in one cell.
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
# anything that needs more than the fast path: forbidden characters, CR, or an OOXML escape
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_OOXML_ESCAPE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


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
    """A text ready for a cell.

    Attributes:
        stored: the string to put in the cell (with OOXML escapes for CR and literal escapes).
        text: what a spreadsheet shows, i.e. the cleaned text before escaping.
        quote: true when the text must be forced to stay text (quote prefix, string type).
        problems: what was changed (empty for almost every text).
    """

    stored: str
    text: str
    quote: bool
    problems: tuple[str, ...] = ()


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
    if len(value) > MAX_CELL_CHARS:
        problems.append(
            f"cut the text from {len(value):,} to {MAX_CELL_CHARS:,} characters (Excel's limit)"
        )
        value = value[:MAX_CELL_CHARS]
    return value, tuple(problems)


def ooxml_escape(text: str) -> str:
    """Escape a cleaned text for a cell: ``_xHHHH_`` literals and carriage returns."""
    if "_x" in text:
        text = _OOXML_ESCAPE.sub("_x005F_", text)
    if "\r" in text:
        text = text.replace("\r", "_x000D_")
    return text


def ooxml_unescape(stored: str) -> str:
    """Undo :func:`ooxml_escape` (what Excel, LibreOffice and calamine do on reading)."""
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), stored)


def cell_text(value: str) -> CellText:
    """Prepare ``value`` for a cell (see the module rules).

    The common case, plain text, costs one regular-expression search.
    """
    if not _SPECIAL.search(value) and len(value) <= MAX_CELL_CHARS:
        return CellText(value, value, value.startswith(FORMULA_START))
    text, problems = clean_text(value)
    stored = ooxml_escape(text)
    if len(stored) > MAX_CELL_CHARS:
        # escapes lengthen the text: cut the text so that its escaped form fits
        keep = len(text)
        while len(ooxml_escape(text[:keep])) > MAX_CELL_CHARS:
            keep -= max(1, (len(ooxml_escape(text[:keep])) - MAX_CELL_CHARS) // 7)
        text = text[:keep]
        stored = ooxml_escape(text)
        problems = (*problems, f"cut the text to {keep:,} characters so that it fits a cell")
    return CellText(stored, text, text.startswith(FORMULA_START), problems)


def is_plain(value: str) -> bool:
    """True when ``value`` can go into a cell as it is (no escape, no quote prefix)."""
    return (
        not value.startswith(FORMULA_START)
        and len(value) <= MAX_CELL_CHARS
        and not _SPECIAL.search(value)
    )


def formula_string(value: str) -> str:
    """``value`` as a string literal inside a formula: quoted, inner quotes doubled.

    The text is cleaned first (:func:`clean_text`); carriage returns become spaces, since a
    formula cannot hold the cell escape.
    """
    text, _ = clean_text(value)
    return '"' + text.replace("\r", " ").replace('"', '""') + '"'


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
