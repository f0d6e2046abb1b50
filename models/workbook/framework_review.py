"""The framework review workbook: a framework laid out for a partner to read and annotate,
in English or Simplified Chinese.

* **Pillars & Criteria** — a shaded row per pillar (its description, direction, weight,
  cited paragraphs), then a row per criterion: question, direction, weight, the five rubric
  levels and the cited paragraphs;
* **Rules** — postures and deal-breakers, each with its kind, name, when it fires in words
  ("all of: Niche position ≥ 62.5, Segment focus ≥ 4") and its explanation;
* **Scenarios** — each scenario's description, its shifts for every startup and its exposure
  rules in words (:mod:`models.engine.scenario_text`);
* **About** — id, version, name, description, the decision thresholds, the changelog and the
  article's paragraphs (:mod:`models.workbook.about_sheet`).

Every row of the first three sheets ends in an empty, shaded **Comments** cell for the
reviewer. Nothing is protected and there are no formulas: the workbook is for reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from models.core.framework import Framework, Pillar, text
from models.core.framework_words import number, paragraphs_in_words, rule_in_words, word
from models.engine.scenario_text import explain_scenario
from models.workbook.about_sheet import about_values, set_workbook_identity, write_about_sheet
from models.workbook.framework_review_texts import REVIEW_KIND, review_text
from models.workbook.layout import ABOUT
from models.workbook.sheets import (
    HEADER,
    INPUT,
    TITLE,
    TOP,
    WRAP,
    Book,
    Sheet,
    Style,
    header_height,
    row_height,
    writing,
)
from models.workbook.words import Words
from models.workbook.xlsx_text import TextWarning

#: The shaded row of a pillar on Pillars & Criteria.
PILLAR_ROW: Style = {"bold": True, "bg_color": "#E2EFDA", "text_wrap": True, "valign": "top"}
#: The reviewer's cells.
COMMENT: Style = {**INPUT, "text_wrap": True, "valign": "top", "border": 1,
                  "border_color": "#BFBFBF"}
CRITERIA_WIDTHS = (20, 22, 40, 12, 8, 30, 30, 30, 30, 30, 10, 40)
RULES_WIDTHS = (20, 24, 48, 60, 10, 40)
SCENARIOS_WIDTHS = (24, 50, 40, 60, 10, 40)
#: The first row of each table (row 1 is the title, row 2 the note).
HEAD_ROW = 4


def _table(book: Book, name: str, note: str, headers: Sequence[str],
           widths: Sequence[float], framework: Framework, lang: str,
           warnings: list[TextWarning]) -> Sheet:
    """A sheet with the title, a note and the header row written, ready for its rows."""
    sh = book.sheet(name, warnings)
    sh.widths(widths)
    sh.print_setup(repeat=(HEAD_ROW, HEAD_ROW))
    sh.text(1, 1, review_text("title", lang).format(
        name=text(framework.name, lang), id=framework.id, version=framework.version), TITLE)
    sh.text(2, 1, note, TOP)  # one line running over the empty cells beside it
    sh.height(HEAD_ROW, header_height(headers, widths))
    for c, header in enumerate(headers, 1):
        sh.text(HEAD_ROW, c, header, HEADER)
    sh.ws.freeze_panes(HEAD_ROW, 0)
    return sh


def _row(sh: Sheet, r: int, values: Sequence[str | float | None], widths: Sequence[float],
         lang: str, style: Style = WRAP) -> None:
    """One row of texts and numbers, as high as its longest text, then an empty comment.
    Chinese lines stand taller than Latin ones, and bold text runs wider."""
    narrow = 0.85 if style.get("bold") else 1.0
    texts = [(v, w * narrow) for v, w in zip(values, widths, strict=False)
             if isinstance(v, str)]
    sh.height(r, row_height(texts, line=18.0 if lang == "zh_CN" else 15.0))
    for c, value in enumerate(values, 1):
        sh.value(r, c, value, style)
    sh.blank(r, len(values) + 1, COMMENT)


def _pillar_name(pillar: Pillar, lang: str) -> str:
    name = text(pillar.name, lang)
    return name if pillar.enabled else review_text("switched_off", lang).format(name=name)


def _criteria_sheet(book: Book, fw: Framework, lang: str, warnings: list[TextWarning]) -> None:
    words = Words(lang)
    headers = [*words.labels(("Pillar", "Criterion", "Question", "Direction", "Weight")),
               *(words.label(f"Level {n}") for n in range(1, 6)),
               review_text("Source ¶", lang), review_text("Comments", lang)]
    sh = _table(book, review_text("sheet.criteria", lang), review_text("note.criteria", lang),
                headers, CRITERIA_WIDTHS, fw, lang, warnings)
    r = HEAD_ROW
    for pillar in fw.pillars:
        r += 1
        _row(sh, r, [_pillar_name(pillar, lang), None, text(pillar.description, lang),
                     words.value(pillar.direction), pillar.weight, None, None, None, None,
                     None, paragraphs_in_words(pillar.source, lang)],
             CRITERIA_WIDTHS, lang, PILLAR_ROW)
        for c in pillar.criteria:
            r += 1
            _row(sh, r, [text(pillar.name, lang), text(c.name, lang), text(c.question, lang),
                         words.value(c.direction), c.weight,
                         *(text(level, lang) for level in c.rubric),
                         paragraphs_in_words(c.source, lang)], CRITERIA_WIDTHS, lang)


def _rules_sheet(book: Book, fw: Framework, lang: str, warnings: list[TextWarning]) -> None:
    headers = [review_text(k, lang) for k in ("Kind", "Name", "Fires when", "Explanation",
                                               "Source ¶", "Comments")]
    sh = _table(book, review_text("sheet.rules", lang), review_text("note.rules", lang),
                headers, RULES_WIDTHS, fw, lang, warnings)
    r = HEAD_ROW
    kinds = [f"kind.{p.kind}" for p in fw.postures] + ["kind.deal_breaker"] * len(
        fw.deal_breakers)
    for kind, rule in zip(kinds, fw.iter_rules(), strict=True):
        r += 1
        _row(sh, r, [review_text(kind, lang), text(rule.name, lang),
                     rule_in_words(rule, fw, lang), text(rule.description, lang),
                     paragraphs_in_words(rule.source, lang)], RULES_WIDTHS, lang)
    if not kinds:
        sh.text(r + 1, 1, review_text("none", lang), TOP)


def _scenarios_sheet(book: Book, fw: Framework, lang: str,
                     warnings: list[TextWarning]) -> None:
    headers = [review_text(k, lang) for k in ("Scenario", "Description", "Shifts", "Exposure",
                                               "Source ¶", "Comments")]
    sh = _table(book, review_text("sheet.scenarios", lang),
                review_text("note.scenarios", lang), headers, SCENARIOS_WIDTHS, fw, lang,
                warnings)
    r = HEAD_ROW
    for scenario in fw.scenarios:
        told = explain_scenario(fw, scenario, lang)
        exposure = "\n".join(f"• {rule.name}: {rule.text}" for rule in told.exposure)
        r += 1
        shifts = told.separator.join(shift.text for shift in told.base)
        _row(sh, r, [told.name, told.description, shifts or review_text("none", lang),
                     exposure or review_text("none", lang),
                     paragraphs_in_words(scenario.source, lang)], SCENARIOS_WIDTHS, lang)
    if not fw.scenarios:
        sh.text(r + 1, 1, review_text("none", lang), TOP)


def _about_sheet(book: Book, fw: Framework, lang: str, warnings: list[TextWarning],
                 now: dt.datetime) -> None:
    values = about_values(fw, REVIEW_KIND, lang, now,
                          [(review_text("description", lang), text(fw.description, lang))])
    changes = [review_text("changelog_line", lang).format(
        date=e.date.isoformat(), kind=word(e.kind, lang), summary=text(e.summary, lang))
        for e in fw.changelog]
    sections: list[tuple[str, Sequence[str | tuple[str, str]]]] = [
        (review_text("thresholds", lang), [review_text("threshold_line", lang).format(
            pursue=number(fw.decision_thresholds.pursue),
            watch=number(fw.decision_thresholds.watch))]),
        (review_text("changelog", lang),
         [(e.version, line) for e, line in zip(fw.changelog, changes, strict=True)]
         or [review_text("no_changelog", lang)]),
    ]
    words = Words(lang)
    write_about_sheet(book, values, sections, fw, lang, warnings, words=words)
    title = f"{text(fw.name, lang)} — {review_text('review', lang)}"
    set_workbook_identity(book, values, title, now, sheet=words.sheet(ABOUT))


def write_framework_review(framework: Framework, path: str | Path, lang: str = "en",
                           now: dt.datetime | None = None) -> list[TextWarning]:
    """Write the review workbook of ``framework`` to ``path`` (atomically) in ``lang``;
    returns the warnings about texts a spreadsheet could not hold as they are.

    Raises:
        OSError: the file cannot be written (``path`` is then untouched).
    """
    now = now or dt.datetime.now(dt.UTC)
    warnings: list[TextWarning] = []
    with writing(path) as book:
        _criteria_sheet(book, framework, lang, warnings)
        _rules_sheet(book, framework, lang, warnings)
        _scenarios_sheet(book, framework, lang, warnings)
        _about_sheet(book, framework, lang, warnings, now)
    return warnings
