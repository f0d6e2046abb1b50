"""Cell values in founders' workbooks: tolerant where people's typing varies, strict where a
value would have to be guessed.

Values arrive as python-calamine gives them: ``str`` (``""`` for an empty cell), ``float``,
``int``, ``bool``, ``datetime.date``/``datetime``/``time``/``timedelta``. Nothing here guesses
types from text the way ``pandas.read_excel`` does: ``"NA"``, ``"None"``, ``"null"`` and
``"007"`` stay exactly those strings.

* Scores are read exactly as the workbook's formulas count them (:func:`read_score`): only a
  number that is a whole number from 1 to 5 (``4``, ``4.0``) is a score; an empty cell is
  *not scored*; text (``"4"``, ``"4 - strong"``, ``"Level 4"``), ``0``, ``6``, ``4.5`` or
  ``TRUE`` is not scored either, with a warning saying what to type; text that names several
  levels (``"3 or 4"``, ``"3-4"``, ``"4 1/2"``) or none (``"strong"``) is refused.
* Texts lose the control characters word processors paste (:func:`clean_cell_text`).
* Headers and labels: case, spaces and punctuation ignored; a Chinese template's own words
  (:data:`models.workbook.words.ZH_LABELS`) read as the English ones.
* Confidence, role: case and surrounding spaces ignored; Simplified Chinese labels accepted.
* Dates: real date cells, Excel serial numbers, ISO text (``2024-10-31``, ``2024/10/31``,
  ``2024.10.31``, ``2024年10月31日``), day-month-year or month-day-year text when only one
  reading is possible, and English month names (``31 Oct 2024``, ``October 31, 2024``).
* Texts (rationale, evidence, notes) are kept exactly as typed; numbers in text cells are
  written the way a spreadsheet shows them in General format (``7``, ``3.5``).

:class:`models.workbook.importing.sheet_grid.SheetGrid` holds one sheet's values with its merged
ranges and
formula and error cells, and names cells (``Assessment!J14``) for problems.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import cast

from models.core.portfolio import CONFIDENCES, ROLES, Confidence, Role
from models.core.website import normalise_website
from models.workbook.importing.problem_texts import cut_problem, say, website_problem
from models.workbook.words import ZH_LABELS, ZH_VALUES
from models.workbook.xlsx_text import REPLACEMENT, clean_text

#: Dates read from serial numbers or text must fall in these years.
FIRST_YEAR, LAST_YEAR = 1990, 2100
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class CellError(ValueError):
    """A cell's value cannot be used; the message says what is wrong and what was expected."""


_HEADER_NOISE = re.compile(r"[\s_\-:*：]+")


def header_key(value: object) -> str:
    """A header or label compared loosely: case, spaces, ``_``, ``-``, ``:`` and ``*`` ignored
    (``"Criterion ID"``, ``"criterion_id"`` and ``"CRITERION ID:"`` are the same); a Chinese
    template's header gives the English one's key (``"评估标准编号"`` → ``criterionid``)."""
    if not isinstance(value, str):
        return ""
    return _header_key(value)


def _plain_key(value: str) -> str:
    return _HEADER_NOISE.sub("", unicodedata.normalize("NFKC", value)).casefold()


_ZH_KEYS = {_plain_key(zh): _plain_key(en) for en, zh in ZH_LABELS.items()}


@functools.lru_cache(maxsize=8192)
def _header_key(value: str) -> str:
    key = _plain_key(value)
    return _ZH_KEYS.get(key, key)


@functools.lru_cache(maxsize=65536)
def identity_key(name: str) -> str:
    """A startup or assessor name compared ignoring case and spacing (and full-width forms)."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def as_text(value: object) -> str:
    """A cell's value as the text it shows: strings exactly as typed, ``""`` for empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def as_name(value: object) -> str:
    """:func:`as_text` without surrounding spaces (names, ids, short fields)."""
    return as_text(value).strip()


# C0 controls but tab, LF and CR; DEL and the C1 controls; what XML 1.0 cannot hold
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_DEL_AND_C1 = re.compile("[\x7f-\x9f]")


