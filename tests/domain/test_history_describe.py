"""Change descriptions: each kind of change of a real workspace described in English and
Chinese, with the names of startups and assessments that are gone since."""

from __future__ import annotations

import datetime as dt

from models.core.decisions import Decision
from models.core.portfolio import Assessment, Score, Startup
from models.history.describe import describe, describe_changes
from models.history.names import Names, short
from models.store.changelog import Kind


def _rows(ws, lang="en", **where):
    return describe_changes(ws.changes(**where), ws.load(), lang)


def test_a_level_change_names_startup_assessment_criterion_and_values(ws):
    ws.who = "Dee"
    ws.set_score_field("a1", "a.x", "value", 2, comment="after the call")
    row = _rows(ws)[0]
    assert (row.who, row.startup, row.what, row.old, row.new, row.comment) == (
        "Dee", "Acme 智能", "a.x – level", "4", "2", "after the call")
    assert row.assessment_label == "Ann (founder, 2024-10-02)"
    assert row.at == ws.changes(limit=1)[0].at
    zh = _rows(ws, "zh_CN")[0]
    assert (zh.what, zh.assessment_label) == ("a.x – 级别", "Ann（创始人，2024-10-02）")


def test_score_fields_show_their_values_in_words(ws):
    ws.set_score_field("a1", "a.x", "confidence", "high")
    ws.set_score_field("a3", "b.w", "value", 5)        # a new score
    ws.set_score_field("a1", "b.z", "rationale", "line one\nline two\t" + "x" * 80)
    rationale, new, confidence = _rows(ws)[:3]
    assert (confidence.what, confidence.old, confidence.new) == ("a.x – confidence", "low",
                                                                 "high")
    assert (new.change.kind, new.startup, new.old, new.new) == (Kind.SCORE_NEW, "Beta", "—",
                                                                "5")
    assert rationale.old == "quiet"
    assert rationale.new == short("line one line two " + "x" * 80)
    assert len(rationale.new) == 60 and rationale.new.endswith("…")
    assert rationale.new_full == "line one\nline two\t" + "x" * 80
    zh = _rows(ws, "zh_CN")[2]
    assert (zh.what, zh.old, zh.new) == ("a.x – 置信度", "低", "高")


def test_startup_and_assessment_fields(ws):
    ws.set_startup_field("s1", "tags", ["b2b"])
    ws.set_startup_field("s2", "name", "Full Co")
    ws.set_assessment_field("a2", "role", "other")
    ws.set_assessment_field("a2", "date", dt.date(2025, 2, 3))
    date, role, name, tags = _rows(ws)[:4]
    assert (tags.what, tags.old, tags.new) == ("tags", "b2b, 陪伴", "b2b")
    assert (name.startup, name.what, name.old, name.new) == ("Full Co", "name", "Empty Co",
                                                             "Full Co")
    assert (role.what, role.old, role.new) == ("role", "investor", "other")
    assert role.assessment_label == "Bo (other, 2025-02-03)"   # as the assessment is now
    assert (date.what, date.old, date.new) == ("date", "2024-11-05", "2025-02-03")
    zh = _rows(ws, "zh_CN")
    assert [(r.what, r.old, r.new) for r in zh[1:4]] == [
        ("角色", "投资人", "其他"), ("名称", "Empty Co", "Full Co"), ("标签", "b2b, 陪伴", "b2b")]


def test_removed_items_keep_their_names(ws):
    ws.remove_assessment("a2")
    ws.set_score_field("a1", "a.y", "value", 3)
    ws.remove_startup("s1")
    removed, level, gone = _rows(ws)[:3]
    assert (removed.startup, removed.what, removed.old, removed.new) == (
        "Acme 智能", "startup removed", "Acme 智能 (1 assessments)", "—")
    assert (level.startup, level.assessment_label) == ("Acme 智能", "Ann (founder, 2024-10-02)")
    assert (gone.what, gone.old, gone.new) == ("assessment removed", "Bo (investor, 2024-11-05)",
                                               "—")
    assert gone.assessment_label == "Bo (investor, 2024-11-05)"
    assert _rows(ws, "zh_CN")[0].what == "删除初创公司"


def test_added_items(ws):
    ws.insert_startup(1, Startup(id="n1", name="Nova", assessments=[Assessment(id="na")]))
    ws.insert_assessment("s3", 0, Assessment(id="x1", assessor="", role="investor",
                                             date=dt.date(2025, 3, 1)))
    assessment, startup = _rows(ws)[:2]
    assert (startup.startup, startup.what, startup.old, startup.new) == (
        "Nova", "startup added", "—", "Nova (1 assessments)")
    assert (assessment.startup, assessment.what, assessment.new) == (
        "Beta", "assessment added", "unnamed (investor, 2025-03-01)")
    zh = _rows(ws, "zh_CN")[0]
    assert (zh.what, zh.new) == ("新增评估", "未署名（投资人，2025-03-01）")


