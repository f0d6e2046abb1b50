"""The Compare view fits a laptop's screen: in a window of 1024×640, and of 1366×768 at 125 %
scaling, every chart of its tabs (map, uncertainty bands, tornado, gaps) is wholly on screen,
every text of every chart lies inside its figure, the legends overlap no title or caption, the
names on the map overlap nothing, and the consensus button keeps room for its arrow.

Scaling is set before Qt starts (``QT_SCALE_FACTOR``), so each size runs this module as a
script in a process of its own, which prints what it found as JSON; at 1280×800 the checks
run in the test's own window (pytest-qt, offscreen).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

#: The tabs below the tables that hold a chart, by the Compare view's attribute.
CHART_TABS = ("map", "uncertainty_panel", "sensitivity_panel", "gaps_panel")
#: A startup of the sample with founder and investor assessments (its gaps are charted).
CHOSEN = "s06"


def portfolio() -> Any:
    """The sample and 292 invented startups: more than the uncertainty chart can list."""
    from models.engine.sample import sample_portfolio, synthetic_portfolio

    p = sample_portfolio()
    p.startups.extend(synthetic_portfolio(292, seed=3).startups)
    return p


def _chart(page: Any) -> Any:
    return page.chart


def _inside(inner: Any, outer: Any, slack: float = 1.0) -> bool:
    return (inner.x0 >= outer.x0 - slack and inner.y0 >= outer.y0 - slack
            and inner.x1 <= outer.x1 + slack and inner.y1 <= outer.y1 + slack)


def _undrawn_ticks(figure: Any) -> set[int]:
    """The tick labels outside their axis's range (matplotlib does not draw them)."""
    out = set()
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    out |= {id(tick.label1), id(tick.label2)}
    return out


def _texts_outside(figure: Any, renderer: Any) -> list[str]:
    """Texts of the figure not wholly inside it."""
    from matplotlib.text import Text

    out = []
    undrawn = _undrawn_ticks(figure)
    for t in figure.findobj(Text):
        if t.get_visible() and t.get_text() and t.figure is figure and id(t) not in undrawn:
            box = t.get_window_extent(renderer)
            if box.width and not _inside(box, figure.bbox):
                out.append(f"text '{t.get_text()}' at {box.extents.round()} outside the "
                           f"figure {figure.bbox.extents.round()}")
    return out


def _furniture(figure: Any, renderer: Any) -> list[tuple[str, Any]]:
    """The boxes of each axes' legend, titles, axis labels, texts and map names."""
    boxes = []
    for ax in figure.axes:
        legend = ax.get_legend()
        if legend is not None:
            boxes.append(("legend", legend.get_window_extent(renderer)))
        texts = [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label,
                 *ax.texts]
        for t in texts:
            if t.get_visible() and t.get_text():
                boxes.append((t.get_text(), t.get_window_extent(renderer)))
        for child in ax.artists:
            for i in getattr(child, "shown", []):
                name = child._texts[i]
                boxes.append((name.get_text(), name.get_bbox_patch().get_window_extent(renderer)))
    return boxes


def chart_problems(view: Any) -> list[str]:
    """What is clipped or overlapping in the Compare view's charts as they are on screen."""
    problems = []
    for name in CHART_TABS:
        page = getattr(view, name)
        view.tabs.setCurrentWidget(page)
        chart = _chart(page)
        _settle(lambda c=chart: c.draws >= 1 and not c.is_pending())
        canvas = chart.canvas
        if canvas is None:
            problems.append(f"{name}: not drawn")
            continue
        canvas.draw()
        widget, rect = canvas, canvas.rect()
        while widget is not view.window():
            parent = widget.parentWidget()
            rect = rect.translated(widget.pos())
            if not parent.rect().contains(rect):
                problems.append(f"{name}: the chart {rect.getRect()} is cut by "
                                f"{type(parent).__name__} {parent.rect().getRect()}")
                break
            widget = parent
        figure = canvas.figure
        renderer = canvas.get_renderer()
        problems += [f"{name}: {p}" for p in _texts_outside(figure, renderer)]
        boxes = _furniture(figure, renderer)
        for i, (a, box_a) in enumerate(boxes):
            for b, box_b in boxes[i + 1:]:
                if box_a.overlaps(box_b):
                    problems.append(f"{name}: '{a}' overlaps '{b}'")
    return problems


