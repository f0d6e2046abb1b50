"""The messages of reading portfolio and framework files and of opening, creating and reaching
workspaces (:mod:`models.files`, :mod:`models.store`), in English and Simplified Chinese, said
in the language of whoever asked (:func:`models.core.speech.speaking`; the command line speaks
its ``--lang``). Placeholders in braces are filled with ``str.format``; an operating system's
reason is said by :func:`models.core.speech.os_reason`."""

from __future__ import annotations

from models.core.speech import language, words

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "cannot_open": "cannot open the file ({reason})",
        "byte": "byte {n}",
        "line_column": "line {line}, column {column}",
        "not_json": "not valid JSON: {reason}",
        "not_utf8": "not UTF-8 text; is this a Beachhead portfolio?",
        "cannot_read_framework": "cannot read the framework file ({reason})",
        "framework_not_utf8": "cannot read the framework file (not UTF-8 text at byte {n})",
        "exists": "already exists; choose another name",
        "in_use": "is a workspace in use (open in Beachhead, or left by a crash: open it once "
                  "to recover it); choose another name",
        "cannot_reach": "cannot reach the server ({reason})",
        "link_unlike": "is a link to {target}, which is not a workspace (.beachhead) and is "
                       "never replaced by one; choose another name",
        "full_disk": "cannot be opened for writing: the disk is full, and a workspace needs "
                     "room beside it for its journal ({name}-wal, {name}-shm), even to be "
                     "read; free some space and try again (the workspace is unchanged)",
    },
    "zh_CN": {
        "cannot_open": "无法打开文件（{reason}）",
        "byte": "第 {n} 字节",
        "line_column": "第 {line} 行第 {column} 列",
        "not_json": "不是有效的 JSON：{reason}",
        "not_utf8": "不是 UTF-8 文本；这是 Beachhead 组合文件吗？",
        "cannot_read_framework": "无法读取框架文件（{reason}）",
        "framework_not_utf8": "无法读取框架文件（第 {n} 字节起不是 UTF-8 文本）",
        "exists": "文件已存在；请换一个名称",
        "in_use": "是正在使用的工作区（已在 Beachhead 中打开，或因崩溃遗留：请先打开一次以"
                  "恢复它）；请换一个名称",
        "cannot_reach": "无法连接服务器（{reason}）",
        "link_unlike": "这是指向 {target} 的链接，该文件不是工作区（.beachhead），不会被工作区"
                       "替换；请换一个名称",
        "full_disk": "无法以写入方式打开：磁盘已满，而工作区即使只是读取，也需要在旁边写入日志"
                     "文件（{name}-wal、{name}-shm）；请腾出空间后重试（工作区未被改动）",
    },
}


#: Python's JSON parser's reasons (``json.JSONDecodeError.msg``), in Chinese; another reason
#: is given in the parser's own words.
JSON_REASONS_ZH = {
    "Expecting value": "此处应为一个值",
    "Expecting property name enclosed in double quotes": "此处应为用双引号括起的字段名",
    "Expecting ',' delimiter": "此处应为逗号“,”",
    "Expecting ':' delimiter": "此处应为冒号“:”",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "字符串中有无效的控制字符",
    "Extra data": "JSON 内容结束后还有多余的数据",
    "Invalid \\escape": "无效的转义序列",
}


def json_reason(msg: str) -> str:
    """Why Python's JSON parser refused a text (its ``msg``), in the current language."""
    return JSON_REASONS_ZH.get(msg, msg) if language() == "zh_CN" else msg


def say(key: str, **values: object) -> str:
    """The message ``key`` in the current language."""
    return words(TEXTS, key, **values)
