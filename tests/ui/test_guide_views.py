"""The user guide's chapter on the views says what the window does: the startup list's sort,
its Filters and Show all, the status filter's "No decision yet", and Compare's filters (text,
sector, stage, region, tags, status), in English and in Chinese, read as the guide window
shows them (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

#: What Compare's filters are called in each language's guide (its filter bar's choices).
COMPARE_FILTERS = {
    "en": ("sector", "stage", "region", "status", "Tags", "website", "deal-breaker"),
    "zh_CN": ("赛道", "阶段", "地区", "状态", "标签", "网站", "致命缺陷"),
}


def _section(text: str, start: str, end: str) -> str:
    """The part of ``text`` from the heading ``start`` up to the heading ``end``."""
    return text[text.index(start):text.index(end)]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_views_chapter_names_the_lists_sort_and_filters(window, chinese_built, lang):
    window.set_language(lang, remember=False)
    pane = window.assess_view.startup_pane
    guide = window.menus.help.show_guide("views")
    assert guide.current_chapter() == "views"
    text = guide.browser.toPlainText()
    heads = {"en": ("Assess", "Compare", "Framework"), "zh_CN": ("评估", "比较", "框架")}[lang]
    assess = _section(text, f"\n{heads[0]}\n", f"\n{heads[1]}\n")
    compare = _section(text, f"\n{heads[1]}\n", f"\n{heads[2]}\n")

    # the startup list: its sort drop-down, its Filters and Show all buttons, by their texts
    assert pane.filters_button.text() in assess and pane.show_all_button.text() in assess
    status = pane.filter_bar.combos["status"]
    assert status.itemText(status.findData("none")) in assess  # "No decision yet"
    sorts = {"en": ("order the startups were added", "by name", "by overall score",
                    "by status", "latest assessment"),
             "zh_CN": ("按添加顺序", "按名称", "按总分", "按状态", "最近一次评估的日期")}[lang]
    assert pane.sort_combo.count() == len(sorts)
    assert [s for s in sorts if s not in assess] == []

    # Compare: the text box and every drop-down of its filter bar
    bar = window.ensure_compare_view().startups.filters
    assert bar.tags_button.text() in compare
    assert [w for w in COMPARE_FILTERS[lang] if w not in compare] == []
