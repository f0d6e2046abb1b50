"""Under ``--lang zh_CN`` every message of the command line is Chinese: what copy wrote, an
output that exists, a file that cannot be opened or read (the system's reason in Chinese for
the common ones), an unknown framework id, a file that is not UTF-8, a wrong output kind,
usage errors (the program's own and argparse's, after the usage line), a server that cannot
be reached, and progress lines (thousands separated); the English texts are unchanged."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from models.core.speech import os_reason
from models.engine.sample import sample_portfolio
from models.files.portfolio_file import save_portfolio
from models.store.workspace import Workspace
from tests.helpers import run_cli

ZH = ("--lang", "zh_CN")


@pytest.fixture
def deals(tmp_path: Path) -> Path:
    path = tmp_path / "deals.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    return path


def test_copy_says_what_it_wrote(capsys, tmp_path: Path, deals: Path):  # type: ignore[no-untyped-def]
    out = tmp_path / "copy.beachhead"
    assert run_cli(capsys, *ZH, "copy", str(deals), str(out)) == (
        0, "", f"已写入 {out}：工作区 {deals} 的副本\n")
    js = tmp_path / "deals.json"
    save_portfolio(sample_portfolio(), js)
    n = len(sample_portfolio().startups)
    out2 = tmp_path / "fromjson.beachhead"
    assert run_cli(capsys, *ZH, "copy", str(js), str(out2)) == (
        0, "", f"已写入 {out2}：包含 JSON 组合 {js} 的工作区（{n} 家初创公司）\n")
    out3 = tmp_path / "again.beachhead"
    assert run_cli(capsys, "copy", str(js), str(out3)) == (
        0, "", f"wrote {out3}: a workspace holding the JSON portfolio {js} ({n} startups)\n")


def test_an_existing_output_is_refused_in_chinese(capsys, tmp_path: Path, deals: Path):  # type: ignore[no-untyped-def]
    assert run_cli(capsys, *ZH, "sample", "-o", str(deals)) == (
        1, "", f"{deals}: 文件已存在；请换一个名称\n")
    book = tmp_path / "t.xlsx"
    assert run_cli(capsys, "template", "-o", str(book))[0] == 0
    assert run_cli(capsys, *ZH, "import", str(book), "-o", str(deals)) == (
        1, "", f"{deals}: 文件已存在；-o 写入的是新工作区（要添加到这个工作区：--into {deals}）\n")


def test_files_that_cannot_be_opened_say_why_in_chinese(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    missing = tmp_path / "nothere.beachhead"
    assert run_cli(capsys, *ZH, "score", str(missing)) == (
        1, "", f"{missing}: 无法打开文件（文件或文件夹不存在）\n")
    fw = tmp_path / "nonexist.json"
    assert run_cli(capsys, *ZH, "framework", "validate", str(fw)) == (
        1, "", f"{fw}: 无法读取框架文件（文件或文件夹不存在）\n")
    assert run_cli(capsys, *ZH, "framework", "validate", str(tmp_path)) == (
        1, "", f"{tmp_path}: 无法读取框架文件（这是文件夹）\n")
    (tmp_path / "plain.json").write_text("{}", encoding="utf-8")
    below = tmp_path / "plain.json" / "fw.json"
    assert run_cli(capsys, *ZH, "framework", "validate", str(below)) == (
        1, "", f"{below}: 无法读取框架文件（路径中有一部分不是文件夹）\n")
    assert run_cli(capsys, "framework", "validate", str(fw)) == (
        1, "", f"{fw}: cannot read the framework file (No such file or directory)\n")


def test_the_systems_reasons_in_chinese_for_the_common_errors_only():
    cases = {errno.ENOENT: "文件或文件夹不存在", errno.EACCES: "权限不足",
             errno.EISDIR: "这是文件夹", errno.ENOTDIR: "路径中有一部分不是文件夹"}
    for code, said in cases.items():
        assert os_reason(OSError(code, "system words"), "zh_CN") == said
        assert os_reason(OSError(code, "system words"), "en") == "system words"
    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links"),
                     "zh_CN") == "Too many levels of symbolic links"


def test_an_unknown_framework_id_is_named_as_such(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    out = tmp_path / "t.xlsx"
    assert run_cli(capsys, *ZH, "template", "-o", str(out), "--framework", "nosuchid") == (
        1, "", "nosuchid: 没有这个文件，也没有此 id 的内置框架；应为框架文件（JSON）、使用其框架的"
               "工作区或 JSON 组合，或内置框架的 id（见“beachhead framework list”）\n")
    assert not out.exists()


def test_a_file_that_is_not_utf8_text(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    book = tmp_path / "t.xlsx"
    assert run_cli(capsys, "template", "-o", str(book))[0] == 0
    with pytest.raises(UnicodeDecodeError) as decoding:
        book.read_bytes().decode("utf-8")
    at = decoding.value.start
    out = tmp_path / "new.beachhead"
    assert run_cli(capsys, *ZH, "import", str(book), "-o", str(out), "--framework",
                   str(book)) == (
        1, "", f"{book}: 第 {at} 字节: 不是 UTF-8 文本；这是 Beachhead 组合文件吗？\n")


def test_a_wrong_output_kind(capsys, deals: Path):  # type: ignore[no-untyped-def]
    assert run_cli(capsys, *ZH, "export", str(deals), "-o", "out.txt") == (
        2, "", "beachhead export: 输出文件必须是 .xlsx 或 .json 文件，而不是“out.txt”\n")
    assert run_cli(capsys, "export", str(deals), "-o", "out.txt") == (
        2, "", "beachhead export: the output must be an .xlsx or .json file, not 'out.txt'\n")


def _usage_error(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Exit status, the usage line's first line and the last line of a usage error."""
    code, _, err = run_cli(capsys, *args)
    lines = err.splitlines()
    return code, lines[0], lines[-1]


