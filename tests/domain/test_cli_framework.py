"""``beachhead framework validate`` and ``diff``: a summary line or every problem with its
field; the differences in words and the kind of version change, between framework files and
portfolios' frameworks."""

from __future__ import annotations

import json
from pathlib import Path

from models.core.portfolio import Portfolio
from models.files.framework_file import default_framework, save_framework
from models.files.portfolio_file import save_portfolio
from models.store.workspace import Workspace
from tests.helpers import run_cli

DEFAULT = "resources/frameworks/default.json"


def _edited(tmp_path: Path, name: str, edit) -> str:
    data = default_framework().model_dump(mode="json")
    edit(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_validate_prints_one_line(capsys):
    code, out, err = run_cli(capsys, "framework", "validate", DEFAULT)
    assert (code, err) == (0, "")
    assert out == (f"{DEFAULT}: valid framework beachhead.llm-startups 1.0.0: 5 pillars, "
                   "18 criteria, 11 rules (7 postures, 4 deal-breakers), 4 scenarios\n")
    code, out, _ = run_cli(capsys, "framework", "validate", "--lang", "zh_CN", DEFAULT)
    assert code == 0 and "5 个支柱，18 项标准，11 条规则" in out


def test_validate_names_every_problem_with_its_field(capsys, tmp_path):
    def break_it(d):
        d["deal_breakers"][0]["when"][0]["ref"] = "criterion:cap.nope"
        d["pillars"][1]["criteria"][0]["rubric"][2]["en"] = ""
        d["pillars"][2]["weight"] = 0

    bad = _edited(tmp_path, "bad.json", break_it)
    code, out, err = run_cli(capsys, "framework", "validate", bad)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{bad}: pillars[1].criteria[0].rubric[2].en: The English text is empty",
        f"{bad}: pillars[2].weight: The weight must be a number from 0.0001 to 10000",
        f"{bad}: deal_breakers[0].when[0].ref: 'criterion:cap.nope' names no criterion of "
        "this framework",
    ]
    not_json = tmp_path / "broken.json"
    not_json.write_text("{", encoding="utf-8")
    code, _, err = run_cli(capsys, "framework", "validate", str(not_json))
    assert code == 1 and err.startswith(f"{not_json}: line 1, column 2: not valid JSON")


def test_diff_of_files_says_what_changed_and_the_kind(capsys, tmp_path):
    def reword_and_weigh(d):
        d["pillars"][0]["criteria"][0]["rubric"][2]["en"] = "A segment, 2 or 3 tasks won."
        d["pillars"][2]["weight"] = 2

    b = _edited(tmp_path, "b.json", reword_and_weigh)
    code, out, err = run_cli(capsys, "framework", "diff", DEFAULT, b)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{DEFAULT} (beachhead.llm-startups 1.0.0) → {b} (beachhead.llm-startups 1.0.0)",
        "  Rubric level 3 of Segment focus reworded (English text)",
        "  Weight of pillar Ecosystem 1 → 2",
        "a minor change: as the next version of 1.0.0, Beachhead: LLM startups against the "
        "incumbents would be 1.1.0",
    ]
    code, out, _ = run_cli(capsys, "framework", "diff", "--lang", "zh_CN", DEFAULT, b)
    assert out.splitlines()[1:] == [
        "  标准“细分聚焦”的第 3 级评分说明已改写（英文）",
        "  支柱“生态”的权重 1 → 2",
        "属于次版本变更：作为 1.0.0 的下一版本，Beachhead：大模型创业公司对阵巨头 应为 1.1.0",
    ]


def test_diff_reads_the_framework_of_portfolios(capsys, tmp_path):
    shipped = default_framework()
    portfolio_json = tmp_path / "deals.json"
    save_portfolio(Portfolio(framework=shipped), portfolio_json)
    workspace = tmp_path / "deals.beachhead"
    heavier = shipped.with_weights(pillar_weights={"cap": 3.0})
    Workspace.create(workspace, Portfolio(framework=heavier), who="Ann").close()
    code, out, err = run_cli(capsys, "framework", "diff", str(portfolio_json), str(workspace))
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "  Weight of pillar Capital resilience 1 → 3",
        "a minor change: as the next version of 1.0.0, Beachhead: LLM startups against the "
        "incumbents would be 1.1.0",
    ]
    save_framework(shipped, tmp_path / "same.json")
    code, out, _ = run_cli(capsys, "framework", "diff", str(portfolio_json),
                           str(tmp_path / "same.json"))
    assert out.splitlines()[1] == "no differences: the two frameworks have the same content"


def test_framework_needs_an_action(capsys):
    code, _, err = run_cli(capsys, "framework")
    assert code == 2 and "ACTION" in err