def _pixels(widget: Any) -> Any:
    import numpy as np
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def _ink_box(mask: Any) -> tuple[int, int, int, int] | None:
    """The bounding box (x0, y0, x1, y1) of the true pixels of a (rows, columns × 4) mask."""
    import numpy as np

    rows = np.flatnonzero(mask.any(axis=1))
    columns = np.flatnonzero(mask.any(axis=0)) // 4
    if not len(rows):
        return None
    return int(columns.min()), int(rows.min()), int(columns.max()), int(rows.max())


#: The least room (device pixels) between a menu button's text and its arrow.
ARROW_ROOM = 4


def arrow_room(button: Any) -> int:
    """The room (device pixels) between a menu button's text and its arrow, negative when
    the arrow is drawn over the text's box: the button is drawn whole, without its text, and
    without text or menu; the arrow is what the menu adds, the text what the text adds."""
    text, menu = button.text(), button.menu()
    whole = _pixels(button)
    button.setText("")
    arrow_only = _pixels(button)
    button.setMenu(None)
    bare = _pixels(button)
    button.setMenu(menu)
    button.setText(text)
    arrow, ink = _ink_box(arrow_only != bare), _ink_box(whole != arrow_only)
    assert arrow is not None and ink is not None, "no arrow or no text drawn"
    return max(arrow[0] - ink[2], ink[0] - arrow[2], arrow[1] - ink[3], ink[1] - arrow[3]) - 1


def button_problems(view: Any) -> list[str]:
    """The consensus button's arrow must sit clear of its text."""
    button = view.gaps_panel.assessors_button
    if not button.isVisible():
        return ["the consensus button is not shown"]
    room = arrow_room(button)
    if room < ARROW_ROOM:
        return [f"consensus button '{button.text()}': {room} px between its text and its "
                f"arrow"]
    return []


def _settle(done: Any = None, timeout: float = 10.0) -> None:
    """Let Qt work until ``done()`` is true, or for ``timeout`` seconds without ``done``."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)
        if done is not None and done():
            break
    for _ in range(3):
        QApplication.processEvents()


def show_compare(window: Any, doc: Any) -> Any:
    """Show ``doc`` in ``window``'s Compare view with :data:`CHOSEN` current."""
    window.replace_document(doc)
    window.show()
    window.late_start()
    window.show_view("compare")
    view = window.ensure_compare_view()
    _settle(timeout=0.3)
    view.activate_startup(CHOSEN)
    view.uncertainty_panel.inline_limit = 10_000  # compute at once, in this process
    _settle(timeout=0.3)
    return view


def main(width: int, height: int, lang: str) -> None:
    """Run as a script: open the window at ``width``×``height`` (logical pixels) in ``lang``
    and print the problems found as JSON."""
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      os.environ["BEACHHEAD_TEST_SETTINGS"])
    from gui.document import Document
    from gui.i18n import install_language
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    install_language(lang, app)
    window = MainWindow(AppSettings())
    window.resize(width, height)
    view = show_compare(window, Document(portfolio()))
    found = {"size": [window.width(), window.height()], "scale": app.devicePixelRatio(),
             "problems": chart_problems(view) + button_problems(view)}
    print(json.dumps(found))
    window.close()


def _run(width: int, height: int, scale: str, lang: str, tmp_path: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale,
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               BEACHHEAD_TEST_SETTINGS=str(tmp_path / "settings"))
    done = subprocess.run([sys.executable, __file__, str(width), str(height), lang], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height", "scale", "lang"),
                         [(1024, 640, "1", "en"), (1093, 614, "1.25", "en"),
                          (1093, 614, "1.25", "zh_CN")],
                         ids=["1024x640", "1366x768@125%", "1366x768@125%-zh_CN"])
def test_charts_fit_a_laptop_screen(width, height, scale, lang, tmp_path):
    # 1366×768 pixels at 125 % are 1093×614 logical pixels
    found = _run(width, height, scale, lang, tmp_path)
    assert found["size"] == [width, height] and found["scale"] == float(scale)
    assert found["problems"] == []


def test_charts_fit_at_1280x800(qtbot, make_window):
    from gui.document import Document

    window = make_window()
    window.resize(1280, 800)
    view = show_compare(window, Document(portfolio()))
    assert chart_problems(view) == []
    assert button_problems(view) == []
    title = view.uncertainty_panel.chart.figure.axes[0].get_xlabel()
    assert "in the table's order" in title  # the count is said under the axis


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
