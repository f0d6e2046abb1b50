"""The ``About`` sheet and the workbook's identity, shared by the export and the template.

The label/value pairs at the top of About (:mod:`models.workbook.layout`) also become
workbook defined names pointing at their value cells and custom document properties, so an
importer can tell a Beachhead workbook, its kind and its framework without reading a sheet.
The export writes the sheet in English; a template in the words of its language
(:mod:`models.workbook.words`: the sheet's name and the labels; the values are ids).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from models import __version__
from models.core.framework import Framework, text
from models.workbook.layout import (
    ABOUT,
    ABOUT_APP,
    ABOUT_EXPORTED,
    ABOUT_FRAMEWORK,
    ABOUT_FRAMEWORK_ID,
    ABOUT_FRAMEWORK_VERSION,
    ABOUT_LANGUAGE,
    ABOUT_LAYOUT,
    ABOUT_SOURCE,
    ABOUT_WORKBOOK,
    CUSTOM_PROPERTIES,
    DEFINED_NAMES,
    LAYOUT_VERSION,
)
from models.workbook.sheets import BOLD, SECTION, TOP, WRAP, Book, Sheet, Style, row_height
from models.workbook.texts import TEXTS
from models.workbook.words import Words
from models.workbook.xlsx_text import TextWarning, clean_text, quote_sheet

#: Width of the About sheet's value column (B).
VALUE_WIDTH = 110
#: An explanatory line: a text in column B, or a ``(label, text)`` pair for columns A and B.
Line = str | tuple[str, str]


def about_values(
    framework: Framework, kind: str, lang: str, now: dt.datetime | None = None,
    extra: Sequence[tuple[str, object]] = (),
) -> list[tuple[str, object]]:
    """The label/value pairs at the top of an About sheet (see :mod:`models.workbook.layout`):
    workbook kind, layout and app versions, framework id, version and name, language, the
    export time when ``now`` is given, the source article, then ``extra``."""
    values: list[tuple[str, object]] = [
        (ABOUT_WORKBOOK, kind),
        (ABOUT_LAYOUT, LAYOUT_VERSION),
        (ABOUT_APP, __version__),
        (ABOUT_FRAMEWORK_ID, framework.id),
        (ABOUT_FRAMEWORK_VERSION, framework.version),
        (ABOUT_FRAMEWORK, text(framework.name, lang)),
        (ABOUT_LANGUAGE, lang),
    ]
    if now is not None:
        values.append((ABOUT_EXPORTED, now.strftime("%Y-%m-%d %H:%M:%S UTC")))
    values.append((ABOUT_SOURCE, text(framework.source, lang)))
    values.extend(extra)
    return values


class _Rows:
    """Appends rows to the About sheet, one after the other."""

    def __init__(self, sh: Sheet) -> None:
        self.sh = sh
        self.r = 0

    def add(self, label: object = None, body: object = None,
            label_style: Style | None = TOP) -> None:
        self.r += 1
        if isinstance(body, str):
            self.sh.height(self.r, row_height([(body, VALUE_WIDTH)]))
        if label is not None:
            self.sh.value(self.r, 1, label, label_style)
        if body is not None:
            self.sh.value(self.r, 2, body, WRAP if isinstance(body, str) else None)


def write_about_sheet(
    book: Book, values: Sequence[tuple[str, object]],
    sections: Sequence[tuple[str, Sequence[Line]]], framework: Framework, lang: str,
    warnings: list[TextWarning], *, protect: bool = False, words: Words | None = None,
) -> None:
    """Write the ``About`` sheet: label/value pairs, explanatory sections, the paragraphs.

    ``sections`` are ``(title, lines)`` pairs. Values must be text or numbers; everything is
    written as plain values (no formulas). ``words`` names the sheet and the labels (English
    when None).
    """
    words = words or Words("en")
    sh = book.sheet(words.sheet(ABOUT), warnings)
    sh.widths([24, VALUE_WIDTH])
    sh.print_setup(landscape=False)
    rows = _Rows(sh)
    for label, value in values:
        rows.add(words.label(label), value, {**BOLD, **TOP})
    for title, lines in sections:
        rows.add()
        rows.add(title, label_style=SECTION)
        for line in lines:
            if isinstance(line, tuple):
                rows.add(line[0], line[1])
            else:
                rows.add(None, line)
    if framework.paragraphs:
        rows.add()
        rows.add(TEXTS[lang]["paragraphs_title"], label_style=SECTION)
        for key in sorted(framework.paragraphs, key=int):
            rows.add(f"¶{key}", text(framework.paragraphs[key], lang), label_style=None)
    if protect:
        sh.ws.protect()


def set_workbook_identity(book: Book, values: Sequence[tuple[str, object]], title: str,
                          now: dt.datetime | None, sheet: str = ABOUT) -> None:
    """Defined names and custom document properties carrying the About sheet's identity
    values (workbook kind, layout version, app version, framework id and version), and the
    document's title, author and creation time (``now``; the time of writing when None).
    ``sheet`` is the About sheet's name."""
    rows = {label: i + 1 for i, (label, _) in enumerate(values)}
    by_label = dict(values)
    for name, label in DEFINED_NAMES.items():
        book.wb.define_name(name, f"={quote_sheet(sheet)}!$B${rows[label]}")
    for name, label in CUSTOM_PROPERTIES.items():  # framework texts: no XML-forbidden character
        book.wb.set_custom_property(name, clean_text(str(by_label[label]))[0], "text")
    props: dict[str, object] = {"title": clean_text(title)[0],
                                "author": f"Beachhead {__version__}"}
    if now is not None:
        props["created"] = now.astimezone(dt.UTC).replace(tzinfo=None)
    book.wb.set_properties(props)
