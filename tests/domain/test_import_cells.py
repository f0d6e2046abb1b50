"""Cell values as founders type them: scores, confidence, roles, dates, texts, headers."""

from __future__ import annotations

import datetime as dt

import pytest

from models.workbook.importing.cells import (
    CellError,
    ScoreReading,
    as_text,
    clean_cell_text,
    header_key,
    identity_key,
    parse_confidence,
    parse_date,
    parse_role,
    read_score,
    split_tags,
)
from models.workbook.importing.sheet_grid import SheetGrid


@pytest.mark.parametrize("value", [4, 4.0, 1, 5, 5.0])
def test_a_score_is_a_number_from_1_to_5(value):
    assert read_score(value) == ScoreReading(int(value))


@pytest.mark.parametrize("value", ["", "   ", None])
def test_an_empty_cell_is_not_scored_silently(value):
    assert read_score(value) == ScoreReading(None)


@pytest.mark.parametrize(("value", "number"), [
    ("4", "4"), (" 4 ", "4"), ("4.0", "4.0"), ("4 - strong", "4"), ("4 (strong)", "4"),
    ("4/5", "4"), ("4 / 5", "4"), ("Level 4", "4"), ("level4", "4"), ("４", "4"),
    ("等级 3", "3"), ("4th", "4"), ("-1", "1"), ("4.5", "4.5"),
])
def test_text_is_not_scored_as_in_the_workbook_formulas(value, number):
    reading = read_score(value)
    assert reading.value is None
    assert f"the score '{value.strip()}' is stored as text, which the workbook's formulas do " \
           "not count: not scored" in reading.warning
    assert f"retype it as a number ({number})" in reading.warning


@pytest.mark.parametrize(("value", "message"), [
    (0, "score 0 is outside 1–5"), (6, "score 6 is outside 1–5"), (45, "score 45 is outside"),
    (-1.0, "score -1 is outside 1–5"), (4.5, "score 4.5 is not a whole number"),
    (True, "TRUE is a logical value, not a number"),
    (dt.date(2024, 1, 1), "a date or time (2024-01-01) is not a score"),
    (dt.time(12, 0), "a date or time (12:00:00) is not a score"),
])
def test_numbers_out_of_range_are_not_scored(value, message):
    reading = read_score(value)
    assert reading.value is None and message in reading.warning
    assert "not scored (the workbook's formulas do not count it either)" in reading.warning


def test_a_date_formatted_score_counts_as_the_number_it_holds():
    # Excel's serial 3 shows as 1900-01-03 in a date format; its formulas see 3
    reading = read_score(dt.date(1900, 1, 3))
    assert reading.value == 3 and "format the cell as a number" in reading.warning


@pytest.mark.parametrize(("value", "message"), [
    ("3 or 4", "'3 or 4' names more than one level"), ("4 1/2", "names more than one level"),
    ("3, 4", "names more than one level"), ("3-4", "names more than one level"),
    ("3 to 4", "names more than one level"), ("4,5", "names more than one level"),
    ("strong", "'strong' is not a score"), ("NA", "'NA' is not a score"),
])
def test_text_that_names_no_level_or_several_is_refused(value, message):
    with pytest.raises(CellError) as err:
        read_score(value)
    assert message in str(err.value)
    assert "expected a whole number from 1 to 5, or an empty cell" in str(err.value)


def test_control_characters_are_replaced_once_emoji_and_line_breaks_stay():
    text, message = clean_cell_text("a\x0bb\x07c\x85d\x7f 🚀\tx\ny\r\nz\ud800")
    assert text == "a\ufffdb\ufffdc\ufffdd\ufffd 🚀\tx\ny\r\nz\ufffd"
    assert message == ("replaced 5 control characters (U+000B, U+0007, U+0085, U+007F, "
                       "U+D800), which word processors paste and workbooks cannot keep, "
                       "with U+FFFD")
    assert clean_cell_text("中文 🚀 plain\ttext\n") == ("中文 🚀 plain\ttext\n", None)
    # what the writer would have warned about on every export is gone
    from models.workbook.xlsx_text import clean_text

    assert clean_text(text) == (text, ())


