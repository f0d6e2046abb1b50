"""Widths of text in the report's fonts, and text cut or wrapped to fit a width.

:class:`Metrics` measures from each glyph's advance in the first family of the report's font
fallback list (:func:`models.charts.fonts.font_families`) that has it, which is much cheaper
than a full layout, and replaces characters that no font has.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_ELLIPSIS = "…"


class Metrics:
    """Widths of text in points, from each glyph's advance in the first family that has it.

    Kerning is ignored, which is why :meth:`fit` and :meth:`wrap` keep a small margin. This is
    much cheaper than a full layout, so truncating and wrapping stay fast.
    """

    _SAFETY = 1.03

    def __init__(self, families: list[str]) -> None:
        from matplotlib.font_manager import FontProperties, findfont, get_font

        self._chains: dict[bool, list[Any]] = {}
        for bold in (False, True):
            chain = []
            for family in families:
                try:
                    where = findfont(FontProperties(family=family,
                                                    weight="bold" if bold else "normal"),
                                     fallback_to_default=False)
                except ValueError:
                    continue
                chain.append(get_font(where))
            self._chains[bold] = chain
        self._em: dict[tuple[str, bool], float] = {}
        self._covered: dict[str, bool] = {}

    def _advance(self, ch: str, bold: bool) -> float:
        key = (ch, bold)
        em = self._em.get(key)
        if em is None:
            from matplotlib.ft2font import LoadFlags

            em = 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62
            for font in self._chains[bold]:
                index = font.get_char_index(ord(ch))
                if index:
                    font.set_size(100, 72)
                    glyph = font.load_glyph(index, flags=LoadFlags.NO_HINTING)
                    em = glyph.linearHoriAdvance / 65536 / 100
                    break
            self._em[key] = em
        return em

    def drawable(self, s: str) -> str:
        """``s`` with every character that no font of the chain has replaced by
        :data:`~models.charts.fonts.MISSING_GLYPH` (so nothing is silently dropped from the page and
        matplotlib has no missing glyph to warn about). Spaces and variation selectors, which
        draw nothing, are kept and dropped respectively."""
        from models.charts.fonts import MISSING_GLYPH

        out = []
        for ch in s:
            if ch.isspace():
                out.append(ch)
            elif unicodedata.category(ch) in ("Mn", "Cf") and not self._has(ch):
                continue  # a joiner or selector (emoji sequences): nothing to draw
            else:
                out.append(ch if self._has(ch) else MISSING_GLYPH)
        return "".join(out)

    def _has(self, ch: str) -> bool:
        found = self._covered.get(ch)
        if found is None:
            found = any(font.get_char_index(ord(ch)) for font in self._chains[False])
            self._covered[ch] = found
        return found

    def width(self, s: str, size: float, bold: bool = False) -> float:
        """The width of ``s`` at ``size`` points."""
        return size * self._SAFETY * sum(self._advance(c, bold) for c in s)

    def fit(self, s: str, size: float, width: float, bold: bool = False) -> str:
        """``s`` on one line, cut with an ellipsis if it is wider than ``width`` points."""
        s = " ".join(s.split())
        if self.width(s, size, bold) <= width:
            return s
        room = width - self.width(_ELLIPSIS, size, bold)
        used = 0.0
        for k, ch in enumerate(s):
            used += size * self._SAFETY * self._advance(ch, bold)
            if used > room:
                return s[:k].rstrip() + _ELLIPSIS
        return s

    def wrap(self, s: str, size: float, width: float, bold: bool = False,
             max_lines: int | None = None, first_width: float | None = None) -> list[str]:
        """``s`` broken into lines no wider than ``width`` (the first ``first_width``).

        Lines break at spaces, or between any two wide (CJK) characters; a word wider than
        a line is cut. Past ``max_lines`` the last line ends with an ellipsis.
        """
        lines: list[str] = []
        line = ""

        def limit() -> float:
            return first_width if (first_width is not None and not lines) else width

        for tok in _tokens(" ".join(s.split())):
            if self.width((line + tok).rstrip(), size, bold) <= limit():
                line += tok
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            while tok.strip() and self.width(tok.rstrip(), size, bold) > limit():
                cut = self.fit(tok, size, limit(), bold)[:-1] or tok[0]
                lines.append(cut)
                tok = tok[len(cut):]
            line = tok if tok.strip() else ""
        if line.strip():
            lines.append(line.rstrip())
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            last_limit = first_width if (first_width is not None and max_lines == 1) else width
            lines[-1] = self.fit(lines[-1].rstrip() + _ELLIPSIS, size, last_limit, bold)
        return lines


_TOKEN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff"
                    r"\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+")


#: Punctuation that may not end a line (opening) or start one (closing), as in Chinese
#: typesetting: it stays with the token after (opening) or before (closing) it.
_OPENING = "（《“‘「『【〔"
_CLOSING = "）》”’」』】〕，。、；：！？"


def _tokens(s: str) -> list[str]:
    """The pieces a line may break between: words with their trailing spaces, single wide
    characters, runs of spaces; an opening bracket or quote joins the piece after it, closing
    punctuation the piece before it."""
    out: list[str] = []
    for tok in _TOKEN.findall(s):
        if out and (tok[0] in _CLOSING or out[-1][-1] in _OPENING):
            out[-1] += tok
        else:
            out.append(tok)
    return out

