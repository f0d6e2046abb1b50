"""The founder template read back with openpyxl: layout, dropdowns, protection, identity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.cli import main as cli
from models.files.framework_file import default_framework
from models.workbook.layout import (
    TEMPLATE_COLUMN,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    TEMPLATE_SHEETS,
)
from models.workbook.template import FIELDS_ROW, template_header_row, write_template
from tests.helpers import tiny_framework
from tests.workbook_corpus import fill_template
from tests.workspaces import read_back


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "t.xlsx"
    assert write_template(default_framework(), path) == []
    return path


@pytest.fixture(scope="module")
def wb(template):
    return load_workbook(template)


def test_sheets(wb):
    assert wb.sheetnames == list(TEMPLATE_SHEETS) == ["Assessment", "Framework", "About"]


def test_startup_fields_at_the_top(wb):
    ws = wb["Assessment"]
    labels = [ws.cell(FIELDS_ROW + n, 1).value for n in range(9)]
    assert labels == ["Startup", "Assessor", "Role", "Date", "Sector", "Stage", "Website",
                      "Framework ID", "Framework version"]
    assert list(TEMPLATE_FIELDS) == labels[:7]
    assert ws.cell(FIELDS_ROW + 2, 2).value == "founder"
    fw = default_framework()
    assert ws.cell(FIELDS_ROW + 7, 2).value == fw.id
    assert ws.cell(FIELDS_ROW + 8, 2).value == fw.version
    assert ws.cell(FIELDS_ROW + 3, 2).number_format == "yyyy-mm-dd"


def test_one_row_per_criterion_with_rubric(wb):
    ws = wb["Assessment"]
    fw = default_framework()
    head = template_header_row(fw)
    header = [c.value for c in ws[head]]
    assert tuple(header) == TEMPLATE_HEADERS
    assert header == ["Criterion ID", "Criterion", "Score", "Confidence", "Rationale",
                      "Evidence", "Question", "Level 1", "Level 2", "Level 3", "Level 4",
                      "Level 5", "Pillar", "Direction", "Weight", "Favourability"]
    pillar_names = {p.id: p.name["en"] for p in fw.pillars}
    for j, c in enumerate(fw.criteria):
        row = [x.value for x in ws[head + 1 + j]]
        assert row[:2] == [c.id, c.name["en"]]
        assert row[2:6] == [None] * 4  # the inputs, empty
        assert row[6] == c.question["en"]
        assert row[7:12] == [level["en"] for level in c.rubric]
        assert row[12:14] == [pillar_names[c.pillar_id], c.direction]
    assert ws.max_row == head + len(fw.criteria)


def test_dropdowns(wb):
    ws = wb["Assessment"]
    fw = default_framework()
    first = template_header_row(fw) + 1
    last = first + len(fw.criteria) - 1
    dvs = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    score = dvs[f"C{first}:C{last}"]
    assert (score.type, score.formula1, score.allow_blank) == ("list", '"1,2,3,4,5"', True)
    assert dvs[f"D{first}:D{last}"].formula1 == '"low,medium,high"'
    assert dvs[f"B{FIELDS_ROW + 2}"].formula1 == '"founder,investor,other"'
    assert dvs[f"B{FIELDS_ROW + 3}"].type == "date"


def test_live_formulas(wb):
    ws = wb["Assessment"]
    fw = default_framework()
    k = len(fw.pillars)
    labels = [ws.cell(FIELDS_ROW + n, 5).value for n in range(k + 2)]
    assert labels == ["Overall", *(p.name["en"] for p in fw.pillars), "Completeness"]
    for n in range(k + 2):
        assert ws.cell(FIELDS_ROW + n, 6).data_type == "f"
    first = template_header_row(fw) + 1
    assert ws.cell(first, TEMPLATE_COLUMN["Weight"]).value.startswith("=Framework!$F$")
    favourability = ws.cell(first, TEMPLATE_COLUMN["Favourability"]).value
    assert favourability.startswith(f"=IF(ISNUMBER(C{first})")
    assert f'IF(N{first}="cost",(5-C{first})/4' in favourability
    assert "Framework!$D$2" in ws.cell(FIELDS_ROW, 6).value
    assert '="yes")' in ws.cell(FIELDS_ROW, 6).value


def test_everything_but_inputs_is_protected_without_password(wb):
    ws = wb["Assessment"]
    assert ws.protection.sheet and not ws.protection.password
    # widening a column or a row to read a long text stays allowed
    assert not ws.protection.formatColumns and not ws.protection.formatRows
    assert wb["Framework"].protection.sheet and not wb["Framework"].protection.password
    assert wb["About"].protection.sheet
    assert wb.security.lockStructure and not wb.security.workbookPassword
    fw = default_framework()
    head = template_header_row(fw)
    inputs = {f"B{FIELDS_ROW + n}" for n in range(len(TEMPLATE_FIELDS))}
    inputs |= {f"{col}{r}" for col in "CDEF" for r in range(head + 1, head + 1 + len(fw.criteria))}
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=16):
        for cell in row:
            if cell.coordinate in inputs:
                assert cell.protection.locked is False, cell.coordinate
            elif cell.value is not None:
                assert cell.protection.locked is not False, cell.coordinate


def test_identity_for_the_importer(wb):
    fw = default_framework()
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["Beachhead workbook"] == "beachhead.template"
    assert props["Beachhead framework id"] == fw.id
    assert props["Beachhead framework version"] == fw.version
    names = wb.defined_names
    assert names["Beachhead_Startup"].attr_text == f"Assessment!$B${FIELDS_ROW}"
    assert names["Beachhead_Criteria"].attr_text.startswith(
        f"Assessment!$A${template_header_row(fw)}:")
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True) if r[0]}
    assert about["Framework ID"] == fw.id and about["Workbook"] == "beachhead.template"


def test_cli_template_with_a_framework_file(tmp_path, capsys):
    fw = tiny_framework()
    src = tmp_path / "tiny.json"
    src.write_text(json.dumps(fw.model_dump(mode="json")), encoding="utf-8")
    out = tmp_path / "t.xlsx"
    assert cli.main(["template", "-o", str(out), "--framework", str(src)]) == 0
    assert "test.tiny" in capsys.readouterr().err
    ws = load_workbook(out)["Assessment"]
    head = template_header_row(fw)
    assert [ws.cell(head + 1 + j, 1).value for j in range(4)] == fw.criterion_ids
    assert ws.cell(FIELDS_ROW + 7, 2).value == "test.tiny"
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert cli.main(["template", "-o", str(out), "--framework", str(bad)]) == 1
    assert cli.main(["template", "-o", str(tmp_path / "t.txt")]) == 2
    assert "template" in cli.COMMANDS


def test_cli_template_for_the_framework_a_portfolio_uses(tmp_path, capsys):
    """A fund that adapted its framework sends founders a template of that framework: the
    workspace (or JSON portfolio) names it, as does a shipped framework's id; a filled copy
    imports back into that workspace."""
    from models.cli.framework_source import read_framework
    from models.engine.sample import sample_portfolio
    from models.store.workspace import Workspace

    fund = tmp_path / "fund.beachhead"
    Workspace.create(fund, sample_portfolio()).close()
    traction = "beachhead.llm-startups-traction"
    assert cli.main(["framework", "migrate", str(fund), "--to", traction]) == 0
    fw = read_framework(str(fund))
    assert "traction.revenue_growth" in fw.criterion_ids
    for source in (str(fund), traction):
        out = tmp_path / "t.xlsx"
        capsys.readouterr()
        assert cli.main(["template", "-o", str(out), "--overwrite", "--framework", source]) == 0
        assert f"{traction} 1.0.0" in capsys.readouterr().err
        ws = load_workbook(out)["Assessment"]
        head = template_header_row(fw)
        assert [ws.cell(head + 1 + j, 1).value for j in range(len(fw.criterion_ids))] == \
            fw.criterion_ids
        assert ws.cell(FIELDS_ROW + 7, 2).value == traction
    filled = tmp_path / "acme.xlsx"
    fill_template(filled, framework=fw)
    assert cli.main(["import", str(filled), "--into", str(fund)]) == 0
    new = tmp_path / "new.beachhead"
    assert cli.main(["import", str(filled), "-o", str(new), "--framework", str(fund)]) == 0
    for path in (fund, new):
        portfolio = read_back(path)
        assert portfolio.framework == fw
        (acme,) = [st for st in portfolio.startups if st.name == "Acme AI"]
        scores = acme.assessments[0].scores
        assert {cid: s.value for cid, s in scores.items()} == {
            cid: (j % 5) + 1 for j, cid in enumerate(fw.criterion_ids)}
