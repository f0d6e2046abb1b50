"""Labels of the command line's tables and messages, in English and Simplified Chinese
(``--lang``). JSON and CSV keys are not translated: they are an interface for programs.
Placeholders in braces are filled with ``str.format``; a count is named by its kind
(``{startups}``, ``{draws}``…) and said by :func:`models.cli.count_texts.counted`."""

from __future__ import annotations

from models.core.framework import Framework, text

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "startup": "Startup",
        "assessor": "Assessor",
        "role": "Role",
        "overall": "Overall",
        "done": "Done",
        "postures": "Postures",
        "deal_breakers": "Deal-breakers",
        "role_founder": "founder",
        "role_investor": "investor",
        "role_other": "other",
        "p_rank1": "P(rank 1)",
        "p_top": "P(top {k})",
        "before": "Before",
        "rank_change": "Rank change",
        "pillar": "Pillar",
        "now": "Now",
        "at": "At",
        "new_leader": "New leader",
        "previous_leader": "Previous leader",
        "analysis_vary": "scores vary with their confidence",
        "analysis_weights": "; pillar weights vary (Dirichlet, concentration {c:g})",
        "scenario": "scenario: {name} ({id})",
        "reversals": "Leader changes as one pillar's share of the total weight grows "
                     "(the other pillars rescaled):",
        "wrote_sample": "wrote {path}: {startups}, {assessments}",
        "wrote_export": "wrote {path}: {assessments}",
        "wrote_template": "wrote {path}: template for framework {id} {version}",
        "output_no_folder": "the folder to write into does not exist",
        "output_is_folder": "is a folder; name a file to write",
        "output_exists": "already exists; choose another name, or give --overwrite to "
                         "replace it",
        "framework_id_and_file": "note: {id} is a shipped framework's id and also a file in "
                                 "this folder; the shipped framework is used (write ./{id} "
                                 "for the file)",
        "output_workspace": "is a workspace, which no other kind of file replaces, even with "
                            "--overwrite; choose another name",
        "output_link_workspace": "is a link to the workspace {target}, which no other kind of "
                                 "file replaces, even with --overwrite; choose another name",
        "output_link_unlike": "is a link to {target}, which is not a {suffix} file and is not "
                              "replaced by one, even with --overwrite; choose another name",
        "output_not_file": "is not a regular file (a named pipe, a device or a folder) and is "
                           "never replaced, even with --overwrite; choose another name",
        "wrote_report": "wrote {path}: {pages} ({startups})",
        "writing_pages": "writing {pages}…",
        "page_of": "  page {done} of {total}",
        "rank": "Rank",
        "gated": "Gated by",
        "founder_gap": "Founder gap",
        "used": "Used",
        "status": "Status",
        "suggested": "Suggested",
        "perspective_investor": "investor view (median of each investor's latest assessment)",
        "perspective_founder": "founder view (latest founder assessment)",
        "perspective_latest": "latest assessment",
        "perspective_assessor": "assessor {name} (latest assessment)",
        "ranking_head": "{file}: {startups}, {perspective}; P10–P90 from {draws}, seed "
                        "{seed}{gates}",
        "ignoring_gates": "; deal-breakers not gating",
        "gating": "; gated startups rank after the others",
        "analysis_startups_head": "{file}: {startups}, {perspective}; {draws}, seed {seed}; "
                                  "{what}{gates}",
        "analysis_resampled": "; investors resampled ({resamples} × {per})",
        "no_reversal_startup": "  none: the same startup leads at every pillar weight",
        "no_scored_startup": "  none: no startup has a score under this perspective",
        "analysing_startups": "analysing {startups} × {draws}…",
        "as_of": "{file} as of {moment}",
        "history_when": "When",
        "history_who": "Who",
        "history_startup": "Startup",
        "history_assessment": "Assessment",
        "history_what": "What",
        "history_old": "Before",
        "history_new": "After",
        "history_comment": "Comment",
        "history_none": "no changes",
        "framework_valid": "{file}: valid framework {id} {version}: {pillars}, {criteria}, "
                           "{rules} ({postures}, {deal_breakers}), {scenarios}",
        "framework_not_semver": "{file}: note: version '{version}' is not MAJOR.MINOR.PATCH; "
                                "its next version will be 1.0.0",
        "framework_diff_head": "{a} ({a_id} {a_version}) → {b} ({b_id} {b_version})",
        "framework_same": "no differences: the two frameworks have the same content",
        "framework_kind": "a {kind} change: as the next version of {a_version}, {b_name} "
                          "would be {next}",
        "wrote_review": "wrote {path}: review workbook of framework {id} {version}",
        "computed_with": "Computed with the framework {name} ({id} {version})",
        "wrote_copy": "wrote {path}: {what}",
        "copy_of_workspace": "a copy of the workspace {source}",
        "copy_of_json": "a workspace holding the JSON portfolio {source} ({startups})",
        "output_kind": "the output must be {kind} file, not '{path}'",
        "export_kind": "the output must be an .xlsx or .json file, not '{path}'",
        "exporting": "exported {done} of {assessments}…",
        "generating": "generating {startups}…",
        "framework_not_found": "no such file, and no shipped framework has this id; expected "
                               "a framework file (JSON), a workspace or JSON portfolio whose "
                               "framework is used, or the id of a shipped framework (see "
                               "'beachhead framework list')",
        "same_output": "the output {output} is also the input; choose another file",
        "unknown_scenario": "unknown scenario '{name}'; this framework has: {known}",
        "none": "none",
        "no_assessment_by": "no assessment is by '{name}', so nothing would be ranked; {hint}",
        "differs_in_case": "the name differs only in case or spacing from {names}; give it "
                           "exactly",
        "no_assessments": "the portfolio has no assessments",
        "its_assessors": "its assessors are {names}",
        "and_more": " and {n} more",
        "needs_workspace": "{option} needs a workspace, which keeps the history of every "
                           "change; {path} is a JSON portfolio (convert it: beachhead copy "
                           "{path} NEW.beachhead)",
        "not_a_moment": "'{value}' is not a date or a date and time (YYYY-MM-DD, or "
                        "YYYY-MM-DDTHH:MM[:SS] with an optional Z or ±HH:MM)",
        "moment_out_of_range": "'{value}' is too far in the past or the future",
    },
    "zh_CN": {
        "startup": "初创公司",
        "assessor": "评估人",
        "role": "角色",
        "overall": "总分",
        "done": "完成度",
        "postures": "战略姿态",
        "deal_breakers": "致命缺陷",
        "role_founder": "创始人",
        "role_investor": "投资人",
        "role_other": "其他",
        "p_rank1": "P(排名第 1)",
        "p_top": "P(前 {k} 名)",
        "before": "情景前",
        "rank_change": "排名变化",
        "pillar": "支柱",
        "now": "当前",
        "at": "改变于",
        "new_leader": "新领先者",
        "previous_leader": "原领先者",
        "analysis_vary": "评分按其置信度变动",
        "analysis_weights": "；支柱权重变动（Dirichlet 分布，集中度 {c:g}）",
        "scenario": "情景：{name}（{id}）",
        "reversals": "当某一支柱占总权重的比例增长（其他支柱按比例缩放）时，领先者的变化：",
        "wrote_sample": "已写入 {path}：{startups}，{assessments}",
        "wrote_export": "已写入 {path}：{assessments}",
        "wrote_template": "已写入 {path}：框架 {id} {version} 的模板",
        "output_no_folder": "要写入的文件夹不存在",
        "output_is_folder": "这是一个文件夹；请指定要写入的文件名",
        "output_exists": "文件已存在；请换一个名称，或加上 --overwrite 以替换它",
        "framework_id_and_file": "注意：{id} 既是内置框架的 id，也是当前文件夹中的文件；这里使用"
                                 "内置框架（如需使用该文件，请写 ./{id}）",
        "output_workspace": "这是一个工作区，即使加上 --overwrite，也不会用其他类型的文件替换它；"
                            "请换一个名称",
        "output_link_workspace": "这是指向工作区 {target} 的链接，即使加上 --overwrite，也不会用"
                                 "其他类型的文件替换该工作区；请换一个名称",
        "output_link_unlike": "这是指向 {target} 的链接，该文件不是 {suffix} 文件，即使加上 "
                              "--overwrite 也不会被它替换；请换一个名称",
        "output_not_file": "这不是普通文件（而是命名管道、设备或文件夹），即使加上 --overwrite "
                           "也不会被替换；请换一个名称",
        "wrote_report": "已写入 {path}：{pages}（{startups}）",
        "writing_pages": "正在写入 {pages}…",
        "page_of": "  第 {done} 页，共 {total} 页",
        "rank": "排名",
        "gated": "致命缺陷",
        "founder_gap": "与创始人差距",
        "used": "评估数",
        "status": "状态",
        "suggested": "建议",
        "perspective_investor": "投资人视角（每位投资人最新评估的中位数）",
        "perspective_founder": "创始人视角（最新的创始人评估）",
        "perspective_latest": "最新评估",
        "perspective_assessor": "评估人 {name}（最新评估）",
        "ranking_head": "{file}：{startups}，{perspective}；P10–P90 来自 {draws}，种子 "
                        "{seed}{gates}",
        "ignoring_gates": "；致命缺陷不影响排序",
        "gating": "；触发致命缺陷的公司排在其他公司之后",
        "analysis_startups_head": "{file}：{startups}，{perspective}；{draws}，种子 {seed}；"
                                  "{what}{gates}",
        "analysis_resampled": "；对投资人重新抽样（{resamples} × 每次 {per}）",
        "no_reversal_startup": "  无：在任何支柱权重下领先的公司都不变",
        "no_scored_startup": "  无：在此视角下没有公司有评分",
        "analysing_startups": "正在分析 {startups} × {draws}…",
        "as_of": "{file}（截至 {moment}）",
        "history_when": "时间",
        "history_who": "修改人",
        "history_startup": "初创公司",
        "history_assessment": "评估",
        "history_what": "修改内容",
        "history_old": "修改前",
        "history_new": "修改后",
        "history_comment": "备注",
        "history_none": "没有修改",
        "framework_valid": "{file}：有效的框架 {id} {version}：{pillars}，{criteria}，"
                           "{rules}（{postures}，{deal_breakers}），{scenarios}",
        "framework_not_semver": "{file}：注意：版本“{version}”不是“主版本.次版本.修订号”"
                                "格式，其下一版本将为 1.0.0",
        "framework_diff_head": "{a}（{a_id} {a_version}）→ {b}（{b_id} {b_version}）",
        "framework_same": "没有差异：两个框架的内容相同",
        "framework_kind": "属于{kind}变更：作为 {a_version} 的下一版本，{b_name} 应为 {next}",
        "wrote_review": "已写入 {path}：框架 {id} {version} 的审阅工作簿",
        "computed_with": "计算所用框架：{name}（{id} {version}）",
        "wrote_copy": "已写入 {path}：{what}",
        "copy_of_workspace": "工作区 {source} 的副本",
        "copy_of_json": "包含 JSON 组合 {source} 的工作区（{startups}）",
        "output_kind": "输出文件必须是 {kind} 文件，而不是“{path}”",
        "export_kind": "输出文件必须是 .xlsx 或 .json 文件，而不是“{path}”",
        "exporting": "已导出 {assessments}中的 {done} 项…",
        "generating": "正在生成 {startups}…",
        "framework_not_found": "没有这个文件，也没有此 id 的内置框架；应为框架文件（JSON）、"
                               "使用其框架的工作区或 JSON 组合，或内置框架的 id（见“beachhead "
                               "framework list”）",
        "same_output": "输出文件 {output} 同时也是输入文件；请换一个文件",
        "unknown_scenario": "未知情景“{name}”；此框架的情景有：{known}",
        "none": "无",
        "no_assessment_by": "没有“{name}”所做的评估，因此无可排名；{hint}",
        "differs_in_case": "该名称与{names}仅在大小写或空格上不同；请准确输入",
        "no_assessments": "该组合没有任何评估",
        "its_assessors": "其评估人有{names}",
        "and_more": "等另外 {n} 人",
        "needs_workspace": "{option} 需要工作区（工作区保留每次修改的历史）；{path} 是 JSON "
                           "组合（可先转换：beachhead copy {path} NEW.beachhead）",
        "not_a_moment": "“{value}”不是日期或日期时间（YYYY-MM-DD，或 "
                        "YYYY-MM-DDTHH:MM[:SS]，可带 Z 或 ±HH:MM）",
        "moment_out_of_range": "“{value}”过于久远或太过遥远的将来",
    },
}


def label(key: str, lang: str = "en") -> str:
    """The label ``key`` in ``lang``, falling back to English."""
    return LABELS.get(lang, LABELS["en"]).get(key) or LABELS["en"][key]


def computed_with(framework: Framework, lang: str = "en") -> str:
    """The line under a table of results naming the framework and version they were
    computed with."""
    return label("computed_with", lang).format(name=text(framework.name, lang),
                                               id=framework.id, version=framework.version)


def framework_json(framework: Framework) -> dict[str, str]:
    """The framework results were computed with, for JSON output: ``{"id", "version"}``."""
    return {"id": framework.id, "version": framework.version}


def role(value: str, lang: str = "en") -> str:
    """An assessor role (``founder``, ``investor``, ``other``) as shown in ``lang``."""
    key = f"role_{value}"
    return label(key, lang) if key in LABELS["en"] else value
