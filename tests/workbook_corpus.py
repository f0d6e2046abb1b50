"""A corpus of messy and hostile workbooks, generated on the spot, each with the import result
or the problem it must give (tests/domain/test_import_corpus.py).

Every :class:`Case` writes one small file. Good cases say what must be read (startup fields,
assessor, role, date and some scores); refused cases say where the problem is
(``Sheet!Cell``, an archive part, or the whole file) and a fragment of its message.

Filled templates are made the way a founder makes them: ``beachhead template``, then values
typed into the cells with openpyxl. Hostile archives are written member by member with
:mod:`zipfile` and stay small on disk: the zip bomb is 20 MB of zeros packed to ~20 KB.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook, load_workbook

from models.core.framework import Framework
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.files.framework_file import default_framework
from models.workbook.export import export_workbook
from models.workbook.layout import ASSESSMENT, LAYOUT_VERSION, TEMPLATE_COLUMN, column_letter
from models.workbook.template import FIELDS_ROW, template_header_row, write_template
from models.workbook.words import Words

FW = default_framework()
IDS = FW.criterion_ids
HEAD = template_header_row(FW)  # 1-based row of the template's criteria header
FIRST = HEAD + 1  # first criterion row
DATE = dt.date(2024, 10, 31)
# template columns (1-based) of the inputs, side by side, and their letters
SCORE, CONF, RATIONALE, EVIDENCE = (TEMPLATE_COLUMN[h] for h in
                                    ("Score", "Confidence", "Rationale", "Evidence"))
S_COL, C_COL, R_COL = (column_letter(c) for c in (SCORE, CONF, RATIONALE))
LAST_COL = column_letter(len(TEMPLATE_COLUMN))
BOMB_BYTES = 20 * (1 << 20)


@dataclass(frozen=True)
class Case:
    """One corpus file and what importing it must give.

    Attributes:
        name: the file's stem.
        kind: ``messy`` (imports), ``refused`` (bad content) or ``hostile``.
        build: writes the file at the given path.
        startup: expected startup fields (``name``, ``sector``…) when the file imports.
        assessment: expected ``assessor``, ``role``, ``date`` when the file imports.
        scores: criterion id → expected value, or a full ``(value, confidence, rationale,
            evidence)`` tuple.
        where: the expected problem's location (``""`` for the whole file).
        message: a fragment of that problem's message.
        assessments: how many assessments the file must give (exports).
        notes: ``(location, fragment)`` of notes the import must give.
        startups: how many startups the file must give (exports).
    """

    name: str
    kind: str
    build: Callable[[Path], None]
    startup: dict[str, object] = field(default_factory=dict)
    assessment: dict[str, object] = field(default_factory=dict)
    scores: dict[str, object] = field(default_factory=dict)
    where: str | None = None
    message: str | None = None
    assessments: int = 1
    notes: tuple[tuple[str, str], ...] = ()
    startups: int | None = None

    @property
    def imports(self) -> bool:
        return self.where is None


# -- filled templates ---------------------------------------------------------------------------

@functools.cache
def _template_bytes(framework: Framework = FW, lang: str = "en") -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.xlsx"
        write_template(framework, path, lang=lang)
        return path.read_bytes()


def fill_template(path: Path, *, fields: dict[str, object] | None = None,
                  rows: dict[str, tuple] | None = None,
                  edit: Callable[[object], None] | None = None,
                  framework: Framework = FW, lang: str = "en") -> None:
    """A template filled the way a founder fills it: ``fields`` by English label
    (``Startup``…, in a template of any ``lang``), ``rows`` criterion id → (score,
    confidence, rationale, evidence) (``None`` leaves a cell empty), then ``edit(workbook)``
    for anything else."""
    wb = load_workbook(BytesIO(_template_bytes(framework, lang)))
    words = Words(lang)
    ws = wb[words.sheet(ASSESSMENT)]
    labels = {ws.cell(r, 1).value: r for r in range(FIELDS_ROW, FIELDS_ROW + 8)}
    base = {"Startup": "Acme AI", "Assessor": "Li Wei", "Date": DATE}
    for label, value in {**base, **(fields or {})}.items():
        put(ws.cell(labels[words.label(label)], 2), value)
    head = template_header_row(framework)
    for j, cid in enumerate(framework.criterion_ids):
        values = (rows or {}).get(cid, ((j % 5) + 1, "medium", f"why {cid}", ""))
        for k, v in enumerate(values):
            put(ws.cell(head + 1 + j, SCORE + k), v)
    if edit:
        edit(wb)
    wb.save(path)


def put(cell, value: object) -> None:  # type: ignore[no-untyped-def]
    """Type ``value`` into ``cell``; text is always text (a leading '=' gets Excel's quote
    prefix, as when a person types it), ``None`` leaves the cell empty."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(("=", "+", "-", "@")):
            cell.quotePrefix = True


