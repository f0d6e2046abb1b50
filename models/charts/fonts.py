"""Font families for charts and reports, so that Chinese text renders wherever matplotlib draws.

matplotlib (≥ 3.6) accepts a *list* of font families and takes each glyph from the first family
that has it. :func:`font_families` gives that list for this machine: a Latin family first (so
digits and Latin text look the same in every language), then the installed CJK families in order
of preference. Pass it as ``fontfamily=`` to a text, or as ``"font.family"`` in a
``matplotlib.rc_context`` around drawing; the GUI's charts and the PDF report both use it.

On Debian and Ubuntu the CJK fonts come from the ``fonts-noto-cjk`` package
(``scripts/system-deps.sh test`` installs it). For pictographs (emoji in a startup's name, say)
the report also falls back to a monochrome symbol font (``fonts-symbola``), since matplotlib
cannot draw colour-emoji fonts; a character that no installed font has is drawn as
:data:`MISSING_GLYPH` instead (see :class:`models.report.metrics.Metrics`).
"""

from __future__ import annotations

from functools import cache

#: Latin families, first found wins (DejaVu Sans ships with matplotlib, so one is always there).
LATIN_FAMILIES: tuple[str, ...] = ("DejaVu Sans",)
#: CJK families in order of preference: Simplified Chinese forms first, then fonts that also
#: cover Chinese on other systems (Windows, macOS).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
    "Hiragino Sans GB", "Heiti SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Arial Unicode MS",
)

#: Monochrome fonts with pictographs and symbols, first found wins.
SYMBOL_FAMILIES: tuple[str, ...] = ("Symbola", "Noto Sans Symbols 2", "Segoe UI Symbol",
                                    "Segoe UI Emoji")
#: What stands in for a character that no installed font can draw (a white square, which
#: every Latin family here has).
MISSING_GLYPH = "\u25a1"


@cache
def _installed() -> frozenset[str]:
    from matplotlib import font_manager

    return frozenset(f.name for f in font_manager.fontManager.ttflist)


def installed_cjk_families() -> list[str]:
    """The families of :data:`CJK_FAMILIES` that matplotlib finds on this machine, in order."""
    found = _installed()
    return [f for f in CJK_FAMILIES if f in found]


def font_families(symbols: bool = False) -> list[str]:
    """The font fallback list for matplotlib: a Latin family, then the preferred installed
    CJK family (if any).

    Only installed families are listed, so matplotlib never logs "font not found", and only
    one CJK family, since every extra family slows down the layout of every text. With
    ``symbols`` the first installed family of :data:`SYMBOL_FAMILIES` comes last. Returns a
    new list on every call (callers may change it).
    """
    found = _installed()
    latin = [f for f in LATIN_FAMILIES if f in found] or ["DejaVu Sans"]
    extra = [f for f in SYMBOL_FAMILIES if f in found][:1] if symbols else []
    return [*latin, *installed_cjk_families()[:1], *extra]
