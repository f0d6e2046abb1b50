"""Read PDFs back for the report tests: text per page (``pdftotext``) and embedded fonts
(``pdffonts``), both from poppler-utils.

Under ``CI=true`` a missing tool (or a missing CJK font, which the reports need for Chinese)
fails the test, since CI installs them (``scripts/system-deps.sh test``); elsewhere the test is
skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def _missing(what: str, package: str) -> None:
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(f"{what} is required under CI=true; install {package} "
                    "(scripts/system-deps.sh test)")
    pytest.skip(f"{what} is not installed")


def poppler(tool: str) -> str:
    """The path of a poppler-utils tool; fails under CI, else skips, when it is missing."""
    exe = shutil.which(tool)
    if exe is None:
        _missing(tool, "poppler-utils")
    return exe  # type: ignore[return-value]


def need_cjk_font() -> None:
    """Fail under CI, else skip, when no font that covers Chinese is installed."""
    from models.charts.fonts import installed_cjk_families

    if not installed_cjk_families():
        _missing("a CJK font", "fonts-noto-cjk")


def pdf_pages(path: Path, *, raw: bool = False) -> list[str]:
    """The text of every page of ``path``, in order, as ``pdftotext -layout`` extracts it, or
    with ``raw`` in the order it was drawn (``pdftotext -raw``: a text wrapped over several
    lines reads whole, not interleaved with its neighbours on the page)."""
    mode = "-raw" if raw else "-layout"
    out = subprocess.run([poppler("pdftotext"), mode, "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, check=True, timeout=120).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """The fonts of ``path`` as ``pdffonts`` lists them: name, type, emb (yes/no), uni."""
    out = subprocess.run([poppler("pdffonts"), str(path)], capture_output=True, check=True,
                         timeout=60).stdout.decode("utf-8")
    rows = out.splitlines()[2:]
    fonts = []
    for row in rows:
        parts = row.split()
        if len(parts) < 7:
            continue
        # name, type (one or more words), encoding, emb, sub, uni, object id, generation
        fonts.append({"name": parts[0], "type": " ".join(parts[1:-6]), "emb": parts[-5],
                      "uni": parts[-3]})
    return fonts
