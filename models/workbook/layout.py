"""Where everything is in Beachhead's workbooks: the contract between export, template and import.

In the export, sheet names, header texts and the labels in column A are fixed English strings
whatever the ``--lang``; only framework texts (pillar and criterion names, questions, rubric,
rule names) and explanations follow the language. The founder template is written wholly in
its language: made with ``--lang zh_CN`` its sheet names, labels, headers and dropdown values
are the Chinese words of :mod:`models.workbook.words` (ids stay as they are), which the
importer reads as the English ones. Row and column numbers below are 1-based.

**Export** (``beachhead export``), sheets in this order:

``Summary``
    The startups ranked under one perspective (``--perspective``, default the investor view),
    one row each. Row 1: a title naming the perspective; rows 2–4 (merged across the table):
    its definition and how deal-breakers rank, the scenario, the weights (the framework's
    defaults, or what differs from them) and the suggestion thresholds, then what is live and
    the Monte Carlo draws and seed. Row :data:`SUMMARY_HEADER_ROW` (5) holds the headers:
    ``Rank``, ``Startup``, ``Status``, ``Suggested``, ``Gated``, ``Deal-breakers``,
    ``Overall``, one column per pillar headed by its score name (``Pillar.score_name``: a
    cost pillar reads e.g. ``Incumbent pressure (100 = least)``), ``Completeness``, ``P10``,
    ``P90``, ``Founder gap``, ``Assessments used``, ``Startup ID``, then the hidden columns
    ``Rank key``, ``Completeness key``, ``Name order``. One row per startup below, in rank
    order at export. Rank, Suggested, Gated, Deal-breakers, the scores, Completeness, Founder
    gap (without a scenario) and the two keys are formulas
    (:mod:`models.workbook.summary_formulas`); Status is the current decision's name,
    P10/P90 Monte Carlo values at export.
``Charts``
    Bar charts of the first startups of the Summary (overall, then one per pillar) above their
    data block (:mod:`models.workbook.charts_sheet`).
``Analysis``
    Values, not formulas, at export time: per startup under the perspective P10/P50/P90 and
    rank probabilities, leader reversals and each scenario's effect, with the draws and seed;
    its layout is documented in :mod:`models.workbook.analysis_sheet`. An importer can ignore
    it.
``Decisions``
    Row 1 headers: ``Startup ID``, ``Startup``, ``Status`` (as stored: ``screening``,
    ``diligence``, ``committee``, ``invested``, ``passed``, ``watch``), ``Date``, ``By``,
    ``Rationale``, ``Current`` (``yes`` on each startup's current decision); one row per
    decision, startups in document order, each startup's decisions oldest first. The importer
    reads it back (:mod:`models.workbook.importing.decisions_reader`).
``Assessments``
    Row 1 headers: ``Startup``, ``Assessor``, ``Role``, ``Date``, ``Overall``, one column per
    pillar headed by its score name (framework order, the same order as the Framework
    sheet's pillar table), ``Completeness``, ``Postures``, ``Deal-breakers``, ``Startup ID``
    (the startup's identity as text, as on the Startups sheet). Row ``2 + i`` is
    assessment ``i`` (document order: startups in order, each startup's assessments in
    order). Overall, pillar, Completeness, Postures and Deal-breakers cells are formulas.
    (Layout 2 called this sheet ``Summary``.)
``Levels``
    Each startup's levels under the perspective, one row per startup in the Summary's order at
    export: rows 1–5 labelled ``Criterion``, ``Direction``, ``Weight``,
    ``Favourability base``, ``Favourability step`` in column A, header row 6
    (``Startup ID``, ``Startup``, ``Assessments used``, ``Assessments``, one level column per
    criterion headed by its id); see :mod:`models.workbook.levels_sheet`.
``Scores``
    Row 1 headers: ``Startup``, ``Assessor``, ``Role``, ``Date``, ``Pillar ID``,
    ``Criterion ID``, ``Criterion``, ``Direction``, ``Weight``, ``Score``, ``Confidence``,
    ``Favourability``, ``Rationale``, ``Evidence``, ``Startup ID`` (columns A–O). Rows belong
    to a startup by ``Startup ID`` (by the exact ``Startup`` text in a workbook without the
    column, layout 1); names that differ only in case or spacing are different startups.
    Assessment ``i`` occupies
    the ``m`` contiguous rows ``2 + i·m`` … ``1 + (i+1)·m`` (``m`` = number of criteria), one
    per criterion in framework order. ``Score`` is a whole number 1–5 or empty as exported;
    a cell edited to anything else (text, out of range, not whole) counts as not scored in
    every formula (:mod:`models.workbook.formulas`). ``Weight`` and ``Favourability`` are
    formulas (read weights from the Framework sheet instead). ``Startup ID`` is text.
``Startups``
    Row 1 headers: ``Startup ID``, ``Startup``, ``Sector``, ``Stage``, ``Region``, ``Tags``
    (joined by ``"; "``), ``Notes``; one row per startup in document order.
``Framework``
    Pillar table: header row 1 ``Pillar ID``, ``Pillar``, ``Direction``, ``Pillar weight``,
    ``Enabled`` (``yes``/``no``), one row per pillar from row 2. Criteria table: header in row
    ``k + 3`` (``k`` pillars): ``Criterion ID``, ``Pillar ID``, ``Criterion``, ``Question``,
    ``Direction``, ``Weight``, ``Level 1`` … ``Level 5``, ``Source`` (e.g. ``¶2, ¶4``), one
    row per criterion below it. Find the tables by the header cells ``Pillar ID`` and
    ``Criterion ID`` in column A. Weights and Enabled are plain values: the only inputs of
    every formula besides the scores.
``About``
    Label/value pairs in columns A/B from row 1: ``Workbook`` (``beachhead.export``),
    ``Layout version``, ``App version``, ``Framework ID``, ``Framework version``,
    ``Framework``, ``Language``, ``Exported (UTC)``, ``Source article``, ``Startups``,
    ``Assessments``, ``Perspective``, ``Deal-breakers``, ``Scenario``; explanations below.

**Founder template** (``beachhead template``), sheets ``Assessment``, ``Framework`` (as
above, protected) and ``About`` (``Workbook`` reads ``beachhead.template``):

``Assessment``
    Title in A1. Label/value pairs in columns A/B from row 2: ``Startup``, ``Assessor``,
    ``Role``, ``Date``, ``Sector``, ``Stage`` (inputs), then ``Framework ID`` and
    ``Framework version``. Live results in columns E/F from row 2: ``Overall``, one row per
    pillar (its name), ``Completeness``; instructions in column G. The criteria table's
    header row is the row whose column A reads ``Criterion ID`` (:data:`TEMPLATE_HEADERS`);
    one row per criterion in framework order follows: the criterion (A, B), the inputs
    ``Score`` (C, a level 1–5), ``Confidence``, ``Rationale`` and ``Evidence``, then the
    question and the five level descriptions, then the helper columns ``Pillar``,
    ``Direction``, ``Weight`` and ``Favourability``. Panes are frozen below the header and
    right of the criterion's name; printed, a page is as wide as columns A–N (the two
    formula helpers are left off), landscape, the header row repeated on every page.
    Templates written before this order (:data:`TEMPLATE_HEADERS_BEFORE`, with the same
    labels and sheets) are read alike: the importer finds every column by its header.

Both workbooks also carry the framework id and version, the workbook kind and the app version
as workbook defined names (:data:`DEFINED_NAMES`) and as custom document properties
(:data:`CUSTOM_PROPERTIES`).

Every formula cell is stored with its value as Beachhead computes it (``<v>``; an empty
result as an empty value), so a reader that does not recalculate reads the numbers; the
workbook asks Excel to recalculate on opening. Text cells are inline strings (no
shared-strings part); see :mod:`models.workbook.xlsx_text` (a carriage return is stored as
``_x000D_`` and a literal ``_xHHHH_`` as ``_x005F_xHHHH_``, in text cells and in formulas'
text values, as Excel does; calamine decodes both). Dates are numbers with a date format.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.workbook.xlsx_text import quote_sheet

#: 3: the Summary ranks startups under a perspective; the assessment rows moved to
#: ``Assessments``; ``Levels`` and ``Decisions`` sheets (layout 2 had one Summary row per
#: assessment, layout 1 no ``Startup ID`` column). Scores and Startups are as in layout 2.
LAYOUT_VERSION = 3
EXPORT_KIND = "beachhead.export"
TEMPLATE_KIND = "beachhead.template"

SUMMARY = "Summary"
CHARTS = "Charts"
ANALYSIS = "Analysis"
DECISIONS = "Decisions"
ASSESSMENTS = "Assessments"
LEVELS = "Levels"
SCORES = "Scores"
STARTUPS = "Startups"
FRAMEWORK = "Framework"
ABOUT = "About"
ASSESSMENT = "Assessment"
EXPORT_SHEETS = (SUMMARY, CHARTS, ANALYSIS, DECISIONS, ASSESSMENTS, LEVELS, SCORES, STARTUPS,
                 FRAMEWORK, ABOUT)
TEMPLATE_SHEETS = (ASSESSMENT, FRAMEWORK, ABOUT)

#: The Summary table's header row (rows above it state how the startups are ranked).
SUMMARY_HEADER_ROW = 5
SUMMARY_HEAD = ("Rank", "Startup", "Status", "Suggested", "Gated", "Deal-breakers", "Overall")
SUMMARY_TAIL = ("Completeness", "P10", "P90", "Founder gap", "Assessments used", "Startup ID")
#: Hidden columns after :data:`SUMMARY_TAIL` that the Rank formula compares.
SUMMARY_KEYS = ("Rank key", "Completeness key", "Name order")
ASSESSMENTS_HEAD = ("Startup", "Assessor", "Role", "Date", "Overall")
ASSESSMENTS_TAIL = ("Completeness", "Postures", "Deal-breakers", "Startup ID")
#: The Levels sheet: rows above the table (labels in column A) and the table's first columns.
LEVELS_LABELS = ("Criterion", "Direction", "Weight", "Favourability base",
                 "Favourability step")
LEVELS_HEAD = ("Startup ID", "Startup", "Assessments used", "Assessments")
DECISIONS_HEADERS = ("Startup ID", "Startup", "Status", "Date", "By", "Rationale", "Current")
SCORES_HEADERS = (
    "Startup", "Assessor", "Role", "Date", "Pillar ID", "Criterion ID", "Criterion",
    "Direction", "Weight", "Score", "Confidence", "Favourability", "Rationale", "Evidence",
    "Startup ID",
)
#: (The Website column came after layout 3's first release; an importer reads the sheet by
#: its headers, so a workbook without it imports, and one with it reads in older versions.)
STARTUPS_HEADERS = ("Startup ID", "Startup", "Sector", "Stage", "Region", "Website", "Tags",
                    "Notes")
PILLAR_HEADERS = ("Pillar ID", "Pillar", "Direction", "Pillar weight", "Enabled")
LEVEL_HEADERS = tuple(f"Level {i}" for i in range(1, 6))
CRITERIA_HEADERS = (
    "Criterion ID", "Pillar ID", "Criterion", "Question", "Direction", "Weight",
    *LEVEL_HEADERS, "Source",
)
TEMPLATE_FIELDS = ("Startup", "Assessor", "Role", "Date", "Sector", "Stage", "Website")
TEMPLATE_HEADERS = (
    "Criterion ID", "Criterion", "Score", "Confidence", "Rationale", "Evidence", "Question",
    *LEVEL_HEADERS, "Pillar", "Direction", "Weight", "Favourability",
)
#: The criteria table of templates written before the inputs moved beside the criterion.
TEMPLATE_HEADERS_BEFORE = (
    "Criterion ID", "Pillar", "Criterion", "Question", *LEVEL_HEADERS,
    "Score", "Confidence", "Rationale", "Evidence", "Direction", "Weight", "Favourability",
)
#: Header → column number (1-based) of the template's criteria table.
TEMPLATE_COLUMN = {name: n for n, name in enumerate(TEMPLATE_HEADERS, start=1)}
TAG_SEPARATOR = "; "

# About-sheet labels (column A)
ABOUT_WORKBOOK = "Workbook"
ABOUT_LAYOUT = "Layout version"
ABOUT_APP = "App version"
ABOUT_FRAMEWORK_ID = "Framework ID"
ABOUT_FRAMEWORK_VERSION = "Framework version"
ABOUT_FRAMEWORK = "Framework"
ABOUT_LANGUAGE = "Language"
ABOUT_EXPORTED = "Exported (UTC)"
ABOUT_SOURCE = "Source article"
ABOUT_STARTUPS = "Startups"
ABOUT_ASSESSMENTS = "Assessments"
ABOUT_PERSPECTIVE = "Perspective"
ABOUT_GATES = "Deal-breakers"
ABOUT_SCENARIO = "Scenario"

#: Defined names → the About-sheet label whose value (column B) they point at.
DEFINED_NAMES = {
    "Beachhead_Workbook": ABOUT_WORKBOOK,
    "Beachhead_LayoutVersion": ABOUT_LAYOUT,
    "Beachhead_AppVersion": ABOUT_APP,
    "Beachhead_FrameworkId": ABOUT_FRAMEWORK_ID,
    "Beachhead_FrameworkVersion": ABOUT_FRAMEWORK_VERSION,
}
#: Custom document property names → About-sheet label of the same value.
CUSTOM_PROPERTIES = {
    "Beachhead workbook": ABOUT_WORKBOOK,
    "Beachhead layout version": ABOUT_LAYOUT,
    "Beachhead app version": ABOUT_APP,
    "Beachhead framework id": ABOUT_FRAMEWORK_ID,
    "Beachhead framework version": ABOUT_FRAMEWORK_VERSION,
}


def column_letter(index: int) -> str:
    """``1`` → ``A``, ``27`` → ``AA``, ``16384`` → ``XFD``."""
    out = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass(frozen=True)
class FrameworkSheet:
    """Row and cell positions on the Framework sheet of a framework with ``k`` pillars and
    ``m`` criteria; ``sheet`` is the sheet's name (a Chinese template's differs)."""

    pillars: int
    criteria: int
    sheet: str = FRAMEWORK

    @property
    def prefix(self) -> str:
        """The sheet's name as a reference starts with it: ``Framework!``, ``'框架'!``."""
        return quote_sheet(self.sheet) + "!"

    @property
    def pillar_header_row(self) -> int:
        """Row of the pillar table's headers (1)."""
        return 1

    def pillar_row(self, i: int) -> int:
        """Row of pillar ``i`` (0-based, framework order)."""
        return 2 + i

    @property
    def criteria_header_row(self) -> int:
        """Row of the criteria table's headers (one blank row after the pillars)."""
        return self.pillars + 3

    def criterion_row(self, j: int) -> int:
        """Row of criterion ``j`` (0-based, framework order)."""
        return self.criteria_header_row + 1 + j

    def pillar_weight(self, i: int) -> str:
        """Absolute reference to pillar ``i``'s weight, e.g. ``Framework!$D$2``."""
        return f"{self.prefix}$D${self.pillar_row(i)}"

    def pillar_enabled(self, i: int) -> str:
        """Absolute reference to pillar ``i``'s Enabled cell."""
        return f"{self.prefix}$E${self.pillar_row(i)}"

    def criterion_weight(self, j: int) -> str:
        """Absolute reference to criterion ``j``'s weight."""
        return f"{self.prefix}$F${self.criterion_row(j)}"

    @property
    def pillar_weights(self) -> str:
        """The whole pillar-weight column of the pillar table."""
        return f"{self.prefix}$D$2:$D${self.pillar_row(self.pillars - 1)}"

    @property
    def pillar_enabled_range(self) -> str:
        """The whole Enabled column of the pillar table."""
        return f"{self.prefix}$E$2:$E${self.pillar_row(self.pillars - 1)}"
