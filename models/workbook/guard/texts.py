"""The language an import speaks, and the guard's refusals in English and Simplified Chinese.

The language is :mod:`models.core.speech`'s (re-exported here). An import's problems and
notes are written in the language of whoever asked for it (the command line's ``--lang``,
the window's interface language): the public entry points
(:func:`models.workbook.importing.batch.import_workbooks`, ``read_workbook``, ``plan_merge``)
take ``lang`` and read under :func:`speaking`; every text of the guard and of the readers is
then made by :func:`words` from a table keyed by language (placeholders in braces, filled
with ``str.format``). The readers' own table is :mod:`models.workbook.importing.problem_texts`.
"""

from __future__ import annotations

from models.core.errors import InputError, Problem
from models.core.speech import LANGUAGES, OS_REASONS_ZH, language, os_reason, speaking, words

__all__ = ["LANGUAGES", "OS_REASONS_ZH", "TEXTS", "language", "os_reason", "refuse", "say",
           "speaking", "words"]


def say(key: str, **values: object) -> str:
    """One of the guard's texts (:data:`TEXTS`) in the current language."""
    return words(TEXTS, key, **values)


def refuse(source: str, location: str, key: str, **values: object) -> InputError:
    """An :class:`InputError` with one problem, the guard's text ``key`` (the guard's
    refusals)."""
    return InputError([Problem(source, location, say(key, **values))])


TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # what the file is
        "empty": "the file is empty; expected an .xlsx workbook",
        "encrypted": "the workbook is password-protected (encrypted), so it cannot be read; "
                     "open it in Excel or LibreOffice, remove the password to open, save it as "
                     ".xlsx and import that copy",
        "word97": "a Word 97–2003 document, not a workbook; expected an .xlsx workbook",
        "xls": "a legacy Excel 97–2003 workbook (.xls), which Beachhead does not read; open it "
               "in Excel or LibreOffice, save it as .xlsx (Excel Workbook) and import that copy",
        "not_excel": "not an Excel workbook: the file {what}; expected an .xlsx file saved by "
                     "Excel, LibreOffice or Beachhead",
        "is_pdf": "is a PDF document",
        "is_html": "is a web page (HTML; some programs save these with an .xls name)",
        "is_xml": "is an XML or HTML text (e.g. Excel 2003 XML), not an .xlsx archive",
        "is_archive": "is a compressed archive of another kind",
        "is_image": "is an image",
        "is_unknown": "has content Beachhead does not recognise",
        "is_csv": "is plain text (CSV or similar)",
        "is_text": "is plain text",
        "ods": "an OpenDocument file (.ods), not an .xlsx workbook; open it in LibreOffice, "
               "save it as Excel 2007-365 (.xlsx) and import that copy",
        "docx": "a Word document (.docx), not a workbook; expected .xlsx",
        "pptx": "a PowerPoint presentation, not a workbook; expected .xlsx",
        "no_part": "a zip archive but not an Excel workbook (it has no {part}); expected an "
                   ".xlsx file",
        "folder": "is a folder, not a workbook; expected an .xlsx file",
        "too_big": "the file is {mb:,.0f} MB; workbooks larger than {limit:,.0f} MB are refused",
        "cannot_open": "cannot open the file ({reason})",
        "not_zip": "the file is damaged or not a workbook (not a readable zip archive: "
                   "{error}); expected an .xlsx file",
        # the archive
        "members": "the archive holds {n:,} parts; workbooks with more than {limit:,} are "
                   "refused",
        "twice": "the archive holds two parts with this name; a workbook has one of each "
                 "(a tampered file?)",
        "part_encrypted": "this part of the archive is encrypted; expected a plain .xlsx "
                          "(remove the password and save again)",
        "method": "packed with compression method {method}, which Excel and LibreOffice never "
                  "use; expected stored or deflate",
        "stored_sizes": "a stored part whose sizes disagree (a damaged or tampered file)",
        "bomb_part": "a zip bomb: this part unpacks {ratio:,.0f} times larger than it is packed "
                     "({size:,} bytes from {packed:,}); refused before unpacking "
                     "(limit {limit:,.0f}×)",
        "bomb_total": "a zip bomb or an oversized workbook: it would unpack to {mb:,.0f} MB; "
                      "refused before unpacking (limit {limit:,.0f} MB)",
        "bomb_ratio": "a zip bomb: the archive unpacks {ratio:,.0f} times larger than the "
                      "file; refused before unpacking (limit {limit:,.0f}×)",
        "utf16": "XML in UTF-16; expected UTF-8, as Excel and LibreOffice write it",
        "encoding": "XML declared as {encoding}; expected UTF-8, as Excel and LibreOffice "
                    "write it",
        "dtd": "the XML declares a document type or entities (<!DOCTYPE/<!ENTITY): entity "
               "expansion and external entities are refused; a workbook saved by Excel or "
               "LibreOffice has none",
        "no_header": "the archive is damaged (a part's header is missing)",
        "cut_short": "the archive is damaged (a part is cut short)",
        "unpacks_more": "a zip bomb or a tampered file: this part unpacks to more than the "
                        "{size:,} bytes it declares; refused",
        "checksum": "the archive is damaged or tampered with (this part's size or checksum "
                    "differs from what the archive declares)",
        "cannot_unpack": "the archive is damaged (cannot unpack this part: {error})",
        "part_cut_short": "the archive is damaged (this part is cut short)",
        "structure_big": "this part is {mb:,.0f} MB; a workbook's structure fits in "
                         "{limit:,.0f} MB",
        # the workbook's structure
        "no_office_document": "no relationship names the workbook part (officeDocument); "
                              "expected an .xlsx workbook",
        "structure": "the workbook's structure is damaged ({error})",
        "missing_rel": "the workbook's structure is damaged: sheet '{name}' names relationship "
                       "'{rid}', which {rels} lacks",
        "not_worksheet": "the workbook's structure is damaged: sheet '{name}' points at a part "
                         "of type '{kind}', not a worksheet",
        "same_names": "two sheets are named '{first}' and '{second}'; Excel gives every sheet "
                      "its own name (ignoring case), so the file was made or changed by another "
                      "program: refused",
        "sheet_missing": "the sheet's part ({path}) is missing from the archive; the file is "
                         "damaged",
        "strings": "the shared strings hold {held:,} string{s} and claim {claimed:,} "
                   "(uniqueCount); workbooks with more than {limit:,} are refused",
        "area": "the sheet's cells reach {corner} ({rows:,} rows × {columns:,} columns = "
                "{area:,} cells, {cells:,} of them written); sheets spanning more than "
                "{limit:,} cells are refused",
        "sparse": "the sheet's cells reach {corner} ({area:,} cells) but only {cells:,} are "
                  "written; delete the stray cells far below or to the right of the data and "
                  "save again",
        "merged": "the sheet has {merged:,} merged ranges; sheets with more than {limit:,} are "
                  "refused",
        "no_tag": "the XML has no tag in {mb} MB; refused as malformed",
        "stray_lt": "the sheet's XML holds a '<' that does not open a plain tag (in a comment, "
                    "CDATA or an attribute value); spreadsheet programs never write one there, "
                    "so the sheet is refused",
        "an_error_value": "an error value",
    },
    "zh_CN": {
        "empty": "文件为空；应为 .xlsx 工作簿",
        "encrypted": "工作簿设有打开密码（已加密），无法读取；请在 Excel 或 LibreOffice 中打开，"
                     "取消打开密码，另存为 .xlsx 后导入该副本",
        "word97": "这是 Word 97–2003 文档，不是工作簿；应为 .xlsx 工作簿",
        "xls": "这是旧版 Excel 97–2003 工作簿（.xls），Beachhead 不读取此格式；请在 Excel 或 "
               "LibreOffice 中打开，另存为 .xlsx（Excel 工作簿）后导入该副本",
        "not_excel": "不是 Excel 工作簿：该文件{what}；应为由 Excel、LibreOffice 或 Beachhead "
                     "保存的 .xlsx 文件",
        "is_pdf": "是 PDF 文档",
        "is_html": "是网页（HTML；有些程序会以 .xls 为名保存网页）",
        "is_xml": "是 XML 或 HTML 文本（例如 Excel 2003 XML），不是 .xlsx 压缩包",
        "is_archive": "是其他类型的压缩包",
        "is_image": "是图片",
        "is_unknown": "的内容 Beachhead 无法识别",
        "is_csv": "是纯文本（CSV 或类似格式）",
        "is_text": "是纯文本",
        "ods": "这是 OpenDocument 文件（.ods），不是 .xlsx 工作簿；请在 LibreOffice 中打开，"
               "另存为 Excel 2007-365（.xlsx）后导入该副本",
        "docx": "这是 Word 文档（.docx），不是工作簿；应为 .xlsx",
        "pptx": "这是 PowerPoint 演示文稿，不是工作簿；应为 .xlsx",
        "no_part": "这是 zip 压缩包，但不是 Excel 工作簿（其中没有 {part}）；应为 .xlsx 文件",
        "folder": "这是文件夹，不是工作簿；应为 .xlsx 文件",
        "too_big": "文件大小为 {mb:,.0f} MB；超过 {limit:,.0f} MB 的工作簿会被拒绝",
        "cannot_open": "无法打开文件（{reason}）",
        "not_zip": "文件已损坏或不是工作簿（不是可读取的 zip 压缩包，系统信息：“{error}”）；"
                   "应为 .xlsx 文件",
        "members": "压缩包含有 {n:,} 个部件；超过 {limit:,} 个部件的工作簿会被拒绝",
        "twice": "压缩包中有两个同名部件；正常工作簿中每个部件只有一个（文件可能被篡改）",
        "part_encrypted": "压缩包的此部件已加密；应为未加密的 .xlsx（请取消密码后重新保存）",
        "method": "使用压缩方法 {method} 打包，Excel 和 LibreOffice 从不使用该方法；"
                  "应为不压缩（stored）或 deflate",
        "stored_sizes": "一个未压缩部件的大小前后不一致（文件已损坏或被篡改）",
        "bomb_part": "zip 炸弹：此部件解压后是压缩大小的 {ratio:,.0f} 倍（由 {packed:,} 字节解压为 "
                     "{size:,} 字节）；已在解压前拒绝（上限 {limit:,.0f}×）",
        "bomb_total": "zip 炸弹或过大的工作簿：解压后将达 {mb:,.0f} MB；已在解压前拒绝"
                      "（上限 {limit:,.0f} MB）",
        "bomb_ratio": "zip 炸弹：压缩包解压后是文件大小的 {ratio:,.0f} 倍；已在解压前拒绝"
                      "（上限 {limit:,.0f}×）",
        "utf16": "XML 使用 UTF-16 编码；应为 UTF-8，Excel 和 LibreOffice 均以 UTF-8 保存",
        "encoding": "XML 声明的编码为 {encoding}；应为 UTF-8，Excel 和 LibreOffice 均以 UTF-8 "
                    "保存",
        "dtd": "XML 声明了文档类型或实体（<!DOCTYPE/<!ENTITY）：实体展开和外部实体一律拒绝；"
               "Excel 或 LibreOffice 保存的工作簿中没有这些内容",
        "no_header": "压缩包已损坏（缺少某个部件的头部）",
        "cut_short": "压缩包已损坏（某个部件不完整）",
        "unpacks_more": "zip 炸弹或被篡改的文件：此部件解压后超过其声明的 {size:,} 字节；已拒绝",
        "checksum": "压缩包已损坏或被篡改（此部件的大小或校验和与压缩包声明的不符）",
        "cannot_unpack": "压缩包已损坏（无法解压此部件，系统信息：“{error}”）",
        "part_cut_short": "压缩包已损坏（此部件不完整）",
        "structure_big": "此部件大小为 {mb:,.0f} MB；工作簿的结构部件不超过 {limit:,.0f} MB",
        "no_office_document": "没有任何关系指向工作簿部件（officeDocument）；应为 .xlsx 工作簿",
        "structure": "工作簿的结构已损坏（系统信息：“{error}”）",
        "missing_rel": "工作簿的结构已损坏：工作表“{name}”引用的关系“{rid}”在 {rels} 中不存在",
        "not_worksheet": "工作簿的结构已损坏：工作表“{name}”指向类型为“{kind}”的部件，"
                         "而不是工作表",
        "same_names": "有两个工作表分别名为“{first}”和“{second}”；Excel 中每个工作表的名称各不相同"
                      "（不区分大小写），因此该文件由其他程序创建或修改过：已拒绝",
        "sheet_missing": "压缩包中缺少该工作表的部件（{path}）；文件已损坏",
        "strings": "共享字符串表含有 {held:,} 个字符串，声明有 {claimed:,} 个（uniqueCount）；"
                   "超过 {limit:,} 个的工作簿会被拒绝",
        "area": "该工作表的单元格延伸到 {corner}（{rows:,} 行 × {columns:,} 列 = "
                "{area:,} 个单元格，其中 {cells:,} 个有内容）；"
                "范围超过 {limit:,} 个单元格的工作表会被拒绝",
        "sparse": "该工作表的单元格延伸到 {corner}（{area:,} 个单元格），"
                  "但只有 {cells:,} 个有内容；请删除数据下方或右侧远处的零散单元格后重新保存",
        "merged": "该工作表有 {merged:,} 个合并区域；超过 {limit:,} 个的工作表会被拒绝",
        "no_tag": "XML 在 {mb} MB 内没有任何标签；按格式错误拒绝",
        "stray_lt": "该工作表的 XML 中有一个不开启普通标签的“<”（位于注释、CDATA 或属性值中）；"
                    "电子表格程序从不在这些位置写入它，因此拒绝该工作表",
        "an_error_value": "错误值",
    },
}
