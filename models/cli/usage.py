"""Usage errors in the command's language: the parser (:class:`Parser`) words argparse's own
complaints ("invalid choice", "the following arguments are required"…) in Chinese under
``--lang zh_CN`` after the usage line, and the argument types' refusals and the command
line's own last words (interrupted, out of memory) are said from :data:`TEXTS` (by
:func:`models.core.speech.words`, as :mod:`models.cli.import_texts` says its own). The
language is ``--lang``'s, found in the arguments before they are parsed
(:func:`language_asked`) so that a bad argument is refused in it."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from models.cli.common import EXIT_USAGE
from models.core.speech import language, words

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "error": "{prog}: error: {message}",
        "argument": "argument {name}: {message}",
        "choice": "invalid choice: {value} (choose from {choices})",
        "required": "the following arguments are required: {names}",
        "unrecognized": "unrecognized arguments: {args}",
        "one_argument": "expected one argument",
        "one_of": "one of the arguments {names} is required",
        "not_allowed": "not allowed with argument {name}",
        "ambiguous": "ambiguous option: {option} could match {matches}",
        "no_command": "beachhead: error: name a command, e.g. 'beachhead score FILE'",
        "not_whole": "'{value}' is not a whole number",
        "not_number": "'{value}' is not a number",
        "zero_or_more": "must be zero or more",
        "one_or_more": "must be 1 or more",
        "above_zero": "must be a number greater than 0",
        "seed": "must be below 4294967296",
        "between": "must be between {low:,} and {high:,}",
        "perspective": "unknown perspective '{value}'; use one of investor, founder, latest "
                       "or assessor:NAME",
        "or_assessments": "{message}, or assessments",
        "interrupted": "beachhead: interrupted",
        "memory": "beachhead {command}: not enough memory for this; try fewer draws or a "
                  "smaller portfolio",
        "unexpected": "beachhead {command}: unexpected problem ({problem}). Nothing was "
                      "written.",
    },
    "zh_CN": {
        "error": "{prog}：错误：{message}",
        "argument": "参数 {name}：{message}",
        "choice": "无效的选项{value}（可选：{choices}）",
        "required": "缺少必需的参数：{names}",
        "unrecognized": "无法识别的参数：{args}",
        "one_argument": "需要一个值",
        "one_of": "必须给出参数 {names} 之一",
        "not_allowed": "不能与参数 {name} 同时使用",
        "ambiguous": "选项 {option} 有歧义，可能是 {matches}",
        "no_command": "beachhead：错误：请指定一个命令，例如“beachhead score FILE”",
        "not_whole": "“{value}”不是整数",
        "not_number": "“{value}”不是数字",
        "zero_or_more": "必须为 0 或更大",
        "one_or_more": "必须为 1 或更大",
        "above_zero": "必须是大于 0 的数",
        "seed": "必须小于 4294967296",
        "between": "必须在 {low:,} 到 {high:,} 之间",
        "perspective": "未知视角“{value}”；请使用 investor、founder、latest 或 assessor:NAME "
                       "之一",
        "or_assessments": "{message}，或 assessments",
        "interrupted": "beachhead：已中断",
        "memory": "beachhead {command}：内存不足；请减少抽样次数或使用较小的组合",
        "unexpected": "beachhead {command}：意外问题（{problem}）。未写入任何内容。",
    },
}


def say(key: str, **values: object) -> str:
    """The text ``key`` in the command's language."""
    return words(TEXTS, key, **values)


def language_asked(argv: Sequence[str]) -> str:
    """The language ``--lang`` asks for in ``argv`` (the last one given), ``en`` without one."""
    lang = "en"
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang


#: argparse's complaints (English, as Python words them) and the text each becomes.
_ARGPARSE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), key) for pattern, key in (
        (r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$", "choice"),
        (r"the following arguments are required: (?P<names>.*)$", "required"),
        (r"unrecognized arguments: (?P<args>.*)$", "unrecognized"),
        (r"expected one argument$", "one_argument"),
        (r"one of the arguments (?P<names>.*) is required$", "one_of"),
        (r"not allowed with argument (?P<name>.*)$", "not_allowed"),
        (r"ambiguous option: (?P<option>.*?) could match (?P<matches>.*)$", "ambiguous"),
    ))
_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)$", re.S)


def reworded(message: str) -> str:
    """An argparse complaint in the command's language (the ones the program words itself,
    from the argument types, are already in it)."""
    if language() == "en":
        return message
    argument = _ARGUMENT.match(message)
    if argument:
        return say("argument", name=argument["name"], message=reworded(argument["message"]))
    for pattern, key in _ARGPARSE:
        found = pattern.match(message)
        if found:
            return say(key, **{k: _quoted(v) for k, v in found.groupdict().items()})
    return message


def _quoted(listed: str) -> str:
    """Values argparse lists in Python's quotes (``'a', 'b'``) in Chinese ones (“a”、“b”)."""
    values = [v.strip() for v in listed.split(", ")]
    if not all(len(v) > 1 and v[0] == v[-1] == "'" for v in values):
        return listed
    return "、".join(f"“{v[1:-1]}”" for v in values)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are in the command's language."""

    def error(self, message: str) -> NoReturn:
        """Print the usage line and the complaint, and exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, say("error", prog=self.prog, message=reworded(message)) + "\n")
