"""``beachhead score``: every assessment's overall, pillars, completeness, postures,
deal-breakers and top improvements, as a table, CSV or JSON on standard output."""

from __future__ import annotations

import argparse
import json

from models.cli.common import EXIT_OK, scenario_named, stdout
from models.cli.tables import score_csv, score_table


def cmd_score(args: argparse.Namespace) -> int:
    """``beachhead score FILE [--format table|csv|json] [--scenario NAME]``."""
    from models.engine.results import score_portfolio
    from models.files.portfolio_file import load_portfolio

    portfolio = load_portfolio(args.file)
    scenario = scenario_named(portfolio.framework, args.scenario)
    results = score_portfolio(portfolio, scenario, lang=args.lang)
    rows = [r.as_json() for r in results]
    out = stdout()
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    elif args.format == "csv":
        out.write(score_csv(rows, [p.id for p in portfolio.framework.pillars]))
    else:
        out.write(score_table(rows, portfolio.framework, args.lang))
    return EXIT_OK
