"""The context menu of the Compare view's map, driven through its actions: on a startup's mark,
Open in Assess, Select in Table and Copy Name; anywhere, Copy Image, Save Image As… (PNG or
SVG), Clear Selection and Name the Top 15 (pytest-qt, offscreen, on the sample)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from gui.views.compare.view import CompareView

#: Lumenreel (s04) sits alone at technology threshold 75, incumbent pressure 40
#: (tests/ui/test_compare_map.py gives every mark of the sample).
LUMENREEL = ("s04", (75.0, 40.0))


def _drawn(qtbot, view: CompareView):  # type: ignore[no-untyped-def]
    view.show()
    qtbot.waitExposed(view)
    chart = view.map.chart
    qtbot.waitUntil(lambda: chart.draws >= 1 and not chart.is_pending(), timeout=5000)
    chart.canvas.draw()
    QApplication.processEvents()
    return chart


def _at(chart, xy: tuple[float, float]) -> QPoint:  # type: ignore[no-untyped-def]
    """The canvas's point (logical pixels from its top-left corner) of data point ``xy``."""
    x, y = chart.figure.axes[0].transData.transform(xy)
    ratio = chart.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round((chart.figure.bbox.height - y) / ratio))


def _texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _action(menu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text() == text)


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def test_on_a_mark_the_menu_names_the_startup_selects_and_copies_it(qtbot, compare_view):
    view = compare_view
    chart = _drawn(qtbot, view)
    sid, xy = LUMENREEL
    menu = view.map.context_menu(_at(chart, xy))
    assert _texts(menu) == ["Lumenreel", "Open in Assess", "Select in Table", "Copy Name",
                            "Copy Image", "Save Image As…", "Clear Selection",
                            "Name the Top 15"]
    assert not menu.actions()[0].isEnabled()  # the name heads the menu
    _action(menu, "Copy Name").trigger()
    assert QApplication.clipboard().text() == "Lumenreel"

    view.upper.setCurrentWidget(view.assessments)
    _action(menu, "Select in Table").trigger()
    assert view.upper.currentWidget() is view.startups  # the table is shown
    assert view.startups.selected_ids() == [sid]
    assert view.current_startup_id() == sid
    assert view.map.selected_ids() == [sid]

    # away from every mark: only what concerns the whole map
    corner = view.map.context_menu(QPoint(3, 3))
    assert _texts(corner) == ["Copy Image", "Save Image As…", "Clear Selection",
                              "Name the Top 15"]


def test_clear_selection_and_naming_the_top(qtbot, compare_view):
    view = compare_view
    chart = _drawn(qtbot, view)
    assert not _action(view.map.context_menu(QPoint(3, 3)), "Clear Selection").isEnabled()
    view.startups.select_startups(["s02", "s03"])
    assert view.map.selected_ids() == ["s03", "s02"]  # ranked 7th and 8th
    menu = view.map.context_menu(QPoint(3, 3))
    clear = _action(menu, "Clear Selection")
    assert clear.isEnabled()
    clear.trigger()
    assert view.startups.selected_ids() == [] and view.map.selected_ids() == []

    top = _action(view.map.context_menu(QPoint(3, 3)), "Name the Top 15")
    assert top.isCheckable() and top.isChecked()
    selected, named = view.map.named()
    assert len(selected) + len(named) == 8  # the sample's eight, all in the top 15
    top.setChecked(False)
    assert view.map.names_top() is False
    current = view.current_startup_id()
    selected, named = view.map.named()
    assert named == [] and len(selected) == (1 if current else 0)
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    assert "Named: the selection." in view.map.note.text()
    assert not _action(view.map.context_menu(QPoint(3, 3)), "Name the Top 15").isChecked()
    view.map.set_names_top(True)
    assert len(view.map.named()[1]) + len(view.map.named()[0]) == 8


def test_copy_image_puts_the_map_as_on_screen_on_the_clipboard(qtbot, compare_view):
    chart = _drawn(qtbot, compare_view)
    _action(compare_view.map.context_menu(QPoint(3, 3)), "Copy Image").trigger()
    image = QApplication.clipboard().image()
    assert (image.width(), image.height()) == (round(chart.figure.bbox.width),
                                               round(chart.figure.bbox.height))
    qtbot.waitUntil(lambda: not chart.canvas._draw_pending, timeout=5000)
    chart.canvas.draw()
    QApplication.processEvents()
    screen = _rgb(chart.canvas.grab().toImage())
    copied = _rgb(image)
    assert screen.shape == copied.shape
    # the marks and names drawn over the saved background are in the image too
    same = np.mean(np.all(screen.reshape(-1, 4)[:, :3] == copied.reshape(-1, 4)[:, :3],
                          axis=1))
    assert same > 0.999, same


