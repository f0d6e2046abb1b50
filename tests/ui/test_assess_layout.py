"""The Assess view on a laptop: the main window on a copy of the sample at 1366×768 with 125 %
scaling (QT_SCALE_FACTOR=1.25, so 1093×614 device-independent pixels) and at 1024×640, in
English and in Chinese. The startup list never scrolls sideways and its rows fit it; the
results column is not cut (its pillar bars and their values inside what is shown); no column
is squeezed below what its contents need. Each case runs in a process of its own, since the
scale factor is read when the application starts, and renders the window to a PNG of the
screen's size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: (screen size in pixels, scale factor)
SCREENS = {"1366x768@1.25": ((1366, 768), 1.25), "1024x640": ((1024, 640), 1.0)}


def measure(sample: str, png: str) -> dict:
    """Open ``sample`` in a main window filling the screen, render it to ``png`` and return
    what the test checks (run in the child process)."""
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from gui.i18n import install_language
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    install_language(os.environ["BEACHHEAD_TEST_LANG"], app)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    w, h = (int(x) for x in os.environ["BEACHHEAD_TEST_SCREEN"].split("x"))
    window = MainWindow(AppSettings())
    assert window.files.open_document(Path(sample))
    window.resize(round(w / scale), round(h / scale))
    window.show()
    view = window.assess_view
    view.select_startup(window.doc.portfolio.find_startup("Gearloom Systems").id)
    for _ in range(5):
        app.processEvents()
    listed, results = view.list_view, view.results_panel
    rows = [listed.visualRect(view.proxy.index(r, 0)) for r in range(view.proxy.rowCount())]
    bars = results.bars
    bars_right = bars.mapTo(results.viewport(), QPoint(bars.width(), 0)).x()
    out = {
        "ratio": window.devicePixelRatioF(),
        "list_scrollbar": listed.horizontalScrollBar().isVisible(),
        "list_viewport": listed.viewport().width(),
        "rows_right": max(r.right() + 1 for r in rows),
        "rows_left": min(r.left() for r in rows),
        "results_viewport": results.viewport().width(),
        "results_body": results.widget().width(),
        "bars_right": bars_right, "bars_width": bars.width(),
        "bars_needed": bars.minimumSizeHint().width(),
        "value_width": bars.fontMetrics().horizontalAdvance("100.0"),
        "pillars": [n for n, _ in bars.scores()],
        "columns": [(view.splitter.widget(i).width(),
                     view.splitter.widget(i).minimumSizeHint().width()) for i in range(3)],
        "scored": view.header.progress_label.text(),
    }
    image = window.grab()
    out["png"] = (image.width(), image.height(), image.save(png))
    window.close()
    return out


def _run(tmp_path: Path, sample_file: Path, screen: str, lang: str) -> dict:
    (w, h), scale = SCREENS[screen]
    png = tmp_path / f"assess-{lang}-{screen}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": str(scale),
           "BEACHHEAD_TEST_LANG": lang, "BEACHHEAD_TEST_SCREEN": f"{w}x{h}",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "HOME": str(tmp_path)}
    code = ("import json, sys; from tests.ui.test_assess_layout import measure; "
            "print(json.dumps(measure(sys.argv[1], sys.argv[2])))")
    done = subprocess.run([sys.executable, "-c", code, str(sample_file), str(png)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_nothing_is_cut_or_scrolls_sideways_on_a_laptop(tmp_path, sample_file, screen, lang):
    (w, h), scale = SCREENS[screen]
    got = _run(tmp_path, sample_file, screen, lang)
    assert got["ratio"] == scale
    assert got["png"] == [w, h, True]  # the picture is the screen's size, in its pixels
    # the startup list: no sideways scroll bar, every row within what is shown
    assert got["list_scrollbar"] is False
    assert got["rows_left"] >= 0 and got["rows_right"] <= got["list_viewport"]
    # the results: the body is as wide as what is shown, the pillar bars (values at their
    # right end) inside it and wide enough for a bar and "100.0" after their labels
    assert got["results_body"] <= got["results_viewport"]
    assert got["bars_right"] <= got["results_viewport"]
    assert got["bars_width"] >= got["bars_needed"] >= got["value_width"]
    assert len(got["pillars"]) == 5
    # no column narrower than its contents need
    for width, needed in got["columns"]:
        assert width >= needed
    assert got["scored"] == {"en": "18 of 18 scored", "zh_CN": "已评分 18 / 18"}[lang]
