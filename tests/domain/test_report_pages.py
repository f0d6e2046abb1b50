"""A startup page's content read back from the PDF, row by row: every pillar with its score and
every criterion in framework order with its level, confidence and rationale, in both
languages; the page's texts (one artist, :class:`models.report.page_texts.PageTexts`) drawn
exactly where ``matplotlib.text.Text`` objects would be; and the PDF text written by
:mod:`models.report.pdf_text` the same, byte for byte, as matplotlib's own.
"""

from __future__ import annotations

import contextlib
import re
import zlib
from pathlib import Path

import numpy as np
import pytest

from models.core.framework import text
from models.core.portfolio import CONFIDENCES
from models.core.rounding import fixed
from models.engine.perspectives import perspective_levels
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from models.report.document import write_report
from models.report.texts import labels
from tests.domain.test_report import squash
from tests.pdftext import need_cjk_font, pdf_pages

#: Startups whose pages are read: one investor each, a decision, Chinese and English texts.
CHOSEN = ["Gearloom Systems", "衡策智能", "Chattersky"]


def table_rows(page: str, lang: str) -> list[str]:
    """The criteria table's lines of a page (``pdftotext -layout``), squashed: from the line
    after the column headings to the line before the note under the table."""
    lab = labels(lang)
    lines = [squash(line) for line in page.splitlines() if line.strip()]
    start = next(k for k, line in enumerate(lines)
                 if line.startswith(squash(lab["col_criterion"]))
                 and squash(lab["col_rationale"]) in line)
    end = next(k for k in range(start, len(lines))
               if lines[k].startswith(squash(lab["criteria_note"])[:6]))
    return lines[start + 1:end]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_criterion_with_its_level_confidence_and_rationale_in_order(tmp_path, lang):
    """Each chosen startup's page lists the pillars in framework order, each with its score
    under the investor view, and under each pillar its criteria in order, each on one line
    with the investor's level, the confidence and the start of the rationale."""
    need_cjk_font()
    port = sample_portfolio()
    fw = port.framework
    out = tmp_path / f"pages-{lang}.pdf"
    result = write_report(port, out, startups=CHOSEN, lang=lang, draws=100)
    pages = pdf_pages(out)
    assert len(pages) == result.pages == 1 + len(CHOSEN)
    ranked = [r for r in rank_startups(port, lang=lang).rows if r.startup in CHOSEN]
    view = perspective_levels(port.startups, fw, "investor")
    lab = labels(lang)
    for k, row in enumerate(ranked):
        used = view.used[row.row]
        assert len(used) == 1  # one investor: its own levels, confidence and rationale
        rows = table_rows(pages[1 + k], lang)
        assert len(rows) == len(fw.pillars) + len(fw.criteria), (row.startup, rows)
        it = iter(rows)
        for pillar in fw.pillars:
            line = next(it)
            assert line == squash(pillar.score_name(lang)) + fixed(row.pillars[pillar.id]), line
            for crit in pillar.criteria:
                line = next(it)
                c = fw.criterion_index[crit.id]
                level, conf = view.levels[row.row, c], view.confidence[row.row, c]
                name = squash(text(crit.name, lang))
                rationale = squash(used[0].scores[crit.id].rationale)
                assert line.startswith(name + str(int(level)) + squash(lab[CONFIDENCES[conf]])), \
                    (line, crit.id)
                assert rationale[:12] in line[len(name):], (line, crit.id)


def test_page_texts_draw_what_text_objects_draw():
    """Left-aligned, right-aligned and centred texts, bold and italic, Chinese, and a text with
    a line break: drawn by one PageTexts artist, the picture is the one the same texts give as
    Text objects, pixel for pixel."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from models.charts.fonts import font_families
    from models.report.document import report_rc
    from models.report.page_texts import PageTexts

    need_cjk_font()
    texts = [(0.1, 0.9, "Segment focus", (8.0, False, False), "#1d2430", "left"),
             (0.9, 0.8, "67.3", (28.0, True, False), "#5f6873", "right"),
             (0.5, 0.7, "Rank 1 of 8", (11.0, True, False), "#b3261e", "center"),
             (0.1, 0.6, "not scored", (7.0, False, True), "#98a1ab", "center"),
             (0.1, 0.5, "衡策智能 · 等级 5：10 次访谈", (9.0, False, False), "#1d2430", "left"),
             (0.1, 0.4, "two\nlines", (8.0, False, False), "#1d2430", "right")]

    def picture(as_artist: bool) -> np.ndarray:
        fig = Figure(figsize=(4, 3), dpi=100)
        if as_artist:
            page = PageTexts(fig)
            for x, y, s, face, colour, ha in texts:
                page.add(x, y, s, face, colour, ha)
        else:
            for x, y, s, (size, bold, italic), colour, ha in texts:
                fig.text(x, y, s, fontsize=size, fontweight="bold" if bold else "normal",
                         fontstyle="italic" if italic else "normal", color=colour, ha=ha,
                         va="baseline")
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba()).copy()

    with mpl.rc_context():
        mpl.rcdefaults()
        mpl.rcParams.update(report_rc(font_families(symbols=True)))
        drawn, reference = picture(True), picture(False)
    assert (reference[..., :3] < 128).any()  # something was drawn
    assert np.array_equal(drawn, reference)


def pdf_streams(path: Path) -> list[bytes]:
    """Every stream of a PDF written by matplotlib (page contents, fonts, metadata), inflated,
    without the moment it was made."""
    data = path.read_bytes()
    out = []
    for found in re.finditer(rb"(?<!end)stream\r?\n", data):
        raw = data[found.end():data.index(b"endstream", found.end())].rstrip(b"\r\n")
        with contextlib.suppress(zlib.error):
            raw = zlib.decompress(raw)
        out.append(re.sub(rb"/CreationDate \(D:\d+Z\)", b"", raw))
    return out


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pdf_text_is_written_as_matplotlib_writes_it(tmp_path, monkeypatch, lang):
    """The report's text written with each text shaped once per document is the text
    matplotlib's PDF backend writes itself: every stream of the file the same, byte for byte
    (a scenario's moves, a ranking page, Chinese and English, bold and italic)."""
    from models.report import pdf_text

    need_cjk_font()
    port = sample_portfolio()
    drawn = []
    monkeypatch.setattr(pdf_text.PdfText, "draw", lambda self, *args, _real=pdf_text.PdfText.draw:
                        drawn.append(args[4]) or _real(self, *args))
    kwargs = {"startups": CHOSEN, "lang": lang, "draws": 100,
              "scenario": "A sleeping giant enters"}
    write_report(port, tmp_path / "fast.pdf", **kwargs)
    assert len(drawn) > 300  # the writer drew the texts
    monkeypatch.setattr(pdf_text, "CHECKED", frozenset())  # an unchecked matplotlib release
    drawn.clear()
    write_report(port, tmp_path / "plain.pdf", **kwargs)
    assert not drawn  # matplotlib drew them
    fast, plain = pdf_streams(tmp_path / "fast.pdf"), pdf_streams(tmp_path / "plain.pdf")
    assert len(fast) == len(plain) > 2 * len(CHOSEN)
    assert fast == plain


def test_no_writer_but_for_a_pdf():
    """A picture (Agg) gets no PDF writer: its texts are drawn by the renderer itself."""
    from matplotlib.backends.backend_agg import RendererAgg

    from models.report.pdf_text import PdfText

    assert PdfText.target(RendererAgg(100, 100, 72)) is None