def test_usage_errors_in_chinese_after_the_usage_line(capsys, deals: Path):  # type: ignore[no-untyped-def]
    usage = "usage: beachhead score [-h] [--lang {en,zh_CN}] [--perspective P]"
    assert _usage_error(capsys, *ZH, "score", str(deals), "--perspective", "bogus") == (
        2, usage, "beachhead score：错误：参数 --perspective：未知视角“bogus”；请使用 investor、"
                  "founder、latest 或 assessor:NAME 之一，或 assessments")
    assert _usage_error(capsys, "score", str(deals), "--format", "bogus", *ZH) == (
        2, usage, "beachhead score：错误：参数 --format：无效的选项“bogus”（可选：“table”、“csv”、"
                  "“json”）")
    assert _usage_error(capsys, *ZH, "score") == (
        2, usage, "beachhead score：错误：缺少必需的参数：FILE")
    assert _usage_error(capsys, *ZH, "score", str(deals), "--draws", "x") == (
        2, usage, "beachhead score：错误：参数 --draws：“x”不是整数")
    assert _usage_error(capsys, *ZH, "score", str(deals), "--draws", "0") == (
        2, usage, "beachhead score：错误：参数 --draws：必须在 1 到 100,000 之间")
    assert _usage_error(capsys, "--lang=zh_CN", "score", str(deals), "--bogus") == (
        2, "usage: beachhead [-h] [--lang {en,zh_CN}] [--version] COMMAND ...",
        "beachhead：错误：无法识别的参数：--bogus")
    assert _usage_error(capsys, "score", str(deals), "--perspective", "bogus") == (
        2, usage, "beachhead score: error: argument --perspective: unknown perspective "
                  "'bogus'; use one of investor, founder, latest or assessor:NAME, or "
                  "assessments")
    assert _usage_error(capsys, "score", str(deals), "--format", "bogus") == (
        2, usage, "beachhead score: error: argument --format: invalid choice: 'bogus' "
                  "(choose from 'table', 'csv', 'json')")


def test_a_server_that_cannot_be_reached(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    address = "postgresql://u@localhost:1/db"
    code, out, err = run_cli(capsys, *ZH, "template", "-o", str(tmp_path / "t.xlsx"),
                             "--framework", address)
    assert (code, out) == (1, "")
    assert err.startswith(f"{address}: 无法连接服务器（") and err.endswith("）\n")


def test_progress_lines_in_chinese_thousands_separated(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    big = tmp_path / "big.beachhead"
    assert run_cli(capsys, *ZH, "sample", "-o", str(big), "--size", "2000") == (
        0, "", f"正在生成 2,000 家模拟初创公司…\n已写入 {big}：2,000 家初创公司，2,000 项评估\n")
    out = tmp_path / "big.xlsx"
    assert run_cli(capsys, *ZH, "export", str(big), "-o", str(out), "--draws", "0") == (
        0, "", f"已导出 2,000 项评估中的 1,000 项…\n已写入 {out}：2,000 项评估\n")
    out2 = tmp_path / "big2.xlsx"
    assert run_cli(capsys, "export", str(big), "-o", str(out2), "--draws", "0") == (
        0, "", f"exported 1,000 of 2,000 assessments…\nwrote {out2}: 2,000 assessments\n")


def test_the_commands_own_refusals_in_chinese(capsys, tmp_path: Path, deals: Path):  # type: ignore[no-untyped-def]
    code, _, err = run_cli(capsys, *ZH, "score", str(deals), "--scenario", "bogus")
    assert code == 2 and err.startswith("beachhead score: 未知情景“bogus”；此框架的情景有："
                                        "sleeping_giant_enters (")
    assert run_cli(capsys, *ZH, "score", str(deals), "--perspective", "assessor:gao ming") == (
        1, "", f"{deals}: --perspective: 没有“gao ming”所做的评估，因此无可排名；该名称与“Gao Ming”"
               "仅在大小写或空格上不同；请准确输入\n")
    assert run_cli(capsys, *ZH, "export", str(deals), "-o", str(deals), "--format", "json",
                   "--overwrite") == (
        2, "", f"beachhead export: 输出文件 {deals} 同时也是输入文件；请换一个文件\n")
    js = tmp_path / "deals.json"
    save_portfolio(sample_portfolio(), js)
    assert run_cli(capsys, *ZH, "history", str(js)) == (
        2, "", f"beachhead history: history 需要工作区（工作区保留每次修改的历史）；{js} 是 JSON "
               f"组合（可先转换：beachhead copy {js} NEW.beachhead）\n")
    assert _usage_error(capsys, *ZH, "score", str(deals), "--as-of", "garbage")[2] == (
        "beachhead score：错误：参数 --as-of：“garbage”不是日期或日期时间（YYYY-MM-DD，或 "
        "YYYY-MM-DDTHH:MM[:SS]，可带 Z 或 ±HH:MM）")


def test_a_file_that_is_not_json(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text('{"pillars" 1}', encoding="utf-8")
    assert run_cli(capsys, *ZH, "framework", "validate", str(bad)) == (
        1, "", f"{bad}: 第 1 行第 12 列: 不是有效的 JSON：此处应为冒号“:”\n")
    assert run_cli(capsys, *ZH, "score", str(bad)) == (
        1, "", f"{bad}: 第 1 行第 12 列: 不是有效的 JSON：此处应为冒号“:”\n")
    assert run_cli(capsys, "score", str(bad)) == (
        1, "", f"{bad}: line 1, column 12: not valid JSON: Expecting ':' delimiter\n")
