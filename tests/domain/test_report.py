"""The PDF report: the sample in both languages (ranking page in the order of rank_startups,
one page per startup with its decision), selection by name and top N, atomic writing,
unusual portfolios, fonts and the text-fitting helpers.

Reports are read back with poppler's ``pdftotext``/``pdffonts`` (see :mod:`tests.pdftext`).
Each full sample report is written once (one test per language) to keep the suite fast. Page 1
itself (weights, long deal-breaker names, perspectives, gates, continuation pages) is tested in
``test_report_ranking.py``.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib as mpl
import pytest

from models.analysis.assessors import founder_investor_gaps
from models.charts.fonts import CJK_FAMILIES, LATIN_FAMILIES, font_families, installed_cjk_families
from models.core.decisions import status_name, suggestion_name
from models.core.framework import text
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.core.rounding import fixed
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from models.report import startup_page
from models.report.data import UnknownStartupError, select_assessments
from models.report.document import write_report
from models.report.metrics import Metrics
from models.report.startup_blocks import MAX_GAPS
from models.report.texts import LABELS, labels
from tests.helpers import tiny_framework
from tests.pdftext import need_cjk_font, pdf_fonts, pdf_pages

DRAWS = 200


def squash(s: str) -> str:
    """Text without whitespace, so that layout spacing never matters to a comparison."""
    return re.sub(r"\s+", "", s)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def order_in(page: str, names: list[str]) -> list[str]:
    """``names`` in the order they first appear on ``page`` (squashed)."""
    flat = squash(page)
    found = {n: flat.find(squash(n)) for n in names}
    assert all(at >= 0 for at in found.values()), found
    return sorted(names, key=found.__getitem__)


# -- the sample, in both languages ------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_sample_report(tmp_path, lang):
    """Writing the sample (Chinese names and rationales) raises no warning at all, in
    particular no "Glyph … missing from font"; page 1 ranks the startups in the order of
    rank_startups; every startup has its own page in that order, with its decision."""
    need_cjk_font()
    port = sample_portfolio()
    out = tmp_path / f"sample-{lang}.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        result = write_report(port, out, lang=lang, draws=DRAWS, seed=1)
    ranking = rank_startups(port, "investor", lang=lang)
    n = len(port.startups)
    assert (result.pages, result.startups, result.ranking_pages, result.path) == (
        1 + n, n, 1, out)
    pages = pdf_pages(out)
    assert len(pages) == 1 + n
    flat = [squash(p) for p in pages]
    lab = labels(lang)

    # page 1: the perspective, then every startup in ranking order with its figures
    assert squash(lab["ranking_title"].format(view=lab["pname_investor"])) in flat[0]
    table = flat[0].split(squash(lab["chart_title"]))[0]  # the table, not the chart
    names = [r.startup for r in ranking.rows]
    assert order_in(table, names) == names
    for r in ranking.rows:
        assert fixed(r.overall) in flat[0]
        if r.status:
            assert squash(status_name(r.status, lang)) in flat[0]
        assert squash(suggestion_name(r.suggested, lang)) in flat[0]
    for p in port.framework.pillars:  # the pillar columns (headers wrap over lines)
        words = p.score_name(lang).split() if lang == "en" else [text(p.name, lang)]
        assert all(word in flat[0] for word in words), p.id

    # one page per startup, in ranking order, each with its own facts, figures and decision
    for k, r in enumerate(ranking.rows):
        page = flat[k + 1]
        st = port.find_startup(r.startup_id)
        assert squash(st.name) in page
        assert squash(lab["rank_of"].format(rank=r.rank, total=n)) in page
        assert fixed(r.overall) in page
        for key in ("overall", "pillars", "improvements", "postures", "deal_breakers",
                    "criteria", "gaps", "col_criterion", "col_score", "col_confidence",
                    "col_rationale", "decision"):
            assert squash(lab[key]) in page, (k, key)
        for crit in port.framework.criteria:
            assert squash(text(crit.name, lang))[:8] in page, (k, crit.id)
        if st.decision is None:
            assert squash(lab["no_decision"]) in page
        else:
            assert squash(status_name(st.decision.status, lang)) in page
            assert st.decision.date.isoformat() in page
            assert squash(st.decision.rationale)[:30] in page
        assert squash(lab["footer_page"].format(page=k + 2, pages=1 + n)) in page
    joined = "".join(flat)
    if lang == "zh_CN":
        for key in ("overall", "postures", "deal_breakers", "criteria", "improvements",
                    "col_startup", "gaps", "col_confidence", "decision", "col_status"):
            assert squash(LABELS["en"][key]) not in joined, key
        assert squash(text(port.framework.source, "zh_CN"))[:20] in joined
        assert "巨头压力（100=最小）" in joined  # the cost pillar's score label
    else:
        assert squash(text(port.framework.source, "en"))[:20] in joined
        assert "Incumbentpressure(100=least)" in joined

    # the text is embedded TrueType/OpenType with a Unicode map, never Type 3 outlines
    fonts = pdf_fonts(out)
    assert fonts
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts), fonts
    assert not any("Type 3" in f["type"] for f in fonts), fonts
    assert any("CJK" in f["name"] for f in fonts)  # Chinese names use the CJK font


def test_decision_and_suggestion_with_their_reasons(tmp_path):
    """The sample's integrator was invested after screening and diligence: its page shows the
    current decision (status, date, who, rationale) and the earlier ones; the suggestion gives
    its threshold."""
    port = sample_portfolio()
    gear = port.find_startup("Gearloom Systems")
    assert gear is not None and len(gear.decisions) == 3
    out = tmp_path / "gear.pdf"
    write_report(port, out, startups=["Gearloom Systems"], draws=DRAWS)
    page = squash(pdf_pages(out)[1])
    current = gear.decisions[-1]
    assert "Invested" in page and current.date.isoformat() in page
    assert squash(f"by {current.by}") in page
    assert squash(current.rationale)[:40] in page
    assert squash("Earlier: Diligence (2024-10-29), Screening (2024-10-03)") in page
    row = next(r for r in rank_startups(port).rows if r.startup == "Gearloom Systems")
    assert row.suggested == "pursue" and row.overall is not None and row.overall >= 65
    assert squash(f"Suggested: Pursue ({fixed(row.overall)} ≥ 65)") in page


# -- selection ---------------------------------------------------------------------------------

def test_startup_filter_by_name_and_id_keeps_ranking_order_and_ranks(tmp_path):
    port = sample_portfolio()
    tokenforge = port.find_startup("Tokenforge")
    assert tokenforge is not None
    out = tmp_path / "two.pdf"
    result = write_report(port, out, startups=["  chattersky ", tokenforge.id, "Lumenreel"],
                          draws=DRAWS)
    assert (result.startups, result.pages) == (3, 4)
    pages = [squash(p) for p in pdf_pages(out)]
    assert len(pages) == 4
    assert "Gearloom" not in "".join(pages)
    ranks = {r.startup: r.rank for r in rank_startups(port).rows}
    # rank order: Lumenreel (5) before the gated Tokenforge (7) and Chattersky (8), and
    # each keeps its rank among all eight startups
    assert order_in(pdf_pages(out)[0], ["Chattersky", "Tokenforge", "Lumenreel"]) == [
        "Lumenreel", "Tokenforge", "Chattersky"]
    for k, name in enumerate(["Lumenreel", "Tokenforge", "Chattersky"]):
        assert name in pages[k + 1]
        assert squash(f"Rank {ranks[name]} of 8") in pages[k + 1]
    assert squash("3 startups chosen by name; ranks are among all 8 startups.") in pages[0]


def test_top_n_and_top_n_of_named_startups(tmp_path):
    port = sample_portfolio()
    names = [r.startup for r in rank_startups(port).rows]
    out = tmp_path / "top.pdf"
    result = write_report(port, out, top=3, draws=DRAWS)
    assert (result.startups, result.pages) == (3, 4)
    pages = pdf_pages(out)
    assert order_in(squash(pages[0]).split("Overallscore(dot)")[0], names[:3]) == names[:3]
    assert not any(squash(n) in squash("".join(pages)) for n in names[3:])
    assert squash("The 3 best-ranked of 8 startups.") in squash(pages[0])
    # --startup then --top: the two best-ranked of the four named
    named = ["Chattersky", "Lumenreel", "Gearloom Systems", "Tokenforge"]
    result = write_report(port, out, startups=named, top=2, draws=DRAWS)
    assert result.startups == 2
    kept = [n for n in names if n in named][:2]
    assert kept == ["Gearloom Systems", "Lumenreel"]
    flat = squash("".join(pdf_pages(out)))
    assert all(squash(n) in flat for n in kept)
    assert "Chattersky" not in flat and "Tokenforge" not in flat
    with pytest.raises(ValueError, match="top"):
        write_report(port, out, top=0)


def test_unknown_startups_are_all_named_and_nothing_is_written(tmp_path):
    out = tmp_path / "none.pdf"
    with pytest.raises(UnknownStartupError) as info:
        write_report(sample_portfolio(), out, startups=["Nope", "Chattersky", "Zed"])
    assert info.value.names == ["Nope", "Zed"]
    assert "'Nope'" in str(info.value) and "'Zed'" in str(info.value)
    assert not out.exists() and leftovers(tmp_path) == []


def test_select_assessments_keeps_document_order():
    port = sample_portfolio()
    names = [s.name for s, _ in select_assessments(port, ["Tokenforge", "Chattersky"])]
    assert names == ["Chattersky", "Chattersky", "Tokenforge"]
    assert select_assessments(port) == port.assessments()
    assert [s.name for s, _ in select_assessments(port, "lumenreel")] == ["Lumenreel"]


def test_unknown_scenario_perspective_and_bad_draws(tmp_path):
    with pytest.raises(KeyError):
        write_report(sample_portfolio(), tmp_path / "x.pdf", scenario="no such scenario")
    with pytest.raises(ValueError, match="draws"):
        write_report(sample_portfolio(), tmp_path / "x.pdf", draws=0)
    with pytest.raises(ValueError, match="perspective"):
        write_report(sample_portfolio(), tmp_path / "x.pdf", perspective="auditor")
    assert leftovers(tmp_path) == [] and not (tmp_path / "x.pdf").exists()


# -- writing is atomic -------------------------------------------------------------------------

def test_failure_mid_way_keeps_the_previous_file(tmp_path, monkeypatch):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"%PDF previous report")
    calls = []

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return original(*args, **kwargs)

    original = startup_page.criteria_table
    monkeypatch.setattr(startup_page, "criteria_table", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_report(sample_portfolio(), out, startups=["Chattersky", "Tokenforge"],
                     draws=DRAWS)
    assert len(calls) == 2  # it failed on the second startup page, half-way through
    assert out.read_bytes() == b"%PDF previous report"
    assert leftovers(tmp_path) == []


def test_progress_reports_every_page_and_can_cancel(tmp_path):
    seen: list[tuple[int, int]] = []
    out = tmp_path / "p.pdf"
    write_report(sample_portfolio(), out, startups=["Chattersky", "Lumenreel"], draws=DRAWS,
                 progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        write_report(sample_portfolio(), out, startups=["Tokenforge"], draws=DRAWS,
                     progress=cancel)
    assert len(pdf_pages(out)) == 3  # the earlier report is still whole
    assert leftovers(tmp_path) == []


def test_rcparams_are_left_alone(tmp_path):
    before = {k: mpl.rcParams[k] for k in ("font.family", "pdf.fonttype", "ps.fonttype",
                                           "font.size", "text.hinting")}
    write_report(sample_portfolio(), tmp_path / "r.pdf", startups=["Tokenforge"], draws=DRAWS)
    assert {k: mpl.rcParams[k] for k in before} == before


def test_no_pyplot_and_no_qt(tmp_path):
    """The report draws on Figure objects only: pyplot (and Qt) are never imported."""
    code = (
        "import sys\n"
        "from models.report.document import write_report\n"
        "from models.engine.sample import sample_portfolio\n"
        f"write_report(sample_portfolio(), {str(tmp_path / 'r.pdf')!r}, "
        "startups=['Tokenforge'], draws=50)\n"
        "bad = [m for m in sys.modules if m == 'matplotlib.pyplot' or m.startswith('PySide6')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=180, cwd=Path(__file__).parents[2])
    assert out.stdout.strip() == "[]"


# -- unusual portfolios ------------------------------------------------------------------------

def tiny_portfolio() -> Portfolio:
    """Two pillars (so the radar falls back to bars), an unscored startup, a startup with no
    assessment, a founder and an investor who disagree, and a deal-breaker."""
    fw = tiny_framework()
    day = dt.date(2024, 10, 1)
    return Portfolio(framework=fw, startups=[
        Startup(name="Alphaworks", sector="Robotics", stage="Seed", region="Suzhou", assessments=[
            Assessment(assessor="Founder One", role="founder", date=day, scores={
                "a.x": Score(value=5, confidence="high"),
                "a.y": Score(value=4), "b.z": Score(value=1), "b.w": Score(value=2)}),
            Assessment(assessor="Investor Two", role="investor", date=day, scores={
                "a.x": Score(value=2, confidence="low", rationale="Clear lead " * 30),
                "a.y": Score(value=4), "b.z": Score(value=3),
                "b.w": Score(value=5, rationale="Fatal exposure.")}),
        ]),
        Startup(name="Blankco", assessments=[Assessment(assessor="", role="other", date=day)]),
        Startup(name="Ghost Ltd"),
    ])


def test_small_framework_gated_and_unscored_startups(tmp_path):
    """Alphaworks under the investor view (Investor Two's levels 2, 4, 3, 5): Alpha
    100·(1·0.25 + 3·0.75)/4 = 62.5, Beta (cost) 100·(0.5 + 0)/2 = 25.0, overall
    (2·62.5 + 25)/3 = 50.0; the founder's overall is (2·81.25 + 87.5)/3 = 83.33, so the gap is
    −33.3. b.w = 5 fires "Fatal w". The other two startups have nothing scored."""
    port = tiny_portfolio()
    out = tmp_path / "tiny.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        result = write_report(port, out, draws=DRAWS)
    assert (result.pages, result.startups) == (4, 3)
    pages = pdf_pages(out)
    flat = [squash(p) for p in pages]
    lab = LABELS["en"]
    assert order_in(pages[0], ["Ghost Ltd", "Blankco", "Alphaworks"]) == [
        "Alphaworks", "Blankco", "Ghost Ltd"]
    for figure in ("50.0", "62.5", "25.0", "−33.3", "GatedbyFatalw", "Beta(100", "=least)"):
        assert figure in flat[0], figure
    alpha, blank, ghost = flat[1], flat[2], flat[3]
    assert squash(lab["deal_breakers"]) in alpha and "Fatalw" in alpha
    assert squash("Investor view, one investor: Investor Two (Investor, 2024-10-01)") in alpha
    assert "−3" in alpha  # a.x: investor 2 − founder 5, in the gaps
    assert "Clearlead" in alpha and "…" in alpha  # a long rationale is cut to one line
    assert squash("Founder view: 83.3 (gap −33.3)") in alpha
    for page in (blank, ghost):  # nothing under the investor view
        assert squash(lab["not_scored_overall"]) in page
        assert page.count(squash(lab["not_scored"])) == 4
        assert squash(lab["score_first"]) in page
        assert squash(lab["no_suggestion"]) in page
    assert squash(lab["gaps_missing"]) in blank
    assert squash("Investor view: no assessment to score") in ghost


def test_a_portfolio_without_startups_gives_a_ranking_page_only(tmp_path):
    port = Portfolio(framework=tiny_framework(), startups=[])
    out = tmp_path / "empty.pdf"
    result = write_report(port, out, lang="zh_CN", draws=DRAWS)
    assert (result.pages, result.startups) == (1, 0)
    pages = pdf_pages(out)
    assert len(pages) == 1
    assert squash(LABELS["zh_CN"]["no_startups"]) in squash(pages[0])


@pytest.mark.parametrize(("name", "listed"), [("Summitcore AI", MAX_GAPS), ("Chattersky", 0)])
def test_gaps_are_capped_and_summarised(tmp_path, name, listed):
    """At most MAX_GAPS gaps are listed; Chattersky's page, long with its deal-breaker fixes,
    lists none so that its criteria stay readable, and says how many differ."""
    port = sample_portfolio()
    st = port.find_startup(name)
    assert st is not None
    gaps = founder_investor_gaps(st, port.framework)
    differ = [g for g in gaps if g.gap != 0]
    assert len(differ) > MAX_GAPS  # the sample exercises the cap
    out = tmp_path / "gaps.pdf"
    write_report(port, out, startups=[name], draws=DRAWS)
    page = squash(pdf_pages(out)[1])
    lab = LABELS["en"]
    summary = lab["gaps_more"].format(more=len(differ) - listed,
                                      agree=len(gaps) - len(differ), count=len(gaps))
    assert squash(summary) in page
    for g in differ[:listed]:
        assert f"{squash(g.name)}{g.founder}{g.investor}{g.gap:+d}" in page
    head = squash(lab["col_founder"] + lab["col_investor"] + lab["col_gap"])
    assert (head in page) == (listed > 0)


def test_scenario_is_named_and_shifts_shown(tmp_path):
    port = sample_portfolio()
    out = tmp_path / "scenario.pdf"
    write_report(port, out, startups=["Tokenforge"], draws=DRAWS,
                 scenario="open_source_price_war")
    pages = [squash(p) for p in pdf_pages(out)]
    name = text(port.framework.scenario("open_source_price_war").name, "en")
    assert all(squash(name) in p for p in pages)
    token = next(r for r in rank_startups(port, scenario="open_source_price_war").rows
                 if r.startup == "Tokenforge")
    assert fixed(token.overall) in pages[0] and fixed(token.overall) in pages[1]
    assert "→" in pages[1]  # a shifted level shows where it moved


# -- labels, fonts and text fitting ------------------------------------------------------------

def test_labels_exist_in_both_languages_with_the_same_placeholders():
    assert set(LABELS["en"]) == set(LABELS["zh_CN"])
    for key, en in LABELS["en"].items():
        zh = LABELS["zh_CN"][key]
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", zh)), key
    # words are translated (numbers, symbols and placeholders may stay as they are)
    for key, en in LABELS["en"].items():
        if re.search(r"[A-Za-z]{3}", re.sub(r"{\w+}", "", en)):
            assert re.search(r"[\u4e00-\u9fff]", LABELS["zh_CN"][key]), key
    assert labels("fr") is LABELS["en"]


def test_font_families():
    fams = font_families()
    assert fams[0] in LATIN_FAMILIES
    assert fams is not font_families()  # a fresh list each time
    if installed_cjk_families():
        assert len(fams) == 2 and fams[1] in CJK_FAMILIES
    else:
        assert fams == [fams[0]]


def test_fit_and_wrap():
    m = Metrics(font_families())
    s = "The product serves everyone with everything; the exam-prep cohort is small."
    assert m.fit(s, 8, 1000) == s
    short = m.fit(s, 8, 120)
    assert short.endswith("…") and s.startswith(short[:-1]) and m.width(short, 8) <= 120
    # wide characters take about one em each
    zh = "我们只服务独居的年轻上班族，深夜情绪陪伴和角色共创是通用助手明确不做的方向。"
    assert m.width(zh, 10) == pytest.approx(10 * len(zh), rel=0.06)
    cut = m.fit(zh, 10, 100)
    assert cut.endswith("…") and m.width(cut, 10) <= 100
    lines = m.wrap(s + " " + zh, 8, 150)
    assert all(m.width(line, 8) <= 150 for line in lines)
    assert squash("".join(lines)) == squash(s + zh)
    capped = m.wrap(s * 3, 8, 150, max_lines=2)
    assert len(capped) == 2 and capped[-1].endswith("…")
    first = m.wrap(s, 8, 200, first_width=60)
    assert m.width(first[0], 8) <= 60 and all(m.width(x, 8) <= 200 for x in first[1:])


def test_chinese_punctuation_never_starts_or_ends_a_line():
    m = Metrics(font_families())
    label = "巨头压力（100 = 最小）"
    for width in (30, 38, 46, 60):
        lines = m.wrap(label, 6, width)
        assert squash("".join(lines)) == squash(label)
        assert not any(line[0] in "）。，" or line[-1] == "（" for line in lines), lines


def test_emoji_are_drawn_or_replaced_without_font_warnings(tmp_path, capfd):
    from models.charts.fonts import MISSING_GLYPH, SYMBOL_FAMILIES, _installed

    port = sample_portfolio()
    port.startups[0].name = "Rocket 🚀 AI"
    port.startups[0].assessments[1].assessor = "Ann \U000f0000"  # private use: no font has it
    out = tmp_path / "e.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning from matplotlib
        write_report(port, out, startups=["Rocket 🚀 AI"], draws=50)
    captured = capfd.readouterr()
    assert "findfont" not in captured.err and "Glyph" not in captured.err
    pages = pdf_pages(out)
    # the rocket is drawn by the symbol font when one is installed, else stands as a square
    has_symbols = any(f in _installed() for f in SYMBOL_FAMILIES)
    assert ("Rocket 🚀 AI" if has_symbols else f"Rocket {MISSING_GLYPH} AI") in pages[0]
    assert f"Ann {MISSING_GLYPH}" in pages[1]


def test_dollar_signs_in_names_are_text_not_mathematics(tmp_path):
    port = sample_portfolio()
    port.startups[0].name = "Price $5 and $10 Labs"
    port.startups[1].name = r"$\foo$ Labs"  # not a symbol matplotlib's mathematics knows
    out = tmp_path / "dollars.pdf"
    write_report(port, out, draws=50)
    pages = pdf_pages(out)
    # the band chart on page 1 labels each startup as written (rank and name)
    chart = pages[0].split("Overall score (dot)")[1]
    assert "Price $5 and $10 Labs" in chart and r"$\foo$ Labs" in chart
