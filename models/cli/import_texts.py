"""The words of ``beachhead import`` around the importer's problems and notes (what was read,
what was written, why nothing was), in English and Simplified Chinese. Placeholders in braces
are filled with ``str.format``, counts said by :func:`count`; the language is the command's
``--lang``, spoken for the whole command (:func:`models.workbook.guard.texts.speaking`)."""

from __future__ import annotations

from models.cli.count_texts import counted
from models.workbook.guard.texts import language, words

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "workbook": "workbook", "workbooks": "workbooks", "portfolio": "portfolio",
        "portfolios": "portfolios", "file": "file", "files": "files",
        "reading": "reading {inputs}…",
        "note": "{place}: note: {message}",
        "summary": "{inputs} read: {imported} imported ({startups}, {assessments})",
        "refused": ", {n} refused",
        "nothing_bad": "nothing written: {bad} of {inputs} {have} problems; fix them, or use "
                       "--skip-bad to import the other {noun}",
        "has": "has", "have": "have",
        "nothing": "nothing written: no {noun} could be imported",
        "wrote": "wrote {path}: {summary}; {added} added, {skipped} skipped; {startups} in "
                 "all",
        "json_note": "{path}: note: a JSON portfolio is rewritten whole (the previous version "
                     "is kept as {path}.bak), and two imports into it at once can lose one; a "
                     "workspace takes each import as one transaction (beachhead copy {path} "
                     "NEW.beachhead makes one)",
        "exists": "already exists; -o writes a new workspace (to add to this one: --into "
                  "{path})",
        "other_framework": "this portfolio uses framework '{fid}' version {fver}; expected "
                           "framework '{id}' version {version}: import it into a portfolio "
                           "that uses that framework (--into), or copy it whole (beachhead "
                           "copy)",
    },
    "zh_CN": {
        "workbook": "工作簿", "workbooks": "工作簿", "portfolio": "组合", "portfolios": "组合",
        "file": "文件", "files": "文件",
        "reading": "正在读取 {inputs}…",
        "note": "{place}：注意：{message}",
        "summary": "已读取 {inputs}：导入 {imported} 个（{startups}，{assessments}）",
        "refused": "，拒绝 {n} 个",
        "nothing_bad": "未写入任何内容：{inputs}中有 {bad} 个存在问题；请修正这些问题，"
                       "或使用 --skip-bad 导入其余的{noun}",
        "has": "", "have": "",
        "nothing": "未写入任何内容：没有可导入的{noun}",
        "wrote": "已写入 {path}：{summary}；新增 {added}，跳过 {skipped}；共 {startups}",
        "json_note": "{path}：注意：JSON 组合每次都整个重写（上一版本保存为 {path}.bak），"
                     "同时向其中导入两次可能丢失其中一次；工作区把每次导入作为一个事务"
                     "（用“beachhead copy {path} NEW.beachhead”可生成工作区）",
        "exists": "文件已存在；-o 写入的是新工作区（要添加到这个工作区：--into {path}）",
        "other_framework": "该组合使用框架“{fid}”版本 {fver}；应为框架“{id}”版本 {version}："
                           "请将其导入使用该框架的组合（--into），或整个复制（beachhead copy）",
    },
}


def say(key: str, **values: object) -> str:
    """The import command's text ``key`` in the command's language."""
    return words(TEXTS, key, **values)


def count(kind: str, n: int) -> str:
    """``n`` things of ``kind`` (:func:`models.cli.count_texts.counted`) in the command's
    language: ``1 workbook``, ``2 startups``."""
    return counted(language(), kind, n)
