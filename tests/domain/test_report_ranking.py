"""The report's ranking pages: the weights sentence, deal-breaker names printed whole, the
perspective and gates it states and ranks under, and the continuation pages of a long
portfolio."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core.framework import Framework
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.core.rounding import fixed
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio, synthetic_portfolio
from models.engine.weight_changes import weights_note
from models.files.framework_file import default_framework
from models.report.data import ReportData
from models.report.document import write_report
from models.report.metrics import Metrics
from models.report.ranking_page import RankingPages
from models.report.texts import LABELS
from tests.domain.test_report import order_in, squash
from tests.helpers import tiny_framework
from tests.pdftext import pdf_pages

DRAWS = 100
LONG = ("Runway exhausted before the next financing round can possibly close, with no bridge "
        "loan in sight and the payroll due")
LONG_ZH = "下一轮融资完成之前现金已经耗尽，看不到任何过桥贷款，工资也即将到期"


def with_framework(port: Portfolio, fw: Framework) -> Portfolio:
    """``port`` scored with ``fw`` instead of its own framework."""
    return Portfolio.model_validate({**port.model_dump(mode="python"),
                                     "framework": fw.model_dump(mode="python")})


def first_page(port: Portfolio, tmp_path, **kwargs) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.pdf"
    write_report(port, out, draws=DRAWS, **kwargs)
    return pdf_pages(out)[0]


# -- weights -----------------------------------------------------------------------------------

def test_weights_of_the_shipped_framework_are_not_mentioned(tmp_path):
    assert weights_note(sample_portfolio().framework) is None
    page = squash(first_page(sample_portfolio(), tmp_path, startups=["Tokenforge"]))
    assert squash(LABELS["en"]["about_weights"]) not in page
    assert "Weightsdiffer" not in page and "Customframework" not in page


def test_changed_weights_are_named_one_by_one(tmp_path):
    fw = default_framework().with_weights({"niche": 2.5}, {"cap.runway": 3.0}, {"eco": False})
    page = squash(first_page(with_framework(sample_portfolio(), fw), tmp_path,
                             startups=["Tokenforge"]))
    assert squash("Weights differ from the defaults of beachhead.llm-startups 1.0.0: pillar "
                  "Niche position 1 → 2.5; pillar Ecosystem switched off; criterion Runway "
                  "1 → 3.") in page
    zh = squash(first_page(with_framework(sample_portfolio(), fw), tmp_path, lang="zh_CN",
                           startups=["Tokenforge"]))
    assert squash("权重与 beachhead.llm-startups 1.0.0 的默认权重不同：") in zh
    assert squash("支柱“细分定位” 1 → 2.5") in zh
    assert squash("支柱“生态”已停用") in zh
    assert squash("指标“现金跑道” 1 → 3") in zh


def test_custom_frameworks_are_named(tmp_path):
    from models.core.framework_release import new_framework

    base = default_framework().with_weights(criterion_weights={"tech.threshold": 0.5})
    custom = new_framework(default_framework(), base, "Deep tech", dt.date(2025, 1, 2))
    note = weights_note(custom)
    assert note is not None and note.custom == "custom.deep-tech 1.0.0"
    assert [(c.kind, c.name["en"], c.old, c.new) for c in note.changes] == [
        ("criterion", "Technology threshold", 1.0, 0.5)]
    page = squash(first_page(with_framework(sample_portfolio(), custom), tmp_path,
                             startups=["Tokenforge"]))
    assert squash("Custom framework custom.deep-tech 1.0.0, whose weights differ "
                  "from the defaults of beachhead.llm-startups 1.0.0: criterion Technology "
                  "threshold 1 → 0.5.") in page
    # a framework of other pillars cannot be compared: it is named as having its own weights
    tiny = squash(first_page(Portfolio(framework=tiny_framework(), startups=[]), tmp_path))
    assert squash("Custom framework test.tiny 1: its weights are its own") in tiny


# -- deal-breaker names, whole -----------------------------------------------------------------

def long_breaker_portfolio() -> Portfolio:
    """The sample with its runway deal-breaker given a long name."""
    port = sample_portfolio()
    data = port.framework.model_dump(mode="python")
    rule = next(r for r in data["deal_breakers"] if r["id"] == "runway_exhausted")
    rule["name"] = {"en": LONG, "zh_CN": LONG_ZH}
    return with_framework(port, Framework.model_validate(data))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_long_deal_breaker_names_are_printed_whole(tmp_path, lang):
    port = long_breaker_portfolio()
    gated = [r for r in rank_startups(port, lang=lang).rows if r.gated]
    assert any(r.startup == "Tokenforge" for r in gated)
    name = port.framework.deal_breakers[0].name[lang]
    out = tmp_path / "long.pdf"
    write_report(port, out, startups=["Tokenforge"], lang=lang, draws=DRAWS)
    ranking, page = (squash(p) for p in pdf_pages(out))
    assert squash(name) in ranking  # on page 1, under the startup's row
    assert squash(name) in page  # in the deal-breakers box
    assert "…" not in ranking


# -- perspectives and gates --------------------------------------------------------------------

@pytest.mark.parametrize(("perspective", "title"), [
    ("founder", "Startups ranked · Founder view"),
    ("latest", "Startups ranked · Latest assessment"),
    ("assessor:Priya Raman, Northgate Capital",
     "Startups ranked · Assessor Priya Raman, Northgate Capital"),
])
def test_page_one_names_the_perspective_and_ranks_under_it(tmp_path, perspective, title):
    port = sample_portfolio()
    page = first_page(port, tmp_path, perspective=perspective, top=4)
    assert squash(title) in squash(page)
    rows = rank_startups(port, perspective).rows[:4]
    names = [r.startup for r in rows]
    assert order_in(squash(page).split("Overallscore(dot)")[0], names) == names
    for r in rows:
        assert (fixed(r.overall) if r.overall is not None else "—") in page


def test_ignoring_gates_is_stated_and_reorders(tmp_path):
    """Gearloom Systems' investor puts its runway at 1: "Runway exhausted" gates it, so it
    ranks after every ungated startup; ignoring gates it ranks by its overall among them
    (still marked gated)."""
    port = sample_portfolio()
    gear = port.find_startup("Gearloom Systems")
    assert gear is not None
    investor = [a for a in gear.assessments if a.role == "investor"][-1]
    investor.scores["cap.runway"] = Score(value=1, confidence="high")
    gated = rank_startups(port).rows
    ignored = rank_startups(port, ignore_gates=True).rows
    assert [r.startup for r in gated].index("Gearloom Systems") == 5  # after 5 ungated ones
    assert [r.startup for r in ignored].index("Gearloom Systems") == 2  # 62.0: third
    for ignore, rows, key in ((False, gated, "gates_on"), (True, ignored, "gates_off")):
        page = squash(first_page(port, tmp_path, ignore_gates=ignore))
        assert squash(LABELS["en"][key]) in page
        names = [r.startup for r in rows]
        assert order_in(page.split("Overallscore(dot)")[0], names) == names
        assert "GatedbyRunwayexhausted" in page


# -- long portfolios ---------------------------------------------------------------------------

def test_a_long_portfolio_continues_on_following_pages(tmp_path):
    """45 startups of a small framework, two with very long names: the table runs over two
    pages, every startup once in ranking order, the header repeated, page numbers right."""
    day = dt.date(2025, 1, 1)
    port = Portfolio(framework=tiny_framework(), startups=[
        Startup(name=f"Startup {k:02d}", assessments=[Assessment(
            assessor="Ivy", role="investor", date=day,
            scores={c: Score(value=1 + (k * (j + 2)) % 5)
                    for j, c in enumerate(("a.x", "a.y", "b.z", "b.w"))})])
        for k in range(45)])
    port.startups[0].name = "Extraordinarily Long Name Holdings International " * 2
    port.startups[1].name = "深圳市前海超长名称人工智能科技有限公司北京分公司上海办事处"
    out = tmp_path / "long.pdf"
    result = write_report(port, out, draws=DRAWS)
    assert result.ranking_pages == 2 and result.pages == 2 + 45
    pages = pdf_pages(out)
    assert squash("Startups ranked · Investor view (continued)") in squash(pages[1])
    assert squash(LABELS["en"]["col_band"]) in squash(pages[1])  # header repeated
    rows = rank_startups(port).rows
    names = [r.startup for r in rows]
    drawn = pdf_pages(out, raw=True)  # a wrapped name reads whole in drawing order
    assert order_in(squash(drawn[0]) + squash(drawn[1]), names) == names
    for r in rows:  # each row points at the startup's own page, which names it whole
        assert squash(r.startup) in squash(drawn[1 + r.rank])
    assert "Page2of47" in squash(pages[1])


def test_rows_fit_their_pages(tmp_path):
    """The layout never runs a row into the footer, and page 1 leaves room for its facts."""
    from models.charts.fonts import font_families
    from models.report.page import FOOTER_TOP

    port = synthetic_portfolio(120, seed=5)
    data = ReportData.build(port, startups=None, top=None, perspective="investor",
                            ignore_gates=False, lang="en", draws=10, seed=0, scenario=None)
    pages = RankingPages(data, Metrics(font_families()))
    assert sorted(k for p in pages.pages for k in p) == list(range(120))
    for n, rows in enumerate(pages.pages):
        end = pages.table_top(n) + pages.head_h + sum(pages.row_height(k) for k in rows)
        assert end <= FOOTER_TOP - 10
    assert pages.count == len(pages.pages) >= 3


def test_a_startup_without_investors_is_unscored_in_the_investor_view(tmp_path):
    day = dt.date(2025, 3, 1)
    port = Portfolio(framework=tiny_framework(), startups=[
        Startup(name="Solo", assessments=[Assessment(assessor="F", role="founder", date=day,
                                                     scores={"a.x": Score(value=3)})])])
    page = squash(first_page(port, tmp_path))
    assert "1Solo——" in page  # no status, no suggestion
