"""Text written into a PDF page exactly as matplotlib's PDF backend writes it
(``RendererPdf.draw_text``), each text laid out and encoded once per document.

A report repeats many of its texts on every page (labels, criterion names, levels, the
footer), and the backend lays each one out again wherever it appears: shaping through the
font fallback chain, loading every glyph's outline (which a PDF does not need: it embeds the
fonts and places glyphs by number), and encoding the glyph runs. :class:`PdfText` keeps each
text's glyphs, and the operators that show them in a document, and writes the same operators,
fonts and glyph positions the backend would write: the PDF is the same byte for byte (a test
compares the two ways on the sample's report).

It reaches into the backend's own helpers (the font tracker, the operator writer), which
matplotlib does not promise to keep: :meth:`PdfText.target` takes only the PDF renderer of a
matplotlib release this was checked against (:data:`CHECKED`), and otherwise the text is drawn
by ``renderer.draw_text``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable
from typing import Any

#: matplotlib releases (major, minor) whose PDF text writing this module reproduces.
CHECKED: frozenset[tuple[int, int]] = frozenset({(3, 11)})

#: A laid-out glyph: its font, character(s), glyph index, x, y and kerning before it.
_Glyph = tuple[Any, str, int, float, float, float]


class PdfText:
    """The texts a page has written into PDF documents: each one's glyphs (whatever the
    document) and the operators showing them (in the document being written)."""

    def __init__(self) -> None:
        self._glyphs: dict[Hashable, list[_Glyph]] = {}
        self._shown: dict[Hashable, bytes] = {}
        self._file: Any = None

    @staticmethod
    def target(renderer: Any) -> Any:
        """The PDF renderer behind ``renderer``, or ``None`` when it is none, or one of an
        unchecked matplotlib release, or one not writing TrueType text."""
        import matplotlib as mpl
        from matplotlib.backends.backend_pdf import RendererPdf

        found = getattr(renderer, "_renderer", renderer)  # behind a MixedModeRenderer
        release = tuple(int(part) for part in mpl.__version__.split(".")[:2])
        if (release not in CHECKED or not isinstance(found, RendererPdf)
                or mpl.rcParams["pdf.fonttype"] != 42 or mpl.rcParams["pdf.use14corefonts"]):
            return None
        return found

    def draw(self, r: Any, gc: Any, x: float, y: float, s: str, prop: Any,
             key: Hashable) -> None:
        """Draw ``s`` into PDF renderer ``r`` with its origin at (``x``, ``y``), unrotated,
        as ``r.draw_text`` would; ``key`` names the text and its font properties."""
        from matplotlib.backends.backend_pdf import Op

        file = r.file
        r.check_gc(gc, gc._rgb)
        if file is not self._file:  # another document: its own fonts and glyph codes
            self._file, self._shown = file, {}
        shown = self._shown.get(key)
        if shown is None:
            glyphs = self._glyphs.get(key)
            if glyphs is None:
                glyphs = self._glyphs[key] = _layout(r, s, prop)
            shown = self._shown[key] = _show(r, glyphs, prop.get_size_in_points())
        file.output(Op.gsave)
        file.output(math.cos(0.0), math.sin(0.0), -math.sin(0.0), math.cos(0.0), x, y,
                    Op.concat_matrix)
        file.output(Op.begin_text)
        file.write(shown)
        file.output(Op.end_text)
        file.output(Op.grestore)


def _layout(r: Any, s: str, prop: Any) -> list[_Glyph]:
    """The glyphs of ``s`` as the backend lays them out (its font chain at the text's size,
    shaped by libraqm), without loading their outlines."""
    from matplotlib.ft2font import LoadFlags

    font = r._get_font_ttf(prop)
    return [(g.ft_object, g.char, g.glyph_index, g.x, g.y, g.prev_kern)
            for g in font._layout(s, LoadFlags.NO_HINTING)]


def _show(r: Any, glyphs: list[_Glyph], size: float) -> bytes:
    """The operators showing ``glyphs`` (font selections, positions, glyph runs with their
    kerning), as the backend writes them; the glyphs and fonts are recorded in the document
    as they would be."""
    from matplotlib.backends import backend_pdf
    from matplotlib.font_manager import FontPath

    backend: Any = backend_pdf  # its helpers are untyped
    fill, represent, Op = backend._fill, backend.pdfRepr, backend.Op
    file = r.file
    track = file._character_tracker.track_glyph
    out: list[bytes] = []

    def output(*data: Any) -> None:  # PdfFile.output, into ``out``
        out.append(fill([represent(x) for x in data]) + b"\n")

    run: list[Any] = []  # [kern, glyph code, glyph code, ...] without zero kerns

    def flush() -> None:
        if run:
            output([(-1000 * next(group) / size) if kind is float
                    else r._encode_glyphs(group, 42)
                    for kind, group in itertools.groupby(run, type)], Op.showkern)
            run.clear()

    prev_font: tuple[Any, int] | None = None
    prev_x: float = 0
    for font, chars, index, gx, gy, kern in glyphs:
        subset, code = track(font, chars, index)
        if (font, subset) != prev_font:
            flush()
            output(file.fontName(FontPath(font.fname, font.face_index), subset), size,
                   Op.selectfont)
            output(gx - prev_x, 0, Op.textpos)  # RendererPdf._setup_textpos, unrotated
            prev_font, prev_x = (font, subset), gx
        if gy:
            flush()
            output(gy, Op.textrise)
        if kern:
            run.append(kern)
        run.append(code)
        if gy:
            flush()
            output(0, Op.textrise)
    flush()
    return b"".join(out)
