"""Languages: every user-visible string in ``gui/`` is marked for translation, the Simplified
Chinese file translates every one of them (placeholders intact), and View ▸ Language switches the
running window without losing the document."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGroupBox, QMessageBox

from gui.document import Document
from gui.i18n import install_language, language, qm_path
from models.engine.sample import sample_portfolio

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "gui"
TS = ROOT / "resources" / "translations" / "beachhead_zh_CN.ts"
BIN = Path(sys.executable).parent

# Methods whose string arguments are shown to the user.
TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "addTab", "insertTab", "setTabText", "setTabToolTip", "addMenu",
    "addItem", "addItems", "insertItem", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "showMessage", "setInformativeText", "setDetailedText", "setLabelText", "setTitle",
    "addAction", "setSuffix", "setPrefix", "setSpecialValueText", "setCancelButtonText",
    "setWindowIconText", "setAccessibleName", "setAccessibleDescription",
    "information", "warning", "critical", "question", "about",
    "getText", "getOpenFileName", "getOpenFileNames", "getSaveFileName",
}
# Constructors whose string arguments are shown to the user.
TEXT_CLASSES = {
    "QAction", "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QRadioButton",
    "QToolButton", "QMenu", "QMessageBox", "QProgressDialog", "QCommandLinkButton",
}
# The dialog seam (gui/dialogs.py): every argument after the parent is shown.
ASK_METHODS = {"error", "info", "confirm", "text", "open_file", "open_files", "save_file",
               "import_problems", "exported",
               "save_changes"}

# Log records and warnings are for developers, not translated.
_LOGGERS = {"log", "logger", "logging", "warnings"}
_TAG = re.compile(r"<[^>]*>|&\w+;")
_LETTER = re.compile(r"[^\W\d_]")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _literal_text(node: ast.AST) -> str | None:
    """The literal text of a string argument (constant parts only), None if not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "\x00".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [_literal_text(node.left), _literal_text(node.right)]
        return "\x00".join(p for p in parts if p)
    return None


def _visible(text: str) -> bool:
    """True when ``text`` has a letter outside HTML tags and entities (so it is words, not
    punctuation, digits or symbols)."""
    return bool(_LETTER.search(_TAG.sub("", text)))


def _unmarked_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else \
            func.id if isinstance(func, ast.Name) else ""
        args: list[ast.AST] = []
        owner = func.value.id if isinstance(func, ast.Attribute) and \
            isinstance(func.value, ast.Name) else ""
        if owner in _LOGGERS:
            continue
        if name in ("addItem", "insertItem"):
            # (text, userData) and (index, text, userData): the data is not shown
            args = node.args[:1] if name == "addItem" else node.args[1:2]
        elif name in TEXT_METHODS or name in TEXT_CLASSES:
            args = [*node.args, *(k.value for k in node.keywords)]
        elif (name in ASK_METHODS and isinstance(func, ast.Attribute)
              and isinstance(func.value, ast.Name) and func.value.id == "ask"):
            args = node.args[1:]
        for arg in args:
            text = _literal_text(arg)
            if text is not None and _visible(text):
                problems.append(f"{path.name}:{arg.lineno}: {text!r} passed to {name}()")
    return problems


def test_the_scan_finds_unmarked_strings(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QLabel('Hello')\n"
        "b.setText(f'<b>{n}</b> items')\n"
        "b.setText(self.tr('Marked'))\n"
        "b.setText('<b>–</b> / 100')\n"
        "ask.error(self, 'Oops', str(exc))\n", encoding="utf-8")
    found = _unmarked_strings(sample)
    assert len(found) == 3
    assert "Hello" in found[0] and "items" in found[1] and "Oops" in found[2]


def test_every_visible_string_in_gui_is_marked_for_translation() -> None:
    problems = [p for f in sorted(GUI.rglob("*.py")) for p in _unmarked_strings(f)]
    assert not problems, "strings shown without tr()/translate():\n" + "\n".join(problems)


def _translation(message: ET.Element) -> ET.Element | None:
    """A message's translation; of a finished plural (``%n``) message, its one form (Chinese
    has a single plural form)."""
    tr = message.find("translation")
    form = tr.find("numerusform") if tr is not None else None
    return form if tr is not None and form is not None and tr.get("type") is None else tr


def _messages(ts: Path) -> list[tuple[str, str, ET.Element | None]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", _translation(m))
            for ctx in root.iter("context") for m in ctx.iter("message")]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """Every (context, source) pair pyside6-lupdate finds in gui/ today."""
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    out = tmp_path_factory.mktemp("ts") / "probe.ts"
    subprocess.run([str(lupdate), "-locations", "none", *map(str, sorted(GUI.rglob("*.py"))),
                    "-ts", str(out)], check=True, capture_output=True, cwd=ROOT)
    return {(ctx, src) for ctx, src, _ in _messages(out)}


def test_no_string_in_gui_is_extracted_without_a_context(
        extracted: set[tuple[str, str]]) -> None:
    assert not [s for ctx, s in extracted if not ctx], \
        "tr() through an alias: lupdate cannot tell the context (use self.tr or translate)"


def test_the_chinese_file_has_every_string_with_a_finished_translation(
        extracted: set[tuple[str, str]]) -> None:
    messages = _messages(TS)
    have = {(ctx, src) for ctx, src, _ in messages}
    missing = sorted(extracted - have)
    assert not missing, f"run lupdate and translate: {missing[:20]}"
    unfinished = [(ctx, src) for ctx, src, tr in messages if (ctx, src) in extracted and (
        tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not (tr.text or "").strip())]
    assert not unfinished, f"untranslated: {unfinished[:20]}"


