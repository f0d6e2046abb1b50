"""A bare streaming ``.xlsx`` writer: the export benchmark's reference.

It writes rows of plain values (text, numbers, dates; None for an empty cell) straight into
each sheet's XML inside the zip, as they come, with the least a spreadsheet needs to open the
file: inline strings (``&``, ``<`` and ``>`` escaped, leading or trailing white space kept),
numbers, dates as serial numbers with one date style. Nothing else: no shared strings, no
styles but the date's, no formulas, widths, validation or charts, and no check of the text
(XML-forbidden characters or Excel's cell limit), which Beachhead's own writer must do.
Its deflate level is zipfile's default, as XlsxWriter's.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterable, Sequence

_EPOCH = dt.date(1899, 12, 30)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {_NS}>'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="2">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>")


def _column(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        name = chr(65 + rest) + name
    return name


_COLUMNS = [_column(i) for i in range(702)]  # A … ZZ


def _row(r: int, values: Sequence[object]) -> str:
    rs = str(r)
    out = [f'<row r="{rs}">']
    for col, v in zip(_COLUMNS, values, strict=False):
        if v is None or v == "":
            continue
        if isinstance(v, str):
            text = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            keep = ' xml:space="preserve"' if v[0].isspace() or v[-1].isspace() else ""
            out.append(f'<c r="{col}{rs}" t="inlineStr"><is><t{keep}>{text}</t></is></c>')
        elif isinstance(v, dt.date):
            out.append(f'<c r="{col}{rs}" s="1"><v>{(v - _EPOCH).days}</v></c>')
        else:
            out.append(f'<c r="{col}{rs}"><v>{v}</v></c>')
    out.append("</row>")
    return "".join(out)


def _sheet(zf: zipfile.ZipFile, index: int, rows: Iterable[Sequence[object]]) -> None:
    with zf.open(f"xl/worksheets/sheet{index}.xml", "w") as fh:
        fh.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 f"<worksheet {_NS}><sheetData>".encode())
        chunk: list[str] = []
        for r, values in enumerate(rows, 1):
            chunk.append(_row(r, values))
            if len(chunk) == 1000:
                fh.write("".join(chunk).encode())
                chunk.clear()
        fh.write(("".join(chunk) + "</sheetData></worksheet>").encode())


def write_xlsx(path: str, sheets: Sequence[tuple[str, Iterable[Sequence[object]]]]) -> None:
    """Write ``sheets`` (name, rows) as a workbook at ``path``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (_, rows) in enumerate(sheets, 1):
            _sheet(zf, i, rows)
        n = len(sheets)
        zf.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                      f'ContentType="{_CT}.worksheet+xml"/>' for i in range(1, n + 1))
            + "</Types>"))
        zf.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            f'Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        zf.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS} '
            f'xmlns:r="{_REL}"><sheets>'
            + "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, (name, _) in enumerate(sheets, 1))
            + "</sheets></workbook>"))
        zf.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                      f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>"))
        zf.writestr("xl/styles.xml", _STYLES)
