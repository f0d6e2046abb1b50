"""``beachhead score``: the startups ranked under a perspective (rank, gated, overall, pillars,
completeness, P10–P90, founder gap), or with ``--perspective assessments`` every assessment's
overall, pillars, completeness, postures, deal-breakers and top improvements; as a table, CSV
or JSON on standard output."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from models.cli.common import EXIT_OK, UsageError, check_assessor, scenario_named, stdout
from models.cli.count_texts import counted
from models.cli.ranking_tables import ranking_csv, ranking_rows, ranking_table
from models.cli.reading import read_portfolio, source_text
from models.cli.tables import perspective_text, score_csv, score_table
from models.cli.texts import computed_with, framework_json, label
from models.core.collector import collector_paused

if TYPE_CHECKING:
    from models.core.framework import Scenario
    from models.core.portfolio import Portfolio


def cmd_score(args: argparse.Namespace) -> int:
    """``beachhead score FILE [--perspective P] [--ignore-gates] [--draws N] [--seed S]
    [--format table|csv|json] [--scenario NAME] [--as-of DATE]``."""
    if args.perspective == "assessments" and args.ignore_gates:
        raise UsageError("--ignore-gates ranks startups; --perspective assessments lists every "
                         "assessment unranked, so it has no gates to ignore")
    with collector_paused():
        portfolio = read_portfolio(args)
        scenario = scenario_named(portfolio.framework, args.scenario)
        check_assessor(portfolio, args.perspective, args.file)
        if args.perspective == "assessments":
            _score_assessments(args, portfolio, scenario)
        else:
            _score_startups(args, portfolio, scenario)
    return EXIT_OK




def _score_assessments(args: argparse.Namespace, portfolio: Portfolio,
                       scenario: Scenario | None) -> None:
    """One row per assessment, in document order."""
    from models.engine.results import score_portfolio

    results = score_portfolio(portfolio, scenario, lang=args.lang)
    rows = [r.as_json() for r in results]
    _write(args, portfolio, rows,
           lambda: score_csv(rows, [p.id for p in portfolio.framework.pillars]),
           lambda: score_table(rows, portfolio.framework, args.lang))


def _score_startups(args: argparse.Namespace, portfolio: Portfolio,
                    scenario: Scenario | None) -> None:
    """One row per startup under the perspective, best first."""
    from models.analysis.perspective_bands import perspective_bands
    from models.engine.ranking import rank_startups

    ranking = rank_startups(portfolio, args.perspective, scenario=scenario,
                            ignore_gates=args.ignore_gates, lang=args.lang)
    bands = perspective_bands(ranking.view, portfolio.framework, draws=args.draws,
                              seed=args.seed, scenario=scenario)
    rows = ranking_rows(ranking, bands)

    def table() -> str:
        head = label("ranking_head", args.lang).format(
            file=source_text(args), startups=counted(args.lang, "startups", len(rows)),
            perspective=perspective_text(ranking.perspective, args.lang),
            draws=counted(args.lang, "draws", bands.draws), seed=bands.seed,
            gates=label("ignoring_gates", args.lang) if args.ignore_gates else "")
        return ranking_table(rows, portfolio.framework, head, args.lang)

    _write(args, portfolio, rows,
           lambda: ranking_csv(rows, [p.id for p in portfolio.framework.pillars]), table)


def _write(args: argparse.Namespace, portfolio: Portfolio, rows: list[dict[str, Any]],
           csv_text: Callable[[], str], table_text: Callable[[], str]) -> None:
    """``rows`` on standard output as JSON (each row naming the framework it was computed
    with: ``"framework": {"id", "version"}``), or the CSV or table text made on demand (a
    table ends with a line naming the framework and its version)."""
    out = stdout()
    fw = portfolio.framework
    if args.format == "json":
        named = [{**row, "framework": framework_json(fw)} for row in rows]
        out.write(json.dumps(named, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    elif args.format == "csv":
        out.write(csv_text())
    else:
        out.write(table_text() + computed_with(fw, args.lang) + "\n")

