"""Chart labels laid out to fit: a radar spoke's label on short lines."""

from __future__ import annotations

from models.charts.labels import spoke_label
from models.files.framework_file import default_framework


def test_spoke_labels_keep_the_scale_note_whole():
    fw = default_framework()
    press = next(p for p in fw.pillars if p.direction == "cost")
    assert spoke_label(press.score_name("en")) == "Incumbent\npressure\n(100 = least)"
    assert spoke_label(press.score_name("zh_CN")) == "巨头压力\n（100 = 最小）"
    assert spoke_label("Technology threshold") == "Technology\nthreshold"
    assert spoke_label("Ecosystem") == "Ecosystem"
    assert spoke_label("生态") == "生态"
    # a name that is only a parenthesis stays as it is; a word longer than the width is kept
    assert spoke_label("(100 = least)") == "(100 = least)"
    assert spoke_label("Supercalifragilistic (x)") == "Supercalifragilistic\n(x)"
