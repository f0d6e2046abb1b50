"""The founder template: ``beachhead template -o OUT.xlsx [--framework FILE] [--lang LANG]``.

A fillable one-startup workbook a founder completes in Excel or LibreOffice and sends back.
Its ``Assessment`` sheet holds the startup fields at the top, live results (overall, pillar
scores, completeness: formulas over the founder's scores and the weights on the protected
``Framework`` sheet, equal to Beachhead's own numbers), short instructions, and one row per
criterion: its name, the inputs (``Score`` and ``Confidence`` dropdowns, ``Rationale``,
``Evidence``) right beside it, then its question and the five level descriptions, then helper
columns. Panes are frozen below the header and right of the criterion's name; printed, the
table fits a landscape page's width with its header on every page. A Score that is not a
whole number from 1 to 5 (pasted past the dropdown) counts as not scored, in the live results
as in the importer. The formulas are written with their values for an empty assessment (no
score, completeness 0). Every cell except the inputs is protected, without a password, and so
is the workbook's structure (no sheet added, removed or renamed). Made with ``--lang zh_CN``
the workbook is wholly in Chinese: sheet names, labels, headers, dropdown values
(:mod:`models.workbook.words`), instructions and framework texts. The exact layout is in
:mod:`models.workbook.layout`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from models.core.framework import Framework, text
from models.core.portfolio import CONFIDENCES, ROLES
from models.workbook.about_sheet import about_values, set_workbook_identity, write_about_sheet
from models.workbook.framework_sheet import write_framework_sheet
from models.workbook.layout import (
    ABOUT,
    ASSESSMENT,
    FRAMEWORK,
    TEMPLATE_COLUMN,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    TEMPLATE_KIND,
    FrameworkSheet,
    column_letter,
)
from models.workbook.sheets import SCORE_SCALE, TITLE, Book, Sheet, header_height, writing
from models.workbook.template_rows import (
    FIELDS_ROW,
    RESULT_VALUE,
    criteria_rows,
    results,
    top_block,
)
from models.workbook.texts import TEXTS
from models.workbook.words import Words
from models.workbook.xlsx_text import TextWarning, quote_sheet

#: Column widths of the Assessment sheet, by :data:`TEMPLATE_HEADERS` column: the criterion
#: and the inputs first, then the question and the five levels (wrapped), then the helpers.
TEMPLATE_WIDTHS = (25, 22, 8, 12, 36, 28, 34, 20, 20, 20, 20, 20, 16, 10, 8, 13)
#: The last column printed (the Weight and Favourability helpers are left off the page).
PRINTED_COLUMNS = TEMPLATE_COLUMN["Direction"]
#: Defined names of the input cells and of the criteria table.
FIELD_NAMES = {f: f"Beachhead_{f}" for f in TEMPLATE_FIELDS}
CRITERIA_NAME = "Beachhead_Criteria"
#: The dates the Date input accepts.
_FIRST_DATE, _LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
_FOOTER = {"en": "&CPage &P of &N", "zh_CN": "&C第 &P 页，共 &N 页"}


def template_header_row(framework: Framework) -> int:
    """The row of the criteria table's header on the Assessment sheet."""
    fields = FIELDS_ROW + len(TEMPLATE_FIELDS) + 2  # + Framework ID and version
    result_rows = FIELDS_ROW + len(framework.pillars) + 2  # Overall, pillars, Completeness
    return max(fields, result_rows)


def write_template(
    framework: Framework, path: str | Path, *, lang: str = "en"
) -> list[TextWarning]:
    """Write the founder template for ``framework`` to ``path`` (replaced atomically).

    Args:
        framework: the framework the founder scores against; its id and version go into
            the workbook so that the importer can check them.
        path: the ``.xlsx`` file to write.
        lang: ``en`` or ``zh_CN``: the language of the whole workbook.

    Returns:
        Warnings about framework texts that had to change to fit in a workbook.

    Raises:
        OSError: the file cannot be written.
    """
    warnings: list[TextWarning] = []
    words = Words(lang)
    with writing(Path(path), finish=lock_structure) as book:
        # the Framework sheet's geometry is known before it is written (it comes second)
        _write_assessment(book, framework, words, warnings)
        write_framework_sheet(book, framework, lang, warnings, editable=False, words=words)
        about = about_values(framework, TEMPLATE_KIND, lang)
        write_about_sheet(book, about, TEXTS[lang]["about_template"], framework, lang,
                          warnings, protect=True, words=words)
        set_workbook_identity(book, about,
                              f"Beachhead template: {text(framework.name, 'en')}", None,
                              sheet=words.sheet(ABOUT))
    return warnings


