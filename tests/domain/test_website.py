"""A startup's website: what is accepted and the one form it is kept in, refusals that name the
website and what is wrong, the JSON portfolio that carries it (files from before it still
load), and the report's page of the startup that gives it."""

from __future__ import annotations

import json
import unicodedata

import pytest
from pydantic import ValidationError

from models.core.errors import InputError
from models.core.portfolio import Portfolio, Startup
from models.core.website import found_in, normalise_website, shown_website
from models.files.portfolio_file import dumps_portfolio, load_portfolio, save_portfolio
from models.report.document import write_report
from models.workbook.guard.texts import speaking
from models.workbook.importing.problem_texts import website_problem
from tests.helpers import tiny_framework
from tests.pdftext import pdf_pages

EXPECTED = "expected a web address such as acme.ai or https://acme.ai"


@pytest.mark.parametrize(("typed", "kept", "shown"), [
    ("acme.ai", "https://acme.ai", "acme.ai"),
    ("https://acme.ai", "https://acme.ai", "acme.ai"),
    ("  HTTPS://Acme.AI/Team?Lang=EN#Jobs ", "https://acme.ai/Team?Lang=EN#Jobs",
     "acme.ai/Team?Lang=EN#Jobs"),
    ("http://legacy.acme.ai", "http://legacy.acme.ai", "legacy.acme.ai"),
    ("www.acme.ai/en/", "https://www.acme.ai/en/", "acme.ai/en"),
    ("//acme.ai", "https://acme.ai", "acme.ai"),
    ("acme.ai:8443/app", "https://acme.ai:8443/app", "acme.ai:8443/app"),
    ("星澜.中国", "https://星澜.中国", "星澜.中国"),
    ("xn--fiq228c.com", "https://xn--fiq228c.com", "xn--fiq228c.com"),
    ("10.0.0.8/dashboard", "https://10.0.0.8/dashboard", "10.0.0.8/dashboard"),
    # typed with a Chinese input method: ideographic full stops, full-width letters
    ("星澜。中国", "https://星澜.中国", "星澜.中国"),
    ("ａｃｍｅ．ａｉ/关于", "https://acme.ai/关于", "acme.ai/关于"),
    ("acme｡ai", "https://acme.ai", "acme.ai"),
    ("acme.ai:", "https://acme.ai", "acme.ai"),  # a colon with no port after it
    # www. is left out of the link only when a name with a dot follows it
    ("www.acme", "https://www.acme", "www.acme"),
    ("https://www.acme/docs.html", "https://www.acme/docs.html", "www.acme/docs.html"),
    ("WWW.acme.ai:8443", "https://www.acme.ai:8443", "acme.ai:8443"),
    ("", "", ""),
    ("   ", "", ""),
])
def test_addresses_are_kept_whole(typed, kept, shown):
    assert normalise_website(typed) == kept
    assert normalise_website(kept) == kept  # kept whole once, the same ever after
    assert shown_website(kept) == shown


#: What is refused as a website, and the reason the message gives.
REFUSED = [
    ("see the deck", "it has spaces"),
    ("acme", "'acme' is not a host name"),
    ("N/A", "'N' is not a host name"),
    ("1.2", "'1.2' is not a host name"),
    ("acme..ai", "'acme..ai' is not a host name"),
    ("-acme.ai", "'-acme.ai' is not a host name"),
    ("mailto:ir@acme.ai", "mailto: addresses are not web pages"),
    ("javascript:alert(1)", "javascript: addresses are not web pages"),
    ("ftp://files.acme.ai", "ftp: addresses are not web pages"),
    ("https://bo:secret@acme.ai", "it has a user name or password"),
    ("bo:secret@acme.ai", "it has a user name or password"),
    ("user:pw@acme.ai/team", "it has a user name or password"),
    ("acme.ai:70000", "'70000' is not a port number"),
    ("acme.ai:eighty", "'eighty' is not a port number"),
    ('=HYPERLINK("https://acme.ai")', "it does not start with http:// or https://"),
    ("ａｃｍｅ＠evil.com", "its host is not written right"),  # ＠ would read as @
    ("https://", "it has no host name"),
    ("https://[fe80::1", "its host is not written right"),
    ("acme.ai/\x07", "it has control characters"),
    # http: or https: without its two slashes is a slip, said as such
    ("http:/acme.ai", "a slash is missing: http: is written http://"),
    ("https:acme.ai", "the slashes are missing: https: is written https://"),
    ("HTTPS:/acme.ai/x", "a slash is missing: HTTPS: is written HTTPS://"),
    # a bidirectional control would make the address read as another one
    ("https://acme.ai/\u202egpj.exe", "it has the invisible character U+202E, RIGHT-TO-LEFT "
                                       "OVERRIDE"),
    ("acme.ai/" + "a" * 2000, "longer than 2000 characters"),
]


@pytest.mark.parametrize(("typed", "why"), REFUSED)
def test_what_is_not_a_web_address_is_refused_saying_why(typed, why):
    with pytest.raises(ValueError) as caught:
        normalise_website(typed)
    message = str(caught.value)
    assert message.startswith("the website '") and f"is not a web address ({why}); " \
        f"{EXPECTED}" in message
    assert len(message) < 200  # a long text is cut in the message


@pytest.mark.parametrize("control", [chr(c) for c in (
    *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)])
@pytest.mark.parametrize("place", ["{c}acme.ai", "acme{c}.ai", "acme.ai/{c}en", "acme.ai?q={c}",
                                   "acme.ai#{c}"])