def _template(fields: dict | None = None, rows: dict | None = None,
              edit: Callable | None = None) -> Callable[[Path], None]:  # type: ignore[type-arg]
    return lambda path: fill_template(path, fields=fields, rows=rows, edit=edit)


def _cell(ref: str, value: object, sheet: str = "Assessment") -> Callable:  # type: ignore[type-arg]
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb[sheet]
        if isinstance(value, str) and value.startswith("=") and not value.startswith("=\""):
            ws[ref].value = value  # a real formula
        else:
            put(ws[ref], value)
    return edit


def _row(j: int) -> int:
    return FIRST + j


# -- workbooks made by hand (no template) --------------------------------------------------------

def _own_layout(path: Path) -> None:
    """A founder's own sheet: title lines and blank rows above, a merged title, fields with
    merged labels and values, a header row lower down with columns moved and added, lower-case
    headers, trailing empty rows and columns; no About sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "My scores"
    ws["A1"] = "ACME AI — self-assessment for the Q4 round"
    ws.merge_cells("A1:F1")
    ws["A2"] = "prepared by the founding team"
    ws["A4"] = "Startup"
    ws.merge_cells("A4:B4")
    ws["C4"] = "Acme AI"
    ws.merge_cells("C4:F4")
    ws["A5"] = "Sector"
    ws.merge_cells("A5:B5")
    ws["C5"] = "Legal tech"
    ws.merge_cells("C5:F5")
    ws["A6"] = "date"
    ws.merge_cells("A6:B6")
    ws["C6"] = "2024-10-31"
    header = ["Comment", "score", "criterion id", "My notes", "Rationale", "CONFIDENCE"]
    for c, h in enumerate(header, 1):
        ws.cell(10, c, h)
    for j, cid in enumerate(IDS[:6]):
        r = 11 + j
        ws.cell(r, 1, "see deck")
        ws.cell(r, 2, j % 5 + 1)
        ws.cell(r, 3, cid)
        ws.cell(r, 5, f"reason {j}")
        ws.cell(r, 6, "High")
    ws.cell(40, 3, "   ")  # a stray space far below
    ws.cell(12, 12, "")  # an empty string far right
    wb.save(path)


def _dimension(claim: str) -> Callable[[Path], None]:
    """A filled template whose Assessment sheet claims the dimension ``claim``."""
    def build(path: Path) -> None:
        fill_template(path)
        rewrite_member(path, "xl/worksheets/sheet1.xml",
                       lambda x: re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{claim}"'
                                        .encode(), x))
    return build


def _far_cell(ref: str) -> Callable[[Path], None]:
    """A filled template with one real cell at ``ref`` (e.g. the sheet's last cell)."""
    row = re.sub(r"[A-Z]+", "", ref)

    def build(path: Path) -> None:
        fill_template(path)
        rewrite_member(path, "xl/worksheets/sheet1.xml", lambda x: x.replace(
            b"</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is>'
                             f"</c></row></sheetData>".encode()))
    return build


def rewrite_member(path: Path, name: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one member of the zip at ``path`` (the others are copied as they are)."""
    src = zipfile.ZipFile(BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info.filename, change(data) if info.filename == name else data)


def _add_member(name: str, data: bytes | None = None) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        fill_template(path)
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
            if data is not None:
                z.writestr(name, data)
            else:  # stream BOMB_BYTES of zeros without holding them
                with z.open(name, "w") as fh:
                    block = bytes(1 << 20)
                    for _ in range(BOMB_BYTES >> 20):
                        fh.write(block)
    return build


def _lying_size(path: Path) -> None:
    """The styles part declares 1,000 bytes but unpacks to more (its sizes patched in both
    the local header and the central directory)."""
    fill_template(path)
    data = bytearray(path.read_bytes())
    name = b"xl/styles.xml"
    local = data.find(b"PK\x03\x04")
    while data[local + 30:local + 30 + len(name)] != name:
        local = data.find(b"PK\x03\x04", local + 4)
    struct.pack_into("<L", data, local + 22, 1000)
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<L", data, central + 24, 1000)
    path.write_bytes(bytes(data))


def _xml_prefix(member: str, dtd: bytes) -> Callable[[Path], None]:
    """A filled template whose ``member`` carries ``dtd`` after its XML declaration."""
    def build(path: Path) -> None:
        fill_template(path)

        def change(x: bytes) -> bytes:
            decl_end = x.find(b"?>") + 2
            return x[:decl_end] + dtd + x[decl_end:]
        rewrite_member(path, member, change)
    return build


LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     .encode() for i in range(1, 10))
          + b"]>")
EXTERNAL = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _utf16_sheet(path: Path) -> None:
    fill_template(path)
    rewrite_member(path, "xl/worksheets/sheet3.xml", lambda x: x.replace(
        b'encoding="UTF-8"', b'encoding="UTF-16"').decode("utf-8").encode("utf-16"))


def _sheet_tail(xml: bytes) -> Callable[[Path], None]:
    """A filled template with ``xml`` added at the end of the Assessment sheet's data."""
    def build(path: Path) -> None:
        fill_template(path)
        rewrite_member(path, "xl/worksheets/sheet1.xml",
                       lambda x: x.replace(b"</sheetData>", xml + b"</sheetData>"))
    return build


FAR_CELL = b'<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'


def rebuild(path: Path, change: Callable[[str, bytes], list[tuple[str, bytes]]]) -> None:
    """Rewrite the zip at ``path``: ``change(name, data)`` gives the members that replace
    each one (none to drop it, several to add some)."""
    src = zipfile.ZipFile(BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            for name, data in change(info.filename, src.read(info)):
                out.writestr(name, data)


def _sheet_not_named_xml(path: Path) -> None:
    """The Assessment sheet's part is ``xl/worksheets/sheet1.bin`` and holds a far cell."""
    _sheet_tail(b'<row r="1048576">' + FAR_CELL + b"</row>")(path)

    def change(name: str, data: bytes) -> list[tuple[str, bytes]]:
        if name == "xl/worksheets/sheet1.xml":
            return [("xl/worksheets/sheet1.bin", data)]
        if name == "xl/_rels/workbook.xml.rels":
            return [(name, data.replace(b"sheet1.xml", b"sheet1.bin"))]
        return [(name, data)]
    rebuild(path, change)


def _decoy_workbook_part(path: Path) -> None:
    """``_rels/.rels`` names ``xl/decoy.xml`` (a harmless copy of the workbook part) while
    calamine, which takes only the folder from it, reads ``xl/workbook.xml``, whose
    relationships point the Assessment sheet at a part holding a far cell."""
    fill_template(path)

    def change(name: str, data: bytes) -> list[tuple[str, bytes]]:
        if name == "_rels/.rels":
            return [(name, data.replace(b'Target="xl/workbook.xml"', b'Target="xl/decoy.xml"'))]
        if name == "xl/workbook.xml":
            return [("xl/decoy.xml", data), (name, data)]
        if name == "xl/_rels/workbook.xml.rels":
            return [("xl/_rels/decoy.xml.rels", data),
                    (name, data.replace(b"/xl/worksheets/sheet1.xml", b"/xl/worksheets/evil.xml"))]
        if name == "xl/worksheets/sheet1.xml":
            evil = data.replace(b"</sheetData>",
                                b'<row r="1048576">' + FAR_CELL + b"</row></sheetData>")
            return [(name, data), ("xl/worksheets/evil.xml", evil)]
        return [(name, data)]
    rebuild(path, change)


def _shared_strings_claim(count: int) -> Callable[[Path], None]:
    """A filled template with a shared-strings part claiming ``count`` strings (calamine
    reserves room for them before reading one)."""
    def build(path: Path) -> None:
        fill_template(path)
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
            z.writestr("xl/sharedStrings.xml", (
                '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
                f'.org/spreadsheetml/2006/main" count="1" uniqueCount="{count}"><si><t>x</t>'
                "</si></sst>").encode())
    return build


def _text_formatted(ref: str, text: str) -> Callable:  # type: ignore[type-arg]
    """``text`` in ``ref``, a cell formatted as Text (what Excel stores when a number is
    typed into such a cell)."""
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        cell = wb["Assessment"][ref]
        cell.number_format = "@"
        put(cell, text)
    return edit


def _error_cells(path: Path) -> None:
    """The first Score cell holds the error #N/A and the second Rationale cell #REF!, as
    values (pasted from formulas that failed)."""
    fill_template(path)

    def change(x: bytes) -> bytes:
        for ref, error in ((f"{S_COL}{FIRST}", "#N/A"), (f"{R_COL}{FIRST + 1}", "#REF!")):
            x = re.sub(f'<c r="{ref}"[^>]*>.*?</c>'.encode(),
                       f'<c r="{ref}" t="e"><v>{error}</v></c>'.encode(), x, count=1)
        return x
    rewrite_member(path, "xl/worksheets/sheet1.xml", change)


def _control_characters(path: Path) -> None:
    """Control characters pasted from a word processor: a vertical tab and a bell (stored as
    Excel's escapes ``_x000B_``, ``_x0007_``) and a C1 NEXT LINE in the first rationale, a
    backspace in the startup's name; an emoji and a line break that must stay."""
    fill_template(path, fields={"Startup": "CTRLNAME"}, rows={IDS[0]: (1, None, "CTRL1", None)})
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda x: x.replace(
        b"CTRL1", "why_x000B_ this_x0007_ 🚀 ok\u0085\nline two".encode()).replace(
        b"CTRLNAME", b"Acme_x0008_ AI"))


def _prefixed_formula(path: Path) -> None:
    """The first Score cell holds ``<x:f>`` (a formula, under a prefix the sheet declares)
    with a stored result of 5."""
    fill_template(path)
    row = FIRST

    def change(x: bytes) -> bytes:
        x = x.replace(b"<worksheet ", b'<worksheet xmlns:x="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main" ', 1)
        ref = f"{S_COL}{row}".encode()
        return re.sub(rb'<c r="' + ref + rb'"([^>]*)><v>[^<]*</v></c>',
                      rb'<c r="' + ref + rb'"\1><x:f>2+3</x:f><v>5</v></c>', x)
    rewrite_member(path, "xl/worksheets/sheet1.xml", change)


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole(*streams: str) -> bytes:
    body = b"".join(s.encode("utf-16-le") + b"\x00" * 16 for s in streams)
    return OLE + b"\x00" * 504 + body + b"\x00" * 1024


def _zip(members: dict[str, bytes]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in members.items():
                z.writestr(name, data)
    return build


def _truncated(path: Path) -> None:
    fill_template(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


# -- exports ------------------------------------------------------------------------------------

def small_portfolio() -> Portfolio:
    """Two startups, three assessments: Chinese text, tags, notes, a rationale starting with
    '=', an unscored criterion with a confidence, and an empty one."""
    a, b, c = IDS[0], IDS[1], IDS[-1]
    return Portfolio(framework=FW, startups=[
        Startup(name="星澜智能", sector="医疗", stage="Seed", region="Hangzhou",
                tags=["vertical", "中文"], notes="line one\nline two", assessments=[
                    Assessment(assessor="Li Wei", role="founder", date=DATE, scores={
                        a: Score(value=4, confidence="high", rationale="=SUM(A1)",
                                 evidence="https://example.com/deck"),
                        b: Score(value=None, confidence="low", rationale="not sure yet"),
                        c: Score(value=1, rationale="NA", evidence="007"),
                    }),
                    Assessment(assessor="Priya Raman", role="investor",
                               date=dt.date(2024, 11, 2), scores={a: Score(value=3)}),
                ]),
        Startup(name="Acme AI", assessments=[
            Assessment(assessor="", role="other", date=dt.date(2024, 1, 5),
                       scores={b: Score(value=5, confidence="medium")}),
        ]),
        Startup(name="No scores yet", sector="Robotics"),
    ])


def _export(edit: Callable | None = None) -> Callable[[Path], None]:  # type: ignore[type-arg]
    def build(path: Path) -> None:
        export_workbook(small_portfolio(), path)
        if edit:
            wb = load_workbook(path)
            edit(wb)
            wb.save(path)
    return build


def _title_and_merged_names(wb) -> None:  # type: ignore[no-untyped-def]
    """A title line and a blank row above the Scores header, then each assessment's
    startup-name cells merged, as people do."""
    ws = wb["Scores"]
    ws.insert_rows(1, 2)
    ws["A1"] = "Pipeline export — confidential"
    m = len(IDS)
    for i in range(3):
        first = 4 + i * m
        ws.merge_cells(f"A{first}:A{first + m - 1}")


def _merge_field_labels(wb) -> None:  # type: ignore[no-untyped-def]
    """A column inserted after the labels, and each label merged across both columns, so
    the values sit right of a merged range."""
    ws = wb["Assessment"]
    ws.insert_cols(2)
    for r in range(FIELDS_ROW, FIELDS_ROW + 8):
        ws.merge_cells(f"A{r}:B{r}")


# -- the corpus ---------------------------------------------------------------------------------

J = {cid: j for j, cid in enumerate(IDS)}


def cases() -> list[Case]:
    """Every corpus case (names are unique)."""
    first, second, third = IDS[0], IDS[1], IDS[2]
    out = [
        # messy but fine
        Case("clean_template", "messy", _template(
            fields={"Sector": "Legal tech", "Stage": "Series A", "Role": "founder"},
            rows={first: (4, "high", "=we lead in 3 courts", "https://x.example/a"),
                  second: (2, "low", "中文理由：客户很少", "")}),
            startup={"name": "Acme AI", "sector": "Legal tech", "stage": "Series A"},
            assessment={"assessor": "Li Wei", "role": "founder", "date": DATE},
            scores={first: (4, "high", "=we lead in 3 courts", "https://x.example/a"),
                    second: (2, "low", "中文理由：客户很少", "")}),
        Case("text_scores", "messy", _template(rows={
            first: ("4", None, None, None), second: (" 4 ", None, None, None),
            third: ("4 - strong", None, None, None), IDS[3]: (4.0, None, None, None),
            IDS[4]: ("Level 2", None, None, None), IDS[5]: ("3/5", None, None, None),
            IDS[6]: ("5 (best)", None, None, None)}),
            # only the number counts, as in the workbook's formulas; the rest is noted
            scores={first: None, second: None, third: None, IDS[3]: 4, IDS[4]: None,
                    IDS[5]: None, IDS[6]: None},
            notes=((f"Assessment!{S_COL}{FIRST}", "the score '4' is stored as text"),
                   (f"Assessment!{S_COL}{FIRST}", "retype it as a number (4)"),
                   (f"Assessment!{S_COL}{FIRST + 2}", "'4 - strong' is stored as text"),
                   (f"Assessment!{S_COL}{FIRST + 4}", "'Level 2' is stored as text"),
                   (f"Assessment!{S_COL}{FIRST + 5}", "'3/5' is stored as text"))),
        Case("score_in_text_formatted_cell", "messy", _template(edit=_text_formatted(
            f"{S_COL}{FIRST}", "3")),
            scores={first: None, second: 2},
            notes=((f"Assessment!{S_COL}{FIRST}", "the score '3' is stored as text, which the "
                    "workbook's formulas do not count: not scored"),)),
        Case("score_out_of_range", "messy", _template(rows={second: (6, None, None, None)}),
             scores={second: None, first: 1},
             notes=((f"Assessment!{S_COL}{_row(1)}", "score 6 is outside 1–5: not scored"),)),
        Case("score_zero", "messy", _template(rows={first: (0, None, None, None)}),
             scores={first: None},
             notes=((f"Assessment!{S_COL}{_row(0)}", "score 0 is outside 1–5: not scored"),)),
        Case("score_fractional", "messy", _template(rows={third: (3.5, "high", "why", None)}),
             scores={third: (None, "high", "why", "")},
             notes=((f"Assessment!{S_COL}{_row(2)}", "score 3.5 is not a whole number: not "
                                               "scored"),)),
        Case("score_logical", "messy", _template(rows={third: (True, None, None, None)}),
             scores={third: None},
             notes=((f"Assessment!{S_COL}{_row(2)}", "TRUE is a logical value, not a number"),)),
        # a row taken out of the table (its criterion id cleared): that criterion, and only
        # it, is said to have no row, in the form one takes
        Case("criterion_row_removed", "messy", _template(
            rows={IDS[3]: (None, None, None, None)}, edit=_cell(f"A{_row(3)}", None)),
            scores={IDS[3]: None},
            notes=(("Assessment", "1 criterion of the framework has no row in the table and "
                                  f"is not scored: {IDS[3]}"),)),
        Case("error_cells", "messy", _error_cells,
             scores={first: None, second: (2, "medium", "", "")},
             notes=((f"Assessment!{S_COL}{FIRST}", "the score holds the error #N/A: not scored"),
                    (f"Assessment!{R_COL}{FIRST + 1}", "holds the error #REF!; read as an empty"))),
        Case("control_characters", "messy", _control_characters,
             startup={"name": "Acme\ufffd AI"},
             scores={first: (1, "medium", "why\ufffd this\ufffd 🚀 ok\ufffd\nline two", "")},
             notes=((f"Assessment!{R_COL}{FIRST}", "replaced 3 control characters (U+000B, U+0007, "
                                             "U+0085)"),
                    (f"Assessment!B{FIELDS_ROW}", "replaced 1 control character (U+0008)"))),
        Case("blank_scores", "messy", _template(rows={
            first: (None, None, None, None), second: (None, "high", "no data yet", None),
            third: ("  ", None, None, None)}),
            scores={first: None, second: (None, "high", "no data yet", ""), third: None}),
        Case("own_layout_title_rows_moved_columns", "messy", _own_layout,
             startup={"name": "Acme AI", "sector": "Legal tech"},
             assessment={"date": DATE, "role": "founder"},
             scores={IDS[0]: (1, "high", "reason 0", ""), IDS[5]: 1, IDS[4]: 5}),
        Case("inserted_column_and_rows", "messy", _template(
            rows={first: (5, "high", "moved", "")},
            edit=lambda wb: (wb["Assessment"].insert_cols(SCORE),
                             wb["Assessment"].insert_rows(1, 3))),
            scores={first: (5, "high", "moved", "")}),
        Case("trailing_empties", "messy", _template(edit=_cell("Z200", "   ")),
             scores={first: 1, IDS[-1]: 3}),
        Case("chinese_text", "messy", _template(
            fields={"Startup": "星澜智能", "Assessor": "王芳", "Role": "创始人",
                    "Sector": "医疗健康", "Stage": "天使轮"},
            rows={first: (3, "高", "面向三甲医院的影像质控", "客户合同")}),
            startup={"name": "星澜智能", "sector": "医疗健康", "stage": "天使轮"},
            assessment={"assessor": "王芳", "role": "founder"},
            scores={first: (3, "high", "面向三甲医院的影像质控", "客户合同")}),
        Case("chinese_template", "messy", lambda path: fill_template(
            path, lang="zh_CN", fields={"Startup": "灵犀科技", "Sector": "教育"},
            rows={first: (5, "低", "学校试点", "")}),
            startup={"name": "灵犀科技", "sector": "教育"},
            scores={first: (5, "low", "学校试点", ""), IDS[-1]: 3}),
        Case("na_none_null_007", "messy", _template(
            fields={"Startup": "007", "Assessor": "None", "Sector": "NA", "Stage": "null"},
            rows={first: (2, None, "null", "NA"), second: (3, None, "None", "007")}),
            startup={"name": "007", "sector": "NA", "stage": "null"},
            assessment={"assessor": "None"},
            scores={first: (2, "medium", "null", "NA"), second: (3, "medium", "None", "007")}),
        Case("date_as_text_dmy", "messy", _template(fields={"Date": "31/10/2024"}),
             assessment={"date": DATE}),
        Case("date_as_chinese_text", "messy", _template(fields={"Date": "2024年10月31日"}),
             assessment={"date": DATE}),
        Case("merged_field_labels", "messy", _template(
            fields={"Startup": "Merged Co", "Sector": "Fintech"}, edit=_merge_field_labels),
            startup={"name": "Merged Co", "sector": "Fintech"}, assessment={"date": DATE},
            scores={first: 1}),
        Case("export_full", "messy", _export(), assessments=3,
             startup={"name": "星澜智能", "sector": "医疗", "region": "Hangzhou",
                      "tags": ["vertical", "中文"], "notes": "line one\nline two"},
             assessment={"assessor": "Li Wei", "role": "founder", "date": DATE},
             scores={first: (4, "high", "=SUM(A1)", "https://example.com/deck"),
                     second: (None, "low", "not sure yet", ""),
                     IDS[-1]: (1, "medium", "NA", "007")}),
        Case("export_merged_names_and_title", "messy",
             _export(_title_and_merged_names), assessments=3,
             startup={"name": "星澜智能"}, scores={first: 4}),
        Case("dimension_claims_a_million_rows", "hostile", _dimension("A1:XFD1048576"),
             scores={first: 1}),
        # refused: bad content
        Case("score_as_words", "refused", _template(rows={first: ("strong", None, None, None)}),
             where=f"Assessment!{S_COL}{_row(0)}", message="'strong' is not a score"),
        Case("score_range", "refused", _template(rows={first: ("3-4", None, None, None)}),
             where=f"Assessment!{S_COL}{_row(0)}", message="names more than one level"),
        # typed scores that name two levels were read as their first number: now refused
        Case("score_either_or", "refused", _template(rows={first: ("3 or 4", None, None, None)}),
             where=f"Assessment!{S_COL}{_row(0)}", message="'3 or 4' names more than one level"),
        Case("score_and_a_half", "refused", _template(rows={second: ("4 1/2", None, None, None)}),
             where=f"Assessment!{S_COL}{_row(1)}", message="'4 1/2' names more than one level"),
        Case("score_list", "refused", _template(rows={third: ("3, 4", None, None, None)}),
             where=f"Assessment!{S_COL}{_row(2)}", message="'3, 4' names more than one level"),
        Case("score_formula", "refused", _template(edit=_cell(f"{S_COL}{_row(4)}", "=2+2")),
             where=f"Assessment!{S_COL}{_row(4)}", message="holds a formula"),
        Case("unknown_criterion", "refused", _template(edit=_cell(f"A{_row(3)}", "niche.moat")),
             where=f"Assessment!A{_row(3)}", message="unknown criterion id 'niche.moat'"),
        Case("duplicate_criterion_row", "refused",
             _template(edit=_cell(f"A{_row(1)}", IDS[0])),
             where=f"Assessment!A{_row(1)}", message="appears a second time"),
        Case("missing_score_column", "refused", _template(edit=_cell(f"{S_COL}{HEAD}", "Points")),
             where=f"Assessment!A{HEAD}:{LAST_COL}{HEAD}", message="no 'Score' column"),
        Case("missing_criterion_id_column", "refused",
             _template(edit=_cell(f"A{HEAD}", "ID")),
             where="Assessment", message="'Criterion ID' header"),
        Case("other_framework", "refused", _template(edit=_cell("B4", "acme.other", "About")),
             where="About!B4", message="for framework 'acme.other' version 1.0.0; expected "
                                       f"framework '{FW.id}' version {FW.version}"),
        Case("other_framework_version", "refused",
             _template(edit=_cell("B5", "0.9.0", "About")),
             where="About!B5", message=f"for version 0.9.0 of framework '{FW.id}'; expected "
                                       f"version {FW.version}"),
        Case("newer_layout", "refused",
             _template(edit=_cell("B2", LAYOUT_VERSION + 1, "About")),
             where="About!B2", message="newer Beachhead"),
        Case("missing_startup_name", "refused", _template(fields={"Startup": "  "}),
             where=f"Assessment!B{FIELDS_ROW}", message="the startup's name is empty"),
        Case("bad_date", "refused", _template(fields={"Date": "next week"}),
             where=f"Assessment!B{FIELDS_ROW + 3}", message="'next week' is not a date"),
        Case("ambiguous_date", "refused", _template(fields={"Date": "03/04/2024"}),
             where=f"Assessment!B{FIELDS_ROW + 3}", message="could be 3 April or March 4"),
        Case("bad_role", "refused", _template(fields={"Role": "CEO"}),
             where=f"Assessment!B{FIELDS_ROW + 2}", message="role 'CEO' is not one of"),
        Case("bad_confidence", "refused", _template(rows={first: (3, "very", None, None)}),
             where=f"Assessment!{C_COL}{_row(0)}", message="confidence 'very'"),
        Case("export_bad_score", "messy", _export(_cell("J2", 9, "Scores")), assessments=3,
             startup={"name": "星澜智能"}, scores={first: (None, "high", "=SUM(A1)",
                                                      "https://example.com/deck")},
             notes=(("Scores!J2", "score 9 is outside 1–5: not scored"),)),
        Case("export_without_startups_sheet", "messy",
             _export(lambda wb: wb.remove(wb["Startups"])), assessments=3, startups=2,
             startup={"name": "星澜智能", "sector": "", "notes": ""}, scores={first: 4},
             notes=(("", "no Startups sheet, so the startups' sector, stage, region, website, "
                         "tags and notes are not imported"),)),
        # refused: not a workbook, or locked
        Case("encrypted", "refused", _bytes(_ole("EncryptionInfo", "EncryptedPackage")),
             where="", message="password-protected"),
        Case("legacy_xls", "refused", _bytes(_ole("Workbook", "SummaryInformation")),
             where="", message="legacy Excel 97–2003 workbook (.xls)"),
        Case("pdf_named_xlsx", "refused", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
             where="", message="is a PDF document"),
        Case("csv_named_xlsx", "refused", _bytes(b"Startup,Score\nAcme,4\n"),
             where="", message="plain text (CSV"),
        Case("empty_file", "refused", _bytes(b""), where="", message="the file is empty"),
        Case("ods_named_xlsx", "refused", _zip({
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b"<office:document-content/>"}),
            where="", message="OpenDocument"),
        Case("plain_zip", "refused", _zip({"notes.txt": b"hello"}),
             where="", message="not an Excel workbook"),
        Case("truncated", "refused", _truncated, where="", message="damaged"),
        # hostile
        Case("zip_bomb", "hostile", _add_member("xl/media/bomb.bin"),
             where="xl/media/bomb.bin", message="a zip bomb"),
        Case("zip_bomb_lying_size", "hostile", _lying_size,
             where="xl/styles.xml", message="more than the 1,000 bytes it declares"),
        Case("billion_laughs", "hostile", _xml_prefix("xl/worksheets/sheet1.xml", LAUGHS),
             where="xl/worksheets/sheet1.xml", message="entity expansion"),
        Case("external_entity", "hostile", _xml_prefix("xl/workbook.xml", EXTERNAL),
             where="xl/workbook.xml", message="external entities are refused"),
        Case("xml_in_utf16", "hostile", _utf16_sheet,
             where="xl/worksheets/sheet3.xml", message="UTF-16"),
        Case("cell_in_last_row_and_column", "hostile", _far_cell("XFD1048576"),
             where="Assessment", message="reach XFD1048576"),
        Case("cell_in_last_row", "hostile", _far_cell("A1048576"),
             where="Assessment", message="reach P1048576 (1,048,576 rows"),
        Case("stray_cell_far_below", "hostile", _far_cell("A300000"),
             where="Assessment", message="only 345 are written"),
        # found by fuzzing: each passed the guard and then made the reader abort
        Case("cell_reference_with_spaces", "hostile",
             _sheet_tail(b'<row r = "1048576"><c r = "XFD1048576" t="inlineStr"><is><t>x</t>'
                         b"</is></c></row>"),
             where="Assessment", message="reach XFD1048576"),
        Case("cell_reference_in_single_quotes", "hostile",
             _sheet_tail(b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is>"
                         b"</c></row>"),
             where="Assessment", message="reach XFD1048576"),
        Case("sheet_part_not_named_xml", "hostile", _sheet_not_named_xml,
             where="Assessment", message="reach XFD1048576"),
        Case("decoy_workbook_part", "hostile", _decoy_workbook_part,
             where="Assessment", message="reach XFD1048576"),
        Case("shared_strings_claim_4g", "hostile", _shared_strings_claim(4_294_967_295),
             where="xl/sharedStrings.xml", message="claim 4,294,967,295 (uniqueCount)"),
        Case("prefixed_formula_tag", "hostile", _prefixed_formula,
             where=f"Assessment!{S_COL}{FIRST}", message="holds a formula"),
    ]
    names = [c.name for c in out]
    assert len(set(names)) == len(names)
    return out


def build_corpus(folder: Path) -> dict[str, Path]:
    """Write every case into ``folder``; returns case name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in cases():
        path = folder / f"{case.name}.xlsx"
        case.build(path)
        paths[case.name] = path
    return paths


def crc_ok(path: Path) -> bool:
    """True when every member of the zip at ``path`` unpacks with a good CRC."""
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None
    except (zipfile.BadZipFile, zlib.error):
        return False
