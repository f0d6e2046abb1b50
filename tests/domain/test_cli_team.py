"""The command line on a team workspace (the throwaway PostgreSQL server): setting one up with
``workspace init`` and ``workspace add``, moving a pipeline there and back with ``copy`` (its
history with it), every reading command and ``import --into`` taking the server's address, and
refusals named in one line."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace
from tests.helpers import run_cli


def test_a_firm_sets_a_team_workspace_up_in_three_commands(capsys, tmp_path, pg_url):
    local = tmp_path / "deals.beachhead"
    with Workspace.create(local, sample_portfolio(), who="Ann") as ws:
        first = ws.load().startups[0]
        ws.set_startup_field(first.id, "notes", "met the founders", comment="first call")
        history = [(c.kind, c.who, c.comment) for c in ws.changes()]
    assert run_cli(capsys, "workspace", "init", pg_url)[0] == 0
    code, _, err = run_cli(capsys, "copy", str(local), pg_url)
    assert code == 0 and err.startswith("wrote postgresql+psycopg://postgres@/")
    code, _, err = run_cli(capsys, "workspace", "add", pg_url, "ann", "--as", "assessor")
    assert code == 0 and "ann is now a member of assessors (a new login role)" in err
    assert run_cli(capsys, "workspace", "add", pg_url, "pat", "--as", "partner")[0] == 0
    code, out, _ = run_cli(capsys, "workspace", "members", pg_url)
    assert out.splitlines() == ["ann\tassessor", "pat\tpartner"]
    code, _, err = run_cli(capsys, "workspace", "add", pg_url, "ann", "--as", "reader")
    assert "ann is moved to a member of readers" in err
    assert run_cli(capsys, "workspace", "members", pg_url)[1].splitlines()[0] == "ann\treader"

    with Workspace.open(pg_url) as team:
        assert team.load() == sample_portfolio().model_copy(update={"startups": [
            first.model_copy(update={"notes": "met the founders"}),
            *sample_portfolio().startups[1:]]})
        assert [(c.kind, c.who, c.comment) for c in team.changes()] == history
    # and back to a file, with the history again
    back = tmp_path / "back.beachhead"
    assert run_cli(capsys, "copy", pg_url, str(back))[0] == 0
    with Workspace.open(back) as ws:
        assert [(c.kind, c.who, c.comment) for c in ws.changes()] == history
        assert ws.load().startups[0].notes == "met the founders"


def test_reading_commands_and_import_take_the_address(capsys, tmp_path, pg_url):
    assert run_cli(capsys, "sample", "-o", pg_url)[0] == 0
    code, out, _ = run_cli(capsys, "score", pg_url)
    assert code == 0 and "Gearloom Systems" in out
    code, out, _ = run_cli(capsys, "history", pg_url, "--format", "csv")
    assert code == 0 and "workspace created" in out
    json_file = tmp_path / "more.json"
    assert run_cli(capsys, "export", pg_url, "-o", str(json_file), "--format", "json")[0] == 0
    code, _, err = run_cli(capsys, "import", str(json_file), "--into", pg_url)
    assert code == 0 and "13 duplicates skipped; 8 startups in all" in err
    workbook = tmp_path / "team.xlsx"
    assert run_cli(capsys, "export", pg_url, "-o", str(workbook), "--draws", "0")[0] == 0
    assert workbook.stat().st_size > 0


def test_a_database_holding_a_portfolio_is_never_overwritten_unless_told(capsys, tmp_path,
                                                                          pg_url):
    assert run_cli(capsys, "sample", "-o", pg_url)[0] == 0
    local = tmp_path / "other.beachhead"
    assert run_cli(capsys, "sample", "-o", str(local), "--size", "3")[0] == 0
    code, _, err = run_cli(capsys, "copy", str(local), pg_url)
    assert code == 1 and "already holds a workspace; use --overwrite" in err
    assert run_cli(capsys, "copy", str(local), pg_url, "--overwrite")[0] == 0
    with Workspace.open(pg_url) as ws:
        assert len(ws.load().startups) == 3


@pytest.mark.parametrize("change,words", [
    ({"username": "nobody"}, 'the server refused the connection (role "nobody" does not '
                             'exist)'),
    ({"database": "no_such_db"}, 'the server refused the connection (database "no_such_db" '
                                 'does not exist)'),
    ({"host": "127.0.0.1", "port": 1, "query": {}}, "cannot reach the server"),
])
def test_a_server_that_cannot_be_used_is_named_in_one_line(capsys, pg_url, change, words):
    target = sa.make_url(pg_url).set(**change).render_as_string(hide_password=False)
    for command in (["score", target], ["history", target], ["workspace", "members", target]):
        code, out, err = run_cli(capsys, *command)
        (line,) = err.splitlines()
        assert (code, out) == (1, "") and words in line and "Traceback" not in err


def test_an_empty_database_is_told_apart_from_a_workspace(capsys, pg_url):
    code, _, err = run_cli(capsys, "score", pg_url)
    assert code == 1 and "holds no Beachhead workspace; make one with 'beachhead workspace " \
                         "init'" in err
    assert run_cli(capsys, "workspace", "init", pg_url)[0] == 0
    code, _, err = run_cli(capsys, "workspace", "init", pg_url)
    assert code == 0 and "is a team workspace already" in err
    code, _, err = run_cli(capsys, "score", pg_url)
    assert code == 1 and "holds an empty workspace (no portfolio yet)" in err


def test_workspace_commands_need_an_address(capsys, tmp_path):
    code, _, err = run_cli(capsys, "workspace", "init", str(tmp_path / "deals.beachhead"))
    assert code == 2 and "is not a server's address" in err


@pytest.mark.parametrize("address,words", [
    ("postgresql://ann@db.example.com:port/deals", "not a valid PostgreSQL address"),
    ("postgresql://ann@db.example.com/", "names no database"),
])
def test_an_address_that_is_no_address_is_named_in_one_line(capsys, tmp_path, address, words):
    local = tmp_path / "deals.beachhead"
    assert run_cli(capsys, "sample", "-o", str(local))[0] == 0
    for command in (["score", address], ["copy", str(local), address],
                    ["workspace", "init", address]):
        code, _, err = run_cli(capsys, *command)
        (line,) = err.splitlines()
        assert code in (1, 2) and address in line and words in line


def test_a_password_in_an_address_is_never_printed(capsys, tmp_path, pg_url):
    """The server trusts local connections, so a password in the address is ignored but
    still given; every command's output and every refusal masks it."""
    url = sa.make_url(pg_url)
    in_user = url.set(password="s3cret").render_as_string(hide_password=False)
    as_parameter = url.update_query_dict({"password": "s3cret"}).render_as_string(
        hide_password=False)
    nowhere = url.set(password="s3cret", database="no_such_db").render_as_string(
        hide_password=False)
    local = tmp_path / "deals.beachhead"
    said = []
    for command in (["sample", "-o", as_parameter], ["sample", "-o", str(local)],
                    ["score", in_user], ["analyze", as_parameter],
                    ["score", in_user, "--as-of", "2100-01-01"], ["history", as_parameter],
                    ["copy", str(local), in_user], ["import", str(local), "--into", in_user],
                    ["workspace", "init", as_parameter], ["workspace", "members", in_user],
                    ["score", nowhere], ["copy", str(local), nowhere],
                    ["score", "postgresql://ann:s3cret@db.example.com:port/deals?password=s3"]):
        code, out, err = run_cli(capsys, *command)
        said.append((command[0], code, out + err))
    assert [code for _, code, _ in said] == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1]
    assert [name for name, _, text in said if "s3" in text] == []
    assert "://postgres:***@/" in said[2][2]
    assert "&password=***&" in said[3][2]
    assert said[-1][2].startswith("postgresql://ann:***@db.example.com:port/deals?password=***")