def clean_cell_text(value: str) -> tuple[str, str | None]:
    """``value`` without the control characters word processors paste into cells (U+0000–
    U+001F but tab, line feed and carriage return; U+007F–U+009F) and the characters XML
    cannot hold: each becomes U+FFFD, the writer's own replacement
    (:func:`models.workbook.xlsx_text.clean_text`), so a text imported once exports without a
    warning ever after. Line breaks, tabs and emoji stay.

    Returns:
        ``(text, message)``; ``message`` says what was replaced, ``None`` when nothing was.
    """
    if _UNWANTED.search(value) is None:
        return value, None
    bad = _UNWANTED.findall(value)
    text, problems = clean_text(_DEL_AND_C1.sub(REPLACEMENT, value))
    codes = say("list_sep").join(dict.fromkeys(f"U+{ord(c):04X}" for c in bad))
    n = len(bad)
    message = say("control", n=n, s="s" if n > 1 else "", codes=codes)
    cut = [cut_problem(p) for p in problems if p.startswith("cut")]
    return text, "; ".join([message, *cut])


def is_blank(value: object) -> bool:
    """True for an empty cell or one holding only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class ScoreReading:
    """What a Score cell gives.

    Attributes:
        value: the level 1–5, or ``None`` (not scored).
        warning: why a cell that is not empty is not scored (or is read with a caveat), in a
            form that names what to type instead; ``None`` when all is well.
    """

    value: int | None
    warning: str | None = None


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_OUT_OF_FIVE = re.compile(r"^(\D*)(\d+(?:\.\d+)?)\s*/\s*5(?:\.0+)?(\D*)$")
_RANGE = re.compile(r"\d\s*(?:-|–|—|~|to|到|至)\s*\d", re.I)


def read_score(value: object) -> ScoreReading:
    """A Score cell read exactly as the workbook's formulas count it: only a *number* that is
    a whole number from 1 to 5 is a score. Anything else that is not empty is not scored,
    with a warning saying what to type instead: text (even ``"3"``, as in a cell formatted as
    Text), a number outside 1–5 or with a fraction, a logical value.

    A date is a number with a date format: it counts when that number is 1–5 (the formulas
    see the number), with a warning about the format.

    Raises:
        CellError: text that cannot be read as one level: no number in it (``"strong"``), or
            several (``"3 or 4"``, ``"3-4"``, ``"4 1/2"``, ``"3, 4"``); today's reading of
            such text as its first number would be a guess.
    """
    if is_blank(value):
        return ScoreReading(None)
    if isinstance(value, bool):
        return ScoreReading(None, say("logical", shown=as_text(value),
                                      not_counted=say("not_counted")))
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return _date_score(value)
    if isinstance(value, (int, float)):
        return _number_score(float(value), as_text(value))
    return _text_score(str(value))


def _number_score(x: float, shown: str) -> ScoreReading:
    if math.isfinite(x) and x.is_integer() and 1 <= x <= 5:
        return ScoreReading(int(x))
    key = ("score_fraction" if math.isfinite(x) and not x.is_integer()
           else "score_outside")
    return ScoreReading(None, say(key, shown=shown, not_counted=say("not_counted"),
                                  expected=say("expected_score")))


def _date_score(value: dt.date | dt.time | dt.timedelta) -> ScoreReading:
    """The number behind a date-formatted cell (Excel's 1900 date system, whose serials below
    60 count from 1899-12-31: Excel takes 1900 for a leap year)."""
    if isinstance(value, dt.timedelta):
        serial = value.total_seconds() / 86400
    elif isinstance(value, dt.time):
        serial = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    else:
        day = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        serial = (day - dt.datetime(1899, 12, 30)).total_seconds() / 86400
        if serial < 61:
            serial -= 1
    reading = _number_score(serial, f"{serial:g}")
    shown = as_text(value)
    if reading.value is not None:
        return ScoreReading(reading.value, say("date_counted", shown=shown,
                                               value=reading.value))
    return ScoreReading(None, say("date_not_score", shown=shown,
                                  not_counted=say("not_counted"),
                                  expected=say("expected_score")))


def _text_score(raw: str) -> ScoreReading:
    text = unicodedata.normalize("NFKC", raw).strip()
    shown = raw.strip()
    out_of_five = _OUT_OF_FIVE.match(text)
    numbers = [out_of_five[2]] if out_of_five else _NUMBER.findall(text)
    if not numbers:
        raise CellError(say("not_score", shown=shown, expected=say("expected_score")))
    if len(numbers) > 1 or _RANGE.search(text):
        raise CellError(say("several_levels", shown=shown, expected=say("expected_score")))
    return ScoreReading(None, say("score_text", shown=shown, number=numbers[0]))


_CONFIDENCE_ALIASES = {**{ZH_VALUES[c]: c for c in CONFIDENCES}, "中等": "medium",
                       "med": "medium", "mid": "medium"}
_ROLE_ALIASES = {**{ZH_VALUES[r]: r for r in ROLES}, "投资者": "investor"}


def parse_confidence(value: object) -> Confidence | None:
    """``low``, ``medium`` or ``high`` (any case, or 低/中/高), ``None`` when empty.

    Raises:
        CellError: anything else.
    """
    return cast("Confidence | None", _one_of(value, "bad_confidence", CONFIDENCES,
                _CONFIDENCE_ALIASES))


def parse_role(value: object) -> Role | None:
    """``founder``, ``investor`` or ``other`` (any case, or the Chinese labels), ``None`` when
    empty.

    Raises:
        CellError: anything else.
    """
    return cast("Role | None", _one_of(value, "bad_role", ROLES, _ROLE_ALIASES))


def parse_website(value: object) -> str:
    """A startup's website as Beachhead keeps it (``acme.ai`` → ``https://acme.ai``), ``""``
    when empty.

    Raises:
        CellError: not a web address (the message says why and what is expected).
    """
    try:
        return normalise_website(as_name(value))
    except ValueError as exc:
        raise CellError(website_problem(str(exc))) from None


def _one_of(value: object, problem: str, choices: tuple[str, ...], aliases: dict[str, str]
            ) -> str | None:
    """``value`` as one of ``choices`` (any case, or an alias); ``None`` when empty, else the
    importer's text ``problem``."""
    if is_blank(value):
        return None
    key = as_name(value).casefold()
    key = aliases.get(key, key)
    if key in choices:
        return key
    raise CellError(say(problem, shown=as_name(value), choices=say("list_sep").join(choices)))