def test_confidence_and_role():
    assert [parse_confidence(v) for v in ["High", " low ", "MEDIUM", "高", "中", "低", ""]] == [
        "high", "low", "medium", "high", "medium", "low", None]
    assert [parse_role(v) for v in ["Founder", "investor ", "其他", "投资人", None]] == [
        "founder", "investor", "other", "investor", None]
    with pytest.raises(CellError, match="expected low, medium, high"):
        parse_confidence("sure")
    with pytest.raises(CellError, match="expected founder, investor or other"):
        parse_role("CEO")


D = dt.date(2024, 10, 31)


@pytest.mark.parametrize("value", [
    D, dt.datetime(2024, 10, 31, 9, 30), 45596.0, 45596, "2024-10-31", "2024/10/31",
    "2024.10.31", "2024-10-31 09:30", "2024-10-31T09:30:00", "2024年10月31日",
    "2024 年 10 月 31 日", "31/10/2024", "10/31/2024", "31.10.2024", "31 Oct 2024",
    "31 October 2024", "Oct 31, 2024", "October 31, 2024", "31-Oct-2024",
])
def test_dates_people_type(value):
    assert parse_date(value) == D


@pytest.mark.parametrize(("value", "message"), [
    ("03/04/2024", "could be 3 April or March 4"), ("2024-02-30", "not a real date"),
    ("next week", "'next week' is not a date"), (12.0, "outside 1990–2100"),
    ("1850-01-01", "outside 1990–2100"), (True, "is not a date"),
])
def test_dates_refused(value, message):
    with pytest.raises(CellError, match=message):
        parse_date(value)


def test_blank_dates_are_none_and_same_day_month_reads_one_way():
    assert parse_date("") is None and parse_date("  ") is None
    assert parse_date("05/05/2024") == dt.date(2024, 5, 5)


def test_text_is_kept_exactly():
    for text in ["NA", "None", "null", "007", " spaced ", "=1+1", "", "中文"]:
        assert as_text(text) == text
    assert [as_text(v) for v in [7.0, 3.5, True, D, dt.datetime(2024, 10, 31, 9, 30), 1e20]] == [
        "7", "3.5", "TRUE", "2024-10-31", "2024-10-31 09:30:00", "1e+20"]


def test_keys_ignore_case_spacing_and_width():
    assert header_key("Criterion ID") == header_key("criterion_id") == header_key(
        " CRITERION-ID: ") == header_key("Ｃｒｉｔｅｒｉｏｎ ＩＤ") == "criterionid"
    assert header_key(4.0) == ""
    assert identity_key("  Acme   AI ") == identity_key("ACME AI") == identity_key("acmeai")
    assert identity_key("星澜\u3000智能") == identity_key("星澜智能")
    assert split_tags("a; b；c;; ") == ["a", "b", "c"]


def test_grid_merged_ranges_and_refs():
    rows = [["Startup", "", "Acme", ""], ["", "", "", ""], ["x", "", "", ""]]
    grid = SheetGrid("My sheet", rows, [((0, 0), (0, 1)), ((2, 0), (9, 0))], {(1, 1)})
    assert grid.right_of(0, 0) == 2 and grid.right_of(0, 2) == 3
    assert grid.filled(1, 0) == "" and grid.filled(2, 0) == "x"
    assert grid.filled(0, 1) == "Startup"
    assert grid.is_formula(1, 1) and not grid.is_formula(0, 0)
    assert grid.ref(0, 2) == "'My sheet'!C1"
    assert grid.span_ref(1, 0, 3, 13) == "'My sheet'!A2:N4"
    assert grid.value(99, 99) == ""
    # a merged range far larger than the data is clipped to it
    huge = SheetGrid("S", rows, [((0, 0), (1048575, 16383))])
    assert len(huge.merged) == 12


def test_the_sheets_read_and_how_many_of_a_founders_own():
    from models.workbook.importing.reader import MAX_DATA_SHEETS, sheets_to_read

    assert sheets_to_read(["Assessment", "Framework", "About", "Notes"]) == [
        "About", "Assessment", "Framework"]
    assert sheets_to_read(["Summary", "Scores", "Startups", "Framework", "Charts", "About"]) == [
        "About", "Scores", "Startups", "Framework"]
    layout3 = ["Summary", "Charts", "Analysis", "Decisions", "Assessments", "Levels", "Scores",
               "Startups", "Framework", "About"]
    assert sheets_to_read(layout3) == ["About", "Scores", "Startups", "Decisions", "Framework"]
    own = [f"Sheet{i}" for i in range(30)]
    assert sheets_to_read(["Charts", *own]) == own[:MAX_DATA_SHEETS]
