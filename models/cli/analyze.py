"""``beachhead analyze``: the startups ranked under a perspective with the Monte Carlo
uncertainty of each one's overall and rank, pillar-weight sweeps and a scenario's shifts, as a
table or JSON on standard output."""

from __future__ import annotations

import argparse
import json
import sys

from models.cli.common import (
    EXIT_OK,
    check_assessor,
    progress_printer,
    scenario_named,
    stdout,
)
from models.cli.count_texts import counted
from models.cli.reading import read_portfolio, source_text
from models.cli.tables import analysis_table
from models.cli.texts import computed_with, framework_json, label

#: Monte Carlo work (startups × draws) above which ``analyze`` reports progress.
_PROGRESS_WORK = 1_000_000


def cmd_analyze(args: argparse.Namespace) -> int:
    """``beachhead analyze FILE [--perspective P] [--ignore-gates] [--draws N] [--seed S]
    [--scenario NAME] [--weight-concentration C] [--format table|json] [--as-of DATE]``.

    JSON: ``{"perspective", "ignore_gates", "draws", "resamples", "seed",
    "weight_concentration", "top_k", "scenario", "startups": [{"rank", "startup_id",
    "startup", "gated", "deal_breakers", "status", "suggested", "overall", "p10", "p50", "p90",
    "p_rank1", "p_top3", "founder_gap", "assessments"}...], "reversals": [{"pillar", "weight",
    "new_leader", "new_leader_id", ...}...], "current_weights", "framework": {"id",
    "version"}}`` (see :meth:`models.analysis.startups.StartupAnalysis.as_json`); a table ends
    with a line naming the framework and its version.
    """
    from models.analysis.startups import analyze_startups

    portfolio = read_portfolio(args)
    scenario = scenario_named(portfolio.framework, args.scenario)
    check_assessor(portfolio, args.perspective, args.file)
    n = len(portfolio.startups)
    progress = None
    if n * args.draws >= _PROGRESS_WORK:
        print(label("analysing_startups", args.lang).format(
            startups=counted(args.lang, "startups", n),
            draws=counted(args.lang, "draws", args.draws)), file=sys.stderr, flush=True)
        progress = progress_printer()
    result = analyze_startups(
        portfolio, args.perspective, draws=args.draws, seed=args.seed, scenario=scenario,
        concentration=args.weight_concentration, ignore_gates=args.ignore_gates,
        progress=progress, lang=args.lang,
    )
    out = stdout()
    if args.format == "json":
        data = {**result.as_json(), "framework": framework_json(portfolio.framework)}
        out.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        out.write(analysis_table(result, source_text(args), args.lang)
                  + computed_with(portfolio.framework, args.lang) + "\n")
    return EXIT_OK
