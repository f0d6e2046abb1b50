"""JSON portfolios converted into workspaces: every kind of JSON file Beachhead writes (the
sample, synthetic portfolios, schema 1, imports, custom frameworks, a byte-order mark) comes
over whole, the JSON file is left byte for byte as it was, and exporting gives it back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from models.core.errors import InputError
from models.core.framework_release import new_framework
from models.core.portfolio import Portfolio
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework
from models.files.portfolio_file import dumps_portfolio, load_portfolio, save_portfolio
from models.store.changelog import Kind
from models.store.convert import convert_json, workspace_name
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import rich_portfolio
from tests.helpers import run_cli


def _schema_1(path: Path) -> None:
    doc = json.loads(dumps_portfolio(sample_portfolio()))
    doc["schema_version"] = 1
    for startup in doc["startups"]:
        del startup["decisions"]
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")


def _custom(path: Path) -> None:
    fw = default_framework().with_weights(pillar_weights={"niche": 3.0})
    content = sample_portfolio(new_framework(default_framework(), fw, "Heavy niche",
                                             dt.date(2025, 4, 1)))
    save_portfolio(content, path)


def _bom(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + dumps_portfolio(rich_portfolio()).encode("utf-8"))


def _by_the_command_line(path: Path, capsys: pytest.CaptureFixture[str], *command: str) -> None:
    """The JSON portfolio of what ``command`` writes: it makes a workspace, and
    ``export --format json`` writes that out."""
    made = path.with_name("made.beachhead")
    assert run_cli(capsys, *command, "-o", str(made))[0] == 0
    assert run_cli(capsys, "export", str(made), "--format", "json", "-o", str(path))[0] == 0


def _imported(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample, book = path.with_name("sample.beachhead"), path.with_name("book.xlsx")
    save_portfolio(sample_portfolio(), sample)
    assert run_cli(capsys, "export", str(sample), "-o", str(book), "--draws", "0")[0] == 0
    _by_the_command_line(path, capsys, "import", str(book))


#: name → (how to write it, whether ``save_portfolio`` wrote it as it is: then the export of
#: the workspace gives back the same bytes)
_CORPUS: dict[str, tuple[Callable[..., None], bool]] = {
    "sample command": (lambda p, c: _by_the_command_line(p, c, "sample"), True),
    "synthetic": (lambda p, c: _by_the_command_line(p, c, "sample", "--size", "40", "--seed",
                                                    "5"), True),
    "rich": (lambda p, c: save_portfolio(rich_portfolio(), p), True),
    "empty": (lambda p, c: save_portfolio(Portfolio(framework=default_framework()), p), True),
    "schema 1": (lambda p, c: _schema_1(p), False),
    "custom framework": (lambda p, c: _custom(p), True),
    "byte-order mark": (lambda p, c: _bom(p), False),
    "import": (_imported, True),
}


@pytest.mark.parametrize("name", list(_CORPUS))
def test_every_json_file_converts_whole_and_is_left_as_it_was(tmp_path, capsys, name):
    write, canonical = _CORPUS[name]
    path = tmp_path / "deals.beachhead"
    write(path, capsys)
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    converted = convert_json(path, who="Ann")
    assert converted == tmp_path / "deals.workspace.beachhead"
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    with Workspace.open(converted) as ws:
        assert ws.load().model_dump() == load_portfolio(path).model_dump()
        info, (created,) = ws.info(), ws.changes()
        ws.export_json(tmp_path / "out.beachhead")
    assert (info["source_name"], info["source_sha256"]) == \
        ("deals.beachhead", hashlib.sha256(before).hexdigest())
    assert (created.kind, created.who, created.new["source"]) == \
        (Kind.CREATE, "Ann", "deals.beachhead")
    assert load_portfolio(tmp_path / "out.beachhead") == load_portfolio(path)
    if canonical:
        assert (tmp_path / "out.beachhead").read_bytes() == before
    assert convert_json(path) == converted  # converted once, found again
    assert sorted(p.name for p in tmp_path.glob("*workspace*")) == ["deals.workspace.beachhead"]


def test_a_json_file_changed_since_its_conversion_converts_beside_the_first(tmp_path):
    path = tmp_path / "deals.json"
    save_portfolio(rich_portfolio(), path)
    first = convert_json(path)
    with Workspace.open(first) as ws:
        ws.set_startup_field("s2", "notes", "edited in the workspace")
    changed = rich_portfolio()
    changed.startups[1].notes = "edited in the JSON file"
    save_portfolio(changed, path)
    second = convert_json(path)
    assert (first.name, second.name) == ("deals.workspace.beachhead",
                                         "deals.workspace-2.beachhead")
    with Workspace.open(first) as a, Workspace.open(second) as b:
        assert a.load().startups[1].notes == "edited in the workspace"
        assert b.load() == changed


def test_what_cannot_be_converted_is_refused_naming_the_file(tmp_path):
    bad = tmp_path / "bad.beachhead"
    doc = json.loads(dumps_portfolio(rich_portfolio()))
    doc["startups"][0]["assessments"][0]["scores"]["a.x"]["value"] = 9
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as e:
        convert_json(bad)
    assert e.value.problems[0].location == "startups[0].assessments[0].scores.a.x.value"
    assert not workspace_name(bad).exists()
    Workspace.create(tmp_path / "w.beachhead", rich_portfolio()).close()
    with pytest.raises(InputError, match="already a workspace"):
        convert_json(tmp_path / "w.beachhead")


def test_the_workspace_name_says_what_it_came_from():
    assert workspace_name(Path("a/deals.beachhead")) == Path("a/deals.workspace.beachhead")
    assert workspace_name(Path("deals.json"), 3) == Path("deals.workspace-3.beachhead")
    assert workspace_name(Path("deals")) == Path("deals.workspace.beachhead")