def test_a_bidirectional_control_anywhere_is_refused_by_its_name(control, place):
    with pytest.raises(ValueError) as caught:
        normalise_website(place.format(c=control))
    code = f"U+{ord(control):04X}"
    assert f"(it has the invisible character {code}, {unicodedata.name(control)}); " \
        in str(caught.value)
    # the message itself shows the character by its code, not invisibly
    assert f"the website '{place.format(c=f'<{code}>')}' is not" in str(caught.value)
    assert control not in str(caught.value)


def test_an_import_in_chinese_says_these_refusals_in_chinese():
    with speaking("zh_CN"):
        slash = _refusal("http:/acme.ai")
        bidi = _refusal("acme.ai/\u202e")
    assert slash == "网站“http:/acme.ai”不是网址（少了一个斜杠：http: 应写作 http://）；" \
        "应为网址，例如 acme.ai 或 https://acme.ai"
    assert "（含有不可见字符 U+202E（RIGHT-TO-LEFT OVERRIDE））" in bidi


@pytest.mark.parametrize(("typed", "why"), REFUSED)
def test_every_reason_has_its_chinese_form(typed, why):
    with speaking("zh_CN"):
        said = _refusal(typed)
    assert said.startswith("网站“") and "不是网址（" in said
    assert why not in said, said


@pytest.mark.parametrize(("typed", "quoted"), [
    ("a" * 1990 + ".ai", "'" + "a" * 39 + "…' is not a host name"),
    ("acme.ai:" + "9x" * 950, "'" + "9x" * 9 + "9…' is not a port number"),
    ("x" * 1000 + "://acme.ai", "x" * 19 + "…: addresses are not web pages"),
])
def test_a_long_reason_quotes_its_part_cut(typed, quoted):
    # the website and the part a reason names are both cut: the message stays a line's
    # length however long the text typed
    with pytest.raises(ValueError) as caught:
        normalise_website(typed)
    assert f"({quoted}); " in str(caught.value) and len(str(caught.value)) < 240


def _refusal(typed: str) -> str:
    with pytest.raises(ValueError) as caught:
        normalise_website(typed)
    return website_problem(str(caught.value))


@pytest.mark.parametrize(("typed", "kept", "found"), [
    ("例子。中国", "https://例子.中国:8443/路径", True),
    ("xn--fsqu00a.xn--fiqs8s:8443", "https://例子.中国:8443/路径", True),
    ("例子.中国", "https://xn--fsqu00a.xn--fiqs8s", True),
    ("ＡＣＭＥ．ＡＩ/Team", "https://acme.ai/team", True),
    ("https://www.acme.ai/", "https://acme.ai", True),
    ("www.acme", "https://www.acme", True),
    ("acme.io", "https://acme.ai", False),
    ("https://www.", "https://acme.ai", False),  # nothing of an address yet
    ("acme", "", False),  # no website
])
def test_a_filter_finds_a_website_typed_the_way_the_rule_takes_it(typed, kept, found):
    assert found_in(typed, kept) is found


def test_a_startup_keeps_its_website_whole_and_refuses_garbage_by_name():
    st = Startup(name="Acme", website="acme.ai")
    assert st.website == "https://acme.ai"
    st.website = "docs.acme.ai/start"  # assignment is validated too
    assert st.website == "https://docs.acme.ai/start"
    with pytest.raises(ValidationError) as caught:
        st.website = "call Bo"
    (error,) = caught.value.errors()
    assert error["loc"] == ("website",)
    assert error["msg"] == ("Value error, the website 'call Bo' is not a web address (it has "
                            f"spaces); {EXPECTED}")
    assert st.website == "https://docs.acme.ai/start"
    assert Startup(name="Bare").website == ""


def _portfolio() -> Portfolio:
    return Portfolio(framework=tiny_framework(), startups=[
        Startup(id="s1", name="Acme", website="acme.ai"), Startup(id="s2", name="Beta")])


def test_a_json_portfolio_carries_websites(tmp_path):
    path = tmp_path / "p.beachhead"
    save_portfolio(_portfolio(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema_version"] == 3
    assert [s["website"] for s in doc["startups"]] == ["https://acme.ai", ""]
    assert load_portfolio(path) == _portfolio()


def test_a_json_portfolio_from_before_websites_loads(tmp_path):
    doc = json.loads(dumps_portfolio(_portfolio()))
    doc["schema_version"] = 2
    for st in doc["startups"]:
        del st["website"]
    path = tmp_path / "old.beachhead"
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = load_portfolio(path)
    assert [s.website for s in loaded.startups] == ["", ""]
    assert loaded.schema_version == 3


def test_a_json_portfolio_with_a_bad_website_names_its_place(tmp_path):
    doc = json.loads(dumps_portfolio(_portfolio()))
    doc["startups"][1]["website"] = "ask Bo"
    path = tmp_path / "bad.beachhead"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_portfolio(path)
    (problem,) = caught.value.problems
    assert (problem.source, problem.location) == (str(path), "startups[1].website")
    assert "the website 'ask Bo' is not a web address (it has spaces)" in problem.message


def test_a_startups_report_page_gives_its_website_with_its_other_facts(tmp_path):
    port = Portfolio(framework=tiny_framework(), startups=[
        Startup(name="Acme", sector="Legal AI", region="Shanghai", website="www.acme.ai/en/"),
        Startup(name="Beta")])
    write_report(port, tmp_path / "r.pdf", draws=50)
    acme, beta = (page.splitlines() for page in pdf_pages(tmp_path / "r.pdf")[1:])
    assert acme[0].split()[0] == "Acme" and beta[0].split()[0] == "Beta"
    assert acme[1] == "Sector: Legal AI · Stage: — · Region: Shanghai · Website: acme.ai/en"
    assert beta[1] == "Sector: — · Stage: — · Region: —"