def lock_structure(path: Path) -> None:
    """Protect the structure of the workbook at ``path`` (no password): sheets cannot be
    added, removed, renamed or moved. XlsxWriter has no call for it, so the
    ``<workbookProtection>`` element goes into ``xl/workbook.xml`` where the standard puts it
    (before ``<bookViews>``)."""
    with zipfile.ZipFile(path) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            if info.filename == "xl/workbook.xml":
                if b"<bookViews>" not in data:
                    raise ValueError("xl/workbook.xml has no <bookViews> element")
                data = data.replace(b"<bookViews>",
                                    b'<workbookProtection lockStructure="1"/><bookViews>', 1)
            z.writestr(info, data)


def _write_assessment(book: Book, framework: Framework, words: Words,
                      warnings: list[TextWarning]) -> None:
    lang = words.lang
    sh = book.sheet(words.sheet(ASSESSMENT), warnings)
    geo = FrameworkSheet(len(framework.pillars), len(framework.criteria),
                         words.sheet(FRAMEWORK))
    head = template_header_row(framework)
    first, last = head + 1, head + geo.criteria
    headers = words.labels(TEMPLATE_HEADERS)
    sh.widths(TEMPLATE_WIDTHS)
    _page_setup(sh, head, last, lang)
    sh.ws.freeze_panes(first - 1, TEMPLATE_COLUMN["Criterion"])
    sh.height(1, 24)
    t = TEXTS[lang]
    sh.text(1, 1, t["template_title"].format(framework=text(framework.name, lang)), TITLE)
    top_block(sh, framework, words, t["template_instructions"],
              results(framework, words, geo, first), head)
    sh.height(head, header_height(headers, TEMPLATE_WIDTHS))
    sh.header(head, headers)
    criteria_rows(sh, framework, words, geo, first, TEMPLATE_WIDTHS)
    _validations(sh, words, first, last)
    value = column_letter(RESULT_VALUE)
    sh.ws.conditional_format(f"{value}{FIELDS_ROW}:{value}{FIELDS_ROW + geo.pillars}",
                             SCORE_SCALE)
    sh.ws.protect("", {"format_columns": True, "format_rows": True})
    ref = quote_sheet(sh.title)
    for n, name in enumerate(TEMPLATE_FIELDS):
        book.wb.define_name(FIELD_NAMES[name], f"={ref}!$B${FIELDS_ROW + n}")
    end = column_letter(len(TEMPLATE_HEADERS))
    book.wb.define_name(CRITERIA_NAME, f"={ref}!$A${head}:${end}${last}")


def _page_setup(sh: Sheet, head: int, last: int, lang: str) -> None:
    """Landscape, one page wide (columns A to :data:`PRINTED_COLUMNS`), the header row on
    every page, page numbers in the footer."""
    sh.print_setup(repeat=(head, head))
    sh.ws.print_area(0, 0, last - 1, PRINTED_COLUMNS - 1)
    sh.ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sh.ws.set_footer(_FOOTER.get(lang, _FOOTER["en"]))


def _validations(sh: Sheet, words: Words, first: int, last: int) -> None:
    ws = sh.ws
    checks = TEXTS[words.lang]["checks"]
    role_row, date_row = (FIELDS_ROW + TEMPLATE_FIELDS.index(f) for f in ("Role", "Date"))
    ws.data_validation(f"B{role_row}", {
        "validate": "list", "source": [words.value(r) for r in ROLES], "ignore_blank": True,
        "error_title": words.label("Role"), "error_message": checks["role"]})
    ws.data_validation(f"B{date_row}", {
        "validate": "date", "criteria": "between", "minimum": _FIRST_DATE,
        "maximum": _LAST_DATE, "ignore_blank": True, "error_title": words.label("Date"),
        "error_message": checks["date"]})
    score, confidence = (column_letter(TEMPLATE_COLUMN[h]) for h in ("Score", "Confidence"))
    ws.data_validation(f"{score}{first}:{score}{last}", {
        "validate": "list", "source": ["1", "2", "3", "4", "5"], "ignore_blank": True,
        "error_title": words.label("Score"), "error_message": checks["score"]})
    ws.data_validation(f"{confidence}{first}:{confidence}{last}", {
        "validate": "list", "source": [words.value(c) for c in CONFIDENCES],
        "ignore_blank": True, "error_title": words.label("Confidence"),
        "error_message": checks["confidence"]})

