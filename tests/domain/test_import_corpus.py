"""The corpus of messy and hostile workbooks (tests/workbook_corpus.py): every file gives the
right import or the right message (file, sheet, cell), with no traceback and no output when
anything is refused; hostile files cost little time and memory."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from models.cli import main as cli
from models.store.access import read_portfolio_file
from models.workbook.importing.batch import import_workbooks, read_workbook
from tests.workbook_corpus import FW, Case, build_corpus, cases

CASES = cases()
TODAY = dt.date(2025, 1, 15)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, worker_id) -> dict[str, Path]:
    """The corpus, built once per test run: with pytest-xdist the first worker builds it in
    the run's shared temporary folder while the others wait for it."""
    if worker_id == "master":
        return build_corpus(tmp_path_factory.mktemp("corpus"))
    root = tmp_path_factory.getbasetemp().parent
    folder, done = root / "import-corpus", root / "import-corpus.done"
    try:
        os.close(os.open(root / "import-corpus.lock", os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        deadline = time.monotonic() + 300
        while not done.exists():
            assert time.monotonic() < deadline, "the corpus was not built by another worker"
            time.sleep(0.1)
        return {c.name: folder / f"{c.name}.xlsx" for c in CASES}
    paths = build_corpus(folder)
    done.touch()
    return paths


def test_the_corpus_covers_every_kind():
    assert len(CASES) >= 25
    kinds = {c.kind for c in CASES}
    assert kinds == {"messy", "refused", "hostile"}
    assert sum(c.imports for c in CASES) >= 10
    assert sum(c.kind == "hostile" for c in CASES) >= 8


def _check_score(case: Case, scores: dict, cid: str, want: object) -> None:
    got = scores.get(cid)
    if want is None:
        assert got is None or got.value is None, (case.name, cid, got)
    elif isinstance(want, tuple):
        assert got is not None, (case.name, cid)
        assert (got.value, got.confidence, got.rationale, got.evidence) == want, (case.name, cid)
    else:
        assert got is not None and got.value == want, (case.name, cid, got)


@pytest.mark.parametrize("case", [c for c in CASES if c.kind != "hostile"],
                         ids=lambda c: c.name)
def test_corpus_file(case: Case, corpus):
    """Messy and refused files, read in this process (hostile ones are read in a capped
    process of their own: :func:`test_hostile_files_are_cheap`)."""
    path = corpus[case.name]
    result = read_workbook(path, FW, today=TODAY)
    assert all(p.source == str(path) for p in [*result.problems, *result.notes])
    assert not any("unexpected" in p.message or "Traceback" in p.message
                   for p in result.problems), result.problems
    if not case.imports:
        assert not result.ok and result.startups == []
        assert any(p.location == case.where and case.message in p.message
                   for p in result.problems), [str(p) for p in result.problems]
        assert all("expected" in p.message or "refused" in p.message or "save" in p.message
                   for p in result.problems), [str(p) for p in result.problems]
        return
    assert result.ok, [str(p) for p in result.problems]
    assert sum(len(s.assessments) for s in result.startups) == case.assessments
    if case.startups is not None:
        assert len(result.startups) == case.startups
    for where, fragment in case.notes:
        assert any(n.location == where and fragment in n.message for n in result.notes), (
            where, fragment, [str(n) for n in result.notes])
    startup = result.startups[0]
    for name, want in case.startup.items():
        assert getattr(startup, name) == want, (case.name, name)
    assessment = startup.assessments[0]
    for name, want in case.assessment.items():
        assert getattr(assessment, name) == want, (case.name, name)
    for cid, want in case.scores.items():
        _check_score(case, assessment.scores, cid, want)


def test_whole_corpus_refused_without_skip_bad_and_nothing_written(corpus, tmp_path, capsys):
    out = tmp_path / "out.beachhead"
    paths = [str(p) for p in corpus.values()]
    assert cli.main(["import", *paths, "-o", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for case in CASES:
        if not case.imports:
            assert f"{corpus[case.name]}: " in err, case.name
    assert "nothing written" in err


def test_whole_corpus_with_skip_bad_imports_the_good_files(corpus, tmp_path, capsys):
    out = tmp_path / "out.beachhead"
    paths = [str(p) for p in corpus.values()]
    assert cli.main(["import", *paths, "-o", str(out), "--skip-bad"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    port = read_portfolio_file(out)
    want = {str(c.startup.get("name", "Acme AI")) for c in CASES if c.imports}
    assert want <= {s.name for s in port.startups}
    # the templates filled for the same startup, assessor and date are duplicates: skipped
    assert "already has an assessment" in err
    keys = [(s.name.casefold(), a.assessor, a.date) for s in port.startups for a in s.assessments]
    assert len(keys) == len(set(keys))


def test_the_same_report_from_two_worker_processes(corpus):
    paths = list(corpus.values())
    one = import_workbooks(paths, FW, workers=1, skip_bad=True)
    two = import_workbooks(paths, FW, workers=2, skip_bad=True)
    assert [f.problems for f in one.files] == [f.problems for f in two.files]

    def dump(report):  # type: ignore[no-untyped-def]
        return [[s.model_dump(exclude={"id"}) | {"assessments": [
            a.model_dump(exclude={"id"}) for a in s.assessments]} for s in f.startups]
            for f in report.files]
    assert dump(one) == dump(two)


#: Hostile files → whether they import (the dimension claim is ignored, so that file is fine).
HOSTILE: dict[str, bool] = {
    "zip_bomb": False, "zip_bomb_lying_size": False, "billion_laughs": False,
    "external_entity": False, "xml_in_utf16": False, "cell_in_last_row_and_column": False,
    "cell_in_last_row": False,
    "stray_cell_far_below": False, "dimension_claims_a_million_rows": True,
    # these passed the guard, then the reader tried to allocate 549 GB (or 103 GB) and aborted
    "cell_reference_with_spaces": False, "cell_reference_in_single_quotes": False,
    "sheet_part_not_named_xml": False, "decoy_workbook_part": False,
    "shared_strings_claim_4g": False,
    # a formula under a namespace prefix, whose stored result was read as a typed value
    "prefixed_formula_tag": False,
}


def test_hostile_files_are_cheap(corpus):
    """In a fresh process capped at 1.5 GB of address space (the reader processes it starts
    inherit the cap): every hostile file is refused in well under a second each, nothing
    aborts, and the peak memory of every process stays far below a few hundred MB."""
    paths = [str(corpus[name]) for name in HOSTILE]
    code = textwrap.dedent(f"""
        import json, re, resource, sys, time
        resource.setrlimit(resource.RLIMIT_AS, (3 << 29, 3 << 29))
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from models.workbook.importing.batch import import_workbooks
        t = time.perf_counter()
        report = import_workbooks({paths!r}, skip_bad=True)
        took = time.perf_counter() - t
        hwm = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read())[1])
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps({{"took": took, "peak_mb": max(hwm, children) / 1024,
                          "ok": [f.ok for f in report.files],
                          "problems": [[[p.location, p.message] for p in f.problems]
                                       for f in report.files]}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert dict(zip(HOSTILE, data["ok"], strict=True)) == HOSTILE, data["problems"]
    by_name = {c.name: c for c in CASES}
    assert {c.name for c in CASES if c.kind == "hostile"} == set(HOSTILE)
    for name, problems in zip(HOSTILE, data["problems"], strict=True):
        case = by_name[name]
        if case.imports:
            continue
        assert any(where == case.where and case.message in message
                   for where, message in problems), (name, problems)
    assert data["took"] < 10.0, data
    assert data["peak_mb"] < 300, data


def test_the_corpus_in_a_json_portfolio_converts_whole(corpus, tmp_path):
    """What the previous Beachhead wrote from the corpus (a JSON portfolio of every
    importable workbook) becomes a workspace holding exactly it; the JSON file is unchanged."""
    from models.core.portfolio import Portfolio
    from models.files.portfolio_file import load_portfolio, save_portfolio
    from models.store.convert import convert_json
    from models.workbook.importing.merge import merge_into

    report = import_workbooks(sorted(corpus.values()), FW, workers=1, skip_bad=True)
    merged, _ = merge_into(Portfolio(framework=FW), report, adopt_weights=True)
    assert len(merged.startups) >= 5 and len(merged.assessments()) >= 10
    old = tmp_path / "corpus.beachhead"
    save_portfolio(merged, old)
    before = old.read_bytes()
    converted = convert_json(old, "tester")
    assert read_portfolio_file(converted).model_dump() == load_portfolio(old).model_dump()
    assert old.read_bytes() == before
