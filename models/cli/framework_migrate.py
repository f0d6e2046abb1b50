"""``beachhead framework migrate PORTFOLIO --to FRAMEWORK [--dry-run]``: move a portfolio to
another framework (:mod:`models.core.framework_migration`).

The plan is printed first (:func:`models.engine.migration_plan.plan_migration`): the pillars
and criteria renamed (scores kept), removed (their scores leave the current assessments) and
added (unscored), and each startup's overall, rank and completeness before → after under the
investor view. ``--dry-run`` stops there and changes nothing. Otherwise a workspace (a file
or a team workspace's address) is migrated in one transaction under its write lock, its
change log keeping every score taken out; a JSON portfolio is rewritten atomically, the
previous version kept as ``.bak`` (it keeps no history).
"""

from __future__ import annotations

import argparse
import shlex
from typing import TYPE_CHECKING

from models.cli.common import EXIT_OK, stdout
from models.cli.count_texts import counted
from models.cli.framework_source import SOURCE_HELP, read_framework
from models.core.errors import InputError

if TYPE_CHECKING:
    from models.core.framework import Framework
    from models.core.framework_migration import Changes, ItemChange
    from models.engine.migration_plan import MigrationPlan

    Actions = argparse._SubParsersAction[argparse.ArgumentParser]

#: The command's words in English and Simplified Chinese.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "head": "{file}: from {old} to {new} ({view})",
        "criteria": "Criteria and pillars:",
        "pillar_renamed": "pillar renamed", "pillar_removed": "pillar removed",
        "pillar_added": "pillar added", "renamed": "renamed (scores kept)",
        "removed": "removed (scores leave the assessments)", "added": "added (unscored)",
        "kept": "{criteria} kept with their scores",
        "words": "What changed, in words:",
        "nothing": "the same criteria and pillars",
        "startups": "Startups:", "startup": "startup", "under": "scored under",
        "before": "before", "after": "after", "change": "change",
        "rank_before": "rank before", "rank_after": "rank after",
        "complete_before": "complete before", "complete_after": "complete after",
        "leave": "Removed criteria take {scores} out of the current assessments.",
        "dry": "Dry run: nothing was changed.",
        "done_ws": "Migrated {file}: the change log keeps each score taken out "
                   "(beachhead history {history}).",
        "done_json": "Migrated {file} (the previous version is kept as {file}.bak, which "
                     "alone still holds the scores taken out).",
        "same": "{file} already uses exactly this framework; nothing to do.",
    },
    "zh_CN": {
        "head": "{file}：从 {old} 迁移到 {new}（{view}）",
        "criteria": "标准与支柱：",
        "pillar_renamed": "支柱改名", "pillar_removed": "支柱删除", "pillar_added": "支柱新增",
        "renamed": "改名（评分保留）", "removed": "删除（评分移出评估）",
        "added": "新增（未评分）", "kept": "{criteria}保留评分",
        "words": "变更说明：",
        "nothing": "标准与支柱相同",
        "startups": "初创公司：", "startup": "初创公司", "under": "评分所用版本",
        "before": "迁移前", "after": "迁移后", "change": "变化",
        "rank_before": "迁移前排名", "rank_after": "迁移后排名",
        "complete_before": "迁移前完整度", "complete_after": "迁移后完整度",
        "leave": "被删除标准的 {scores}将移出当前评估。",
        "dry": "试运行：未作任何更改。",
        "done_ws": "已迁移 {file}：变更记录保留了每个移出的评分（beachhead history {history}）。",
        "done_json": "已迁移 {file}（上一版本保存为 {file}.bak，移出的评分仅保留在其中）。",
        "same": "{file} 已在使用完全相同的框架，无需迁移。",
    },
}