def test_a_group_is_never_added_as_a_person(capsys, pg_server, pg_url):
    """Adding a group would have changed the groups' chain for every workspace on the server
    (``beachhead_partner`` made a reader: partners could no longer write); a role that cannot
    log in is a group of people, who would all join."""
    assert run_cli(capsys, "workspace", "init", pg_url)[0] == 0
    with pg_server.admin() as conn:
        conn.execute("CREATE ROLE analysts NOLOGIN")
    for name, words in (("beachhead_partner", "beachhead_partner: one of the groups, not a "
                                              "person"),
                        ("analysts", "analysts is a role that cannot log in")):
        code, _, err = run_cli(capsys, "workspace", "add", pg_url, name, "--as", "reader")
        (line,) = err.splitlines()
        assert code == 1 and words in line, line
    with pg_server.admin() as conn:
        assert conn.execute("""
            SELECT g.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles g
            ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
            WHERE g.rolname LIKE 'beachhead%' ORDER BY 1, 2""").fetchall() == \
            [("beachhead_assessor", "beachhead_partner"),
             ("beachhead_reader", "beachhead_assessor")]


def test_an_assessor_cannot_overwrite_the_team_workspace(capsys, tmp_path, pg_server, pg_url):
    assert run_cli(capsys, "sample", "-o", pg_url)[0] == 0
    assert run_cli(capsys, "workspace", "add", pg_url, "ann", "--as", "assessor")[0] == 0
    local = tmp_path / "mine.beachhead"
    assert run_cli(capsys, "sample", "-o", str(local), "--size", "3")[0] == 0
    ann = pg_server.url(str(sa.make_url(pg_url).database), user="ann")
    code, _, err = run_cli(capsys, "copy", str(local), ann, "--overwrite")
    (line,) = err.splitlines()
    assert code == 1 and line.endswith("the server refused (the scores of assessment "
                                       "s01-founder are postgres's: only they or a partner "
                                       "may change them)"), line
    with Workspace.open(pg_url) as ws:
        assert ws.load() == sample_portfolio()
