"""Portfolio files: validation messages, schema versions, atomic saves."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from models.core.decisions import Decision
from models.core.errors import InputError
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.files import atomic as atomic_file
from models.files import portfolio_file as storage
from models.files.portfolio_file import dumps_portfolio, load_portfolio, save_portfolio
from tests.helpers import tiny_framework


@pytest.fixture
def portfolio() -> Portfolio:
    return Portfolio(framework=tiny_framework(), startups=[
        Startup(id="s1", name="Acme 智能", notes="备注 =1+1", assessments=[
            Assessment(id="a1", assessor="Ann", role="investor", date="2024-10-02",
                       scores={"a.x": Score(value=4, confidence="high", rationale="ok"),
                               "b.z": Score()}),
        ]),
    ])


def test_round_trip_is_byte_identical(tmp_path, portfolio):
    p = tmp_path / "p.beachhead"
    save_portfolio(portfolio, p)
    first = p.read_bytes()
    save_portfolio(load_portfolio(p), p)
    assert p.read_bytes() == first
    assert (tmp_path / "p.beachhead.bak").read_bytes() == first
    doc = json.loads(first)
    assert doc["format"] == "beachhead.portfolio" and doc["schema_version"] == 3
    assert "Acme 智能" in first.decode("utf-8")  # real Unicode, not \u escapes


def test_interrupted_save_keeps_previous_file(tmp_path, portfolio, monkeypatch):
    p = tmp_path / "p.beachhead"
    save_portfolio(portfolio, p)
    before = p.read_bytes()
    portfolio.startups[0].name = "Changed"

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(atomic_file.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        save_portfolio(portfolio, p)
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir() if f.suffix == ".tmp"] == []


def test_exception_while_writing_leaves_file(tmp_path, portfolio, monkeypatch):
    p = tmp_path / "p.beachhead"
    save_portfolio(portfolio, p)
    before = p.read_bytes()
    monkeypatch.setattr(atomic_file.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError("io")))
    with pytest.raises(OSError):
        save_portfolio(portfolio, p)
    assert p.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["p.beachhead"]


def _write(tmp_path, doc) -> str:
    p = tmp_path / "x.beachhead"
    p.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return str(p)


def _doc(portfolio):
    return json.loads(dumps_portfolio(portfolio))


def test_newer_schema_is_refused_with_versions(tmp_path, portfolio):
    doc = _doc(portfolio)
    doc["schema_version"] = 7
    with pytest.raises(InputError) as e:
        load_portfolio(_write(tmp_path, doc))
    msg = str(e.value)
    assert "schema_version" in msg and "version 7" in msg and "up to 3" in msg


def test_older_schema_is_migrated(tmp_path, portfolio, monkeypatch):
    doc = _doc(portfolio)
    doc["schema_version"] = 0
    doc["companies"] = doc.pop("startups")

    def v0_to_v1(d):
        d["startups"] = d.pop("companies")
        return d

    monkeypatch.setitem(storage.MIGRATIONS, 0, v0_to_v1)
    loaded = load_portfolio(_write(tmp_path, doc))  # 0 → 1 (this test's step) → 2 → 3
    assert loaded.startups[0].name == "Acme 智能"


def test_schema_1_file_reads_with_no_decisions_and_saves_as_3(tmp_path, portfolio):
    doc = _doc(portfolio)
    doc["schema_version"] = 1
    for st in doc["startups"]:
        del st["decisions"], st["website"]
    path = Path(_write(tmp_path, doc))
    before = path.read_bytes()
    loaded = load_portfolio(path)
    assert path.read_bytes() == before  # reading never rewrites the file
    assert [s.decisions for s in loaded.startups] == [[] for _ in loaded.startups]
    assert loaded.startups[0].decision is None
    loaded.startups[0].decisions.append(Decision(status="watch", date=dt.date(2026, 3, 1),
                                                 by="IC", rationale="wait for the round"))
    save_portfolio(loaded, path)
    again = load_portfolio(path)
    assert again.schema_version == 3
    assert again.startups[0].decision == Decision(status="watch", date=dt.date(2026, 3, 1),
                                                  by="IC", rationale="wait for the round")


def test_unknown_decision_status_names_its_field(tmp_path, portfolio):
    doc = _doc(portfolio)
    doc["startups"][0]["decisions"] = [{"status": "maybe", "date": "2026-03-01"}]
    with pytest.raises(InputError) as e:
        load_portfolio(_write(tmp_path, doc))
    assert "startups[0].decisions[0].status" in {p.location for p in e.value.problems}


def test_field_errors_name_the_path(tmp_path, portfolio):
    doc = _doc(portfolio)
    doc["startups"][0]["assessments"][0]["scores"]["a.x"]["value"] = 6
    doc["startups"][0]["assessments"][0]["date"] = "yesterday"
    doc["startups"][0]["colour"] = "blue"
    with pytest.raises(InputError) as e:
        load_portfolio(_write(tmp_path, doc))
    where = {p.location: p.message for p in e.value.problems}
    assert "startups[0].assessments[0].scores.a.x.value" in where
    assert "startups[0].assessments[0].date" in where
    assert where["startups[0].colour"].startswith("unknown field")
    assert all(p.source.endswith("x.beachhead") for p in e.value.problems)


def test_unknown_criterion_is_named(tmp_path, portfolio):
    doc = _doc(portfolio)
    doc["startups"][0]["assessments"][0]["scores"]["zz.top"] = {"value": 3}
    with pytest.raises(InputError) as e:
        load_portfolio(_write(tmp_path, doc))
    (p,) = e.value.problems
    assert p.location == "startups[0].assessments[0].scores"
    assert "'zz.top' is not a criterion" in p.message


@pytest.mark.parametrize("text,where", [
    ("{not json", "line 1, column 2"),
    ('{"format": "beachhead.portfolio", "schema_version": NaN}', ""),
    ("[1, 2]", ""),
    ('{"format": "something.else", "schema_version": 1}', "format"),
    ('{"format": "beachhead.portfolio", "schema_version": "1"}', "schema_version"),
])
def test_bad_documents(tmp_path, text, where):
    with pytest.raises(InputError) as e:
        load_portfolio(_write(tmp_path, text))
    assert e.value.problems[0].location == where


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(InputError, match="cannot open"):
        load_portfolio(tmp_path / "nope.beachhead")
    p = tmp_path / "bin.beachhead"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError, match="not UTF-8"):
        load_portfolio(p)


def test_nan_is_never_written(portfolio):
    assert "NaN" not in dumps_portfolio(portfolio)
    with pytest.raises(ValueError):
        Startup(name="x", assessments=[Assessment(scores={"a.x": Score(value=float("nan"))})])


def test_saved_files_follow_the_umask_or_keep_their_mode(tmp_path, portfolio):
    import stat

    p = tmp_path / "p.beachhead"
    old = os.umask(0o022)
    try:
        save_portfolio(portfolio, p)
    finally:
        os.umask(old)
    assert stat.S_IMODE(p.stat().st_mode) == 0o644
    p.chmod(0o600)
    save_portfolio(portfolio, p)
    assert stat.S_IMODE(p.stat().st_mode) == 0o600


def test_byte_order_mark_is_accepted(tmp_path, portfolio):
    p = tmp_path / "bom.beachhead"
    p.write_bytes(b"\xef\xbb\xbf" + dumps_portfolio(portfolio).encode("utf-8"))
    assert load_portfolio(p) == portfolio