def _w(key: str, lang: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(key) or WORDS["en"][key]


def _ref(fw: Framework, lang: str) -> str:
    from models.core.framework import text

    return f"{text(fw.name, lang)} ({fw.id} {fw.version})"


def _item_lines(kind: str, items: list[ItemChange], lang: str) -> list[str]:
    from models.core.framework import text

    lines = []
    for i in items:
        name = (f"{text(i.before, lang)} → {text(i.after, lang)}" if i.before and i.after
                else text(i.after or i.before or {"en": i.id}, lang))
        count = f"  ({counted(lang, 'scores', i.scores)})" if i.scores else ""
        lines.append(f"  {_w(kind, lang)}: {i.id}  {name}{count}")
    return lines


def criteria_lines(criteria: Changes, pillars: Changes, lang: str) -> list[str]:
    """The criteria and pillars a plan changes, one a line."""
    lines = [_w("criteria", lang)]
    for kind, items in (("pillar_renamed", pillars.renamed), ("pillar_removed", pillars.removed),
                        ("pillar_added", pillars.added), ("renamed", criteria.renamed),
                        ("removed", criteria.removed), ("added", criteria.added)):
        lines += _item_lines(kind, items, lang)
    if len(lines) == 1:
        lines.append(f"  {_w('nothing', lang)}")
    lines.append("  " + _w("kept", lang).format(
        criteria=counted(lang, "criteria", len(criteria.kept))))
    return lines


def change_lines(old: Framework, new: Framework, lang: str) -> list[str]:
    """Every difference from ``old`` to ``new`` in words (a rubric reworded, a weight or a
    direction changed: the criteria kept are scored again under them), after a blank line;
    none when only the changelog differs."""
    from models.core.framework_diff import framework_differences

    words = framework_differences(old, new, lang)
    return ["", _w("words", lang), *(f"  {line}" for line in words)] if words else []


def plan_text(plan: MigrationPlan, file: str, lang: str) -> str:
    """The plan as the command prints it: a heading, the criteria changes and the table of
    startups before → after."""
    from models.cli.tables import csv_text, grid, perspective_text, signed
    from models.core.rounding import fixed, percent
    from models.engine.perspectives import Perspective

    view = Perspective.parse(plan.perspective)
    lines = [_w("head", lang).format(file=file, old=_ref(plan.old, lang),
                                     new=_ref(plan.new, lang),
                                     view=perspective_text(view, lang)), ""]
    lines += criteria_lines(plan.criteria, plan.pillars, lang)
    lines += [*change_lines(plan.old, plan.new, lang), "", _w("startups", lang)]
    head = [_w(k, lang) for k in ("startup", "under", "before", "after", "change",
                                  "rank_before", "rank_after", "complete_before",
                                  "complete_after")]
    body = [[csv_text(m.startup),
             ", ".join(v if f == plan.old.id else f"{f} {v}" for f, v in m.scored_under),
             "" if m.overall_before is None else fixed(m.overall_before, 1),
             "" if m.overall_after is None else fixed(m.overall_after, 1), signed(m.change),
             str(m.rank_before), str(m.rank_after), percent(m.completeness_before),
             percent(m.completeness_after)]
            for m in sorted(plan.startups, key=lambda m: m.rank_before)]
    lines += ["  " + line for line in grid(head, body, {2, 3, 4, 5, 6, 7, 8})]
    if plan.removed_scores:
        lines += ["", _w("leave", lang).format(
            scores=counted(lang, "scores", plan.removed_scores))]
    return "\n".join(lines)


def cmd_migrate(args: argparse.Namespace) -> int:
    """``beachhead framework migrate PORTFOLIO --to FRAMEWORK [--dry-run]``."""
    from models.core.framework_identity import own_identity
    from models.engine.migration_plan import plan_migration
    from models.files.framework_file import shipped_frameworks
    from models.store.access import is_workspace_location

    new = read_framework(args.to)
    if not is_workspace_location(args.portfolio):
        return _json(args, new)
    from models.store.workspace import Workspace

    with Workspace.open(args.portfolio) as ws:
        # a file whose id and version name other content comes in as their next version
        new = own_identity(new, [*shipped_frameworks(), *ws.frameworks()])
        if args.dry_run:  # only read: no write lock, no transaction
            _show(plan_migration(ws.load(), new, scored_under=ws.scored_under()), args)
            return EXIT_OK
        with ws.locked(args.comment) as current:
            if not _show(plan_migration(current, new, scored_under=ws.scored_under()), args):
                return EXIT_OK
            try:
                ws.replace_framework(new, drop_scored=True)
            except ValueError as exc:
                raise InputError.single(args.portfolio, "", str(exc)) from None
    shown = _shown(args.portfolio)
    print(_w("done_ws", args.lang).format(file=shown, history=shlex.quote(shown)), file=stdout())
    return EXIT_OK


def _shown(location: str) -> str:
    from models.store.server import is_server_address, shown

    return shown(location) if is_server_address(location) else location


def _show(plan: MigrationPlan, args: argparse.Namespace) -> bool:
    """Print the plan; True when the portfolio is to be migrated now."""
    out = stdout()
    if not plan.changes_anything:
        print(_w("same", args.lang).format(file=_shown(args.portfolio)), file=out)
        return False
    print(plan_text(plan, _shown(args.portfolio), args.lang), file=out)
    if args.dry_run:
        print(_w("dry", args.lang), file=out)
        return False
    return True


def _json(args: argparse.Namespace, new: Framework) -> int:
    """A JSON portfolio migrated and rewritten atomically (the previous version as .bak)."""
    from models.core.framework_identity import own_identity
    from models.core.framework_migration import apply_migration
    from models.engine.migration_plan import plan_migration
    from models.files.framework_file import shipped_frameworks
    from models.files.portfolio_file import load_portfolio, save_portfolio

    portfolio = load_portfolio(args.portfolio)
    new = own_identity(new, [*shipped_frameworks(), portfolio.framework])
    if not _show(plan_migration(portfolio, new), args):
        return EXIT_OK
    apply_migration(portfolio, new)
    save_portfolio(portfolio, args.portfolio)
    print(_w("done_json", args.lang).format(file=args.portfolio), file=stdout())
    return EXIT_OK


def add_migrate(actions: Actions, lang: argparse.ArgumentParser) -> None:
    """The ``migrate`` action of ``beachhead framework``."""
    p = actions.add_parser("migrate", parents=[lang],
                           help="move a portfolio to another framework: the plan (criteria "
                                "renamed, removed, added; each startup before → after), "
                                "then the move")
    p.add_argument("portfolio", metavar="PORTFOLIO",
                   help="a workspace (file or postgresql:// address) or a JSON portfolio")
    p.add_argument("--to", required=True, metavar="FRAMEWORK",
                   help=f"the new framework: {SOURCE_HELP}")
    p.add_argument("--dry-run", action="store_true",
                   help="print the plan only; change nothing")
    p.add_argument("--comment", default="framework migrate",
                   help="the comment the workspace's change log records with the migration")
    p.set_defaults(func=cmd_migrate)
