"""The problems and notes of the workbook readers (cells, sheets, the About, template, export,
Decisions and Framework readers), in English and Simplified Chinese; the merge's and the reader
processes' are in :mod:`models.workbook.importing.merge_texts`.

Placeholders in braces are filled with ``str.format``; cell references, sheet and file names,
what the user typed and numbers go into the sentence as they are. The language is the one the
import speaks (:func:`models.workbook.guard.texts.speaking`).
"""

from __future__ import annotations

import re

from models.workbook.guard.texts import language, words
from models.workbook.importing.merge_texts import MERGING, WEBSITE_REASONS_ZH

_READING: dict[str, dict[str, str]] = {
    "en": {
        # cells
        "control": "replaced {n} control character{s} ({codes}), which word processors "
                   "paste and workbooks cannot keep, with U+FFFD",
        "cut": "cut the text from {before} to {after} characters (Excel's limit of {limit} "
               "UTF-16 units)",
        "not_counted": "not scored (the workbook's formulas do not count it either)",
        "expected_score": "expected a whole number from 1 to 5, or an empty cell (not scored)",
        "expected_date": "expected a date such as 2024-10-31",
        "formula": "holds a formula; expected a typed value (Beachhead reads what was typed, "
                   "never a formula's stored result)",
        "logical": "{shown} is a logical value, not a number: {not_counted}; type a whole "
                   "number from 1 to 5",
        "score_fraction": "score {shown} is not a whole number: {not_counted}; {expected}",
        "score_outside": "score {shown} is outside 1–5: {not_counted}; {expected}",
        "date_counted": "the cell is formatted as a date or time (it shows {shown}) but holds "
                        "the number {value}, which the workbook's formulas count: read as "
                        "{value}; format the cell as a number",
        "date_not_score": "a date or time ({shown}) is not a score: {not_counted}; {expected}",
        "not_score": "'{shown}' is not a score; {expected}",
        "several_levels": "'{shown}' names more than one level; pick one level and type it as "
                          "a number: {expected}",
        "score_text": "the score '{shown}' is stored as text, which the workbook's formulas do "
                      "not count: not scored; retype it as a number ({number}), in a cell not "
                      "formatted as Text",
        "bad_confidence": "confidence '{shown}' is not one of {choices}; expected low, medium, "
                          "high or an empty cell (medium)",
        "bad_role": "role '{shown}' is not one of {choices}; expected founder, investor or "
                    "other",
        "not_date": "'{shown}' is not a date; {expected}",
        "two_dates": "'{shown}' could be {a} {month_b} or {month_a} {b}; expected a date that "
                     "reads one way only: write {first} or {second}",
        "unreal_date": "'{shown}' is not a real date; {expected}",
        "date_range": "'{shown}' is outside {low}–{high}; {expected}",
        "bad_status": "status '{shown}' is not one of {choices}",
        "no_status": "no status; expected one of {choices}",
        # the workbook and its tables
        "cannot_read": "the workbook cannot be read ({error}); expected an .xlsx file saved "
                       "by Excel, LibreOffice or Beachhead",
        "memory": "reading the workbook needs more memory than a workbook may take; refused "
                  "(a damaged file, or one built to exhaust memory)",
        "unexpected": "the workbook cannot be read (unexpected {kind}: {error})",
        "more_problems": "… and {n} more problems in this file (fix the ones above and import "
                         "it again)",
        "tampered": "the workbook's sheets read differently from one parser to the next (a "
                    "tampered file); refused",
        "not_checked": "this sheet was not checked; refused",
        "unplaced": "{n} formula or error cells whose place cannot be told (no cell "
                    "reference); save the workbook again in Excel or LibreOffice",
        "no_sheet": "the workbook has no {sheet} sheet, and no other sheet holds its table "
                    "({expected})",
        "no_table": "no {what} table: no row with a 'Criterion ID' header in the first {rows} "
                    "rows; expected {expected}",
        "table_criteria": "criteria",
        "table_scores": "scores",
        "expected_template": "the template's table (Criterion ID, …, Score, Confidence, "
                             "Rationale, Evidence)",
        "expected_scores": "the Scores sheet's header (Startup, Assessor, Role, Date, …, "
                           "Criterion ID, …, Score, Confidence, …, Rationale, Evidence, "
                           "Startup ID)",
        "no_column": "the table has no '{label}' column (its headers: {headers}); expected a "
                     "column headed '{label}'",
        "no_headers": "none",
        "header_item": "{name}",
        "list_sep": ", ",
        "second_column": "a second '{label}' column (the first is column {column}); expected "
                         "one",
        "error_empty": "holds the error {error}; read as an empty cell",
        "score_no_id": "a score in a row without a Criterion ID; expected the criterion's id "
                       "in column {column}",
        "unknown_criterion": "unknown criterion id '{shown}'; expected one of the {n} "
                             "criterion ids of framework '{id}' {version} ({examples}, …)",
        "score_error": "the score holds the error {error}: not scored (the workbook's formulas "
                       "do not count it either); type a whole number from 1 to 5",
        # the About sheet
        "other_kind": "a workbook of kind '{kind}', which cannot be imported; expected a "
                      "founder template ({template}) or a Beachhead export ({export})",
        "newer_layout": "made by a newer Beachhead (workbook layout {version}); expected "
                        "layout {expected} or older: update Beachhead to import it",
        "framework_unsaid": "the workbook does not say which framework it was made for; read "
                            "as framework '{id}' version {version}",
        "remedy": "make a new template for it with 'beachhead template', or import the file "
                  "into a portfolio that uses that framework (--into, or --framework FILE for "
                  "a new one)",
        "other_framework": "this workbook is for framework '{wid}'; expected framework '{id}' "
                           "version {version}: {remedy}",
        "other_framework_version": "this workbook is for framework '{wid}' version {wver}; "
                                   "expected framework '{id}' version {version}: {remedy}",
        "other_version": "this workbook is for version {wver} of framework '{wid}'; expected "
                         "version {version}: {remedy}",
        "empty_version": "(empty)",
        # a founder template
        "criteria_missing": "{criteria}: {ids}",
        "nothing_scored": "no criterion is scored",
        "no_startup_field": "no 'Startup' field above the criteria table; expected a cell "
                            "reading 'Startup' with the startup's name right of it",
        "empty_name": "the startup's name is empty; expected the name of the startup right of "
                      "'Startup'",
        "dated_today": "no date given; the assessment is dated today ({today})",
        "criterion_twice": "criterion '{id}' appears a second time (first in row {row}); "
                           "expected one row per criterion",
        # an export
        "id_not_listed": "startup id '{sid}' is not on the Startups sheet; put back the row's "
                         "id (or the startup's row on Startups)",
        "id_other_name": "this row names startup id '{sid}' '{name}', but it is '{known}' "
                         "({where}); read as '{known}'",
        "same_names": "{n} startups are named '{name}' and this workbook has no Startup ID "
                      "column to tell their rows apart; the rows are read as '{name}' of "
                      "{where}",
        "decision_id": "startup id '{sid}' is not on the Startups sheet; put back the "
                       "decision's Startup ID",
        "decision_name": "no startup named '{name}' in this workbook (its Startups and Scores "
                         "sheets); expected one of its startups",
        "no_startups_sheet": "the workbook has no Startups sheet, so the startups' sector, "
                             "stage, region, website, tags and notes are not imported (only "
                             "their names and scores)",
        "no_startup_header": "no 'Startup' header found; sector, stage, region, website, tags "
                             "and notes are not imported",
        "id_twice": "startup id '{sid}' appears a second time (first {where}); this row is "
                    "left out",
        "undated": "{n} assessments have no date; they are dated today ({today})",
        "no_name": "no startup name in this row; expected the startup's name",
        "look_alike": "'{first}' ({first_where}) and '{other}' ({other_where}) {how}; they "
                      "stay two startups (the workbook keeps them apart {apart}); if they are "
                      "one company, merge them in Beachhead",
        "how_same": "have the same name",
        "how_case": "differ only in case or spacing",
        "apart_ids": "by their Startup IDs",
        "apart_names": "as different names",
        # the Decisions sheet
        "no_status_header": "no 'Status' header found; the decisions are not imported",
        "decision_no_date": "a decision without a date; {expected}",
        "decision_no_startup": "a decision without a startup; expected the startup's name "
                               "(and its Startup ID)",
        # the Framework sheet
        "pillar": "pillar '{id}' ({name})",
        "criterion": "criterion '{id}'",
        "all_off": "every pillar is switched off on the Framework sheet, which no framework "
                   "allows; the framework's Enabled flags are kept",
        "formula_kept": "holds a formula; {kept}",
        "error_kept": "holds the error {error}; {kept}",
        "weight_kept": "the framework's weight ({weight:g}) is kept",
        "stays_on": "pillar '{id}' stays on",
        "stays_off": "pillar '{id}' stays off",
        "an_empty_cell": "an empty cell",
        "bad_weight": "the weight of {what} reads '{shown}', not a number from {low:g} to "
                      "{high:g}; {kept}",
        "weight_change": "{what} weight {old:g} → {new:g} ({cell})",
        "enabled_other": "Enabled reads '{shown}'; the workbook's formulas switch a pillar on "
                         "only for '{on}', so pillar '{id}' is read as off",
        "enabled_spaces": "Enabled reads '{shown}' (with spaces), which the workbook's "
                          "formulas do not take for '{on}': pillar '{id}' is read as off",
        "switched_on": "pillar '{id}' ({name}) switched on ({cell})",
        "switched_off": "pillar '{id}' ({name}) switched off ({cell})",
    },
    "zh_CN": {
        "control": "已将 {n} 个控制字符（{codes}）替换为 U+FFFD：这类字符常由文字处理软件粘贴带入，"
                   "工作簿无法保存",
        "cut": "文本已从 {before} 个字符截短为 {after} 个（Excel 的上限为 {limit} 个 UTF-16 "
               "单元）",
        "not_counted": "不计分（工作簿的公式也不计入）",
        "expected_score": "应为 1 到 5 的整数，或留空（不评分）",
        "expected_date": "应为日期，例如 2024-10-31",
        "formula": "含有公式；应为直接输入的值（Beachhead 只读取输入的内容，"
                   "从不读取公式保存的结果）",
        "logical": "{shown} 是逻辑值，不是数字：{not_counted}；请输入 1 到 5 的整数",
        "score_fraction": "分数 {shown} 不是整数：{not_counted}；{expected}",
        "score_outside": "分数 {shown} 不在 1–5 范围内：{not_counted}；{expected}",
        "date_counted": "该单元格设为日期或时间格式（显示为 {shown}），但保存的数字是 {value}，"
                        "工作簿的公式会计入：按 {value} 读取；请将单元格格式设为数字",
        "date_not_score": "日期或时间（{shown}）不是分数：{not_counted}；{expected}",
        "not_score": "“{shown}”不是分数；{expected}",
        "several_levels": "“{shown}”包含多个级别；请只选一个级别并以数字输入：{expected}",
        "score_text": "分数“{shown}”以文本形式保存，工作簿的公式不计入：不计分；"
                      "请在未设为文本格式的单元格中重新以数字（{number}）输入",
        "bad_confidence": "置信度“{shown}”不是 {choices} 之一；应为 low、medium、high（低、中、高）"
                          "或留空（按 medium 计）",
        "bad_role": "角色“{shown}”不是 {choices} 之一；应为 founder、investor 或 other"
                    "（创始人、投资人或其他）",
        "not_date": "“{shown}”不是日期；{expected}",
        "two_dates": "“{shown}”既可能是 {year} 年 {b} 月 {a} 日，也可能是 {year} 年 {a} 月 {b} 日；"
                     "应为只有一种读法的日期：请写成 {first} 或 {second}",
        "unreal_date": "“{shown}”不是真实存在的日期；{expected}",
        "date_range": "“{shown}”不在 {low}–{high} 年之间；{expected}",
        "bad_status": "状态“{shown}”不是 {choices} 之一",
        "no_status": "没有状态；应为 {choices} 之一",
        "cannot_read": "无法读取该工作簿（系统信息：“{error}”）；"
                       "应为由 Excel、LibreOffice 或 Beachhead 保存的 .xlsx 文件",
        "memory": "读取该工作簿所需的内存超过了工作簿允许占用的上限；已拒绝（文件已损坏，"
                  "或被刻意构造来耗尽内存）",
        "unexpected": "无法读取该工作簿（意外的 {kind}，系统信息：“{error}”）",
        "more_problems": "……此文件中另有 {n} 个问题（请先修正以上问题，再重新导入）",
        "tampered": "不同解析器读出的工作表不一致（文件可能被篡改）；已拒绝",
        "not_checked": "该工作表未经检查；已拒绝",
        "unplaced": "有 {n} 个公式或错误单元格无法确定位置（没有单元格引用）；请在 Excel 或 "
                    "LibreOffice 中重新保存该工作簿",
        "no_sheet": "该工作簿没有 {sheet} 工作表，其他工作表中也没有它的表格（{expected}）",
        "no_table": "没有{what}表格：前 {rows} 行中没有表头为“Criterion ID”的行；应为{expected}",
        "table_criteria": "评估标准",
        "table_scores": "评分",
        "expected_template": "模板的表格（Criterion ID、…、Score、Confidence、Rationale、"
                             "Evidence）",
        "expected_scores": "Scores 工作表的表头（Startup、Assessor、Role、Date、…、Criterion "
                           "ID、…、Score、Confidence、…、Rationale、Evidence、Startup ID）",
        "no_column": "表格中没有“{label}”列（现有表头：{headers}）；应有一列表头为“{label}”",
        "no_headers": "无",
        "header_item": "“{name}”",
        "list_sep": "、",
        "second_column": "有第二个“{label}”列（第一个在 {column} 列）；应只有一个",
        "error_empty": "含有错误值 {error}；按空单元格读取",
        "score_no_id": "该行有分数但没有 Criterion ID；应在 {column} 列填写评估标准的 ID",
        "unknown_criterion": "未知的评估标准 ID“{shown}”；应为框架“{id}” {version} 的 {n} 个"
                             "评估标准 ID 之一（{examples}，…）",
        "score_error": "分数含有错误值 {error}：不计分（工作簿的公式也不计入）；"
                       "请输入 1 到 5 的整数",
        "other_kind": "类型为“{kind}”的工作簿无法导入；应为创始人模板（{template}）或 Beachhead "
                      "导出文件（{export}）",
        "newer_layout": "由更新版本的 Beachhead 生成（工作簿布局 {version}）；应为布局 {expected} "
                        "或更早版本：请更新 Beachhead 后再导入",
        "framework_unsaid": "该工作簿没有注明适用的框架；按框架“{id}”版本 {version} 读取",
        "remedy": "请用“beachhead template”为该框架生成新模板，或将文件导入使用该框架的组合"
                  "（--into；新组合用 --framework FILE）",
        "other_framework": "该工作簿适用于框架“{wid}”；应为框架“{id}”版本 {version}：{remedy}",
        "other_framework_version": "该工作簿适用于框架“{wid}”版本 {wver}；应为框架“{id}”版本 "
                                   "{version}：{remedy}",
        "other_version": "该工作簿适用于框架“{wid}”的版本 {wver}；应为版本 {version}：{remedy}",
        "empty_version": "（空）",
        "criteria_missing": "{criteria}：{ids}",
        "nothing_scored": "没有任何评估标准被评分",
        "no_startup_field": "评估标准表格上方没有“Startup”字段；应有一个写着“Startup”的单元格，"
                            "其右侧为初创公司名称",
        "empty_name": "初创公司名称为空；应在“Startup”右侧填写初创公司名称",
        "dated_today": "未填写日期；该评估的日期记为今天（{today}）",
        "criterion_twice": "评估标准“{id}”出现了第二次（第一次在第 {row} 行）；"
                           "每个评估标准应只有一行",
        "id_not_listed": "初创公司 ID“{sid}”不在 Startups 工作表中；请补回该行的 ID（或 Startups "
                         "中该初创公司的行）",
        "id_other_name": "该行的初创公司 ID“{sid}”对应名称“{name}”，但该 ID 属于“{known}”"
                         "（{where}）；按“{known}”读取",
        "same_names": "有 {n} 家初创公司名为“{name}”，而该工作簿没有 Startup ID 列来区分它们的行；"
                      "这些行按 {where} 的“{name}”读取",
        "decision_id": "初创公司 ID“{sid}”不在 Startups 工作表中；请补回该决策的 Startup ID",
        "decision_name": "该工作簿（Startups 和 Scores 工作表）中没有名为“{name}”的初创公司；"
                         "应为其中的某家初创公司",
        "no_startups_sheet": "该工作簿没有 Startups 工作表，因此不导入各初创公司的"
                             "行业、阶段、地区、网站、标签和备注（只导入名称和评分）",
        "no_startup_header": "找不到“Startup”表头；不导入行业、阶段、地区、网站、标签和备注",
        "id_twice": "初创公司 ID“{sid}”出现了第二次（第一次在 {where}）；此行不导入",
        "undated": "有 {n} 份评估没有日期；日期记为今天（{today}）",
        "no_name": "该行没有初创公司名称；应填写初创公司名称",
        "look_alike": "“{first}”（{first_where}）与“{other}”（{other_where}）{how}；它们仍作为两家"
                      "初创公司（工作簿{apart}区分它们）；如果是同一家公司，请在 Beachhead 中合并",
        "how_same": "名称相同",
        "how_case": "名称仅大小写或空格不同",
        "apart_ids": "以各自的 Startup ID ",
        "apart_names": "以不同的名称",
        "no_status_header": "找不到“Status”表头；不导入决策",
        "decision_no_date": "决策没有日期；{expected}",
        "decision_no_startup": "决策没有初创公司；应填写初创公司名称（及其 Startup ID）",
        "pillar": "支柱“{id}”（{name}）",
        "criterion": "评估标准“{id}”",
        "all_off": "Framework 工作表中所有支柱都已停用，任何框架都不允许这样；"
                   "保留框架原有的启用设置",
        "formula_kept": "含有公式；{kept}",
        "error_kept": "含有错误值 {error}；{kept}",
        "weight_kept": "保留框架的权重（{weight:g}）",
        "stays_on": "支柱“{id}”保持启用",
        "stays_off": "支柱“{id}”保持停用",
        "an_empty_cell": "空单元格",
        "bad_weight": "{what}的权重为“{shown}”，不是 {low:g} 到 {high:g} 之间的数字；{kept}",
        "weight_change": "{what}的权重 {old:g} → {new:g}（{cell}）",
        "enabled_other": "Enabled 为“{shown}”；工作簿的公式只在值为“{on}”时启用支柱，"
                         "因此支柱“{id}”按停用读取",
        "enabled_spaces": "Enabled 为“{shown}”（带空格），工作簿的公式不把它当作“{on}”："
                          "支柱“{id}”按停用读取",
        "switched_on": "支柱“{id}”（{name}）已启用（{cell}）",
        "switched_off": "支柱“{id}”（{name}）已停用（{cell}）",
    },
}