def test_decisions_show_the_current_one_and_all_in_full(ws):
    ws.set_decisions("s1", [Decision(status="screening", date=dt.date(2024, 9, 1), by="IC"),
                            Decision(status="invested", date=dt.date(2025, 1, 9), by="IC",
                                     rationale="closed")])
    row = _rows(ws)[0]
    assert (row.what, row.old, row.new) == ("decision", "Diligence (2024-12-01)",
                                            "Invested (2025-01-09)")
    assert row.new_full.splitlines() == ["Invested (2025-01-09)",
                                         "2025-01-09 Invested — IC: closed",
                                         "2024-09-01 Screening — IC"]
    ws.set_decisions("s2", [])
    ws.set_decisions("s2", [Decision(status="watch", date=dt.date(2025, 2, 2))])
    zh = _rows(ws, "zh_CN")[0]
    assert (zh.what, zh.old, zh.new) == ("决定", "—", "观察（2025-02-02）")


def _without_bw(fw, version="2"):
    """The framework without criterion b.w (and the deal-breaker on it)."""
    return fw.model_copy(update={"version": version, "deal_breakers": [], "pillars": [
        fw.pillars[0], fw.pillars[1].model_copy(update={"criteria": fw.pillars[1].criteria[:1]})]})


def test_framework_changes_and_the_scores_they_take_out(ws):
    fw = ws.framework()
    ws.set_score_field("a3", "b.w", "confidence", "low")   # a blank score
    removed = ws.replace_framework(_without_bw(fw))
    assert len(removed) == 2
    rows = _rows(ws)
    assert (rows[0].what, rows[0].old, rows[0].new) == ("framework", "test.tiny 1",
                                                        "test.tiny 2")
    outs = [r for r in rows if r.change.kind is Kind.SCORE_REMOVE]
    assert {(r.startup, r.what, r.old, r.new) for r in outs} == {
        ("Acme 智能", "b.w (not in the framework) – score taken out", "— · medium", "—"),
        ("Beta", "b.w (not in the framework) – score taken out", "— · low", "—")}
    ws.replace_framework(fw)
    ws.restore_scores(removed, comment="undo")
    back = _rows(ws)[0]
    assert (back.startup, back.what, back.old, back.new, back.comment) == (
        "Beta", "b.w – score put back", "—", "— · low", "undo")
    assert _rows(ws, "zh_CN")[0].what == "b.w – 恢复评分"


def test_a_score_put_back_shows_its_texts_in_full(ws):
    fw = ws.framework()
    ws.replace_framework(_without_bw(fw))
    ws.replace_framework(fw)
    ws.restore_scores([("a1", "b.w", Score(rationale="kept", evidence="e"))])
    row = _rows(ws)[0]
    assert row.new_full.splitlines() == ["— · medium", "rationale: kept", "evidence: e"]
    assert row.new == "— · medium"
    zh = _rows(ws, "zh_CN")[0]
    assert zh.new_full.splitlines() == ["— · 中", "理由：kept", "证据：e"]


def test_the_creation_of_the_workspace(ws):
    row = describe(ws.changes()[-1], Names.of(ws.load()), "zh_CN")
    assert (row.startup, row.what, row.old, row.new) == ("", "创建工作区", "—",
                                                         "3 家初创公司 · 框架 test.tiny 1")
    assert row.assessment is None and row.assessment_label == ""


def test_every_kind_is_described(ws):
    ws.set_score_field("a1", "a.x", "value", 1)
    ws.set_score_field("a3", "b.w", "confidence", "low")
    ws.set_startup_field("s1", "notes", "n")
    ws.set_assessment_field("a1", "assessor", "Ann B")
    ws.insert_startup(0, Startup(id="n1", name="Nova"))
    ws.remove_startup("n1")
    ws.insert_assessment("s2", 0, Assessment(id="x"))
    ws.remove_assessment("x")
    ws.set_decisions("s2", [Decision(status="watch")])
    fw = ws.framework()
    removed = ws.replace_framework(_without_bw(fw))
    ws.replace_framework(fw)
    ws.restore_scores(removed)
    round_id = ws.open_round("s2")
    ws.submit(ws.start_round_assessment(round_id, "Cy"))
    ws.reveal(round_id)
    ws.record_consensus(round_id, {}, {})
    for lang in ("en", "zh_CN"):
        rows = _rows(ws, lang)
        assert {r.change.kind for r in rows} == set(Kind)
        assert all(r.what and r.old and r.new for r in rows)
        assert all("\n" not in r.old + r.new for r in rows)


def test_rows_as_json_keep_the_values_for_programs(ws):
    ws.set_score_field("a2", "a.y", "value", 4, comment="new data")
    data = _rows(ws, "zh_CN")[0].as_json()
    assert {k: data[k] for k in ("kind", "startup", "assessor", "role", "date", "criterion_id",
                                 "field", "what", "old", "new", "old_value", "new_value",
                                 "comment", "who")} == {
        "kind": "score.field", "startup": "Acme 智能", "assessor": "Bo", "role": "investor",
        "date": "2024-11-05", "criterion_id": "a.y", "field": "value", "what": "a.y – 级别",
        "old": "5", "new": "4", "old_value": 5, "new_value": 4, "comment": "new data",
        "who": "Ann"}
    assert dt.datetime.fromisoformat(str(data["at"])).tzinfo is not None


def test_new_weights_under_the_same_version_name_the_framework_revisions(ws):
    ws.replace_framework(ws.framework().with_weights(pillar_weights={"a": 5.0}))
    row = _rows(ws)[0]
    assert (row.what, row.old, row.new) == ("framework", "test.tiny 1 (revision 1)",
                                            "test.tiny 1 (revision 2)")
    assert _rows(ws, "zh_CN")[0].new == "test.tiny 1（修订 2）"
