"""Every text of a report page drawn by one matplotlib artist, straight through the renderer.

A page holds some 150–200 short texts. As ``matplotlib.text.Text`` objects, each would be laid
out before it is drawn: measured through the font fallback chain, every glyph loaded, although
the report places its texts itself (:class:`models.report.metrics.Metrics` measures, cuts and
wraps them). :class:`PageTexts` draws each text where a ``Text`` anchored at its baseline would
be: a left-aligned text needs no measurement at all (its anchor is where its first glyph
starts), a right-aligned or centred one is measured once per document through the renderer's
own measurement (the width a ``Text`` would use); the drawing is the renderer's ``draw_text``,
as for a ``Text``, so the PDF holds the same text, fonts and positions; into a PDF, the same
operators are written by :mod:`models.report.pdf_text`, which lays a text out once per
document. A text with a line break in it is drawn by a ``Text`` of its own, in its turn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.artist import Artist

from models.report.pdf_text import PdfText

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.text import Text

#: A text's face: size in points, bold, italic.
Face = tuple[float, bool, bool]


@dataclass(frozen=True)
class _Run:
    """One text: its anchor in figure coordinates, its face, colour and alignment (``left``,
    ``right`` or ``center``); ``text`` holds the ``Text`` of a text with a line break."""

    x: float
    y: float
    s: str
    face: Face
    color: str
    ha: str
    text: Text | None = None


class PageTexts(Artist):
    """The texts of a page, drawn in the order they were added, where a figure's texts are
    drawn (after its patches and lines)."""

    zorder = 3  # a figure text's

    def __init__(self, fig: Figure) -> None:
        super().__init__()
        self.fig = fig
        self.runs: list[_Run] = []
        self._props: dict[Face, FontProperties] = {}
        self._widths: dict[tuple[str, Face, str, float], float] = {}
        self._pdf = PdfText()
        fig.add_artist(self)

    def clear(self) -> None:
        """Remove every text."""
        self.runs.clear()
        self.stale = True

    def add(self, x: float, y: float, s: str, face: Face, color: str, ha: str) -> None:
        """A text anchored at (``x``, ``y``) in figure coordinates, its baseline there."""
        text = None
        if "\n" in s:
            from matplotlib.text import Text

            text = Text(x, y, s, color=color, ha=ha, va="baseline",
                        fontproperties=self.prop(face))
            text.set_figure(self.fig)
            text.set_transform(self.get_transform())
        self.runs.append(_Run(x, y, s, face, color, ha, text))
        self.stale = True

    def prop(self, face: Face) -> FontProperties:
        """The font properties of ``face`` (the report's font families, from rcParams)."""
        found = self._props.get(face)
        if found is None:
            from matplotlib.font_manager import FontProperties

            size, bold, italic = face
            found = FontProperties(size=size, weight="bold" if bold else "normal",
                                   style="italic" if italic else "normal")
            self._props[face] = found
        return found

    def _width(self, renderer: Any, s: str, face: Face) -> float:
        """The width in pixels the renderer measures for ``s`` (once per document)."""
        key = (s, face, type(renderer).__name__, float(renderer.points_to_pixels(1.0)))
        w = self._widths.get(key)
        if w is None:
            w = float(renderer.get_text_width_height_descent(s, self.prop(face), False)[0])
            self._widths[key] = w
        return w

    def draw(self, renderer: Any) -> None:
        """Draw every text (as :meth:`matplotlib.text.Text.draw` draws a one-line text)."""
        if not self.get_visible() or not self.runs:
            return
        from matplotlib import colors, rcParams

        pdf = self._pdf.target(renderer)
        points = self.get_transform().transform([(r.x, r.y) for r in self.runs])
        height = renderer.get_canvas_width_height()[1]
        for run, (x, y) in zip(self.runs, points.tolist(), strict=True):
            if run.text is not None:
                run.text.draw(renderer)
                continue
            if run.ha == "right":
                x -= self._width(renderer, run.s, run.face)
            elif run.ha == "center":
                x -= self._width(renderer, run.s, run.face) / 2
            gc = renderer.new_gc()
            gc.set_foreground(colors.to_rgba(run.color), isRGBA=True)
            gc.set_alpha(None)
            gc.set_antialiased(rcParams["text.antialiased"])
            y = height - y if renderer.flipy() else y
            if pdf is None:
                renderer.draw_text(gc, x, y, run.s, self.prop(run.face), 0.0, ismath=False)
            else:
                self._pdf.draw(pdf, gc, x, y, run.s, self.prop(run.face), (run.s, run.face))
            gc.restore()
        self.stale = False
