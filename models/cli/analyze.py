"""``beachhead analyze``: Monte Carlo uncertainty of every assessment's overall and rank,
pillar-weight sweeps and a scenario's shifts, as a table or JSON on standard output."""

from __future__ import annotations

import argparse
import json
import sys

from models.cli.common import EXIT_OK, progress_printer, scenario_named, stdout
from models.cli.tables import analysis_table
from models.cli.texts import label

#: Monte Carlo work (assessments × draws) above which ``analyze`` reports progress.
_PROGRESS_WORK = 1_000_000


def cmd_analyze(args: argparse.Namespace) -> int:
    """``beachhead analyze FILE [--draws N] [--seed S] [--scenario NAME] [--format table|json]``.

    JSON: ``{"draws", "seed", "weight_concentration", "scenario", "assessments": [{"startup",
    "assessor", "role", "overall", "p10", "p50", "p90", "p_rank1", "p_top3"}...], "reversals":
    [{"pillar", "weight", "new_leader", ...}...], "current_weights"}`` (see
    :meth:`models.analysis.run.PortfolioAnalysis.as_json`).
    """
    from models.analysis.run import analyze_portfolio
    from models.files.portfolio_file import load_portfolio

    portfolio = load_portfolio(args.file)
    scenario = scenario_named(portfolio.framework, args.scenario)
    n = len(portfolio.assessments())
    progress = None
    if n * args.draws >= _PROGRESS_WORK:
        print(label("analysing", args.lang).format(n=n, draws=args.draws), file=sys.stderr,
              flush=True)
        progress = progress_printer()
    result = analyze_portfolio(
        portfolio, draws=args.draws, seed=args.seed, scenario=scenario,
        concentration=args.weight_concentration, progress=progress, lang=args.lang,
    )
    out = stdout()
    if args.format == "json":
        out.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2, allow_nan=False)
                  + "\n")
    else:
        out.write(analysis_table(result, args.file, args.lang))
    return EXIT_OK