def _svg_image(path, size) -> QImage:  # type: ignore[no-untyped-def]
    """The SVG file drawn by QtSvg at ``size``. QtSvg reads less SVG than matplotlib
    writes (glyphs defined after their first use, some path data), which it says while
    drawing: that concerns the reader, not the file, so it is not heard."""
    from PySide6.QtCore import QByteArray, qInstallMessageHandler
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    previous = qInstallMessageHandler(lambda *_args: None)
    try:
        renderer = QSvgRenderer(QByteArray(path.read_bytes()))
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
    finally:
        qInstallMessageHandler(previous)
    return image


def _marks_drawn(chart_map, image: QImage) -> list[str]:  # type: ignore[no-untyped-def]
    """The startups whose mark's centre is coloured (not white) in ``image``, an image of the
    whole map's figure."""
    ax, pixels = chart_map.chart.figure.axes[0], _rgb(image)
    height = pixels.shape[0]
    out = []
    for p in chart_map.drawn_points():
        x, y = ax.transData.transform((p.x, p.y))
        r, c = round(height - y), round(x)
        if (pixels[r - 1:r + 2, 4 * (c - 1):4 * (c + 2)].reshape(-1, 4)[:, :3] < 230).any():
            out.append(p.startup_id)
    return sorted(out)


def test_save_image_as_png_or_svg(qtbot, compare_view, scripted_ask, tmp_path):
    chart = _drawn(qtbot, compare_view)
    every = sorted(p.startup_id for p in compare_view.map.drawn_points())
    assert len(every) == 8
    scripted_ask.queue("save_file", str(tmp_path / "map"), str(tmp_path / "map.svg"))
    menu = compare_view.map.context_menu(QPoint(3, 3))
    _action(menu, "Save Image As…").trigger()
    png = tmp_path / "map.png"  # no suffix given: a PNG
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(png))
    assert (image.width(), image.height()) == (round(chart.figure.bbox.width),
                                               round(chart.figure.bbox.height))
    # the marks, which the screen draws over a saved background, are in the file too
    assert _marks_drawn(compare_view.map, image) == every
    _action(compare_view.map.context_menu(QPoint(3, 3)), "Save Image As…").trigger()
    svg = tmp_path / "map.svg"
    assert svg.read_text(encoding="utf-8").startswith("<?xml")
    assert _marks_drawn(compare_view.map, _svg_image(svg, image.size())) == every
    assert [k for k, _ in scripted_ask.asked] == ["save_file", "save_file"]

    missing = tmp_path / "no such folder" / "map.png"
    assert compare_view.map.menu.save_image(str(missing)) is None
    [error] = scripted_ask.errors()
    assert error.startswith(f"Cannot save the map image: {missing}: could not be written")
    assert not missing.parent.exists()


def test_open_in_assess_shows_the_startup_there(window, qtbot):
    window.show_view("compare")
    view = window.compare_view
    chart = _drawn(qtbot, view)
    sid, xy = LUMENREEL
    _action(view.map.context_menu(_at(chart, xy)), "Open in Assess").trigger()
    assert window.tabs.currentIndex() == 0
    assert window.assess_view.current_startup().id == sid
    assert view.current_startup_id() == sid


def test_a_name_with_an_ampersand_heads_the_menu_whole(qtbot, doc):
    """"R&D Labs" is shown as it is written, not as "RD Labs" with D underlined (a menu
    reads & as the mark of a shortcut letter)."""
    from gui import commands as cmd

    sid, xy = LUMENREEL
    doc.undo_stack.push(cmd.SetStartupField(doc, sid, "name", "R&D Labs"))
    view = CompareView(doc)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    chart = _drawn(qtbot, view)
    menu = view.map.context_menu(_at(chart, xy))
    assert menu.actions()[0].iconText() == "R&D Labs"  # what the menu shows
    _action(menu, "Copy Name").trigger()
    assert QApplication.clipboard().text() == "R&D Labs"