TEXTS: dict[str, dict[str, str]] = {lang: {**_READING[lang], **MERGING[lang]}
                                    for lang in _READING}


def say(key: str, **values: object) -> str:
    """The importer's text ``key`` in the language the import speaks, filled with
    ``values``."""
    return words(TEXTS, key, **values)


_WEBSITE = re.compile(r"^the website '(.*?)' is not a web address \((.*)\); expected a web ",
                      re.S)
_CUT = re.compile(r"^cut the text from ([\d,]+) to ([\d,]+) characters \(Excel's limit of "
                  r"([\d,]+) UTF-16 units\)$")


def website_problem(message: str) -> str:
    """A refused website (:func:`models.core.website.normalise_website`'s message) in the
    language the import speaks."""
    m = _WEBSITE.match(message)
    if m is None or language() == "en":
        return message
    why = m[2]
    for pattern, zh in WEBSITE_REASONS_ZH:
        found = re.match(pattern, why, re.S)
        if found:
            why = zh.format(*found.groups())
            break
    return say("website", shown=m[1], why=why)


def cut_problem(message: str) -> str:
    """A text cut to Excel's limit (:func:`models.workbook.xlsx_text.clean_text`'s message)
    in the language the import speaks."""
    m = _CUT.match(message)
    if m is None or language() == "en":
        return message
    return say("cut", before=m[1], after=m[2], limit=m[3])
