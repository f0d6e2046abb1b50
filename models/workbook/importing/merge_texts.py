"""The notes of the merge into a portfolio, the reader processes' problems and the reasons a
website is refused, in English and Simplified Chinese (part of the importer's texts:
:mod:`models.workbook.importing.problem_texts` looks them up)."""

from __future__ import annotations

MERGING: dict[str, dict[str, str]] = {
    "en": {
        # the merge
        "in_portfolio": "in the portfolio",
        "seen_in_portfolio": "in the portfolio",
        "imported_from": "imported from {path}",
        "seen_imported": "(imported from {path})",
        "seen_imported_at": "(imported from {path}, {where})",
        "look_alike_merge": "'{name}' {how} '{other}' ({where}), a different startup by its "
                            "id; it is imported as a startup of its own, not merged (if they "
                            "are one company, merge them in Beachhead)",
        "merge_same": "has the same name as",
        "merge_case": "differs only in case or spacing from",
        "duplicate": "'{name}' already has an assessment by {assessor} dated {date} {where}, "
                     "with {same} scores; this one is skipped (not imported twice; to replace "
                     "it, delete the old assessment and import again)",
        "unnamed_assessor": "an unnamed assessor",
        "same_scores": "the same",
        "other_scores": "different",
        "ident": "framework '{id}' {version}",
        "weights_head": "the workbook's Framework sheet holds other weights than {ident}: "
                        "{changes}",
        "change_sep": "; ",
        "weights_adopted": "the new portfolio uses them, as framework '{id}' {version} (the "
                           "next version of {ident}), so it scores as the workbook does",
        "weights_differ": "the workbooks hold different weights, so the new portfolio keeps "
                          "those of {ident}; import the workbook on its own to use its weights",
        "weights_kept": "the portfolio keeps its own weights (an import never changes a "
                        "portfolio's framework), so Beachhead may score this workbook's "
                        "startups differently from it; to use these weights, import it into a "
                        "new portfolio or set them in the Framework view",
        "weights_note": "{head}; {tail}",
        # the reader processes
        "died": "the reader process stopped while reading this workbook: {why}; the file is "
                "refused (a damaged file, or one built to exhaust memory); the other workbooks "
                "are read as usual",
        "no_start": "a reader process could not start: {why}",
        "SIGABRT": "it aborted, which it does when it runs out of the memory a reader may take "
                   "or meets data it cannot handle",
        "SIGSEGV": "it crashed (segmentation fault)",
        "SIGBUS": "it crashed (bus error)",
        "SIGKILL": "it was killed, usually by the system when memory runs out",
        "stopped": "it was stopped",
        "death": "{how} ({signal})",
        "by_signal": "it was stopped by signal {n}",
        "exit_status": "it stopped with exit status {code}",
        # a website (models.core.website words the reason in English)
        "website": "the website '{shown}' is not a web address ({why}); expected a web "
                   "address such as acme.ai or https://acme.ai",
    },
    "zh_CN": {
        "in_portfolio": "在组合中",
        "seen_in_portfolio": "（已在组合中）",
        "imported_from": "导入自 {path}",
        "seen_imported": "（导入自 {path}）",
        "seen_imported_at": "（导入自 {path}，{where}）",
        "look_alike_merge": "“{name}”与“{other}”（{where}）{how}，但按 ID 是另一家初创公司；"
                            "它作为单独的初创公司导入，不合并（如果是同一家公司，请在 Beachhead "
                            "中合并）",
        "merge_same": "名称相同",
        "merge_case": "名称仅大小写或空格不同",
        "duplicate": "“{name}”已有一份由{assessor}于 {date} 所做的评估{where}，评分{same}；"
                     "此份跳过（不重复导入；如要替换，请删除旧评估后重新导入）",
        "unnamed_assessor": "未署名的评估人",
        "same_scores": "相同",
        "other_scores": "不同",
        "ident": "框架“{id}” {version}",
        "weights_head": "该工作簿的 Framework 工作表中的权重与{ident}不同：{changes}",
        "change_sep": "；",
        "weights_adopted": "新组合采用这些权重，作为框架“{id}” {version}（{ident}的下一版本），"
                           "因此评分与工作簿一致",
        "weights_differ": "各工作簿的权重不同，因此新组合保留{ident}的权重；如要使用某个工作簿的"
                          "权重，请单独导入它",
        "weights_kept": "组合保留自己的权重（导入从不改变组合的框架），因此 Beachhead 对该工作簿中"
                        "初创公司的评分可能与工作簿不同；如要使用这些权重，请将其导入新组合，"
                        "或在“框架”视图中设置",
        "weights_note": "{head}；{tail}",
        "died": "读取此工作簿时读取进程停止了：{why}；该文件被拒绝（文件已损坏，或被刻意构造来"
                "耗尽内存）；其他工作簿照常读取",
        "no_start": "读取进程无法启动：{why}",
        "SIGABRT": "进程中止：读取进程用完允许的内存或遇到无法处理的数据时会这样",
        "SIGSEGV": "进程崩溃（段错误）",
        "SIGBUS": "进程崩溃（总线错误）",
        "SIGKILL": "进程被终止，通常是系统内存不足所致",
        "stopped": "进程被停止",
        "death": "{how}（{signal}）",
        "by_signal": "进程被信号 {n} 停止",
        "exit_status": "进程以退出状态 {code} 停止",
        "website": "网站“{shown}”不是网址（{why}）；应为网址，例如 acme.ai 或 https://acme.ai",
    },
}

#: Why a website is refused (:mod:`models.core.website`), in Chinese; ``{0}`` is the part
#: of the English reason kept (a scheme, a port, a length).
WEBSITE_REASONS_ZH = (
    (r"^its host is not written right$", "主机名写法不对"),
    (r"^longer than (\d+) characters$", "超过 {0} 个字符"),
    (r"^it has spaces$", "含有空格"),
    (r"^it has control characters$", "含有控制字符"),
    (r"^it has the invisible character (U\+[0-9A-F]{4}), (.+)$", "含有不可见字符 {0}（{1}）"),
    (r"^a slash is missing: (.+): is written (.+)$", "少了一个斜杠：{0}: 应写作 {1}"),
    (r"^the slashes are missing: (.+): is written (.+)$", "少了斜杠：{0}: 应写作 {1}"),
    (r"^(.+): addresses are not web pages$", "{0}: 地址不是网页"),
    (r"^it does not start with http:// or https://$", "不是以 http:// 或 https:// 开头"),
    (r"^it has a user name or password$", "含有用户名或密码"),
    (r"^'(.*)' is not a port number$", "“{0}”不是端口号"),
    (r"^it has no host name$", "没有主机名"),
    (r"^'(.*)' is not a host name$", "“{0}”不是主机名"),
)
