"""The headless command line: output formats, exit status, messages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from models.engine.results import score_portfolio
from models.engine.sample import sample_portfolio, synthetic_portfolio
from models.files.portfolio_file import dumps_portfolio, save_portfolio
from models.store.access import read_portfolio_file
from models.store.sqlite import is_workspace
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
#: The per-assessment output of ``score`` (its behaviour before perspectives).
OLD = ("--perspective", "assessments")


def test_score_json_has_every_assessment(capsys, sample_file):
    code, out, _ = run_cli(capsys, "score", str(sample_file), *OLD, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    expected = score_portfolio(sample_portfolio())
    assert len(rows) == len(expected) == 13
    keys = {"startup", "assessor", "role", "date", "overall", "pillars", "completeness",
            "postures", "deal_breakers", "top_improvements", "framework"}
    for row, res in zip(rows, expected, strict=True):
        assert set(row) == keys
        assert row["framework"] == {"id": "beachhead.llm-startups", "version": "1.0.0"}
        assert row["overall"] == res.overall
        assert set(row["pillars"]) == {"niche", "tech", "eco", "press", "cap"}
        assert all(set(t) == {"criterion", "gain", "fixes", "needs"}
                   for t in row["top_improvements"])
    chat = next(r for r in rows if r["startup"] == "Chattersky" and r["role"] == "investor")
    assert chat["overall"] == pytest.approx((0 + 18.75 + 25 / 3 + 5 + 25) / 5)


def test_score_csv_and_table(capsys, sample_file):
    code, out, _ = run_cli(capsys, "score", str(sample_file), *OLD, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 13
    assert rows[0].keys() >= {"startup", "overall", "pillars.niche", "completeness", "postures"}
    assert float(rows[0]["completeness"]) == 1.0
    code, out, _ = run_cli(capsys, "score", str(sample_file), *OLD)
    assert code == 0 and "Chattersky" in out and "Head-on without a niche" in out


def test_score_with_scenario(capsys, sample_file):
    _, base, _ = run_cli(capsys, "score", str(sample_file), *OLD, "--format", "json")
    code, out, _ = run_cli(capsys, "score", str(sample_file), *OLD, "--format", "json",
                       "--scenario", "Financing thaw")
    assert code == 0
    before, after = json.loads(base), json.loads(out)
    assert all(a["pillars"]["cap"] >= b["pillars"]["cap"] for a, b in zip(after, before,
                                                                          strict=True))
    assert any(a["pillars"]["cap"] > b["pillars"]["cap"] for a, b in zip(after, before,
                                                                         strict=True))


def test_scenario_by_its_name_in_either_language(capsys, sample_file):
    names = ("financing_thaw", " 融资回暖", "FINANCING THAW")
    runs = [run_cli(capsys, "score", str(sample_file), "--format", "csv", "--draws", "50",
                    "--scenario", name) for name in names]
    assert {code for code, _, _ in runs} == {0} and len({out for _, out, _ in runs}) == 1
    code, _, err = run_cli(capsys, "score", str(sample_file), "--scenario", "融资")
    assert code == 2
    assert "financing_thaw (Financing thaw / 融资回暖)" in err


def test_usage_errors_exit_2(capsys, sample_file):
    assert run_cli(capsys, "score")[0] == 2
    assert run_cli(capsys, "score", str(sample_file), "--format", "xml")[0] == 2
    code, _, err = run_cli(capsys, "score", str(sample_file), "--scenario", "nope")
    assert code == 2 and "financing_thaw" in err
    assert run_cli(capsys)[0] == 2
    assert run_cli(capsys, "sample", "-o", "x", "--size", "-3")[0] == 2
    # the assessments are listed, not ranked: no gates to ignore
    code, out, err = run_cli(capsys, "score", str(sample_file), "--perspective", "assessments",
                             "--ignore-gates")
    assert (code, out) == (2, "")
    assert err == ("beachhead score: --ignore-gates ranks startups; --perspective assessments "
                   "lists every assessment unranked, so it has no gates to ignore\n")


def test_bad_input_exit_1_one_line_per_problem(capsys, tmp_path):
    doc = json.loads(dumps_portfolio(sample_portfolio()))
    doc["startups"][0]["assessments"][0]["scores"]["cap.runway"]["value"] = 9
    doc["startups"][1]["name"] = "   "
    bad = tmp_path / "bad.beachhead"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run_cli(capsys, "score", str(bad))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(str(bad)) for line in lines)
    assert "startups[0].assessments[0].scores.cap.runway.value" in err
    assert "startups[1].name" in err
    code, _, err = run_cli(capsys, "score", str(tmp_path / "missing.beachhead"))
    assert code == 1 and "cannot open" in err and "Traceback" not in err


def test_sample_size_and_seed(capsys, tmp_path):
    a, b = tmp_path / "a.beachhead", tmp_path / "b.beachhead"
    assert run_cli(capsys, "sample", "-o", str(a), "--size", "30", "--seed", "7")[0] == 0
    assert run_cli(capsys, "sample", "-o", str(b), "--size", "30", "--seed", "7")[0] == 0
    assert is_workspace(a) and read_portfolio_file(a) == read_portfolio_file(b)
    assert read_portfolio_file(a) == synthetic_portfolio(30, 7)
    code, out, _ = run_cli(capsys, "score", str(a), *OLD, "--format", "json")
    assert code == 0 and len(json.loads(out)) == 30


def test_unwritable_output_is_bad_input(capsys, tmp_path):
    code, _, err = run_cli(capsys, "sample", "-o", str(tmp_path / "no" / "such" / "dir.beachhead"))
    assert code == 1 and "Traceback" not in err


def test_lang_zh_cn(capsys, sample_file):
    code, out, _ = run_cli(capsys, "score", str(sample_file), *OLD, "--format", "json",
                           "--lang", "zh_CN")
    assert code == 0
    names = {n for r in json.loads(out) for n in r["postures"]}
    assert names and all(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names)


def test_entry_point_runs_without_qt(tmp_path):
    """The console script's subcommands never import Qt (nor does ``models``)."""
    code = (
        "import sys, runpy\n"
        "from gui.launcher import main\n"
        f"rc = main(['sample', '-o', {str(tmp_path / 's.beachhead')!r}])\n"
        "import models.cli.main, models.engine.results, models.files.portfolio_file\n"
        "import models.engine.sample\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "assert rc == 0 and not bad, (rc, bad)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_every_models_module_imports_without_qt():
    code = (
        "import importlib, pkgutil, sys, models\n"
        "names = [m.name for m in pkgutil.walk_packages(models.__path__, 'models.')]\n"
        "assert len(names) > 60, names\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_sample_never_replaces_an_existing_file(capsys, tmp_path):
    # a workspace holds its history: a sample written over it would lose it
    json_file, workspace = tmp_path / "p.beachhead", tmp_path / "w.beachhead"
    save_portfolio(sample_portfolio(), json_file)
    assert run_cli(capsys, "sample", "-o", str(workspace), "--size", "3")[0] == 0
    for path in (json_file, workspace):
        before = path.read_bytes()
        code, _, err = run_cli(capsys, "sample", "-o", str(path), "--size", "5")
        assert (code, err) == (1, f"{path}: already exists; choose another name\n")
        assert path.read_bytes() == before
    assert len(read_portfolio_file(workspace).startups) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.beachhead", "w.beachhead"]


def test_seed_and_draws_are_checked(capsys, sample_file):
    for args in (["analyze", str(sample_file), "--seed", "-5"],
                 ["analyze", str(sample_file), "--draws", "99999999999"],
                 ["analyze", str(sample_file), "--draws", "0"],
                 ["sample", "-o", "x.beachhead", "--seed", "-1"]):
        code, _, err = run_cli(capsys, *args)
        assert code == 2 and "Traceback" not in err, args


@pytest.mark.parametrize("command", ["export", "report"])
def test_negative_draws_name_the_command_range(capsys, tmp_path, sample_file, command):
    out = tmp_path / ("x.xlsx" if command == "export" else "x.pdf")
    code, _, err = run_cli(capsys, command, str(sample_file), "-o", str(out), "--draws", "-1")
    low = "0" if command == "export" else "1"
    assert code == 2 and f"must be between {low} and 100,000" in err


def test_outputs_in_missing_folders_or_over_the_input(capsys, tmp_path, sample_file):
    code, _, err = run_cli(capsys, "export", str(sample_file), "-o",
                       str(tmp_path / "nowhere" / "x.xlsx"))
    assert code == 1 and err.startswith(str(tmp_path / "nowhere" / "x.xlsx"))
    assert "does not exist" in err and ".tmp" not in err
    same = tmp_path / "same.xlsx"
    same.write_bytes(sample_file.read_bytes())
    code, _, err = run_cli(capsys, "export", str(same), "-o", str(same))
    assert code == 2 and "also the input" in err
    assert same.read_bytes() == sample_file.read_bytes()


def test_deeply_nested_json_is_bad_input(capsys, tmp_path):
    deep = tmp_path / "deep.beachhead"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run_cli(capsys, "score", str(deep))
    assert code == 1 and "nested too deeply" in err


def test_csv_never_starts_a_cell_with_a_formula(capsys, tmp_path):
    from models.core.portfolio import Assessment, Startup

    p = sample_portfolio()
    p.startups.append(Startup(name='=HYPERLINK("http://x","y")', assessments=[
        Assessment(assessor="@admin")]))
    path = tmp_path / "evil.beachhead"
    save_portfolio(p, path)
    code, out, _ = run_cli(capsys, "score", str(path), *OLD, "--format", "csv")
    assert code == 0
    row = list(csv.DictReader(io.StringIO(out)))[-1]
    assert row["startup"] == "'=HYPERLINK(\"http://x\",\"y\")" and row["assessor"] == "'@admin"


def test_table_rounds_halves_away_from_zero_like_a_spreadsheet(capsys, sample_file):
    # Gearloom's second assessment scores exactly 59.25 overall (hand-checked in
    # tests/domain/test_rounding.py's way: Python's own format would print 59.2)
    code, out, _ = run_cli(capsys, "score", str(sample_file), *OLD)
    assert code == 0
    assert "59.3" in out and "59.2" not in out
    assert "24.3" in out and "67.3" in out and "41.3" in out


def test_framework_names_that_look_like_formulas_are_escaped(capsys, tmp_path):
    from models.core.portfolio import Assessment, Portfolio, Score, Startup
    from tests.helpers import t, tiny_framework

    base = tiny_framework()
    data = base.model_dump(mode="json")
    data["postures"][0]["name"] = t("=HYPERLINK(\"http://x\")")
    data["deal_breakers"][0]["name"] = t("+fatal")
    fw = type(base).model_validate(data)
    levels = {"a.x": 5, "a.y": 4, "b.z": 2, "b.w": 5}
    port = Portfolio(framework=fw, startups=[Startup(name="-Minus", assessments=[
        Assessment(assessor="@bob", role="investor",
                   scores={k: Score(value=v) for k, v in levels.items()})])])
    path = tmp_path / "f.beachhead"
    save_portfolio(port, path)
    code, out, _ = run_cli(capsys, "score", str(path), *OLD, "--format", "csv")
    assert code == 0
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["startup"] == "'-Minus"
    assert row["assessor"] == "'@bob"
    assert row["postures"] == "'=HYPERLINK(\"http://x\")"
    assert row["deal_breakers"] == "'+fatal"
    code, out, _ = run_cli(capsys, "score", str(path), *OLD)
    body = out.splitlines()[2]
    assert body.startswith("'-Minus")
    assert "'=HYPERLINK" in body and "'+fatal" in body and "'@bob" in body


@pytest.mark.parametrize(("code", "words"), [
    (28, "the disk is full"),            # ENOSPC
    (13, "permission denied"),           # EACCES
    (16, "the file is in use by another program"),  # EBUSY
])
def test_failed_write_is_one_line_naming_the_users_file(capsys, tmp_path, sample_file,
                                                       monkeypatch, code, words):
    import os as os_module

    from models.files import atomic as atomic_file

    out = tmp_path / "ranking.xlsx"

    def refuse(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(code, os_module.strerror(code), src)

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    status, _, err = run_cli(capsys, "export", str(sample_file), "-o", str(out))
    assert status == 1
    lines = err.strip().splitlines()
    assert lines[-1].startswith(f"{out}: could not be written: {words}")
    assert ".tmp" not in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["analyze", "export", "report"])
def test_help_states_the_draws_cap(capsys, command):
    from models.cli.parser import MAX_DRAWS

    code, out, _ = run_cli(capsys, command, "--help")
    assert code == 0
    assert f"{MAX_DRAWS:,}" in " ".join(out.split())


def test_table_keeps_a_name_with_control_characters_on_its_row(capsys, tmp_path):
    port = sample_portfolio()
    port.startups[0].name = "Line1\nLine2\tTab\x07Bell"  # as a hand-edited file may hold
    path = tmp_path / "ctrl.beachhead"
    save_portfolio(port, path)
    code, out, _ = run_cli(capsys, "score", str(path), "--draws", "20")
    assert code == 0
    lines = out.splitlines()
    # heading, blank line, header and rule, one line per startup, the framework
    assert len(lines) == 4 + 8 + 1
    row = next(x for x in lines if "Line1" in x)
    assert "Line1 Line2 Tab Bell  -" in row and row.split()[0] == "4"
    code, out, _ = run_cli(capsys, "score", str(path), "--format", "json", "--draws", "20")
    assert "Line1\nLine2\tTab\x07Bell" in [r["startup"] for r in json.loads(out)]  # data kept


def test_failed_write_is_told_in_the_commands_language(capsys, tmp_path, sample_file,
                                                      monkeypatch):
    import os as os_module

    from models.files import atomic as atomic_file

    out = tmp_path / "ranking.xlsx"

    def refuse(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(28, os_module.strerror(28), src)

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    status, _, err = run_cli(capsys, "export", str(sample_file), "-o", str(out), "--lang",
                             "zh_CN")
    assert status == 1
    assert err.strip().splitlines()[-1] == (
        f"{out}：无法写入：磁盘已满；请腾出空间，或保存到另一块磁盘")
    status, _, err = run_cli(capsys, "--lang", "zh_CN", "export", str(sample_file), "-o",
                             str(tmp_path / "missing" / "r.xlsx"))
    assert (status, err.strip()) == (1, f"{tmp_path / 'missing' / 'r.xlsx'}: 要写入的文件夹不存在")


def test_write_failure_in_chinese_quotes_the_system_for_an_uncommon_reason():
    from models.core.errors import write_failure

    assert write_failure(OSError(71, "Protocol error", "/x/a.xlsx"), None, "zh_CN") == (
        "/x/a.xlsx：无法写入：系统信息：“Protocol error”；请换一个文件夹或文件名")
    assert write_failure(OSError("no reason given"), None, "zh_CN") == (
        "无法写入：系统信息：“no reason given”；请换一个文件夹或文件名")
    assert write_failure(OSError(71, "Protocol error", "/x/a.xlsx")) == (
        "/x/a.xlsx: could not be written: Protocol error; try another folder or name")