_ISO = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")
_NAMED = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y",
          "%d-%b-%Y", "%d-%B-%Y")


def parse_date(value: object) -> dt.date | None:
    """The date in a cell, or ``None`` when it is empty (see the module description).

    Raises:
        CellError: not a date, an impossible date, or text that reads as two dates.
    """
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), as_text(value))
    if isinstance(value, dt.date):
        return _in_range(value, as_text(value))
    if isinstance(value, (bool, dt.time, dt.timedelta)):
        raise _not_a_date(as_text(value))
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise _not_a_date(as_text(value))
        try:
            day = _EXCEL_EPOCH + dt.timedelta(days=int(value))
        except OverflowError:
            raise _not_a_date(as_text(value)) from None
        return _in_range(day, as_text(value))
    text = " ".join(str(value).split())
    m = _ISO.match(text)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    m = _DMY.match(text)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            return _make(year, b, a, text)
        if b > 12 >= a or a == b:
            return _make(year, a, b, text)
        raise CellError(say("two_dates", shown=text, a=a, b=b, year=year, month_a=_month(a),
                            month_b=_month(b), first=f"{year:04d}-{b:02d}-{a:02d}",
                            second=f"{year:04d}-{a:02d}-{b:02d}"))
    for fmt in _NAMED:
        try:
            named = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return _in_range(named, text)
    raise _not_a_date(text)


def _not_a_date(shown: str) -> CellError:
    return CellError(say("not_date", shown=shown, expected=say("expected_date")))


def _month(n: int) -> str:
    return dt.date(2000, n, 1).strftime("%B") if 1 <= n <= 12 else str(n)


def _make(year: int, month: int, day: int, shown: str) -> dt.date:
    try:
        day_ = dt.date(year, month, day)
    except ValueError:
        raise CellError(say("unreal_date", shown=shown, expected=say("expected_date"))) from None
    return _in_range(day_, shown)


def _in_range(day: dt.date, shown: str) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CellError(say("date_range", shown=shown, low=FIRST_YEAR, high=LAST_YEAR,
                            expected=say("expected_date")))
    return day


def split_tags(value: object) -> list[str]:
    """Tags separated by ``;`` (as the export writes them) or ``；``, each stripped."""
    return [t.strip() for t in re.split(r"[;；]", as_text(value)) if t.strip()]
