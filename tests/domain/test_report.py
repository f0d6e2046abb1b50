"""The PDF report: pages, selectable text in English and Chinese, no missing glyphs, the
startup filter, atomic writing, fonts and the text-fitting helpers.

Reports are read back with poppler's ``pdftotext``/``pdffonts`` (see :mod:`tests.pdftext`).
Each full sample report is written once (one test per language) to keep the suite fast.
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
from models.core.framework import text
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.core.rounding import fixed
from models.engine.results import score_portfolio
from models.engine.sample import sample_portfolio
from models.report import assessment_page
from models.report.assessment_blocks import MAX_GAPS
from models.report.data import UnknownStartupError, select_assessments
from models.report.document import write_report
from models.report.metrics import Metrics
from models.report.texts import LABELS, labels
from tests.helpers import tiny_framework
from tests.pdftext import need_cjk_font, pdf_fonts, pdf_pages

DRAWS = 200


def squash(s: str) -> str:
    """Text without whitespace, so that layout spacing never matters to a comparison."""
    return re.sub(r"\s+", "", s)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- the sample, in both languages ------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_sample_report(tmp_path, lang):
    """Writing the sample (Chinese names and rationales) raises no warning at all, in
    particular no "Glyph … missing from font"; every page holds its own text, as text."""
    need_cjk_font()
    port = sample_portfolio()
    out = tmp_path / f"sample-{lang}.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        result = write_report(port, out, lang=lang, draws=DRAWS, seed=1)
    n = len(port.assessments())
    assert (result.pages, result.assessments, result.path) == (1 + n, n, out)

    pages = pdf_pages(out)
    assert len(pages) == 1 + n
    flat = [squash(p) for p in pages]
    lab = labels(lang)
    fw = port.framework

    # page 1: the ranking holds every startup and the overall of every assessment
    for st in port.startups:
        assert squash(st.name) in flat[0], st.name
    results = score_portfolio(port, lang=lang)
    for r in results:
        assert fixed(r.overall) in flat[0]
    for key in ("ranking_title", "col_startup", "col_overall", "col_postures", "col_breakers"):
        assert squash(lab[key]) in flat[0], key

    # one page per assessment, in document order, each with its own facts and figures
    headings = ("overall", "pillars", "improvements", "postures", "deal_breakers", "criteria",
                "gaps", "col_criterion", "col_score", "col_confidence", "col_rationale")
    for k, ((st, a), r) in enumerate(zip(port.assessments(), results, strict=True)):
        page = flat[k + 1]
        assert squash(st.name) in page
        assert squash(a.date.isoformat()) in page
        assert fixed(r.overall) in page
        for key in headings:
            assert squash(lab[key]) in page, (k, key)
        for crit in fw.criteria:
            name = text(crit.name, lang)
            assert squash(name)[:8] in page, (k, name)
        for hit in r.postures + r.deal_breakers:
            assert squash(hit.name) in page
        assert squash(lab["footer_page"].format(page=k + 2, pages=1 + n)) in page
        assert squash(lab["footer_framework"].format(framework=fw.id,
                                                     version=fw.version)) in page

    joined = "".join(flat)
    if lang == "zh_CN":
        # every fixed label is Chinese: no English heading leaks into the Chinese report
        for key in ("overall", "postures", "deal_breakers", "criteria", "improvements",
                    "ranking_title", "col_startup", "gaps", "col_confidence"):
            assert squash(LABELS["en"][key]) not in joined, key
        assert squash(text(fw.source, "zh_CN"))[:20] in joined
        assert "细分定位" in joined  # a pillar name in Chinese
    else:
        assert squash(text(fw.source, "en"))[:20] in joined

    # the text is embedded TrueType/OpenType with a Unicode map, never Type 3 outlines
    fonts = pdf_fonts(out)
    assert fonts
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts), fonts
    assert not any("Type 3" in f["type"] for f in fonts), fonts
    assert any("CJK" in f["name"] for f in fonts)  # Chinese names use the CJK font


# -- selection ---------------------------------------------------------------------------------

def test_startup_filter_by_name_and_id(tmp_path):
    port = sample_portfolio()
    tokenforge = port.find_startup("Tokenforge")
    assert tokenforge is not None
    out = tmp_path / "two.pdf"
    result = write_report(port, out, startups=["  chattersky ", tokenforge.id], draws=DRAWS)
    chosen = [(s.name, a.id) for s, a in port.assessments()
              if s.name in ("Chattersky", "Tokenforge")]
    assert result.assessments == len(chosen) == 3
    pages = pdf_pages(out)
    assert len(pages) == result.pages == 4
    flat = [squash(p) for p in pages]
    assert "Chattersky" in flat[0] and "Tokenforge" in flat[0]
    assert "Gearloom" not in "".join(flat) and "Lumenreel" not in "".join(flat)
    # document order: Chattersky's two assessments, then Tokenforge's
    assert "Chattersky" in flat[1] and "Chattersky" in flat[2] and "Tokenforge" in flat[3]
    assert "3assessmentsof2startups" in flat[0]


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


def test_unknown_scenario_and_bad_draws(tmp_path):
    with pytest.raises(KeyError):
        write_report(sample_portfolio(), tmp_path / "x.pdf", scenario="no such scenario")
    with pytest.raises(ValueError, match="draws"):
        write_report(sample_portfolio(), tmp_path / "x.pdf", draws=0)
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

    original = assessment_page.criteria_table
    monkeypatch.setattr(assessment_page, "criteria_table", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_report(sample_portfolio(), out, startups=["Chattersky", "Tokenforge"],
                     draws=DRAWS)
    assert len(calls) == 2  # it failed on the second assessment page, half-way through
    assert out.read_bytes() == b"%PDF previous report"
    assert leftovers(tmp_path) == []


def test_progress_reports_every_page_and_can_cancel(tmp_path):
    seen: list[tuple[int, int]] = []
    out = tmp_path / "p.pdf"
    write_report(sample_portfolio(), out, startups=["Chattersky"], draws=DRAWS,
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

def _tiny_portfolio() -> Portfolio:
    """Two pillars (so the radar falls back to bars), an unscored assessment, a startup with
    no assessment, a founder and an investor who disagree, and a deal-breaker."""
    fw = tiny_framework()
    day = dt.date(2024, 10, 1)
    return Portfolio(framework=fw, startups=[
        Startup(name="Alphaworks", sector="Robotics", stage="Seed", region="Suzhou", assessments=[
            Assessment(assessor="Founder One", role="founder", date=day, scores={
                "a.x": Score(value=5, confidence="high", rationale="Clear lead " * 30),
                "a.y": Score(value=4), "b.z": Score(value=1), "b.w": Score(value=2)}),
            Assessment(assessor="Investor Two", role="investor", date=day, scores={
                "a.x": Score(value=2, confidence="low"), "a.y": Score(value=4),
                "b.z": Score(value=3), "b.w": Score(value=5, rationale="Fatal exposure.")}),
        ]),
        Startup(name="Blankco", assessments=[Assessment(assessor="", role="other", date=day)]),
        Startup(name="Ghost Ltd"),
    ])


def test_small_framework_unscored_and_partial_assessments(tmp_path):
    port = _tiny_portfolio()
    out = tmp_path / "tiny.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        result = write_report(port, out, draws=DRAWS)
    assert result.pages == 4 and result.assessments == 3
    pages = [squash(p) for p in pdf_pages(out)]
    lab = LABELS["en"]
    assert "GhostLtd" not in pages[0]  # no assessment, no row and no page
    alpha_founder, alpha_investor, blank = pages[1], pages[2], pages[3]
    assert squash(lab["deal_breakers"]) in alpha_investor and "Fatalw" in alpha_investor
    assert squash(lab["no_deal_breakers"]) in alpha_founder
    # the founder–investor gaps are listed on both of Alphaworks' pages
    for page in (alpha_founder, alpha_investor):
        assert squash(lab["col_founder"]) in page and squash(lab["col_gap"]) in page
        assert "-3" in page  # a.x: investor 2 − founder 5
    # a long rationale is cut to one line with an ellipsis
    assert "Clearlead" in alpha_founder and "…" in alpha_founder
    # nothing scored: no overall, every criterion "not scored", no comparison possible
    assert squash(lab["not_scored_overall"]) in blank
    assert blank.count(squash(lab["not_scored"])) == 4
    assert squash(lab["gaps_missing"]) in blank
    assert squash(lab["unnamed"]) in blank


def test_gaps_are_capped_and_summarised(tmp_path):
    port = sample_portfolio()
    st = port.find_startup("Chattersky")
    assert st is not None
    gaps = founder_investor_gaps(st, port.framework)
    differ = [g for g in gaps if g.gap != 0]
    assert len(differ) > MAX_GAPS  # the sample exercises the cap
    out = tmp_path / "gaps.pdf"
    write_report(port, out, startups=["Chattersky"], draws=DRAWS)
    page = squash(pdf_pages(out)[1])
    lab = LABELS["en"]
    summary = lab["gaps_more"].format(more=len(differ) - MAX_GAPS,
                                      agree=len(gaps) - len(differ), count=len(gaps))
    assert squash(summary) in page
    for g in differ[:MAX_GAPS]:
        assert squash(g.name) in page and f"{g.gap:+d}" in page


def test_empty_selection_gives_a_ranking_page_only(tmp_path):
    port = _tiny_portfolio()
    out = tmp_path / "empty.pdf"
    result = write_report(port, out, startups=["Ghost Ltd"], lang="zh_CN", draws=DRAWS)
    assert (result.pages, result.assessments) == (1, 0)
    pages = pdf_pages(out)
    assert len(pages) == 1
    assert squash(LABELS["zh_CN"]["no_assessments"]) in squash(pages[0])


def test_scenario_is_named_and_shifts_shown(tmp_path):
    port = sample_portfolio()
    out = tmp_path / "scenario.pdf"
    write_report(port, out, startups=["Tokenforge"], draws=DRAWS,
                 scenario="open_source_price_war")
    pages = [squash(p) for p in pdf_pages(out)]
    name = text(port.framework.scenario("open_source_price_war").name, "en")
    assert all(squash(name) in p for p in pages)
    shifted = score_portfolio(port, "open_source_price_war")
    token = next(r for r in shifted if r.startup == "Tokenforge")
    assert fixed(token.overall) in pages[1]
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


def test_emoji_are_drawn_or_replaced_without_font_warnings(tmp_path, capfd):
    from models.charts.fonts import MISSING_GLYPH, SYMBOL_FAMILIES, _installed

    port = sample_portfolio()
    port.startups[0].name = "Rocket 🚀 AI"
    port.startups[0].assessments[0].assessor = "Ann \U000f0000"  # private use: no font has it
    out = tmp_path / "e.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning from matplotlib
        write_report(port, out, draws=50)
    captured = capfd.readouterr()
    assert "findfont" not in captured.err and "Glyph" not in captured.err
    pages = pdf_pages(out)
    # the rocket is drawn by the symbol font when one is installed, else stands as a square
    has_symbols = any(f in _installed() for f in SYMBOL_FAMILIES)
    assert ("Rocket 🚀 AI" if has_symbols else f"Rocket {MISSING_GLYPH} AI") in pages[0]
    assert f"Ann {MISSING_GLYPH}" in pages[0]
