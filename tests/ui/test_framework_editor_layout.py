"""The framework editor on a laptop's screen: 1280×800, and 1366×768 at 125 % (1093×614
logical pixels), in English and Chinese. Each place (a criterion with a problem and a
missing translation, a pillar with no criterion) is checked for cut, squeezed and overlapping
texts (:mod:`tests.ui.layout_checks`) in a child process of that screen, and rendered to
``BEACHHEAD_SHOTS`` (or the test's folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {"1280x800": ((1280, 800), 1.0), "1366x768@1.25": ((1366, 768), 1.25)}
PLACES = ("criterion", "pillar")


def _show(editor: Any, place: str) -> None:
    """Put ``editor`` in ``place``: a criterion whose level 3 is empty and whose question
    lacks its Chinese, or a new pillar with no criterion."""
    draft = editor.holder.draft
    if place == "criterion":
        crit = ("pillars", 0, "criteria", 1)
        draft = draft.with_value((*crit, "rubric", 2, "en"), "")
        draft = draft.with_value((*crit, "question", "zh_CN"), "")
        editor.holder.edit(draft, lambda: "layout")
        editor.go_to((*crit, "rubric", 2, "en"))
    else:
        editor.tree.select(("pillars", 4))
        editor.tree.add_pillar("Traction")


def _settle(app: Any, seconds: float = 0.3) -> None:
    """Let the layouts catch up (text boxes refit to their text on a timer)."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def measure(shots: str) -> dict[str, dict[str, list[str]]]:
    """In this process's screen: the problems of each place in each language, rendered."""
    from PySide6.QtWidgets import QApplication

    from gui.document import Document
    from gui.i18n import install_language
    from gui.views.framework.editor_window import FrameworkEditor
    from models.engine.sample import sample_portfolio
    from tests.ui.layout_checks import widget_problems

    app = QApplication.instance() or QApplication([])
    found: dict[str, dict[str, list[str]]] = {}
    for lang in ("en", "zh_CN"):
        install_language(lang, app)
        found[lang] = {}
        for place in PLACES:
            editor = FrameworkEditor(Document(sample_portfolio()))
            editor.showMaximized()
            _settle(app)
            _show(editor, place)
            _settle(app)
            found[lang][place] = widget_problems(editor)
            found[lang]["window"] = [editor.width(), editor.height()]  # type: ignore[list-item]
            editor.grab().save(str(Path(shots) / f"editor-{place}-{lang}.png"))
            editor.holder.undo_stack.setClean()
            editor.close()
            editor.deleteLater()
            app.processEvents()
    return found


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    name = request.param
    (w, h), scale = SCREENS[name]
    tmp = tmp_path_factory.mktemp(f"editor-{name}")
    shots = Path(os.environ.get("BEACHHEAD_SHOTS") or tmp / "shots") / name
    shots.mkdir(parents=True, exist_ok=True)
    screen_file = tmp / "screen.json"
    screen_file.write_text(json.dumps({"screens": [
        {"name": name, "x": 0, "y": 0, "width": w, "height": h, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
           "QT_SCALE_FACTOR": str(scale), "XDG_CONFIG_HOME": str(tmp / "config"),
           "XDG_DATA_HOME": str(tmp / "data"), "HOME": str(tmp)}
    code = ("import json, sys; from tests.ui.test_framework_editor_layout import measure; "
            "print(json.dumps(measure(sys.argv[1])))")
    done = subprocess.run([sys.executable, "-c", code, str(shots)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return name, json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_editor_fits_a_laptop_screen(screen, lang: str) -> None:
    name, found = screen
    (w, h), scale = SCREENS[name]
    # the window fills the screen (maximized; a scaled screen rounds to whole pixels)
    assert all(abs(got - round(full / scale)) <= 4
               for got, full in zip(found[lang]["window"], (w, h), strict=True))
    problems = {place: found[lang][place] for place in PLACES if found[lang][place]}
    assert problems == {}
