"""``beachhead score`` of a generated portfolio, checked against figures computed here by hand
(the README's formulas, in plain Python): every startup's pillars, overall and completeness,
the order of the ranking, bands that close on the overall when every confidence is high, the
same rows from a workspace and from its JSON export, and the CSV and table saying what the
JSON says."""

from __future__ import annotations

import csv
import io
import json

import pytest

from models.core.portfolio import Portfolio
from models.core.rounding import fixed
from models.engine.sample import synthetic_portfolio
from models.files.portfolio_file import save_portfolio
from tests.helpers import run_cli

SIZE = 150


def by_hand(port: Portfolio) -> dict[str, tuple[float, dict[str, float], float]]:
    """Each startup's (overall, pillars, completeness) from its one investor assessment."""
    fw = port.framework
    total = sum(p.weight for p in fw.pillars if p.enabled)
    out = {}
    for st in port.startups:
        (a,) = [a for a in st.assessments if a.role == "investor"]
        pillars, done = {}, 0.0
        for p in fw.pillars:
            weight = sum(c.weight for c in p.criteria)
            num = den = 0.0
            for c in p.criteria:
                level = a.level(c.id)
                if level is None:
                    continue
                fav = (level - 1) / 4 if c.direction == "benefit" else (5 - level) / 4
                num, den = num + c.weight * fav, den + c.weight
                done += (p.weight / total) * (c.weight / weight) if p.enabled else 0.0
            if den:
                pillars[p.id] = 100 * num / den
        shown = [p for p in fw.pillars if p.enabled and p.id in pillars]
        overall = sum(p.weight * pillars[p.id] for p in shown) / sum(p.weight for p in shown)
        out[st.id] = (overall, pillars, done)
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A generated portfolio as JSON, the same as a workspace, and a copy with every
    confidence high."""
    folder = tmp_path_factory.mktemp("score")
    port = synthetic_portfolio(SIZE, seed=7)
    save_portfolio(port, folder / "port.json")
    sure = port.model_copy(deep=True)
    for st in sure.startups:
        for a in st.assessments:
            for s in a.scores.values():
                s.confidence = "high"
    save_portfolio(sure, folder / "sure.json")
    return port, folder


def score_json(capsys, path, *more):  # type: ignore[no-untyped-def]
    code, out, err = run_cli(capsys, "score", str(path), "--format", "json", "--draws", "300",
                             *more)
    assert code == 0, err
    return json.loads(out)


def test_figures_and_order_are_those_computed_by_hand(capsys, generated):
    port, folder = generated
    rows = score_json(capsys, folder / "port.json")
    expected = by_hand(port)
    assert [r["rank"] for r in rows] == list(range(1, SIZE + 1))
    assert sorted(r["startup_id"] for r in rows) == sorted(expected)
    for r in rows:
        overall, pillars, done = expected[r["startup_id"]]
        assert r["overall"] == pytest.approx(overall, rel=1e-12, abs=1e-12)
        assert r["pillars"] == pytest.approx(pillars, rel=1e-12, abs=1e-12)
        assert r["completeness"] == pytest.approx(done, rel=1e-12)
        assert r["assessments"] == 1 and r["founder_gap"] is None
        assert r["p10"] <= r["p90"]
    # ungated first, each group best first (equal scores: more complete, then by name)
    keys = [(r["gated"], -round(r["overall"], 9), -r["completeness"], r["startup"].casefold())
            for r in rows]
    assert keys == sorted(keys)
    assert any(r["gated"] for r in rows) and not all(r["gated"] for r in rows)


def test_bands_close_on_the_overall_when_every_confidence_is_high(capsys, generated):
    _, folder = generated
    for r in score_json(capsys, folder / "sure.json"):
        assert r["p10"] == r["p90"] == r["overall"]


def test_a_workspace_scores_as_its_json_does(capsys, generated):
    _, folder = generated
    ws = folder / "port.beachhead"
    code, _, err = run_cli(capsys, "copy", str(folder / "port.json"), str(ws))
    assert code == 0, err
    for fmt in ("json", "csv", "table"):
        outs = []
        for path in (folder / "port.json", ws):
            code, out, err = run_cli(capsys, "score", str(path), "--format", fmt,
                                     "--draws", "300")
            assert code == 0, err
            outs.append(out.replace(str(path), "FILE"))
        assert outs[0] == outs[1], fmt


def test_csv_and_table_say_what_the_json_says(capsys, generated):
    _, folder = generated
    rows = score_json(capsys, folder / "port.json")
    code, out, _ = run_cli(capsys, "score", str(folder / "port.json"), "--format", "csv",
                           "--draws", "300")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == len(rows)
    for r, c in zip(rows, table, strict=True):
        assert (c["rank"], c["startup"], c["overall"], c["p10"], c["p90"]) == (
            str(r["rank"]), r["startup"], repr(r["overall"]), repr(r["p10"]), repr(r["p90"]))
        for pid, value in r["pillars"].items():
            assert c[f"pillars.{pid}"] == repr(value)
    code, out, _ = run_cli(capsys, "score", str(folder / "port.json"), "--draws", "300")
    lines = out.splitlines()
    assert len(lines) == 4 + len(rows) + 1  # and the framework it was computed with
    assert lines[-1] == ("Computed with the framework Beachhead: LLM startups against the "
                         "incumbents (beachhead.llm-startups 1.0.0)")
    rank_w = len(lines[3].split("  ")[0])  # the rule under the header: the rank column
    for r, line in zip(rows, lines[4:-1], strict=True):
        assert line[:rank_w] == str(r["rank"]).rjust(rank_w) and line[rank_w:rank_w + 2] == "  "
        cells = line.split()
        assert fixed(r["overall"]) in cells and fixed(r["p10"]) in cells


def test_a_json_portfolio_is_scored_without_the_workspace_machinery(generated, tmp_path):
    """Neither SQLAlchemy nor the PostgreSQL driver is loaded to score a JSON portfolio (a
    fifth of the command's time), with or without a byte order mark; a workspace still is
    read as one."""
    import subprocess
    import sys

    _, folder = generated
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + (folder / "port.json").read_bytes())
    code = ("import sys; from models.cli.main import main; "
            "status = main(['score', sys.argv[1], '--format', 'csv', '--draws', '10']); "
            "print(status, sorted(m for m in ('sqlalchemy', 'psycopg') if m in sys.modules), "
            "file=sys.stderr)")
    for path, loaded in ((folder / "port.json", False), (marked, False),
                         (folder / "port.beachhead", True)):
        if path.suffix == ".beachhead" and not path.exists():
            subprocess.run([sys.executable, "-m", "models.cli.main", "copy",
                            str(folder / "port.json"), str(path)], check=True,
                           capture_output=True)
        done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                              text=True, check=True)
        status, modules = done.stderr.strip().splitlines()[-1].split(" ", 1)
        assert status == "0", done.stderr
        assert "sqlalchemy" in modules if loaded else modules == "[]", done.stderr
        assert len(done.stdout.splitlines()) == SIZE + 1
