"""The messages of reading portfolio and framework files and of opening, creating and reaching
workspaces (:mod:`models.files`, :mod:`models.store`), in English and Simplified Chinese, said
in the language of whoever asked (:func:`models.core.speech.speaking`; the command line speaks
its ``--lang``). Placeholders in braces are filled with ``str.format``; an operating system's
reason is said by :func:`models.core.speech.os_reason`."""

from __future__ import annotations

from models.core.speech import words

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "cannot_open": "cannot open the file ({reason})",
        "byte": "byte {n}",
        "not_utf8": "not UTF-8 text; is this a Beachhead portfolio?",
        "cannot_read_framework": "cannot read the framework file ({reason})",
        "framework_not_utf8": "cannot read the framework file (not UTF-8 text at byte {n})",
        "exists": "already exists; choose another name",
        "in_use": "is a workspace in use (open in Beachhead, or left by a crash: open it once "
                  "to recover it); choose another name",
        "cannot_reach": "cannot reach the server ({reason})",
    },
    "zh_CN": {
        "cannot_open": "无法打开文件（{reason}）",
        "byte": "第 {n} 字节",
        "not_utf8": "不是 UTF-8 文本；这是 Beachhead 组合文件吗？",
        "cannot_read_framework": "无法读取框架文件（{reason}）",
        "framework_not_utf8": "无法读取框架文件（第 {n} 字节起不是 UTF-8 文本）",
        "exists": "文件已存在；请换一个名称",
        "in_use": "是正在使用的工作区（已在 Beachhead 中打开，或因崩溃遗留：请先打开一次以"
                  "恢复它）；请换一个名称",
        "cannot_reach": "无法连接服务器（{reason}）",
    },
}


def say(key: str, **values: object) -> str:
    """The message ``key`` in the current language."""
    return words(TEXTS, key, **values)