def test_translations_keep_every_placeholder_and_are_chinese() -> None:
    for ctx, src, tr in _messages(TS):
        assert tr is not None and tr.text, (ctx, src)
        assert sorted(_PLACEHOLDER.findall(src)) == sorted(_PLACEHOLDER.findall(tr.text)), \
            (ctx, src, tr.text)
        assert src.count("\n") == tr.text.count("\n"), (ctx, src)
        if "&" in _TAG.sub("", src) and re.search(r"&\w", src):
            assert re.search(r"&\w", tr.text), f"accelerator lost: {src!r} → {tr.text!r}"


@pytest.fixture
def built_qm() -> Path:
    """The built .qm (made here if ``make translations`` has not run)."""
    path = qm_path("zh_CN")
    if path is None:
        lrelease = BIN / "pyside6-lrelease"
        if not lrelease.exists():
            pytest.skip("pyside6-lrelease is not installed next to this Python")
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm",
                        str(TS.with_suffix(".qm"))], check=True)
        path = qm_path("zh_CN")
    assert path is not None
    return path


@pytest.fixture
def english_afterwards():  # type: ignore[no-untyped-def]
    yield
    install_language("en")


def test_view_language_switches_the_running_window_and_keeps_the_document(
        qtbot, make_window, built_qm, english_afterwards) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    settings = w.settings
    w.show()
    qtbot.waitExposed(w)
    doc = Document(sample_portfolio(), None, w)
    w.replace_document(doc)
    w.show_view("compare")
    st = doc.portfolio.startups[1]
    w.assess_view.select_startup(st.id)
    w.assess_view.set_level(doc.framework.criteria[0].id, 2)
    depth = doc.undo_stack.count()
    assert depth > 0
    assert w.menus.file_menu.title() == "&File"
    assert w.assess_view.add_button.text() == "Add"

    w.menus.language_actions["zh_CN"].trigger()
    assert language() == "zh_CN" and settings.language == "zh_CN"
    assert w.menus.file_menu.title() == "文件(&F)"
    assert w.assess_view.add_button.text() == "添加"
    assert w.tabs.tabText(0) == "评估" and w.tabs.currentIndex() == 1
    assert w.compare_view is not None and w.compare_view.lang == "zh_CN"
    assert w.doc is doc and doc.undo_stack.count() == depth
    assert w.assess_view.current_startup().id == st.id
    assert "文件" not in w.menus.undo_action.text() and "撤销" in w.menus.undo_action.text()
    assert w.menus.language_actions["zh_CN"].isChecked()
    # Qt's own texts too: standard buttons
    box = QMessageBox(w)
    box.setStandardButtons(QMessageBox.StandardButton.Save)
    assert box.button(QMessageBox.StandardButton.Save).text() == "保存"
    box.deleteLater()
    # framework texts follow: the pillar names in the Assess view are Chinese
    titles = [box.title() for box in w.assess_view.findChildren(QGroupBox)]
    assert "细分定位" in titles, titles
    # results are scored again: posture names are Chinese too
    names = [h.name for r in doc.results() for h in r.postures]
    assert names and all(re.search("[\u4e00-\u9fff]", n) for n in names), names

    doc.undo_stack.undo()
    assert doc.undo_stack.index() == depth - 1
    w.menus.language_actions["en"].trigger()
    assert w.menus.file_menu.title() == "&File"
    assert w.assess_view.add_button.text() == "Add"
    assert w.doc is doc and doc.undo_stack.count() == depth
    assert "&Export Workbook…" in [a.text() for a in w.menus.file_menu.actions()]
    doc.undo_stack.setClean()


def test_choose_language_prefers_the_command_line_then_the_setting(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui import i18n

    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert i18n.choose_language("en", "zh_CN") == "en"
    assert i18n.choose_language(None, "en") == "en"
    assert i18n.choose_language(None, "") == "zh_CN"
    assert i18n.choose_language(None, "klingon") == "zh_CN"


def test_charts_in_chinese_draw_without_missing_glyphs(
        qtbot, make_window, built_qm, english_afterwards) -> None:  # type: ignore[no-untyped-def]
    """Every chart of the window, drawn in Chinese, raises no warning ("Glyph … missing from
    font" included)."""
    import warnings

    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from PySide6.QtWidgets import QTabWidget

    install_language("zh_CN")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        w = make_window()
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        w.replace_document(Document(sample_portfolio(), None, w))
        w.assess_view.results_panel.enable_radar()
        w.show_view("compare")
        compare = w.compare_view
        assert compare is not None
        for tabs in compare.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                qtbot.wait(250)
        canvases = w.findChildren(FigureCanvasQTAgg)
        assert len(canvases) >= 3
        texts = []
        for canvas in canvases:
            canvas.draw()
            texts += [t.get_text() for t in canvas.figure.findobj(
                lambda a: hasattr(a, "get_text"))]
    assert any(re.search("[\u4e00-\u9fff]", t) for t in texts)
    missing = [str(c.message) for c in caught if "missing from font" in str(c.message)]
    assert not missing, missing[:5]


def test_screenshot_mode_honours_lang(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    from PySide6.QtGui import QImage

    from models.files.portfolio_file import save_portfolio

    src = tmp_path / "s.beachhead"
    save_portfolio(sample_portfolio(), src)
    out = tmp_path / "compare.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "gui.launcher", str(src), "--screenshot", str(out), "--view",
         "compare", "--lang", "zh_CN"], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "no translation file" not in proc.stderr
    assert QImage(str(out)).width() == 1280
